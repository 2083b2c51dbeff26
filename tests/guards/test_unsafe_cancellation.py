from __future__ import annotations

from typing import Any

from mittelpunkt.core.events import Event
from mittelpunkt.core.intents import IntentReading
from mittelpunkt.guards.unsafe_cancellation import GUARD
from mittelpunkt.testing import at, event, findings_of

QUESTION = "Kann man das stornieren? Und wie sieht es dann aus mit dem bereits überwiesenen Geld?"
WITHDRAWAL = "Meine Mail zuvor hat sich erübrigt, ich akzeptiere die Lieferverzögerung."
REQUEST = "Hiermit storniere ich meine Bestellung."

READINGS = {
    QUESTION: IntentReading(
        frozenset({"cancel_question"}), explicit=False, cues=("Kann man", "stornieren", "?")
    ),
    WITHDRAWAL: IntentReading(frozenset({"withdraw"}), cues=("hat sich erübrigt",)),
    REQUEST: IntentReading(frozenset({"cancel_request"}), explicit=True, cues=("Hiermit",)),
    "Wann?": IntentReading(frozenset({"status_inquiry"}), cues=("Wann", "?")),
}


def classify(text: str) -> IntentReading | None:
    return READINGS.get(text)


def mail(event_id: str, time: str, text: str, **data: Any) -> Event:
    return event(event_id, time, "contact.inbound", order="O-4", channel="email", text=text, **data)


def cancelled(time: str = "2020-05-11T09:00", **data: Any) -> Event:
    return event("x1", time, "order.cancelled", order="O-4", **{"by": "customer", **data})


def seed_004(*later: Event) -> list[Event]:
    """Seed 004: a question about cancelling, withdrawn the same day, read as a cancellation."""
    return [
        event(
            "o1",
            "2020-05-04T10:00",
            "order.placed",
            order="O-4",
            channel="web",
            items=[{"sku": "NB-1"}],
        ),
        event(
            "o2", "2020-05-04T10:05", "order.confirmed", order="O-4", promised_delivery="2020-05-08"
        ),
        mail("c1", "2020-05-09T09:00", "Wann?"),
        event(
            "m1",
            "2020-05-09T15:00",
            "message.sent",
            order="O-4",
            channel="email",
            purpose="answer",
            text="Verzögert sich um ca. zwei Wochen.",
        ),
        mail("c2", "2020-05-10T09:00", QUESTION),
        *later,
    ]


def test_fires_on_seed_004() -> None:
    story = seed_004(mail("c3", "2020-05-10T12:00", WITHDRAWAL), cancelled())
    [finding] = findings_of(GUARD, story, classifier=classify)
    assert finding.code == "unsafe_cancellation"
    assert finding.time == at("2020-05-11T09:00")
    assert finding.evidence == ("x1", "c2", "c3")
    assert finding.severity == "high"
    assert finding.action.kind == "require_confirmation"
    assert finding.action.details["undo"] == "x1"
    assert finding.details["reasons"] == ["question", "withdrawn"]
    assert finding.details["cues"] == ["Kann man", "stornieren", "?"]
    assert finding.details["explicit"] is False
    assert finding.summary == (
        "The order was cancelled on 2020-05-11 although the customer only asked about "
        "cancelling and had withdrawn the message since."
    )


def test_summary_in_german() -> None:
    story = seed_004(mail("c3", "2020-05-10T12:00", WITHDRAWAL), cancelled())
    [finding] = findings_of(GUARD, story, classifier=classify, config={"lang": "de"})
    assert finding.summary == (
        "Der Auftrag wurde am 11.05.2020 storniert, obwohl der Kunde nur nach einer "
        "Stornierung gefragt hatte und seine Nachricht inzwischen zurückgenommen hatte."
    )


def test_the_named_basis_wins() -> None:
    story = seed_004(cancelled(by="company", basis="c2"))
    [finding] = findings_of(GUARD, story, classifier=classify)
    assert finding.evidence == ("x1", "c2")
    assert finding.details["reasons"] == ["question"]


def test_silent_on_the_good_twins() -> None:
    answered = seed_004(
        event(
            "m2",
            "2020-05-10T11:00",
            "message.sent",
            order="O-4",
            channel="email",
            purpose="answer",
            text="Ja, kostenlos; das Geld kommt zurück. Sollen wir?",
        ),
    )
    instructed = seed_004(mail("c3", "2020-05-10T12:00", REQUEST), cancelled())
    assert findings_of(GUARD, answered, classifier=classify) == []
    assert findings_of(GUARD, instructed, classifier=classify) == []


def test_a_withdrawal_counts_only_before_the_cancellation() -> None:
    request = mail("c3", "2020-05-10T12:00", REQUEST)
    before = seed_004(request, mail("c4", "2020-05-11T08:59", WITHDRAWAL), cancelled())
    after = seed_004(request, cancelled(), mail("c4", "2020-05-11T09:01", WITHDRAWAL))
    [finding] = findings_of(GUARD, before, classifier=classify)
    assert finding.details["reasons"] == ["withdrawn"]
    assert finding.evidence == ("x1", "c3", "c4")
    assert findings_of(GUARD, after, classifier=classify) == []


def test_a_request_not_marked_explicit_is_not_enough() -> None:
    story = seed_004(
        mail("c3", "2020-05-10T12:00", "storno", intent="cancel_request", explicit=False),
        cancelled(),
    )
    [finding] = findings_of(GUARD, story, classifier=classify)
    assert finding.details["reasons"] == ["not_explicit"]
    assert finding.details["cues"] == ["data.intent"]


def test_same_finding_whatever_the_arrival_order() -> None:
    story = seed_004(mail("c3", "2020-05-10T12:00", WITHDRAWAL), cancelled())
    once = findings_of(GUARD, story, classifier=classify)
    assert findings_of(GUARD, story[::-1], classifier=classify) == once


def test_silent_when_the_basis_cannot_be_read() -> None:
    unread = seed_004(mail("c3", "2020-05-10T12:00", "Bitte um Rückmeldung."), cancelled())
    assert findings_of(GUARD, unread, classifier=classify) == []
    assert findings_of(GUARD, seed_004(cancelled())) == []


def test_silent_when_the_basis_is_unknown() -> None:
    assert findings_of(GUARD, seed_004(cancelled(basis="nowhere")), classifier=classify) == []
    assert findings_of(GUARD, seed_004(cancelled(by="company")), classifier=classify) == []


def test_silent_when_no_contact_spoke_of_cancelling() -> None:
    story = [*seed_004()[:4], cancelled()]
    assert findings_of(GUARD, story, classifier=classify) == []
