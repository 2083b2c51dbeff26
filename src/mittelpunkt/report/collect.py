"""What the report needs from a replay, gathered journey by journey.

A :class:`ReportCollector` is the replay's ``on_journey`` hook. It counts the
directly-follows graph (activities, edges, the time between steps, each activity's position),
the findings whose evidence sits at each step ("hurts"), the variants, and keeps the lanes of
a few example journeys per code: never all journeys, so memory stays small.

>>> from mittelpunkt.testing import event, journey_of
>>> story = [event("e1", "2026-03-02T09:00", "case.opened", case="K-1"),
...          event("e2", "2026-03-03T10:00", "case.resolved", case="K-1")]
>>> collector = ReportCollector()
>>> collector(journey_of(story), [])
>>> process = collector.process_json()
>>> [(e["from"], e["to"], e["count"], e["median_seconds"]) for e in process["edges"]]
[('case.opened', 'case.resolved', 1, 90000.0)]
>>> [lanes.key for lanes in collector.lanes()]  # kept: a journey that went right
['case:K-1']
"""

from __future__ import annotations

import statistics
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from typing import Any

from mittelpunkt.core.events import Event
from mittelpunkt.core.findings import Finding
from mittelpunkt.core.journey import Journey
from mittelpunkt.core.replay import ReplayResult
from mittelpunkt.report.lanes import journey_lanes
from mittelpunkt.report.model import JourneyLanes

__all__ = ["ReportCollector", "activity_of"]

Edge = tuple[str, str]
_MAX_SAMPLES = 2000  # durations kept per edge for its median


def activity_of(event: Event) -> str:
    """The activity of an event: the source's ``data.activity``, else its type.

    >>> from mittelpunkt.testing import event
    >>> activity_of(event("e1", "2026-03-02T09:00", "x-step", case="K", activity="Triage"))
    'Triage'
    """
    named = event.data.get("activity")
    return named if isinstance(named, str) and named else event.type


class ReportCollector:
    """The replay hook that gathers the process, its hurts, variants and example lanes.

    Args:
        examples_per_code: how many example journeys to keep for each finding code.
        went_right: how many journeys without findings to keep as examples.
        keep_customers: customers whose journeys are always kept (the seed stories).
    """

    def __init__(
        self,
        examples_per_code: int = 5,
        went_right: int = 3,
        keep_customers: Iterable[str] = (),
    ) -> None:
        self.examples_per_code = examples_per_code
        self.went_right = went_right
        self.keep_customers = frozenset(keep_customers)
        self.activities: Counter[str] = Counter()
        self.positions: defaultdict[str, Counter[int]] = defaultdict(Counter)
        self.edges: Counter[Edge] = Counter()
        self.durations: defaultdict[Edge, list[float]] = defaultdict(list)
        self.hurts: Counter[str] = Counter()
        self.hurts_by_code: defaultdict[str, Counter[str]] = defaultdict(Counter)
        self.edge_hurts: Counter[Edge] = Counter()
        self.variants: Counter[tuple[str, ...]] = Counter()
        self.examples: Counter[str] = Counter()
        self.kept: list[JourneyLanes] = []
        self.right = 0

    def __call__(self, journey: Journey, findings: Sequence[Finding]) -> None:
        """Take one replayed journey and its findings in."""
        steps = [activity_of(e) for e in journey.events]
        self._count(steps, journey.events)
        self._hurt(steps, journey.events, findings)
        self.variants[tuple(steps)] += 1
        if self._wanted(journey, findings):
            self.kept.append(journey_lanes(journey, findings))

    def _count(self, steps: Sequence[str], events: Sequence[Event]) -> None:
        self.activities.update(steps)
        for position, step in enumerate(steps):
            self.positions[step][position] += 1
        for index in range(1, len(steps)):
            edge = (steps[index - 1], steps[index])
            self.edges[edge] += 1
            samples = self.durations[edge]
            if len(samples) < _MAX_SAMPLES:
                samples.append((events[index].time - events[index - 1].time).total_seconds())

    def _hurt(
        self, steps: Sequence[str], events: Sequence[Event], findings: Sequence[Finding]
    ) -> None:
        index = {e.id: i for i, e in enumerate(events)}
        for finding in findings:
            at = sorted({index[e] for e in finding.evidence if e in index})
            for step in {steps[i] for i in at}:
                self.hurts[step] += 1
                self.hurts_by_code[step][finding.code] += 1
            self.edge_hurts.update({(steps[i - 1], steps[i]) for i in at if i > 0})

    def _wanted(self, journey: Journey, findings: Sequence[Finding]) -> bool:
        codes = {f.code for f in findings}
        if journey.customer in self.keep_customers and (codes or journey.kind != "customer"):
            self.examples.update(codes)
            return True
        if not codes:
            if journey.kind == "customer" or journey.is_open or self.right >= self.went_right:
                return False
            self.right += 1
            return True
        if all(self.examples[c] >= self.examples_per_code for c in codes):
            return False
        self.examples.update(codes)
        return True

    def process_json(self) -> dict[str, Any]:
        """The ``process`` object of the ``analyze`` JSON, with hurts and positions."""
        activities = [
            {
                "name": name,
                "count": count,
                "hurts": self.hurts[name],
                "hurts_by_code": dict(self.hurts_by_code[name].most_common()),
                "position": _median(self.positions[name]),
            }
            for name, count in self.activities.most_common()
        ]
        edges = [
            {
                "from": source,
                "to": target,
                "count": count,
                "median_seconds": statistics.median(self.durations[(source, target)]),
                "hurts": self.edge_hurts[(source, target)],
            }
            for (source, target), count in self.edges.most_common()
        ]
        return {"activities": activities, "edges": edges}

    def variants_json(self, top: int = 10) -> list[dict[str, Any]]:
        """The most frequent activity sequences with their counts."""
        return [{"activities": list(v), "count": n} for v, n in self.variants.most_common(top)]

    def analysis(self, result: ReplayResult) -> dict[str, Any]:
        """The ``analyze`` JSON of a replay this collector watched.

        Its findings and measures, the process with hurts, and the variants.
        """
        return {
            **result.to_json(),
            "process": self.process_json(),
            "variants": self.variants_json(),
        }

    def lanes(self) -> tuple[JourneyLanes, ...]:
        """The lanes of the example journeys kept, in replay order."""
        return tuple(self.kept)


def _median(counts: Counter[int]) -> float:
    """The median of values given as value -> how often.

    >>> _median(Counter({0: 1, 1: 1, 5: 1})), _median(Counter({2: 4}))
    (1.0, 2.0)
    """
    total = sum(counts.values())
    ordered = sorted(counts.items())
    low = high = None
    seen = 0
    for value, count in ordered:
        seen += count
        if low is None and seen >= (total + 1) // 2:
            low = value
        if seen >= total // 2 + 1:
            high = value
            break
    return ((low or 0) + (high or 0)) / 2
