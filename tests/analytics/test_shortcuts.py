"""What the analytics leave unqueried is what the queries would have said."""

from __future__ import annotations

from mittelpunkt.analytics.engine import connect, steps_of
from mittelpunkt.analytics.journeys import reopenings, waiting_on_customer
from mittelpunkt.analytics.process import process_map, variants
from mittelpunkt.analytics.table import event_table
from mittelpunkt.testing import event

QUIET = [
    event("a1", "2026-01-01T09:00", "case.opened", case="A"),
    event("a2", "2026-01-01T10:00", "case.resolved", case="A"),
    event("b1", "2026-01-02T09:00", "case.opened", case="B"),
]


def test_no_waits_and_no_reopenings_read_as_the_queries_give_them() -> None:
    con = connect(event_table(QUIET))
    assert waiting_on_customer(con, any_waits=False) == waiting_on_customer(con)
    assert reopenings(con, any_reopened=False) == reopenings(con)
    assert reopenings(con, cases=2, any_reopened=False) == reopenings(con)


def test_an_empty_log_has_no_map_no_variants_and_no_waits() -> None:
    con = connect(event_table([]))
    found = process_map(con)
    assert (found["edges"], found["activities"], found["cases"], found["events"]) == ([], [], 0, 0)
    assert variants(con) == ([], 0)
    assert waiting_on_customer(con, any_waits=False) == waiting_on_customer(con)


def test_no_top_variants_still_counts_them() -> None:
    assert variants(connect(event_table(QUIET)), top=0) == ([], 2)


def test_steps_are_numbered_per_case_with_their_neighbours() -> None:
    shuffled = [QUIET[2], QUIET[1], QUIET[0]]
    steps = steps_of(event_table(shuffled)).to_pylist()
    assert [(s["id"], s["step"], s["previous_activity"], s["next_activity"]) for s in steps] == [
        ("a1", 1, None, "case.resolved"),
        ("a2", 2, "case.opened", None),
        ("b1", 1, None, None),
    ]
    assert [s["next_seconds"] for s in steps] == [3600.0, None, None]
