"""``silent_delay``: the company knew of a delay and did not tell the customer in time.

Seeds 004 and 000: the supplier had told the portal that the delivery would slip by two
weeks, but the customer only learned it when she asked after the date had passed. A
``shipment.delayed`` is the moment the company learns; from then on it has the window
(default 24 h), and at most until the old promised date, to send a ``message.sent`` of
purpose ``delay``. If the old date had already passed when the delay was learned, the full
window applies. A delay whose new ETA still keeps the promised date is no delay for the
customer, and one made moot by delivery or cancellation before the deadline is not judged.

>>> from mittelpunkt.testing import event, findings_of
>>> story = [
...     event("e1", "2026-09-01T10:00", "order.confirmed", order="O-1",
...           promised_delivery="2026-09-10"),
...     event("e2", "2026-09-08T09:00", "shipment.delayed", order="O-1", new_eta="2026-09-24"),
... ]
>>> [(f.code, f.time.isoformat()) for f in findings_of(GUARD, story, as_of="2026-09-12")]
[('silent_delay', '2026-09-09T09:00:00+02:00')]
>>> told = [*story, event("e3", "2026-09-08T15:00", "message.sent", order="O-1",
...                      channel="email", purpose="delay", new_due="2026-09-24")]
>>> findings_of(GUARD, told, as_of="2026-09-12")
[]
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime

from mittelpunkt.core.events import Event
from mittelpunkt.core.findings import Finding
from mittelpunkt.core.guard import Guard, Settings
from mittelpunkt.core.journey import Journey
from mittelpunkt.core.promises import Promise

__all__ = ["GUARD", "check"]

SUMMARY = {
    "en": "The company knew on {learned} that the delivery would slip to {new_due}, "
    "and the customer was not told by {deadline}.",
    "de": "Seit {learned} war bekannt, dass sich die Lieferung auf {new_due} verschiebt; "
    "bis {deadline} wurde der Kunde nicht informiert.",
}


def check(journey: Journey, settings: Settings) -> Iterator[Finding]:
    """A finding per delay the customer was not told of by its deadline.

    >>> from mittelpunkt.testing import event, findings_of
    >>> late = [event("e1", "2026-09-08T09:00", "shipment.delayed", order="O-1",
    ...               new_eta="2026-09-24")]
    >>> [f.time.isoformat() for f in findings_of(GUARD, late, as_of="2026-09-10")]
    ['2026-09-09T09:00:00+02:00']
    """
    for delay in journey.of_type("shipment.delayed"):
        if delay.due is None:
            continue
        promise = _promise_at(journey, delay)
        old_due = _due_at(promise, delay.time) if promise else None
        if old_due is not None and delay.due <= old_due:
            continue
        deadline = _deadline(delay.time, old_due, settings)
        if deadline > journey.as_of or _settled(journey, delay, deadline):
            continue
        yield _finding(journey, settings, delay, deadline, promise)


def _promise_at(journey: Journey, delay: Event) -> Promise | None:
    """The delivery promise the delay concerns, if it stood when the delay was learned."""
    ref = delay.refs.get("order", delay.journey)
    made = [
        p
        for p in journey.promises
        if p.kind == "delivery" and p.ref == ref and p.made_at <= delay.time
    ]
    latest = max(made, key=lambda p: p.made_at, default=None)
    return None if latest is None or _ended_before(latest, delay.time) else latest


def _ended_before(promise: Promise, moment: datetime) -> bool:
    """Kept or withdrawn by an event at or before ``moment`` (lapsing is not ending)."""
    closed_at = promise.closed_at
    return promise.closed_by is not None and closed_at is not None and closed_at <= moment


def _due_at(promise: Promise, moment: datetime) -> datetime | None:
    """The due time the customer had been told, as it stood at ``moment``."""
    due = promise.original_due
    for update in promise.updates:
        if update.time <= moment:
            due = update.new_due
    return due


def _deadline(learned: datetime, old_due: datetime | None, settings: Settings) -> datetime:
    """Within the window after learning, and before the old due time when that is still ahead."""
    latest = learned + settings.duration("window")
    if old_due is None or old_due < learned:
        return latest
    return min(latest, old_due)


def _settled(journey: Journey, delay: Event, deadline: datetime) -> bool:
    """Whether the customer was told, or the delay stopped mattering, by the deadline."""
    shipment = delay.refs.get("shipment")
    for event in journey.events:
        if event.time > deadline:
            break
        if _tells(event, delay) or event.type == "order.cancelled":
            return True
        arrived = event.type == "shipment.delivered" and event.time >= delay.time
        if arrived and shipment in (None, event.refs.get("shipment")):
            return True
    return False


def _tells(event: Event, delay: Event) -> bool:
    """A delay notice sent after learning, or one sent earlier already naming this date."""
    if event.type != "message.sent" or event.data.get("purpose") != "delay":
        return False
    if event.time >= delay.time:
        return True
    return event.due is not None and delay.due is not None and event.due >= delay.due


def _finding(
    journey: Journey,
    settings: Settings,
    delay: Event,
    deadline: datetime,
    promise: Promise | None,
) -> Finding:
    assert delay.due is not None
    reason = delay.data.get("reason")
    return settings.finding(
        journey,
        time=deadline,
        cause=delay.id,
        severity="high" if promise is not None else "medium",
        evidence=(delay.id, *((promise.made,) if promise else ())),
        summary=settings.say(
            SUMMARY,
            learned=settings.date(delay.time),
            new_due=settings.date(delay.due),
            deadline=settings.date(deadline),
        ),
        action=settings.action(
            "notify",
            "delay",
            "delay_notice",
            new_due=delay.due.isoformat(),
            reason=reason if isinstance(reason, str) else None,
            shipment=delay.refs.get("shipment"),
        ),
    )


GUARD = Guard(
    "silent_delay",
    check,
    {"window": "24h"},
    seeds=("004", "000"),
    needs=frozenset({"shipment.delayed"}),
)
