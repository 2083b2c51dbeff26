"""``repeated_identification``: the customer had to prove who they are again and again.

Seeds 001 and 003: customer number and birthdate at every call, while the order lay still
because the birthdate was "missing"; a phone number typed twice and read back, then
"Geburtstag?" as the first word of the agent. Two findings come from it:

* the ``nth`` inbound contact on the journey for which the customer had to identify
  (``identified_with``), once per journey;
* a wait on the customer (``case.waiting`` ``on: customer``) for data the customer gave while
  identifying on the journey, before or during the wait: dated when both were true.

>>> from mittelpunkt.testing import event, findings_of
>>> story = [
...     event("c", "2019-09-23T10:00", "contact.inbound", order="O-1", channel="phone",
...           identified_with=["customer_number", "birthdate"]),
...     event("w", "2019-09-23T11:00", "case.waiting", order="O-1", on="customer",
...           need="birthdate"),
... ]
>>> [f.summary for f in findings_of(GUARD, story)]
['The journey waits on birthdate, which the customer already gave on 2019-09-23 to identify.']
>>> findings_of(GUARD, story[:1])
[]
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from mittelpunkt.core.events import Event
from mittelpunkt.core.findings import Finding
from mittelpunkt.core.guard import Guard, Settings
from mittelpunkt.core.journey import Journey
from mittelpunkt.guards._waiting import Wait, needs_of, waits_on_customer

__all__ = ["GUARD", "check"]

REPEATED = {
    "en": "The customer had to identify {count} times on this journey ({fields}).",
    "de": "Der Kunde musste sich in diesem Vorgang {count}-mal ausweisen ({fields}).",
}
ALREADY_GIVEN = {
    "en": "The journey waits on {need}, which the customer already gave on {day} to identify.",
    "de": "Der Vorgang wartet auf {need}, das der Kunde schon am {day} zur Identifizierung "
    "genannt hat.",
}
_FIELDS = "identified_with"


def check(journey: Journey, settings: Settings) -> Iterator[Finding]:
    """The ``nth`` identification, and each wait on data given while identifying.

    >>> from mittelpunkt.testing import event, findings_of
    >>> calls = [event(f"c{n}", f"2019-10-0{n}T10:00", "contact.inbound", order="O-1",
    ...                channel="phone", identified_with=["birthdate"]) for n in (1, 2, 3)]
    >>> [(f.evidence, f.action.kind) for f in findings_of(GUARD, calls)]
    [(('c3', 'c1', 'c2'), 'prefill')]
    """
    identifications = [c for c in journey.of_type("contact.inbound") if needs_of(c, _FIELDS)]
    nth = max(settings.number("nth"), 1)
    if len(identifications) >= nth:
        yield _repeated(journey, settings, identifications[:nth])
    for wait in waits_on_customer(journey):
        given = [c for c in identifications if wait.lasts_at(c) and _gives(c, wait)]
        if given:
            yield _already_given(journey, settings, wait, given)


def _gives(contact: Event, wait: Wait) -> bool:
    return bool(set(needs_of(contact, _FIELDS)) & set(wait.needs))


def _repeated(journey: Journey, settings: Settings, contacts: Sequence[Event]) -> Finding:
    last = contacts[-1]
    fields = list(dict.fromkeys(f for c in contacts for f in needs_of(c, _FIELDS)))
    return settings.finding(
        journey,
        time=last.time,
        cause="identifications",
        severity="low",
        evidence=[last.id, *(c.id for c in contacts[:-1])],
        summary=settings.say(REPEATED, count=len(contacts), fields=", ".join(fields)),
        action=settings.action(
            "prefill", step="identification", known_from=[c.id for c in contacts]
        ),
        fields=fields,
    )


def _already_given(
    journey: Journey, settings: Settings, wait: Wait, given: Sequence[Event]
) -> Finding:
    first = given[0]
    time = max(wait.event.time, first.time)
    fill_in = [n for n in wait.needs if n in needs_of(first, _FIELDS)]
    return settings.finding(
        journey,
        time=time,
        cause=f"need:{wait.event.id}",
        severity="high",
        evidence=[wait.event.id, *(c.id for c in given if c.time <= time)],
        summary=settings.say(ALREADY_GIVEN, need=", ".join(fill_in), day=settings.date(first.time)),
        action=settings.action(
            "prefill", template="fill_in_known_data", fill_in=fill_in, known_from=first.id
        ),
        need=list(wait.needs),
    )


GUARD = Guard(
    "repeated_identification",
    check,
    {"nth": 3},
    seeds=("001", "003"),
    needs=frozenset({"contact.inbound"}),
)
