"""``retracted_offer``: the company offered, the customer accepted, the company said no.

Seed 004: after cancelling an order the customer had only asked about, the portal offered
to reactivate it; the customer wrote "Ja, ich bitte um Reaktivierung", chased the
confirmation twice, and was told "Ist nicht möglich", while the product now cost 10 % more.
An offer is an ``order.reactivation_offered`` or a ``promise.made`` of kind ``offer``. The
customer accepts it with a contact read as ``reactivation_request`` or
``confirmation_request`` (or carrying ``data.accepted: true``), sent while the offer stood
(by its ``until``/``due``, when it names one; an unanswered phone call accepts nothing). The
company retracts it with ``order.reactivation_refused`` or a ``promise.withdrawn`` naming it.
An offer the customer never accepted, or accepted too late, may be refused.

>>> from mittelpunkt.testing import event, findings_of
>>> story = [
...     event("e1", "2026-09-28T16:00", "order.reactivation_offered", order="O-1",
...           promise="R-1", until="2026-10-05"),
...     event("e2", "2026-09-29T08:00", "contact.inbound", order="O-1", channel="email",
...           intent=["reactivation_request", "confirmation_request"]),
...     event("e3", "2026-10-07T10:00", "order.reactivation_refused", order="O-1",
...           promise="R-1"),
... ]
>>> [(f.code, f.action.kind) for f in findings_of(GUARD, story)]
[('retracted_offer', 'escalate')]
>>> findings_of(GUARD, [story[0], story[2]])
[]
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import datetime

from mittelpunkt.core.events import Event
from mittelpunkt.core.findings import Finding
from mittelpunkt.core.guard import Guard, Settings
from mittelpunkt.core.journey import Journey

__all__ = ["GUARD", "check"]

SUMMARY = {
    "en": "The customer accepted the offer of {offered} on {accepted}, and the company "
    "refused it on {refused}.",
    "de": "Der Kunde nahm das Angebot vom {offered} am {accepted} an, und das Unternehmen "
    "lehnte es am {refused} ab.",
}
_ACCEPTING = frozenset({"reactivation_request", "confirmation_request"})
_KEEPERS = frozenset({"order.reactivated", "promise.kept"})


@dataclass
class _Offer:
    """One standing offer while the timeline is walked: who made it, until when, who said yes."""

    made: Event
    until: datetime | None
    accepted: list[Event] = field(default_factory=list)

    def take(self, acceptance: Event) -> None:
        """Count an acceptance sent while the offer stood."""
        if self.until is None or acceptance.time <= self.until:
            self.accepted.append(acceptance)


def check(journey: Journey, settings: Settings) -> Iterator[Finding]:
    """A finding per accepted offer the company then refused or withdrew.

    >>> from mittelpunkt.testing import event, findings_of
    >>> findings_of(GUARD, [event("e1", "2026-10-07T10:00", "order.reactivation_refused",
    ...                           order="O-1")])
    []
    """
    standing: dict[str, _Offer] = {}
    for event in journey.events:
        if _is_offer(event):
            _stand(standing, event)
        elif _accepts(journey, event):
            for standing_offer in standing.values():
                standing_offer.take(event)
        elif event.type in _KEEPERS or _refuses(event):
            settled = _settle(standing, event)
            if settled is not None and settled.accepted and _refuses(event):
                yield _finding(journey, settings, settled, event)


def _offer_ref(event: Event) -> str:
    """The offer's ref, as the promise ledger names it."""
    return event.refs.get("promise", f"reactivation:{event.refs.get('order', event.journey)}")


def _is_offer(event: Event) -> bool:
    if event.type == "order.reactivation_offered":
        return True
    return event.type == "promise.made" and event.data.get("kind") == "offer"


def _stand(standing: dict[str, _Offer], event: Event) -> None:
    """Open an offer, or extend a standing one made again."""
    current = standing.get(_offer_ref(event))
    if current is None:
        standing[_offer_ref(event)] = _Offer(event, event.due)
    elif event.due is not None:
        current.until = event.due


def _accepts(journey: Journey, event: Event) -> bool:
    if event.type != "contact.inbound" or event.data.get("reached") is False:
        return False
    if event.data.get("accepted") is True:
        return True
    reading = journey.reading(event)
    return reading is not None and bool(reading.intents & _ACCEPTING)


def _refuses(event: Event) -> bool:
    if event.type == "order.reactivation_refused":
        return True
    return event.type == "promise.withdrawn" and "promise" in event.refs


def _settle(standing: dict[str, _Offer], event: Event) -> _Offer | None:
    """Close the offer the event names (else the oldest standing one) and return it."""
    named = event.refs.get("promise")
    if named is not None:
        return standing.pop(named, None)
    if event.type == "promise.kept" or not standing:
        return None
    return standing.pop(next(iter(standing)))


def _finding(journey: Journey, settings: Settings, offer: _Offer, refusal: Event) -> Finding:
    ref = _offer_ref(offer.made)
    return settings.finding(
        journey,
        time=refusal.time,
        cause=f"{ref}@{offer.made.id}",
        severity="high",
        evidence=(offer.made.id, *(a.id for a in offer.accepted), refusal.id),
        summary=settings.say(
            SUMMARY,
            offered=settings.date(offer.made.time),
            accepted=settings.date(offer.accepted[0].time),
            refused=settings.date(refusal.time),
        ),
        action=settings.action(
            "escalate",
            "apology",
            "offer_honoured",
            offer=ref,
            honour=True,
            compensate=True,
            keep_price=True,
            refusal=refusal.id,
        ),
    )


GUARD = Guard(
    "retracted_offer",
    check,
    {},
    seeds=("004",),
    needs=frozenset({"order.reactivation_offered", "promise.made"}),
)
