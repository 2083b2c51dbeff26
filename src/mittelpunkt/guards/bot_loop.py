"""``bot_loop``: a chatbot gave the same answer again and again without handing over.

Seed 003: the support chat "answers quickly and automatically, but in loops, without any gain
in information", then asks whether the information was helpful. Within one conversation
(``refs.conversation``) the bot's answers (``bot.replied``) are compared as normalised text
(case, punctuation and spacing ignored); when one answer has been given ``repeats`` times since
the conversation started or was last handed over (``bot.handed_over``; one that names no
conversation hands over all of the journey's), a person should take over, with the conversation
so far. ``repeats`` below 2 is read as 2: one answer alone is no loop. Once per conversation
and handover. Replies without a conversation or a text are not judged.

>>> from mittelpunkt.testing import event, findings_of
>>> story = [event(f"b{n}", f"2018-11-20T19:1{n}", "bot.replied", case="K-3",
...                conversation="CH-1", text="Bitte starten Sie Ihren Router neu.")
...          for n in (1, 2)]
>>> [f.summary for f in findings_of(GUARD, story)]
['The chatbot gave the same answer 2 times in conversation CH-1 without handing over.']
>>> findings_of(GUARD, story[:1])
[]
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field

from mittelpunkt.core.events import Event
from mittelpunkt.core.findings import Finding
from mittelpunkt.core.guard import Guard, Settings
from mittelpunkt.core.journey import Journey

__all__ = ["GUARD", "check", "normalised"]

SUMMARY = {
    "en": "The chatbot gave the same answer {count} times in conversation {conversation} "
    "without handing over.",
    "de": "Der Chatbot gab im Gespräch {conversation} {count}-mal dieselbe Antwort, ohne an "
    "einen Menschen zu übergeben.",
}
_NOT_WORDS = re.compile(r"[\W_]+")


@dataclass
class _Stretch:
    """One conversation since it began or was last handed over."""

    since: str
    replies: dict[str, list[Event]] = field(default_factory=dict)
    looped: bool = False

    def loop_after(self, reply: Event, text: str, repeats: int) -> list[Event] | None:
        """Take note of a reply; the replies of the loop it completes, else None."""
        same = self.replies.setdefault(text, [])
        same.append(reply)
        if len(same) < repeats or self.looped:
            return None
        self.looped = True
        return same


def normalised(text: str) -> str:
    """A bot answer as compared: lower case, words only, single spaces.

    >>> normalised("  Bitte starten Sie Ihren Router neu! ")
    'bitte starten sie ihren router neu'
    """
    return " ".join(_NOT_WORDS.sub(" ", text.casefold()).split())


def check(journey: Journey, settings: Settings) -> Iterator[Finding]:
    """A finding per conversation stretch in which one answer came ``repeats`` times.

    >>> from mittelpunkt.testing import event, findings_of
    >>> story = [
    ...     event("b1", "2018-11-20T19:11", "bot.replied", conversation="CH-1", text="Hallo!"),
    ...     event("h1", "2018-11-20T19:12", "bot.handed_over", conversation="CH-1"),
    ...     event("b2", "2018-11-20T19:13", "bot.replied", conversation="CH-1", text="hallo"),
    ... ]
    >>> findings_of(GUARD, story)
    []
    """
    repeats = max(settings.number("repeats"), 2)
    stretches: dict[str, _Stretch] = {}
    for event in journey.events:
        if event.type == "bot.handed_over":
            _hand_over(stretches, event)
            continue
        conversation = event.refs.get("conversation")
        if event.type != "bot.replied" or conversation is None or not _said(event):
            continue
        stretch = stretches.setdefault(conversation, _Stretch("start"))
        loop = stretch.loop_after(event, _said(event), repeats)
        if loop:
            yield _finding(journey, settings, conversation, stretch.since, loop)


def _said(reply: Event) -> str:
    text = reply.data.get("text")
    return normalised(text) if isinstance(text, str) else ""


def _hand_over(stretches: dict[str, _Stretch], handover: Event) -> None:
    """A person takes the conversation over (every one of the journey's, if none is named)."""
    named = handover.refs.get("conversation")
    for conversation in [named] if named else list(stretches):
        stretches[conversation] = _Stretch(handover.id)


def _finding(
    journey: Journey, settings: Settings, conversation: str, since: str, same: list[Event]
) -> Finding:
    last = same[-1]
    transcript = [
        e.id
        for e in journey.events
        if e.refs.get("conversation") == conversation and e.order_key <= last.order_key
    ]
    return settings.finding(
        journey,
        time=last.time,
        cause=f"{conversation}:{since}",
        severity="medium",
        evidence=[last.id, *(e.id for e in same[:-1])],
        summary=settings.say(SUMMARY, count=len(same), conversation=conversation),
        action=settings.action(
            "handover", template="bot_handover", conversation=conversation, transcript=transcript
        ),
        answer=str(last.data["text"]),
    )


GUARD = Guard("bot_loop", check, {"repeats": 2}, seeds=("003",), needs=frozenset({"bot.replied"}))
