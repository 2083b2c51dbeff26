"""Parquet event logs: one event per row, read batch by batch.

Native timestamps keep their zone (naive ones take the mapping's ``timezone``); rows are
numbered from 1, so an error names the row and the column.

>>> import tempfile, pyarrow as pa, pyarrow.parquet as pq
>>> from mittelpunkt.adapters.mapping import parse_mapping
>>> path = Path(tempfile.mkdtemp()) / "log.parquet"
>>> pq.write_table(pa.table({"case:concept:name": ["A1"], "concept:name": ["Create Fine"],
...                          "time:timestamp": ["2006-07-24T00:00:00+02:00"]}), path)
>>> [(r.case, r.activity, r.row) for r in read_parquet(path, parse_mapping({}))]
[('A1', 'Create Fine', 1)]
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pyarrow.parquet as pq

from mittelpunkt.adapters.canonical import Columns, Record
from mittelpunkt.adapters.mapping import LogMapping
from mittelpunkt.exceptions import BadConfig, BadEvent

__all__ = ["read_parquet"]

_BATCH = 65_536


def read_parquet(
    path: Path, mapping: LogMapping, *, progress: Callable[[int], None] | None = None
) -> Iterator[Record]:
    """The rows of a Parquet file as records, in file order.

    Args:
        path: the file.
        mapping: names the case, activity and time columns.
        progress: called with the number of rows read since the last call.

    Raises:
        BadConfig: a column the mapping names is not in the file.
        BadEvent: the file is not Parquet, or a row lacks what the mapping needs.
    """
    try:
        file = pq.ParquetFile(path)
    except (OSError, ValueError) as error:
        raise BadEvent(f"not a Parquet file ({error})") from None
    names = set(file.schema_arrow.names)
    for key, column in (("case", mapping.case), ("time", mapping.time)):
        if column not in names:
            raise BadConfig(f"source.{key}: no column {column!r} in the file")
    columns = Columns(mapping)
    row = 0
    for batch in file.iter_batches(batch_size=_BATCH):
        for values in batch.to_pylist():
            row += 1
            yield columns.record(values, row)
        if progress is not None:
            progress(batch.num_rows)
