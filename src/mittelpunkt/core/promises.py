"""The promise ledger: every date and commitment a customer was given, and its fate.

A promise is ``open`` until it is kept, withdrawn, or its due time passes (``broken``). The
company may move it honestly: a ``message.sent`` of purpose ``delay`` with ``new_due``, sent
before the old due time passed, makes it ``updated`` and moves its due time.

>>> from mittelpunkt.core.events import parse_event
>>> def ev(i, t, typ, **data):
...     return parse_event({"id": i, "time": t, "type": typ, "customer": "C",
...                         "refs": {"order": "O"}, "data": data})
>>> events = [ev("e1", "2026-03-02T09:00:00Z", "order.confirmed",
...              promised_delivery="2026-03-06")]
>>> [p.state for p in ledger(events, as_of=events[0].time)]
['open']
>>> from datetime import datetime, UTC
>>> [p.state for p in ledger(events, as_of=datetime(2026, 3, 9, tzinfo=UTC))]
['broken']
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from datetime import datetime
from types import MappingProxyType

from mittelpunkt.core.events import Event

__all__ = [
    "FULFILMENT_TYPES",
    "PROMISE_MAKERS",
    "Fulfilment",
    "Promise",
    "PromiseUpdate",
    "ledger",
    "ordered_skus",
]

#: The event types that open a promise.
PROMISE_MAKERS = frozenset(
    {
        "order.confirmed",
        "order.reactivation_offered",
        "appointment.scheduled",
        "callback.promised",
        "promise.made",
    }
)

OPEN, KEPT, UPDATED, BROKEN, WITHDRAWN = "open", "kept", "updated", "broken", "withdrawn"


@dataclass(frozen=True, slots=True)
class PromiseUpdate:
    """An honest move of a due time, told to the customer before the old one passed."""

    time: datetime
    new_due: datetime
    event: str


@dataclass(frozen=True, slots=True)
class Promise:
    """One promise of the ledger, as it stands at the ledger's ``as_of``.

    Attributes:
        kind: ``delivery``, ``appointment``, ``callback``, ``offer``, ``contact``... .
        ref: the object it is about (an order, appointment or promise id).
        made: the id of the event that made it.
        made_at: when it was made.
        original_due: the due time first promised (None: no date was given).
        due: the due time in force (moved by honest updates).
        state: ``open``, ``updated`` (open, moved honestly), ``kept``, ``broken``, ``withdrawn``.
        closed_at: when it was kept, withdrawn or broken (for broken: the due time).
        closed_by: the id of the event that kept, withdrew or refused it.
        updates: the honest updates, in order.
        kept_late_at: when a promise broken by its due time was fulfilled after all.
    """

    kind: str
    ref: str
    made: str
    made_at: datetime
    original_due: datetime | None
    due: datetime | None
    state: str = OPEN
    closed_at: datetime | None = None
    closed_by: str | None = None
    updates: tuple[PromiseUpdate, ...] = ()
    kept_late_at: datetime | None = None

    @property
    def is_open(self) -> bool:
        """Whether the promise still stands (``open`` or ``updated``)."""
        return self.state in (OPEN, UPDATED)

    @property
    def evidence(self) -> tuple[str, ...]:
        """The events that made, moved and closed the promise."""
        ids = (self.made, *(u.event for u in self.updates))
        return (*ids, self.closed_by) if self.closed_by else ids


def ledger(events: Iterable[Event], as_of: datetime) -> tuple[Promise, ...]:
    """The promises of one journey's events (in timeline order), as they stand at ``as_of``.

    >>> ledger([], as_of=datetime(2026, 1, 1)) == ()
    True
    """
    book = _Book()
    for event in events:
        if event.time > as_of:
            break
        book.expire(event.time)
        if event.type in FULFILMENT_TYPES:
            book.fulfilment.see(event)
        handler = _HANDLERS.get(event.type)
        if handler is not None:
            handler(book, event)
    book.expire(as_of)
    return (*book.superseded, *book.promises.values())


#: The event types that tell what was ordered and what was delivered.
FULFILMENT_TYPES = frozenset({"order.placed", "shipment.created", "shipment.delivered"})


@dataclass
class Fulfilment:
    """Which ordered (non-marketing) items have been delivered, event by event.

    Without an item list on the order, the first delivery of a shipment holding anything
    but marketing completes it.

    >>> Fulfilment().complete
    False
    """

    ordered: set[str] = field(default_factory=set)
    contents: dict[str, set[str]] = field(default_factory=dict)
    delivered: set[str] = field(default_factory=set)

    def see(self, event: Event) -> None:
        """Take note of an order, shipment or delivery event (others are ignored)."""
        if event.type == "order.placed":
            self.ordered |= ordered_skus(event)
        elif event.type == "shipment.created":
            self.contents[event.refs.get("shipment", event.id)] = ordered_skus(event)
        elif event.type == "shipment.delivered":
            self.delivered |= self.contents.get(event.refs.get("shipment", ""), set())

    @property
    def complete(self) -> bool:
        """Whether everything ordered has been delivered."""
        return self.ordered <= self.delivered if self.ordered else bool(self.delivered)


def ordered_skus(event: Event) -> set[str]:
    """The skus of an event's items, marketing (catalogs, flyers, samples) left out.

    >>> from mittelpunkt.core.events import parse_event
    >>> ordered_skus(parse_event({"id": "s", "time": "2026-01-01T00:00:00Z",
    ...     "type": "shipment.created", "customer": "C",
    ...     "data": {"items": [{"sku": "CAT", "kind": "marketing"}, {"sku": "MAT"}]}}))
    {'MAT'}
    """
    items = event.data.get("items") or []
    return {str(i["sku"]) for i in items if isinstance(i, dict) and i.get("kind") != "marketing"}


@dataclass
class _Book:
    """The working state of :func:`ledger` while it walks a timeline."""

    promises: dict[tuple[str, str], Promise] = field(default_factory=dict)
    superseded: list[Promise] = field(default_factory=list)
    fulfilment: Fulfilment = field(default_factory=Fulfilment)
    next_due: datetime | None = None

    def expire(self, now: datetime) -> None:
        # Most events pass no due time: look at the promises only when the earliest has passed.
        if self.next_due is None or self.next_due >= now:
            return
        for key, promise in self.promises.items():
            if promise.is_open and promise.due is not None and promise.due < now:
                # A promise made with a due time already past breaks the moment it is made.
                # An offer's due time is the customer's deadline: untaken, it lapses.
                broke = max(promise.due, promise.made_at)
                state = WITHDRAWN if promise.kind == "offer" else BROKEN
                self.promises[key] = _ended(promise, state, broke)
        self.settle()

    def settle(self) -> None:
        """Note the earliest due time among the open promises."""
        dues = [p.due for p in self.promises.values() if p.due is not None and p.is_open]
        self.next_due = min(dues) if dues else None

    def make(self, kind: str, ref: str, event: Event) -> None:
        current = self.promises.get((kind, ref))
        if current is not None and current.is_open and event.due is not None:
            self.move(current, event)
            return
        if current is not None:
            # A promise made again without a date replaces the one standing: withdrawn by it.
            if current.is_open:
                current = _ended(current, WITHDRAWN, event.time, event.id)
            self.superseded.append(current)
        self.promises[(kind, ref)] = Promise(
            kind=kind,
            ref=ref,
            made=event.id,
            made_at=event.time,
            original_due=event.due,
            due=event.due,
        )
        self.settle()

    def move(self, promise: Promise, event: Event) -> None:
        assert event.due is not None
        update = PromiseUpdate(event.time, event.due, event.id)
        self.promises[(promise.kind, promise.ref)] = _moved(promise, update)
        self.settle()

    def keep_late(self, kind: str | None, ref: str | None, event: Event) -> None:
        for key, promise in self.promises.items():
            late = promise.state == BROKEN and promise.closed_by is None
            if (
                late
                and promise.kept_late_at is None
                and kind in (None, promise.kind)
                and (ref is None or ref == promise.ref)
            ):
                self.promises[key] = _kept_late(promise, event.time)

    def close(self, promise: Promise, state: str, event: Event) -> None:
        self.promises[(promise.kind, promise.ref)] = _ended(promise, state, event.time, event.id)
        self.settle()

    def open_of(self, kind: str | None, ref: str | None = None) -> list[Promise]:
        return [
            p
            for p in self.promises.values()
            if p.is_open and (kind is None or p.kind == kind) and (ref is None or p.ref == ref)
        ]


def _order_ref(event: Event) -> str:
    return event.refs.get("order", event.journey)


def _on_confirmed(book: _Book, event: Event) -> None:
    book.make("delivery", _order_ref(event), event)


def _on_delivered(book: _Book, event: Event) -> None:
    if book.fulfilment.complete:
        for promise in book.open_of("delivery"):
            book.close(promise, KEPT, event)
        book.keep_late("delivery", None, event)


def _on_cancelled(book: _Book, event: Event) -> None:
    for promise in book.open_of(None):
        book.close(promise, WITHDRAWN, event)


def _offer_ref(event: Event) -> str:
    return event.refs.get("promise", f"reactivation:{_order_ref(event)}")


def _on_offered(book: _Book, event: Event) -> None:
    book.make("offer", _offer_ref(event), event)


def _closer(kind: str | None, state: str, ref_name: str) -> Callable[[_Book, Event], None]:
    """A handler closing the promise the event names (or the oldest open one of its kind)."""

    def handle(book: _Book, event: Event) -> None:
        ref = event.refs.get(ref_name)
        candidates = book.open_of(kind, ref) or ([] if ref else book.open_of(kind))
        if candidates:
            book.close(candidates[0], state, event)
        elif state == KEPT:
            book.keep_late(kind, ref, event)

    return handle


def _on_scheduled(book: _Book, event: Event) -> None:
    book.make("appointment", event.refs.get("appointment", event.id), event)


def _on_callback(book: _Book, event: Event) -> None:
    book.make("callback", event.refs.get("promise", event.id), event)


def _on_promise_made(book: _Book, event: Event) -> None:
    book.make(str(event.data["kind"]), event.refs.get("promise", event.id), event)


def _on_message(book: _Book, event: Event) -> None:
    if event.data.get("purpose") != "delay" or event.due is None:
        return
    for promise in _targets_of_delay(book, event):
        book.move(promise, event)


def _targets_of_delay(book: _Book, event: Event) -> list[Promise]:
    for ref_name in ("promise", "appointment"):
        if ref_name in event.refs:
            named = [p for p in book.open_of(None) if p.ref == event.refs[ref_name]]
            if named:
                return named
    deliveries = book.open_of("delivery")
    if deliveries:
        return deliveries
    others = book.open_of(None)
    return others if len(others) == 1 else []


_HANDLERS: Mapping[str, Callable[[_Book, Event], None]] = MappingProxyType(
    {
        "order.confirmed": _on_confirmed,
        "order.cancelled": _on_cancelled,
        "order.reactivation_offered": _on_offered,
        "order.reactivated": _closer("offer", KEPT, "promise"),
        "order.reactivation_refused": _closer("offer", BROKEN, "promise"),
        "shipment.delivered": _on_delivered,
        "appointment.scheduled": _on_scheduled,
        "appointment.done": _closer("appointment", KEPT, "appointment"),
        "appointment.cancelled": _closer("appointment", WITHDRAWN, "appointment"),
        "callback.promised": _on_callback,
        "callback.done": _closer("callback", KEPT, "promise"),
        "promise.made": _on_promise_made,
        "promise.kept": _closer(None, KEPT, "promise"),
        "promise.withdrawn": _closer(None, WITHDRAWN, "promise"),
        "message.sent": _on_message,
    }
)


# Promises change often while a journey is judged; dataclasses.replace is slow for that.
def _ended(promise: Promise, state: str, at: datetime, by: str | None = None) -> Promise:
    """The promise kept, broken or withdrawn ``at`` (by the event ``by``)."""
    return Promise(
        promise.kind,
        promise.ref,
        promise.made,
        promise.made_at,
        promise.original_due,
        promise.due,
        state,
        at,
        by,
        promise.updates,
        promise.kept_late_at,
    )


def _moved(promise: Promise, update: PromiseUpdate) -> Promise:
    """The promise with its due time moved honestly."""
    return Promise(
        promise.kind,
        promise.ref,
        promise.made,
        promise.made_at,
        promise.original_due,
        update.new_due,
        UPDATED,
        promise.closed_at,
        promise.closed_by,
        (*promise.updates, update),
        promise.kept_late_at,
    )


def _kept_late(promise: Promise, at: datetime) -> Promise:
    """The broken promise, fulfilled ``at`` after all."""
    return Promise(
        promise.kind,
        promise.ref,
        promise.made,
        promise.made_at,
        promise.original_due,
        promise.due,
        promise.state,
        promise.closed_at,
        promise.closed_by,
        promise.updates,
        at,
    )
