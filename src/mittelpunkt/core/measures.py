"""The journey measures a CX team steers by (``guards.md``), tallied journey by journey.

Each journey yields a :class:`Tally` of counts; tallies add up; :func:`measures` turns the
sum into rates. Counting first and dividing last keeps the measures exact whatever the
order or grouping of journeys.

>>> from mittelpunkt.testing import event, journey_of
>>> story = [event("e1", "2026-03-02T09:00", "case.opened", case="K-1"),
...          event("e2", "2026-03-03T09:00", "contact.inbound", case="K-1",
...                channel="phone", intent="status_inquiry"),
...          event("e3", "2026-03-04T09:00", "case.resolved", case="K-1")]
>>> m = measures(tally(journey_of(story)))
>>> m["failure_demand_rate"], m["contacts_per_journey"]
(1.0, 1.0)
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field, fields
from datetime import datetime
from typing import Any

from mittelpunkt.core.events import Event
from mittelpunkt.core.findings import Finding
from mittelpunkt.core.journey import Journey
from mittelpunkt.core.promises import Promise

__all__ = ["RunningTally", "Tally", "combine", "measures", "tally"]

FAILURE_INTENTS = frozenset({"status_inquiry"})
REQUEST_INTENTS = frozenset(
    {
        "confirmation_request",
        "reactivation_request",
        "cancel_request",
        "cancel_question",
        "complaint",
    }
)


@dataclass(frozen=True, slots=True)
class Tally:
    """Counts of one or many journeys; ``a + b`` adds them."""

    journeys: int = 0
    promises_kept: Counter[str] = field(default_factory=Counter)
    promises_broken: Counter[str] = field(default_factory=Counter)
    promises_updated: int = 0
    delays: int = 0
    delays_proactive: int = 0
    contacts: int = 0
    failure_contacts: int = 0
    identifications: int = 0
    wait_seconds: float = 0.0
    resolved: int = 0
    resolution_seconds: tuple[float, ...] = ()
    surveys: int = 0
    surveys_premature: int = 0
    findings: Counter[str] = field(default_factory=Counter)

    def __add__(self, other: Tally) -> Tally:
        """The tally of both.

        >>> (Tally(journeys=1, contacts=2) + Tally(journeys=1)).contacts
        2
        """
        return combine((self, other))


def combine(tallies: Iterable[Tally]) -> Tally:
    """The tally of many, in one pass (linear, however many journeys).

    >>> combine([Tally(journeys=1), Tally(journeys=2)]).journeys
    3
    """
    running = RunningTally()
    for part in tallies:
        running.add(part)
    return running.total()


class RunningTally:
    """A sum of tallies kept as they come, so that no journey's tally need be kept.

    >>> running = RunningTally()
    >>> running.add(Tally(journeys=1, contacts=2))
    >>> running.total().contacts
    2
    """

    def __init__(self) -> None:
        empty = Tally()
        self.sums: dict[str, Any] = {f.name: _fresh(getattr(empty, f.name)) for f in fields(Tally)}

    def add(self, part: Tally) -> None:
        """Add one tally."""
        for name in self.sums:
            _accumulate(self.sums, name, getattr(part, name))

    def add_journey(self, journey: Journey, findings: Iterable[Finding] = ()) -> None:
        """Count one journey and its findings straight into the sum."""
        sums = self.sums
        for finding in findings:
            sums["findings"][finding.code] += 1
        if journey.kind == "customer":
            return
        sums["journeys"] += 1
        self._promises(journey.promises)
        contacts = journey.of_type("contact.inbound")
        if contacts:
            self._contacts(journey, contacts)
        surveys = [m for m in journey.of_type("message.sent") if m.data.get("purpose") == "survey"]
        sums["surveys"] += len(surveys)
        sums["surveys_premature"] += sum(1 for s in surveys if journey.is_open_at(s.time))
        if "shipment.delayed" in journey.by_type:
            delays, proactive = _delays(journey)
            sums["delays"] += delays
            sums["delays_proactive"] += proactive
        resolution = _resolution_seconds(journey)
        if resolution is not None:
            sums["resolved"] += 1
            sums["resolution_seconds"].append(resolution)

    def _promises(self, promises: Iterable[Promise]) -> None:
        sums = self.sums
        for promise in promises:
            if promise.state == "kept":
                sums["promises_kept"][promise.kind] += 1
            elif promise.state == "broken":
                sums["promises_broken"][promise.kind] += 1
            if promise.updates and promise.state != "broken":
                sums["promises_updated"] += 1

    def _contacts(self, journey: Journey, contacts: Iterable[Event]) -> None:
        sums = self.sums
        for contact in contacts:
            sums["contacts"] += 1
            sums["failure_contacts"] += _is_failure_demand(journey, contact)
            sums["identifications"] += bool(contact.data.get("identified_with"))
            sums["wait_seconds"] += float(contact.data.get("wait_seconds") or 0)

    def total(self) -> Tally:
        """The tally of everything added so far."""
        totals: dict[str, Any] = {
            k: tuple(v) if isinstance(v, list) else v for k, v in self.sums.items()
        }
        return Tally(**totals)


def _fresh(value: Any) -> Any:
    if isinstance(value, Counter):
        return Counter()
    return [] if isinstance(value, tuple) else type(value)()


def _accumulate(sums: dict[str, Any], name: str, value: Any) -> None:
    if isinstance(value, Counter):
        sums[name].update(value)
    elif isinstance(value, tuple):
        sums[name].extend(value)
    else:
        sums[name] += value


def tally(journey: Journey, findings: Iterable[Finding] = ()) -> Tally:
    """The counts of one journey (the customer's own journey counts only its findings)."""
    running = RunningTally()
    running.add_journey(journey, findings)
    return running.total()


def _is_failure_demand(journey: Journey, contact: Event) -> bool:
    """A status inquiry, or a contact chasing an earlier request still unanswered."""
    reading = journey.reading(contact)
    if reading is not None and reading.intents & FAILURE_INTENTS:
        return True
    return _chases(journey, contact)


def _chases(journey: Journey, contact: Event) -> bool:
    last_request: datetime | None = None
    for event in journey.events:
        if event.time >= contact.time or event is contact:
            break
        if event.type == "message.sent":
            last_request = None
        elif event.type == "contact.inbound":
            reading = journey.reading(event)
            if reading is not None and reading.intents & REQUEST_INTENTS:
                last_request = event.time
    return last_request is not None


def _delays(journey: Journey) -> tuple[int, int]:
    """All delays the company learned of, and those the customer heard of first from it."""
    learned = journey.of_type("shipment.delayed")
    told = [m for m in journey.of_type("message.sent") if m.data.get("purpose") == "delay"]
    asked = [
        c
        for c in journey.of_type("contact.inbound")
        if (r := journey.reading(c)) is not None and "status_inquiry" in r.intents
    ]
    delivery = next((p for p in journey.promises if p.kind == "delivery"), None)
    old_due = delivery.original_due if delivery is not None else None
    proactive = 0
    for delay in learned:
        first_told = next((m.time for m in told if m.time >= delay.time), None)
        first_asked = next((c.time for c in asked if c.time >= delay.time), None)
        in_time = first_told is not None and (old_due is None or first_told <= old_due)
        before_asking = first_asked is None or (first_told is not None and first_told < first_asked)
        proactive += int(in_time and before_asking)
    return len(learned), proactive


def _resolution_seconds(journey: Journey) -> float | None:
    if not journey.status or journey.is_open:
        return None
    opened, closed = journey.status[0].time, journey.status[-1].time
    return (closed - opened).total_seconds()


def measures(total: Tally) -> dict[str, Any]:
    """The rates and figures of ``guards.md`` from a tally (None where nothing was counted).

    >>> measures(Tally())["promise_kept_rate"] is None
    True
    """
    kept, broken = sum(total.promises_kept.values()), sum(total.promises_broken.values())
    kinds = sorted(set(total.promises_kept) | set(total.promises_broken))
    journeys = total.journeys
    return {
        "promise_kept_rate": _rate(kept, kept + broken),
        "promise_kept_rate_by_kind": {
            k: _rate(total.promises_kept[k], total.promises_kept[k] + total.promises_broken[k])
            for k in kinds
        },
        "honest_update_rate": _rate(total.promises_updated, total.promises_updated + broken),
        "proactive_rate": _rate(total.delays_proactive, total.delays),
        "failure_demand_rate": _rate(total.failure_contacts, total.contacts),
        "contacts_per_journey": _rate(total.contacts, journeys),
        "time_to_resolution_median_hours": _median_hours(total.resolution_seconds),
        "customer_effort": _rate(
            total.contacts + total.identifications + total.wait_seconds / 60, journeys
        ),
        "survey_hygiene": _rate(total.surveys_premature, total.surveys),
        "findings_per_1000_journeys": {
            code: round(1000 * n / journeys, 1) if journeys else None
            for code, n in sorted(total.findings.items())
        },
    }


def _rate(part: float, whole: float) -> float | None:
    return round(part / whole, 4) if whole else None


def _median_hours(seconds: tuple[float, ...]) -> float | None:
    if not seconds:
        return None
    ordered = sorted(seconds)
    middle = len(ordered) // 2
    value = ordered[middle] if len(ordered) % 2 else (ordered[middle - 1] + ordered[middle]) / 2
    return round(value / 3600, 2)
