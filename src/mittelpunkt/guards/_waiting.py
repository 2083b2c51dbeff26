"""Waits on the customer: when a journey began to wait on them, for what, and until when.

A wait begins with ``case.waiting`` ``on: customer`` and ends at the next ``case.resumed``,
``case.resolved``, ``order.cancelled`` or ``case.waiting`` (the case now waits on someone else,
or on something new). What is missing (``need``) is read as field names, so that "Geburtsdatum"
in one system and ``birthdate`` in another name the same thing.

>>> from mittelpunkt.testing import event, journey_of
>>> journey = journey_of([
...     event("w", "2026-03-02T09:00", "case.waiting", case="K-1", on="customer",
...           need=["Date of birth"]),
...     event("r", "2026-03-05T09:00", "case.resumed", case="K-1"),
... ])
>>> [(w.event.id, w.needs, w.end.id if w.end else None) for w in waits_on_customer(journey)]
[('w', ('birthdate',), 'r')]
"""

from __future__ import annotations

from dataclasses import dataclass

from mittelpunkt.core.events import Event
from mittelpunkt.core.journey import Journey

__all__ = ["Wait", "field_name", "needs_of", "waits_on_customer"]

_ENDS = frozenset({"case.resumed", "case.resolved", "case.waiting", "order.cancelled"})
_ALIASES = {
    "date_of_birth": "birthdate",
    "birth_date": "birthdate",
    "dob": "birthdate",
    "geburtsdatum": "birthdate",
    "geburtstag": "birthdate",
    "kundennummer": "customer_number",
    "customer_no": "customer_number",
}


@dataclass(frozen=True, slots=True)
class Wait:
    """One stretch in which a journey waited on the customer.

    Attributes:
        event: the ``case.waiting`` that began it.
        needs: what is missing, as field names (empty: not recorded).
        end: the event that ended it, or None while it lasts.
    """

    event: Event
    needs: tuple[str, ...]
    end: Event | None

    def lasts_at(self, event: Event) -> bool:
        """Whether ``event`` (of the same journey) happened while the wait lasted."""
        return self.end is None or event.order_key < self.end.order_key


def field_name(raw: str) -> str:
    """A data field's name in one spelling: lower case, underscores, common aliases.

    >>> field_name("Geburtsdatum"), field_name("customer-number")
    ('birthdate', 'customer_number')
    """
    name = "_".join(raw.casefold().replace("-", " ").split())
    return _ALIASES.get(name, name)


def needs_of(event: Event, key: str = "need") -> tuple[str, ...]:
    """The field names listed under ``data[key]`` (a string or a list of strings).

    >>> from mittelpunkt.testing import event
    >>> needs_of(event("w", "2026-03-02T09:00", "case.waiting", on="customer", need="IBAN"))
    ('iban',)
    """
    raw = event.data.get(key)
    values = [raw] if isinstance(raw, str) else raw if isinstance(raw, list) else []
    names = (field_name(v) for v in values if isinstance(v, str) and v.strip())
    return tuple(dict.fromkeys(names))


def waits_on_customer(journey: Journey) -> tuple[Wait, ...]:
    """Every wait on the customer of the journey, in timeline order."""
    waits = []
    events = journey.events
    for index, event in enumerate(events):
        if event.type == "case.waiting" and event.data.get("on") == "customer":
            end = next((e for e in events[index + 1 :] if e.type in _ENDS), None)
            waits.append(Wait(event, needs_of(event), end))
    return tuple(waits)
