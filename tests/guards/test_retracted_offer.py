from __future__ import annotations

from typing import Any

from mittelpunkt.core.events import Event
from mittelpunkt.core.intents import IntentReading
from mittelpunkt.guards.retracted_offer import GUARD
from mittelpunkt.testing import at, event, findings_of


def ev(event_id: str, time: str, event_type: str, **data: Any) -> Event:
    return event(event_id, time, event_type, order="O-4", **data)


def email(event_id: str, time: str, text: str, *intents: str) -> Event:
    given = {"intent": list(intents)} if intents else {}
    return ev(event_id, time, "contact.inbound", channel="email", text=text, **given)


def reactivation_story() -> list[Event]:
    """Seed 004: cancelled on a question, reactivation offered, accepted, chased, refused."""
    return [
        ev("e1", "2026-09-14T20:00", "order.placed", items=[{"sku": "NB-14"}], channel="web"),
        ev("e2", "2026-09-14T20:05", "order.confirmed", promised_delivery="2026-09-25"),
        ev("e3", "2026-09-28T09:00", "order.cancelled", by="customer"),
        ev(
            "e4",
            "2026-09-28T16:00",
            "order.reactivation_offered",
            promise="R-4",
            until="2026-10-05",
        ),
        email(
            "e5",
            "2026-09-29T08:00",
            "Ja, ich bitte um Reaktivierung. Bitte senden Sie mir eine Bestätigung.",
            "reactivation_request",
            "confirmation_request",
        ),
        email(
            "e6",
            "2026-10-02T08:00",
            "Ich warte noch immer auf die Bestätigung.",
            "confirmation_request",
        ),
        email("e7", "2026-10-06T08:00", "Nochmals: bitte bestätigen Sie.", "confirmation_request"),
        ev(
            "e8",
            "2026-10-07T10:00",
            "order.reactivation_refused",
            promise="R-4",
            reason="storniert",
        ),
        ev("e9", "2026-10-07T10:01", "message.sent", channel="email", purpose="answer"),
    ]


def test_fires_on_the_refused_reactivation() -> None:
    [finding] = findings_of(GUARD, reactivation_story())
    assert finding.code == "retracted_offer"
    assert finding.time == at("2026-10-07T10:00")
    assert finding.cause == "R-4@e4"
    assert finding.evidence == ("e4", "e5", "e6", "e8")
    assert finding.severity == "high"
    action = finding.action.to_json()
    assert (action["kind"], action["purpose"], action["template"]) == (
        "escalate",
        "apology",
        "offer_honoured",
    )
    assert (action["offer"], action["honour"], action["keep_price"]) == ("R-4", True, True)
    assert finding.summary == (
        "The customer accepted the offer of 2026-09-28 on 2026-09-29, "
        "and the company refused it on 2026-10-07."
    )


def test_summary_in_german() -> None:
    [finding] = findings_of(GUARD, reactivation_story(), config={"lang": "de"})
    assert finding.summary.startswith("Der Kunde nahm das Angebot vom 28.09.2026")


def test_not_known_before_the_refusal() -> None:
    assert findings_of(GUARD, reactivation_story(), as_of="2026-10-07T09:59") == []


def test_silent_on_the_good_twin() -> None:
    story = [
        *reactivation_story()[:5],
        ev("e6", "2026-09-29T10:00", "order.reactivated", promise="R-4"),
        ev("e7", "2026-09-29T10:01", "message.sent", channel="email", purpose="confirmation"),
        ev("e8", "2026-10-07T10:00", "order.reactivation_refused", promise="R-4"),
    ]
    assert findings_of(GUARD, story) == []


def test_refusing_an_offer_nobody_accepted_is_fine() -> None:
    story = reactivation_story()
    del story[4:7]
    assert findings_of(GUARD, story) == []


def test_acceptance_just_inside_and_just_outside_the_offer() -> None:
    story = reactivation_story()
    del story[4:7]
    inside = email("e5", "2026-10-05T23:59:59", "Ja, bitte reaktivieren.", "reactivation_request")
    assert len(findings_of(GUARD, [*story, inside])) == 1
    outside = email("e5", "2026-10-06T00:00", "Ja, bitte reaktivieren.", "reactivation_request")
    assert findings_of(GUARD, [*story, outside]) == []


def test_silent_when_what_the_customer_meant_is_unknown() -> None:
    story = reactivation_story()
    story[4:7] = [email("e5", "2026-09-29T08:00", "Ja, ich bitte um Reaktivierung.")]
    assert findings_of(GUARD, story) == []

    def reactivation(text: str) -> IntentReading:
        return IntentReading(frozenset({"reactivation_request"}), cues=(text[:3],))

    assert len(findings_of(GUARD, story, classifier=reactivation)) == 1


def test_an_unanswered_call_accepts_nothing_an_explicit_acceptance_does() -> None:
    story = reactivation_story()
    story[4:7] = [
        ev(
            "e5",
            "2026-09-29T08:00",
            "contact.inbound",
            channel="phone",
            intent="reactivation_request",
            reached=False,
        )
    ]
    assert findings_of(GUARD, story) == []
    story[4] = ev("e5", "2026-09-29T08:00", "contact.inbound", channel="app", accepted=True)
    assert findings_of(GUARD, story)[0].evidence == ("e4", "e5", "e8")


def test_a_withdrawn_promise_of_kind_offer() -> None:
    story = [
        ev("e1", "2026-09-01T10:00", "promise.made", promise="P-9", kind="offer", due="2026-09-10"),
        email("e2", "2026-09-02T10:00", "Ja, gerne!", "confirmation_request"),
        ev("e3", "2026-09-03T10:00", "promise.withdrawn", promise="P-9"),
    ]
    [finding] = findings_of(GUARD, story)
    assert (finding.cause, finding.time) == ("P-9@e1", at("2026-09-03T10:00"))
    unnamed = [*story[:2], ev("e3", "2026-09-03T10:00", "promise.withdrawn")]
    assert findings_of(GUARD, unnamed) == []


def test_a_second_refusal_does_not_count_twice() -> None:
    story = [*reactivation_story(), ev("e10", "2026-10-08T10:00", "order.reactivation_refused")]
    assert len(findings_of(GUARD, story)) == 1


def test_can_be_disabled() -> None:
    config = {"guards": {"retracted_offer": {"enabled": False}}}
    assert findings_of(GUARD, reactivation_story(), config=config) == []


def test_order_of_arrival_does_not_matter() -> None:
    story = reactivation_story()
    assert findings_of(GUARD, story) == findings_of(GUARD, story[::-1])
