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


def throughput(con: duckdb.DuckDBPyConnection) -> dict[str, Any]:
    """Case durations, first to last recorded event: median, mean, 90th percentile, max."""
    found = rows(
        con,
        """SELECT count(*) AS cases, median(d) AS median_seconds, avg(d) AS mean_seconds,
                  quantile_cont(d, 0.9) AS p90_seconds, max(d) AS max_seconds
           FROM (SELECT epoch(max(time)) - epoch(min(time)) AS d FROM steps GROUP BY "case")""",
    )[0]
    return _rounded(found)


def waiting_on_customer(con: duckdb.DuckDBPyConnection) -> dict[str, Any]:
    """Waits on the customer (``case.waiting`` ``on: customer``), as the guards see them.

    A wait lasts until the case resumes, is resolved or waits on something else (or is
    cancelled); a wait nothing ended is ``still_waiting``. How many, in how many cases, how
    long, and their share of those cases' time.
    """
    found = rows(
        con,
        f"""WITH waits AS (
                SELECT w."case", w.step,
                       epoch(min(e.time)) - epoch(any_value(w.time)) AS seconds
                FROM steps w LEFT JOIN steps e
                  ON e."case" = w."case" AND e.step > w.step AND e.type IN {_WAIT_ENDS}
                WHERE w.type = 'case.waiting' AND w.waiting_on = 'customer'
                GROUP BY w."case", w.step),
             spans AS (SELECT "case", epoch(max(time)) - epoch(min(time)) AS d
                       FROM steps WHERE "case" IN (SELECT "case" FROM waits) GROUP BY "case")
           SELECT (SELECT count(*) FROM waits) AS waits,
                  (SELECT count(DISTINCT "case") FROM waits) AS cases,
                  (SELECT count(*) FROM waits WHERE seconds IS NULL) AS still_waiting,
                  (SELECT median(seconds) FROM waits) AS median_seconds,
                  (SELECT sum(seconds) FROM waits) AS total_seconds,
                  (SELECT sum(seconds) FROM waits) / nullif((SELECT sum(d) FROM spans), 0)
                      AS share_of_their_time""",  # noqa: S608 - constant fragments
    )[0]
    cases = _cases(con)
    found["share_of_cases"] = round(found["cases"] / cases, 4) if cases else None
    return _rounded(found)


def reopenings(con: duckdb.DuckDBPyConnection) -> dict[str, Any]:
    """Cases reopened after they were closed (``case.reopened``, given or derived).

    With the activities that reopened them.
    """
    reopened = "FROM events WHERE type = 'case.reopened'"
    found = rows(con, f'SELECT count(*) AS events, count(DISTINCT "case") AS cases {reopened}')[0]
    cases = _cases(con)
    found["share_of_cases"] = round(found["cases"] / cases, 4) if cases else None
    found["by_activity"] = rows(
        con,
        f"SELECT activity AS name, count(*) AS count {reopened} "
        "GROUP BY activity ORDER BY count DESC, name",
    )
    return found


def _cases(con: duckdb.DuckDBPyConnection) -> int:
    found = con.execute('SELECT count(DISTINCT "case") FROM steps').fetchone()
    return int(found[0]) if found else 0


def _rounded(found: dict[str, Any]) -> dict[str, Any]:
    return {k: round(v, 3) if isinstance(v, float) else v for k, v in found.items()}
