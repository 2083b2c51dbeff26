from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from mittelpunkt.cli.demo import DemoRun
from mittelpunkt.exceptions import BadConfig
from mittelpunkt.report.model import JourneyLanes, LaneEvent, build_model
from mittelpunkt.report.render import render_report

REMOTE = re.compile(
    r"""<(?:script|link|img|iframe)\b[^>]*\b(?:src|href)\s*=\s*["']?(?:https?:)?//"""
)
IMPORTS = re.compile(r"""@import|url\(\s*["']?(?:https?:)?//""")


def test_the_report_is_one_self_contained_file(small_report: Path) -> None:
    html = small_report.read_text(encoding="utf-8")
    assert html.startswith("<!doctype html>")
    assert not REMOTE.search(html)
    assert not IMPORTS.search(html)
    assert "<script src" not in html
    assert "<link" not in html
    assert 'id="process-map"' in html
    assert 'id="lanes"' in html
    assert len(html) < 1_000_000


def test_the_seed_stories_lead_the_example_journeys(small_demo: DemoRun) -> None:
    html = small_demo.report.read_text(encoding="utf-8")
    for journey in ("order:O-000", "case:K-001", "case:K-003", "order:O-004", "order:O-005"):
        assert f'<option value="{journey}">' in html


@pytest.mark.parametrize(
    ("lang", "words"),
    [
        (
            "de",
            ["Wo der Prozess Kunden weh tut", "Was das Unternehmen wusste", "Stille Verzögerung"],
        ),
        ("en", ["Where the process hurts customers", "What the company knew", "Silent delay"]),
    ],
)
def test_both_languages_render(small_demo: DemoRun, lang: str, words: list[str]) -> None:
    model = build_model(small_demo.analysis, ())
    html = render_report(model, lang)
    assert f'<html lang="{lang}">' in html
    for word in words:
        assert word in html


def test_an_unknown_language_is_refused(small_demo: DemoRun) -> None:
    with pytest.raises(BadConfig, match="lang"):
        render_report(build_model(small_demo.analysis), "fr")


def test_customer_words_cannot_break_out_of_the_page() -> None:
    text = '</script><script>alert(1)</script><img src="https://evil.example/x.png">'
    lanes = JourneyLanes(
        "case:K-1", "C-1", is_open=True,
        events=(LaneEvent("e1", "2026-03-02T09:00:00+01:00", "customer", "contact.inbound",
                          said=True, detail=text),),
    )  # fmt: skip
    html = render_report(build_model({"journeys": 1}, (lanes,)), "en")
    assert "alert(1)" in html
    assert "<script>alert" not in html
    assert not REMOTE.search(html)
    data = re.search(r'<script type="application/json" id="report-data">(.*?)</script>', html)
    assert data is not None
    assert json.loads(data.group(1))["journeys"][0]["events"][0]["detail"] == text


def test_a_log_without_process_or_findings_still_reads() -> None:
    html = render_report(build_model({"events": 0, "journeys": 0, "customers": 0}), "en")
    assert "This log has no process map." in html
    assert "No findings" in html


def test_the_report_says_which_guards_a_log_kept_silent() -> None:
    analysis = {
        "journeys": 2,
        "covers": ["cases"],
        "silent_guards": [{"code": "no_news", "needs": ["messages"], "missing": ["messages"]}],
    }
    html = render_report(build_model(analysis), "de")
    assert "Dieses Log enthält: cases." in html
    assert "Funkstille (messages)" in html
