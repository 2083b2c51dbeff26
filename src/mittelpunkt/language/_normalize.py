"""Preparing a customer's message for reading: the customer's own words, in one spelling.

Three steps, each pure:

* :func:`own_words` cuts what the customer did not write *now*: quoted earlier mails
  (``>`` lines, everything below "Am ... schrieb ...:", "On ... wrote:", "-----Original
  Message-----", a "Von:/Gesendet:" header block) and "Sent from my iPhone" lines. A company's
  "Ihr Auftrag wurde storniert" quoted under a reply must not read as the customer's words.
* :func:`fold` lower-cases and folds spelling variants together: ``ä`` and ``ae`` are one
  letter pair here, accents and typographic quotes are dropped.
* :func:`sentences` splits into sentences (abbreviations like "Nr." or "ca." do not end one),
  and :func:`words` into words.
"""

from __future__ import annotations

import re
import unicodedata

__all__ = ["fold", "own_words", "sentences", "words"]

_QUOTE_HEADER = re.compile(
    r"^[ \t]*(?:"
    r"-{2,}[ \t]*(?:original(?:[ \t]+message)?|urspr(?:ü|ue)ngliche[ \t]+nachricht"
    r"|weitergeleitete[ \t]+nachricht|forwarded[ \t]+message)[ \t]*-{2,}"
    r"|am[ \t](?=[^\n]*\d)[^\n]*?[ \t]schrieb[^\n]*:[ \t]*$"
    r"|on[ \t](?=[^\n]*\d)[^\n]*?[ \t]wrote:[ \t]*$"
    r"|(?:von|from):[^\n]*\n[ \t]*(?:gesendet|sent|datum|date|an|to|betreff|subject):"
    r")",
    re.IGNORECASE | re.MULTILINE,
)
_QUOTED_LINE = re.compile(r"^[ \t]*>[^\n]*(?:\n|$)", re.MULTILINE)
_SENT_FROM = re.compile(
    r"^[ \t]*(?:sent from my|gesendet von meinem"
    r"|von meinem (?:iphone|ipad|handy|smartphone|android|samsung|galaxy|mobil\w*)\b)[^\n]*$",
    re.IGNORECASE | re.MULTILINE,
)

# Each character folded, and what it is folded to (none of which is folded again).
_FOLDS = {
    "ä": "ae",
    "ö": "oe",
    "ü": "ue",
    "ß": "ss",
    "\u2019": "'",
    "\u2018": "'",
    "\u00b4": "'",
    "`": "'",
    "\u201e": '"',
    "\u201c": '"',
    "\u201d": '"',
    "\u00ab": '"',
    "\u00bb": '"',
    "\u2013": "-",
    "\u2014": "-",
}
_ASCII_FOLDS = {mark: plain for mark, plain in _FOLDS.items() if mark.isascii()}

# A sentence ends at a closing mark (kept with it) followed by a space, at an empty line, or
# before a line that lists. Every branch begins with a character, not a look-behind, so the
# engine skips straight to the few places where one can match.
_BOUNDARY = re.compile(r"[.!?…][\"')\]]*\s+|\n[ \t]*\n\s*|\n(?=[ \t]*[-*•])")
_ABBREVIATION = re.compile(
    r"(?:\b(?:nr|ca|bzw|evtl|ggf|usw|inkl|zzgl|bspw|str|tel|dr|mr|mrs|ms|no|approx|vs|etc"
    r"|z\.b|d\.h|u\.a|e\.g|i\.e|ref|st)\.|\b\d{1,2}\.)$",
    re.IGNORECASE,
)
_ABBREVIATION_SPAN = 8  # the longest abbreviation with its dot, and a space
_WORD = re.compile(r"[a-z0-9]+(?:'[a-z]+)?", re.ASCII)
# Every ASCII character that is neither in a word nor an apostrophe, mapped to a space.
_NOT_IN_WORDS = {
    code: " " for code in range(128) if not (chr(code) in "'0123456789" or "a" <= chr(code) <= "z")
}


def own_words(text: str) -> str:
    r"""The part of a message its author wrote now, without quoted mails.

    Args:
        text: the message as received.

    Returns:
        The text above the first quoted mail, without ``>`` lines; the whole text with only
        ``>`` lines removed if nothing would be left.

    >>> own_words("Hat sich erübrigt.\n\nAm 3.5.2024 um 10:12 schrieb Shop <s@shop.de>:\n"
    ...           "> Ihr Auftrag wurde storniert")
    'Hat sich erübrigt.'
    """
    header = _QUOTE_HEADER.search(text)
    head = text[: header.start()] if header else text
    mine = _SENT_FROM.sub("", _QUOTED_LINE.sub("", head)).strip()
    return mine or _QUOTED_LINE.sub("", text).strip()


def fold(text: str) -> str:
    r"""Lower-case a text and fold umlauts, accents and typographic marks to plain ASCII.

    >>> fold("Bitte NICHT stornieren \u2013 schöne Grüße")
    'bitte nicht stornieren - schoene gruesse'
    >>> fold("Grüezi, d'Bestellig") == fold("Grueezi, d\u2019Bestellig")
    True
    """
    folded = _replaced(text.lower(), _ASCII_FOLDS if text.isascii() else _FOLDS)
    if folded.isascii():
        return folded
    return unicodedata.normalize("NFKD", folded).encode("ascii", "ignore").decode("ascii")


def _replaced(text: str, folds: dict[str, str]) -> str:
    r"""Each character of ``folds`` in ``text`` replaced by what it is folded to.

    The same as ``str.translate`` with that table (no replacement contains a character that
    is replaced), and faster: most texts contain none or few of them, and an ASCII text
    only one of them.

    >>> _replaced("grüße \u2013 `so`", _FOLDS)
    "gruesse - 'so'"
    """
    for mark, plain in folds.items():
        if mark in text:
            text = text.replace(mark, plain)
    return text


def sentences(text: str) -> list[str]:
    """Split a text into sentences, keeping each one's closing punctuation.

    >>> sentences("Kann man das stornieren? Und wie sieht es aus mit der Nr. 12?")
    ['Kann man das stornieren?', 'Und wie sieht es aus mit der Nr. 12?']
    """
    pieces: list[str] = []
    start = 0
    for boundary in _BOUNDARY.finditer(text):
        end = boundary.start()
        if text[end] != "\n":
            end += 1  # the closing mark belongs to the sentence
        piece = text[start:end]
        # an abbreviation ends with its dot (or the dot and a line break: see "$")
        abbreviated = "." in piece[-2:] and _ABBREVIATION.search(piece[-_ABBREVIATION_SPAN:])
        if abbreviated and "\n" not in boundary.group():
            continue
        pieces.append(piece)
        start = boundary.end()
    pieces.append(text[start:])
    return [" ".join(piece.split()) for piece in pieces if piece.strip()]


def words(folded: str) -> list[str]:
    """The words of a folded text, apostrophes kept inside ("don't").

    What ``_WORD`` finds: every other character becomes a space and the text is split; only
    a piece with an apostrophe is searched with ``_WORD`` (which never runs past a space).

    >>> words("please don't cancel order #4711!")
    ['please', "don't", 'cancel', 'order', '4711']
    >>> words("'so' o'neil's ''")
    ['so', "o'neil", 's']
    """
    if not folded.isascii():  # not folded after all
        return _WORD.findall(folded)
    pieces = folded.translate(_NOT_IN_WORDS).split()
    if "'" not in folded:
        return pieces
    found: list[str] = []
    for piece in pieces:
        if "'" in piece:
            found.extend(_WORD.findall(piece))
        else:
            found.append(piece)
    return found
