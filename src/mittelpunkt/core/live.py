"""The live fold in memory: events arrive in any order, time passes, findings come once.

:class:`Live` keeps one :class:`~mittelpunkt.core.step.JourneyState` per journey and each
customer's consents, and drives :func:`~mittelpunkt.core.step.step` and
:func:`~mittelpunkt.core.step.tick`. The watermark is the latest event time seen less the
allowed lateness: events arriving within the lateness give the same findings as a replay.

>>> from mittelpunkt.testing import event, at
>>> from mittelpunkt.guards.broken_promise import GUARD
>>> live = Live(Rules.of([GUARD]))
>>> live.receive(event("e1", "2026-03-02T09:00", "order.confirmed", order="O-1",
...                    promised_delivery="2026-03-06"))
[]
>>> [f.code for f in live.advance(at("2026-03-09T00:00"), final=True)]
['broken_promise']
>>> live.advance(at("2026-03-10T00:00"), final=True)
[]
"""

from __future__ import annotations

from collections import defaultdict
from datetime import datetime, timedelta

from mittelpunkt.core.events import Event
from mittelpunkt.core.findings import Finding
from mittelpunkt.core.step import JourneyState, Rules, Step, step, tick

__all__ = ["Live"]


class Live:
    """An in-memory live run: the reference for what a journey store must do."""

    def __init__(self, rules: Rules, lateness: timedelta | None = None) -> None:
        self.rules = rules
        self.lateness = rules.config.lateness if lateness is None else lateness
        self.states: dict[str, JourneyState] = {}
        self.customers: dict[str, str] = {}
        self.consents: dict[str, list[Event]] = defaultdict(list)
        self.latest: datetime | None = None
        self.watermark: datetime | None = None

    def receive(self, event: Event) -> list[Finding]:
        """Take one event; return the findings it (and the time it brings) makes due."""
        if self.latest is None or event.time > self.latest:
            self.latest = event.time
        self._raise_watermark(self.latest - self.lateness)
        state = self.states.get(event.journey, JourneyState(event.journey))
        outcome = step(
            state,
            event,
            watermark=self._mark(),
            rules=self.rules,
            consents=self.consents[event.customer],
        )
        if outcome.state is not state and event.type.startswith("consent."):
            self.consents[event.customer].append(event)
        self.customers[event.journey] = event.customer
        return self._keep(outcome)

    def advance(self, now: datetime, *, final: bool = False) -> list[Finding]:
        """Let time pass to ``now`` less the lateness (``final``: no more events will come)."""
        self._raise_watermark(now if final else now - self.lateness)
        found: list[Finding] = []
        for key, state in list(self.states.items()):
            consents = self.consents[self.customers[key]]
            found.extend(
                self._keep(tick(state, watermark=self._mark(), rules=self.rules, consents=consents))
            )
        return found

    def _raise_watermark(self, candidate: datetime) -> None:
        if self.watermark is None or candidate > self.watermark:
            self.watermark = candidate

    def _mark(self) -> datetime:
        assert self.watermark is not None
        return self.watermark

    def _keep(self, outcome: Step) -> list[Finding]:
        self.states[outcome.state.key] = outcome.state
        return list(outcome.findings)
