from __future__ import annotations

from mittelpunkt.analytics.engine import connect
from mittelpunkt.analytics.hurts import hurts
from mittelpunkt.analytics.table import event_table
from mittelpunkt.testing import event

STORY = [
    event("a1", "2026-01-01T09:00", "case.opened", case="A", activity="Open"),
    event("a2", "2026-01-02T09:00", "case.waiting", case="A", on="customer", activity="Wait"),
    event("a3", "2026-01-09T09:00", "case.resolved", case="A", activity="Resolve"),
    event("b1", "2026-01-01T09:00", "case.opened", case="B", activity="Open"),
    event("b2", "2026-01-05T09:00", "case.waiting", case="B", on="customer", activity="Wait"),
]
PROMISE = event(
    "a1~resolution",
    "2026-01-01T09:00",
    "promise.made",
    case="A",
    kind="resolution",
    due="2026-01-03T09:00:00+01:00",
    activity="Open",
    derived_from="a1",
)


def test_findings_sit_at_their_evidence_and_the_transition_into_it() -> None:
    con = connect(event_table(STORY, [PROMISE]))
    found = hurts(
        con,
        [
            {"code": "unrequested_info", "evidence": ["a2"]},
            {"code": "unrequested_info", "evidence": ["b2"]},
            {"code": "broken_promise", "evidence": ["a1~resolution", "a3"]},
            {"code": "no_news", "evidence": ["a2", "a2"]},
        ],
    )
    assert found["activities"] == [
        {"name": "Wait", "findings": 3, "by_code": {"no_news": 1, "unrequested_info": 2}},
        {"name": "Open", "findings": 1, "by_code": {"broken_promise": 1}},
        {"name": "Resolve", "findings": 1, "by_code": {"broken_promise": 1}},
    ]
    assert found["transitions"] == [
        {
            "from": "Open",
            "to": "Wait",
            "findings": 3,
            "by_code": {"no_news": 1, "unrequested_info": 2},
        },
        {"from": "Wait", "to": "Resolve", "findings": 1, "by_code": {"broken_promise": 1}},
    ]


def test_no_findings_hurt_nowhere() -> None:
    assert hurts(connect(event_table(STORY)), []) == {"activities": [], "transitions": []}
