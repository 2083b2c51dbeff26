"""The rule that keeps a question from ever becoming a cancellation.

The model proposes intents; this layer may only take ``cancel_request`` away and lower
``explicit``, never the reverse. Two rules:

* **Only a standing cancellation is a request.** When every sentence that names a
  cancellation asks about it ("Kann man das stornieren?"), negates it ("bitte nicht
  stornieren"), withdraws it ("die Stornierung hat sich erübrigt"), or reports it in a
  message that withdraws something ("ich hatte geschrieben, dass ich stornieren will ... hat
  sich erübrigt"), ``cancel_request`` is removed; if one of them asked, the message is a
  ``cancel_question`` instead. A polite request in question form ("Können Sie bitte
  stornieren?") and a conditional one ("falls ..., bitte stornieren") still stand, but are
  never explicit.
* **Explicit means unambiguous.** ``explicit`` is true only when every instruction intent of
  the message (cancel, reactivate, unsubscribe) has an instruction sentence that is not a
  question, not conditional, not a report of an earlier mail (for cancelling and
  reactivating, not negated either), and nothing in the message asks about, negates,
  conditions or withdraws a cancellation (a negation anywhere in a sentence that names one
  counts), and the message is neither a ``cancel_question`` nor a ``withdraw``.

So ``cancel_request`` with ``explicit`` true needs a sentence such as "Hiermit storniere ich
..." and the absence of every doubt, whatever the model thought.
"""

from __future__ import annotations

from mittelpunkt.language._cues import Cues
from mittelpunkt.language.labelled import INSTRUCTION_INTENTS

__all__ = ["explicit", "settle_cancellation"]

_DOUBT = frozenset({"cancel_question", "withdraw"})


def settle_cancellation(intents: frozenset[str], cues: Cues) -> tuple[frozenset[str], str | None]:
    """Remove ``cancel_request`` when no sentence still wants the cancellation.

    Args:
        intents: the intents the model proposes.
        cues: the cues of the message.

    Returns:
        The intents, and a note naming the rule when it changed them.

    >>> from mittelpunkt.language._cues import read_cues
    >>> settle_cancellation(frozenset({"cancel_request"}), read_cues(["kann man das stornieren?"]))
    (frozenset({'cancel_question'}), 'rule:asked-not-instructed')
    >>> settle_cancellation(frozenset({"cancel_request"}), read_cues(["bitte nicht stornieren!"]))
    (frozenset({'other'}), 'rule:negated-cancellation')
    """
    cancels = [s for s in cues.sentences if s.cancel]
    standing = [s for s in cancels if s.cancel_stands and not (s.reported and cues.withdraws)]
    if "cancel_request" not in intents or not cancels or standing:
        return intents, None
    kept = intents - {"cancel_request"}
    if any(s.asks for s in cancels):
        return kept | {"cancel_question"}, "rule:asked-not-instructed"
    note = "rule:withdrawn-cancellation" if cues.withdraws else "rule:negated-cancellation"
    return kept or frozenset({"other"}), note


def explicit(intents: frozenset[str], cues: Cues) -> bool:
    """Whether the message is an unambiguous instruction (see the module's rules).

    >>> from mittelpunkt.language._cues import read_cues
    >>> explicit(frozenset({"cancel_request"}), read_cues(["hiermit storniere ich nr 4711."]))
    True
    >>> explicit(frozenset({"cancel_request"}),
    ...          read_cues(["falls es noch laenger dauert, wuerde ich stornieren."]))
    False
    """
    wanted = intents & INSTRUCTION_INTENTS
    if not wanted or intents & _DOUBT or cues.cancel_hazard or _refuses_a_cancellation(cues):
        return False
    return wanted <= cues.instructions


def _refuses_a_cancellation(cues: Cues) -> bool:
    """Whether some sentence names a cancellation next to a negation, however far apart.

    The cues link a negation to a cancellation only when they stand close; a message that
    says "Ich möchte NICHT, dass der Vertrag gekündigt wird" anywhere is never explicit.

    >>> from mittelpunkt.language._cues import read_cues
    >>> _refuses_a_cancellation(read_cues(["ich moechte ausdruecklich nicht, dass der "
    ...                                    "vertrag gekuendigt wird."]))
    True
    """
    return any(sentence.cancel and sentence.negated for sentence in cues.sentences)
