"""Replay of history: every journey judged at ``as_of``, with the measures.

Replay is the live fold seen from the end: each journey's findings are those a
:func:`~mittelpunkt.core.step.tick` at ``as_of`` raises, so history and the live service
agree by construction.

>>> from mittelpunkt.testing import event
>>> from mittelpunkt.guards.broken_promise import GUARD
>>> story = [event("e1", "2026-03-02T09:00", "order.confirmed", order="O-1",
...                promised_delivery="2026-03-06"),
...          event("e2", "2026-03-09T10:00", "contact.inbound", order="O-1", channel="phone")]
>>> result = replay(story, rules=Rules.of([GUARD]))
>>> result.events, result.journeys, [f.code for f in result.findings]
(2, 1, ['broken_promise'])
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, Protocol

from mittelpunkt.core.events import Event, is_duplicate
from mittelpunkt.core.findings import Finding, finding_order
from mittelpunkt.core.journey import Journey
from mittelpunkt.core.measures import RunningTally, Tally, measures
from mittelpunkt.core.step import Rules, run_guards, view

__all__ = ["Collection", "History", "ReplayResult", "collect", "replay"]

JourneyHook = Callable[[Journey, list[Finding]], None]


@dataclass(slots=True)
class Collection:
    """Events grouped by journey, duplicates dropped, consents gathered per customer."""

    journeys: dict[str, list[Event]] = field(default_factory=lambda: defaultdict(list))
    consents: dict[str, list[Event]] = field(default_factory=lambda: defaultdict(list))
    seen: dict[str, Event] = field(default_factory=dict)
    latest: datetime | None = None

    def add(self, event: Event) -> bool:
        """Take one event in; False for an exact duplicate.

        Raises:
            BadEvent: the same id arrived before with different content.
        """
        if is_duplicate(self.seen.get(event.id), event):
            return False
        self.seen[event.id] = event
        self.journeys[event.journey].append(event)
        if event.type.startswith("consent."):
            self.consents[event.customer].append(event)
        if self.latest is None or event.time > self.latest:
            self.latest = event.time
        return True


def collect(events: Iterable[Event]) -> Collection:
    """Group events by journey (see :class:`Collection`)."""
    collection = Collection()
    for event in events:
        collection.add(event)
    return collection


class History(Protocol):
    """A judged history, however it was judged (:class:`ReplayResult`, or from buckets)."""

    @property
    def as_of(self) -> datetime | None:
        """The moment of judgement."""

    @property
    def events(self) -> int:
        """Events taken in."""

    @property
    def journeys(self) -> int:
        """Journeys judged."""

    @property
    def customers(self) -> int:
        """Customers of the judged journeys."""

    @property
    def findings(self) -> Iterable[Finding]:
        """Every finding, in report order (time, journey, code, cause)."""

    @property
    def measures(self) -> dict[str, Any]:
        """The journey measures of ``guards.md``."""


@dataclass(frozen=True, slots=True)
class ReplayResult:
    """What a replay found, and the measures of the journeys it judged."""

    as_of: datetime | None
    events: int
    journeys: int
    customers: int
    findings: tuple[Finding, ...]
    tally: Tally

    @property
    def measures(self) -> dict[str, Any]:
        """The journey measures of ``guards.md``."""
        return measures(self.tally)

    def to_json(self, rejected: Iterable[Mapping[str, Any]] = ()) -> dict[str, Any]:
        """The JSON output of ``interfaces.md``."""
        return {
            "as_of": self.as_of.isoformat() if self.as_of else None,
            "events": self.events,
            "journeys": self.journeys,
            "customers": self.customers,
            "findings": [f.to_json() for f in self.findings],
            "measures": self.measures,
            "rejected": list(rejected),
        }


def replay(
    events: Iterable[Event] | Collection,
    *,
    rules: Rules,
    as_of: datetime | None = None,
    on_journey: JourneyHook | None = None,
) -> ReplayResult:
    """Judge every journey at ``as_of`` (default: the last event's time).

    Args:
        events: canonical events in any order, or an already built :class:`Collection`.
        rules: the guards, their settings and the classifier.
        as_of: the moment of judgement; later events are ignored.
        on_journey: called with each journey and its findings (for reports and progress).
    """
    collection = events if isinstance(events, Collection) else collect(events)
    moment = as_of or collection.latest
    if moment is None:
        return ReplayResult(None, 0, 0, 0, (), Tally())
    findings: list[Finding] = []
    running = RunningTally()
    customers: set[str] = set()
    judged = 0
    for journey_events in collection.journeys.values():
        first = journey_events[0]
        journey = view(journey_events, moment, rules, collection.consents.get(first.customer, ()))
        if journey is None:
            continue
        found = run_guards(journey, rules.settings)
        judged += 1
        customers.add(journey.customer)
        findings.extend(found)
        running.add_journey(journey, found)
        if on_journey is not None:
            on_journey(journey, found)
    total = running.total()
    findings.sort(key=finding_order)
    return ReplayResult(
        moment, len(collection.seen), judged, len(customers), tuple(findings), total
    )
