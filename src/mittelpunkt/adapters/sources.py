"""Choosing the importer by the log's file name, and reading any log as canonical events.

>>> log_format(Path("helpdesk.xes.gz")), log_format(Path("orders.ocel2.json.gz"))
('xes', 'ocel')
>>> log_format(Path("notes.docx"))  # doctest: +ELLIPSIS
Traceback (most recent call last):
...
mittelpunkt.exceptions.BadConfig: notes.docx: unknown log format (known: .jsonl, .xes, ...)
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

from mittelpunkt.adapters.canonical import EventMaker, Record
from mittelpunkt.adapters.csv_log import open_csv, read_csv
from mittelpunkt.adapters.jsonl import read_jsonl
from mittelpunkt.adapters.mapping import LogMapping
from mittelpunkt.adapters.ocel import read_ocel
from mittelpunkt.adapters.parquet_log import read_parquet
from mittelpunkt.adapters.xes import open_xes, read_xes
from mittelpunkt.core.events import Event
from mittelpunkt.core.replay import Collection
from mittelpunkt.core.times import BERLIN
from mittelpunkt.exceptions import BadConfig, BadEvent, MittelpunktError

__all__ = ["FORMATS", "log_format", "read_events"]

Progress = Callable[[int], None]

#: File-name endings of each format (``.gz`` is allowed on the text formats).
FORMATS = {
    "jsonl": (".jsonl", ".ndjson"),
    "xes": (".xes",),
    "csv": (".csv", ".tsv"),
    "parquet": (".parquet", ".pq"),
    "ocel": (".json", ".jsonocel", ".xml", ".xmlocel", ".sqlite", ".sqlite3", ".db"),
}
_KNOWN = ".jsonl, .xes, .xes.gz, .csv, .parquet, OCEL 2.0 .json/.jsonocel/.xml/.xmlocel/.sqlite"


def log_format(path: Path) -> str:
    """The format of a log, by its name: ``jsonl``, ``xes``, ``csv``, ``parquet``, ``ocel``."""
    name = path.name.lower().removesuffix(".gz")
    for format_name, endings in FORMATS.items():
        if name.endswith(endings):
            return format_name
    raise BadConfig(f"{path.name}: unknown log format (known: {_KNOWN})")


def read_events(
    path: Path, mapping: LogMapping, *, progress: Progress | None = None
) -> Iterator[Event]:
    """Every event of a log, canonical, in file order.

    Args:
        path: the log.
        mapping: how its columns and activities become canonical events (ignored for
            canonical ``.jsonl``).
        progress: called with the bytes (rows, for Parquet) read since the last call.

    Raises:
        BadEvent: a malformed event, naming the file, the row and the column.
        BadConfig: the mapping does not fit the log.
        MittelpunktError: the file cannot be read.
    """
    format_name = log_format(path)
    try:
        if format_name == "jsonl":
            yield from _canonical(path, mapping, progress)
            return
        maker = EventMaker(mapping)
        for record in _records(path, format_name, mapping, progress):
            yield maker.event(record)
    except BadEvent as error:
        raise error.located(source=str(path)) from None
    except OSError as error:
        raise MittelpunktError(f"{path}: cannot read ({error.strerror or error})") from None


def _records(
    path: Path, format_name: str, mapping: LogMapping, progress: Progress | None
) -> Iterator[Record]:
    if format_name == "xes":
        with open_xes(path) as stream:
            yield from read_xes(stream, mapping, progress=progress)
    elif format_name == "csv":
        with open_csv(path, mapping) as text:
            yield from read_csv(text, mapping, progress=progress)
    elif format_name == "parquet":
        yield from read_parquet(path, mapping, progress=progress)
    else:
        yield from read_ocel(path, mapping, progress=progress)


def _canonical(path: Path, mapping: LogMapping, progress: Progress | None) -> Iterator[Event]:
    collection = Collection()
    with path.open(encoding="utf-8") as lines:
        read_jsonl(
            lines,
            collection,
            source=str(path),
            customer_tz=mapping.timezone or BERLIN,
            default_tz=mapping.timezone,
            on_line=None if progress is None else (lambda line: progress(len(line))),
        )
    yield from collection.seen.values()
