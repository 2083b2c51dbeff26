from __future__ import annotations

from typing import Any

from mittelpunkt.core.events import Event
from mittelpunkt.guards.no_news import GUARD
from mittelpunkt.testing import at, event, findings_of


def ev(event_id: str, time: str, event_type: str, **data: Any) -> Event:
    return event(event_id, time, event_type, case="K-1", **data)


def message(event_id: str, time: str, purpose: str = "status", channel: str = "email") -> Event:
    return ev(event_id, time, "message.sent", channel=channel, purpose=purpose)


def call(event_id: str, time: str, **data: Any) -> Event:
    return ev(event_id, time, "contact.inbound", channel="phone", handled_by="human", **data)


def upgrade_story() -> list[Event]:
    """Seed 001: VDSL ordered by phone; two weeks of silence; calls; a letter without a date."""
    return [
        call("e1", "2019-09-24T10:00", text="Ich möchte auf VDSL 50 wechseln."),
        ev("e2", "2019-09-24T10:05", "case.opened", topic="VDSL 50"),
        ev(
            "e3",
            "2019-09-24T10:06",
            "promise.made",
            promise="P-1",
            kind="activation",
            due="2019-10-22",
        ),
        ev("e4", "2019-09-24T10:10", "case.waiting", on="customer", need="birthdate"),
        call("e5", "2019-10-09T17:00", intent="status_inquiry"),
        message("e6", "2019-10-21T12:00", purpose="confirmation", channel="letter"),
        call("e7", "2019-10-24T18:00", intent="status_inquiry"),
        ev("e8", "2019-10-24T18:10", "case.resumed"),
    ]


def test_fires_on_the_upgrade_story() -> None:
    [finding] = findings_of(GUARD, upgrade_story(), as_of="2019-10-25")
    assert finding.code == "no_news"
    assert finding.time == at("2019-10-01T10:05")
    assert (finding.cause, finding.evidence) == ("e2", ("e2",))
    assert finding.severity == "medium"
    action = finding.action.to_json()
    assert (action["kind"], action["purpose"], action["template"]) == (
        "notify",
        "status",
        "status_update",
    )
    assert action["silent_since"] == at("2019-09-24T10:05").isoformat()
    assert action["open_promises"] == [
        {"kind": "activation", "ref": "P-1", "due": at("2019-10-22T23:59:59.999999").isoformat()}
    ]
    assert finding.summary == (
        "The customer heard nothing from the company between 2019-09-24 and 2019-10-01 "
        "while the concern was open."
    )


def test_summary_in_german() -> None:
    [finding] = findings_of(GUARD, upgrade_story(), as_of="2019-10-25", config={"lang": "de"})
    assert finding.summary.startswith("Zwischen 24.09.2019 und 01.10.2019")


def test_the_next_stretch_is_its_own_finding() -> None:
    findings = findings_of(GUARD, upgrade_story(), as_of="2019-10-28T12:00")
    assert [(f.cause, f.time) for f in findings] == [
        ("e2", at("2019-10-01T10:05")),
        ("e6", at("2019-10-28T12:00")),
    ]


def test_silent_on_the_good_twin_with_weekly_updates() -> None:
    story = [
        *upgrade_story()[:4],
        message("m1", "2019-09-30T09:00"),
        message("m2", "2019-10-07T09:00", purpose="request_info"),
        message("m3", "2019-10-14T09:00"),
        message("m4", "2019-10-21T09:00"),
    ]
    assert findings_of(GUARD, story, as_of="2019-10-25") == []


def test_not_raised_before_the_window_has_passed() -> None:
    assert findings_of(GUARD, upgrade_story(), as_of="2019-10-01T10:04") == []


def test_just_inside_and_just_outside_the_window() -> None:
    opened = upgrade_story()[1:2]
    assert (
        findings_of(GUARD, [*opened, message("m1", "2019-10-01T10:05")], as_of="2019-10-05") == []
    )
    [finding] = findings_of(GUARD, [*opened, message("m1", "2019-10-01T10:06")], as_of="2019-10-05")
    assert finding.time == at("2019-10-01T10:05")


def test_configured_window() -> None:
    config = {"guards": {"no_news": {"window": "3d"}}}
    story = [*upgrade_story()[1:2], message("m1", "2019-09-28T09:00")]
    [finding] = findings_of(GUARD, story, as_of="2019-09-30", config=config)
    assert finding.time == at("2019-09-27T10:05")


def test_marketing_and_surveys_are_no_news() -> None:
    story = [
        *upgrade_story()[1:2],
        message("m1", "2019-09-28T09:00", purpose="marketing"),
        message("m2", "2019-09-29T09:00", purpose="survey", channel="sms"),
    ]
    [finding] = findings_of(GUARD, story, as_of="2019-10-05")
    assert finding.cause == "e2"


def test_silent_when_the_journey_closed_within_the_window() -> None:
    story = [*upgrade_story()[1:2], ev("e3", "2019-10-01T10:05", "case.resolved")]
    assert findings_of(GUARD, story, as_of="2019-10-30") == []
    story[1] = ev("e3", "2019-10-01T10:06", "case.resolved")
    assert len(findings_of(GUARD, story, as_of="2019-10-30")) == 1


def test_a_reopened_case_starts_a_new_stretch() -> None:
    story = [
        *upgrade_story()[1:2],
        ev("e3", "2019-09-25T10:00", "case.resolved"),
        ev("e4", "2019-10-10T08:00", "case.reopened"),
    ]
    [finding] = findings_of(GUARD, story, as_of="2019-10-20")
    assert (finding.cause, finding.time) == ("e4", at("2019-10-17T08:00"))


def test_an_order_delivered_within_the_week() -> None:
    story = [
        event(
            "o1",
            "2026-09-07T09:00",
            "order.placed",
            order="O-1",
            items=[{"sku": "MAT"}],
            channel="web",
        ),
        event(
            "o2",
            "2026-09-08T09:00",
            "shipment.created",
            order="O-1",
            shipment="S-1",
            items=[{"sku": "MAT"}],
        ),
        event("o3", "2026-09-09T18:00", "shipment.delivered", order="O-1", shipment="S-1"),
    ]
    assert findings_of(GUARD, story, as_of="2026-09-30") == []


def test_silent_on_the_customer_journey() -> None:
    story = [event("n1", "2026-09-10T07:00", "message.sent", channel="email", purpose="status")]
    assert findings_of(GUARD, story, as_of="2026-10-30") == []


def test_order_of_arrival_does_not_matter() -> None:
    story = upgrade_story()
    assert findings_of(GUARD, story, as_of="2019-10-28T12:00") == findings_of(
        GUARD, story[::-1], as_of="2019-10-28T12:00"
    )


def test_a_promise_moved_later_into_the_past_was_still_open_at_the_deadline() -> None:
    """The ledger dates a promise broken by a move to a past date back to that date; at the
    window's end the move had not happened yet, so the update speaks to the promise as it
    stood (found by the live-equals-replay check)."""
    story = [
        event(
            "e0", "2026-03-02T09:00", "order.confirmed", order="O-1", promised_delivery="2026-03-09"
        ),
        event(
            "e1", "2026-03-09T15:00", "order.confirmed", order="O-1", promised_delivery="2026-03-03"
        ),
    ]
    [finding] = findings_of(GUARD, story, as_of="2026-03-10")
    assert finding.time == at("2026-03-09T09:00")
    assert finding.action.to_json()["open_promises"] == [
        {"kind": "delivery", "ref": "O-1", "due": at("2026-03-09T23:59:59.999999").isoformat()}
    ]
