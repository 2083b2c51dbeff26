r"""Building the patterns: compiled for folded (ASCII) text, word alternatives anchored at words.

Python's matcher tries a pattern's alternatives one after the other at every word it meets,
so a word field of a hundred alternatives costs a hundred tries a word. Grouped by the
letter they start with, the same alternatives cost one try a word and then only those of
its letter (:func:`by_first_letter`): the same matches, a fraction of the work.

>>> any_word("storn", "cancel")
'\\b(?=[a-z])(?:s(?:torn)|c(?:ancel))\\b'
>>> bool(ascii_pattern(any_word(r"storn\w*")).search("bitte stornieren"))
True
"""

from __future__ import annotations

import re
from collections.abc import Sequence

__all__ = ["any_word", "ascii_pattern", "by_first_letter"]

_QUANTIFIERS = frozenset("?*+{")


def ascii_pattern(pattern: str) -> re.Pattern[str]:
    """Compile for folded text, which is plain ASCII (and ASCII matching is faster)."""
    return re.compile(pattern, re.ASCII)


def any_word(*alternatives: str) -> str:
    """A pattern for any of the alternatives, starting at a word start and ending at a word end.

    The look-ahead lets the matcher skip positions inside words quickly. Alternatives are
    grouped by their first letter only when every one starts with a letter: then the
    pattern matches exactly what the plain alternation would, the same text included.
    """
    grouped = by_first_letter(alternatives)
    body = grouped if _plain_start(alternatives) else "|".join(alternatives)
    return r"\b(?=[a-z])(?:" + body + r")\b"


def by_first_letter(alternatives: Sequence[str]) -> str:
    r"""The alternatives as one alternation, grouped by the letter each starts with.

    At any one place, only alternatives of one first letter can match, and within a letter
    their order is kept, so the grouped alternation matches what the plain one matches,
    the same text at the same place. Alternatives that do not start with a plain letter
    (a group, an escape, a letter with a quantifier) follow, in their order: with them, the
    grouped alternation still finds a match wherever the plain one does, but may match other
    text there.

    >>> by_first_letter(["wo bleibt", "wann", "where", r"(?:was )?neues", "x?y"])
    'w(?:o bleibt|ann|here)|(?:was )?neues|x?y'
    """
    groups: dict[str, list[str]] = {}
    rest = []
    for alternative in alternatives:
        if _starts_plainly(alternative):
            groups.setdefault(alternative[0], []).append(alternative[1:])
        else:
            rest.append(alternative)
    grouped = [f"{letter}(?:{'|'.join(tails)})" for letter, tails in groups.items()]
    return "|".join([*grouped, *rest])


def _plain_start(alternatives: Sequence[str]) -> bool:
    return all(map(_starts_plainly, alternatives))


def _starts_plainly(alternative: str) -> bool:
    """Whether an alternative starts with a letter or digit that stands alone.

    >>> _starts_plainly("storn"), _starts_plainly("s?torn"), _starts_plainly("a|b")
    (True, False, False)
    """
    first = alternative[:1]
    if not (first.isascii() and first.isalnum()):
        return False
    return alternative[1:2] not in _QUANTIFIERS and not _branches(alternative)


def _branches(pattern: str) -> bool:
    r"""Whether a pattern has a ``|`` outside any group or character class.

    >>> _branches("a|b"), _branches("(?:a|b)c"), _branches(r"a[|]\|b")
    (True, False, False)
    """
    depth = 0
    escaped = in_class = False
    for char in pattern:
        if escaped:
            escaped = False
        elif char == "\\":
            escaped = True
        elif in_class:
            in_class = char != "]"
        elif char == "[":
            in_class = True
        elif char == "(":
            depth += 1
        elif char == ")":
            depth -= 1
        elif char == "|" and depth == 0:
            return True
    return False
