from __future__ import annotations

from typing import Any

from mittelpunkt.core.events import Event
from mittelpunkt.guards.unconsented_marketing import GUARD
from mittelpunkt.testing import at, event, findings_of

CATALOG = {"sku": "CAT-2026", "name": "Hauptkatalog", "kind": "marketing"}
MAT = {"sku": "MAT-120", "name": "Bodenmatte"}


def ev(event_id: str, time: str, event_type: str, **data: Any) -> Event:
    return event(event_id, time, event_type, order="O-1", **data)


def newsletter(event_id: str, time: str, **data: Any) -> Event:
    return event(event_id, time, "message.sent", channel="email", purpose="marketing", **data)


def catalog_story() -> list[Event]:
    """Seed 000: every first-time buyer gets the catalog, sent on its own."""
    return [
        ev("e1", "2026-09-07T09:00", "order.placed", items=[MAT], channel="web", first_order=True),
        ev("e2", "2026-09-07T15:00", "shipment.created", shipment="S-1", items=[CATALOG]),
        ev("e3", "2026-09-08T11:00", "shipment.delivered", shipment="S-1"),
        ev("e4", "2026-09-09T10:00", "shipment.created", shipment="S-2", items=[MAT]),
    ]


def test_fires_on_the_catalog_nobody_ordered() -> None:
    [finding] = findings_of(GUARD, catalog_story())
    assert finding.code == "unconsented_marketing"
    assert (finding.time, finding.cause) == (at("2026-09-07T15:00"), "e2")
    assert (finding.evidence, finding.severity) == (("e2",), "medium")
    action = finding.action.to_json()
    assert (action["kind"], action["event"], action["consent_purpose"]) == (
        "suppress",
        "e2",
        "catalog",
    )
    assert action["record_choice"] is True
    assert "catalog" in finding.summary


def test_fires_on_the_unasked_newsletter() -> None:
    [finding] = findings_of(GUARD, [newsletter("n1", "2026-09-10T07:00")])
    assert (finding.journey, finding.cause) == ("customer:C-1", "n1")
    assert finding.action.details["consent_purpose"] == "newsletter"


def test_summary_in_german() -> None:
    [finding] = findings_of(GUARD, catalog_story(), config={"lang": "de"})
    assert finding.summary.startswith("Werbung (catalog)")


def test_silent_on_the_good_twin() -> None:
    story = [
        event("c1", "2026-09-07T09:00", "consent.granted", purpose="catalog"),
        *catalog_story(),
        event("c2", "2026-09-07T09:00", "consent.granted", purpose="newsletter"),
    ]
    assert findings_of(GUARD, story) == []
    assert findings_of(GUARD, [story[-1], newsletter("n1", "2026-09-10T07:00")]) == []


def test_the_catalog_packed_with_the_order_is_not_a_marketing_send() -> None:
    story = catalog_story()
    story[1] = ev(
        "e2", "2026-09-07T15:00", "shipment.created", shipment="S-1", items=[CATALOG, MAT]
    )
    assert findings_of(GUARD, story) == []


def test_revocation_wins_from_its_moment_on() -> None:
    granted = event("c1", "2026-09-01T09:00", "consent.granted", purpose="newsletter")
    revoked = event("c2", "2026-09-10T07:00", "consent.revoked", purpose="newsletter")
    assert findings_of(GUARD, [newsletter("n1", "2026-09-10T06:59"), granted, revoked]) == []
    [finding] = findings_of(GUARD, [newsletter("n1", "2026-09-10T07:00"), granted, revoked])
    assert (finding.severity, finding.evidence) == ("high", ("n1", "c2"))
    assert "withdrawn" in finding.summary


def test_a_grant_after_the_send_does_not_cover_it() -> None:
    later = event("c1", "2026-09-10T07:01", "consent.granted", purpose="newsletter")
    assert len(findings_of(GUARD, [newsletter("n1", "2026-09-10T07:00"), later])) == 1


def test_consent_policy_opt_out_is_configurable() -> None:
    config = {"consent": {"catalog": "opt-out"}}
    assert findings_of(GUARD, catalog_story(), config=config) == []
    revoked = event("c1", "2026-09-01T09:00", "consent.revoked", purpose="catalog")
    [finding] = findings_of(GUARD, [*catalog_story(), revoked], config=config)
    assert finding.severity == "high"


def test_the_message_may_name_its_consent_purpose() -> None:
    sms = event("s1", "2026-09-10T07:00", "message.sent", channel="sms", purpose="marketing")
    assert findings_of(GUARD, [sms])[0].action.details["consent_purpose"] == "sms"
    named = newsletter("n1", "2026-09-10T07:00", consent="catalog")
    granted = event("c1", "2026-09-01T09:00", "consent.granted", purpose="catalog")
    assert findings_of(GUARD, [named, granted]) == []


def test_silent_when_the_purpose_cannot_be_told() -> None:
    push = event("p1", "2026-09-10T07:00", "message.sent", channel="app", purpose="marketing")
    assert findings_of(GUARD, [push]) == []
    status = event("m1", "2026-09-10T07:00", "message.sent", channel="email", purpose="status")
    assert findings_of(GUARD, [status]) == []
    empty = ev("e1", "2026-09-10T07:00", "shipment.created", shipment="S-1", items=[])
    assert findings_of(GUARD, [empty]) == []


def test_order_of_arrival_does_not_matter() -> None:
    story = catalog_story()
    assert findings_of(GUARD, story) == findings_of(GUARD, story[::-1])
