"""Every analytic of a log, on one engine connection.

The process map with its hurts, the variants, and the journey times.

>>> from mittelpunkt.analytics.table import event_table
>>> from mittelpunkt.testing import event
>>> table = event_table([event("a1", "2026-03-02T09:00", "case.opened", case="A"),
...                      event("a2", "2026-03-09T10:00", "case.resolved", case="A")])
>>> found = summarise(table, [{"code": "no_news", "evidence": ["a1"]}])
>>> found["process"]["activities"][0]["hurts"], found["variant_count"]
(1, 1)
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

import pyarrow as pa
import pyarrow.compute as pc

from mittelpunkt.analytics.engine import connect
from mittelpunkt.analytics.hurts import hurts
from mittelpunkt.analytics.journeys import reopenings, throughput, waiting_on_customer
from mittelpunkt.analytics.process import process_map, variants

__all__ = ["summarise"]


def summarise(
    table: pa.Table, findings: Sequence[Mapping[str, Any]], top: int = 20
) -> dict[str, Any]:
    """The analytics of ``analyze`` for a table of events and the replay's findings.

    Its keys: ``process``, ``variants``, ``variant_count``, ``hurts``, ``throughput``,
    ``waiting_on_customer`` and ``reopenings``. Three queries, and one each for the hurts,
    the waits and the reopenings when the log has any: on a small log the number of queries,
    not their size, is what costs.
    """
    con = connect(table)
    try:
        process = process_map(con, positions=True)
        found, count = variants(con, top)
        hurt = hurts(con, findings)
        _annotate(process, hurt)
        cases = process["cases"]
        waits, reopened = _present(table)
        return {
            "process": process,
            "variants": found,
            "variant_count": count,
            "hurts": hurt,
            "throughput": throughput(con),
            "waiting_on_customer": waiting_on_customer(con, cases=cases, any_waits=waits),
            "reopenings": reopenings(con, cases=cases, any_reopened=reopened),
        }
    finally:
        con.close()


def _present(table: pa.Table) -> tuple[bool, bool]:
    """Whether the log has waits on the customer, and reopenings (if not, nothing to query).

    >>> from mittelpunkt.analytics.table import event_table
    >>> from mittelpunkt.testing import event
    >>> _present(event_table([event("a1", "2026-03-02T09:00", "case.waiting", case="A",
    ...                             on="customer")]))
    (True, False)
    """
    types = table.column("type")
    waiting = pc.and_(pc.equal(types, "case.waiting"), pc.equal(table["waiting_on"], "customer"))
    reopened = pc.equal(types, "case.reopened")
    return bool(pc.any(waiting).as_py()), bool(pc.any(reopened).as_py())


def _annotate(process: dict[str, Any], hurt: dict[str, Any]) -> None:
    """Put the hurts on the process map itself (each activity's position after them)."""
    by_name = {a["name"]: a for a in hurt["activities"]}
    by_edge = {(t["from"], t["to"]): t["findings"] for t in hurt["transitions"]}
    for activity in process["activities"]:
        found = by_name.get(activity["name"], {})
        position = activity.pop("position")
        activity["hurts"] = found.get("findings", 0)
        activity["hurts_by_code"] = found.get("by_code", {})
        activity["position"] = position
    for edge in process["edges"]:
        edge["hurts"] = by_edge.get((edge["from"], edge["to"]), 0)
