"""Reading the mood of each sentence: question, negation, condition, withdrawal, instruction.

A sentence is read on its own, because a cancellation can be asked about in one sentence and
instructed in the next. What a sentence shows is kept as flags (for the safety rule and the
model) and as named cues such as ``question:kann man`` or ``conditional:falls`` (for the
report that must say why a message counted as a question).

Most patterns find nothing in most sentences; one scan of a sentence (:mod:`._screen`) tells
which of them can match at all, and only those are searched.
"""

from __future__ import annotations

import re
from functools import cache
from typing import Final

from mittelpunkt.language._instructions import HINT, INSTRUCTION
from mittelpunkt.language._patterns import (
    CANCEL,
    CAUSAL,
    CONDITION_OPENS,
    CONDITIONAL,
    CONFIRM_OBJECT,
    DANGLING_CONDITION,
    DOUBT,
    DOUBT_ALONE,
    INDIRECT,
    LATE_OPENER,
    LATE_OPENER_JOINED,
    LEAVING,
    MARKETING,
    NEAR_NEGATION,
    NEGATED_UNSUBSCRIBE,
    NEGATION,
    OPENER,
    POLITE,
    POLITE_WISH,
    REMINDER_CANCELLED,
    REMINDER_WORDS,
    REPORTED,
    SIGN_OFF_A_COURSE,
    TIGHT_NEGATION,
    WITHDRAW,
)
from mittelpunkt.language._screen import EVERYTHING, Scan, Screen

__all__ = ["Cues", "SentenceCues", "read_cues", "screen"]

# The first look for an instruction to cancel is the search every sentence has had already.
_CANCEL_LOOKS_FIRST = HINT["cancel_request"] is CANCEL
_CLAUSE = re.compile(r"[,;:()]|\s-\s", re.ASCII)
_WISH_WORDS = ("wuerde", "haette", "would", "koennten")
_POSSIBILITY = re.compile(r"\b(?:moeglich\w*|possible|option|how)\b", re.ASCII)


_FLAG_NAMES = (
    "cancel",
    "asks",
    "question",
    "polite",
    "negated",
    "cancel_negated",
    "near_negation",
    "conditional",
    "withdraws",
    "doubts",
    "dangles",
    "reported",
)


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

    A plain class with final attributes rather than a frozen dataclass: compiled, it is built
    natively, where a frozen dataclass is built by interpreted code (a few µs a sentence).
    """

    def __init__(
        self,
        *,
        cancel: bool,
        asks: bool,
        question: bool,
        polite: bool,
        negated: bool,
        cancel_negated: bool,
        near_negation: bool,
        conditional: bool,
        withdraws: bool,
        doubts: bool,
        dangles: bool,
        reported: bool,
        instructions: frozenset[str],
        names: tuple[str, ...],
    ) -> None:
        self.cancel: Final = cancel
        self.asks: Final = asks
        self.question: Final = question
        self.polite: Final = polite
        self.negated: Final = negated
        self.cancel_negated: Final = cancel_negated
        self.near_negation: Final = near_negation
        self.conditional: Final = conditional
        self.withdraws: Final = withdraws
        self.doubts: Final = doubts
        self.dangles: Final = dangles
        self.reported: Final = reported
        self.instructions: Final = instructions
        self.names: Final = names

    def __eq__(self, other: object) -> bool:
        """Two readings are equal when they show the same (as a dataclass would compare).

        >>> texts = ["bitte nicht stornieren"]
        >>> read_cues(texts).sentences == read_cues(texts).sentences
        True
        """
        if not isinstance(other, SentenceCues):
            return NotImplemented
        return self._shown() == other._shown()

    def __hash__(self) -> int:
        """A hash that agrees with equality."""
        return hash(self._shown())

    def __repr__(self) -> str:
        """The cues found and the flags set, for a test's report."""
        shown = [name for name, on in zip(_FLAG_NAMES, self._shown(), strict=False) if on is True]
        return f"SentenceCues({', '.join(shown)}; {self.names!r}; {sorted(self.instructions)!r})"

    def _shown(self) -> tuple[object, ...]:
        return (
            self.cancel,
            self.asks,
            self.question,
            self.polite,
            self.negated,
            self.cancel_negated,
            self.near_negation,
            self.conditional,
            self.withdraws,
            self.doubts,
            self.dangles,
            self.reported,
            self.instructions,
            self.names,
        )

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


