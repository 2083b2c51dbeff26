"""Canonical events: the envelope of ``event-model.md``, parsed and validated.

An event is one thing that happened between a company and one customer. Parsing checks the
envelope and the type-specific fields the guards rely on, and names the field at fault.

>>> event = parse_event({
...     "id": "e-1", "time": "2026-03-02T09:00:00+01:00", "type": "order.confirmed",
...     "customer": "C-1", "refs": {"order": "O-1"},
...     "data": {"promised_delivery": "2026-03-06"},
... })
>>> event.journey, event.due.isoformat()
('order:O-1', '2026-03-06T23:59:59.999999+01:00')
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime, timedelta, timezone, tzinfo
from sys import intern
from types import MappingProxyType
from typing import Any, NamedTuple

from mittelpunkt.core.times import BERLIN, TimeFormatError, end_of_day, parse_due, parse_instant
from mittelpunkt.exceptions import BadEvent

__all__ = [
    "CANONICAL_TYPES",
    "DUE_FIELDS",
    "MESSAGE_PURPOSES",
    "RANKS",
    "Event",
    "derive_journey",
    "is_duplicate",
    "parse_event",
    "plain",
    "timeline_key",
]

#: Each canonical type and the ``data`` fields it cannot do without.
REQUIRED_DATA: Mapping[str, tuple[str, ...]] = MappingProxyType(
    {
        "order.placed": ("items",),
        "order.confirmed": ("promised_delivery",),
        "order.cancelled": ("by",),
        "order.reactivation_offered": (),
        "order.reactivated": (),
        "order.reactivation_refused": (),
        "shipment.created": ("items",),
        "shipment.dispatched": (),
        "shipment.delayed": ("new_eta",),
        "shipment.delivered": (),
        "case.opened": (),
        "case.waiting": ("on",),
        "case.resumed": (),
        "case.resolved": (),
        "case.reopened": (),
        "appointment.scheduled": ("at",),
        "appointment.done": (),
        "appointment.cancelled": (),
        "callback.promised": ("by",),
        "callback.done": (),
        "promise.made": ("kind", "due"),
        "promise.kept": (),
        "promise.withdrawn": (),
        "contact.inbound": ("channel",),
        "bot.replied": ("text",),
        "bot.handed_over": (),
        "message.sent": ("channel", "purpose"),
        "feedback.received": (),
        "consent.granted": ("purpose",),
        "consent.revoked": ("purpose",),
    }
)
CANONICAL_TYPES = frozenset(REQUIRED_DATA)

#: The ``data`` field holding the due time an event names, by type.
DUE_FIELDS: Mapping[str, str] = MappingProxyType(
    {
        "order.confirmed": "promised_delivery",
        "order.reactivation_offered": "until",
        "shipment.delayed": "new_eta",
        "appointment.scheduled": "at",
        "callback.promised": "by",
        "promise.made": "due",
        "message.sent": "new_due",
    }
)

#: The purposes a ``message.sent`` may name.
MESSAGE_PURPOSES = frozenset(
    {
        "status",
        "delay",
        "request_info",
        "confirmation",
        "answer",
        "survey",
        "marketing",
        "apology",
        "reminder",
    }
)

_CHOICES: Mapping[tuple[str, str], frozenset[str]] = MappingProxyType(
    {
        ("order.cancelled", "by"): frozenset({"customer", "company"}),
        ("case.waiting", "on"): frozenset({"customer", "partner", "internal"}),
        ("message.sent", "purpose"): MESSAGE_PURPOSES,
    }
)

_CHOICES_BY_TYPE: Mapping[str, tuple[tuple[str, frozenset[str]], ...]] = MappingProxyType(
    {
        kind: tuple((name, allowed) for (of, name), allowed in _CHOICES.items() if of == kind)
        for kind in {of for of, _ in _CHOICES}
    }
)

# Same-instant events are ordered by lifecycle so that "placed" precedes "confirmed" and a
# resolution precedes the survey sent in the same second, whatever the arrival order.
_OPENERS = frozenset({"order.placed", "case.opened", "case.reopened"})
_PROMISERS = frozenset(k for k in DUE_FIELDS if k != "message.sent") | {"shipment.created"}
_CLOSERS = frozenset(
    {
        "shipment.delivered",
        "case.resolved",
        "order.cancelled",
        "appointment.done",
        "callback.done",
        "promise.kept",
        "order.reactivated",
    }
)


#: The lifecycle rank of each canonical type (openers first, then promises, then closers).
RANKS: Mapping[str, int] = MappingProxyType(
    dict.fromkeys(_OPENERS, 0) | dict.fromkeys(_PROMISERS, 1) | dict.fromkeys(_CLOSERS, 2)
)


class Event(NamedTuple):
    """One canonical event, validated (immutable; a named tuple for speed and size).

    Attributes:
        id: the source's idempotency key.
        time: when it happened (timezone-aware).
        type: a canonical type or a custom ``x-`` type.
        customer: the customer's key.
        journey: the journey key, given or derived.
        refs: the objects the event concerns (``order``, ``shipment``, ``case``...).
        data: type-specific fields, unknown ones kept.
        source: the emitting system.
        due: the due time the event names (``DUE_FIELDS``), parsed, or None. An
            appointment is due at the end of its day in the customer's time zone.
    """

    id: str
    time: datetime
    type: str
    customer: str
    journey: str
    refs: Mapping[str, str] = MappingProxyType({})
    data: Mapping[str, Any] = MappingProxyType({})
    source: str | None = None
    due: datetime | None = None

    @property
    def order_key(self) -> tuple[datetime, int, str]:
        """The position of the event on its journey's timeline: time, lifecycle, id."""
        return timeline_key(self)


