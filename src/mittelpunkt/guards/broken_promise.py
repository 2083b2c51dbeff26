"""``broken_promise``: a promise's due time passed, not kept and not honestly updated.

Seeds 001 and 004: an installation "in three to four weeks" that never came, a delivery date
that passed without a word. The ledger decides; this guard reports each broken promise once,
dated at its due time plus the grace period.

>>> from mittelpunkt.testing import event, findings_of
>>> story = [event("e1", "2026-03-02T09:00", "order.confirmed", order="O-1",
...                promised_delivery="2026-03-06")]
>>> [f.summary for f in findings_of(GUARD, story, as_of="2026-03-09T09:00")]
['The delivery promised for 2026-03-06 was not kept, and the customer was not told.']
>>> findings_of(GUARD, story, as_of="2026-03-06T20:00")
[]
"""

from __future__ import annotations

from collections.abc import Iterator

from mittelpunkt.core.findings import Finding
from mittelpunkt.core.guard import Guard, Settings
from mittelpunkt.core.journey import Journey
from mittelpunkt.core.promises import PROMISE_MAKERS

__all__ = ["GUARD", "check"]

SUMMARY = {
    "en": "The {kind} promised for {due} was not kept, and the customer was not told.",
    "de": "Die für {due} zugesagte {kind_de} wurde nicht eingehalten, ohne dass der Kunde "
    "es erfuhr.",
}
_KIND_DE = {
    "delivery": "Lieferung",
    "appointment": "Termin",
    "callback": "Rückruf",
    "offer": "Angebot",
    "contact": "Kontaktaufnahme",
}


def check(journey: Journey, settings: Settings) -> Iterator[Finding]:
    """A finding per broken promise whose due time (plus grace) has passed.

    Offers broken by an explicit refusal are ``retracted_offer``'s business, not this one's.
    """
    grace = settings.duration("grace")
    for promise in journey.promises:
        if promise.state != "broken" or promise.closed_at is None or promise.closed_by:
            continue
        deadline = promise.closed_at + grace
        kept_within_grace = promise.kept_late_at is not None and promise.kept_late_at <= deadline
        if deadline > journey.as_of or kept_within_grace:
            continue
        yield settings.finding(
            journey,
            time=deadline,
            cause=f"{promise.kind}:{promise.ref}:{promise.made}",
            severity="high",
            evidence=promise.evidence,
            summary=settings.say(
                SUMMARY,
                kind=promise.kind,
                kind_de=_KIND_DE.get(promise.kind, promise.kind),
                due=settings.date(promise.due or promise.closed_at),
            ),
            action=settings.action(
                "notify",
                "apology",
                "broken_promise_apology",
                escalate=True,
                promise=promise.ref,
                promise_kind=promise.kind,
            ),
        )


GUARD = Guard("broken_promise", check, {"grace": "0h"}, seeds=("001", "004"), needs=PROMISE_MAKERS)
