from __future__ import annotations

from mittelpunkt.core.replay import replay
from mittelpunkt.core.step import Rules
from mittelpunkt.guards import all_guards
from mittelpunkt.report.collect import ReportCollector
from mittelpunkt.report.lanes import journey_lanes
from mittelpunkt.report.layout import draw_map, layers
from mittelpunkt.report.model import Activity, Process, Transition, build_model
from mittelpunkt.testing import event, journey_of

STORY = [
    event("p", "2026-03-02T09:00", "order.placed", order="O-1", items=[{"sku": "MAT"}]),
    event("c", "2026-03-02T09:01", "order.confirmed", order="O-1", promised_delivery="2026-03-06"),
    event("d", "2026-03-03T10:00", "shipment.delayed", order="O-1", new_eta="2026-03-12"),
    event("q", "2026-03-09T10:00", "contact.inbound", order="O-1", channel="phone",
          intent="status_inquiry", text="Wo bleibt meine Matte?"),
    event("m", "2026-03-09T11:00", "message.sent", order="O-1", channel="email",
          purpose="delay", new_due="2026-03-12"),
    event("f", "2026-03-10T11:00", "feedback.received", order="O-1", solved=False),
]  # fmt: skip


def collected() -> tuple[ReportCollector, dict[str, object]]:
    collector = ReportCollector()
    result = replay(STORY, rules=Rules.of(all_guards()), on_journey=collector)
    return collector, collector.analysis(result)


def test_lanes_split_company_from_what_the_customer_was_told_and_said() -> None:
    lanes = journey_lanes(journey_of(STORY), [])
    lane = {e.id: (e.lane, e.said) for e in lanes.events}
    assert lane == {
        "p": ("company", False),
        "c": ("company", False),
        "d": ("company", False),
        "q": ("customer", True),
        "m": ("customer", False),
        "f": ("customer", True),
    }
    assert [e.id for e in lanes.events] == ["p", "c", "d", "q", "m", "f"]
    assert "Wo bleibt meine Matte?" in lanes.events[3].detail


def test_evidence_events_carry_the_codes_of_their_findings() -> None:
    collector, _ = collected()
    (lanes,) = collector.lanes()
    codes = {e.id: set(e.codes) for e in lanes.events}
    assert "silent_delay" in codes["d"]
    assert "status_inquiry" in codes["q"]
    assert {f.code for f in lanes.findings} >= {"silent_delay", "status_inquiry"}


def test_hurts_count_findings_at_the_step_and_the_transition_into_it() -> None:
    collector, analysis = collected()
    process = analysis["process"]
    assert isinstance(process, dict)
    activities = {a["name"]: a for a in process["activities"]}
    assert activities["contact.inbound"]["hurts_by_code"] == {"status_inquiry": 1}
    assert activities["order.confirmed"]["hurts_by_code"] == {
        "silent_delay": 1,
        "broken_promise": 1,
    }
    assert activities["order.confirmed"]["hurts"] == 2
    assert activities["message.sent"]["hurts"] == 0
    edges = {(e["from"], e["to"]): e for e in process["edges"]}
    assert edges[("shipment.delayed", "contact.inbound")]["hurts"] == 1
    assert edges[("order.placed", "order.confirmed")]["hurts"] == 2
    assert edges[("contact.inbound", "message.sent")]["hurts"] == 0
    assert edges[("order.placed", "order.confirmed")]["count"] == 1
    assert edges[("order.placed", "order.confirmed")]["median_seconds"] == 60
    assert collector.variants_json() == [
        {
            "activities": [
                "order.placed",
                "order.confirmed",
                "shipment.delayed",
                "contact.inbound",
                "message.sent",
                "feedback.received",
            ],
            "count": 1,
        }
    ]


def test_the_model_reads_the_analyze_json_and_groups_findings_by_code() -> None:
    collector, analysis = collected()
    model = build_model(analysis, collector.lanes())
    assert model.journeys == 1
    assert model.journeys_hurt == 1
    by_code = {g.code: g for g in model.codes}
    assert by_code["silent_delay"].examples == ("order:O-1",)
    assert by_code["silent_delay"].journeys == 1
    assert model.process.activities[0].count == 1


def test_examples_are_bounded_per_code_and_journeys_that_went_right_are_kept() -> None:
    collector = ReportCollector(examples_per_code=2, went_right=1)
    stories = []
    for n in range(5):
        stories += [
            event(f"o{n}", "2026-03-02T09:00", "case.opened", case=f"K-{n}"),
            event(f"r{n}", "2026-03-02T10:00", "case.resolved", case=f"K-{n}"),
        ]
        stories += [
            event(f"x{n}", "2026-03-02T09:00", "case.opened", case=f"L-{n}"),
            event(f"y{n}", "2026-03-03T09:00", "contact.inbound", case=f"L-{n}",
                  channel="phone", intent="status_inquiry"),
        ]  # fmt: skip
    replay(stories, rules=Rules.of(all_guards()), on_journey=collector)
    kept = [lanes.key for lanes in collector.lanes()]
    assert kept == ["case:K-0", "case:L-0", "case:L-1"]


def test_the_process_is_bounded_and_rare_steps_are_left_out() -> None:
    activities = (*(Activity(f"a{n}", 1000 - n) for n in range(40)), Activity("rare", 1))
    edges = tuple(Transition(f"a{n}", f"a{n + 1}", 10) for n in range(39))
    bounded = Process(activities, edges).bounded(activities=30, edges=20)
    assert len(bounded.activities) == 30
    assert len(bounded.edges) == 20
    assert "rare" not in {a.name for a in bounded.activities}


def test_the_map_layers_follow_the_flow_and_every_edge_is_drawn() -> None:
    process = Process(
        (Activity("a", 3), Activity("b", 3, hurts=2), Activity("c", 3)),
        (Transition("a", "b", 3), Transition("b", "c", 3), Transition("c", "b", 1, hurts=1)),
    )
    assert layers(process) == {"a": 0, "b": 1, "c": 2}
    drawing = draw_map(process)
    assert [e.kind for e in drawing.edges] == ["forward", "forward", "back"]
    assert all(e.path.startswith("M") for e in drawing.edges)
    heat = {n.name: n.heat for n in drawing.nodes}
    assert heat == {"a": 0.0, "b": 1.0, "c": 0.0}
