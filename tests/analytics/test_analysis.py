from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest

from mittelpunkt.adapters.mapping import parse_mapping
from mittelpunkt.analytics.analysis import Options, analyze_log
from mittelpunkt.exceptions import BadEvent

LOG = """ticket,step,at,product
T1,Open,2026-03-02T09:00:00+01:00,router
T1,Wait,2026-03-02T10:00:00+01:00,router
T1,Resolve,2026-03-09T10:00:00+01:00,router
T1,Work,2026-03-10T10:00:00+01:00,router
T2,Open,2026-03-03T09:00:00+01:00,modem
T2,Resolve,2026-03-03T12:00:00+01:00,modem
"""
MAPPING = parse_mapping(
    {
        "source": {"case": "ticket", "activity": "step", "time": "at", "covers": ["cases"]},
        "activities": {
            "Open": {"type": "case.opened"},
            "Wait": {"type": "case.waiting", "data": {"on": "customer"}},
            "Resolve": {"type": "case.resolved"},
        },
        "promises": {
            "resolution": {"after": "case.opened", "within": "5d", "kept_by": "case.resolved"}
        },
        "reopen": {"after": ["Resolve"]},
    }
)


def _log(tmp_path: Path, text: str = LOG) -> Path:
    path = tmp_path / "tickets.csv"
    path.write_text(text)
    return path


def test_the_analysis_has_the_shape_of_the_contract(tmp_path: Path) -> None:
    result = analyze_log(_log(tmp_path), MAPPING, Options(cache_dir=tmp_path / "cache")).json
    for key in (
        "as_of",
        "events",
        "journeys",
        "customers",
        "findings",
        "measures",
        "rejected",
        "process",
        "variants",
    ):
        assert key in result
    # Replayed: six recorded, one reopening, two policy promises made and two kept.
    assert (result["events"], result["process"]["events"]) == (11, 6)
    assert {e["from"] for e in result["process"]["edges"]} == {"Open", "Wait", "Resolve"}
    assert result["variants"][0]["count"] == 1
    assert result["variant_count"] == 2
    assert [f["code"] for f in result["findings"]] == ["broken_promise"]
    assert result["hurts"]["activities"][0]["name"] == "Open"
    assert result["reopenings"]["cases"] == 1
    assert result["waiting_on_customer"]["waits"] == 1
    assert result["covers"] == ["cases"]
    assert "unrequested_info" in {g["code"] for g in result["silent_guards"]}
    assert result["log"] == {
        "file": str(tmp_path / "tickets.csv"),
        "format": "csv",
        "cached": False,
    }


def test_a_second_analysis_comes_from_the_cache(tmp_path: Path) -> None:
    options = Options(cache_dir=tmp_path / "cache")
    path = _log(tmp_path)
    first = analyze_log(path, MAPPING, options)
    second = analyze_log(path, MAPPING, options)
    assert second.json["log"]["cached"]
    assert {**second.json, "log": None} == {**first.json, "log": None}
    assert [e.id for e in second.examples] == [e.id for e in first.examples]


def test_another_moment_replays_the_cached_events(tmp_path: Path) -> None:
    path = _log(tmp_path)
    analyze_log(path, MAPPING, Options(cache_dir=tmp_path / "cache"))
    early = Options(
        cache_dir=tmp_path / "cache", as_of=datetime.fromisoformat("2026-03-04T00:00:00+01:00")
    )
    result = analyze_log(path, MAPPING, early).json
    assert result["log"]["cached"], "the events came from the cache, not the log"
    assert result["findings"] == []


def test_a_bad_row_leaves_no_cache(tmp_path: Path) -> None:
    path = _log(tmp_path, LOG + "T3,Open,not a time,x\n")
    with pytest.raises(BadEvent, match="line 8, event T3#1, field at"):
        analyze_log(path, MAPPING, Options(cache_dir=tmp_path / "cache"))
    assert not (tmp_path / "cache").exists()
