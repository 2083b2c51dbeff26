"""The errors of mittelpunkt: one root, a family per kind of trouble.

Adapters turn driver errors into these, so a user sees the file, line and field of the
problem and never a traceback.

>>> err = BadEvent("time has no UTC offset", field="time", line=17, event_id="e-17")
>>> str(err)
'line 17, event e-17, field time: time has no UTC offset'
>>> isinstance(err, MittelpunktError)
True
"""

from __future__ import annotations

__all__ = ["BadConfig", "BadEvent", "MittelpunktError", "StorageError"]


class MittelpunktError(Exception):
    """The root of every error mittelpunkt raises on purpose."""


class BadEvent(MittelpunktError):
    """An event that cannot be accepted: malformed, incomplete or conflicting.

    Args:
        message: what is wrong, in words a user can act on.
        field: the offending field (``data.promised_delivery``), when one is to blame.
        line: the 1-based line of the input, when known.
        event_id: the event's ``id``, when it could be read.
        source: the file name, when known.
    """

    def __init__(
        self,
        message: str,
        *,
        field: str | None = None,
        line: int | None = None,
        event_id: str | None = None,
        source: str | None = None,
    ) -> None:
        self.message = message
        self.field = field
        self.line = line
        self.event_id = event_id
        self.source = source
        super().__init__(self._render())

    def located(self, *, line: int | None = None, source: str | None = None) -> BadEvent:
        """The same error, placed at a line of a source.

        >>> BadEvent("missing", field="id").located(line=3, source="a.jsonl").line
        3
        """
        return BadEvent(
            self.message,
            field=self.field,
            line=line if line is not None else self.line,
            event_id=self.event_id,
            source=source if source is not None else self.source,
        )

    def _render(self) -> str:
        where = []
        if self.source is not None:
            where.append(self.source)
        if self.line is not None:
            where.append(f"line {self.line}")
        if self.event_id is not None:
            where.append(f"event {self.event_id}")
        if self.field is not None:
            where.append(f"field {self.field}")
        return f"{', '.join(where)}: {self.message}" if where else self.message


class BadConfig(MittelpunktError):
    """A configuration file or value that cannot be used."""


class StorageError(MittelpunktError):
    """A store could not read or write."""
