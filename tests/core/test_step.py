from __future__ import annotations

from datetime import timedelta

import pytest

from mittelpunkt.core.live import Live
from mittelpunkt.core.replay import replay
from mittelpunkt.core.step import JourneyState, Rules, step, tick
from mittelpunkt.exceptions import BadEvent
from mittelpunkt.guards import all_guards
from mittelpunkt.guards.broken_promise import GUARD
from mittelpunkt.testing import at, event

RULES = Rules.of([GUARD])
CONFIRMED = event(
    "e1", "2026-03-02T09:00", "order.confirmed", order="O-1", promised_delivery="2026-03-06"
)


def test_a_step_leaves_its_input_state_alone() -> None:
    state = JourneyState("order:O-1")
    outcome = step(state, CONFIRMED, watermark=CONFIRMED.time, rules=RULES)
    assert state.events == ()
    assert outcome.state.events == (CONFIRMED,)


def test_an_exact_duplicate_changes_nothing_and_a_conflict_is_refused() -> None:
    first = step(JourneyState("order:O-1"), CONFIRMED, watermark=CONFIRMED.time, rules=RULES)
    again = step(first.state, CONFIRMED, watermark=CONFIRMED.time, rules=RULES)
    assert again.state is first.state
    other = event(
        "e1", "2026-03-02T09:00", "order.confirmed", order="O-1", promised_delivery="2026-03-07"
    )
    with pytest.raises(BadEvent, match="different content"):
        step(first.state, other, watermark=CONFIRMED.time, rules=RULES)


def test_a_deadline_arrives_as_a_tick_and_is_raised_once_with_its_action() -> None:
    state = step(JourneyState("order:O-1"), CONFIRMED, watermark=CONFIRMED.time, rules=RULES).state
    assert tick(state, watermark=at("2026-03-06T23:00"), rules=RULES).findings == ()
    due = tick(state, watermark=at("2026-03-07T01:00"), rules=RULES)
    assert [f.code for f in due.findings] == ["broken_promise"]
    assert due.actions == (due.findings[0].action,)
    assert tick(due.state, watermark=at("2026-03-08T01:00"), rules=RULES).findings == ()


def test_live_with_late_events_agrees_with_replay_on_the_seed_stories() -> None:
    from tests.guards.test_checks import SEEDS  # noqa: PLC0415 - shared fixture data

    rules = Rules.of(all_guards())
    live = Live(rules, lateness=timedelta(hours=2))
    raised = []
    for event_ in sorted(SEEDS, key=lambda e: (e.time, e.id), reverse=False):
        raised += live.receive(event_)
    raised += live.advance(max(e.time for e in SEEDS), final=True)
    expected = replay(SEEDS, rules=rules).findings
    assert sorted(f.key for f in raised) == sorted(f.key for f in expected)
    assert len(expected) > 10
