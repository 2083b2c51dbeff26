"""``status_inquiry``: the customer had to ask where things stand: failure demand.

Seeds 000, 001, 004: "I have heard nothing for two weeks", "when?". Every inbound contact read
as ``status_inquiry`` while the journey is open is one finding: a better process would have
told the customer first. The first inquiry of a journey is ``low``; every further one is
``medium``, since the customer had to ask again. When a contact's meaning is unknown (no
intent given, no classifier), the guard stays silent about it.

>>> from mittelpunkt.testing import event, findings_of
>>> story = [
...     event("o", "2019-09-23T10:00", "order.placed", order="O-1", items=[{"sku": "VDSL"}]),
...     event("c", "2019-10-09T17:00", "contact.inbound", order="O-1", channel="phone",
...           intent="status_inquiry"),
... ]
>>> [f.summary for f in findings_of(GUARD, story)]
['The customer had to ask on 2019-10-09 where things stand (inquiry 1 on this journey).']
>>> findings_of(GUARD, [story[1]])
[]
"""

from __future__ import annotations

from collections.abc import Iterator

from mittelpunkt.core.events import Event
from mittelpunkt.core.findings import Finding
from mittelpunkt.core.guard import Guard, Settings
from mittelpunkt.core.intents import IntentReading
from mittelpunkt.core.journey import Journey

__all__ = ["GUARD", "check"]

SUMMARY = {
    "en": "The customer had to ask on {day} where things stand (inquiry {count} on this journey).",
    "de": "Der Kunde musste am {day} nachfragen, wie der Stand ist ({count}. Nachfrage in "
    "diesem Vorgang).",
}


def check(journey: Journey, settings: Settings) -> Iterator[Finding]:
    """A finding per status inquiry on an open journey.

    >>> from mittelpunkt.testing import event, findings_of
    >>> ask = event("c", "2026-03-02T09:00", "contact.inbound", case="K-1", channel="email",
    ...             text="Wo bleibt meine Bestellung?")
    >>> findings_of(GUARD, [event("k", "2026-03-01T09:00", "case.opened", case="K-1"), ask])
    []
    """
    count = 0
    for contact in journey.of_type("contact.inbound"):
        reading = journey.reading(contact)
        if reading is None or "status_inquiry" not in reading.intents:
            continue
        if journey.is_open_at(contact.time):
            count += 1
            yield _finding(journey, settings, contact, reading, count)


def _finding(
    journey: Journey, settings: Settings, contact: Event, reading: IntentReading, count: int
) -> Finding:
    return settings.finding(
        journey,
        time=contact.time,
        cause=contact.id,
        severity="low" if count == 1 else "medium",
        evidence=[contact.id],
        summary=settings.say(SUMMARY, day=settings.date(contact.time), count=count),
        action=settings.action(
            "notify", "status", "status_update", proactive=True, until="resolved"
        ),
        inquiry=count,
        intents=sorted(reading.intents),
        cues=list(reading.cues),
        failure_demand=True,
    )


GUARD = Guard(
    "status_inquiry", check, {}, seeds=("000", "001", "004"), needs=frozenset({"contact.inbound"})
)
