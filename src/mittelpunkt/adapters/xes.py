"""XES event logs (``.xes`` and ``.xes.gz``), read as a stream of records.

The file is parsed with expat, chunk by chunk: one trace is held at a time, so memory stays
flat however long the log, and a broken file is reported with its line. Trace attributes are
offered as ``case:<key>`` (as PM4Py names them); event attributes under their own keys.
Events keep file order; ordering by time is the analytics' job.

>>> import io
>>> from mittelpunkt.adapters.mapping import parse_mapping
>>> xes = io.BytesIO(b'''<log xmlns="http://www.xes-standard.org/"><trace>
...   <string key="concept:name" value="A1"/>
...   <event><string key="concept:name" value="Create Fine"/>
...     <date key="time:timestamp" value="2006-07-24T00:00:00+02:00"/>
...     <float key="amount" value="35.0"/></event>
... </trace></log>''')
>>> [(r.case, r.activity, r.time, dict(r.values)) for r in read_xes(xes, parse_mapping({}))]
[('A1', 'Create Fine', '2006-07-24T00:00:00+02:00', {'amount': 35.0})]
"""

from __future__ import annotations

import gzip
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import IO, Any, cast
from xml.parsers import expat

from mittelpunkt.adapters.canonical import Columns, Record
from mittelpunkt.adapters.mapping import LogMapping
from mittelpunkt.exceptions import BadEvent

__all__ = ["open_xes", "read_xes"]

Progress = Callable[[int], None]

_CONVERT: dict[str, Callable[[str], Any]] = {
    "string": str,
    "id": str,
    "date": str,
    "int": int,
    "float": float,
    "boolean": lambda v: v.strip().lower() == "true",
}


def open_xes(path: Path) -> IO[bytes]:
    """The file's bytes, decompressed when it is gzipped (by content, not by name)."""
    with path.open("rb") as probe:
        gzipped = probe.read(2) == b"\x1f\x8b"
    if gzipped:
        return cast("IO[bytes]", gzip.open(path, "rb"))
    return path.open("rb")


def read_xes(
    stream: IO[bytes], mapping: LogMapping, *, progress: Progress | None = None
) -> Iterator[Record]:
    """The events of an XES stream, trace by trace, in file order.

    Args:
        stream: the XES bytes (see :func:`open_xes`).
        mapping: names the case, activity and time attributes.
        progress: called with the number of (compressed) bytes read since the last call.

    Raises:
        BadEvent: the XML is broken (naming its line), or an event lacks its case,
            activity or time (naming the event's number and the attribute).
    """
    raw = getattr(stream, "fileobj", None) or stream
    told = 0
    reader = _Reader(mapping)
    while chunk := stream.read(_CHUNK):
        reader.feed(chunk)
        yield from reader.take()
        if progress is not None:
            position = raw.tell()
            progress(position - told)
            told = position
    reader.feed(b"", final=True)
    yield from reader.take()


_CHUNK = 1 << 20


class _Reader:
    """An expat parser that collects each trace and turns it into records at its end.

    The handlers are closures over local state: they run once per XML element, millions of
    times on a large log, and attribute look-ups on ``self`` would dominate.
    """

    def __init__(self, mapping: LogMapping) -> None:
        self.columns = Columns(mapping)
        self.parser = expat.ParserCreate()
        self.ready: list[Record] = []
        self.number = 0
        self._handlers()

    def feed(self, chunk: bytes, *, final: bool = False) -> None:
        try:
            self.parser.Parse(chunk, final)
        except expat.ExpatError as error:
            message = f"not valid XML ({expat.ErrorString(error.code)})"
            raise BadEvent(message, line=error.lineno, field=f"column {error.offset}") from None

    def take(self) -> list[Record]:
        ready, self.ready = self.ready, []
        return ready

    def _handlers(self) -> None:  # noqa: C901 - closures on the hot path, one per element
        state = [0, 0, 0]  # depth now, depth of the open trace, depth of the open event
        case: dict[str, Any] = {}
        events: list[dict[str, Any]] = []

        def in_trace(name: str, attributes: dict[str, str], depth: int) -> None:
            if _local(name) == "event":
                state[2] = depth
                events.append({})
            else:
                _put(case, "case:", name, attributes)

        def start(name: str, attributes: dict[str, str]) -> None:
            state[0] += 1
            depth = state[0]
            if state[2]:
                if depth == state[2] + 1:
                    _put(events[-1], "", name, attributes)
            elif state[1]:
                if depth == state[1] + 1:
                    in_trace(name, attributes, depth)
            elif _local(name) == "trace":
                state[1] = depth

        def end(_name: str) -> None:
            depth = state[0]
            state[0] = depth - 1
            if depth == state[2]:
                state[2] = 0
            elif depth == state[1]:
                state[1] = 0
                self._close_trace(case, events)
                case.clear()
                events.clear()

        self.parser.StartElementHandler = start
        self.parser.EndElementHandler = end

    def _close_trace(self, case: dict[str, Any], events: list[dict[str, Any]]) -> None:
        record = self.columns.record
        for values in events:
            self.number += 1
            self.ready.append(record({**case, **values}, self.number))


def _put(into: dict[str, Any], prefix: str, name: str, attributes: dict[str, str]) -> None:
    kind = _CONVERT.get(_local(name))
    key = attributes.get("key")
    value = attributes.get("value")
    if kind is None or key is None or value is None:
        return
    try:
        into[prefix + key] = kind(value)
    except ValueError:
        into[prefix + key] = value


def _local(name: str) -> str:
    return name.rpartition(":")[2] if ":" in name else name
