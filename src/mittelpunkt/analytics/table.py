"""The columnar form of a log's events: what the analytics query and the cache keeps.

One row per event, in file order: its journey (the case of the process map), activity, time
(UTC microseconds), file position, type, id, the id of the event it was derived from, whether
it was derived (reopenings, policy promises: kept out of the process map), what a wait is on,
the customer, and the whole canonical event as JSON so that a cached log can be replayed
without parsing the source again.

>>> from mittelpunkt.testing import event
>>> table = event_table([event("e1", "2026-03-02T09:00", "case.waiting", case="K",
...                            on="customer", activity="Wait")])
>>> table.column("activity").to_pylist(), table.column("waiting_on").to_pylist()
(['Wait'], ['customer'])
>>> [e.id for e in events_of(table)]
['e1']
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from datetime import UTC, datetime, timedelta, tzinfo
from typing import Any

import pyarrow as pa

from mittelpunkt.adapters.derived import activity_of
from mittelpunkt.core.events import Event, parse_event
from mittelpunkt.core.times import BERLIN

__all__ = ["SCHEMA", "event_table", "events_of", "raw_of"]

SCHEMA = pa.schema(
    [
        ("case", pa.string()),
        ("activity", pa.string()),
        ("time", pa.timestamp("us", tz="UTC")),
        ("position", pa.int64()),
        ("type", pa.string()),
        ("id", pa.string()),
        ("source_id", pa.string()),
        ("derived", pa.bool_()),
        ("waiting_on", pa.string()),
        ("customer", pa.string()),
        ("event", pa.string()),
    ]
)
_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)
_MICRO = timedelta(microseconds=1)


def event_table(events: Sequence[Event], derived: Sequence[Event] = ()) -> pa.Table:
    """The table of a log's events (file order) and the events derived from them."""
    everything = [*events, *derived]
    position = {event.id: index for index, event in enumerate(events)}
    sources = [str(e.data.get("derived_from", e.id)) for e in everything]
    encode = json.JSONEncoder(ensure_ascii=False, check_circular=False, default=str).encode
    columns = {
        "case": [e.journey for e in everything],
        "activity": [activity_of(e) for e in everything],
        "time": [(e.time - _EPOCH) // _MICRO for e in everything],
        "position": [position.get(source, len(position)) for source in sources],
        "type": [e.type for e in everything],
        "id": [e.id for e in everything],
        "source_id": sources,
        "derived": [False] * len(events) + [True] * len(derived),
        "waiting_on": [_waiting_on(e) for e in everything],
        "customer": [e.customer for e in everything],
        "event": [encode(raw_of(e)) for e in everything],
    }
    return pa.table(columns, schema=SCHEMA)


def _waiting_on(event: Event) -> str | None:
    on = event.data.get("on") if event.type == "case.waiting" else None
    return on if isinstance(on, str) else None


def raw_of(event: Event) -> dict[str, Any]:
    """The canonical JSON of an event (what :func:`~mittelpunkt.core.events.parse_event` reads).

    >>> from mittelpunkt.testing import event
    >>> raw_of(event("e1", "2026-03-02T09:00", "case.opened", case="K"))["time"]
    '2026-03-02T09:00:00+01:00'
    """
    raw: dict[str, Any] = {
        "id": event.id,
        "time": event.time.isoformat(),
        "type": event.type,
        "customer": event.customer,
        "journey": event.journey,
        "refs": dict(event.refs),
        "data": dict(event.data),
    }
    if event.source is not None:
        raw["source"] = event.source
    return raw


def events_of(table: pa.Table, customer_tz: tzinfo = BERLIN) -> list[Event]:
    """The canonical events again, from a table's ``event`` column (validated anew)."""
    texts = table.column("event").to_pylist()
    return [parse_event(json.loads(text), customer_tz=customer_tz) for text in texts]
