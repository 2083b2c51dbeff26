"""A journey as the guards see it: its timeline, promises, status and readings.

A :class:`Journey` is built from one journey's events up to an ``as_of`` time. Everything
a guard needs is derived here once, so that each guard stays a short, pure function.

>>> from mittelpunkt.core.events import parse_event
>>> opened = parse_event({"id": "e1", "time": "2026-03-02T09:00:00Z", "type": "case.opened",
...                       "customer": "C-1", "refs": {"case": "K-1"}})
>>> journey = build_journey([opened], as_of=opened.time)
>>> journey.key, journey.kind, journey.is_open_at(opened.time)
('case:K-1', 'case', True)
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from types import MappingProxyType
from typing import NamedTuple

from mittelpunkt.core.events import Event, timeline_key
from mittelpunkt.core.intents import IntentClassifier, IntentReading, no_intent
from mittelpunkt.core.promises import FULFILMENT_TYPES, Fulfilment, Promise, ledger

__all__ = ["Change", "Journey", "Status", "build_journey", "read_contact", "timeline"]


class Change(NamedTuple):
    """A journey opening (``is_open``) or closing, at ``time``, by ``event`` (its id)."""

    time: datetime
    is_open: bool
    event: str


Status = tuple[Change, ...]


@dataclass(frozen=True, slots=True)
class Journey:
    """One concern of one customer, as it stands at ``as_of``.

    Attributes:
        key: ``order:O-1``, ``case:K-7`` or ``customer:C-1``.
        customer: the customer's key.
        kind: ``order``, ``case`` or ``customer`` (from the key's prefix, else ``other``).
        as_of: the time up to which the journey is known.
        events: its events up to ``as_of``, in timeline order.
        promises: its promise ledger at ``as_of``.
        status: the changes: when, and by which event, it opened and closed, in order.
        readings: what each ``contact.inbound`` meant, by event id (absent: unknown).
        consents: the customer's consent events (across all journeys), in time order.
    """

    key: str
    customer: str
    kind: str
    as_of: datetime
    events: tuple[Event, ...]
    promises: tuple[Promise, ...]
    status: Status
    readings: Mapping[str, IntentReading]
    consents: tuple[Event, ...] = ()
    by_type: Mapping[str, tuple[Event, ...]] = field(default_factory=dict)

    def of_type(self, *types: str) -> tuple[Event, ...]:
        """Its events of the given types, in timeline order.

        >>> Journey("k", "c", "case", datetime(2026, 1, 1), (), (), (), {}).of_type("case.opened")
        ()
        """
        if len(types) == 1:
            return self.by_type.get(types[0], ())
        return tuple(e for e in self.events if e.type in types)

    def is_open_at(self, moment: datetime) -> bool:
        """Whether the journey was open at ``moment``."""
        state = False
        for when, is_open, _ in self.status:
            if when > moment:
                break
            state = is_open
        return state

    @property
    def is_open(self) -> bool:
        """Whether the journey is open at ``as_of``."""
        return self.is_open_at(self.as_of)

    def reading(self, event: Event) -> IntentReading | None:
        """What a customer's contact meant, when that is known."""
        return self.readings.get(event.id)


def build_journey(
    events: Iterable[Event],
    as_of: datetime,
    *,
    consents: Sequence[Event] = (),
    classifier: IntentClassifier = no_intent,
) -> Journey:
    """Derive the guards' view of one journey from its events (any order).

    Args:
        events: the journey's events, all with the same ``journey`` key.
        as_of: events after it are ignored; promises are judged at it.
        consents: the customer's consent events from all their journeys.
        classifier: reads contacts whose intent was not given.
    """
    ordered = timeline(e for e in events if e.time <= as_of)
    if not ordered:
        raise ValueError("a journey needs at least one event up to as_of")
    first = ordered[0]
    by_type: dict[str, list[Event]] = defaultdict(list)
    for event in ordered:
        by_type[event.type].append(event)
    return Journey(
        key=first.journey,
        customer=first.customer,
        kind=_kind(first.journey),
        as_of=as_of,
        events=ordered,
        promises=ledger(ordered, as_of),
        status=_status(ordered),
        readings=_readings(by_type.get("contact.inbound", []), classifier),
        consents=tuple(sorted((c for c in consents if c.time <= as_of), key=timeline_key)),
        by_type=MappingProxyType({k: tuple(v) for k, v in by_type.items()}),
    )


def timeline(events: Iterable[Event]) -> tuple[Event, ...]:
    """Events in timeline order: time, then lifecycle, then id (arrival order never matters).

    >>> timeline([]) == ()
    True
    """
    return tuple(sorted(events, key=timeline_key))


def read_contact(event: Event, classifier: IntentClassifier) -> IntentReading | None:
    """What a ``contact.inbound`` meant: its given ``data.intent``, else the classifier's reading.

    A given ``cancel_request`` counts as explicit unless ``data.explicit`` says otherwise.

    >>> from mittelpunkt.core.events import parse_event
    >>> e = parse_event({"id": "e", "time": "2026-01-01T00:00:00Z", "type": "contact.inbound",
    ...                  "customer": "C", "data": {"channel": "email",
    ...                  "intent": ["cancel_question", "status_inquiry"]}})
    >>> sorted(read_contact(e, no_intent).intents)
    ['cancel_question', 'status_inquiry']
    """
    given = event.data.get("intent")
    if given:
        intents = frozenset([given] if isinstance(given, str) else map(str, given))
        explicit = bool(event.data.get("explicit", "cancel_request" in intents))
        return IntentReading(intents, explicit=explicit, cues=("data.intent",))
    text = event.data.get("text")
    return classifier(text) if isinstance(text, str) and text.strip() else None


def _readings(
    contacts: Iterable[Event], classifier: IntentClassifier
) -> Mapping[str, IntentReading]:
    readings = {}
    for event in contacts:
        reading = read_contact(event, classifier)
        if reading is not None:
            readings[event.id] = reading
    return MappingProxyType(readings)


def _kind(key: str) -> str:
    prefix = key.split(":", 1)[0]
    return prefix if prefix in ("order", "case", "customer") else "other"


# An offer to reactivate a cancelled order keeps the concern open until it is settled.
_ORDER_OPENERS = frozenset(
    {"order.placed", "order.confirmed", "order.reactivated", "order.reactivation_offered"}
)
_ORDER_CLOSERS = frozenset({"order.cancelled", "order.reactivation_refused"})
_CASE_OPENERS = frozenset({"case.opened", "case.reopened", "case.waiting", "case.resumed"})


def _status(events: Sequence[Event]) -> Status:
    """Open/closed transitions: open while the order is undelivered or the case unresolved."""
    if _kind(events[0].journey) == "customer":
        return ()
    order_open = case_open = False
    fulfilment = Fulfilment()
    changes: list[Change] = []
    for event in events:
        if event.type in FULFILMENT_TYPES:
            fulfilment.see(event)
        if event.type in _ORDER_OPENERS:
            order_open = not fulfilment.complete
        elif event.type in _ORDER_CLOSERS:
            order_open = False
        elif event.type == "shipment.delivered":
            order_open = order_open and not fulfilment.complete
        elif event.type in _CASE_OPENERS:
            case_open = True
        elif event.type == "case.resolved":
            case_open = False
        now_open = order_open or case_open
        if not changes or changes[-1].is_open != now_open:
            changes.append(Change(event.time, now_open, event.id))
    return tuple(changes)
