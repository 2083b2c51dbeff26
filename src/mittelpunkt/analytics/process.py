"""The process map and the variants of a log.

The directly-follows graph with counts and median durations, and the variants (activity
sequences of whole cases) with their counts.

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


def process_map(con: duckdb.DuckDBPyConnection) -> dict[str, Any]:
    """The directly-follows graph: edges, activities, start and end activities, sizes."""
    edges = rows(
        con,
        """SELECT activity AS "from", next_activity AS "to", count(*) AS count,
                  median(next_seconds) AS median_seconds
           FROM steps WHERE next_activity IS NOT NULL
           GROUP BY ALL ORDER BY count DESC, "from", "to" """,
    )
    activities = _counted(con, "SELECT activity AS name FROM steps")
    start = _counted(con, "SELECT activity AS name FROM steps WHERE step = 1")
    end = _counted(con, "SELECT activity AS name FROM steps WHERE next_activity IS NULL")
    sizes = con.execute('SELECT count(*), count(DISTINCT "case") FROM steps').fetchone()
    events, cases = sizes if sizes is not None else (0, 0)
    for edge in edges:
        edge["median_seconds"] = _seconds(edge["median_seconds"])
    return {
        "edges": edges,
        "activities": activities,
        "start": start,
        "end": end,
        "cases": cases,
        "events": events,
    }


def _counted(con: duckdb.DuckDBPyConnection, sql: str) -> list[dict[str, Any]]:
    return rows(
        con,
        f"SELECT name, count(*) AS count FROM ({sql}) GROUP BY name "  # noqa: S608 - our own constant queries
        "ORDER BY count DESC, name",
    )


def variants(con: duckdb.DuckDBPyConnection, top: int = 20) -> tuple[list[dict[str, Any]], int]:
    """The ``top`` most frequent variants (ties by sequence), and how many variants there are."""
    con.execute(
        """CREATE OR REPLACE TEMP TABLE variant_counts AS
           SELECT sequence, count(*) AS count FROM (
               SELECT "case", list(activity ORDER BY step) AS sequence FROM steps GROUP BY "case")
           GROUP BY sequence"""
    )
    total_row = con.execute("SELECT count(*), sum(count) FROM variant_counts").fetchone()
    total, cases = total_row if total_row is not None else (0, 0)
    found = rows(
        con,
        f"SELECT sequence, count FROM variant_counts ORDER BY count DESC, sequence "  # noqa: S608 - top is an int
        f"LIMIT {int(top)}",
    )
    return [
        {
            "activities": list(v["sequence"]),
            "count": v["count"],
            "share": round(v["count"] / cases, 4) if cases else None,
        }
        for v in found
    ], int(total)


def _seconds(value: object) -> float | None:
    return None if value is None else round(float(value), 3)  # type: ignore[arg-type]
