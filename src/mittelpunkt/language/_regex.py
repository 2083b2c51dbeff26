r"""Building the patterns: compiled for folded (ASCII) text, word alternatives anchored at words.

Python's matcher tries a pattern's alternatives one after the other at every word it meets.
Grouped by the letter they start with (:func:`by_first_letter`), the same alternatives cost
one try for each letter and then only those of the word's letter: the same matches, less
work.

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

    The look-ahead lets the matcher skip positions inside words quickly.
    """
    return r"\b(?=[a-z])(?:" + by_first_letter(alternatives) + r")\b"


def by_first_letter(alternatives: Sequence[str]) -> str:
    r"""The alternatives as one alternation, grouped by the letter each starts with.

    At any one place, only alternatives of one first letter can match there, so grouping
    them keeps the order in which the matcher tries those that can: the grouped alternation
    matches exactly what the plain one matches, the same text at the same place. An
    alternative that does not start with a plain letter (a group, an escape, a letter with a
    quantifier) could match anywhere; it stays where it is, and only the runs of plain
    alternatives between such ones are grouped.

    >>> by_first_letter(["wo bleibt", "wann", "where", r"(?:was )?neues", "wie", "x?y"])
    'w(?:o bleibt|ann|here)|(?:was )?neues|w(?:ie)|x?y'
    """
    parts: list[str] = []
    run: dict[str, list[str]] = {}
    for alternative in alternatives:
        if _starts_plainly(alternative):
            run.setdefault(alternative[0], []).append(alternative[1:])
            continue
        parts.extend(_grouped(run))
        run = {}
        parts.append(alternative)
    parts.extend(_grouped(run))
    return "|".join(parts)


def _grouped(run: dict[str, list[str]]) -> list[str]:
    return [f"{letter}(?:{'|'.join(tails)})" for letter, tails in run.items()]


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
