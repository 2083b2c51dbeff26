"""Where on the process customers get hurt: the replay's findings joined to the steps.

A finding sits at the activity of each of its evidence events (a derived event, such as a
policy promise, sits where the event it was derived from sits) and at the transition into
it (the activity before it in its case, and its own). Each finding counts once per activity
and once per transition, however many of its evidence events sit there.

>>> from mittelpunkt.analytics.engine import connect
>>> from mittelpunkt.analytics.table import event_table
>>> from mittelpunkt.testing import event
>>> con = connect(event_table([event("a1", "2026-03-02T09:00", "case.opened", case="A"),
...                            event("a2", "2026-03-09T10:00", "case.waiting", case="A",
...                                  on="customer")]))
>>> hurt = hurts(con, [{"code": "unrequested_info", "evidence": ["a2"]}])
>>> hurt["activities"], hurt["transitions"][0]["from"]
([{'name': 'case.waiting', 'findings': 1, 'by_code': {'unrequested_info': 1}}], 'case.opened')
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

import duckdb
import pyarrow as pa

from mittelpunkt.analytics.engine import rows

__all__ = ["hurts"]

# Per activity (``grouping`` 1) and per transition, each code's findings: a finding has one
# code, so the findings at a site are the sum over its codes.
_HURTS = """
WITH sites AS (
    SELECT DISTINCT e.finding, e.code, s.activity, s.previous_activity
    FROM evidence e
    JOIN events v ON v.id = e.event_id
    JOIN steps s ON s.id = v.source_id),
by_code AS (
    SELECT previous_activity, activity, grouping(previous_activity) AS alone, code,
           count(DISTINCT finding) AS n
    FROM sites GROUP BY GROUPING SETS ((activity, code), (previous_activity, activity, code)))
SELECT alone, previous_activity, activity, sum(n)::BIGINT AS findings,
       map_from_entries(list({'k': code, 'v': n} ORDER BY code)) AS by_code
FROM by_code WHERE alone = 1 OR previous_activity IS NOT NULL
GROUP BY ALL ORDER BY alone DESC, findings DESC, previous_activity, activity
"""


def hurts(con: duckdb.DuckDBPyConnection, findings: Iterable[Mapping[str, Any]]) -> dict[str, Any]:
    """Per activity and per transition, the findings whose evidence sits there, by code."""
    evidence = _evidence(findings)
    if not evidence.num_rows:
        return {"activities": [], "transitions": []}
    con.register("evidence", evidence)
    try:
        found = rows(con, _HURTS)
    finally:
        con.unregister("evidence")
    for row in found:
        row["by_code"] = dict(sorted(row["by_code"].items()))
    return {
        "activities": [
            {"name": r["activity"], "findings": r["findings"], "by_code": r["by_code"]}
            for r in found
            if r["alone"]
        ],
        "transitions": [
            {
                "from": r["previous_activity"],
                "to": r["activity"],
                "findings": r["findings"],
                "by_code": r["by_code"],
            }
            for r in found
            if not r["alone"]
        ],
    }


def _evidence(findings: Iterable[Mapping[str, Any]]) -> pa.Table:
    columns: dict[str, list[Any]] = {"finding": [], "code": [], "event_id": []}
    for index, finding in enumerate(findings):
        for event_id in finding.get("evidence", ()):
            columns["finding"].append(index)
            columns["code"].append(str(finding["code"]))
            columns["event_id"].append(str(event_id))
    schema = pa.schema([("finding", pa.int64()), ("code", pa.string()), ("event_id", pa.string())])
    return pa.table(columns, schema=schema)
