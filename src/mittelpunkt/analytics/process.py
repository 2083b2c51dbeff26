"""The process map and the variants of a log.

The directly-follows graph with counts and median durations, and the variants (activity
sequences of whole cases) with their counts. Each is one query over ``steps``: a query costs
a millisecond or two however small the log, which is most of the time on a small one.

>>> from mittelpunkt.analytics.engine import connect
>>> from mittelpunkt.analytics.table import event_table
>>> from mittelpunkt.testing import event
>>> con = connect(event_table([
...     event("a1", "2026-03-02T09:00", "case.opened", case="A"),
...     event("a2", "2026-03-02T11:00", "case.resolved", case="A"),
...     event("b1", "2026-03-03T09:00", "case.opened", case="B"),
...     event("b2", "2026-03-03T10:00", "case.resolved", case="B")]))
>>> process_map(con)["edges"]
[{'from': 'case.opened', 'to': 'case.resolved', 'count': 2, 'median_seconds': 5400.0}]
>>> variants(con)
([{'activities': ['case.opened', 'case.resolved'], 'count': 2, 'share': 1.0}], 1)
"""

from __future__ import annotations

from typing import Any

import duckdb

from mittelpunkt.analytics.engine import rows

__all__ = ["process_map", "variants"]

# Per edge, and per activity (``whole``): every case has one first step, so the cases are
# the sum of the starts and the events the sum of the activities' counts.
_MAP = """
SELECT activity, next_activity, grouping(next_activity) AS whole, count(*) AS count,
       count(*) FILTER (WHERE step = 1) AS starts,
       count(*) FILTER (WHERE next_activity IS NULL) AS ends,
       median(next_seconds) AS median_seconds, median(step - 1) AS position
FROM steps GROUP BY GROUPING SETS ((activity, next_activity), (activity))
ORDER BY whole, count DESC, activity, next_activity
"""

_VARIANTS = """
SELECT sequence, count, total, cases FROM (
    SELECT sequence, count, count(*) OVER () AS total, sum(count) OVER () AS cases,
           row_number() OVER (ORDER BY count DESC, sequence) AS rank
    FROM (SELECT sequence, count(*) AS count FROM (
              SELECT list(activity ORDER BY step) AS sequence FROM steps GROUP BY "case")
          GROUP BY sequence))
WHERE rank <= {top} ORDER BY rank
"""


def process_map(con: duckdb.DuckDBPyConnection, *, positions: bool = False) -> dict[str, Any]:
    """The directly-follows graph: edges, activities, start and end activities, sizes.

    With ``positions``, each activity also has its median step number in a case (from 0).

    >>> from mittelpunkt.analytics.engine import connect
    >>> from mittelpunkt.analytics.table import event_table
    >>> from mittelpunkt.testing import event
    >>> found = process_map(connect(event_table([
    ...     event("a1", "2026-03-02T09:00", "case.opened", case="A"),
    ...     event("a2", "2026-03-02T11:00", "case.resolved", case="A")])), positions=True)
    >>> found["activities"][1]
    {'name': 'case.resolved', 'count': 1, 'position': 1.0}
    >>> found["start"], found["end"], (found["cases"], found["events"])
    ([{'name': 'case.opened', 'count': 1}], [{'name': 'case.resolved', 'count': 1}], (1, 2))
    """
    found = rows(con, _MAP)
    edges = [
        {
            "from": r["activity"],
            "to": r["next_activity"],
            "count": r["count"],
            "median_seconds": _seconds(r["median_seconds"]),
        }
        for r in found
        if not r["whole"] and r["next_activity"] is not None
    ]
    each = [r for r in found if r["whole"]]
    activities = [{"name": r["activity"], "count": r["count"]} for r in each]
    if positions:
        for activity, r in zip(activities, each, strict=True):
            activity["position"] = float(r["position"])
    return {
        "edges": edges,
        "activities": activities,
        "start": _ranked(each, "starts"),
        "end": _ranked(each, "ends"),
        "cases": sum(r["starts"] for r in each),
        "events": sum(r["count"] for r in each),
    }


def _ranked(each: list[dict[str, Any]], column: str) -> list[dict[str, Any]]:
    """The activities with a count in ``column``, most first, ties by name."""
    counted = [{"name": r["activity"], "count": r[column]} for r in each if r[column]]
    return sorted(counted, key=lambda a: (-a["count"], a["name"]))


def variants(con: duckdb.DuckDBPyConnection, top: int = 20) -> tuple[list[dict[str, Any]], int]:
    """The ``top`` most frequent variants (ties by sequence), and how many variants there are."""
    # One row at least (when there is any), for the totals it carries.
    found = rows(con, _VARIANTS.format(top=max(int(top), 1)))
    total = found[0]["total"] if found else 0
    cases = found[0]["cases"] if found else 0
    return [
        {
            "activities": list(v["sequence"]),
            "count": v["count"],
            "share": round(v["count"] / cases, 4) if cases else None,
        }
        for v in found[: max(int(top), 0)]
    ], int(total)


def _seconds(value: object) -> float | None:
    return None if value is None else round(float(value), 3)  # type: ignore[arg-type]
