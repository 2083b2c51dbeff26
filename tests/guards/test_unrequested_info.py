from __future__ import annotations

from typing import Any

from mittelpunkt.core.events import Event
from mittelpunkt.guards.unrequested_info import GUARD
from mittelpunkt.testing import at, event, findings_of

AS_OF = "2019-11-01T12:00"


def seed_001(*extra: Event, **waiting: Any) -> list[Event]:
    """Seed 001: a VDSL upgrade ordered by phone waits weeks on a birthdate nobody asked for."""
    need = waiting.pop("need", "birthdate")
    return [
        event(
            "o1",
            "2019-09-23T10:00",
            "order.placed",
            order="O-1",
            channel="phone",
            items=[{"sku": "VDSL50"}, {"sku": "MODEM"}],
        ),
        event(
            "o2",
            "2019-09-23T10:20",
            "order.confirmed",
            order="O-1",
            promised_delivery={"from": "2019-10-14", "to": "2019-10-21"},
        ),
        event(
            "w1",
            "2019-09-23T11:00",
            "case.waiting",
            order="O-1",
            case="K-1",
            on=waiting.pop("on", "customer"),
            need=need,
        ),
        event(
            "c2",
            "2019-10-09T17:00",
            "contact.inbound",
            order="O-1",
            channel="phone",
            intent="status_inquiry",
            identified_with=["customer_number", "birthdate"],
        ),
        event(
            "m1",
            "2019-10-14T09:00",
            "message.sent",
            order="O-1",
            channel="letter",
            purpose="confirmation",
        ),
        *extra,
    ]


def request(event_id: str, time: str) -> Event:
    return event(
        event_id,
        time,
        "message.sent",
        order="O-1",
        channel="email",
        purpose="request_info",
        text="Bitte nennen Sie uns Ihr Geburtsdatum.",
    )


def test_fires_on_seed_001() -> None:
    [finding] = findings_of(GUARD, seed_001(), as_of=AS_OF)
    assert finding.code == "unrequested_info"
    assert finding.time == at("2019-09-24T11:00")
    assert finding.evidence == ("w1",)
    assert finding.severity == "high"
    assert finding.action.kind == "ask"
    assert finding.action.purpose == "request_info"
    assert finding.action.details["need"] == ["birthdate"]
    assert "birthdate" in finding.summary


def test_summary_in_german() -> None:
    [finding] = findings_of(GUARD, seed_001(), as_of=AS_OF, config={"lang": "de"})
    assert finding.summary.startswith("Der Vorgang wartet seit 23.09.2019 auf birthdate")
    assert finding.action.lang == "de"


def test_silent_on_the_good_twin() -> None:
    assert findings_of(GUARD, seed_001(request("m0", "2019-09-23T11:30")), as_of=AS_OF) == []


def test_request_just_inside_and_just_outside_the_window() -> None:
    inside = seed_001(request("m0", "2019-09-24T10:59"))
    outside = seed_001(request("m0", "2019-09-24T11:01"))
    assert findings_of(GUARD, inside, as_of=AS_OF) == []
    assert [f.time for f in findings_of(GUARD, outside, as_of=AS_OF)] == [at("2019-09-24T11:00")]


def test_a_request_shortly_before_the_wait_counts() -> None:
    just_before = seed_001(request("m0", "2019-09-23T10:01"))
    long_before = seed_001(request("m0", "2019-09-23T09:59"))
    assert findings_of(GUARD, just_before, as_of=AS_OF) == []
    assert len(findings_of(GUARD, long_before, as_of=AS_OF)) == 1


def test_configured_window() -> None:
    story = seed_001(request("m0", "2019-09-24T20:00"))
    config = {"guards": {"unrequested_info": {"window": "48h"}}}
    assert findings_of(GUARD, story, as_of=AS_OF, config=config) == []
    [finding] = findings_of(GUARD, seed_001(), as_of=AS_OF, config=config)
    assert finding.time == at("2019-09-25T11:00")


def test_not_before_the_deadline() -> None:
    assert findings_of(GUARD, seed_001(), as_of="2019-09-24T10:59") == []
    assert len(findings_of(GUARD, seed_001(), as_of="2019-09-24T11:00")) == 1


def test_silent_when_the_wait_ended_in_time() -> None:
    resumed = event("r1", "2019-09-23T16:00", "case.resumed", order="O-1", case="K-1")
    assert findings_of(GUARD, seed_001(resumed), as_of=AS_OF) == []


def test_a_wait_on_someone_else_is_not_the_customers_business() -> None:
    assert findings_of(GUARD, seed_001(on="partner"), as_of=AS_OF) == []


def test_silent_when_nobody_recorded_what_is_missing() -> None:
    assert findings_of(GUARD, seed_001(need=None), as_of=AS_OF) == []
    assert findings_of(GUARD, seed_001(need=[]), as_of=AS_OF) == []


def test_several_needs_are_named() -> None:
    [finding] = findings_of(GUARD, seed_001(need=["Geburtsdatum", "IBAN"]), as_of=AS_OF)
    assert finding.action.details["need"] == ["birthdate", "iban"]
