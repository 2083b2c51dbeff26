"""The live fold: ``step(state, event)`` and ``tick(state)``, one journey at a time.

A :class:`JourneyState` holds a journey's events and the findings already raised on it.
``step`` takes one more event in; ``tick`` only lets time pass. Both judge the journey up to
the *watermark* (now, less the allowed lateness) and return the findings not raised before,
each with its action. Neither mutates its input nor reads a clock: time arrives as the
watermark. A replay of history is one ``tick`` per journey at ``as_of``, so the live service
and the replay share every line of guard code.

>>> from mittelpunkt.testing import event
>>> from mittelpunkt.guards.broken_promise import GUARD
>>> rules = Rules.of([GUARD])
>>> confirmed = event("e1", "2026-03-02T09:00", "order.confirmed", order="O-1",
...                   promised_delivery="2026-03-06")
>>> first = step(JourneyState("order:O-1"), confirmed, watermark=confirmed.time, rules=rules)
>>> first.findings
()
>>> later = tick(first.state, watermark=confirmed.time.replace(day=9), rules=rules)
>>> [f.code for f in later.findings], tick(later.state, watermark=later.findings[0].time,
...                                          rules=rules).findings
(['broken_promise'], ())
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from datetime import datetime

from mittelpunkt.core.config import Config
from mittelpunkt.core.events import Event, is_duplicate
from mittelpunkt.core.findings import Action, Finding
from mittelpunkt.core.guard import Guard, Settings, run_guards
from mittelpunkt.core.intents import IntentClassifier, no_intent
from mittelpunkt.core.journey import Journey, build_journey

__all__ = ["JourneyState", "Rules", "Step", "evaluate", "run_guards", "step", "tick", "view"]


@dataclass(frozen=True, slots=True)
class Rules:
    """What judging a journey needs besides its events: guards, settings, a classifier."""

    settings: tuple[tuple[Guard, Settings], ...]
    classifier: IntentClassifier = no_intent
    config: Config = field(default_factory=Config)

    @classmethod
    def of(
        cls,
        guards: Iterable[Guard],
        config: Config | None = None,
        classifier: IntentClassifier = no_intent,
    ) -> Rules:
        """Settle every guard's settings once (configuration errors surface here).

        Guards switched off with ``enabled = false`` are left out.
        """
        config = config or Config()
        settled = tuple((g, Settings.of(g, config)) for g in guards)
        return cls(tuple(p for p in settled if config.enabled(p[0].code)), classifier, config)


@dataclass(frozen=True, slots=True)
class JourneyState:
    """One journey's events (in timeline order) and the keys of the findings raised on it."""

    key: str
    events: tuple[Event, ...] = ()
    raised: frozenset[str] = frozenset()


@dataclass(frozen=True, slots=True)
class Step:
    """The outcome of a step or tick: the new state, new findings and their actions."""

    state: JourneyState
    findings: tuple[Finding, ...] = ()
    actions: tuple[Action, ...] = ()


def step(
    state: JourneyState,
    event: Event,
    *,
    watermark: datetime,
    rules: Rules,
    consents: Sequence[Event] = (),
) -> Step:
    """Take one event into its journey and judge the journey up to ``watermark``.

    An exact duplicate (same id, same content) changes nothing; the same id with other
    content is refused.
    """
    if is_duplicate(next((e for e in state.events if e.id == event.id), None), event):
        return Step(state)
    keys = [e.order_key for e in state.events]
    position = bisect.bisect(keys, event.order_key)
    events = (*state.events[:position], event, *state.events[position:])
    return tick(replace(state, events=events), watermark=watermark, rules=rules, consents=consents)


def tick(
    state: JourneyState,
    *,
    watermark: datetime,
    rules: Rules,
    consents: Sequence[Event] = (),
) -> Step:
    """Let time pass to ``watermark``: raise what has become due, once."""
    findings = evaluate(state.events, watermark, rules, consents)
    fresh = tuple(f for f in findings if f.key not in state.raised)
    if not fresh:
        return Step(state)
    raised = state.raised | {f.key for f in fresh}
    return Step(replace(state, raised=raised), fresh, tuple(f.action for f in fresh))


def evaluate(
    events: Sequence[Event],
    as_of: datetime,
    rules: Rules,
    consents: Sequence[Event] = (),
) -> list[Finding]:
    """Every finding on one journey's events as they stand at ``as_of``."""
    journey = view(events, as_of, rules, consents)
    return [] if journey is None else run_guards(journey, rules.settings)


def view(
    events: Sequence[Event],
    as_of: datetime,
    rules: Rules,
    consents: Sequence[Event] = (),
) -> Journey | None:
    """The guards' view of a journey at ``as_of``, or None when nothing had happened yet."""
    if not any(e.time <= as_of for e in events):
        return None
    return build_journey(events, as_of, consents=consents, classifier=rules.classifier)
