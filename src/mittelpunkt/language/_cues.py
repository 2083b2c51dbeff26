"""Reading the mood of each sentence: question, negation, condition, withdrawal, instruction.

A sentence is read on its own, because a cancellation can be asked about in one sentence and
instructed in the next. What a sentence shows is kept as flags (for the safety rule and the
model) and as named cues such as ``question:kann man`` or ``conditional:falls`` (for the
report that must say why a message counted as a question).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from mittelpunkt.language._instructions import HINT, INSTRUCTION
from mittelpunkt.language._patterns import (
    CANCEL,
    CAUSAL,
    CONDITIONAL,
    CONFIRM_OBJECT,
    DANGLING_CONDITION,
    DOUBT,
    INDIRECT,
    LATE_OPENER,
    NEAR_NEGATION,
    NEGATION,
    OPENER,
    POLITE,
    POLITE_WISH,
    REPORTED,
    WITHDRAW,
)

__all__ = ["Cues", "SentenceCues", "read_cues"]

_CLAUSE = re.compile(r"[,;:()]|\s-\s", re.ASCII)
_WISH_WORDS = ("wuerde", "haette", "would", "koennten")
_POSSIBILITY = re.compile(r"\b(?:moeglich\w*|possible|option|how)\b", re.ASCII)


@dataclass(frozen=True, slots=True)
class SentenceCues:
    """What one sentence shows.

    Attributes:
        cancel: it names a cancellation ("stornieren", "Kündigung", "cancel", ...).
        asks: it asks something (question mark, "ob", "kann man" first), other than a polite
            request in question form.
        question: any question form, polite requests ("Können Sie bitte ...?") included.
        polite: a request in question form.
        negated: a negation outside a causal clause ("da ... nicht" does not count).
        cancel_negated: a negation in a clause that names the cancellation.
        near_negation: a negation right next to the cancellation ("bitte nicht stornieren").
        conditional: a condition or hesitation ("falls", "würde", "if", "maybe").
        withdraws: it takes something back ("hat sich erübrigt", "please ignore").
        doubts: it doubts or half takes back ("or maybe not", "nur eine Frage", "Don't.").
        dangles: it only sets a condition, for its neighbour ("Falls möglich.").
        reported: it reports what was written before ("ich hatte geschrieben, dass ...").
        instructions: intents it instructs unambiguously (not a question, not conditional).
        names: the cues found, as ``kind:words``.
    """

    cancel: bool
    asks: bool
    question: bool
    polite: bool
    negated: bool
    cancel_negated: bool
    near_negation: bool
    conditional: bool
    withdraws: bool
    doubts: bool
    dangles: bool
    reported: bool
    instructions: frozenset[str]
    names: tuple[str, ...]

    @property
    def cancel_hazard(self) -> bool:
        """Whether a cancellation here is asked about, negated, conditional or withdrawn."""
        unsure = self.question or self.cancel_negated or self.conditional
        return self.withdraws or self.doubts or (self.cancel and unsure)

    @property
    def cancel_stands(self) -> bool:
        """Whether a cancellation here is still wanted (possibly conditionally)."""
        dropped = (self.asks and not self.polite) or self.near_negation or self.withdraws
        return self.cancel and not dropped


@dataclass(frozen=True, slots=True)
class Cues:
    """What the sentences of one message show, together."""

    sentences: tuple[SentenceCues, ...]

    @property
    def names(self) -> tuple[str, ...]:
        """Every cue found, once, in order of appearance."""
        return tuple(dict.fromkeys(name for s in self.sentences for name in s.names))

    @property
    def cancel_hazard(self) -> bool:
        """Whether any cancellation is asked about, negated, conditional, or anything withdrawn.

        A sentence that only sets a condition ("Falls möglich.") conditions a cancellation
        anywhere in the message.
        """
        hazard = any(s.cancel_hazard for s in self.sentences)
        dangling = any(s.dangles for s in self.sentences)
        return hazard or (dangling and any(s.cancel for s in self.sentences))

    @property
    def mentions_cancel(self) -> bool:
        """Whether some sentence names a cancellation."""
        return any(s.cancel for s in self.sentences)

    @property
    def withdraws(self) -> bool:
        """Whether some sentence takes something back."""
        return any(s.withdraws for s in self.sentences)

    @property
    def instructions(self) -> frozenset[str]:
        """The intents some sentence instructs unambiguously."""
        return frozenset().union(*(s.instructions for s in self.sentences))

    def flags(self) -> frozenset[str]:
        """The cues as features for the model (``cue:cancel_asks``, ``cue:withdraw``, ...)."""
        found = {f"cue:instr:{intent}" for intent in self.instructions}
        for s in self.sentences:
            found.update(_sentence_flags(s))
        return frozenset(found)


def _sentence_flags(s: SentenceCues) -> set[str]:
    base = {
        name
        for name, on in (
            ("question", s.question),
            ("asks", s.asks),
            ("polite", s.polite),
            ("withdraw", s.withdraws),
            ("doubt", s.doubts),
            ("conditional", s.conditional),
            ("negation", s.negated),
            ("reported", s.reported),
        )
        if on
    }
    flags = {f"cue:{name}" for name in base}
    if s.cancel:
        flags.add("cue:cancel")
        flags.update(f"cue:cancel_{name}" for name in base)
        if s.near_negation:
            flags.add("cue:cancel_near_negation")
        if not s.cancel_hazard:
            flags.add("cue:cancel_plain")
    return flags


def read_cues(folded_sentences: list[str]) -> Cues:
    """Read the cues of a message's folded sentences.

    Args:
        folded_sentences: the message's sentences, each passed through ``fold``.

    Returns:
        The cues, sentence by sentence.

    >>> cues = read_cues(["kann man das stornieren?", "hat sich eruebrigt."])
    >>> cues.names
    ('cancel:stornieren', 'question:?', 'withdraw:eruebrigt')
    >>> cues.cancel_hazard, sorted(cues.instructions)
    (True, [])
    >>> sorted(read_cues(["hiermit kuendige ich meinen vertrag."]).instructions)
    ['cancel_request']
    """
    return Cues(tuple(_read_sentence(text) for text in folded_sentences))


def _read_sentence(text: str) -> SentenceCues:
    names: list[str] = []
    cancel = _found(CANCEL, text, "cancel", names)
    asks, polite, question = _question(text, names)
    conditional = _found(CONDITIONAL, _without_wishes(text), "conditional", names)
    negated, cancel_negated = _negation(text, names, cancel=cancel)
    withdraws = _found(WITHDRAW, text, "withdraw", names)
    doubts = _found(DOUBT, text, "doubt", names)
    dangles = conditional and _found(DANGLING_CONDITION, text, "conditional", names)
    reported = (cancel or not (question or conditional)) and _found(
        REPORTED, text, "reported", names
    )
    near_negation = cancel and bool(NEAR_NEGATION.search(text))
    unsure = question or conditional or reported
    instructions = frozenset() if unsure else _instructions(text, names, negated, cancel_negated)
    return SentenceCues(
        cancel=cancel,
        asks=asks and not polite,
        question=question,
        polite=polite,
        negated=negated,
        cancel_negated=cancel_negated,
        near_negation=near_negation,
        conditional=conditional,
        withdraws=withdraws,
        doubts=doubts,
        dangles=dangles,
        reported=reported,
        instructions=instructions,
        names=tuple(names),
    )


def _question(text: str, names: list[str]) -> tuple[bool, bool, bool]:
    """Whether the sentence asks, is a polite request, and is any kind of question."""
    asks = _asks(text, names)
    polite = _found(POLITE, text, "polite", names) and not _POSSIBILITY.search(text)
    return asks, polite, asks or polite or _found(LATE_OPENER, text, "question", names)


def _asks(text: str, names: list[str]) -> bool:
    if "?" in text:
        return _note("question:?", names)
    return _found(OPENER, text, "question", names) or _found(INDIRECT, text, "indirect", names)


def _without_wishes(text: str) -> str:
    if any(word in text for word in _WISH_WORDS):
        return POLITE_WISH.sub(" ", text)
    return text


def _found(pattern: re.Pattern[str], text: str, kind: str, names: list[str]) -> bool:
    match = pattern.search(text)
    if match is None:
        return False
    return _note(f"{kind}:{match.group().strip(' ,;:(')}", names)


def _note(name: str, names: list[str]) -> bool:
    names.append(name)
    return True


def _negation(text: str, names: list[str], *, cancel: bool) -> tuple[bool, bool]:
    if not cancel:
        return _found(NEGATION, text, "negation", names), False
    negated = cancel_negated = False
    for clause in _CLAUSE.split(text):
        in_clause = bool(CANCEL.search(clause))
        if CAUSAL.match(clause.strip()) and not in_clause:
            continue
        if _found(NEGATION, clause, "negation", names):
            negated = True
            cancel_negated |= in_clause
    return negated, cancel_negated


def _instructions(
    text: str, names: list[str], negated: bool, cancel_negated: bool
) -> frozenset[str]:
    found = set()
    if not cancel_negated and _instructs("cancel_request", _without_confirm(text), names):
        found.add("cancel_request")
    if not negated and _instructs("reactivation_request", text, names):
        found.add("reactivation_request")
    if _instructs("unsubscribe", text, names):
        found.add("unsubscribe")
    return frozenset(found)


def _without_confirm(text: str) -> str:
    if "bestaetig" in text or "confirm" in text:
        return CONFIRM_OBJECT.sub(" ", text)
    return text


def _instructs(intent: str, text: str, names: list[str]) -> bool:
    return bool(HINT[intent].search(text)) and _found(
        INSTRUCTION[intent], text, "instruction", names
    )
