from __future__ import annotations

import json
from pathlib import Path

import pytest

from mittelpunkt.adapters.mapping import LogMapping
from mittelpunkt.adapters.sources import log_format, read_events
from mittelpunkt.exceptions import BadConfig, BadEvent, MittelpunktError


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("events.jsonl", "jsonl"),
        ("log.XES", "xes"),
        ("log.xes.gz", "xes"),
        ("log.csv", "csv"),
        ("log.csv.gz", "csv"),
        ("log.parquet", "parquet"),
        ("log.ocel2.json.gz", "ocel"),
        ("log.xmlocel", "ocel"),
        ("log.sqlite", "ocel"),
    ],
)
def test_the_format_follows_the_name(name: str, expected: str) -> None:
    assert log_format(Path(name)) == expected


def test_an_unknown_format_is_refused() -> None:
    with pytest.raises(BadConfig, match=r"notes\.docx: unknown log format"):
        log_format(Path("notes.docx"))


def test_canonical_json_lines_are_read_as_they_are(tmp_path: Path) -> None:
    path = tmp_path / "events.jsonl"
    raw = {
        "id": "e1",
        "time": "2026-03-02T09:00:00+01:00",
        "type": "case.opened",
        "customer": "C-1",
        "refs": {"case": "K-1"},
    }
    path.write_text(json.dumps(raw) + "\n" + json.dumps(raw) + "\n")
    (event,) = read_events(path, LogMapping())
    assert event.journey == "case:K-1"


def test_a_bad_json_line_is_named(tmp_path: Path) -> None:
    path = tmp_path / "events.jsonl"
    path.write_text(
        '{"id": "e1", "time": "2026-03-02T09:00:00", "type": "case.opened", "customer": "C"}\n'
    )
    with pytest.raises(BadEvent, match=r"events\.jsonl, line 1, event e1, field time"):
        list(read_events(path, LogMapping()))


def test_a_missing_file_is_a_clean_error(tmp_path: Path) -> None:
    with pytest.raises(MittelpunktError, match="cannot read"):
        list(read_events(tmp_path / "absent.csv", LogMapping()))
