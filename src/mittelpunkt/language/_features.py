"""The features the model sees: words, word pairs, four-letter pieces of words, and cues.

Words and word pairs carry phrasing ("wo bleibt", "hat sich"), four-letter pieces of words of
five letters or more carry compounds and typos ("Stornogebühr", "stonieren" and
"Bestellungsstornierung" share pieces), the cues of :mod:`._cues` carry mood (a cancellation
asked about, negated, conditional) and the word fields of :mod:`._lexicon` carry topic.
``cue:cancelled`` marks a cancellation already done and named as a state ("the cancelled
concert", "mein Vertrag wurde gekündigt"): such a message asks about a refund or wants the
thing back more often than it asks about cancelling. Numbers are one word (``0``), so order
numbers do not teach anything.
"""

from __future__ import annotations

import re
from functools import lru_cache

from mittelpunkt.language._cues import Cues
from mittelpunkt.language._lexicon import word_fields
from mittelpunkt.language._patterns import CANCELLED

__all__ = ["features"]

_PIECE = 4
_PIECES_FROM = 5  # short words are whole words; pieces help with long ones
_TOKEN = re.compile(r"[a-z0-9]+(?:'[a-z]+)?", re.ASCII)
_NUMBERISH = re.compile(r"\b[a-z]*+\d[a-z0-9]*", re.ASCII)  # possessive: no backtracking over words


def features(folded: str, cues: Cues, lang: str | None) -> frozenset[str]:
    """The features of a folded message.

    Args:
        folded: the customer's own words, folded.
        cues: the cues read from the same text.
        lang: the detected language, if any.

    Returns:
        The set of features present (the model treats them as binary).

    >>> from mittelpunkt.language._cues import read_cues
    >>> found = features("wo bleibt nr 4711?", read_cues(["wo bleibt nr 4711?"]), "de")
    >>> sorted(f for f in found if f.startswith(("w:", "b:")))
    ['b:0_', 'b:bleibt_nr', 'b:nr_0', 'b:wo_bleibt', 'w:0', 'w:bleibt', 'w:nr', 'w:wo']
    >>> "cue:question" in found, "lang:de" in found
    (True, True)
    """
    tokens: list[str] = _TOKEN.findall(_NUMBERISH.sub("0", folded))
    found = _pairs(tokens)
    for token in set(tokens):
        found.update(_word_features(token))
    found.update(cues.flags())
    found.update(word_fields(folded))
    if cues.mentions_cancel and CANCELLED.search(folded):
        found.add("cue:cancelled")
    found.add(f"lang:{lang}")
    return frozenset(found)


def _pairs(tokens: list[str]) -> set[str]:
    """Each word with the next one (the last with none), as features.

    >>> sorted(_pairs(["wo", "bleibt", "0"]))
    ['b:0_', 'b:bleibt_0', 'b:wo_bleibt']
    """
    pairs = set()
    last = len(tokens) - 1
    for index, token in enumerate(tokens):
        following = tokens[index + 1] if index < last else ""
        pairs.add(f"b:{token}_{following}")
    return pairs


@lru_cache(maxsize=1 << 16)
def _word_features(token: str) -> tuple[str, ...]:
    if len(token) < _PIECES_FROM:
        return (f"w:{token}",)
    padded = f"<{token}>"
    pieces = (f"c:{padded[i : i + _PIECE]}" for i in range(len(padded) - _PIECE + 1))
    return (f"w:{token}", *pieces)
