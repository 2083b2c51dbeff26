from __future__ import annotations

from typing import Any

from mittelpunkt.core.events import Event
from mittelpunkt.core.intents import IntentReading
from mittelpunkt.guards.premature_survey import GUARD
from mittelpunkt.testing import at, event, findings_of


def ev(event_id: str, time: str, event_type: str, **data: Any) -> Event:
    return event(event_id, time, event_type, case="K-1", **data)


def survey(event_id: str, time: str, channel: str = "sms") -> Event:
    return ev(event_id, time, "message.sent", channel=channel, purpose="survey")


def dsl_story() -> list[Event]:
    """Seed 003: the app asks for a rating while the line drops; 'solved?' 'no.' 'stars?'."""
    return [
        ev("e1", "2026-09-05T08:00", "case.opened", topic="dsl out of sync"),
        survey("e2", "2026-09-07T19:00", channel="app"),
        ev(
            "e3",
            "2026-09-07T19:30",
            "contact.inbound",
            channel="phone",
            handled_by="human",
            wait_seconds=1500,
            intent="complaint",
        ),
        ev("e4", "2026-09-08T09:00", "case.resolved"),
        ev("e5", "2026-09-08T10:00", "message.sent", channel="sms", purpose="status"),
        ev("e6", "2026-09-08T10:05", "feedback.received", solved=False),
        survey("e7", "2026-09-08T10:06"),
    ]


def test_fires_on_the_dsl_story() -> None:
    early, late = findings_of(GUARD, dsl_story())
    assert (early.code, early.time, early.cause) == (
        "premature_survey",
        at("2026-09-07T19:00"),
        "e2",
    )
    assert (early.evidence, early.severity) == (("e2", "e1"), "low")
    assert (late.time, late.evidence, late.severity) == (
        at("2026-09-08T10:06"),
        ("e7", "e6"),
        "medium",
    )
    action = late.action.to_json()
    assert (action["kind"], action["purpose"], action["event"]) == ("suppress", "survey", "e7")
    assert "not solved" in late.summary


def test_summary_in_german() -> None:
    findings = findings_of(GUARD, dsl_story(), config={"lang": "de"})
    assert "nicht gelöst" in findings[1].summary


def test_silent_on_the_good_twin() -> None:
    story = [
        ev("e1", "2026-09-05T08:00", "case.opened", topic="dsl out of sync"),
        ev("e3", "2026-09-07T19:30", "contact.inbound", channel="phone", intent="complaint"),
        ev("e4", "2026-09-08T09:00", "case.resolved"),
        ev("e5", "2026-09-08T10:00", "message.sent", channel="sms", purpose="status"),
        ev("e6", "2026-09-08T10:05", "feedback.received", solved=False),
        ev("e7", "2026-09-08T10:30", "case.reopened"),
        ev("e8", "2026-09-09T15:00", "case.resolved"),
        ev("e9", "2026-09-10T10:00", "feedback.received", solved=True),
        survey("e10", "2026-09-10T10:01"),
    ]
    assert findings_of(GUARD, story) == []


def test_resolution_in_the_same_second_comes_first() -> None:
    story = [
        ev("e1", "2026-09-05T08:00", "case.opened"),
        ev("e2", "2026-09-06T08:00", "case.resolved"),
    ]
    assert findings_of(GUARD, [*story, survey("e3", "2026-09-06T08:00")]) == []
    assert len(findings_of(GUARD, [*story, survey("e0", "2026-09-06T07:59:59")])) == 1


def test_an_answer_after_not_solved_counts_as_something_done() -> None:
    story = [
        *dsl_story()[3:6],
        ev("e8", "2026-09-08T11:00", "message.sent", channel="email", purpose="answer"),
        survey("e9", "2026-09-08T12:00"),
    ]
    assert findings_of(GUARD, story) == []


def test_a_written_complaint_on_a_resolved_journey() -> None:
    story = [
        ev("e1", "2026-09-05T08:00", "case.opened"),
        ev("e2", "2026-09-06T08:00", "case.resolved"),
        ev("e3", "2026-09-06T09:00", "contact.inbound", channel="email", intent="complaint"),
        survey("e4", "2026-09-06T10:00"),
    ]
    [finding] = findings_of(GUARD, story)
    assert finding.evidence == ("e4", "e3")


def test_a_complaint_answered_in_a_call_is_not_left_unanswered() -> None:
    story = [
        ev("e1", "2026-09-05T08:00", "case.opened"),
        ev("e2", "2026-09-06T08:00", "case.resolved"),
        ev("e3", "2026-09-06T09:00", "contact.inbound", channel="phone", intent="complaint"),
        survey("e4", "2026-09-06T10:00"),
    ]
    assert findings_of(GUARD, story) == []
    story[2] = ev(
        "e3",
        "2026-09-06T09:00",
        "contact.inbound",
        channel="phone",
        intent="complaint",
        reached=False,
    )
    assert len(findings_of(GUARD, story)) == 1


def test_silent_when_what_the_customer_meant_is_unknown() -> None:
    story = [
        ev("e1", "2026-09-05T08:00", "case.opened"),
        ev("e2", "2026-09-06T08:00", "case.resolved"),
        ev("e3", "2026-09-06T09:00", "contact.inbound", channel="email", text="Immer noch kaputt!"),
        ev("e4", "2026-09-06T09:30", "feedback.received", score=2),
        survey("e5", "2026-09-06T10:00"),
    ]
    assert findings_of(GUARD, story) == []

    def complaint(text: str) -> IntentReading:
        return IntentReading(frozenset({"complaint"}), cues=(text[:5],))

    assert len(findings_of(GUARD, story, classifier=complaint)) == 1


def test_an_open_order_counts_as_unresolved() -> None:
    story = [
        event(
            "e1",
            "2026-09-07T09:00",
            "order.placed",
            order="O-1",
            items=[{"sku": "MAT"}],
            channel="web",
        ),
        event(
            "e2", "2026-09-07T18:00", "message.sent", order="O-1", channel="email", purpose="survey"
        ),
    ]
    [finding] = findings_of(GUARD, story)
    assert finding.evidence == ("e2", "e1")


def test_can_be_disabled() -> None:
    config = {"guards": {"premature_survey": {"enabled": False}}}
    assert findings_of(GUARD, dsl_story(), config=config) == []


def test_order_of_arrival_does_not_matter() -> None:
    story = dsl_story()
    assert findings_of(GUARD, story) == findings_of(GUARD, story[::-1])
