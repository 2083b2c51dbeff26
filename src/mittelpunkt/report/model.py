"""What the report shows, as plain data: measures, process, findings by code, lanes.

The report is built from the ``analyze`` JSON of ``interfaces.md`` (``findings``,
``measures``, ``process``, ``variants``), where each process activity and edge may also
carry ``hurts`` (how many findings have an evidence event at that step) and activities
``hurts_by_code``; and from the lanes of a few example journeys.

>>> analysis = {"as_of": "2026-09-30T12:00:00+02:00", "events": 3, "journeys": 2,
...             "customers": 2, "measures": {"promise_kept_rate": 0.5},
...             "findings": [{"code": "no_news", "journey": "case:K-1", "severity": "medium"}],
...             "process": {"activities": [{"name": "case.opened", "count": 2, "hurts": 1}],
...                         "edges": []}}
>>> model = build_model(analysis)
>>> model.journeys_hurt, model.codes[0].code, model.process.activities[0].hurts
(1, 'no_news', 1)
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

__all__ = [
    "Activity",
    "CodeGroup",
    "JourneyLanes",
    "LaneEvent",
    "LaneFinding",
    "Process",
    "ReportModel",
    "Transition",
    "Variant",
    "build_model",
]

MAX_ACTIVITIES = 30
MAX_EDGES = 60
MAX_VARIANTS = 8
EXAMPLES = 5
MIN_SHARE = 0.005  # steps rarer than this share of the most frequent one are left out


@dataclass(frozen=True, slots=True)
class Activity:
    """A step of the process: how often it ran, and how many findings sit at it."""

    name: str
    count: int
    hurts: int = 0
    hurts_by_code: Mapping[str, int] = field(default_factory=dict)
    position: float | None = None


@dataclass(frozen=True, slots=True)
class Transition:
    """A directly-follows edge: how often, how long in between, how many findings at it."""

    source: str
    target: str
    count: int
    median_seconds: float | None = None
    hurts: int = 0


@dataclass(frozen=True, slots=True)
class Process:
    """The directly-follows graph, bounded to what a person can read."""

    activities: tuple[Activity, ...] = ()
    edges: tuple[Transition, ...] = ()

    @classmethod
    def from_json(cls, raw: Mapping[str, Any] | None) -> Process:
        """Read the ``process`` object of the ``analyze`` JSON (plus optional ``hurts``).

        >>> Process.from_json({"activities": [{"name": "a", "count": 2}],
        ...     "edges": [{"from": "a", "to": "a", "count": 1}]}).edges[0].source
        'a'
        """
        if not raw:
            return cls()
        activities = tuple(
            Activity(
                str(a["name"]),
                int(a["count"]),
                int(a.get("hurts") or 0),
                dict(a.get("hurts_by_code") or {}),
                a.get("position"),
            )
            for a in raw.get("activities", ())
        )
        edges = tuple(
            Transition(
                str(e["from"]),
                str(e["to"]),
                int(e["count"]),
                e.get("median_seconds"),
                int(e.get("hurts") or 0),
            )
            for e in raw.get("edges", ())
        )
        return cls(activities, edges)

    def bounded(self, activities: int = MAX_ACTIVITIES, edges: int = MAX_EDGES) -> Process:
        """The most frequent activities, and the most frequent edges between them.

        >>> p = Process((Activity("a", 5), Activity("b", 1)), (Transition("a", "b", 1),))
        >>> [a.name for a in p.bounded(activities=1).activities], p.bounded(1).edges
        (['a'], ())
        """
        most = max((a.count for a in self.activities), default=0)
        frequent = [a for a in self.activities if a.count >= MIN_SHARE * most]
        kept = sorted(frequent, key=lambda a: (-a.count, a.name))[:activities]
        names = {a.name for a in kept}
        between = [e for e in self.edges if e.source in names and e.target in names]
        top = sorted(between, key=lambda e: (-e.count, e.source, e.target))[:edges]
        return Process(tuple(kept), tuple(top))


@dataclass(frozen=True, slots=True)
class Variant:
    """A path through the process and how many journeys took it."""

    activities: tuple[str, ...]
    count: int


@dataclass(frozen=True, slots=True)
class LaneFinding:
    """A finding as drawn on a journey's lanes."""

    code: str
    time: str
    severity: str
    summary: str
    evidence: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class LaneEvent:
    """One event on a journey's lanes.

    Attributes:
        id: the event's id.
        time: when (ISO 8601).
        lane: ``company`` (what the company knew or did) or ``customer`` (what the
            customer was told, or said).
        type: the canonical type.
        said: true for what the customer said (inbound contacts, feedback).
        detail: the purpose or channel, the text, what a reader needs to understand it.
        codes: the codes of the findings this event is evidence of.
    """

    id: str
    time: str
    lane: str
    type: str
    said: bool = False
    detail: str = ""
    codes: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class JourneyLanes:
    """One journey as two lanes on one time axis, with its findings."""

    key: str
    customer: str
    is_open: bool
    events: tuple[LaneEvent, ...]
    findings: tuple[LaneFinding, ...] = ()

    def to_json(self) -> dict[str, Any]:
        """The journey as the report's script reads it."""
        return {
            "key": self.key,
            "customer": self.customer,
            "open": self.is_open,
            "events": [
                {"id": e.id, "time": e.time, "lane": e.lane, "type": e.type, "said": e.said,
                 "detail": e.detail, "codes": list(e.codes)}
                for e in self.events
            ],
            "findings": [
                {"code": f.code, "time": f.time, "severity": f.severity, "summary": f.summary,
                 "evidence": list(f.evidence)}
                for f in self.findings
            ],
        }  # fmt: skip


