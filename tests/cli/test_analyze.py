from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from mittelpunkt.cli.app import app

LOG = """ticket;step;at
T1;Open;2026-03-02T09:00:00+01:00
T1;Wait;2026-03-02T10:00:00+01:00
T1;Resolve;2026-03-09T10:00:00+01:00
"""
MAPPING = """
[source]
case = "ticket"
activity = "step"
time = "at"
covers = ["cases"]

[activities]
"Open" = { type = "case.opened" }
"Wait" = { type = "case.waiting", data = { on = "customer" } }
"Resolve" = { type = "case.resolved" }

[promises]
resolution = { after = "case.opened", within = "5d", kept_by = "case.resolved" }
"""


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(app, list(args))
    return result.exit_code, result.stdout, result.stderr


def files(tmp_path: Path, log: str = LOG, mapping: str = MAPPING) -> tuple[str, str]:
    (tmp_path / "log.csv").write_text(log)
    (tmp_path / "map.toml").write_text(mapping)
    return str(tmp_path / "log.csv"), str(tmp_path / "map.toml")


def test_analyze_writes_the_json_of_the_contract(tmp_path: Path) -> None:
    log, mapping = files(tmp_path)
    out = tmp_path / "out.json"
    code, _, err = run(
        "analyze",
        log,
        "--mapping",
        mapping,
        "--json",
        str(out),
        "--cache-dir",
        str(tmp_path / "cache"),
    )
    assert code == 0, err
    result = json.loads(out.read_text())
    assert set(result) >= {
        "as_of",
        "events",
        "journeys",
        "customers",
        "findings",
        "measures",
        "rejected",
        "process",
        "variants",
        "hurts",
        "throughput",
        "waiting_on_customer",
        "reopenings",
        "covers",
        "silent_guards",
    }
    assert [e["from"] for e in result["process"]["edges"]] == ["Open", "Wait"]
    assert [f["code"] for f in result["findings"]] == ["broken_promise"]


def test_analyze_prints_the_json_when_no_output_is_named(tmp_path: Path) -> None:
    log, mapping = files(tmp_path)
    code, out, _ = run("analyze", log, "--mapping", mapping, "--no-cache")
    assert code == 0
    assert json.loads(out)["variants"][0]["activities"] == ["Open", "Wait", "Resolve"]
    assert not (tmp_path / "log.csv.mpcache").exists()


def test_analyze_writes_the_html_report(tmp_path: Path) -> None:
    log, mapping = files(tmp_path)
    report = tmp_path / "report.html"
    code, _, err = run("analyze", log, "--mapping", mapping, "--report", str(report))
    assert code == 0, err
    assert report.read_text().lstrip().lower().startswith("<!doctype html")


def test_a_bad_row_exits_2_naming_line_and_column_and_writes_nothing(tmp_path: Path) -> None:
    log, mapping = files(tmp_path, LOG + "T2;Open;soon\n")
    out = tmp_path / "out.json"
    code, _, err = run("analyze", log, "--mapping", mapping, "--json", str(out))
    assert code == 2
    assert "line 5" in err
    assert "field at" in err
    assert "Traceback" not in err
    assert not out.exists()
    assert list(tmp_path.glob(".out.json*")) == []


def test_a_bad_mapping_exits_2_naming_the_key(tmp_path: Path) -> None:
    log, mapping = files(
        tmp_path, mapping=MAPPING.replace('type = "case.opened"', 'type = "case.open"')
    )
    code, _, err = run("analyze", log, "--mapping", mapping)
    assert code == 2
    assert 'activities."Open".type: unknown type' in err


def test_a_log_other_than_json_lines_needs_a_mapping(tmp_path: Path) -> None:
    log, _ = files(tmp_path)
    code, _, err = run("analyze", log)
    assert code == 2
    assert "--mapping: needed" in err


def test_canonical_json_lines_need_no_mapping(tmp_path: Path) -> None:
    path = tmp_path / "events.jsonl"
    raw = {
        "id": "e1",
        "time": "2026-03-02T09:00:00+01:00",
        "type": "order.confirmed",
        "customer": "C-1",
        "refs": {"order": "O-1"},
        "data": {"promised_delivery": "2026-03-06"},
    }
    late = {
        "id": "e2",
        "time": "2026-03-09T10:00:00+01:00",
        "type": "x-note",
        "customer": "C-1",
        "refs": {"order": "O-1"},
    }
    path.write_text(json.dumps(raw) + "\n" + json.dumps(late) + "\n")
    code, out, err = run("analyze", str(path), "--no-cache")
    assert code == 0, err
    result = json.loads(out)
    assert "broken_promise" in {f["code"] for f in result["findings"]}
    assert result["silent_guards"] == []


def test_a_missing_log_exits_2(tmp_path: Path) -> None:
    code, _, err = run("analyze", str(tmp_path / "absent.xes"), "--mapping", "m.toml")
    assert code == 2
    assert "no such file" in err