class Cues:
    """What the sentences of one message show, together."""

    def __init__(self, sentences: tuple[SentenceCues, ...]) -> None:
        self.sentences: Final = sentences

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
        """The cues as features for the model (``cue:cancel_asks``, ``cue:withdraw``, ...).

        >>> sorted(read_cues(["kann man das stornieren?"]).flags())[:3]
        ['cue:asks', 'cue:cancel', 'cue:cancel_asks']
        """
        shown = 0
        for s in self.sentences:
            shown |= _sentence_flags(s)
        found = _flags_named(shown)
        instructions = self.instructions
        if instructions:
            found = found | {f"cue:instr:{intent}" for intent in instructions}
        return found


_MOODS = ("question", "asks", "polite", "withdraw", "doubt", "conditional", "negation", "reported")
# Each flag a sentence can show, by its bit (:func:`_sentence_flags`).
_FLAGS = (
    *(f"cue:{mood}" for mood in _MOODS),
    *(f"cue:cancel_{mood}" for mood in _MOODS),
    "cue:cancel",
    "cue:cancel_near_negation",
    "cue:cancel_plain",
)
_CANCEL = 1 << (2 * len(_MOODS))
_NEAR_NEGATION = _CANCEL << 1
_PLAIN = _CANCEL << 2
_NAMED: dict[int, frozenset[str]] = {}  # flags shown -> their names, as they come
_NAMED_KEPT = 1 << 12  # far more than the combinations seen in the corpus


def _sentence_flags(s: SentenceCues) -> int:
    """The flags a sentence shows, one bit each (in the order of ``_FLAGS``)."""
    shown = (
        s.question,
        s.asks,
        s.polite,
        s.withdraws,
        s.doubts,
        s.conditional,
        s.negated,
        s.reported,
    )
    moods = 0
    for bit, on in enumerate(shown):
        if on:
            moods |= 1 << bit
    if not s.cancel:
        return moods
    flags = moods | moods << len(_MOODS) | _CANCEL
    if s.near_negation:
        flags |= _NEAR_NEGATION
    if not s.cancel_hazard:
        flags |= _PLAIN
    return flags


def _flags_named(shown: int) -> frozenset[str]:
    """The names of the flags shown (bits of :func:`_sentence_flags`), named once each."""
    named = _NAMED.get(shown)
    if named is None:
        named = frozenset(flag for bit, flag in enumerate(_FLAGS) if shown >> bit & 1)
        if len(_NAMED) >= _NAMED_KEPT:
            _NAMED.clear()
        _NAMED[shown] = named
    return named


@cache
def screen() -> Screen:
    """The patterns a sentence is searched with, screened (read on first use).

    Left out: the instructions' first looks, and the question openers, which are only tried
    at a sentence's start anyway.
    """
    return Screen(
        [
            CANCEL,
            CAUSAL,
            CONDITIONAL,
            CONFIRM_OBJECT,
            DANGLING_CONDITION,
            DOUBT,
            INDIRECT,
            LATE_OPENER,
            LATE_OPENER_JOINED,
            NEAR_NEGATION,
            NEGATION,
            POLITE,
            POLITE_WISH,
            REPORTED,
            WITHDRAW,
            _POSSIBILITY,
            *INSTRUCTION.values(),
        ]
    )


