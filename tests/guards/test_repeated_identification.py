from __future__ import annotations

from typing import Any

from mittelpunkt.core.events import Event
from mittelpunkt.guards.repeated_identification import GUARD
from mittelpunkt.testing import at, event, findings_of

BOTH = ["customer_number", "birthdate"]


def call(event_id: str, time: str, **data: Any) -> Event:
    return event(event_id, time, "contact.inbound", order="O-1", channel="phone", **data)


def seed_001(identified: list[str] | None = BOTH, *, at_order: bool = True) -> list[Event]:
    """Seed 001: customer number and birthdate at every call; the order waits on the birthdate."""
    ids = {"identified_with": identified} if identified else {}
    return [
        event(
            "o1",
            "2019-09-23T10:00",
            "order.placed",
            order="O-1",
            channel="phone",
            items=[{"sku": "VDSL50"}],
        ),
        call("c1", "2019-09-23T10:00", intent="other", **(ids if at_order else {})),
        event(
            "w1",
            "2019-09-23T11:00",
            "case.waiting",
            order="O-1",
            case="K-1",
            on="customer",
            need="birthdate",
        ),
        call("c2", "2019-10-09T17:00", intent="status_inquiry", **ids),
        call("c3", "2019-10-24T18:00", intent="status_inquiry", **ids),
        event("r1", "2019-10-24T18:15", "case.resumed", order="O-1", case="K-1"),
    ]


def test_fires_on_seed_001_for_the_wait_and_the_third_call() -> None:
    given, repeated = findings_of(GUARD, seed_001())
    assert (given.code, repeated.code) == ("repeated_identification", "repeated_identification")
    assert given.time == at("2019-09-23T11:00")
    assert given.evidence == ("w1", "c1")
    assert given.severity == "high"
    assert given.action.kind == "prefill"
    assert given.action.details == {"fill_in": ["birthdate"], "known_from": "c1"}
    assert repeated.time == at("2019-10-24T18:00")
    assert repeated.evidence == ("c3", "c1", "c2")
    assert repeated.severity == "low"
    assert repeated.action.kind == "prefill"
    assert repeated.summary == (
        "The customer had to identify 3 times on this journey (customer_number, birthdate)."
    )


def test_the_wait_is_found_at_the_first_call_that_gave_the_data() -> None:
    [given] = findings_of(GUARD, seed_001(at_order=False))
    assert given.time == at("2019-10-09T17:00")
    assert given.evidence == ("w1", "c2")


def test_summaries_in_german() -> None:
    given, repeated = findings_of(GUARD, seed_001(), config={"lang": "de"})
    assert given.summary == (
        "Der Vorgang wartet auf birthdate, das der Kunde schon am 23.09.2019 zur "
        "Identifizierung genannt hat."
    )
    assert repeated.summary.startswith("Der Kunde musste sich in diesem Vorgang 3-mal ausweisen")


def test_silent_on_the_good_twin() -> None:
    # The agent takes the birthdate from the call; later calls recognise her number.
    story = [e for e in seed_001(None) if e.id not in ("w1", "r1")]
    story.append(call("c1", "2019-09-23T10:00", identified_with=BOTH))
    assert findings_of(GUARD, story) == []


def test_just_below_the_default_and_at_it() -> None:
    story = [e for e in seed_001(["customer_number"]) if e.id != "w1"]
    assert findings_of(GUARD, story[:-2]) == []
    assert len(findings_of(GUARD, story)) == 1


def test_configured_nth_on_seed_003() -> None:
    # Seed 003: phone number to the voice menu, then "Geburtstag?" from the agent, one call.
    story = [
        event("k1", "2018-11-20T19:00", "case.opened", case="K-3", topic="dsl"),
        event(
            "v1",
            "2018-11-20T19:05",
            "contact.inbound",
            case="K-3",
            channel="phone",
            conversation="CALL-1",
            handled_by="bot",
            identified_with=["phone_number"],
        ),
        event(
            "v2",
            "2018-11-20T19:30",
            "contact.inbound",
            case="K-3",
            channel="phone",
            conversation="CALL-1",
            handled_by="human",
            wait_seconds=1500,
            identified_with=["Geburtstag"],
        ),
    ]
    assert findings_of(GUARD, story) == []
    config = {"guards": {"repeated_identification": {"nth": 2}}}
    [finding] = findings_of(GUARD, story, config=config)
    assert finding.time == at("2018-11-20T19:30")
    assert finding.details["fields"] == ["phone_number", "birthdate"]


def test_data_given_only_after_the_wait_ended_does_not_count() -> None:
    story = [
        event(
            "w1", "2019-09-23T11:00", "case.waiting", order="O-1", on="customer", need="birthdate"
        ),
        event("r1", "2019-09-24T11:00", "case.resumed", order="O-1"),
        call("c2", "2019-10-09T17:00", identified_with=BOTH),
    ]
    assert findings_of(GUARD, story) == []


def test_silent_when_nothing_was_recorded() -> None:
    no_fields = seed_001(None)
    assert findings_of(GUARD, no_fields) == []
    no_need = [
        event("w1", "2019-09-23T11:00", "case.waiting", order="O-1", on="customer"),
        call("c2", "2019-10-09T17:00", identified_with=BOTH),
    ]
    assert findings_of(GUARD, no_need) == []


def test_same_findings_whatever_the_arrival_order() -> None:
    assert findings_of(GUARD, seed_001()[::-1]) == findings_of(GUARD, seed_001())
