"""Hypothesis strategies: random but plausible journeys of one customer."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

from hypothesis import strategies as st

from mittelpunkt.core.events import MESSAGE_PURPOSES, Event, parse_event

BASE = datetime(2026, 3, 2, 8, tzinfo=UTC)
CUSTOMER = "C-1"
ORDER = {"order": "O-1"}


def _day(offset: int) -> str:
    return (BASE + timedelta(days=offset)).date().isoformat()


def _instant(offset_hours: int) -> str:
    return (BASE + timedelta(hours=offset_hours)).isoformat()


_INTENTS = [
    "status_inquiry",
    "cancel_request",
    "cancel_question",
    "withdraw",
    "reactivation_request",
    "confirmation_request",
    "complaint",
    "info_provided",
    "other",
]
_PURPOSES = sorted(MESSAGE_PURPOSES)

_SHAPES: dict[str, st.SearchStrategy[tuple[dict[str, str], dict[str, Any]]]] = {
    "order.placed": st.just((ORDER, {"items": [{"sku": "A"}, {"sku": "B"}], "channel": "web"})),
    "order.confirmed": st.integers(1, 12).map(lambda d: (ORDER, {"promised_delivery": _day(d)})),
    "order.cancelled": st.sampled_from(["customer", "company"]).map(lambda by: (ORDER, {"by": by})),
    "order.reactivation_offered": st.just(({**ORDER, "promise": "R-1"}, {})),
    "order.reactivated": st.just(({**ORDER, "promise": "R-1"}, {})),
    "order.reactivation_refused": st.just(({**ORDER, "promise": "R-1"}, {})),
    "shipment.created": st.tuples(
        st.sampled_from(["S-1", "S-2"]),
        st.sampled_from([["A"], ["B"], ["A", "B"], ["CAT"]]),
    ).map(
        lambda t: (
            {**ORDER, "shipment": t[0]},
            {
                "items": [
                    {"sku": s, "kind": "marketing"} if s == "CAT" else {"sku": s} for s in t[1]
                ]
            },
        )
    ),
    "shipment.dispatched": st.sampled_from(["S-1", "S-2"]).map(
        lambda s: ({**ORDER, "shipment": s}, {})
    ),
    "shipment.delayed": st.integers(3, 20).map(lambda d: (ORDER, {"new_eta": _day(d)})),
    "shipment.delivered": st.sampled_from(["S-1", "S-2"]).map(
        lambda s: ({**ORDER, "shipment": s}, {})
    ),
    "case.opened": st.just((ORDER, {"topic": "x"})),
    "case.waiting": st.sampled_from(["customer", "partner"]).map(
        lambda on: (ORDER, {"on": on, "need": "birthdate"})
    ),
    "case.resumed": st.just((ORDER, {})),
    "case.resolved": st.just((ORDER, {})),
    "case.reopened": st.just((ORDER, {})),
    "appointment.scheduled": st.tuples(st.sampled_from(["A-1", "A-2"]), st.integers(2, 15)).map(
        lambda t: (
            {**ORDER, "appointment": t[0]},
            {"at": _instant(24 * t[1]), "kind": "installation"},
        )
    ),
    "appointment.done": st.sampled_from(["A-1", "A-2"]).map(
        lambda a: ({**ORDER, "appointment": a}, {})
    ),
    "callback.promised": st.integers(1, 48).map(lambda h: (ORDER, {"by": _instant(h)})),
    "callback.done": st.just((ORDER, {})),
    "promise.made": st.integers(1, 10).map(
        lambda d: ({**ORDER, "promise": "P-1"}, {"kind": "contact", "due": _day(d)})
    ),
    "promise.kept": st.just(({**ORDER, "promise": "P-1"}, {})),
    "contact.inbound": st.tuples(
        st.sampled_from(["phone", "email", "chat"]),
        st.lists(st.sampled_from(_INTENTS), min_size=0, max_size=2, unique=True),
        st.sampled_from([0, 600, 1200]),
        st.sampled_from([[], ["customer_number", "birthdate"]]),
        st.booleans(),
    ).map(
        lambda t: (
            {**ORDER, "conversation": "CH-1"},
            {
                "channel": t[0],
                **({"intent": t[1]} if t[1] else {}),
                "wait_seconds": t[2],
                "identified_with": t[3],
                **({} if t[4] else {"reached": False}),
            },
        )
    ),
    "bot.replied": st.sampled_from(["Bitte Router neu starten.", "Hilft das?"]).map(
        lambda text: ({**ORDER, "conversation": "CH-1"}, {"text": text})
    ),
    "bot.handed_over": st.just(({**ORDER, "conversation": "CH-1"}, {})),
    "message.sent": st.tuples(
        st.sampled_from(["email", "sms", "letter"]),
        st.sampled_from(_PURPOSES),
        st.booleans(),
        st.integers(3, 20),
    ).map(
        lambda t: (
            {**ORDER, "shipment": "S-1"} if t[2] else ORDER,
            {
                "channel": t[0],
                "purpose": t[1],
                **({"claims": {"order_on_the_way": True}} if t[2] else {}),
                **({"new_due": _day(t[3])} if t[1] == "delay" else {}),
            },
        )
    ),
    "feedback.received": st.booleans().map(lambda solved: (ORDER, {"solved": solved})),
    "consent.granted": st.sampled_from(["newsletter", "catalog", "sms"]).map(
        lambda p: ({}, {"purpose": p})
    ),
    "consent.revoked": st.sampled_from(["newsletter", "catalog", "sms"]).map(
        lambda p: ({}, {"purpose": p})
    ),
}


@st.composite
def stories(draw: st.DrawFn, max_events: int = 14) -> list[Event]:
    """A customer's order journey (with its case, contacts, messages) and consents."""
    count = draw(st.integers(1, max_events))
    events = []
    for index in range(count):
        kind = draw(st.sampled_from(sorted(_SHAPES)))
        refs, data = draw(_SHAPES[kind])
        minutes = draw(st.integers(0, 60 * 24 * 25))
        raw = {
            "id": f"e{index}",
            "time": (BASE + timedelta(minutes=minutes)).isoformat(),
            "type": kind,
            "customer": CUSTOMER,
            "refs": refs,
            "data": data,
        }
        events.append(parse_event(raw))
    return events
