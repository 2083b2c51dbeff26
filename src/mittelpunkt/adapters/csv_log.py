r"""CSV event logs: a header row, any delimiter, one event per row, streamed.

The delimiter is the mapping's ``delimiter``, else sniffed from the first lines; the
encoding is the mapping's ``encoding`` (UTF-8 by default). Rows are numbered as lines of the
file (the header is line 1), so an error names the line and the column.

>>> import io
>>> from mittelpunkt.adapters.mapping import parse_mapping
>>> mapping = parse_mapping({"source": {"case": "id", "activity": "step", "time": "at",
...                                     "timezone": "Europe/Amsterdam"}})
>>> text = io.StringIO("id;step;at;channel\nK1;Complaint;2016-01-12;8\n")
>>> [(r.case, r.activity, r.time, dict(r.values)) for r in read_csv(text, mapping)]
[('K1', 'Complaint', '2016-01-12', {'channel': '8'})]
"""

from __future__ import annotations

import csv
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TextIO

from mittelpunkt.adapters.canonical import Columns, Record
from mittelpunkt.adapters.mapping import LogMapping
from mittelpunkt.exceptions import BadConfig, BadEvent

__all__ = ["open_csv", "read_csv"]

_SNIFF = 64 * 1024
_DELIMITERS = ",;\t|"


def open_csv(path: Path, mapping: LogMapping) -> TextIO:
    """The file as text in the mapping's encoding."""
    try:
        return path.open(encoding=mapping.encoding, newline="")
    except LookupError:
        raise BadConfig(f"source.encoding: unknown encoding {mapping.encoding!r}") from None


def read_csv(
    stream: TextIO, mapping: LogMapping, *, progress: Callable[[int], None] | None = None
) -> Iterator[Record]:
    """The rows of a CSV stream as records, in file order.

    Args:
        stream: the text (see :func:`open_csv`).
        mapping: names the case, activity and time columns (and the delimiter).
        progress: called with the number of characters read since the last call.

    Raises:
        BadConfig: a column the mapping names is not in the header.
        BadEvent: a row is malformed, naming its line and column.
    """
    try:
        sample = stream.read(_SNIFF)
    except UnicodeDecodeError as error:
        raise BadEvent(f"not {mapping.encoding} text ({error.reason})", line=1) from None
    delimiter = mapping.delimiter or _sniff(sample)
    if progress is not None:
        progress(len(sample))
    rows = csv.reader(_lines(sample, stream, mapping.encoding, progress), delimiter=delimiter)
    header = next(rows, None)
    if header is None:
        return
    header[0] = header[0].removeprefix("\ufeff")
    _check_header(header, mapping)
    columns = Columns(mapping)
    for row in rows:
        line = rows.line_num
        if not row:
            continue
        if len(row) != len(header):
            message = f"{len(row)} cells where the header has {len(header)}"
            raise BadEvent(message, line=line)
        yield columns.record(dict(zip(header, row, strict=True)), line)


def _lines(
    sample: str, stream: TextIO, encoding: str, progress: Callable[[int], None] | None
) -> Iterator[str]:
    text = sample
    number = 0
    while True:
        pieces = text.splitlines(keepends=True)
        tail = pieces.pop() if pieces and not pieces[-1].endswith(("\n", "\r")) else ""
        for piece in pieces:
            number += 1
            yield piece
        try:
            more = stream.read(_SNIFF)
        except UnicodeDecodeError as error:
            raise BadEvent(f"not {encoding} text ({error.reason})", line=number + 1) from None
        if progress is not None:
            progress(len(more))
        if not more:
            if tail:
                yield tail
            return
        text = tail + more


def _sniff(sample: str) -> str:
    try:
        return csv.Sniffer().sniff(sample.split("\n", 1)[0], delimiters=_DELIMITERS).delimiter
    except csv.Error:
        return ","


def _check_header(header: list[str], mapping: LogMapping) -> None:
    wanted = {
        "source.case": [mapping.case],
        "source.time": [mapping.time],
        "source.activity": list(mapping.activity),
    }
    if mapping.customer is not None:
        wanted["source.customer"] = [mapping.customer]
    if mapping.id is not None:
        wanted["source.id"] = [mapping.id]
    for key, names in wanted.items():
        for name in names:
            if name not in header:
                known = ", ".join(header)
                raise BadConfig(f"{key}: no column {name!r} in the header ({known})")
