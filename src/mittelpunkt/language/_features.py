"""The features the model sees: words, word pairs, four-letter pieces of words, and cues.

Words and word pairs carry phrasing ("wo bleibt", "hat sich"), four-letter pieces of words of
five letters or more carry compounds and typos ("Stornogebühr", "stonieren" and
"Bestellungsstornierung" share pieces), the cues of :mod:`._cues` carry mood (a cancellation
asked about, negated, conditional) and the word fields of :mod:`._lexicon` carry topic.
``cue:cancelled`` marks a cancellation already done and named as a state ("the cancelled
concert", "mein Vertrag wurde gekündigt"): such a message asks about a refund or wants the
thing back more often than it asks about cancelling. Numbers are one word (``0``), so order
numbers do not teach anything.

Each distinct word of a message stands for itself and its pieces (:func:`word_features`), and
a piece counts once for every distinct word it is in ("stornieren" and "stornierung" both
bring ``c:<sto``). So the reader can weigh a word once, with its pieces, and reuse that
weight whenever the word comes again (see :class:`._model.Model`); the trainer counts the
same way (:meth:`Features.counts`). A pair of words counts once, however often it comes; the
reader keeps the pairs it knows by their first word, and only counts the others.
"""

from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache
from typing import Final

from mittelpunkt.language._cues import Cues
from mittelpunkt.language._patterns import CANCELLED, CANCELLED_NEEDS

__all__ = ["Features", "features", "pair_feature", "word_features"]

_PIECE = 4
_PIECES_FROM = 5  # short words are whole words; pieces help with long ones
_DIGIT = re.compile(r"\d", re.ASCII)


class Features:
    """What the model sees of one message.

    Attributes:
        sequence: the message's words in order, numbers as ``0``; each word with the next
            one (the last with none) is a pair feature (:func:`pair_feature`), counted once
            however often it comes.
        words: the distinct words, in the order they first come; each stands for
            :func:`word_features` of it.
        others: the cues, the word fields and the language.
        pairs: the number of distinct pairs of a word and the next one.
    """

    def __init__(self, sequence: list[str], words: tuple[str, ...], others: frozenset[str]) -> None:
        self.sequence: Final = sequence
        self.words: Final = words
        self.others: Final = others
        self.pairs: Final = _distinct_pairs(sequence, len(words))

    @classmethod
    def of(cls, sequence: list[str], others: frozenset[str]) -> Features:
        """The features of a sequence of words and the other features.

        >>> Features.of(["wo", "bleibt", "0", "0"], frozenset()).words
        ('wo', 'bleibt', '0')
        """
        return cls(sequence, tuple(dict.fromkeys(sequence)), others)

    def counts(self) -> Counter[str]:
        """Each feature with the number of times it counts (a piece once per word it is in).

        >>> found = Features.of(["stornieren", "stornierung"], frozenset({"lang:de"}))
        >>> found.counts()["c:<sto"], found.counts()["b:stornieren_stornierung"]
        (2, 1)
        """
        counted: Counter[str] = Counter(self.others)
        for word in self.words:
            counted.update(word_features(word))
        counted.update(set(_pairs(self.sequence)))  # a pair counts once
        return counted


def features(
    folded: str, found_words: list[str], cues: Cues, fields: set[str], lang: str | None
) -> Features:
    """The features of a folded message.

    Args:
        folded: the customer's own words, folded.
        found_words: its words (:func:`._normalize.words`).
        cues: the cues read from the same text.
        fields: the word fields it touches (:func:`._lexicon.word_fields`).
        lang: the detected language, if any.

    Returns:
        The message's words (standing for their word features and word pairs) and its
        other features.

    >>> from mittelpunkt.language._cues import read_cues
    >>> text = "wo bleibt nr 4711?"
    >>> found = features(text, ["wo", "bleibt", "nr", "4711"], read_cues([text]), set(), "de")
    >>> found.sequence
    ['wo', 'bleibt', 'nr', '0']
    >>> sorted(f for f in found.counts() if f.startswith("b:"))
    ['b:0_', 'b:bleibt_nr', 'b:nr_0', 'b:wo_bleibt']
    >>> "cue:question" in found.others, "lang:de" in found.others
    (True, True)
    """
    others = set(cues.flags())
    others.update(fields)
    if cues.mentions_cancel and _names_cancelled(folded):
        others.add("cue:cancelled")
    others.add(f"lang:{lang}")
    if _DIGIT.search(folded) is None:  # no word holds a number
        return Features.of(found_words, frozenset(others))
    return Features.of([_numberless(word) for word in found_words], frozenset(others))


def _names_cancelled(folded: str) -> bool:
    """Whether a text names a cancellation as done (:data:`CANCELLED`), searched only if it can.

    >>> _names_cancelled("der stornierte flug"), _names_cancelled("bitte stornieren")
    (True, False)
    """
    for needed in CANCELLED_NEEDS:
        if needed in folded:
            return CANCELLED.search(folded) is not None
    return False


def _numberless(word: str) -> str:
    """A word, or ``0`` if it holds a digit (an order number, "2x", "12th").

    >>> _numberless("paket"), _numberless("a4711b"), _numberless("don't")
    ('paket', '0', "don't")
    """
    if word.isalpha() or _DIGIT.search(word) is None:
        return word
    return "0"


def _pairs(sequence: list[str]) -> list[str]:
    """Each word with the next one (the last with none), as features.

    >>> _pairs(["wo", "bleibt", "0"])
    ['b:wo_bleibt', 'b:bleibt_0', 'b:0_']
    """
    following = [*sequence[1:], ""]
    return [pair_feature(word, after) for word, after in zip(sequence, following, strict=True)]


def _distinct_pairs(sequence: list[str], distinct_words: int) -> int:
    """How many distinct pairs a sequence holds: as many as words unless a word comes again.

    >>> _distinct_pairs(["ja", "ja", "ja"], 1), _distinct_pairs(["wo", "bleibt"], 2)
    (2, 2)
    >>> _distinct_pairs(["a", "b", "a", "c", "a", "b", "a", "c"], 3)  # ab ba ac ca, c_
    5
    """
    if distinct_words == len(sequence):
        return len(sequence)
    first_following: dict[str, str] = {}  # each word, and the word after it where first met
    other_pairs: set[tuple[str, str]] = set()  # pairs of a word met again with another one
    again = 0
    last = len(sequence) - 1
    for index, word in enumerate(sequence):
        following = sequence[index + 1] if index < last else ""
        before = first_following.get(word)
        if before is None:
            first_following[word] = following
        elif before == following or (word, following) in other_pairs:
            again += 1
        else:
            other_pairs.add((word, following))
    return len(sequence) - again


def pair_feature(word: str, following: str) -> str:
    """The feature of a word and the next one ("" after the last word).

    >>> pair_feature("wo", "bleibt"), pair_feature("bleibt", "")
    ('b:wo_bleibt', 'b:bleibt_')
    """
    return f"b:{word}_{following}"


@lru_cache(maxsize=1 << 16)
def word_features(token: str) -> tuple[str, ...]:
    """The features a word stands for: itself and, from five letters, its distinct pieces.

    >>> word_features("wo")
    ('w:wo',)
    >>> word_features("bleibt")
    ('w:bleibt', 'c:<ble', 'c:blei', 'c:leib', 'c:eibt', 'c:ibt>')
    """
    if len(token) < _PIECES_FROM:
        return (f"w:{token}",)
    padded = f"<{token}>"
    pieces = (f"c:{padded[i : i + _PIECE]}" for i in range(len(padded) - _PIECE + 1))
    return tuple(dict.fromkeys((f"w:{token}", *pieces)))
