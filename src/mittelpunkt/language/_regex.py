r"""Building the patterns: compiled for folded (ASCII) text, word alternatives anchored at words.

>>> any_word("storn", "cancel")
'\\b(?=[a-z])(?:storn|cancel)\\b'
>>> bool(ascii_pattern(any_word(r"storn\w*")).search("bitte stornieren"))
True
"""

from __future__ import annotations

import re

__all__ = ["any_word", "ascii_pattern"]


def ascii_pattern(pattern: str) -> re.Pattern[str]:
    """Compile for folded text, which is plain ASCII (and ASCII matching is faster)."""
    return re.compile(pattern, re.ASCII)


def any_word(*alternatives: str) -> str:
    """A pattern for any of the alternatives, starting at a word start and ending at a word end.

    The look-ahead lets the matcher skip positions inside words quickly.
    """
    return r"\b(?=[a-z])(?:" + "|".join(alternatives) + r")\b"
