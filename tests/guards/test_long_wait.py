from __future__ import annotations

from typing import Any

from mittelpunkt.core.events import Event
from mittelpunkt.guards.long_wait import GUARD
from mittelpunkt.testing import at, event, findings_of

AS_OF = "2018-11-21T12:00"


def call(wait: Any = 1500, **data: Any) -> Event:
    fields = {"channel": "phone", "conversation": "CALL-1", "handled_by": "human", **data}
    if wait is not None:
        fields["wait_seconds"] = wait
    return event(
        "v2",
        "2018-11-20T19:30",
        "contact.inbound",
        case="K-3",
        identified_with=["birthdate"],
        **fields,
    )


def seed_003(*extra: Event, wait: Any = 1500, **data: Any) -> list[Event]:
    """Seed 003: a dead DSL line, "about 90 minutes" announced, 25 minutes in the queue."""
    return [
        event("k1", "2018-11-20T19:00", "case.opened", case="K-3", topic="dsl"),
        call(wait, **data),
        event(
            "m1",
            "2018-11-21T10:00",
            "message.sent",
            case="K-3",
            channel="sms",
            purpose="survey",
            text="Ist Ihr Problem gelöst?",
        ),
        *extra,
    ]


def callback(time: str, **refs: str) -> Event:
    return event("b1", time, "callback.promised", case="K-3", by="2018-11-20T21:00", **refs)


def test_fires_on_seed_003() -> None:
    [finding] = findings_of(GUARD, seed_003(), as_of=AS_OF)
    assert finding.code == "long_wait"
    assert finding.time == at("2018-11-20T19:35")
    assert finding.evidence == ("v2",)
    assert finding.severity == "medium"
    assert finding.action.kind == "callback"
    assert finding.action.details == {"contact": "v2", "offer_after_seconds": 900}
    assert finding.details["wait_seconds"] == 1500


def test_summary_in_german() -> None:
    [finding] = findings_of(GUARD, seed_003(), as_of=AS_OF, config={"lang": "de"})
    assert finding.summary == (
        "Der Kunde wartete am 20.11.2018 25 Minuten in der Telefon-Warteschlange, ohne dass "
        "ein Rückruf angeboten wurde."
    )


def test_the_announced_90_minutes_are_high() -> None:
    [finding] = findings_of(GUARD, seed_003(wait=5400), as_of=AS_OF)
    assert finding.severity == "high"


def test_silent_on_the_good_twins() -> None:
    offered = seed_003(callback("2018-11-20T19:06", conversation="CALL-1"))
    short = seed_003(wait=120)
    assert findings_of(GUARD, offered, as_of=AS_OF) == []
    assert findings_of(GUARD, short, as_of=AS_OF) == []


def test_just_inside_and_just_outside_the_limit() -> None:
    assert findings_of(GUARD, seed_003(wait=900), as_of=AS_OF) == []
    assert len(findings_of(GUARD, seed_003(wait=901), as_of=AS_OF)) == 1


def test_configured_limit() -> None:
    config = {"guards": {"long_wait": {"limit": "30m"}}}
    assert findings_of(GUARD, seed_003(), as_of=AS_OF, config=config) == []
    [finding] = findings_of(GUARD, seed_003(wait=1801), as_of=AS_OF, config=config)
    assert finding.action.details["offer_after_seconds"] == 1800


def test_a_callback_outside_the_conversation_counts_while_the_customer_waits() -> None:
    during = seed_003(callback("2018-11-20T19:06"))
    in_tolerance = seed_003(callback("2018-11-20T19:35"))
    too_late = seed_003(callback("2018-11-20T19:36"))
    days_before = seed_003(callback("2018-11-18T10:00"))
    assert findings_of(GUARD, during, as_of=AS_OF) == []
    assert findings_of(GUARD, in_tolerance, as_of=AS_OF) == []
    assert len(findings_of(GUARD, too_late, as_of=AS_OF)) == 1
    assert len(findings_of(GUARD, days_before, as_of=AS_OF)) == 1


def test_not_before_the_tolerance_has_passed() -> None:
    assert findings_of(GUARD, seed_003(), as_of="2018-11-20T19:34") == []
    config = {"guards": {"long_wait": {"tolerance": "0m"}}}
    [finding] = findings_of(GUARD, seed_003(), as_of="2018-11-20T19:30", config=config)
    assert finding.time == at("2018-11-20T19:30")


def test_a_chat_queue_counts_an_email_does_not() -> None:
    assert len(findings_of(GUARD, seed_003(channel="chat"), as_of=AS_OF)) == 1
    assert findings_of(GUARD, seed_003(channel="email"), as_of=AS_OF) == []


def test_silent_when_the_wait_is_unknown() -> None:
    assert findings_of(GUARD, seed_003(wait=None), as_of=AS_OF) == []
    assert findings_of(GUARD, seed_003(wait="lange"), as_of=AS_OF) == []
    assert findings_of(GUARD, seed_003(wait=True), as_of=AS_OF) == []
