"""Instants, due dates and durations, as the event model defines them.

A time on an event must carry a UTC offset. A due date given as a date alone means the end
of that day in the customer's time zone; a range promises its end.

>>> parse_instant("2026-03-02T09:00:00+01:00").isoformat()
'2026-03-02T09:00:00+01:00'
>>> parse_due("2026-03-06", BERLIN).isoformat()
'2026-03-06T23:59:59.999999+01:00'
>>> parse_due({"from": "2026-03-02", "to": "2026-03-04"}, BERLIN).day
4
>>> parse_duration("36h")
datetime.timedelta(days=1, seconds=43200)
"""

from __future__ import annotations

import re
from datetime import date, datetime, time, timedelta, tzinfo
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

__all__ = [
    "BERLIN",
    "TimeFormatError",
    "end_of_day",
    "parse_due",
    "parse_duration",
    "parse_instant",
    "zone",
]

BERLIN = ZoneInfo("Europe/Berlin")

_DURATION = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*(s|m|min|h|d|w)?\s*$")
_UNIT_SECONDS = {"s": 1, "m": 60, "min": 60, "h": 3600, "d": 86400, "w": 604800}
_DATE_ONLY = re.compile(r"^\d{4}-\d{2}-\d{2}$")


class TimeFormatError(ValueError):
    """A value that is not a time, due date or duration of the expected form."""


def zone(name: str) -> tzinfo:
    """The time zone of an IANA name.

    >>> zone("Europe/Vienna").key
    'Europe/Vienna'
    """
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError) as error:
        raise TimeFormatError(f"unknown time zone {name!r}") from error


def parse_instant(value: object, default_tz: tzinfo | None = None) -> datetime:
    """An ISO 8601 instant with a UTC offset (or in ``default_tz`` when given).

    >>> parse_instant("2026-09-09T06:00:00Z").utcoffset()
    datetime.timedelta(0)
    >>> parse_instant("2026-09-09T08:00:00", BERLIN).utcoffset()
    datetime.timedelta(seconds=7200)
    """
    if not isinstance(value, str):
        raise TimeFormatError("time must be an ISO 8601 string")
    try:
        parsed = datetime.fromisoformat(value)
    except ValueError as error:
        raise TimeFormatError(f"{value!r} is not an ISO 8601 time") from error
    if parsed.tzinfo is None:
        if default_tz is None:
            raise TimeFormatError("time has no UTC offset")
        parsed = parsed.replace(tzinfo=default_tz)
    return parsed


def end_of_day(day: date, tz: tzinfo) -> datetime:
    """The last instant of ``day`` in ``tz``.

    >>> end_of_day(date(2026, 7, 1), BERLIN).isoformat()
    '2026-07-01T23:59:59.999999+02:00'
    """
    return datetime.combine(day, time.max, tzinfo=tz)


def parse_due(value: object, tz: tzinfo) -> datetime:
    """A due time: an instant, a date (end of that day in ``tz``) or a ``{from, to}`` range.

    >>> parse_due("2026-03-06T12:00:00+01:00", BERLIN).hour
    12
    """
    if isinstance(value, dict):
        if "to" not in value:
            raise TimeFormatError("a range must name its end as 'to'")
        return parse_due(value["to"], tz)
    if isinstance(value, str) and _DATE_ONLY.match(value):
        return end_of_day(date.fromisoformat(value), tz)
    return parse_instant(value, tz)


def parse_duration(value: object) -> timedelta:
    """A duration from a number of seconds or a string such as ``15m``, ``24h``, ``7d``.

    >>> parse_duration(90)
    datetime.timedelta(seconds=90)
    >>> parse_duration("15m").total_seconds()
    900.0
    """
    if isinstance(value, bool):
        raise TimeFormatError("a duration must be a number or a string like '24h'")
    if isinstance(value, int | float):
        return timedelta(seconds=value)
    match = _DURATION.match(value) if isinstance(value, str) else None
    if match is None:
        raise TimeFormatError(f"{value!r} is not a duration like '15m', '24h' or '7d'")
    amount, unit = match.groups()
    return timedelta(seconds=float(amount) * _UNIT_SECONDS[unit or "s"])
