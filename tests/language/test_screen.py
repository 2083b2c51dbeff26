"""The screen only skips searches that find nothing: reading with it is reading without it."""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from mittelpunkt.language import _classify, _cues, _lexicon
from mittelpunkt.language._normalize import _WORD, fold, own_words, sentences, words
from mittelpunkt.language._patterns import CANCELLED, CANCELLED_NEEDS
from mittelpunkt.language._screen import EVERYTHING, Screen
from mittelpunkt.language._sieve import read_sieve
from mittelpunkt.language.labelled import read_labelled, training_corpus

HELDOUT = Path(__file__).resolve().parents[2] / "corpus" / "heldout.jsonl"


@cache
def folded_messages() -> list[list[str]]:
    """Every message of the corpus, as its folded sentences."""
    texts = [m.text for m in training_corpus()] + [m.text for m in read_labelled(HELDOUT)]
    return [[fold(s) for s in sentences(own_words(text))] for text in texts]


@cache
def vocabulary() -> list[str]:
    """Words of the corpus, and the starts the screens look for: texts that match often."""
    found = {word for message in folded_messages()[::7] for s in message for word in words(s)}
    for screen in (_cues.screen(), _lexicon.screen()):
        found |= set(screen._sure)
    return sorted(found)


def made_up_sentences() -> st.SearchStrategy[list[str]]:
    separators = st.sampled_from([" ", " ", " ", ", ", ". ", "? ", "! ", " - ", ": ", " (", "'"])
    word = st.sampled_from(vocabulary())
    sentence = st.lists(st.tuples(word, separators), min_size=1, max_size=14).map(
        lambda parts: "".join(w + sep for w, sep in parts).strip()
    )
    return st.lists(sentence, min_size=1, max_size=3)


def pieces(sentence: str) -> list[str]:
    """A sentence and the pieces of it that cues are searched in (its clauses)."""
    clauses = _cues._CLAUSE.split(sentence)
    return [sentence, *clauses, *(clause.strip() for clause in clauses)]


def assert_screens_keep_every_match(folded_sentences: list[str]) -> None:
    for sentence in folded_sentences:
        scan = _cues.screen().scan(sentence)
        for pattern in _cues.screen().patterns:
            for piece in pieces(sentence):
                if pattern.search(piece):
                    assert scan.may_match(pattern, piece), (pattern, piece)
    message = " ".join(folded_sentences)
    scan = _lexicon.screen().scan(message)
    for pattern in _lexicon.screen().patterns:
        if pattern.search(message):
            assert scan.may_match(pattern, message), (pattern, message)


def assert_reads_alike(folded_sentences: list[str]) -> None:
    for sentence in folded_sentences:
        screened = _cues._read_sentence(sentence, _cues.screen().scan(sentence))
        assert screened == _cues._read_sentence(sentence, EVERYTHING)
    message = " ".join(folded_sentences)
    plain = {f"lex:{field}" for field, p in _lexicon._FIELDS.items() if p.search(message)}
    assert _lexicon.word_fields(message) - {"lex:emphasis"} == plain


def test_no_pattern_matches_in_the_corpus_where_the_screen_ruled_it_out() -> None:
    for folded_sentences in folded_messages():
        assert_screens_keep_every_match(folded_sentences)


def test_the_corpus_reads_alike_with_and_without_the_screen() -> None:
    for folded_sentences in folded_messages():
        assert_reads_alike(folded_sentences)


@settings(max_examples=500, deadline=None)
@given(made_up_sentences())
def test_no_pattern_matches_in_made_up_texts_where_the_screen_ruled_it_out(
    folded_sentences: list[str],
) -> None:
    assert_screens_keep_every_match(folded_sentences)
    assert_reads_alike(folded_sentences)


def test_the_screens_read_the_patterns_that_cost_most() -> None:
    unread = [p.pattern[:40] for p in _cues.screen().patterns if read_sieve(p).always]
    assert not unread
    assert not [p.pattern[:40] for p in _lexicon.screen().patterns if read_sieve(p).always]


@pytest.mark.parametrize(
    ("pattern", "text"),
    [
        (r"(?<!nicht )zufrieden", "sehr zufrieden"),
        (r"\b(?:ge)?kuendigt\b", "gekuendigt"),
        (r"\b\w+n't\b", "i don't"),
        (r"^\W*(?:bitte )?(?:no|nein)\W*$", "... nein!"),
        (r"(?:\b)*x", "ax"),
        (r"\W*x", "ax"),
        (r"[,;:]\s*(?:wie|was)\b", "ok, wie"),
        (r"storno|stornier", "bestellstorno"),
        (r"\bwo (?:\w+ ){0,3}bleibt", "wo denn bleibt"),
        (r"\b(?:a|b)*c", "ababc"),
        (r"(x)\1y", "xxy"),
        (r"\bbitte (?:\w+ ){0,4}(?:ignorieren|vergessen)", "bitte alles vergessen"),
        (r"\bich\b.{0,20}\bnicht\b", "ich will das nicht"),
        (r"\b(?:a|b)\w*(?:x|yz)", "bbbyz"),
        (r"\b[a,]x", "a,x"),
        (r"\b[a-c ]x", "a x"),
    ],
)
def test_a_screen_finds_what_its_pattern_finds(pattern: str, text: str) -> None:
    compiled = re.compile(pattern, re.ASCII)
    screen = Screen([compiled])
    expected, found = compiled.search(text), screen.scan(text).search(compiled, text)
    assert expected is not None
    assert found is not None
    assert found.span() == expected.span()


