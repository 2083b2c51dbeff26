"""``no_news``: an open journey on which the company has said nothing for too long.

Seeds 001 and 002: an upgrade ordered by phone, then more than two weeks without a word
until the customer called; a broken dishwasher, eight contacts and still no date. While a
journey is open, every stretch longer than the window (default 7 days) without a
``message.sent`` to the customer is one finding, dated at the end of the window and caused
by the last message before the gap (or the event that opened the journey). Marketing and
surveys tell the customer nothing about their concern and do not count. Nor do calls the
customer had to make: an answered call answers what was asked in it, but the point of this
guard is that the company speaks first (``status_inquiry`` counts those calls).

>>> from mittelpunkt.testing import event, findings_of
>>> story = [event("e1", "2026-10-05T09:00", "case.opened", case="K-2")]
>>> [(f.code, f.time.isoformat()) for f in findings_of(GUARD, story, as_of="2026-10-20")]
[('no_news', '2026-10-12T09:00:00+02:00')]
>>> story.append(event("e2", "2026-10-09T12:00", "message.sent", case="K-2",
...                    channel="email", purpose="status"))
>>> findings_of(GUARD, story, as_of="2026-10-15")
[]
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from datetime import datetime

from mittelpunkt.core.events import Event
from mittelpunkt.core.findings import Finding
from mittelpunkt.core.guard import Guard, Settings
from mittelpunkt.core.journey import Journey
from mittelpunkt.core.promises import ledger

__all__ = ["GUARD", "check"]

SUMMARY = {
    "en": "The customer heard nothing from the company between {since} and {deadline} "
    "while the concern was open.",
    "de": "Zwischen {since} und {deadline} hat der Kunde nichts vom Unternehmen gehört, "
    "obwohl sein Anliegen offen war.",
}
_NOT_NEWS = frozenset({"marketing", "survey"})


def check(journey: Journey, settings: Settings) -> Iterator[Finding]:
    """A finding per silent stretch longer than the window on an open journey.

    >>> from mittelpunkt.testing import event, findings_of
    >>> findings_of(GUARD, [event("e1", "2026-10-05T09:00", "message.sent", channel="email",
    ...                           purpose="status")], as_of="2026-10-20")
    []
    """
    window = settings.duration("window")
    for opener, end in _open_stretches(journey):
        anchors = [opener, *_news(journey, opener.time, end)]
        for anchor, following in zip(anchors, [*anchors[1:], None], strict=True):
            deadline = anchor.time + window
            if following is not None and following.time <= deadline:
                continue
            if (end is None or end > deadline) and deadline <= journey.as_of:
                yield _finding(journey, settings, anchor, deadline)


def _open_stretches(journey: Journey) -> list[tuple[Event, datetime | None]]:
    """The event that opened the journey, and when it closed again (None: still open)."""
    changes = journey.status
    by_id = {e.id: e for e in journey.events}
    stretches = []
    for index, change in enumerate(changes):
        if change.is_open:
            end = changes[index + 1].time if index + 1 < len(changes) else None
            stretches.append((by_id[change.event], end))
    return stretches


def _news(journey: Journey, start: datetime, end: datetime | None) -> Sequence[Event]:
    """The company's messages to the customer within one open stretch."""
    return [
        m
        for m in journey.of_type("message.sent")
        if m.data.get("purpose") not in _NOT_NEWS
        and start <= m.time
        and (end is None or m.time < end)
    ]


def _finding(journey: Journey, settings: Settings, anchor: Event, deadline: datetime) -> Finding:
    return settings.finding(
        journey,
        time=deadline,
        cause=anchor.id,
        severity="medium",
        evidence=(anchor.id,),
        summary=settings.say(
            SUMMARY, since=settings.date(anchor.time), deadline=settings.date(deadline)
        ),
        action=settings.action(
            "notify",
            "status",
            "status_update",
            silent_since=anchor.time.isoformat(),
            open_promises=_open_promises(journey, deadline),
        ),
    )


def _open_promises(journey: Journey, moment: datetime) -> list[dict[str, str | None]]:
    """What the customer is waiting for at ``moment``: the update should speak to it.

    The ledger as it stood then: a move made later, even one to a date already past that
    breaks the promise back-dated, was not known yet.
    """
    standing = sorted(
        (p for p in ledger(journey.events, moment) if p.is_open),
        key=lambda p: (p.made_at, p.kind, p.ref),
    )
    return [
        {"kind": p.kind, "ref": p.ref, "due": p.due.isoformat() if p.due else None}
        for p in standing
    ]


GUARD = Guard("no_news", check, {"window": "7d"}, seeds=("001", "002"))