def timeline_key(event: Event) -> tuple[datetime, int, str]:
    """Where an event stands on its journey's timeline: time, lifecycle rank, id.

    Arrival order never matters; same-instant events follow the lifecycle (openers, then
    promises, then closers, then the rest).
    """
    return (event.time, RANKS.get(event.type, 3), event.id)


def is_duplicate(known: Event | None, event: Event) -> bool:
    """Whether ``event`` repeats ``known`` (the event seen before under its id) exactly.

    Raises:
        BadEvent: the same id arrived before with different content.

    >>> e = parse_event({"id": "e", "time": "2026-01-01T00:00:00Z", "type": "case.opened",
    ...                  "customer": "C"})
    >>> is_duplicate(None, e), is_duplicate(e, e)
    (False, True)
    """
    if known is None:
        return False
    if known != event:
        raise BadEvent("the same id arrived before with different content", event_id=event.id)
    return True


def plain(mapping: Mapping[str, Any]) -> dict[str, Any]:
    """A mapping as a plain dict (itself when it is one already).

    >>> plain(MappingProxyType({"a": 1}))
    {'a': 1}
    """
    return mapping if isinstance(mapping, dict) else dict(mapping)


def derive_journey(customer: str, refs: Mapping[str, str]) -> str:
    """The journey of an event that names none: its order, else its case, else its customer.

    >>> derive_journey("C-1", {"case": "K-7"})
    'case:K-7'
    >>> derive_journey("C-1", {})
    'customer:C-1'
    """
    if "order" in refs:
        return f"order:{refs['order']}"
    if "case" in refs:
        return f"case:{refs['case']}"
    return f"customer:{customer}"


def parse_event(
    raw: object,
    *,
    customer_tz: tzinfo = BERLIN,
    default_tz: tzinfo | None = None,
) -> Event:
    """Validate one decoded JSON value and make it an :class:`Event`.

    Args:
        raw: the decoded JSON value.
        customer_tz: the time zone in which a due date alone ends.
        default_tz: the zone for times without offset; None makes them an error.

    Raises:
        BadEvent: naming the field at fault.

    >>> parse_event({"id": "e-2", "time": "2026-03-02T09:00:00", "type": "case.opened",
    ...              "customer": "C-1"})
    Traceback (most recent call last):
    ...
    mittelpunkt.exceptions.BadEvent: event e-2, field time: time has no UTC offset
    """
    if not isinstance(raw, dict):
        raise BadEvent("an event must be a JSON object")
    event_id = _text(raw, "id", None)
    try:
        return _build(raw, event_id, customer_tz, default_tz)
    except BadEvent as error:
        raise BadEvent(error.message, field=error.field, event_id=event_id) from None


