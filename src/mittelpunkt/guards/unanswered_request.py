"""``unanswered_request``: a customer asked for something and heard nothing within the window.

Seed 004: "Ja, ich bitte um Reaktivierung. Bitte senden Sie mir eine Bestätigung." Nothing came;
the chase got no answer either; the second chase got "not possible". A request is an inbound
contact read as ``confirmation_request``, ``reactivation_request``, ``cancel_request``,
``cancel_question``, ``complaint`` or ``status_inquiry``, or any contact in which the customer
asks something (read from their own words, quoted earlier mails left out; where nothing
reads the text, a question mark counts). It is answered by a ``message.sent`` on the journey
(not a survey or marketing), a ``callback.done``, or a conversation with a person (a phone
call, or a chat ``handled_by: human``, not ``reached: false``) within the window; such a
conversation is itself the answer to what the customer said in it. The finding is dated at
the deadline.

>>> from mittelpunkt.testing import event, findings_of
>>> story = [event("c", "2020-05-11T16:00", "contact.inbound", order="O-4", channel="email",
...                intent="reactivation_request")]
>>> [f.summary for f in findings_of(GUARD, story, as_of="2020-05-14T09:00")]
["The customer's request of 2020-05-11 (request to reactivate) got no answer within 48 hours."]
>>> findings_of(GUARD, story, as_of="2020-05-13T15:59")
[]
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from datetime import datetime

from mittelpunkt.core.events import Event
from mittelpunkt.core.findings import Finding
from mittelpunkt.core.guard import Guard, Settings
from mittelpunkt.core.journey import Journey

__all__ = ["GUARD", "check"]

SUMMARY = {
    "en": "The customer's request of {day} ({what}) got no answer within {hours:g} hours.",
    "de": "Die Anfrage des Kunden vom {day} ({what}) blieb {hours:g} Stunden ohne Antwort.",
}
#: The intents that ask the company for something, in the order a summary names them.
REQUESTS = {
    "reactivation_request": {"en": "request to reactivate", "de": "Bitte um Reaktivierung"},
    "confirmation_request": {"en": "request for a confirmation", "de": "Bitte um Bestätigung"},
    "cancel_request": {"en": "cancellation", "de": "Stornierung"},
    "cancel_question": {"en": "question about cancelling", "de": "Frage zur Stornierung"},
    "complaint": {"en": "complaint", "de": "Beschwerde"},
    "status_inquiry": {"en": "question about the status", "de": "Frage nach dem Stand"},
    "question": {"en": "question", "de": "Frage"},
}
_NOT_ANSWERS = frozenset({"survey", "marketing"})


def check(journey: Journey, settings: Settings) -> Iterator[Finding]:
    """A finding per request with no answer by its deadline.

    >>> from mittelpunkt.testing import event, findings_of
    >>> call = event("c", "2020-05-11T16:00", "contact.inbound", order="O-4", channel="phone",
    ...              intent="complaint")
    >>> findings_of(GUARD, [call], as_of="2020-05-20T09:00")
    []
    """
    window = settings.duration("window")
    for position, contact in enumerate(journey.events):
        asks = _asks(journey, contact)
        deadline = contact.time + window
        if not asks or _answered_live(contact) or deadline > journey.as_of:
            continue
        if not any(_answers(e) and e.time <= deadline for e in journey.events[position + 1 :]):
            yield _finding(journey, settings, contact, asks, deadline)


def _asks(journey: Journey, contact: Event) -> list[str]:
    """What a contact asks for, as keys of :data:`REQUESTS` (empty: not a request)."""
    if contact.type != "contact.inbound":
        return []
    reading = journey.reading(contact)
    intents = reading.intents if reading is not None else frozenset()
    found = [key for key in REQUESTS if key in intents]
    if found:
        return found
    if reading is not None and reading.asks is not None:
        return ["question"] if reading.asks else []  # read from the customer's own words
    text = contact.data.get("text")
    return ["question"] if isinstance(text, str) and "?" in text else []


def _answered_live(contact: Event) -> bool:
    """Whether a person took the contact: then it is its own answer."""
    if contact.type != "contact.inbound" or contact.data.get("reached") is False:
        return False
    channel, handler = contact.data.get("channel"), contact.data.get("handled_by")
    return handler == "human" if channel == "chat" else channel == "phone" and handler != "bot"


def _answers(event: Event) -> bool:
    if event.type == "message.sent":
        return event.data.get("purpose") not in _NOT_ANSWERS
    return event.type == "callback.done" or _answered_live(event)


def _finding(
    journey: Journey, settings: Settings, contact: Event, asks: Sequence[str], deadline: datetime
) -> Finding:
    what = ", ".join(REQUESTS[key][settings.lang] for key in asks)
    hours = (deadline - contact.time).total_seconds() / 3600
    return settings.finding(
        journey,
        time=deadline,
        cause=contact.id,
        severity="medium",
        evidence=[contact.id],
        summary=settings.say(SUMMARY, day=settings.date(contact.time), what=what, hours=hours),
        action=settings.action(
            "notify", "answer", "request_answer", request=contact.id, acknowledge_with_date=True
        ),
        asks=list(asks),
    )


GUARD = Guard(
    "unanswered_request",
    check,
    {"window": "48h"},
    seeds=("004",),
    needs=frozenset({"contact.inbound"}),
)
