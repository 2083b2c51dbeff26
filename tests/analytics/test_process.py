from __future__ import annotations

from mittelpunkt.analytics.engine import connect
from mittelpunkt.analytics.journeys import reopenings, throughput, waiting_on_customer
from mittelpunkt.analytics.process import process_map, variants
from mittelpunkt.analytics.table import event_table
from mittelpunkt.core.events import Event
from mittelpunkt.testing import event


def _case(key: str, steps: list[tuple[str, str]], **extra: str) -> list[Event]:
    return [
        event(f"{key}#{n}", at, "x-activity", case=key, activity=name, **extra)
        for n, (name, at) in enumerate(steps, start=1)
    ]


def test_edges_are_counted_with_median_durations() -> None:
    table = event_table(
        _case(
            "A", [("a", "2026-01-01T09:00"), ("b", "2026-01-01T10:00"), ("c", "2026-01-01T12:00")]
        )
        + _case("B", [("a", "2026-01-02T09:00"), ("b", "2026-01-02T09:30")])
        + _case("C", [("a", "2026-01-03T09:00"), ("b", "2026-01-03T11:00")])
    )
    found = process_map(connect(table))
    assert [(e["from"], e["to"], e["count"], e["median_seconds"]) for e in found["edges"]] == [
        ("a", "b", 3, 3600.0),
        ("b", "c", 1, 7200.0),
    ]
    assert found["activities"] == [
        {"name": "a", "count": 3},
        {"name": "b", "count": 3},
        {"name": "c", "count": 1},
    ]
    assert found["start"] == [{"name": "a", "count": 3}]
    assert found["end"] == [{"name": "b", "count": 2}, {"name": "c", "count": 1}]
    assert (found["cases"], found["events"]) == (3, 7)


def test_steps_are_ordered_by_time_then_file_order() -> None:
    # Written out of time order, with a tie: the tie keeps file order (as PM4Py does).
    table = event_table(
        _case(
            "A",
            [
                ("late", "2026-01-01T12:00"),
                ("tie-1", "2026-01-01T09:00"),
                ("tie-2", "2026-01-01T09:00"),
            ],
        )
    )
    (only,), count = variants(connect(table))
    assert only["activities"] == ["tie-1", "tie-2", "late"]
    assert count == 1


def test_variants_are_counted_and_the_top_kept() -> None:
    cases = [
        _case(f"K{n}", [("a", "2026-01-01T09:00"), (step, "2026-01-01T10:00")])
        for n, step in enumerate(["b", "b", "b", "c", "c", "d"])
    ]
    found, count = variants(connect(event_table([e for case in cases for e in case])), top=2)
    assert count == 3
    assert [(v["activities"], v["count"], v["share"]) for v in found] == [
        (["a", "b"], 3, 0.5),
        (["a", "c"], 2, 0.3333),
    ]


def test_derived_events_stay_off_the_map_but_count_as_reopenings() -> None:
    recorded = _case("A", [("Resolve", "2026-01-01T09:00"), ("Work", "2026-01-02T09:00")])
    reopened = event(
        "A#2~reopened",
        "2026-01-02T09:00",
        "case.reopened",
        case="A",
        activity="Work",
        derived_from="A#2",
    )
    con = connect(event_table(recorded, [reopened]))
    assert process_map(con)["events"] == 2
    assert reopenings(con) == {
        "events": 1,
        "cases": 1,
        "share_of_cases": 1.0,
        "by_activity": [{"name": "Work", "count": 1}],
    }


def test_throughput_and_waiting_on_the_customer() -> None:
    story = [
        event("a1", "2026-01-01T09:00", "case.opened", case="A"),
        event("a2", "2026-01-01T10:00", "case.waiting", case="A", on="customer"),
        event("a3", "2026-01-01T14:00", "case.waiting", case="A", on="internal"),
        event("a4", "2026-01-01T19:00", "case.resolved", case="A"),
        event("b1", "2026-01-02T09:00", "case.opened", case="B"),
        event("b2", "2026-01-02T11:00", "case.resolved", case="B"),
    ]
    con = connect(event_table(story))
    assert throughput(con)["median_seconds"] == (36000 + 7200) / 2
    waiting = waiting_on_customer(con)
    assert (waiting["waits"], waiting["cases"], waiting["median_seconds"]) == (1, 1, 14400.0)
    assert waiting["share_of_their_time"] == 0.4
    assert waiting["share_of_cases"] == 0.5
