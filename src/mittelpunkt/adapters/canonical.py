"""Source records made canonical events through a mapping.

Every importer reads its format into records (a case, an activity, a time and the other
columns); an :class:`EventMaker` turns them into validated canonical events. An
error names the row (or event) and the *source column*, not the canonical field.

>>> from mittelpunkt.adapters.mapping import parse_mapping
>>> mapping = parse_mapping({"activities": {"Wait": {"type": "case.waiting",
...                                                  "data": {"on": "customer"}}}})
>>> maker = EventMaker(mapping)
>>> event = maker.event(Record("T-1", "Wait", "2012-10-09T14:50:17+00:00", {"product": "P"}))
>>> event.id, event.journey, event.type, dict(event.data)
('T-1#1', 'case:T-1', 'case.waiting', {'product': 'P', 'on': 'customer', 'activity': 'Wait'})
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from mittelpunkt.adapters.mapping import LogMapping
from mittelpunkt.core.events import DUE_FIELDS, Event, parse_event
from mittelpunkt.core.times import BERLIN, TimeFormatError, parse_instant
from mittelpunkt.exceptions import BadEvent

__all__ = ["Columns", "EventMaker", "Record", "time_text"]


@dataclass(frozen=True, slots=True)
class Record:
    """One event of a source log, before the mapping gives it a canonical type.

    Attributes:
        case: the case (journey object) it belongs to.
        activity: the source's activity name (columns already joined with ``/``).
        time: an ISO 8601 text (the importer converts native times).
        values: the other columns, kept as ``data``.
        row: the 1-based row (line, or event number) in the source, for errors.
        event_id: the source's event id, when it has one.
        customer: the customer's key, when the source names one.
        refs: further object references (``shipment``...).
    """

    case: str
    activity: str
    time: str
    values: Mapping[str, Any] = field(default_factory=dict)
    row: int | None = None
    event_id: str | None = None
    customer: str | None = None
    refs: Mapping[str, str] = field(default_factory=dict)


def time_text(value: object, time_format: str | None = None) -> str:
    """An ISO 8601 text from a source's time value (text, datetime or date).

    >>> time_text("12.01.2016 10:00", "%d.%m.%Y %H:%M")
    '2016-01-12T10:00:00'
    >>> time_text(date(2016, 1, 12))
    '2016-01-12T00:00:00'
    """
    if isinstance(value, datetime):
        return value.isoformat()
    if isinstance(value, date):
        return datetime(value.year, value.month, value.day).isoformat()  # noqa: DTZ001 - the mapping's zone applies later
    if not isinstance(value, str) or not value.strip():
        raise BadEvent("time is missing")
    if time_format is None:
        return value.strip()
    try:
        return datetime.strptime(value.strip(), time_format).isoformat()  # noqa: DTZ007 - the mapping's zone applies later
    except ValueError:
        raise BadEvent(f"{value!r} does not match time_format {time_format!r}") from None


class Columns:
    """Where a tabular source (CSV, Parquet, XES) keeps what the mapping names.

    >>> from mittelpunkt.adapters.mapping import parse_mapping
    >>> Columns(parse_mapping({})).record({"case:concept:name": "A1",
    ...                                    "concept:name": "Create Fine"}, row=2)
    Traceback (most recent call last):
    ...
    mittelpunkt.exceptions.BadEvent: line 2, field time:timestamp: time:timestamp is empty
    """

    def __init__(self, mapping: LogMapping) -> None:
        self.mapping = mapping
        self.named = mapping.named_columns

    def record(self, values: dict[str, Any], row: int) -> Record:
        """A record from one row of named columns.

        Raises:
            BadEvent: naming the row and the column that is missing, empty or malformed.
        """
        mapping = self.mapping
        try:
            case = _required(values, mapping.case)
            activity = "/".join([_required(values, name) for name in mapping.activity])
            time = self._time(values.get(mapping.time))
            customer = _optional(values, mapping.customer)
            event_id = _optional(values, mapping.id)
            refs = {r: _required(values, c) for r, c in mapping.refs.items() if c in values}
        except BadEvent as error:
            raise error.located(line=row) from None
        named = self.named
        rest = {k: v for k, v in values.items() if k not in named and v is not None and v != ""}
        return Record(case, activity, time, rest, row, event_id, customer, refs)

    def _time(self, value: object) -> str:
        column = self.mapping.time
        if value is None or value == "":
            raise BadEvent(f"{column} is empty", field=column)
        if isinstance(value, str) and self.mapping.time_format is None:
            return value
        try:
            return time_text(value, self.mapping.time_format)
        except BadEvent as error:
            raise BadEvent(error.message, field=column) from None


def _required(values: Mapping[str, Any], column: str) -> str:
    value = values.get(column)
    if value is None or value == "":
        raise BadEvent(f"{column} is empty", field=column)
    return value if isinstance(value, str) else str(value)


def _optional(values: Mapping[str, Any], column: str | None) -> str | None:
    if column is None:
        return None
    value = values.get(column)
    return None if value is None or value == "" else str(value)


class EventMaker:
    """Turns records into canonical events: ids, customers and policy due times."""

    def __init__(self, mapping: LogMapping) -> None:
        self.mapping = mapping
        self.counts: dict[str, int] = {}
        self.customers: dict[str, str] = {}
        self.customer_tz = mapping.timezone or BERLIN
        self.due_policies = {p.after: p for p in mapping.promises if p.after in DUE_FIELDS}

    def event(self, record: Record) -> Event:
        """The canonical event of one record.

        Raises:
            BadEvent: naming the record's row and the source column at fault.
        """
        rule = self.mapping.rule(record.activity)
        event_id = record.event_id or self._next_id(record.case)
        data = {**record.values, **rule.data, "activity": record.activity}
        raw = {
            "id": event_id,
            "time": record.time,
            "type": rule.type,
            "customer": self._customer(record),
            "journey": f"{self.mapping.case_object}:{record.case}",
            "refs": {**record.refs, self.mapping.case_object: record.case},
            "data": data,
        }
        try:
            self._policy_due(rule.type, record.time, data)
            return parse_event(raw, customer_tz=self.customer_tz, default_tz=self.mapping.timezone)
        except BadEvent as error:
            column = self._column(error.field)
            raise BadEvent(
                error.message, field=column, line=record.row, event_id=event_id
            ) from None

    def _next_id(self, case: str) -> str:
        count = self.counts.get(case, 0) + 1
        self.counts[case] = count
        return f"{case}#{count}"

    def _customer(self, record: Record) -> str:
        known = self.customers.get(record.case)
        if known is not None:
            return known
        customer = record.customer or record.case
        self.customers[record.case] = customer
        return customer

    def _policy_due(self, event_type: str, time: str, data: dict[str, Any]) -> None:
        """Fill the due field a ``[promises]`` policy gives an event that names none."""
        policy = self.due_policies.get(event_type)
        name = DUE_FIELDS.get(event_type)
        if policy is None or name is None or data.get(name) is not None:
            return
        try:
            made = parse_instant(time, self.mapping.timezone)
        except TimeFormatError as error:
            raise BadEvent(str(error), field="time") from None
        data[name] = (made + policy.within).isoformat()

    def _column(self, canonical: str | None) -> str | None:
        mapping = self.mapping
        names = {"time": mapping.time, "customer": mapping.customer, "id": mapping.id}
        if canonical in names:
            return names[canonical] or canonical
        if canonical is not None and canonical.startswith("data."):
            return canonical.removeprefix("data.")
        return canonical
