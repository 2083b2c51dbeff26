from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from mittelpunkt.cli.app import app

GOOD = [
    {
        "id": "e1",
        "time": "2026-03-02T09:00:00+01:00",
        "type": "order.placed",
        "customer": "C-1",
        "refs": {"order": "O-1"},
        "data": {"items": [{"sku": "MAT"}], "channel": "web"},
    },
    {
        "id": "e2",
        "time": "2026-03-02T09:01:00+01:00",
        "type": "order.confirmed",
        "customer": "C-1",
        "refs": {"order": "O-1"},
        "data": {"promised_delivery": "2026-03-06"},
    },
    {
        "id": "e3",
        "time": "2026-03-09T10:00:00+01:00",
        "type": "x-note",
        "customer": "C-1",
        "refs": {"order": "O-1"},
    },
]


def lines(*events: object) -> str:
    return "".join((e if isinstance(e, str) else json.dumps(e)) + "\n" for e in events)


def run(*args: str, stdin: str | None = None) -> tuple[int, str, str]:
    result = CliRunner().invoke(app, list(args), input=stdin)
    return result.exit_code, result.stdout, result.stderr


def write(tmp_path: Path, text: str) -> str:
    path = tmp_path / "events.jsonl"
    path.write_text(text, encoding="utf-8")
    return str(path)


def test_replay_prints_the_json_of_the_contract(tmp_path: Path) -> None:
    code, out, _ = run("replay", write(tmp_path, lines(*GOOD)), "--format", "json")
    assert code == 0
    report = json.loads(out)
    assert set(report) >= {
        "as_of",
        "events",
        "journeys",
        "customers",
        "findings",
        "measures",
        "rejected",
    }
    assert report["events"] == 3
    assert report["as_of"] == "2026-03-09T10:00:00+01:00"
    assert [f["code"] for f in report["findings"]] == ["broken_promise", "no_news"]
    finding = report["findings"][0]
    assert set(finding) >= {
        "code",
        "journey",
        "customer",
        "time",
        "severity",
        "evidence",
        "summary",
        "action",
    }
    assert report["measures"]["promise_kept_rate"] == 0.0


def test_replay_reads_stdin_and_honours_as_of(tmp_path: Path) -> None:
    del tmp_path
    code, out, _ = run(
        "replay",
        "-",
        "--as-of",
        "2026-03-05T00:00:00+01:00",
        "--format",
        "json",
        stdin=lines(*GOOD),
    )
    assert code == 0
    assert json.loads(out)["findings"] == []


@pytest.mark.parametrize(
    ("bad", "words"),
    [
        ("{not json", "line 2"),
        (json.dumps({**GOOD[0], "id": "e9", "customer": None}), "field customer"),
        (json.dumps({**GOOD[0], "id": "e9", "time": "2026-03-02T09:00:00"}), "no UTC offset"),
        (json.dumps({**GOOD[0], "id": "e9", "type": "order.lost"}), "unknown type"),
        (json.dumps({**GOOD[0], "data": {"items": [{"sku": "OTHER"}]}}), "different content"),
    ],
)
def test_bad_input_exits_2_naming_line_and_field(tmp_path: Path, bad: str, words: str) -> None:
    code, out, err = run("replay", write(tmp_path, lines(GOOD[0], bad, GOOD[1])))
    assert code == 2
    assert out == ""
    assert "line 2" in err
    assert words in err
    assert "Traceback" not in err


def test_an_exact_duplicate_is_ignored(tmp_path: Path) -> None:
    code, out, _ = run("replay", write(tmp_path, lines(*GOOD, GOOD[1])), "--format", "json")
    assert code == 0
    assert json.loads(out)["events"] == 3


def test_skip_invalid_replays_the_rest_and_lists_what_it_rejected(tmp_path: Path) -> None:
    bad = json.dumps({**GOOD[0], "id": "e9", "time": "2026-03-02T09:00:00"})
    code, out, _ = run(
        "replay",
        write(tmp_path, lines(GOOD[0], bad, GOOD[1], GOOD[2])),
        "--skip-invalid",
        "--format",
        "json",
    )
    assert code == 0
    report = json.loads(out)
    assert report["events"] == 3
    assert report["rejected"] == [
        {"line": 2, "id": "e9", "field": "time", "error": "time has no UTC offset"}
    ]


def test_a_missing_file_and_a_bad_config_are_usage_errors(tmp_path: Path) -> None:
    code, _, err = run("replay", str(tmp_path / "absent.jsonl"))
    assert code == 2
    assert "absent.jsonl" in err
    config = tmp_path / "guards.toml"
    config.write_text('[guards.no_news]\nwindw = "3d"\n')
    code, _, err = run("replay", write(tmp_path, lines(*GOOD)), "--config", str(config))
    assert code == 2
    assert "guards.no_news.windw" in err


def test_config_sets_thresholds_and_language(tmp_path: Path) -> None:
    config = tmp_path / "guards.toml"
    config.write_text('lang = "de"\n[guards.broken_promise]\ngrace = "5d"\n')
    code, out, _ = run(
        "replay", write(tmp_path, lines(*GOOD)), "--config", str(config), "--format", "json"
    )
    assert code == 0
    assert [f["code"] for f in json.loads(out)["findings"]] == ["no_news"]
    config.write_text('lang = "de"\n')
    _, out, _ = run(
        "replay", write(tmp_path, lines(*GOOD)), "--config", str(config), "--format", "json"
    )
    assert "zugesagte Lieferung" in json.loads(out)["findings"][0]["summary"]


def test_the_table_shows_each_journey_with_findings_and_the_measures(tmp_path: Path) -> None:
    code, out, _ = run("replay", write(tmp_path, lines(*GOOD)), "--format", "table")
    assert code == 0
    assert "order:O-1" in out
    assert "broken_promise" in out
    assert "promise kept rate" in out


def test_demo_reports_the_seed_stories(tmp_path: Path) -> None:
    report = tmp_path / "demo.html"
    code, out, _ = run("demo", "--no-serve", "--customers", "40", "--out", str(report))
    assert code == 0
    for code_ in ("misleading_message", "silent_delay", "bot_loop", "conflicting_dates"):
        assert code_ in out
    assert report.name in out
    assert "order:O-000" in report.read_text(encoding="utf-8")