def test_a_screen_skips_what_cannot_match() -> None:
    compiled = re.compile(r"\b(?:storn\w*|cancel|bitte (?:\w+ )?vergessen)\b", re.ASCII)
    screen = Screen([compiled])
    for text in ("bitte nicht, danke", "ich will nicht", "bitte alles ignorieren"):
        assert not screen.scan(text).may_match(compiled, text)
    assert EVERYTHING.may_match(compiled, "stornieren")


def test_patterns_the_screen_cannot_read_are_always_searched() -> None:
    unreadable = [re.compile(r"\w+", re.ASCII), re.compile("wo", re.IGNORECASE), re.compile("wo")]
    assert all(read_sieve(pattern).always for pattern in unreadable)
    screen = Screen(unreadable)
    assert all(screen.scan("").may_match(pattern, "") for pattern in unreadable)


def made_up_patterns() -> st.SearchStrategy[str]:
    """Small patterns of the kinds the reader's patterns are made of."""
    characters = ["a", "b", "ab", "ba", " ", ",", "'", r"\w", r"\w+", r"\W", r"\s", r"\d", "."]
    classes = ["[ab]", "[a, ]", "[^a]"]
    positions = [r"\b", r"\B", "^", "$", "(?=a)", "(?!b)", "(?<!a)"]
    atoms = st.sampled_from([*characters, *classes, *positions])

    def combined(inner: st.SearchStrategy[str]) -> st.SearchStrategy[str]:
        return st.one_of(
            st.tuples(inner, inner).map("".join),
            st.tuples(inner, inner).map(lambda pair: f"(?:{pair[0]}|{pair[1]})"),
            st.tuples(inner, st.sampled_from(["?", "*", "+", "{0,2}", "{1,3}", "*?"])).map(
                lambda pair: f"(?:{pair[0]}){pair[1]}"
            ),
        )

    return st.recursive(atoms, combined, max_leaves=8)


@settings(max_examples=1000, deadline=None)
@given(made_up_patterns(), st.text(alphabet="ab ,'x1", max_size=12))
def test_no_made_up_pattern_matches_where_the_screen_ruled_it_out(pattern: str, text: str) -> None:
    compiled = re.compile(pattern, re.ASCII)
    if compiled.search(text):
        assert Screen([compiled]).scan(text).may_match(compiled, text)


def assert_one_pass_scans_alike(folded_sentences: list[str]) -> None:
    each, joined = _classify._screens().scan_lines(folded_sentences)
    for sentence, scan in zip(folded_sentences, each, strict=True):
        alone = _cues.screen().scan(sentence)
        assert (scan.found, scan.sure, scan.maybe) == (alone.found, alone.sure, alone.maybe)
    alone = _lexicon.screen().scan("\n".join(folded_sentences))
    assert (joined.found, joined.sure, joined.maybe) == (alone.found, alone.sure, alone.maybe)


def test_one_pass_over_a_message_scans_as_each_screen_alone() -> None:
    for folded_sentences in folded_messages():
        assert_one_pass_scans_alike(folded_sentences)


@settings(max_examples=300, deadline=None)
@given(made_up_sentences())
def test_one_pass_over_made_up_texts_scans_as_each_screen_alone(
    folded_sentences: list[str],
) -> None:
    assert_one_pass_scans_alike(folded_sentences)


def test_every_match_of_cancelled_holds_a_needed_string() -> None:
    """CANCELLED is searched only where one of CANCELLED_NEEDS is: that must lose nothing."""
    texts = [fold(message.text) for message in training_corpus()]
    matches = [match.group() for text in texts for match in CANCELLED.finditer(text)]
    assert len(matches) > 100
    assert all(any(needed in match for needed in CANCELLED_NEEDS) for match in matches)


def test_words_are_what_the_word_pattern_finds() -> None:
    texts = [fold(message.text) for message in training_corpus()]
    texts += ["'so' o'neil's '' x'' 'y", "it''s a'b'c 4711-b ÄÖ"]
    for text in texts:
        assert words(text) == _WORD.findall(text), text