def _build(
    raw: dict[str, Any], event_id: str, customer_tz: tzinfo, default_tz: tzinfo | None
) -> Event:
    event_type = _text(raw, "type", event_id)
    if event_type not in CANONICAL_TYPES and not event_type.startswith("x-"):
        raise BadEvent(f"unknown type {event_type!r} (custom types start with 'x-')", field="type")
    customer = _text(raw, "customer", event_id)
    refs = _refs(raw.get("refs"))
    data = raw.get("data")
    if data is None:
        data = {}
    elif type(data) is not dict:
        raise BadEvent("data must be a JSON object", field="data")
    journey = raw.get("journey")
    if journey is None:
        journey = derive_journey(customer, refs)
    elif type(journey) is not str or not journey:
        raise BadEvent("journey must be a non-empty string", field="journey")
    source = raw.get("source")
    if source is not None and type(source) is not str:
        raise BadEvent("source must be a string", field="source")
    _check_data(event_type, data)
    # Types, customers, journeys and ref names repeat across events: share one copy of each.
    return Event(
        event_id,
        _shared_zone(_instant(raw.get("time"), "time", default_tz)),
        intern(event_type),
        intern(customer),
        intern(journey),
        refs,
        data,
        source,
        _due(event_type, data, customer_tz) if event_type in DUE_FIELDS else None,
    )


_ZONES: dict[timedelta | None, tzinfo] = {}


def _shared_zone(moment: datetime) -> datetime:
    """The same instant, with a time-zone object shared by all times of that offset."""
    zone = moment.tzinfo
    if not isinstance(zone, timezone):
        return moment
    shared = _ZONES.setdefault(zone.utcoffset(None), zone)
    return moment if shared is zone else moment.replace(tzinfo=shared)


def _text(raw: dict[str, Any], name: str, event_id: str | None) -> str:
    value = raw.get(name)
    if type(value) is str and value:
        return value
    if value is None:
        raise BadEvent(f"{name} is missing", field=name, event_id=event_id)
    raise BadEvent(f"{name} must be a non-empty string", field=name, event_id=event_id)


def _mapping(value: object, name: str) -> dict[str, Any]:
    if value is None:
        return {}
    if not isinstance(value, dict):
        raise BadEvent(f"{name} must be a JSON object", field=name)
    return value


def _refs(value: object) -> dict[str, str]:
    refs = _mapping(value, "refs")
    shared = {}
    for key, ref in refs.items():
        if type(ref) is not str or not ref:
            raise BadEvent("an object reference must be a non-empty string", field=f"refs.{key}")
        shared[intern(key)] = intern(ref)
    return shared


def _instant(value: object, name: str, default_tz: tzinfo | None) -> datetime:
    if value is None:
        raise BadEvent(f"{name} is missing", field=name)
    try:
        return parse_instant(value, default_tz)
    except TimeFormatError as error:
        raise BadEvent(str(error), field=name) from None


def _check_data(event_type: str, data: Mapping[str, Any]) -> None:
    for name in REQUIRED_DATA.get(event_type, ()):
        if data.get(name) is None:
            raise BadEvent(f"{event_type} needs data.{name}", field=f"data.{name}")
    for name, allowed in _CHOICES_BY_TYPE.get(event_type, ()):
        value = data.get(name)
        if value is not None and (type(value) is not str or value not in allowed):
            choices = ", ".join(sorted(allowed))
            raise BadEvent(f"must be one of {choices}", field=f"data.{name}")
    if "items" in data:
        _check_items(data["items"])


def _check_items(items: object) -> None:
    if not isinstance(items, list):
        raise BadEvent("items must be a list", field="data.items")
    for index, item in enumerate(items):
        if not isinstance(item, dict) or not isinstance(item.get("sku"), str | int):
            raise BadEvent("each item needs a sku", field=f"data.items[{index}].sku")


def _due(event_type: str, data: Mapping[str, Any], customer_tz: tzinfo) -> datetime | None:
    name = DUE_FIELDS[event_type]
    if data.get(name) is None:
        return None
    try:
        due = parse_due(data[name], customer_tz)
    except TimeFormatError as error:
        raise BadEvent(str(error), field=f"data.{name}") from None
    if event_type == "appointment.scheduled":
        # An appointment is kept when it is done on its day, however long the work takes.
        return end_of_day(due.astimezone(customer_tz).date(), customer_tz)
    return due
