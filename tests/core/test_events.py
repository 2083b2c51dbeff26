from __future__ import annotations

from typing import Any

import pytest

from mittelpunkt.core.events import parse_event
from mittelpunkt.core.times import BERLIN
from mittelpunkt.exceptions import BadEvent


def raw(**changes: Any) -> dict[str, Any]:
    base: dict[str, Any] = {
        "id": "e-1",
        "time": "2026-03-02T09:00:00+01:00",
        "type": "order.confirmed",
        "customer": "C-1",
        "refs": {"order": "O-1"},
        "data": {"promised_delivery": "2026-03-06"},
    }
    base.update(changes)
    return {k: v for k, v in base.items() if v is not None}


def test_a_valid_event_keeps_every_field_and_derives_its_journey() -> None:
    event = parse_event(raw(source="shop", data={"promised_delivery": "2026-03-06", "x": 1}))
    assert event.journey == "order:O-1"
    assert event.source == "shop"
    assert event.data["x"] == 1


def test_a_date_alone_is_due_at_the_end_of_that_day_in_the_customers_zone() -> None:
    event = parse_event(raw())
    assert event.due is not None
    assert event.due.isoformat() == "2026-03-06T23:59:59.999999+01:00"


def test_a_range_promises_its_end() -> None:
    event = parse_event(raw(data={"promised_delivery": {"from": "2026-03-04", "to": "2026-03-07"}}))
    assert event.due is not None
    assert event.due.day == 7


def test_the_journey_falls_back_to_the_case_then_the_customer() -> None:
    assert parse_event(raw(type="case.opened", refs={"case": "K-7"}, data={})).journey == "case:K-7"
    assert parse_event(raw(type="x-note", refs={}, data={})).journey == "customer:C-1"
    assert parse_event(raw(journey="contract:9")).journey == "contract:9"


@pytest.mark.parametrize(
    ("changes", "field", "words"),
    [
        ({"id": None}, "id", "id is missing"),
        ({"time": "2026-03-02T09:00:00"}, "time", "no UTC offset"),
        ({"time": "yesterday"}, "time", "not an ISO 8601 time"),
        ({"type": "order.shipped"}, "type", "unknown type"),
        ({"customer": ""}, "customer", "non-empty string"),
        ({"refs": {"order": 7}}, "refs.order", "non-empty string"),
        ({"data": {}}, "data.promised_delivery", "needs data.promised_delivery"),
        ({"data": {"promised_delivery": "soon"}}, "data.promised_delivery", "ISO 8601"),
        (
            {"type": "message.sent", "data": {"channel": "email", "purpose": "spam"}},
            "data.purpose",
            "must be one of",
        ),
        (
            {"type": "order.placed", "data": {"items": [{"name": "mat"}]}},
            "data.items[0].sku",
            "sku",
        ),
    ],
)
def test_bad_events_name_the_field(changes: dict[str, Any], field: str, words: str) -> None:
    with pytest.raises(BadEvent) as caught:
        parse_event(raw(**changes))
    assert caught.value.field == field
    assert words in caught.value.message


def test_a_time_without_offset_is_read_in_the_configured_default_zone() -> None:
    event = parse_event(raw(time="2026-07-01T09:00:00"), default_tz=BERLIN)
    assert event.time.utcoffset() is not None
    assert event.time.utcoffset().total_seconds() == 7200  # type: ignore[union-attr]


def test_custom_types_are_kept() -> None:
    assert parse_event(raw(type="x-loyalty.points", data={"points": 5})).type == "x-loyalty.points"


def test_an_event_that_is_not_an_object_is_refused() -> None:
    with pytest.raises(BadEvent, match="JSON object"):
        parse_event(["not", "an", "event"])
