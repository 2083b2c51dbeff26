from __future__ import annotations

from mittelpunkt.adapters.derived import derive
from mittelpunkt.adapters.mapping import parse_mapping
from mittelpunkt.core.replay import replay
from mittelpunkt.core.step import Rules
from mittelpunkt.guards import all_guards
from mittelpunkt.testing import event

MAPPING = parse_mapping(
    {
        "promises": {
            "resolution": {"after": "case.opened", "within": "2d", "kept_by": "case.resolved"}
        },
        "reopen": {"after": ["Resolved", "Closed"]},
    }
)


def _story() -> list:  # type: ignore[type-arg]
    return [
        event("k#1", "2026-03-02T09:00", "case.opened", case="K", activity="Open"),
        event("k#2", "2026-03-02T10:00", "case.opened", case="K", activity="Open"),
        event("k#3", "2026-03-03T09:00", "case.resolved", case="K", activity="Resolved"),
        event("k#4", "2026-03-03T10:00", "case.resolved", case="K", activity="Closed"),
        event("k#5", "2026-03-05T09:00", "x-activity", case="K", activity="Work"),
        event("j#1", "2026-03-02T09:00", "case.opened", case="J", activity="Open"),
    ]


def test_work_after_closing_reopens_once() -> None:
    reopened = [e for e in derive(_story(), MAPPING) if e.type == "case.reopened"]
    assert [(e.id, e.data["derived_from"], e.data["activity"]) for e in reopened] == [
        ("k#5~reopened", "k#5", "Work")
    ]


def test_a_policy_promise_is_made_once_and_kept_by_its_event() -> None:
    derived = [e for e in derive(_story(), MAPPING) if e.type.startswith("promise.")]
    assert [(e.type, e.data["derived_from"]) for e in derived] == [
        ("promise.made", "k#1"),
        ("promise.kept", "k#3"),
        ("promise.made", "j#1"),
    ]
    assert derived[0].due is not None
    assert derived[0].refs["promise"] == derived[1].refs["promise"]


def test_an_unkept_policy_promise_is_broken_on_replay() -> None:
    story = _story()
    result = replay([*story, *derive(story, MAPPING)], rules=Rules.of(all_guards()))
    broken = [f for f in result.findings if f.code == "broken_promise"]
    assert [f.journey for f in broken] == ["case:J"]
    assert broken[0].evidence == ("j#1~resolution",)


def test_without_reopen_or_policies_nothing_is_derived() -> None:
    assert derive(_story(), parse_mapping({})) == []
