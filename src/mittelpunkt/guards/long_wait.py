"""``long_wait``: a call or chat waited in a queue beyond the limit, and no callback was offered.

Seed 003: "Die voraussichtliche Wartezeit beträgt ca. 90 Minuten." The customer with a dead DSL
line waited 25 minutes for "Geburtstag?". An inbound ``phone`` or ``chat`` contact whose
``wait_seconds`` exceeds the limit is a finding unless a ``callback.promised`` was made in the
same conversation (``refs.conversation``), or on the journey while the customer waited (from the
start of the wait, taking ``time - wait_seconds`` as its start, to ``tolerance`` after the
contact). The finding is dated ``tolerance`` after the contact, when that is known.

>>> from mittelpunkt.testing import event, findings_of
>>> story = [event("c", "2018-11-20T19:30", "contact.inbound", case="K-3", channel="phone",
...                wait_seconds=1500)]
>>> [f.summary for f in findings_of(GUARD, story, as_of="2018-11-21T09:00")]
['The customer waited 25 minutes in the phone queue on 2018-11-20, and no callback was offered.']
>>> findings_of(GUARD, story, as_of="2018-11-20T19:34")
[]
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime, timedelta

from mittelpunkt.core.events import Event
from mittelpunkt.core.findings import Finding
from mittelpunkt.core.guard import Guard, Settings
from mittelpunkt.core.journey import Journey

__all__ = ["GUARD", "check"]

SUMMARY = {
    "en": "The customer waited {minutes} minutes in the {channel} queue on {day}, "
    "and no callback was offered.",
    "de": "Der Kunde wartete am {day} {minutes} Minuten in der {channel_de}-Warteschlange, "
    "ohne dass ein Rückruf angeboten wurde.",
}
_CHANNELS_DE = {"phone": "Telefon", "chat": "Chat"}


def check(journey: Journey, settings: Settings) -> Iterator[Finding]:
    """A finding per queued call or chat beyond the limit with no callback offered.

    >>> from mittelpunkt.testing import event, findings_of
    >>> story = [
    ...     event("c", "2018-11-20T19:30", "contact.inbound", case="K-3", channel="phone",
    ...           wait_seconds=1500, conversation="CALL-1"),
    ...     event("b", "2018-11-20T19:31", "callback.promised", case="K-3",
    ...           conversation="CALL-1", by="2018-11-20T21:00"),
    ... ]
    >>> findings_of(GUARD, story, as_of="2018-11-21T09:00")
    []
    """
    limit, tolerance = settings.duration("limit"), settings.duration("tolerance")
    for contact in journey.of_type("contact.inbound"):
        waited = _waited(contact)
        deadline = contact.time + tolerance
        if waited is None or waited <= limit or deadline > journey.as_of:
            continue
        since = contact.time - waited - tolerance
        callbacks = journey.of_type("callback.promised")
        if not any(_offered(contact, since, deadline, c) for c in callbacks):
            yield _finding(journey, settings, contact, waited, deadline)


def _waited(contact: Event) -> timedelta | None:
    """How long a call or chat waited in a queue, when that is known."""
    seconds = contact.data.get("wait_seconds")
    if contact.data.get("channel") not in _CHANNELS_DE or isinstance(seconds, bool):
        return None
    return timedelta(seconds=seconds) if isinstance(seconds, int | float) else None


def _offered(contact: Event, since: datetime, deadline: datetime, callback: Event) -> bool:
    """Whether the callback was offered in the contact's conversation or while it waited."""
    if callback.time > deadline:
        return False
    conversation = contact.refs.get("conversation")
    if conversation is not None and callback.refs.get("conversation") == conversation:
        return True
    return callback.time >= since


def _finding(
    journey: Journey, settings: Settings, contact: Event, waited: timedelta, deadline: datetime
) -> Finding:
    limit = settings.duration("limit")
    channel = str(contact.data["channel"])
    return settings.finding(
        journey,
        time=deadline,
        cause=contact.id,
        severity="high" if waited > 2 * limit else "medium",
        evidence=[contact.id],
        summary=settings.say(
            SUMMARY,
            minutes=round(waited.total_seconds() / 60),
            channel=channel,
            channel_de=_CHANNELS_DE[channel],
            day=settings.date(contact.time),
        ),
        action=settings.action(
            "callback",
            template="callback_offer",
            contact=contact.id,
            offer_after_seconds=int(limit.total_seconds()),
        ),
        wait_seconds=waited.total_seconds(),
    )


GUARD = Guard(
    "long_wait",
    check,
    {"limit": "15m", "tolerance": "5m"},
    seeds=("003",),
    needs=frozenset({"contact.inbound"}),
)
