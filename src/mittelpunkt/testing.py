"""Helpers for tests of guards and stories: terse events, journeys and findings.

Times without offset are read in Europe/Berlin, so that a story reads like the customer told
it.

>>> from mittelpunkt.guards.broken_promise import GUARD
>>> story = [
...     event("e1", "2026-03-02T09:00", "order.confirmed", order="O-1",
...           promised_delivery="2026-03-06"),
... ]
>>> [f.code for f in findings_of(GUARD, story, as_of="2026-03-08T12:00")]
['broken_promise']
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from datetime import datetime
from typing import Any

from mittelpunkt.core.config import Config
from mittelpunkt.core.events import Event, parse_event
from mittelpunkt.core.findings import Finding
from mittelpunkt.core.guard import Guard, run_guards
from mittelpunkt.core.intents import IntentClassifier, no_intent
from mittelpunkt.core.journey import Journey, build_journey
from mittelpunkt.core.step import Rules
from mittelpunkt.core.times import BERLIN, parse_instant

__all__ = ["at", "event", "findings_of", "journey_of"]

_REF_NAMES = ("order", "shipment", "case", "appointment", "conversation", "promise")


def at(moment: str | datetime) -> datetime:
    """A time from a string, read in Europe/Berlin when it has no offset.

    >>> at("2026-03-02T09:00").isoformat()
    '2026-03-02T09:00:00+01:00'
    """
    return moment if isinstance(moment, datetime) else parse_instant(moment, BERLIN)


def event(
    event_id: str,
    time: str,
    event_type: str,
    *,
    customer: str = "C-1",
    journey: str | None = None,
    **fields: Any,
) -> Event:
    """A canonical event; keyword arguments named like refs (``order=``...) become refs.

    >>> event("e1", "2026-03-02T09:00", "case.opened", case="K-1").journey
    'case:K-1'
    """
    given = {k: fields.pop(k) for k in _REF_NAMES if k in fields}
    refs = {k: str(v) for k, v in given.items() if v is not None}
    raw: dict[str, Any] = {
        "id": event_id,
        "time": time,
        "type": event_type,
        "customer": customer,
        "refs": refs,
        "data": fields,
    }
    if journey is not None:
        raw["journey"] = journey
    return parse_event(raw, default_tz=BERLIN)


def journey_of(
    events: Sequence[Event],
    as_of: str | datetime | None = None,
    *,
    consents: Iterable[Event] = (),
    classifier: IntentClassifier = no_intent,
) -> Journey:
    """The journey of ``events`` (all of one journey) at ``as_of`` (default: the last event)."""
    moment = at(as_of) if as_of is not None else max(e.time for e in events)
    return build_journey(events, moment, consents=tuple(consents), classifier=classifier)


def findings_of(
    guard: Guard,
    events: Sequence[Event],
    as_of: str | datetime | None = None,
    *,
    config: Config | Mapping[str, Any] | None = None,
    classifier: IntentClassifier = no_intent,
) -> list[Finding]:
    """One guard's findings on a story of one customer (consents are taken from the story).

    Events of the customer's own journey (consents, newsletters) join any journey's
    consents; only the journey of the story's first non-consent event is judged.
    """
    settings_config = config if isinstance(config, Config) else Config.from_mapping(config or {})
    consents = [e for e in events if e.type.startswith("consent.")]
    main = next((e.journey for e in events if not e.type.startswith("consent.")), None)
    own = [e for e in events if e.journey == main] if main else list(events)
    journey = journey_of(own, as_of, consents=consents, classifier=classifier)
    return run_guards(journey, Rules.of([guard], settings_config).settings)