@dataclass(frozen=True, slots=True)
class CodeGroup:
    """The findings of one guard code: how many, on how many journeys, and examples."""

    code: str
    count: int
    journeys: int
    severities: Mapping[str, int]
    examples: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class ReportModel:
    """Everything the report shows.

    ``covers`` is what the log records (``analyze``), and ``silent`` the guards kept silent
    because it does not record what they need, with what is missing.
    """

    as_of: str | None
    events: int
    journeys: int
    customers: int
    measures: Mapping[str, Any]
    findings: int
    journeys_hurt: int
    codes: tuple[CodeGroup, ...]
    process: Process
    variants: tuple[Variant, ...]
    lanes: tuple[JourneyLanes, ...]
    title: str = ""
    covers: tuple[str, ...] = ()
    silent: tuple[tuple[str, tuple[str, ...]], ...] = ()


def build_model(
    analysis: Mapping[str, Any], lanes: Sequence[JourneyLanes] = (), *, title: str = ""
) -> ReportModel:
    """The report's model from the ``analyze`` JSON and the lanes of example journeys."""
    findings: Sequence[Mapping[str, Any]] = analysis.get("findings", ())
    return ReportModel(
        as_of=analysis.get("as_of"),
        events=int(analysis.get("events", 0)),
        journeys=int(analysis.get("journeys", 0)),
        customers=int(analysis.get("customers", 0)),
        measures=dict(analysis.get("measures", {})),
        findings=len(findings),
        journeys_hurt=len({f["journey"] for f in findings}),
        codes=_code_groups(findings, lanes),
        process=Process.from_json(analysis.get("process")).bounded(),
        variants=_variants(analysis.get("variants", ())),
        lanes=tuple(lanes),
        title=title,
        covers=tuple(str(c) for c in analysis.get("covers", ())),
        silent=tuple(
            (str(s["code"]), tuple(str(m) for m in s.get("missing", ())))
            for s in analysis.get("silent_guards", ())
        ),
    )


def _code_groups(
    findings: Sequence[Mapping[str, Any]], lanes: Sequence[JourneyLanes]
) -> tuple[CodeGroup, ...]:
    counts = Counter(str(f["code"]) for f in findings)
    journeys: dict[str, set[str]] = {}
    severities: dict[str, Counter[str]] = {}
    for f in findings:
        journeys.setdefault(f["code"], set()).add(f["journey"])
        severities.setdefault(f["code"], Counter())[f.get("severity", "info")] += 1
    return tuple(
        CodeGroup(
            code,
            count,
            len(journeys[code]),
            dict(severities[code]),
            tuple(j.key for j in lanes if any(f.code == code for f in j.findings))[:EXAMPLES],
        )
        for code, count in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
    )


def _variants(raw: Sequence[Any]) -> tuple[Variant, ...]:
    """Variants as ``{"activities": [...], "count": n}`` (or ``variant``/``trace`` lists)."""
    found = []
    for entry in raw:
        steps = next(
            (entry[k] for k in ("activities", "variant", "trace", "sequence") if k in entry), ()
        )
        found.append(Variant(tuple(str(s) for s in steps), int(entry.get("count", 0))))
    return tuple(sorted(found, key=lambda v: -v.count)[:MAX_VARIANTS])
