"""``conflicting_dates``: one journey, two open promises of the same kind, two dates.

Seed 001: the hotline found two installation dates on one order, the 3rd and the 5th of
November, and the customer had been told neither. Two promises conflict when they are of
the same kind (for appointments also of the same ``data.kind``, such as ``installation``),
have different refs, name different due times, and are both open when the second one is
made. A rebooking that cancels the old appointment in the same instant is no conflict; the
optional ``grace`` (default 0) lets a two-step rebooking settle before the guard speaks.

>>> from mittelpunkt.testing import event, findings_of
>>> story = [
...     event("e1", "2019-10-15T10:00", "appointment.scheduled", order="O-1", appointment="A-1",
...           at="2019-11-03", kind="installation"),
...     event("e2", "2019-10-16T11:00", "appointment.scheduled", order="O-1", appointment="A-2",
...           at="2019-11-05", kind="installation"),
... ]
>>> [(f.code, f.cause) for f in findings_of(GUARD, story)]
[('conflicting_dates', 'appointment:A-1|A-2')]
>>> story.append(event("e3", "2019-10-16T11:00", "appointment.cancelled", order="O-1",
...                    appointment="A-1"))
>>> findings_of(GUARD, story)
[]
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from datetime import datetime

from mittelpunkt.core.events import Event
from mittelpunkt.core.findings import Finding
from mittelpunkt.core.guard import Guard, Settings
from mittelpunkt.core.journey import Journey
from mittelpunkt.core.promises import PROMISE_MAKERS, Promise

__all__ = ["GUARD", "check"]

SUMMARY = {
    "en": "The customer was given two {kind} dates that stand at once: {first} and {second}.",
    "de": "Für {kind_de} gelten zugleich zwei Daten: {first} und {second}.",
}
_KIND_DE = {
    "appointment": "den Termin",
    "installation": "die Installation",
    "delivery": "die Lieferung",
    "callback": "den Rückruf",
    "offer": "das Angebot",
}


def check(journey: Journey, settings: Settings) -> Iterator[Finding]:
    """A finding per pair of open promises of one kind that name different dates.

    >>> from mittelpunkt.testing import event, findings_of
    >>> same_day = [event(f"e{i}", f"2019-10-1{i}T10:00", "appointment.scheduled",
    ...                   order="O-1", appointment=f"A-{i}", at="2019-11-03") for i in (1, 2)]
    >>> findings_of(GUARD, same_day)
    []
    """
    made = {e.id: e for e in journey.events}
    grace = settings.duration("grace")
    dated = [p for p in journey.promises if p.original_due is not None]
    for later in dated:
        for earlier in dated:
            if not _same_kind(earlier, later, made):
                continue
            if made[earlier.made].order_key >= made[later.made].order_key:
                continue
            moment = later.made_at + grace
            if moment <= journey.as_of and _conflict(earlier, later, moment):
                label = str(made[later.made].data.get("kind") or later.kind)
                yield _finding(journey, settings, (earlier, later), moment, label)


def _same_kind(one: Promise, other: Promise, made: Mapping[str, Event]) -> bool:
    """Same promise kind and, for appointments and the like, the same ``data.kind``."""
    if one.kind != other.kind or one.ref == other.ref:
        return False
    return made[one.made].data.get("kind") == made[other.made].data.get("kind")


def _conflict(earlier: Promise, later: Promise, moment: datetime) -> bool:
    """Both still open at ``moment``, naming different due times."""
    if not (_open_at(earlier, moment) and _open_at(later, moment)):
        return False
    return _due_at(earlier, moment) != _due_at(later, moment)


def _open_at(promise: Promise, moment: datetime) -> bool:
    return promise.closed_at is None or promise.closed_at > moment


def _due_at(promise: Promise, moment: datetime) -> datetime | None:
    due = promise.original_due
    for update in promise.updates:
        if update.time <= moment:
            due = update.new_due
    return due


def _finding(
    journey: Journey,
    settings: Settings,
    pair: tuple[Promise, Promise],
    moment: datetime,
    label: str,
) -> Finding:
    earlier, later = pair
    dues = sorted(d for d in (_due_at(earlier, moment), _due_at(later, moment)) if d)
    return settings.finding(
        journey,
        time=moment,
        cause=f"{later.kind}:{earlier.ref}|{later.ref}",
        severity="medium",
        evidence=(earlier.made, later.made),
        summary=settings.say(
            SUMMARY,
            kind=label,
            kind_de=_KIND_DE.get(label, label),
            first=settings.date(dues[0]),
            second=settings.date(dues[-1]),
        ),
        action=settings.action(
            "notify",
            "confirmation",
            "date_settled",
            promise_kind=later.kind,
            promises=[earlier.ref, later.ref],
            dues=[d.isoformat() for d in dues],
        ),
    )


GUARD = Guard("conflicting_dates", check, {"grace": "0h"}, seeds=("001",), needs=PROMISE_MAKERS)
