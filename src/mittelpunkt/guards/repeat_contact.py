"""``repeat_contact``: the customer had to get in touch again and again on an open journey.

Seed 002: a new dishwasher that did not work, eight contacts on different levels of the
supply chain, still no appointment. Seed 004: "when?", "can I cancel?", "never mind" about one
late order. Inbound contacts are counted while the journey is open, from the time it last
opened; messages of one conversation (``refs.conversation``) count as one contact. The guard
fires at the ``nth`` contact, once per open stretch: from then on one owner has the journey.

>>> from mittelpunkt.testing import event, findings_of
>>> story = [event("k", "2021-03-01T09:00", "case.opened", case="K-2")] + [
...     event(f"c{n}", f"2021-03-0{n}T10:00", "contact.inbound", case="K-2", channel="phone")
...     for n in (1, 2, 3)]
>>> [f.summary for f in findings_of(GUARD, story)]
['The customer had to get in touch 3 times since 2021-03-01 on a journey still unresolved.']
>>> findings_of(GUARD, story[:3])
[]
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from datetime import UTC, datetime

from mittelpunkt.core.events import Event
from mittelpunkt.core.findings import Finding
from mittelpunkt.core.guard import Guard, Settings
from mittelpunkt.core.journey import Journey

__all__ = ["GUARD", "check"]

SUMMARY = {
    "en": "The customer had to get in touch {count} times since {since} on a journey "
    "still unresolved.",
    "de": "Der Kunde musste sich seit {since} schon {count}-mal melden, und der Vorgang "
    "ist immer noch offen.",
}


def check(journey: Journey, settings: Settings) -> Iterator[Finding]:
    """A finding per open stretch in which the customer got in touch ``nth`` times.

    >>> from mittelpunkt.testing import event, findings_of
    >>> chat = [event("k", "2021-03-01T09:00", "case.opened", case="K-2")] + [
    ...     event(f"c{n}", f"2021-03-01T10:0{n}", "contact.inbound", case="K-2",
    ...           channel="chat", conversation="CH-1") for n in (1, 2, 3)]
    >>> findings_of(GUARD, chat)
    []
    """
    nth = max(settings.number("nth"), 1)
    for since, contacts in _contacts_by_stretch(journey).items():
        if len(contacts) >= nth:
            yield _finding(journey, settings, since, contacts[:nth])


def _contacts_by_stretch(journey: Journey) -> dict[datetime, list[Event]]:
    """Distinct inbound contacts, by the time the journey last opened before each."""
    stretches: dict[datetime, list[Event]] = {}
    seen: set[tuple[datetime, str]] = set()
    for contact in journey.of_type("contact.inbound"):
        since = _open_since(journey, contact.time)
        conversation = contact.refs.get("conversation", contact.id)
        if since is None or (since, conversation) in seen:
            continue
        seen.add((since, conversation))
        stretches.setdefault(since, []).append(contact)
    return stretches


def _open_since(journey: Journey, moment: datetime) -> datetime | None:
    """When the journey last opened, if it is open at ``moment``."""
    if not journey.is_open_at(moment):
        return None
    return max(c.time for c in journey.status if c.is_open and c.time <= moment)


def _finding(
    journey: Journey, settings: Settings, since: datetime, contacts: Sequence[Event]
) -> Finding:
    last = contacts[-1]
    return settings.finding(
        journey,
        time=last.time,
        cause=f"open:{since.astimezone(UTC).isoformat()}",
        severity="medium",
        evidence=[last.id, *(c.id for c in contacts[:-1])],
        summary=settings.say(SUMMARY, count=len(contacts), since=settings.date(since)),
        action=settings.action(
            "handover", "status", "owner_callback", callback=True, contacts=[c.id for c in contacts]
        ),
        open_since=since.isoformat(),
    )


GUARD = Guard(
    "repeat_contact", check, {"nth": 3}, seeds=("002", "004"), needs=frozenset({"contact.inbound"})
)
