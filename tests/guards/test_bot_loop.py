from __future__ import annotations

from mittelpunkt.core.events import Event
from mittelpunkt.guards.bot_loop import GUARD
from mittelpunkt.testing import at, event, findings_of

APP = "Bitte prüfen Sie Ihr WLAN mit der App."


def said(
    event_id: str, time: str, text: str, conversation: str | None = "CH-1", case: str = "K-3"
) -> Event:
    refs = {"conversation": conversation} if conversation else {}
    refs.update({"case": case} if case else {})
    if event_id.startswith("u"):
        return event(
            event_id, time, "contact.inbound", channel="chat", text=text, handled_by="bot", **refs
        )
    return event(event_id, time, "bot.replied", text=text, **refs)


def seed_003(*extra: Event, conversation: str | None = "CH-1", case: str = "K-3") -> list[Event]:
    """Seed 003: the help chat loops on the same advice while the phone queue waits."""
    lines = [
        ("u1", "2018-11-20T19:10:00", "Meine DSL-Leitung ist nicht synchron."),
        ("b1", "2018-11-20T19:10:05", APP),
        ("u2", "2018-11-20T19:11:00", "Habe ich gemacht, geht trotzdem nicht."),
        ("b2", "2018-11-20T19:11:05", "Starten Sie Ihren Router neu."),
        ("u3", "2018-11-20T19:12:00", "Auch gemacht. Die Leitung ist nicht synchron."),
        ("b3", "2018-11-20T19:12:05", "bitte prüfen sie ihr WLAN mit der App!"),
        ("b4", "2018-11-20T19:13:00", "Hier ist der Link zur App."),
        ("b5", "2018-11-20T19:13:05", "Waren diese Informationen hilfreich?"),
    ]
    opened = [event("k1", "2018-11-20T19:00", "case.opened", case=case)] if case else []
    return [*opened, *(said(i, t, text, conversation, case) for i, t, text in lines), *extra]


def test_fires_on_seed_003() -> None:
    [finding] = findings_of(GUARD, seed_003())
    assert finding.code == "bot_loop"
    assert finding.time == at("2018-11-20T19:12:05")
    assert finding.evidence == ("b3", "b1")
    assert finding.severity == "medium"
    assert finding.action.kind == "handover"
    assert finding.action.details["conversation"] == "CH-1"
    assert finding.action.details["transcript"] == ["u1", "b1", "u2", "b2", "u3", "b3"]
    assert finding.summary == (
        "The chatbot gave the same answer 2 times in conversation CH-1 without handing over."
    )


def test_summary_in_german() -> None:
    [finding] = findings_of(GUARD, seed_003(), config={"lang": "de"})
    assert finding.summary == (
        "Der Chatbot gab im Gespräch CH-1 2-mal dieselbe Antwort, ohne an einen Menschen zu "
        "übergeben."
    )


def test_fires_on_the_customers_own_journey_too() -> None:
    story = seed_003(case="")
    assert story[0].journey == "customer:C-1"
    assert [f.evidence for f in findings_of(GUARD, story)] == [("b3", "b1")]


def test_silent_on_the_good_twin() -> None:
    story = [
        e
        for e in seed_003(
            event("h1", "2018-11-20T19:11:30", "bot.handed_over", case="K-3", conversation="CH-1")
        )
        if e.id not in ("b4", "b5")
    ]
    assert findings_of(GUARD, story) == []


def test_just_below_and_at_the_default() -> None:
    assert findings_of(GUARD, seed_003()[:6]) == []
    assert len(findings_of(GUARD, seed_003()[:7])) == 1


def test_configured_repeats() -> None:
    config = {"guards": {"bot_loop": {"repeats": 3}}}
    assert findings_of(GUARD, seed_003(), config=config) == []
    again = said("b6", "2018-11-20T19:14", APP)
    [finding] = findings_of(GUARD, seed_003(again), config=config)
    assert finding.evidence == ("b6", "b1", "b3")


def test_a_new_loop_after_a_handover_is_a_new_finding() -> None:
    story = seed_003(
        event("h1", "2018-11-20T19:20", "bot.handed_over", case="K-3", conversation="CH-1"),
        said("b7", "2018-11-20T19:30", APP),
        said("b8", "2018-11-20T19:31", APP),
    )
    findings = findings_of(GUARD, story)
    assert [f.evidence[0] for f in findings] == ["b3", "b8"]
    assert [f.cause for f in findings] == ["CH-1:start", "CH-1:h1"]


def test_a_handover_naming_no_conversation_covers_all() -> None:
    story = seed_003(event("h1", "2018-11-20T19:11:30", "bot.handed_over", case="K-3"))
    assert findings_of(GUARD, story) == []


def test_conversations_are_judged_apart() -> None:
    story = [e for e in seed_003() if e.id != "b3"]
    story.append(said("b3", "2018-11-20T19:12:05", APP, conversation="CH-2"))
    assert findings_of(GUARD, story) == []


def test_silent_without_a_conversation() -> None:
    assert findings_of(GUARD, seed_003(conversation=None)) == []
