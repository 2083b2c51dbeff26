"""The shipped seed stories: every guard fires on the story it comes from; the good journey
(customer C-005, a delay told in time) raises nothing."""

from __future__ import annotations

from collections import defaultdict

import pytest

from mittelpunkt.cli.common import default_rules
from mittelpunkt.core.config import Config
from mittelpunkt.core.findings import Finding
from mittelpunkt.core.replay import replay
from mittelpunkt.guards import CODES
from tests.guards.test_checks import SEEDS


def findings_by_customer() -> dict[str, list[Finding]]:
    result = replay(SEEDS, rules=default_rules(Config()))
    grouped: dict[str, list[Finding]] = defaultdict(list)
    for finding in result.findings:
        grouped[finding.customer].append(finding)
    return grouped


FOUND = findings_by_customer()
EXPECTED = {
    "C-000": {"misleading_message", "unconsented_marketing"},
    "C-001": {
        "unrequested_info",
        "repeated_identification",
        "conflicting_dates",
        "no_news",
        "status_inquiry",
        "broken_promise",
    },
    "C-002": {"repeat_contact", "no_news"},
    "C-003": {"premature_survey", "bot_loop", "long_wait"},
    "C-004": {
        "silent_delay",
        "broken_promise",
        "unsafe_cancellation",
        "unanswered_request",
        "retracted_offer",
        "status_inquiry",
    },
}


@pytest.mark.parametrize(("customer", "codes"), sorted(EXPECTED.items()))
def test_each_seed_story_raises_what_its_customer_suffered(customer: str, codes: set[str]) -> None:
    assert codes <= {f.code for f in FOUND[customer]}


def test_every_guard_fires_somewhere_in_the_seed_stories() -> None:
    assert {f.code for fs in FOUND.values() for f in fs} == set(CODES)


def test_the_journey_that_goes_right_raises_nothing() -> None:
    assert FOUND.get("C-005", []) == []


def test_the_question_taken_for_a_cancellation_says_why_it_was_a_question() -> None:
    (unsafe,) = [f for f in FOUND["C-004"] if f.code == "unsafe_cancellation"]
    assert unsafe.evidence[0] == "s004-08"
    assert "s004-06" in unsafe.evidence
    assert unsafe.action.kind == "require_confirmation"
    assert unsafe.details["cues"]
