"""Journey times: throughput, waiting on the customer, and reopenings.

>>> from mittelpunkt.analytics.engine import connect
>>> from mittelpunkt.analytics.table import event_table
>>> from mittelpunkt.testing import event
>>> story = [event("a1", "2026-03-02T09:00", "case.opened", case="A"),
...          event("a2", "2026-03-02T10:00", "case.waiting", case="A", on="customer"),
...          event("a3", "2026-03-02T13:00", "case.resolved", case="A")]
>>> con = connect(event_table(story))
>>> throughput(con)["median_seconds"], waiting_on_customer(con)["median_seconds"]
(14400.0, 10800.0)
"""

from __future__ import annotations

from typing import Any

import duckdb

from mittelpunkt.analytics.engine import rows

__all__ = ["reopenings", "throughput", "waiting_on_customer"]

# What ends a wait (as in the guards): the case resumes, is resolved, waits on another.
_WAIT_ENDS = "('case.resumed', 'case.resolved', 'case.waiting', 'order.cancelled')"

# Each wait with the time of the first end after it in its case, and (on a case's first
# wait only) the case's span; windows, not a join of steps to steps, and one pass.
_WAITS = f"""
SELECT count(*) AS waits, count(DISTINCT "case") AS cases,
       count(*) FILTER (WHERE seconds IS NULL) AS still_waiting,
       median(seconds) AS median_seconds, sum(seconds) AS total_seconds,
       sum(seconds) / nullif(sum(span), 0) AS share_of_their_time
FROM (SELECT "case", epoch(ended) - epoch(time) AS seconds,
             CASE WHEN row_number() OVER (PARTITION BY "case" ORDER BY step) = 1
                  THEN span END AS span
      FROM (SELECT "case", step, time, type, waiting_on,
                   min(time) FILTER (WHERE type IN {_WAIT_ENDS}) OVER (
                       PARTITION BY "case" ORDER BY step
                       ROWS BETWEEN 1 FOLLOWING AND UNBOUNDED FOLLOWING) AS ended,
                   epoch(max(time) OVER (PARTITION BY "case"))
                       - epoch(min(time) OVER (PARTITION BY "case")) AS span
            FROM steps)
      WHERE type = 'case.waiting' AND waiting_on = 'customer')
"""  # noqa: S608 - constant fragments

# What the two queries give on a log without waits or reopenings.
NO_WAITS: dict[str, Any] = {
    "waits": 0,
    "cases": 0,
    "still_waiting": 0,
    "median_seconds": None,
    "total_seconds": None,
    "share_of_their_time": None,
}
NO_REOPENINGS: dict[str, Any] = {"activity": None, "whole": 1, "count": 0, "cases": 0}

# The whole first (``grouping`` 1), then per activity.
_REOPENED = """
SELECT activity, grouping(activity) AS whole, count(*) AS count, count(DISTINCT "case") AS cases
FROM events WHERE type = 'case.reopened'
GROUP BY GROUPING SETS ((), (activity)) ORDER BY whole DESC, count DESC, activity
"""


def throughput(con: duckdb.DuckDBPyConnection) -> dict[str, Any]:
    """Case durations, first to last recorded event: median, mean, 90th percentile, max."""
    found = rows(
        con,
        """SELECT count(*) AS cases, median(d) AS median_seconds, avg(d) AS mean_seconds,
                  quantile_cont(d, 0.9) AS p90_seconds, max(d) AS max_seconds
           FROM (SELECT epoch(max(time)) - epoch(min(time)) AS d FROM steps GROUP BY "case")""",
    )[0]
    return _rounded(found)


def waiting_on_customer(
    con: duckdb.DuckDBPyConnection, *, cases: int | None = None, any_waits: bool = True
) -> dict[str, Any]:
    """Waits on the customer (``case.waiting`` ``on: customer``), as the guards see them.

    A wait lasts until the case resumes, is resolved or waits on something else (or is
    cancelled); a wait nothing ended is ``still_waiting``. How many, in how many cases, how
    long, and their share of those cases' time. ``cases`` (all of them) when known already;
    ``any_waits`` false when the log is known to have none (then nothing is queried).

    >>> from mittelpunkt.analytics.engine import connect
    >>> from mittelpunkt.analytics.table import event_table
    >>> from mittelpunkt.testing import event
    >>> con = connect(event_table([event("a1", "2026-03-02T09:00", "case.opened", case="A")]))
    >>> waiting_on_customer(con, cases=1)["waits"]
    0
    """
    found = rows(con, _WAITS)[0] if any_waits else dict(NO_WAITS)
    cases = _cases(con) if cases is None else cases
    found["share_of_cases"] = round(found["cases"] / cases, 4) if cases else None
    return _rounded(found)


def reopenings(
    con: duckdb.DuckDBPyConnection, *, cases: int | None = None, any_reopened: bool = True
) -> dict[str, Any]:
    """Cases reopened after they were closed (``case.reopened``, given or derived).

    With the activities that reopened them. ``cases`` (all of them) when known already;
    ``any_reopened`` false when the log is known to have no reopening (nothing is queried).

    >>> from mittelpunkt.analytics.engine import connect
    >>> from mittelpunkt.analytics.table import event_table
    >>> from mittelpunkt.testing import event
    >>> con = connect(event_table([event("a1", "2026-03-02T09:00", "case.opened", case="A")]))
    >>> reopenings(con)
    {'events': 0, 'cases': 0, 'share_of_cases': 0.0, 'by_activity': []}
    """
    total, *each = rows(con, _REOPENED) if any_reopened else [dict(NO_REOPENINGS)]
    cases = _cases(con) if cases is None else cases
    return {
        "events": total["count"],
        "cases": total["cases"],
        "share_of_cases": round(total["cases"] / cases, 4) if cases else None,
        "by_activity": [{"name": r["activity"], "count": r["count"]} for r in each],
    }


def _cases(con: duckdb.DuckDBPyConnection) -> int:
    found = con.execute('SELECT count(DISTINCT "case") FROM steps').fetchone()
    return int(found[0]) if found else 0


def _rounded(found: dict[str, Any]) -> dict[str, Any]:
    return {k: round(v, 3) if isinstance(v, float) else v for k, v in found.items()}
