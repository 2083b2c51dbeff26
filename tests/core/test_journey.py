from __future__ import annotations

from mittelpunkt.core.intents import IntentReading
from mittelpunkt.testing import at, event, journey_of

PLACED = event("p", "2026-03-02T09:00", "order.placed", order="O-1", items=[{"sku": "MAT"}])


def test_an_order_is_open_until_everything_ordered_is_delivered() -> None:
    catalog = event(
        "s1",
        "2026-03-03T09:00",
        "shipment.created",
        order="O-1",
        shipment="S1",
        items=[{"sku": "CAT", "kind": "marketing"}],
    )
    got_catalog = event("d1", "2026-03-04T09:00", "shipment.delivered", order="O-1", shipment="S1")
    mat = event(
        "s2",
        "2026-03-05T09:00",
        "shipment.created",
        order="O-1",
        shipment="S2",
        items=[{"sku": "MAT"}],
    )
    got_mat = event("d2", "2026-03-06T09:00", "shipment.delivered", order="O-1", shipment="S2")
    journey = journey_of([PLACED, catalog, got_catalog, mat, got_mat])
    assert journey.is_open_at(at("2026-03-05T00:00"))
    assert not journey.is_open_at(at("2026-03-06T10:00"))


def test_a_cancelled_order_is_closed_and_a_reopened_case_is_open_again() -> None:
    cancelled = event("x", "2026-03-03T09:00", "order.cancelled", order="O-1", by="customer")
    assert not journey_of([PLACED, cancelled]).is_open
    opened = event("o", "2026-03-02T09:00", "case.opened", case="K-1")
    resolved = event("r", "2026-03-03T09:00", "case.resolved", case="K-1")
    reopened = event("ro", "2026-03-04T09:00", "case.reopened", case="K-1")
    assert not journey_of([opened, resolved]).is_open
    assert journey_of([opened, resolved, reopened]).is_open


def test_the_customers_own_journey_is_never_open() -> None:
    newsletter = event(
        "n", "2026-03-02T09:00", "message.sent", channel="email", purpose="marketing"
    )
    journey = journey_of([newsletter])
    assert journey.kind == "customer"
    assert not journey.is_open


def test_a_given_intent_wins_over_the_classifier_and_free_text_goes_to_it() -> None:
    given = event(
        "c1",
        "2026-03-02T09:00",
        "contact.inbound",
        order="O-1",
        channel="email",
        intent="cancel_request",
        text="egal",
    )
    free = event(
        "c2",
        "2026-03-02T10:00",
        "contact.inbound",
        order="O-1",
        channel="email",
        text="Wo bleibt meine Bestellung?",
    )
    silent = event("c3", "2026-03-02T11:00", "contact.inbound", order="O-1", channel="phone")
    calls: list[str] = []

    def classifier(text: str) -> IntentReading:
        calls.append(text)
        return IntentReading(frozenset({"status_inquiry"}), cues=("wo bleibt",))

    journey = journey_of([PLACED, given, free, silent], classifier=classifier)
    assert calls == ["Wo bleibt meine Bestellung?"]
    reading = journey.reading(given)
    assert reading is not None
    assert reading.explicit
    assert journey.reading(free) == classifier("")
    assert journey.reading(silent) is None


def test_events_after_as_of_are_not_seen() -> None:
    later = event("l", "2026-03-09T09:00", "x-note", order="O-1")
    assert [e.id for e in journey_of([PLACED, later], as_of="2026-03-05T00:00").events] == ["p"]


def test_a_reactivation_offer_keeps_a_cancelled_order_open_until_it_is_settled() -> None:
    cancelled = event("x", "2026-03-03T09:00", "order.cancelled", order="O-1", by="customer")
    offered = event("o", "2026-03-03T12:00", "order.reactivation_offered", order="O-1")
    refused = event("r", "2026-03-06T12:00", "order.reactivation_refused", order="O-1")
    journey = journey_of([PLACED, cancelled, offered, refused])
    assert not journey.is_open_at(at("2026-03-03T10:00"))
    assert journey.is_open_at(at("2026-03-04T10:00"))
    assert not journey.is_open
