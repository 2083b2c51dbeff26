"""The columnar engine: DuckDB over the events table, with each case's steps in order.

DuckDB was chosen over Polars by measurement on the largest real log (road-traffic fines,
561,470 events in 150,370 cases): the directly-follows graph with median durations and the
variants took 0.56 s in DuckDB and 0.92 s in Polars (Polars was faster on bpic2012's 13,087
longer cases, 0.13 s against 0.34 s; the many-short-cases log decides).

The table ``steps`` (computed once, with Arrow: every query reads it) holds the recorded (not
derived) events of each case in the order of the process map: by time, ties in file order
(as PM4Py orders them), with the activity before and after each step, the seconds to the
next, and the step's number in its case (from 1).

>>> from mittelpunkt.analytics.table import event_table
>>> from mittelpunkt.testing import event
>>> con = connect(event_table([event("e1", "2026-03-02T09:00", "case.opened", case="K"),
...                            event("e2", "2026-03-02T10:00", "case.resolved", case="K")]))
>>> con.execute("SELECT activity, next_activity, next_seconds FROM steps").fetchall()
[('case.opened', 'case.resolved', 3600.0), ('case.resolved', None, None)]
"""

from __future__ import annotations

from functools import cache
from typing import Any

import duckdb
import pyarrow as pa
import pyarrow.compute as pc

__all__ = ["connect", "rows", "steps_of"]

_ORDER = [("case", "ascending"), ("time", "ascending"), ("position", "ascending")]
SMALL = 122_880  # rows: one DuckDB row group
_KEPT = ["case", "activity", "time", "position", "type", "id", "waiting_on"]


def connect(table: pa.Table) -> duckdb.DuckDBPyConnection:
    """A connection with ``events`` (the table) and ``steps`` (see above); close it after.

    Connections are cursors on one in-memory database per process: opening a database
    costs 15-40 ms, a cursor 1-4 ms, and each cursor's registered tables are its own. A
    table of fewer than ``SMALL`` rows is queried by one thread: DuckDB gives each thread a
    row group of 122,880 rows, so a second thread has no work of its own there, and waiting
    for it (on a busy machine) made the queries of a 289-event log a quarter slower.
    """
    small = table.num_rows < SMALL
    con = _database(small=small).cursor()
    con.register("events", table)
    if small:  # read where it is: copying it into a table costs more than the queries gain
        con.register("steps", steps_of(table))
        return con
    # A large log's steps are copied once: queries read a table faster than Arrow.
    con.register("ordered_steps", steps_of(table))
    con.execute("CREATE TEMP TABLE steps AS SELECT * FROM ordered_steps")
    con.unregister("ordered_steps")
    return con


def steps_of(table: pa.Table) -> pa.Table:
    """The recorded events of each case in order, with their neighbours (see above).

    Computed with Arrow rather than a window in DuckDB: as fast on the largest log, and a
    few milliseconds less on a small one (a window query costs that however small its input).

    >>> from mittelpunkt.analytics.table import event_table
    >>> from mittelpunkt.testing import event
    >>> steps = steps_of(event_table([event("e2", "2026-03-02T10:00", "case.resolved", case="K"),
    ...                               event("e1", "2026-03-02T09:00", "case.opened", case="K")]))
    >>> steps.select(["id", "previous_activity", "next_seconds", "step"]).to_pylist()[0]
    {'id': 'e1', 'previous_activity': None, 'next_seconds': 3600.0, 'step': 1}
    """
    recorded = table.filter(pc.invert(table["derived"])).select(_KEPT)
    steps = recorded.take(pc.sort_indices(recorded, _ORDER)).combine_chunks()
    size = steps.num_rows
    case = steps["case"].combine_chunks()
    index = pc.subtract(pc.cumulative_sum(pa.repeat(pa.scalar(1, pa.int64()), size)), 1)
    same = pc.equal(case.slice(1), case.slice(0, max(size - 1, 0)))  # row i+1 is in i's case
    edge = pa.array([False] if size else [], pa.bool_())
    before = pa.concat_arrays([edge, same])  # in the case of the row before
    after = pa.concat_arrays([same, edge])  # in the case of the row after
    seconds = _epoch(steps["time"])
    first = pc.cumulative_max(pc.if_else(before, 0, index))
    return (
        steps.append_column("previous_activity", _shifted(steps["activity"], before, 1))
        .append_column("next_activity", _shifted(steps["activity"], after, -1))
        .append_column("next_seconds", pc.subtract(_shifted(seconds, after, -1), seconds))
        .append_column("step", pc.add(pc.subtract(index, first), 1))
    )


def _epoch(time: pa.ChunkedArray) -> pa.Array:
    """Seconds since 1970, as DuckDB's ``epoch`` gives them (microseconds / 1e6, as doubles)."""
    micros = pc.cast(time.combine_chunks(), pa.int64())
    return pc.divide(pc.cast(micros, pa.float64()), 1e6)


def _shifted(column: pa.Array | pa.ChunkedArray, keep: pa.Array, by: int) -> pa.Array:
    """``column`` moved down ``by`` rows (up when negative), null where ``keep`` is false."""
    values = column.combine_chunks() if isinstance(column, pa.ChunkedArray) else column
    size = len(values)
    nulls = pa.nulls(min(abs(by), size), values.type)
    if by > 0:
        moved = pa.concat_arrays([nulls, values.slice(0, max(size - by, 0))])
    else:
        moved = pa.concat_arrays([values.slice(-by), nulls])
    return pc.if_else(keep, moved, pa.scalar(None, values.type))


@cache
def _database(*, small: bool) -> duckdb.DuckDBPyConnection:
    return duckdb.connect(":memory:", config={"threads": 1} if small else {})


def rows(con: duckdb.DuckDBPyConnection, sql: str) -> list[dict[str, Any]]:
    """The result of a query as dictionaries, by column name.

    >>> rows(duckdb.connect(), "SELECT 1 AS one")
    [{'one': 1}]
    """
    cursor = con.execute(sql)
    names = [d[0] for d in cursor.description or ()]
    return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]
