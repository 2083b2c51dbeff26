"""``premature_survey``: asking for stars before the customer's problem is solved.

Seed 003: the line still dropped, the SMS asked "is your problem solved?", the customer said
no, and the next SMS asked "how many stars would you give?". Seed 000: the shop asked for a
review after a misleading mail, a catalog nobody ordered and an unfriendly call. A survey
(``message.sent`` purpose ``survey``) is premature when the journey is open at the moment it
is sent, or when the customer last said it is not solved (``feedback.received`` with
``solved: false``, or a contact read as a ``complaint``) and nothing was done since: no
resolution, resumption, kept promise, delivery, answer or apology, and no later "solved".
A complaint made in a phone call a person answered carries its answer in the call.

>>> from mittelpunkt.testing import event, findings_of
>>> story = [
...     event("e1", "2026-09-07T09:00", "case.opened", case="K-1"),
...     event("e2", "2026-09-08T10:00", "message.sent", case="K-1", channel="sms",
...           purpose="survey"),
... ]
>>> [(f.code, f.action.kind) for f in findings_of(GUARD, story)]
[('premature_survey', 'suppress')]
>>> story.insert(1, event("e3", "2026-09-08T09:00", "case.resolved", case="K-1"))
>>> findings_of(GUARD, story)
[]
"""

from __future__ import annotations

from collections.abc import Iterator

from mittelpunkt.core.events import Event
from mittelpunkt.core.findings import Finding
from mittelpunkt.core.guard import Guard, Settings
from mittelpunkt.core.journey import Journey

__all__ = ["GUARD", "check"]

SUMMARY = {
    "open": {
        "en": "A survey went out on {date} while the customer's concern was still open.",
        "de": "Am {date} ging eine Umfrage hinaus, obwohl das Anliegen noch offen war.",
    },
    "unsolved": {
        "en": "A survey went out on {date} after the customer had said the problem was "
        "not solved, and nothing had been done since.",
        "de": "Am {date} ging eine Umfrage hinaus, nachdem der Kunde gesagt hatte, dass das "
        "Problem nicht gelöst ist, und seitdem nichts geschehen war.",
    },
}
_DONE_TYPES = frozenset(
    {
        "case.resolved",
        "case.resumed",
        "appointment.done",
        "callback.done",
        "promise.kept",
        "order.reactivated",
        "shipment.delivered",
    }
)
_ANSWERS = frozenset({"answer", "apology"})


def check(journey: Journey, settings: Settings) -> Iterator[Finding]:
    """A finding per survey sent while the journey was open or the customer said "not solved".

    >>> from mittelpunkt.testing import event, findings_of
    >>> findings_of(GUARD, [event("e1", "2026-09-08T10:00", "message.sent", channel="sms",
    ...                          purpose="survey")])
    []
    """
    for survey in journey.of_type("message.sent"):
        if survey.data.get("purpose") != "survey":
            continue
        unsolved = _unsolved_signal(journey, survey)
        if unsolved is not None:
            yield _finding(journey, settings, survey, unsolved, "unsolved")
        elif journey.is_open_at(survey.time):
            yield _finding(journey, settings, survey, _opened_by(journey, survey), "open")


def _unsolved_signal(journey: Journey, survey: Event) -> Event | None:
    """The customer's last "not solved" before the survey, unless something was done since."""
    signal = None
    for event in journey.events:
        if event.order_key >= survey.order_key:
            break
        if _says_unsolved(journey, event):
            signal = event
        elif _something_done(event):
            signal = None
    return signal


def _says_unsolved(journey: Journey, event: Event) -> bool:
    if event.type == "feedback.received":
        return event.data.get("solved") is False
    if event.type != "contact.inbound" or _answered_in_call(event):
        return False
    reading = journey.reading(event)
    return reading is not None and "complaint" in reading.intents


def _answered_in_call(contact: Event) -> bool:
    data = contact.data
    return (
        data.get("channel") == "phone"
        and data.get("reached") is not False
        and data.get("handled_by") != "bot"
    )


def _something_done(event: Event) -> bool:
    if event.type == "message.sent":
        return event.data.get("purpose") in _ANSWERS
    if event.type == "feedback.received":
        return event.data.get("solved") is True
    return event.type in _DONE_TYPES


def _opened_by(journey: Journey, survey: Event) -> Event:
    """The event that opened the stretch of the journey the survey fell into."""
    opened = [c for c in journey.status if c.is_open and c.time <= survey.time][-1]
    return next(e for e in journey.events if e.id == opened.event)


def _finding(
    journey: Journey, settings: Settings, survey: Event, reason: Event, why: str
) -> Finding:
    return settings.finding(
        journey,
        time=survey.time,
        cause=survey.id,
        severity="medium" if why == "unsolved" else "low",
        evidence=(survey.id, reason.id),
        summary=settings.say(SUMMARY[why], date=settings.date(survey.time)),
        action=settings.action(
            "suppress", "survey", None, event=survey.id, until="resolved", reason=why
        ),
    )


GUARD = Guard(
    "premature_survey", check, {}, seeds=("003", "000"), needs=frozenset({"message.sent"})
)
