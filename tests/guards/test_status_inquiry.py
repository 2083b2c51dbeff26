from __future__ import annotations

import pytest

from mittelpunkt.core.events import Event
from mittelpunkt.core.intents import IntentReading
from mittelpunkt.exceptions import BadConfig
from mittelpunkt.guards.status_inquiry import GUARD
from mittelpunkt.testing import at, event, findings_of


def seed_001(intent: str | None = "status_inquiry") -> list[Event]:
    """Seed 001: twice the customer calls to ask where her internet upgrade stands."""
    calls = {"intent": intent} if intent else {"text": "Wie ist der Stand meines Auftrags?"}
    return [
        event(
            "o1",
            "2019-09-23T10:00",
            "order.placed",
            order="O-1",
            channel="phone",
            items=[{"sku": "VDSL50"}],
        ),
        event(
            "o2",
            "2019-09-23T10:20",
            "order.confirmed",
            order="O-1",
            promised_delivery={"from": "2019-10-14", "to": "2019-10-21"},
        ),
        event("c2", "2019-10-09T17:00", "contact.inbound", order="O-1", channel="phone", **calls),
        event("c3", "2019-10-24T18:00", "contact.inbound", order="O-1", channel="phone", **calls),
    ]


def seed_000() -> list[Event]:
    """Seed 000: a catalog instead of the floor mat, and "when does my order come?"."""
    return [
        event(
            "o1",
            "2019-02-04T09:00",
            "order.placed",
            order="O-0",
            channel="web",
            items=[{"sku": "MAT"}],
        ),
        event(
            "m1",
            "2019-02-04T15:05",
            "message.sent",
            order="O-0",
            channel="email",
            purpose="status",
            claims={"order_on_the_way": True},
            shipment="S-1",
        ),
        event(
            "c1",
            "2019-02-05T10:00",
            "contact.inbound",
            order="O-0",
            channel="phone",
            text="Und wann kommt jetzt meine Bestellung?",
            intent=["complaint", "status_inquiry"],
        ),
    ]


def test_fires_on_each_inquiry_of_seed_001() -> None:
    first, second = findings_of(GUARD, seed_001())
    assert (first.code, second.code) == ("status_inquiry", "status_inquiry")
    assert (first.time, second.time) == (at("2019-10-09T17:00"), at("2019-10-24T18:00"))
    assert (first.evidence, second.evidence) == (("c2",), ("c3",))
    assert (first.severity, second.severity) == ("low", "medium")
    assert first.action.kind == "notify"
    assert first.action.purpose == "status"
    assert first.action.details["proactive"] is True
    assert first.details["failure_demand"] is True


def test_fires_on_seed_000_with_several_intents() -> None:
    [finding] = findings_of(GUARD, seed_000())
    assert finding.evidence == ("c1",)
    assert finding.details["intents"] == ["complaint", "status_inquiry"]


def test_summary_in_german() -> None:
    [finding] = findings_of(GUARD, seed_000(), config={"lang": "de"})
    assert finding.summary == (
        "Der Kunde musste am 05.02.2019 nachfragen, wie der Stand ist "
        "(1. Nachfrage in diesem Vorgang)."
    )


def test_silent_on_the_good_twin() -> None:
    # The company tells her first; she only calls to pass on her birthdate.
    story = [
        *seed_001(intent="info_provided"),
        event(
            "m1", "2019-10-01T09:00", "message.sent", order="O-1", channel="email", purpose="status"
        ),
    ]
    assert findings_of(GUARD, story) == []


def test_only_while_the_journey_is_open() -> None:
    story = [
        *seed_000(),
        event(
            "s1",
            "2019-02-06T18:00",
            "shipment.created",
            order="O-0",
            shipment="S-2",
            items=[{"sku": "MAT"}],
        ),
        event("s2", "2019-02-06T18:00", "shipment.delivered", order="O-0", shipment="S-2"),
        event(
            "c2",
            "2019-02-07T10:00",
            "contact.inbound",
            order="O-0",
            channel="email",
            intent="status_inquiry",
        ),
    ]
    assert [f.evidence for f in findings_of(GUARD, story)] == [("c1",)]


def test_reads_text_through_the_classifier_and_keeps_its_cues() -> None:
    def classifier(text: str) -> IntentReading | None:
        if "Stand" in text:
            return IntentReading(frozenset({"status_inquiry"}), cues=("Stand", "?"))
        return None

    findings = findings_of(GUARD, seed_001(intent=None), classifier=classifier)
    assert [f.details["cues"] for f in findings] == [["Stand", "?"], ["Stand", "?"]]


def test_silent_when_the_meaning_is_unknown() -> None:
    assert findings_of(GUARD, seed_001(intent=None)) == []


def test_has_no_thresholds_to_configure() -> None:
    assert findings_of(GUARD, seed_000(), config={"guards": {"status_inquiry": {}}})
    with pytest.raises(BadConfig, match="unknown setting"):
        findings_of(GUARD, seed_000(), config={"guards": {"status_inquiry": {"window": "1d"}}})
