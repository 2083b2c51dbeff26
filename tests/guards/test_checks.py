"""The check suite: every rule every guard must keep (test id ``guard:check``)."""

from __future__ import annotations

import ast
import copy
import random
from collections.abc import Callable, Sequence
from datetime import timedelta
from importlib import resources

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from mittelpunkt.adapters.jsonl import read_jsonl
from mittelpunkt.core.config import Config
from mittelpunkt.core.events import Event
from mittelpunkt.core.findings import ACTION_KINDS, SEVERITIES, Finding
from mittelpunkt.core.guard import Guard, Settings
from mittelpunkt.core.live import Live
from mittelpunkt.core.replay import Collection, collect, replay
from mittelpunkt.core.step import Rules
from mittelpunkt.guards import all_guards
from mittelpunkt.testing import journey_of
from tests.strategies import stories

GUARDS = all_guards()
EXAMPLES = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def seed_stories() -> list[Event]:
    collection = Collection()
    text = resources.files("mittelpunkt.stories").joinpath("seed_stories.jsonl").read_text()
    read_jsonl(text.splitlines(), collection)
    return list(collection.seen.values())


SEEDS = seed_stories()


def findings(guard: Guard, events: Sequence[Event]) -> list[Finding]:
    return list(replay(events, rules=Rules.of([guard])).findings)


def check_deterministic(guard: Guard) -> None:
    @EXAMPLES
    @given(stories())
    def run(events: list[Event]) -> None:
        assert findings(guard, events) == findings(guard, events)

    run()


def check_leaves_input_untouched(guard: Guard) -> None:
    @EXAMPLES
    @given(stories())
    def run(events: list[Event]) -> None:
        before = copy.deepcopy(events)
        findings(guard, events)
        assert events == before

    run()


def check_order_insensitive(guard: Guard) -> None:
    @EXAMPLES
    @given(stories(), st.randoms(use_true_random=False))
    def run(events: list[Event], rnd: random.Random) -> None:
        shuffled = list(events)
        rnd.shuffle(shuffled)
        assert findings(guard, shuffled) == findings(guard, events)

    run()


def check_duplicates_change_nothing(guard: Guard) -> None:
    @EXAMPLES
    @given(stories(), st.randoms(use_true_random=False))
    def run(events: list[Event], rnd: random.Random) -> None:
        doubled = events + rnd.sample(events, k=max(1, len(events) // 2))
        assert findings(guard, doubled) == findings(guard, events)

    run()


def check_once_per_cause(guard: Guard) -> None:
    @EXAMPLES
    @given(stories())
    def run(events: list[Event]) -> None:
        keys = [f.key for f in findings(guard, events + SEEDS)]
        assert len(keys) == len(set(keys))

    run()


def check_live_equals_replay(guard: Guard) -> None:
    """Events arriving late (within the lateness) and time passing in between, live."""
    lateness = timedelta(hours=6)

    @EXAMPLES
    @given(stories(), st.randoms(use_true_random=False))
    def run(events: list[Event], rnd: random.Random) -> None:
        rules = Rules.of([guard])
        arrivals = sorted(events, key=lambda e: e.time + rnd.random() * lateness)
        live = Live(rules, lateness)
        raised: list[Finding] = []
        for event in arrivals:
            raised += live.receive(event)
            if rnd.random() < 0.3:
                raised += live.advance(event.time)
        last = max(e.time for e in events)
        raised += live.advance(last, final=True)
        expected = replay(events, rules=rules).findings
        assert sorted(raised, key=lambda f: f.key) == sorted(expected, key=lambda f: f.key)

    run()


def check_needs_are_honest(guard: Guard) -> None:
    """A journey holding none of the types a guard says it needs gives it nothing to say."""
    settings_ = Settings.of(guard, Config())

    @EXAMPLES
    @given(stories())
    def run(events: list[Event]) -> None:
        for journey_events in collect(events).journeys.values():
            journey = journey_of(
                journey_events, consents=[e for e in events if e.type.startswith("consent.")]
            )
            if guard.needs and not guard.needs & set(journey.by_type):
                assert list(guard.check(journey, settings_)) == []

    run()


def check_documented(guard: Guard) -> None:
    # Read from the source: a compiled module keeps no docstring of its own.
    source = ast.parse(
        resources.files("mittelpunkt.guards").joinpath(f"{guard.code}.py").read_text()
    )
    module_doc = ast.get_docstring(source) or ""
    check_docs = [
        ast.get_docstring(node) or ""
        for node in ast.walk(source)
        if isinstance(node, ast.FunctionDef) and node.name == guard.check.__name__
    ]
    assert guard.code in module_doc
    assert ">>>" in module_doc or any(">>>" in doc for doc in check_docs)


CHECKS: tuple[Callable[[Guard], None], ...] = (
    check_deterministic,
    check_leaves_input_untouched,
    check_order_insensitive,
    check_duplicates_change_nothing,
    check_once_per_cause,
    check_live_equals_replay,
    check_needs_are_honest,
    check_documented,
)


@pytest.mark.parametrize(
    ("guard", "check"),
    [
        pytest.param(g, c, id=f"{g.code}:{c.__name__.removeprefix('check_')}")
        for g in GUARDS
        for c in CHECKS
    ],
)
def test_guard_keeps_the_rule(guard: Guard, check: Callable[[Guard], None]) -> None:
    check(guard)


def test_every_action_a_guard_proposes_is_of_a_known_kind() -> None:
    found = replay(SEEDS, rules=Rules.of(GUARDS)).findings
    assert found
    assert {f.action.kind for f in found} <= ACTION_KINDS
    assert {f.severity for f in found} <= set(SEVERITIES)
