from __future__ import annotations

from typing import Any

from mittelpunkt.core.events import Event
from mittelpunkt.guards.misleading_message import GUARD
from mittelpunkt.testing import at, event, findings_of


def ev(event_id: str, time: str, event_type: str, **data: Any) -> Event:
    return event(event_id, time, event_type, order="O-1", **data)


CATALOG = {"sku": "CAT-2026", "name": "Hauptkatalog", "kind": "marketing"}
MAT = {"sku": "MAT-120", "name": "Bodenmatte"}


def on_the_way(event_id: str, time: str, **refs: Any) -> Event:
    return ev(
        event_id,
        time,
        "message.sent",
        channel="email",
        purpose="status",
        text="Unsere Lieferung ist auf dem Weg zu Ihnen",
        claims={"order_on_the_way": True},
        **refs,
    )


def floor_mat_story() -> list[Event]:
    """Seed 000: a mat ordered Monday 9:00, a catalog parcel announced as the order."""
    return [
        ev("e1", "2026-09-07T09:00", "order.placed", items=[MAT], channel="web", first_order=True),
        ev("e2", "2026-09-07T15:00", "shipment.created", shipment="S-1", items=[CATALOG]),
        on_the_way("e3", "2026-09-07T15:10", shipment="S-1"),
        ev("e4", "2026-09-08T11:00", "shipment.delivered", shipment="S-1"),
        ev("e5", "2026-09-09T10:00", "shipment.created", shipment="S-2", items=[MAT]),
        ev("e6", "2026-09-09T18:00", "shipment.delivered", shipment="S-2"),
    ]


def test_fires_on_the_catalog_parcel() -> None:
    [finding] = findings_of(GUARD, floor_mat_story())
    assert finding.code == "misleading_message"
    assert finding.time == at("2026-09-07T15:10")
    assert finding.cause == "e3"
    assert finding.evidence == ("e3", "e2")
    assert finding.severity == "medium"
    action = finding.action.to_json()
    assert (action["kind"], action["event"], action["shipment"]) == ("suppress", "e3", "S-1")
    assert action["contents"] == ["Hauptkatalog"]
    assert action["ordered"] == ["MAT-120"]
    assert "Hauptkatalog" in finding.summary


def test_known_as_soon_as_the_message_goes_out() -> None:
    assert len(findings_of(GUARD, floor_mat_story(), as_of="2026-09-07T15:10")) == 1


def test_summary_in_german() -> None:
    [finding] = findings_of(GUARD, floor_mat_story(), config={"lang": "de"})
    assert finding.summary.startswith("Eine Nachricht meldete")


def test_silent_when_the_message_names_the_parcel_with_the_mat() -> None:
    story = floor_mat_story()
    story[2] = on_the_way("e3", "2026-09-09T10:05", shipment="S-2")
    assert findings_of(GUARD, story) == []


def test_a_catalog_packed_with_the_order_is_fine() -> None:
    story = floor_mat_story()
    story[1] = ev(
        "e2", "2026-09-07T15:00", "shipment.created", shipment="S-1", items=[CATALOG, MAT]
    )
    assert findings_of(GUARD, story) == []


def test_unnamed_shipment_needs_some_parcel_with_ordered_items() -> None:
    story = floor_mat_story()
    story[2] = on_the_way("e3", "2026-09-07T15:10")
    [finding] = findings_of(GUARD, story)
    assert finding.evidence == ("e3", "e2")
    later = [*story[:2], story[4], on_the_way("e7", "2026-09-09T10:05")]
    assert findings_of(GUARD, later) == []


def test_the_parcel_is_judged_as_known_when_the_message_is_sent() -> None:
    story = floor_mat_story()
    story[1] = ev("e2", "2026-09-07T15:20", "shipment.created", shipment="S-1", items=[CATALOG])
    assert findings_of(GUARD, story) == []


def test_without_an_item_list_any_non_marketing_item_counts() -> None:
    story = [
        ev("e1", "2026-09-07T09:00", "order.placed", items=[], channel="web"),
        ev("e2", "2026-09-07T15:00", "shipment.created", shipment="S-1", items=[MAT]),
        on_the_way("e3", "2026-09-07T15:10", shipment="S-1"),
    ]
    assert findings_of(GUARD, story) == []


def test_silent_when_nothing_is_known_of_the_shipments() -> None:
    story = [
        ev("e1", "2026-09-07T09:00", "order.placed", items=[MAT], channel="web"),
        on_the_way("e2", "2026-09-07T15:10", shipment="S-1"),
    ]
    assert findings_of(GUARD, story) == []
    assert findings_of(GUARD, [story[0], on_the_way("e2", "2026-09-07T15:10")]) == []


def test_silent_without_the_claim() -> None:
    story = floor_mat_story()
    story[2] = ev(
        "e3", "2026-09-07T15:10", "message.sent", shipment="S-1", channel="email", purpose="status"
    )
    assert findings_of(GUARD, story) == []


def test_can_be_disabled() -> None:
    config = {"guards": {"misleading_message": {"enabled": False}}}
    assert findings_of(GUARD, floor_mat_story(), config=config) == []


def test_order_of_arrival_does_not_matter() -> None:
    story = floor_mat_story()
    assert findings_of(GUARD, story) == findings_of(GUARD, story[::-1])
