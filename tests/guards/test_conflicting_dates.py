from __future__ import annotations

from typing import Any

from mittelpunkt.core.events import Event
from mittelpunkt.guards.conflicting_dates import GUARD
from mittelpunkt.testing import at, event, findings_of


def ev(event_id: str, time: str, event_type: str, **data: Any) -> Event:
    return event(event_id, time, event_type, order="O-1", **data)


def installation(event_id: str, time: str, ref: str, day: str, kind: str = "installation") -> Event:
    return ev(event_id, time, "appointment.scheduled", appointment=ref, at=day, kind=kind)


def vdsl_story() -> list[Event]:
    """Seed 001: a VDSL upgrade by phone; two installation dates end up on the order."""
    return [
        ev("e1", "2019-09-24T10:00", "order.placed", items=[{"sku": "VDSL50"}], channel="phone"),
        ev(
            "e2",
            "2019-09-24T10:05",
            "order.confirmed",
            promised_delivery={"from": "2019-10-15", "to": "2019-10-22"},
        ),
        ev("e3", "2019-10-09T17:00", "contact.inbound", channel="phone", intent="status_inquiry"),
        installation("e4", "2019-10-14T09:00", "A-1", "2019-11-03"),
        installation("e5", "2019-10-17T13:30", "A-2", "2019-11-05"),
        ev("e6", "2019-10-24T18:00", "contact.inbound", channel="phone", intent="status_inquiry"),
    ]


def test_fires_on_the_two_installation_dates() -> None:
    [finding] = findings_of(GUARD, vdsl_story())
    assert finding.code == "conflicting_dates"
    assert finding.time == at("2019-10-17T13:30")
    assert finding.cause == "appointment:A-1|A-2"
    assert (finding.evidence, finding.severity) == (("e4", "e5"), "medium")
    action = finding.action.to_json()
    assert (action["kind"], action["purpose"], action["template"]) == (
        "notify",
        "confirmation",
        "date_settled",
    )
    assert action["promises"] == ["A-1", "A-2"]
    assert action["dues"] == [
        at("2019-11-03T23:59:59.999999").isoformat(),
        at("2019-11-05T23:59:59.999999").isoformat(),
    ]
    assert finding.summary.endswith("2019-11-03 and 2019-11-05.")


def test_summary_in_german() -> None:
    [finding] = findings_of(GUARD, vdsl_story(), config={"lang": "de"})
    assert (
        finding.summary
        == "Für die Installation gelten zugleich zwei Daten: 03.11.2019 und 05.11.2019."
    )


def test_known_the_moment_the_second_date_is_made() -> None:
    assert findings_of(GUARD, vdsl_story(), as_of="2019-10-17T13:29") == []
    assert len(findings_of(GUARD, vdsl_story(), as_of="2019-10-17T13:30")) == 1


def test_silent_on_the_good_twin_with_one_date() -> None:
    story = vdsl_story()
    story[4] = ev(
        "e5", "2019-10-17T13:30", "message.sent", channel="letter", purpose="confirmation"
    )
    assert findings_of(GUARD, story) == []


def test_a_rebooking_in_one_step_is_no_conflict() -> None:
    story = [
        *vdsl_story(),
        ev("e7", "2019-10-17T13:30", "appointment.cancelled", appointment="A-1"),
    ]
    assert findings_of(GUARD, story) == []


def test_moving_the_same_appointment_is_no_conflict() -> None:
    story = vdsl_story()
    story[4] = installation("e5", "2019-10-17T13:30", "A-1", "2019-11-05")
    assert findings_of(GUARD, story) == []


def test_grace_just_inside_and_just_outside() -> None:
    config = {"guards": {"conflicting_dates": {"grace": "1h"}}}
    inside = [
        *vdsl_story(),
        ev("e7", "2019-10-17T14:29", "appointment.cancelled", appointment="A-1"),
    ]
    assert findings_of(GUARD, inside, config=config) == []
    outside = [
        *vdsl_story(),
        ev("e7", "2019-10-17T14:31", "appointment.cancelled", appointment="A-1"),
    ]
    [finding] = findings_of(GUARD, outside, config=config)
    assert finding.time == at("2019-10-17T14:30")
    assert len(findings_of(GUARD, inside)) == 1


def test_same_date_twice_is_no_conflict() -> None:
    story = vdsl_story()
    story[4] = installation("e5", "2019-10-17T13:30", "A-2", "2019-11-03")
    assert findings_of(GUARD, story) == []


def test_a_past_appointment_does_not_conflict_with_the_next() -> None:
    story = [
        installation("e1", "2019-10-01T09:00", "A-1", "2019-10-10"),
        installation("e2", "2019-10-12T09:00", "A-2", "2019-10-20"),
    ]
    assert findings_of(GUARD, story) == []


def test_appointments_of_different_or_unknown_kinds_are_left_alone() -> None:
    story = vdsl_story()
    story[4] = installation("e5", "2019-10-17T13:30", "A-2", "2019-11-05", kind="consultation")
    assert findings_of(GUARD, story) == []
    story[4] = ev(
        "e5", "2019-10-17T13:30", "appointment.scheduled", appointment="A-2", at="2019-11-05"
    )
    assert findings_of(GUARD, story) == []


def test_other_promise_kinds() -> None:
    story = [
        ev(
            "e1",
            "2026-09-01T10:00",
            "promise.made",
            promise="P-1",
            kind="contact",
            due="2026-09-03",
        ),
        ev(
            "e2",
            "2026-09-02T10:00",
            "promise.made",
            promise="P-2",
            kind="contact",
            due="2026-09-05",
        ),
    ]
    [finding] = findings_of(GUARD, story)
    assert finding.cause == "contact:P-1|P-2"


def test_order_of_arrival_does_not_matter() -> None:
    story = vdsl_story()
    assert findings_of(GUARD, story) == findings_of(GUARD, story[::-1])
