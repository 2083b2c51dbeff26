"""``unrequested_info``: the journey waits on the customer, and nobody asked them for it.

Seed 001: an internet upgrade ordered by phone lay still for weeks because the birthdate was
"missing" from the order form; the customer learnt it only on her second call chasing the
status. A wait on the customer (``case.waiting`` ``on: customer``) must be followed, within the
window, by a ``message.sent`` of purpose ``request_info``; a request sent shortly before the
case was marked waiting (``lead``) counts too, since agents often write first and set the
status after. A wait that ends (resumed, resolved, cancelled) before the deadline is no finding.
When the wait does not say what is missing (``need``), nobody could ask for it: silent.

>>> from mittelpunkt.testing import event, findings_of
>>> story = [event("e1", "2019-09-20T10:00", "case.waiting", order="O-1", on="customer",
...                need="birthdate")]
>>> [f.summary for f in findings_of(GUARD, story, as_of="2019-10-15T12:00")]
['The journey has waited on the customer for birthdate since 2019-09-20, and nobody asked them.']
>>> asked = [*story, event("e2", "2019-09-20T10:05", "message.sent", order="O-1",
...                        channel="email", purpose="request_info")]
>>> findings_of(GUARD, asked, as_of="2019-10-15T12:00")
[]
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime

from mittelpunkt.core.findings import Finding
from mittelpunkt.core.guard import Guard, Settings
from mittelpunkt.core.journey import Journey
from mittelpunkt.guards._waiting import Wait, waits_on_customer

__all__ = ["GUARD", "check"]

SUMMARY = {
    "en": "The journey has waited on the customer for {need} since {since}, and nobody asked them.",
    "de": "Der Vorgang wartet seit {since} auf {need} vom Kunden, ohne dass ihn jemand "
    "danach gefragt hat.",
}


def check(journey: Journey, settings: Settings) -> Iterator[Finding]:
    """A finding per wait on the customer with no request for what is missing in time.

    >>> from mittelpunkt.testing import event, findings_of
    >>> wait = event("w", "2026-03-02T09:00", "case.waiting", case="K-1", on="customer",
    ...              need=["iban"])
    >>> [(f.time.isoformat(), f.action.details["need"]) for f in findings_of(GUARD, [wait],
    ...     as_of="2026-03-04T09:00")]
    [('2026-03-03T09:00:00+01:00', ['iban'])]
    """
    window, lead = settings.duration("window"), settings.duration("lead")
    for wait in waits_on_customer(journey):
        deadline = wait.event.time + window
        if not wait.needs or deadline > journey.as_of or _ended_by(wait, deadline):
            continue
        if not _asked(journey, wait.event.time - lead, deadline):
            yield _finding(journey, settings, wait, deadline)


def _ended_by(wait: Wait, deadline: datetime) -> bool:
    return wait.end is not None and wait.end.time <= deadline


def _asked(journey: Journey, since: datetime, deadline: datetime) -> bool:
    return any(
        since <= m.time <= deadline and m.data.get("purpose") == "request_info"
        for m in journey.of_type("message.sent")
    )


def _finding(journey: Journey, settings: Settings, wait: Wait, deadline: datetime) -> Finding:
    need = ", ".join(wait.needs)
    return settings.finding(
        journey,
        time=deadline,
        cause=wait.event.id,
        severity="high",
        evidence=[wait.event.id],
        summary=settings.say(SUMMARY, need=need, since=settings.date(wait.event.time)),
        action=settings.action("ask", "request_info", "request_info", need=list(wait.needs)),
        waiting_since=wait.event.time.isoformat(),
    )


GUARD = Guard(
    "unrequested_info",
    check,
    {"window": "24h", "lead": "1h"},
    seeds=("001",),
    needs=frozenset({"case.waiting"}),
)
