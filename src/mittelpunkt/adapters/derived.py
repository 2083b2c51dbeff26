"""Events a mapping derives from a journey's history: reopenings and policy promises.

A log rarely says "the case was reopened" or "we promised a resolution within five days".
The mapping can: ``[reopen] after = [...]`` names the activities that close a case, and the
first other activity after them reopens it; ``[promises]`` with ``kept_by`` makes each
``after`` event (while no such promise is open) promise its ``kept_by`` event within a
time. Derived events carry the id of
the event they come from (``data.derived_from``) and are marked so that the process map
counts only what the log recorded.

>>> from mittelpunkt.adapters.mapping import parse_mapping
>>> from mittelpunkt.testing import event
>>> mapping = parse_mapping({"reopen": {"after": ["Resolved"]}})
>>> story = [event("k#1", "2026-03-02T09:00", "case.resolved", case="K", activity="Resolved"),
...          event("k#2", "2026-03-04T09:00", "x-activity", case="K", activity="Accepted")]
>>> [(e.id, e.type, e.data["derived_from"]) for e in derive(story, mapping)]
[('k#2~reopened', 'case.reopened', 'k#2')]
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator, Sequence
from typing import Any

from mittelpunkt.adapters.mapping import LogMapping, PromisePolicy
from mittelpunkt.core.events import DUE_FIELDS, Event, parse_event

__all__ = ["activity_of", "derive"]


def activity_of(event: Event) -> str:
    """The activity an event shows on the process map: the source's name, else its type.

    >>> from mittelpunkt.testing import event
    >>> activity_of(event("e", "2026-03-02T09:00", "case.opened", case="K"))
    'case.opened'
    """
    name = event.data.get("activity")
    return name if isinstance(name, str) and name else event.type


def derive(events: Sequence[Event], mapping: LogMapping) -> list[Event]:
    """The reopenings and policy promises of every journey, in journey order."""
    policies = [p for p in mapping.promises if p.after not in DUE_FIELDS and p.kept_by]
    if not mapping.reopen_after and not policies:
        return []
    journeys: dict[str, list[int]] = defaultdict(list)
    for index, event in enumerate(events):
        journeys[event.journey].append(index)
    derived: list[Event] = []
    for indices in journeys.values():
        ordered = [events[i] for i in sorted(indices, key=lambda i: (events[i].time, i))]
        if mapping.reopen_after:
            derived.extend(_reopenings(ordered, mapping.reopen_after))
        for policy in policies:
            derived.extend(_promises(ordered, policy))
    return derived


def _reopenings(ordered: Sequence[Event], closing: frozenset[str]) -> Iterator[Event]:
    closed = False
    for event in ordered:
        if activity_of(event) in closing:
            closed = True
        elif closed:
            closed = False
            yield _derived(event, "reopened", "case.reopened", {})


def _promises(ordered: Sequence[Event], policy: PromisePolicy) -> Iterator[Event]:
    open_refs: list[str] = []
    for event in ordered:
        if event.type == policy.after and not open_refs:
            ref = f"{event.journey}/{policy.kind}/{event.id}"
            due = (event.time + policy.within).isoformat()
            data = {"kind": policy.kind, "due": due, "policy": True}
            open_refs.append(ref)
            yield _derived(event, policy.kind, "promise.made", data, promise=ref)
        elif event.type == policy.kept_by:
            for ref in open_refs:
                yield _derived(event, f"kept:{ref}", "promise.kept", {}, promise=ref)
            open_refs = []


def _derived(
    source: Event, suffix: str, event_type: str, data: dict[str, Any], **refs: str
) -> Event:
    raw = {
        "id": f"{source.id}~{suffix}",
        "time": source.time.isoformat(),
        "type": event_type,
        "customer": source.customer,
        "journey": source.journey,
        "refs": {**source.refs, **refs},
        "data": {**data, "activity": activity_of(source), "derived_from": source.id},
    }
    return parse_event(raw)
