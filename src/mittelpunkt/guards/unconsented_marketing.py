"""``unconsented_marketing``: marketing that reached a customer who had not agreed to it.

Seed 000: a floor mat ordered online brought a one-kilo catalog ("Jeder Neukunde erhält
unseren Katalog") and a newsletter nobody asked for. A marketing send is a ``message.sent``
of purpose ``marketing`` (its consent purpose is ``data.consent``, else by channel: email →
``newsletter``, letter → ``catalog``, sms → ``sms``, phone → ``phone``), or a shipment
holding nothing but ``kind: marketing`` items (purpose ``catalog``). It needs the customer's
consent at the moment it is sent: the latest grant or revocation for that purpose, across
all the customer's journeys, decides. Under the default ``opt-in`` policy no choice means
no; under ``opt-out`` (configured per purpose) only a revocation does. A send whose purpose
cannot be told (an app push naming none) is not judged.

>>> from mittelpunkt.testing import event, findings_of
>>> story = [event("e1", "2026-09-08T08:00", "message.sent", channel="email",
...                purpose="marketing")]
>>> [(f.code, f.action.kind) for f in findings_of(GUARD, story)]
[('unconsented_marketing', 'suppress')]
>>> granted = event("e0", "2026-09-01T10:00", "consent.granted", purpose="newsletter")
>>> findings_of(GUARD, [*story, granted])
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
    "never": {
        "en": "Marketing ({purpose}) reached the customer on {date} without their consent.",
        "de": "Werbung ({purpose}) erreichte den Kunden am {date} ohne seine Einwilligung.",
    },
    "revoked": {
        "en": "Marketing ({purpose}) reached the customer on {date} although they had "
        "withdrawn their consent on {revoked}.",
        "de": "Werbung ({purpose}) erreichte den Kunden am {date}, obwohl er seine "
        "Einwilligung am {revoked} widerrufen hatte.",
    },
}
_BY_CHANNEL = {"email": "newsletter", "letter": "catalog", "sms": "sms", "phone": "phone"}


def check(journey: Journey, settings: Settings) -> Iterator[Finding]:
    """A finding per marketing send that the customer's consent did not cover.

    >>> from mittelpunkt.testing import event, findings_of
    >>> push = [event("e1", "2026-09-08T08:00", "message.sent", channel="app",
    ...               purpose="marketing")]
    >>> findings_of(GUARD, push)
    []
    """
    for send in journey.events:
        purpose = _consent_purpose(send)
        if purpose is None:
            continue
        choice = _choice_at(journey, purpose, send)
        if choice is not None and choice.type == "consent.granted":
            continue
        if choice is None and settings.config.consent_policy(purpose) == "opt-out":
            continue
        yield _finding(journey, settings, send, purpose, choice)


def _consent_purpose(event: Event) -> str | None:
    """The consent purpose a marketing send needs, or None (not marketing, or unknown)."""
    if event.type == "shipment.created":
        items = event.data.get("items") or []
        only_marketing = all(isinstance(i, dict) and i.get("kind") == "marketing" for i in items)
        return "catalog" if items and only_marketing else None
    if event.type != "message.sent" or event.data.get("purpose") != "marketing":
        return None
    named = event.data.get("consent")
    if isinstance(named, str) and named:
        return named
    return _BY_CHANNEL.get(str(event.data.get("channel")))


def _choice_at(journey: Journey, purpose: str, send: Event) -> Event | None:
    """The customer's latest grant or revocation for ``purpose`` up to the send."""
    choice = None
    for consent in journey.consents:
        if consent.time > send.time:
            break
        if consent.data.get("purpose") == purpose:
            choice = consent
    return choice


def _finding(
    journey: Journey, settings: Settings, send: Event, purpose: str, revoked: Event | None
) -> Finding:
    texts = SUMMARY["revoked" if revoked else "never"]
    return settings.finding(
        journey,
        time=send.time,
        cause=send.id,
        severity="high" if revoked else "medium",
        evidence=(send.id, *((revoked.id,) if revoked else ())),
        summary=settings.say(
            texts,
            purpose=purpose,
            date=settings.date(send.time),
            revoked=settings.date(revoked.time) if revoked else "",
        ),
        action=settings.action(
            "suppress",
            None,
            None,
            event=send.id,
            consent_purpose=purpose,
            record_choice=True,
        ),
    )


GUARD = Guard(
    "unconsented_marketing",
    check,
    {},
    seeds=("000",),
    needs=frozenset({"message.sent", "shipment.created"}),
)
