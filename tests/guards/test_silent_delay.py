from __future__ import annotations

from typing import Any

from mittelpunkt.core.events import Event
from mittelpunkt.guards.silent_delay import GUARD
from mittelpunkt.testing import at, event, findings_of


def ev(event_id: str, time: str, event_type: str, **data: Any) -> Event:
    return event(event_id, time, event_type, order="O-1", **data)


def portal_order() -> list[Event]:
    """Seed 004: the portal confirms a date; its supplier reports two weeks' delay; silence."""
    return [
        ev("e1", "2026-09-01T10:00", "order.placed", items=[{"sku": "CAM-1"}], channel="web"),
        ev("e2", "2026-09-01T10:05", "order.confirmed", promised_delivery="2026-09-10"),
        ev(
            "e3",
            "2026-09-03T09:00",
            "shipment.delayed",
            shipment="S-1",
            new_eta="2026-09-24",
            reason="supplier shortage",
        ),
        ev(
            "e4",
            "2026-09-11T08:30",
            "contact.inbound",
            channel="email",
            text="Wann kommt meine Bestellung?",
            intent="status_inquiry",
        ),
        ev("e5", "2026-09-11T16:00", "message.sent", channel="email", purpose="answer"),
    ]


def delay_notice(event_id: str, time: str, new_due: str = "2026-09-24") -> Event:
    return ev(event_id, time, "message.sent", channel="email", purpose="delay", new_due=new_due)


def test_fires_on_the_portal_story() -> None:
    [finding] = findings_of(GUARD, portal_order(), as_of="2026-09-12")
    assert finding.code == "silent_delay"
    assert finding.time == at("2026-09-04T09:00")
    assert finding.cause == "e3"
    assert finding.evidence == ("e3", "e2")
    assert finding.severity == "high"
    action = finding.action.to_json()
    assert (action["kind"], action["purpose"], action["template"]) == (
        "notify",
        "delay",
        "delay_notice",
    )
    assert action["new_due"] == at("2026-09-24T23:59:59.999999").isoformat()
    assert action["reason"] == "supplier shortage"
    assert "2026-09-24" in finding.summary


def test_summary_in_german() -> None:
    [finding] = findings_of(GUARD, portal_order(), as_of="2026-09-12", config={"lang": "de"})
    assert "24.09.2026" in finding.summary
    assert finding.action.lang == "de"


def test_silent_when_the_company_told_the_customer() -> None:
    story = [*portal_order()[:3], delay_notice("e4", "2026-09-03T14:00")]
    assert findings_of(GUARD, story, as_of="2026-09-30") == []


def test_not_raised_before_the_deadline() -> None:
    assert findings_of(GUARD, portal_order()[:3], as_of="2026-09-04T08:59") == []


def test_just_inside_the_window() -> None:
    story = [*portal_order()[:3], delay_notice("e4", "2026-09-04T09:00")]
    assert findings_of(GUARD, story, as_of="2026-09-30") == []


def test_just_outside_the_window() -> None:
    story = [*portal_order()[:3], delay_notice("e4", "2026-09-04T09:01")]
    [finding] = findings_of(GUARD, story, as_of="2026-09-30")
    assert finding.time == at("2026-09-04T09:00")


def test_configured_window() -> None:
    story = [*portal_order()[:3], delay_notice("e4", "2026-09-03T18:00")]
    config = {"guards": {"silent_delay": {"window": "6h"}}}
    [finding] = findings_of(GUARD, story, as_of="2026-09-30", config=config)
    assert finding.time == at("2026-09-03T15:00")


def test_old_due_comes_first_when_the_delay_is_learned_late() -> None:
    story = [
        *portal_order()[:2],
        ev("e3", "2026-09-10T20:00", "shipment.delayed", new_eta="2026-09-24"),
    ]
    [finding] = findings_of(GUARD, story, as_of="2026-09-12")
    assert finding.time == at("2026-09-10T23:59:59.999999")
    told = [*story, delay_notice("e4", "2026-09-10T22:00")]
    assert findings_of(GUARD, told, as_of="2026-09-12") == []


def test_full_window_when_the_old_due_had_already_passed() -> None:
    story = [
        *portal_order()[:2],
        ev("e3", "2026-09-12T10:00", "shipment.delayed", new_eta="2026-09-24"),
    ]
    [finding] = findings_of(GUARD, story, as_of="2026-09-20")
    assert finding.time == at("2026-09-13T10:00")


def test_silent_when_the_new_eta_still_keeps_the_promise() -> None:
    story = [
        *portal_order()[:2],
        ev("e3", "2026-09-03T09:00", "shipment.delayed", new_eta="2026-09-08"),
    ]
    assert findings_of(GUARD, story, as_of="2026-09-30") == []


def test_a_second_delay_needs_a_second_notice() -> None:
    story = [
        *portal_order()[:3],
        delay_notice("e4", "2026-09-03T14:00"),
        ev("e5", "2026-09-20T09:00", "shipment.delayed", new_eta="2026-10-05"),
    ]
    [finding] = findings_of(GUARD, story, as_of="2026-09-30")
    assert (finding.cause, finding.time) == ("e5", at("2026-09-21T09:00"))


def test_an_earlier_notice_of_the_same_date_counts() -> None:
    story = [
        *portal_order()[:2],
        delay_notice("e3", "2026-09-02T12:00"),
        ev("e4", "2026-09-03T09:00", "shipment.delayed", new_eta="2026-09-24"),
    ]
    assert findings_of(GUARD, story, as_of="2026-09-30") == []


def test_silent_when_delivered_or_cancelled_before_the_deadline() -> None:
    delivered = [
        *portal_order()[:3],
        ev("e4", "2026-09-03T12:00", "shipment.created", shipment="S-1", items=[{"sku": "CAM-1"}]),
        ev("e5", "2026-09-03T20:00", "shipment.delivered", shipment="S-1"),
    ]
    assert findings_of(GUARD, delivered, as_of="2026-09-30") == []
    cancelled = [
        *portal_order()[:3],
        ev("e4", "2026-09-03T12:00", "order.cancelled", by="customer"),
    ]
    assert findings_of(GUARD, cancelled, as_of="2026-09-30") == []


def test_without_a_promised_date_it_is_less_severe() -> None:
    story = [ev("e1", "2026-09-03T09:00", "shipment.delayed", new_eta="2026-09-24")]
    [finding] = findings_of(GUARD, story, as_of="2026-09-30")
    assert (finding.severity, finding.evidence) == ("medium", ("e1",))


def test_order_of_arrival_does_not_matter() -> None:
    story = portal_order()
    forward = findings_of(GUARD, story, as_of="2026-09-12")
    backward = findings_of(GUARD, story[::-1], as_of="2026-09-12")
    assert forward == backward
