"""``misleading_message``: "your order is on its way" while the parcel holds none of it.

Seed 000: six hours after ordering a floor mat, the customer was mailed "Unsere Lieferung
ist auf dem Weg zu Ihnen"; the parcel was a thousand-page catalog, and the mat came days
later. A ``message.sent`` that claims ``order_on_the_way`` is judged at the moment it is
sent: the shipment it names (``refs.shipment``) must hold an ordered item; a message naming
no shipment needs some shipment on the journey holding one. Ordered items are the order's
skus, or, when the order lists none, anything that is not marketing. When nothing is known
of the shipments yet (the named one unrecorded, or none at all), the guard stays silent.

>>> from mittelpunkt.testing import event, findings_of
>>> story = [
...     event("e1", "2026-09-07T09:00", "order.placed", order="O-1", items=[{"sku": "MAT"}],
...           channel="web"),
...     event("e2", "2026-09-07T15:00", "shipment.created", order="O-1", shipment="S-1",
...           items=[{"sku": "CATALOG", "kind": "marketing"}]),
...     event("e3", "2026-09-07T15:05", "message.sent", order="O-1", shipment="S-1",
...           channel="email", purpose="status", claims={"order_on_the_way": True}),
... ]
>>> [(f.code, f.action.kind) for f in findings_of(GUARD, story)]
[('misleading_message', 'suppress')]
>>> story[1] = event("e2", "2026-09-07T15:00", "shipment.created", order="O-1",
...                  shipment="S-1", items=[{"sku": "MAT"}])
>>> findings_of(GUARD, story)
[]
"""

from __future__ import annotations

from collections.abc import Iterator

from mittelpunkt.core.events import Event
from mittelpunkt.core.findings import Finding
from mittelpunkt.core.guard import Guard, Settings
from mittelpunkt.core.journey import Journey
from mittelpunkt.core.promises import ordered_skus

__all__ = ["GUARD", "check"]

SUMMARY = {
    "en": "A message told the customer the order was on its way, but the parcel holds "
    "{contents} and none of the ordered items.",
    "de": "Eine Nachricht meldete die Bestellung als unterwegs, doch das Paket enthält "
    "{contents} und keinen der bestellten Artikel.",
}
_NOTHING = {"en": "nothing yet", "de": "noch nichts"}


def check(journey: Journey, settings: Settings) -> Iterator[Finding]:
    """A finding per "on its way" message that no shipment of ordered items backs.

    >>> from mittelpunkt.testing import event, findings_of
    >>> unknown = [event("e1", "2026-09-07T15:05", "message.sent", order="O-1", shipment="S-9",
    ...                  channel="email", purpose="status", claims={"order_on_the_way": True})]
    >>> findings_of(GUARD, unknown)
    []
    """
    for message in journey.of_type("message.sent"):
        if not _claims_on_the_way(message):
            continue
        ordered = _ordered(journey, message)
        shipments = _shipments(journey, message)
        if not shipments or any(_holds_ordered(s, ordered) for s in shipments):
            continue
        yield _finding(journey, settings, message, shipments, ordered)


def _claims_on_the_way(message: Event) -> bool:
    claims = message.data.get("claims")
    return isinstance(claims, dict) and claims.get("order_on_the_way") is True


def _ordered(journey: Journey, message: Event) -> set[str]:
    """The skus ordered by the time of the message (empty: the order lists none)."""
    skus: set[str] = set()
    for placed in journey.of_type("order.placed"):
        if placed.time <= message.time:
            skus |= ordered_skus(placed)
    return skus


def _shipments(journey: Journey, message: Event) -> list[Event]:
    """The shipments the claim rests on, as recorded by the time of the message."""
    named = message.refs.get("shipment")
    return [
        s
        for s in journey.of_type("shipment.created")
        if s.time <= message.time and named in (None, s.refs.get("shipment"))
    ]


def _holds_ordered(shipment: Event, ordered: set[str]) -> bool:
    contents = ordered_skus(shipment)
    return bool(contents & ordered) if ordered else bool(contents)


def _contents(shipments: list[Event]) -> list[str]:
    items = [i for s in shipments for i in s.data.get("items") or [] if isinstance(i, dict)]
    return sorted({str(i.get("name") or i["sku"]) for i in items})


def _finding(
    journey: Journey,
    settings: Settings,
    message: Event,
    shipments: list[Event],
    ordered: set[str],
) -> Finding:
    contents = _contents(shipments)
    return settings.finding(
        journey,
        time=message.time,
        cause=message.id,
        severity="medium",
        evidence=(message.id, *(s.id for s in shipments)),
        summary=settings.say(SUMMARY, contents=", ".join(contents) or settings.say(_NOTHING)),
        action=settings.action(
            "suppress",
            "status",
            "parcel_contents",
            event=message.id,
            shipment=message.refs.get("shipment"),
            contents=contents,
            ordered=sorted(ordered),
        ),
    )


GUARD = Guard("misleading_message", check, {}, seeds=("000",), needs=frozenset({"message.sent"}))
