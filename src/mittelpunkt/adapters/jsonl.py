r"""Canonical events from JSON lines, with the line and field of every problem.

>>> import io
>>> from mittelpunkt.core.replay import Collection
>>> lines = io.StringIO(
...     '{"id": "e1", "time": "2026-03-02T09:00:00Z", "type": "case.opened", "customer": "C"}\n'
...     '{"id": "e2", "time": "2026-03-02T09:00:00", "type": "case.resolved", "customer": "C"}\n')
>>> collection = Collection()
>>> rejected = read_jsonl(lines, collection, source="ex.jsonl", skip_invalid=True)
>>> len(collection.seen), rejected[0].to_json()
(1, {'line': 2, 'id': 'e2', 'field': 'time', 'error': 'time has no UTC offset'})
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from datetime import tzinfo
from typing import Any, Protocol

import orjson

from mittelpunkt.core.events import Event, parse_event
from mittelpunkt.core.times import BERLIN
from mittelpunkt.exceptions import BadEvent

__all__ = ["EventSink", "Rejected", "decode_line", "numbered_lines", "read_jsonl"]


class EventSink(Protocol):
    """Where accepted events go: a :class:`~mittelpunkt.core.replay.Collection`, or a spill."""

    def add(self, event: Event, /) -> bool:
        """Take one event in; False for an exact duplicate; BadEvent for a conflicting one."""


@dataclass(frozen=True, slots=True)
class Rejected:
    """A line that was not taken, and why."""

    line: int
    event_id: str | None
    field: str | None
    error: str

    def __reduce__(self) -> tuple[type[Rejected], tuple[int, str | None, str | None, str]]:
        """Pickled by its fields, for it comes back from worker processes.

        Compiled, a frozen dataclass cannot be rebuilt field by field, as pickle would.

        >>> import pickle
        >>> pickle.loads(pickle.dumps(Rejected(3, "e-3", "time", "time has no UTC offset")))
        Rejected(line=3, event_id='e-3', field='time', error='time has no UTC offset')
        """
        return Rejected, (self.line, self.event_id, self.field, self.error)

    @classmethod
    def of(cls, line: int, error: BadEvent) -> Rejected:
        """The rejection of ``line`` for ``error``."""
        return cls(line, error.event_id, error.field, error.message)

    def as_error(self, source: str) -> BadEvent:
        """The rejection as the error it was, placed at its line of ``source``."""
        return BadEvent(
            self.error, field=self.field, event_id=self.event_id, line=self.line, source=source
        )

    def to_json(self) -> dict[str, Any]:
        """The ``rejected`` entry of ``interfaces.md``."""
        out: dict[str, Any] = {"line": self.line, "id": self.event_id}
        if self.field is not None:
            out["field"] = self.field
        out["error"] = self.error
        return out


def read_jsonl(
    lines: Iterable[str],
    collection: EventSink,
    *,
    source: str = "-",
    skip_invalid: bool = False,
    customer_tz: tzinfo = BERLIN,
    default_tz: tzinfo | None = None,
    on_line: Callable[[str], None] | None = None,
) -> list[Rejected]:
    """Read events into ``collection``, one JSON object per line (blank lines are skipped).

    Args:
        lines: the text lines.
        collection: where accepted events go (duplicates are dropped there).
        source: the file name, for error messages.
        skip_invalid: collect bad lines as :class:`Rejected` instead of stopping.
        customer_tz: the zone in which a due date alone ends.
        default_tz: the zone for times without offset (None: they are an error).
        on_line: called with each raw line (progress).

    Raises:
        BadEvent: the first bad line, naming the source, line, event and field,
            unless ``skip_invalid``.
    """
    rejected: list[Rejected] = []
    for number, line in numbered_lines(lines, source):
        if on_line is not None:
            on_line(line)
        if not line.strip():
            continue
        try:
            event = parse_event(decode_line(line), customer_tz=customer_tz, default_tz=default_tz)
            collection.add(event)
        except BadEvent as error:
            if not skip_invalid:
                raise error.located(line=number, source=source) from None
            rejected.append(Rejected.of(number, error))
    return rejected


def numbered_lines(lines: Iterable[str], source: str) -> Iterator[tuple[int, str]]:
    """Lines with their 1-based numbers; a file that is not UTF-8 stops at the bad line."""
    iterator = iter(lines)
    number = 0
    while True:
        number += 1
        try:
            line = next(iterator)
        except StopIteration:
            return
        except UnicodeDecodeError:
            raise BadEvent("not UTF-8 text", line=number, source=source) from None
        yield number, line


def decode_line(line: str) -> Any:
    """The JSON value of one line; :class:`BadEvent` when it is not JSON.

    orjson reads it (three times as fast as the standard library); what orjson refuses, the
    standard library reads again, so that it decides: it takes ``NaN`` and numbers beyond 64
    bits, and names the column of a mistake.

    >>> decode_line('{"id": "e1", "n": 18446744073709551616, "x": NaN}')["n"]
    18446744073709551616
    >>> decode_line('{"id": "e1" "x": 1}')
    Traceback (most recent call last):
    ...
    mittelpunkt.exceptions.BadEvent: not valid JSON (Expecting ',' delimiter at column 13)
    """
    try:
        return orjson.loads(line)
    except orjson.JSONDecodeError:
        pass
    try:
        return json.loads(line)
    except json.JSONDecodeError as error:
        raise BadEvent(f"not valid JSON ({error.msg} at column {error.colno})") from None