def read_cues(folded_sentences: list[str], scans: list[Scan] | None = None) -> Cues:
    """Read the cues of a message's folded sentences.

    Args:
        folded_sentences: the message's sentences, each passed through ``fold``.
        scans: their scans by :func:`screen`, if made already.

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
    if scans is None:
        scans = [screen().scan(text) for text in folded_sentences]
    return Cues(tuple(map(_read_sentence, folded_sentences, scans)))


def _read_sentence(text: str, scan: Scan) -> SentenceCues:
    """Read one sentence, searching it for the patterns that ``scan`` (its scan) allows."""
    names: list[str] = []
    cancel = not _cancels_a_reminder(text) and (
        _found(CANCEL, text, scan, "cancel", names) or _signs_off_a_course(text, names)
    )
    asks, polite, question = _question(text, scan, names)
    conditional = _conditional(text, scan, names)
    negated, cancel_negated = _negation(text, scan, names, cancel=cancel)
    withdraws = _found(WITHDRAW, text, scan, "withdraw", names)
    doubts = _doubts(text, scan, names)
    dangles = conditional and _found(DANGLING_CONDITION, text, scan, "conditional", names)
    reported = (cancel or not (question or conditional)) and _found(
        REPORTED, text, scan, "reported", names
    )
    near_negation = cancel and _near_negation(text, scan)
    unsure = question or conditional or reported
    instructions = (
        frozenset()
        if unsure
        else _instructions(
            text, scan, names, cancel, negated=negated, cancel_negated=cancel_negated
        )
    )
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


def _signs_off_a_course(text: str, names: list[str]) -> bool:
    """Signing off a course ("mich vom Sprachkurs abmelden"); "abmelden" alone is not one.

    >>> _signs_off_a_course("ich melde mich vom yogakurs ab.", [])
    False
    >>> _signs_off_a_course("ich moechte mich vom yogakurs abmelden.", [])
    True
    """
    return "abmeld" in text and _found(SIGN_OFF_A_COURSE, text, EVERYTHING, "cancel", names)


def _cancels_a_reminder(text: str) -> bool:
    """Whether the cancellation a sentence names is of a reminder or a late fee.

    >>> _cancels_a_reminder("bitte die mahnung stornieren.")
    True
    >>> _cancels_a_reminder("bitte stornieren sie die bestellung.")
    False
    """
    return any(word in text for word in REMINDER_WORDS) and bool(REMINDER_CANCELLED.search(text))


def _near_negation(text: str, scan: Scan) -> bool:
    """A negation right next to the cancellation, not one of a condition's verb.

    In "wenn ihr bis Montag nicht liefert storniere ich" the negation belongs to the condition;
    after a condition's conjunction, only a negation with no word between it and the
    cancellation counts ("falls ich nicht storniere"). The sentence is conditional either way,
    so it never holds an instruction.

    >>> _near_negation("if it's not here by friday cancel it", EVERYTHING)
    False
    >>> _near_negation("falls ich es nicht storniere, was kostet das?", EVERYTHING)
    True
    >>> _near_negation("bitte nicht stornieren", EVERYTHING)
    True
    """
    near = scan.search(NEAR_NEGATION, text)
    if near is None:
        return False
    if CONDITION_OPENS.search(text, 0, near.start() + 1) is None:
        return True
    return TIGHT_NEGATION.search(text) is not None


def _question(text: str, scan: Scan, names: list[str]) -> tuple[bool, bool, bool]:
    """Whether the sentence asks, is a polite request, and is any kind of question."""
    asks = _asks(text, scan, names)
    polite = _found(POLITE, text, scan, "polite", names) and not scan.search(_POSSIBILITY, text)
    return asks, polite, asks or polite or _opens_late(text, scan, names)


def _opens_late(text: str, scan: Scan, names: list[str]) -> bool:
    """A question opened after a mark or a joining word ("..., kann ich", "and how do I")."""
    marked = scan.search(LATE_OPENER, text)
    joined = scan.search(LATE_OPENER_JOINED, text)
    if marked is None or (joined is not None and joined.start() < marked.start()):
        marked = joined
    return marked is not None and _noted("question", marked, names)


def _doubts(text: str, scan: Scan, names: list[str]) -> bool:
    """Doubt in words, or a sentence that is nothing but a "no"."""
    alone = DOUBT_ALONE.match(text)
    if alone is not None:
        return _noted("doubt", alone, names)
    return _found(DOUBT, text, scan, "doubt", names)


def _asks(text: str, scan: Scan, names: list[str]) -> bool:
    if "?" in text:
        return _note("question:?", names)
    return _found(OPENER, text, scan, "question", names) or _found(
        INDIRECT, text, scan, "indirect", names
    )


def _conditional(text: str, scan: Scan, names: list[str]) -> bool:
    """A condition or hesitation, polite wishes ("würde gerne") aside."""
    if any(word in text for word in _WISH_WORDS) and scan.may_match(POLITE_WISH, text):
        # The text changed: the scan does not hold for it.
        return _found(CONDITIONAL, POLITE_WISH.sub(" ", text), EVERYTHING, "conditional", names)
    return _found(CONDITIONAL, text, scan, "conditional", names)


def _found(pattern: re.Pattern[str], text: str, scan: Scan, kind: str, names: list[str]) -> bool:
    match = scan.search(pattern, text)
    return match is not None and _noted(kind, match, names)


def _noted(kind: str, match: re.Match[str], names: list[str]) -> bool:
    return _note(f"{kind}:{match.group().strip(' ,;:(')}", names)


def _note(name: str, names: list[str]) -> bool:
    names.append(name)
    return True


def _negation(text: str, scan: Scan, names: list[str], *, cancel: bool) -> tuple[bool, bool]:
    """A negation, and whether it is in a clause that names the cancellation.

    The clauses are pieces of the sentence cut at non-word characters: its scan holds.
    """
    if not cancel:
        return _found(NEGATION, text, scan, "negation", names), False
    negated = cancel_negated = False
    for clause in _CLAUSE.split(text):
        in_clause = bool(scan.search(CANCEL, clause))
        if not in_clause and _causal(clause.strip(), scan):
            continue
        if _found(NEGATION, clause, scan, "negation", names):
            negated = True
            cancel_negated |= in_clause
    return negated, cancel_negated


def _causal(clause: str, scan: Scan) -> bool:
    return scan.may_match(CAUSAL, clause) and CAUSAL.match(clause) is not None


def _instructions(
    text: str, scan: Scan, names: list[str], cancel: bool, *, negated: bool, cancel_negated: bool
) -> frozenset[str]:
    found = set()
    if not cancel_negated and _cancel_instructed(text, scan, names, cancel=cancel):
        found.add("cancel_request")
    if not negated and _instructs("reactivation_request", text, scan, names):
        found.add("reactivation_request")
    unsubscribe = scan.may_match(INSTRUCTION["unsubscribe"], text)
    if unsubscribe and _signs_off(text) and _instructs("unsubscribe", text, scan, names):
        found.add("unsubscribe")
    return frozenset(found)


def _signs_off(text: str) -> bool:
    """Whether signing off can be meant: not a course left, not a sign-off negated.

    >>> _signs_off("bitte melden sie mich vom newsletter ab.")
    True
    >>> _signs_off("bitte nicht ganz abmelden, sondern ab november wieder leeren.")
    False
    """
    return not _leaves_a_course(text) and NEGATED_UNSUBSCRIBE.search(text) is None


def _leaves_a_course(text: str) -> bool:
    """Signing off a course, a class or a club ("mich vom Kurs abmelden"), no marketing named.

    >>> _leaves_a_course("ich moechte mich vom kurs abmelden")
    True
    >>> _leaves_a_course("bitte meldet mich vom kurs-newsletter ab")
    False
    """
    return LEAVING.search(text) is not None and MARKETING.search(text) is None


def _cancel_instructed(text: str, scan: Scan, names: list[str], *, cancel: bool) -> bool:
    """An instruction to cancel, a confirmation asked for ("bestätigen Sie die Kündigung") aside.

    ``cancel``: whether the sentence names a cancellation, which is the first look.
    """
    if ("bestaetig" in text or "confirm" in text) and scan.may_match(CONFIRM_OBJECT, text):
        # The text changed: the scan does not hold for it.
        return _instructs("cancel_request", CONFIRM_OBJECT.sub(" ", text), EVERYTHING, names)
    if _CANCEL_LOOKS_FIRST:
        return cancel and _found(INSTRUCTION["cancel_request"], text, scan, "instruction", names)
    return _instructs("cancel_request", text, scan, names)


def _instructs(intent: str, text: str, scan: Scan, names: list[str]) -> bool:
    instruction = INSTRUCTION[intent]
    if not scan.may_match(instruction, text):
        return False  # whatever the first look finds, the instruction is not there
    return bool(HINT[intent].search(text)) and _found(instruction, text, scan, "instruction", names)
