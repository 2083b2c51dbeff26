"""The seam between the core and whatever reads customers' words.

The core never classifies text itself. A guard that depends on what a customer meant asks
an :class:`IntentClassifier` (any callable from text to an :class:`IntentReading`). The
default, :func:`no_intent`, knows nothing, so guards that rest on free text stay silent
until a real classifier (``mittelpunkt.language``) is plugged in.

>>> no_intent("Kann man das stornieren?") is None
True
>>> IntentReading(frozenset({"cancel_question"}), explicit=False).intents
frozenset({'cancel_question'})
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

__all__ = ["INTENTS", "IntentClassifier", "IntentReading", "no_intent"]

INTENTS = frozenset(
    {
        "status_inquiry",
        "cancel_request",
        "cancel_question",
        "withdraw",
        "reactivation_request",
        "confirmation_request",
        "complaint",
        "info_provided",
        "unsubscribe",
        "other",
    }
)


@dataclass(frozen=True, slots=True)
class IntentReading:
    """What a customer's message means, and why we think so.

    Attributes:
        intents: the intents of ``event-model.md`` the message carries (possibly several).
        explicit: true only for an unambiguous instruction ("Hiermit storniere ich ...").
        cues: the words or features that decided it, so a report can say why.
        confidence: between 0 and 1.
        lang: ``"de"`` or ``"en"``, when known.
        asks: whether the customer's own words ask something (a question, "ob", a polite
            request in question form), quoted earlier mails left out; None when unknown
            (intents given by the source, not read from the text).
    """

    intents: frozenset[str]
    explicit: bool = False
    cues: tuple[str, ...] = ()
    confidence: float = 1.0
    lang: str | None = None
    asks: bool | None = None


IntentClassifier = Callable[[str], IntentReading | None]


def no_intent(text: str) -> IntentReading | None:  # noqa: ARG001 - the port's signature
    """Classify nothing: the default classifier, for a core that must not guess.

    >>> no_intent("where is my parcel?") is None
    True
    """
    return None
