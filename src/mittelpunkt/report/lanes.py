"""A journey as two lanes: what the company knew, and what the customer was told or said.

>>> from mittelpunkt.testing import event, journey_of
>>> story = [event("e1", "2026-03-02T09:00", "order.confirmed", order="O-1",
...                promised_delivery="2026-03-06"),
...          event("e2", "2026-03-09T10:00", "contact.inbound", order="O-1",
...                channel="phone", text="Where is my parcel?")]
>>> lanes = journey_lanes(journey_of(story), ())
>>> [(e.id, e.lane, e.said) for e in lanes.events]
[('e1', 'company', False), ('e2', 'customer', True)]
>>> lanes.events[1].detail
'phone · Where is my parcel?'
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from mittelpunkt.core.events import Event
from mittelpunkt.core.findings import Finding
from mittelpunkt.core.journey import Journey
from mittelpunkt.report.model import JourneyLanes, LaneEvent, LaneFinding

__all__ = ["SAID", "TOLD", "detail", "journey_lanes", "lane_of"]

#: What the customer was told.
TOLD = frozenset({"message.sent"})
#: What the customer said.
SAID = frozenset({"contact.inbound", "feedback.received"})

_DETAIL_FIELDS = (
    "activity",
    "channel",
    "purpose",
    "promised_delivery",
    "new_eta",
    "new_due",
    "at",
    "kind",
    "due",
    "on",
    "need",
    "by",
    "reason",
    "topic",
)
_MAX_TEXT = 240


def lane_of(event_type: str) -> str:
    """The lane an event type belongs to.

    >>> lane_of("message.sent"), lane_of("feedback.received"), lane_of("bot.replied")
    ('customer', 'customer', 'company')
    """
    return "customer" if event_type in TOLD or event_type in SAID else "company"


def journey_lanes(journey: Journey, findings: Iterable[Finding]) -> JourneyLanes:
    """The lanes of one journey, its events marked with the findings they prove."""
    found = sorted(findings, key=lambda f: (f.time, f.code))
    proves: dict[str, list[str]] = {}
    for finding in found:
        for event_id in finding.evidence:
            codes = proves.setdefault(event_id, [])
            if finding.code not in codes:
                codes.append(finding.code)
    events = tuple(
        LaneEvent(
            id=e.id,
            time=e.time.isoformat(),
            lane=lane_of(e.type),
            type=e.type,
            said=e.type in SAID,
            detail=detail(e),
            codes=tuple(proves.get(e.id, ())),
        )
        for e in journey.events
    )
    return JourneyLanes(
        key=journey.key,
        customer=journey.customer,
        is_open=journey.is_open,
        events=events,
        findings=tuple(
            LaneFinding(f.code, f.time.isoformat(), f.severity, f.summary, f.evidence)
            for f in found
        ),
    )


def detail(event: Event) -> str:
    """What a reader needs to understand an event: its key fields and text, in one line.

    >>> from mittelpunkt.testing import event
    >>> detail(event("e1", "2026-03-02T09:00", "shipment.created", order="O-1",
    ...              items=[{"sku": "CAT", "kind": "marketing"}, {"sku": "MAT"}]))
    'CAT (marketing), MAT'
    """
    data: Mapping[str, Any] = event.data
    parts = [str(data[k]) for k in _DETAIL_FIELDS if isinstance(data.get(k), str | int)]
    if isinstance(data.get("items"), list):
        parts.append(", ".join(_item(i) for i in data["items"]))
    if data.get("claims"):
        parts.append(", ".join(sorted(data["claims"])))
    if data.get("solved") is not None:
        parts.append(f"solved: {'yes' if data['solved'] else 'no'}")
    if data.get("wait_seconds"):
        parts.append(f"{round(float(data['wait_seconds']) / 60)} min")
    text = data.get("text")
    if isinstance(text, str) and text:
        parts.append(text if len(text) <= _MAX_TEXT else text[: _MAX_TEXT - 1] + "…")
    return " · ".join(parts)


def _item(item: Mapping[str, Any]) -> str:
    name = str(item.get("name") or item.get("sku"))
    return f"{name} ({item['kind']})" if item.get("kind") else name
