"""OCEL 2.0 object-centric logs, flattened onto the journey object.

An OCEL event may concern many objects. The mapping names the object type that is the
journey (``journey_object = "orders"``) and the one that is the customer
(``customer_object = "customers"``). An event reaches a journey through its own relations to
journey objects; when it has none, through the objects of the types in ``journey_via`` that
are related (object to object, either way) to journey objects: a parcel's events reach the
orders whose items it holds. An event that reaches several journeys becomes one record per
journey, its id suffixed with ``@<object>``.

>>> from mittelpunkt.adapters.mapping import parse_mapping
>>> log = OcelLog(
...     events=[OcelEvent("e1", "place order", "2023-04-03T10:08:18Z",
...                       objects=(("o-1", "order"), ("C", "customer"), ("i-1", "item"))),
...             OcelEvent("e2", "send package", "2023-04-05T09:00:00Z",
...                       objects=(("p-1", "shipped"), ("i-1", "item")))],
...     types={"o-1": "orders", "C": "customers", "i-1": "items", "p-1": "packages"},
...     links=[("o-1", "i-1", "comprises"), ("C", "o-1", "places")])
>>> mapping = parse_mapping({"source": {"journey_object": "orders", "customer_object":
...     "customers", "journey_via": ["items"], "refs": {"shipment": "packages"}}})
>>> [(r.case, r.activity, r.customer, dict(r.refs)) for r in flatten(log, mapping)]
[('o-1', 'place order', 'C', {}), ('o-1', 'send package', 'C', {'shipment': 'p-1'})]
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from mittelpunkt.adapters.canonical import Record
from mittelpunkt.adapters.mapping import LogMapping
from mittelpunkt.exceptions import BadConfig

__all__ = ["OcelEvent", "OcelLog", "flatten", "read_ocel"]

_WITH_ITEMS = frozenset({"order.placed", "shipment.created"})


@dataclass(frozen=True, slots=True)
class OcelEvent:
    """One OCEL event: id, type, time (ISO text), attributes and related objects."""

    id: str
    type: str
    time: str
    attributes: Mapping[str, Any] = field(default_factory=dict)
    objects: Sequence[tuple[str, str]] = ()


@dataclass(frozen=True, slots=True)
class OcelLog:
    """An OCEL 2.0 log: events, each object's type, and object-to-object relations."""

    events: Sequence[OcelEvent]
    types: Mapping[str, str]
    links: Sequence[tuple[str, str, str]] = ()


def read_ocel(
    path: Path, mapping: LogMapping, *, progress: Callable[[int], None] | None = None
) -> Iterator[Record]:
    """The records of an OCEL 2.0 file, flattened on the mapping's journey object.

    The file may be JSON (``.json``, ``.jsonocel``), XML (``.xml``, ``.xmlocel``) or SQLite
    (``.sqlite``, ``.db``); JSON and XML may be gzipped.

    Raises:
        BadConfig: the mapping names no ``journey_object``.
        BadEvent: the file is not OCEL 2.0, naming the event and field at fault.
    """
    from mittelpunkt.adapters.ocel_formats import load_ocel  # noqa: PLC0415 - avoids a cycle

    if mapping.journey_object is None:
        raise BadConfig('source.journey_object: needed for OCEL logs (e.g. "orders")')
    log = load_ocel(path)
    if progress is not None:
        progress(path.stat().st_size)
    return flatten(log, mapping)


def flatten(log: OcelLog, mapping: LogMapping) -> Iterator[Record]:
    """One record per event and journey object it reaches, in file order."""
    journey_type = mapping.journey_object
    via = frozenset(mapping.journey_via)
    neighbours = _neighbours(log, journey_type, via, mapping.customer_object)
    customers = _customers(log, mapping.customer_object, neighbours)
    for row, event in enumerate(log.events, start=1):
        journeys = _journeys(event, log.types, journey_type, via, neighbours)
        if not journeys:
            continue
        values = _values(event, log.types, mapping)
        refs = _refs(event, log.types, mapping.refs)
        for journey in journeys:
            event_id = event.id if len(journeys) == 1 else f"{event.id}@{journey}"
            yield Record(
                journey, event.type, event.time, values, row, event_id, customers.get(journey), refs
            )


def _neighbours(
    log: OcelLog, journey_type: str | None, via: frozenset[str], customer_type: str | None
) -> dict[str, list[str]]:
    """Object-to-object relations, both ways, among the types flattening needs."""
    wanted = {journey_type, customer_type, *via}
    graph: dict[str, list[str]] = defaultdict(list)
    for source, target, _qualifier in log.links:
        if log.types.get(source) in wanted and log.types.get(target) in wanted:
            graph[source].append(target)
            graph[target].append(source)
    return graph


def _customers(
    log: OcelLog, customer_type: str | None, neighbours: Mapping[str, list[str]]
) -> dict[str, str]:
    """Each journey object's customer: related object to object, else through its events."""
    if customer_type is None:
        return {}
    found: dict[str, str] = {}
    for obj, related in neighbours.items():
        for other in related:
            if log.types.get(other) == customer_type:
                found.setdefault(obj, other)
    for event in log.events:
        on_event = [o for o, _q in event.objects if log.types.get(o) == customer_type]
        if on_event:
            for obj, _q in event.objects:
                found.setdefault(obj, on_event[0])
    return found


def _journeys(
    event: OcelEvent,
    types: Mapping[str, str],
    journey_type: str | None,
    via: frozenset[str],
    neighbours: Mapping[str, list[str]],
) -> list[str]:
    direct = [o for o, _q in event.objects if types.get(o) == journey_type]
    if direct or not via:
        return list(dict.fromkeys(direct))
    reached = [
        j
        for o, _q in event.objects
        if types.get(o) in via
        for j in neighbours.get(o, ())
        if types.get(j) == journey_type
    ]
    return list(dict.fromkeys(reached))


def _values(event: OcelEvent, types: Mapping[str, str], mapping: LogMapping) -> dict[str, Any]:
    """The event's attributes, and its items where its canonical type lists them."""
    values = dict(event.attributes)
    if mapping.items_object is not None and mapping.rule(event.type).type in _WITH_ITEMS:
        items = [o for o, _q in event.objects if types.get(o) == mapping.items_object]
        if items:
            values["items"] = [{"sku": item} for item in dict.fromkeys(items)]
    return values


def _refs(event: OcelEvent, types: Mapping[str, str], refs: Mapping[str, str]) -> dict[str, str]:
    found: dict[str, str] = {}
    for ref, object_type in refs.items():
        match = next((o for o, _q in event.objects if types.get(o) == object_type), None)
        if match is not None:
            found[ref] = match
    return found
