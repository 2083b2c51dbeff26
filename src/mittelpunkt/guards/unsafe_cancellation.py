"""``unsafe_cancellation``: an order cancelled on a question, or on a request since withdrawn.

Seed 004: "Kann man das stornieren? Und wie sieht es dann aus mit dem bereits überwiesenen
Geld?" was read as a cancellation; the mail that followed ("hat sich erübrigt") was ignored,
and the order was gone. The basis of an ``order.cancelled`` is the customer event it names
(``data.basis``); without one, for a cancellation ``by: customer``, it is the latest inbound
contact before it that speaks of cancelling (contacts that only withdraw or ask something else
are passed over). The cancellation is unsafe when that basis was not an explicit
``cancel_request``, or was withdrawn (``withdraw``) before the cancellation. When the basis
cannot be found or read, the guard stays silent.

>>> from mittelpunkt.testing import event, findings_of
>>> story = [
...     event("c", "2020-05-10T09:00", "contact.inbound", order="O-4", channel="email",
...           intent="cancel_question"),
...     event("x", "2020-05-11T09:00", "order.cancelled", order="O-4", by="customer"),
... ]
>>> [f.summary for f in findings_of(GUARD, story)]
['The order was cancelled on 2020-05-11 although the customer only asked about cancelling.']
>>> findings_of(GUARD, [story[1]])
[]
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from mittelpunkt.core.events import Event
from mittelpunkt.core.findings import Finding
from mittelpunkt.core.guard import Guard, Settings
from mittelpunkt.core.intents import IntentReading
from mittelpunkt.core.journey import Journey

__all__ = ["GUARD", "check"]

SUMMARY = {
    "en": "The order was cancelled on {day} although the customer {why}.",
    "de": "Der Auftrag wurde am {day} storniert, obwohl der Kunde {why}.",
}
REASONS = {
    "en": {
        "question": "only asked about cancelling",
        "not_explicit": "gave no explicit instruction to cancel",
        "withdrawn": "had withdrawn the message since",
    },
    "de": {
        "question": "nur nach einer Stornierung gefragt hatte",
        "not_explicit": "keine ausdrückliche Stornierung erteilt hatte",
        "withdrawn": "seine Nachricht inzwischen zurückgenommen hatte",
    },
}
_AND = {"en": " and ", "de": " und "}
_CANCEL = frozenset({"cancel_request", "cancel_question"})


def check(journey: Journey, settings: Settings) -> Iterator[Finding]:
    """A finding per cancellation whose basis was a question, unclear, or withdrawn.

    >>> from mittelpunkt.testing import event, findings_of
    >>> story = [
    ...     event("c", "2020-05-10T09:00", "contact.inbound", order="O-4", channel="email",
    ...           intent="cancel_request"),
    ...     event("x", "2020-05-11T09:00", "order.cancelled", order="O-4", by="customer",
    ...           basis="c"),
    ... ]
    >>> findings_of(GUARD, story)
    []
    """
    for position, cancellation in enumerate(journey.events):
        if cancellation.type != "order.cancelled":
            continue
        before = journey.events[:position]
        basis = _basis(journey, cancellation, before)
        reading = journey.reading(basis) if basis is not None else None
        if basis is None or reading is None:
            continue
        withdrawals = _withdrawals(journey, basis, before)
        reasons = _reasons(reading, withdrawals)
        if reasons:
            yield _finding(
                journey,
                settings,
                cancellation=cancellation,
                basis=basis,
                reading=reading,
                withdrawals=withdrawals,
                reasons=reasons,
            )


def _basis(journey: Journey, cancellation: Event, before: Sequence[Event]) -> Event | None:
    """The customer event the cancellation acted on, or None when it cannot be told."""
    named = cancellation.data.get("basis")
    if named is not None:
        return next((e for e in before if e.id == named), None)
    if cancellation.data.get("by") != "customer":
        return None
    for contact in before[::-1]:
        if contact.type != "contact.inbound":
            continue
        reading = journey.reading(contact)
        if reading is None:
            return None
        if reading.intents & _CANCEL:
            return contact
    return None


def _withdrawals(journey: Journey, basis: Event, before: Sequence[Event]) -> list[Event]:
    """The customer's withdrawals after the basis, up to the cancellation."""
    return [
        e
        for e in before
        if e.type == "contact.inbound"
        and e.order_key > basis.order_key
        and _says(journey, e, "withdraw")
    ]


def _says(journey: Journey, contact: Event, intent: str) -> bool:
    reading = journey.reading(contact)
    return reading is not None and intent in reading.intents


def _reasons(reading: IntentReading, withdrawals: Sequence[Event]) -> list[str]:
    reasons = []
    if "cancel_request" not in reading.intents or not reading.explicit:
        reasons.append("question" if "cancel_question" in reading.intents else "not_explicit")
    if withdrawals:
        reasons.append("withdrawn")
    return reasons


def _finding(
    journey: Journey,
    settings: Settings,
    *,
    cancellation: Event,
    basis: Event,
    reading: IntentReading,
    withdrawals: Sequence[Event],
    reasons: Sequence[str],
) -> Finding:
    why = _AND[settings.lang].join(REASONS[settings.lang][r] for r in reasons)
    return settings.finding(
        journey,
        time=cancellation.time,
        cause=cancellation.id,
        severity="high",
        evidence=[cancellation.id, basis.id, *(w.id for w in withdrawals)],
        summary=settings.say(SUMMARY, day=settings.date(cancellation.time), why=why),
        action=settings.action(
            "require_confirmation",
            "confirmation",
            "cancellation_undo_offer",
            undo=cancellation.id,
            order=cancellation.refs.get("order"),
        ),
        reasons=list(reasons),
        basis=basis.id,
        intents=sorted(reading.intents),
        explicit=reading.explicit,
        cues=list(reading.cues),
        withdrawn_by=[w.id for w in withdrawals],
    )


GUARD = Guard(
    "unsafe_cancellation", check, {}, seeds=("004",), needs=frozenset({"order.cancelled"})
)
