from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from mittelpunkt.adapters.mapping import LogMapping, parse_mapping
from mittelpunkt.adapters.sources import read_events
from mittelpunkt.exceptions import BadConfig, BadEvent

MAPPING: dict[str, dict[str, Any]] = {
    "source": {"case": "ticket", "activity": "step", "time": "at", "customer": "who"},
    "activities": {"Wait": {"type": "case.waiting", "data": {"on": "customer"}}},
}


def _log(tmp_path: Path, text: str, name: str = "log.csv", encoding: str = "utf-8") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding=encoding)
    return path


def _mapping(**source: object) -> LogMapping:
    return parse_mapping({**MAPPING, "source": {**MAPPING["source"], **source}})


def test_rows_become_canonical_events(tmp_path: Path) -> None:
    path = _log(
        tmp_path,
        "ticket,step,at,who,product\n"
        "T1,Open,2024-05-02T09:00:00+02:00,C7,router\n"
        "T1,Wait,2024-05-02T10:00:00+02:00,C7,router\n",
    )
    events = list(read_events(path, _mapping()))
    assert [(e.id, e.type, e.customer, e.journey) for e in events] == [
        ("T1#1", "x-activity", "C7", "case:T1"),
        ("T1#2", "case.waiting", "C7", "case:T1"),
    ]
    assert dict(events[1].data) == {"product": "router", "on": "customer", "activity": "Wait"}


def test_the_delimiter_is_sniffed_and_the_encoding_followed(tmp_path: Path) -> None:
    text = "ticket;step;at;who\nT1;Réclamation;2016-01-12;C1\n"
    path = _log(tmp_path, text, encoding="latin-1")
    mapping = _mapping(timezone="Europe/Amsterdam", encoding="latin-1")
    (event,) = read_events(path, mapping)
    assert event.data["activity"] == "Réclamation"
    assert event.time.isoformat() == "2016-01-12T00:00:00+01:00"


def test_a_time_format_reads_other_spellings(tmp_path: Path) -> None:
    path = _log(tmp_path, "ticket,step,at,who\nT1,Open,12.01.2016 10:30,C1\n")
    mapping = _mapping(timezone="Europe/Berlin", time_format="%d.%m.%Y %H:%M")
    (event,) = read_events(path, mapping)
    assert event.time.isoformat() == "2016-01-12T10:30:00+01:00"


@pytest.mark.parametrize(
    ("rows", "where"),
    [
        ("T1,Open,2024-05-02T09:00:00,C1\n", "line 2, event T1#1, field at: time has no UTC"),
        ("T1,Open,,C1\n", "line 2, field at: at is empty"),
        (",Open,2024-05-02T09:00:00Z,C1\n", "line 2, field ticket: ticket is empty"),
        ("T1,Open,tomorrow,C1\n", "line 2, event T1#1, field at: 'tomorrow' is not"),
        ("T1,Open,2024-05-02T09:00:00Z\n", "line 2: 3 cells where the header has 4"),
    ],
)
def test_a_bad_row_is_named_by_line_and_column(tmp_path: Path, rows: str, where: str) -> None:
    path = _log(tmp_path, "ticket,step,at,who\nT0,Open,2024-05-01T09:00:00Z,C1\n" + rows)
    where = where.replace("line 2", "line 3")
    with pytest.raises(BadEvent) as caught:
        list(read_events(path, _mapping()))
    assert str(caught.value).startswith(f"{path}, {where}")


def test_a_time_format_mismatch_names_line_and_column(tmp_path: Path) -> None:
    path = _log(tmp_path, "ticket,step,at,who\nT1,Open,2016-01-12,C1\n")
    mapping = _mapping(timezone="Europe/Berlin", time_format="%d.%m.%Y")
    with pytest.raises(BadEvent, match=r"line 2, field at: '2016-01-12' does not match"):
        list(read_events(path, mapping))


def test_a_column_the_mapping_names_must_be_in_the_header(tmp_path: Path) -> None:
    path = _log(tmp_path, "ticket,activity,at,who\nT1,Open,2024-05-02T09:00:00Z,C1\n")
    with pytest.raises(BadConfig, match=r"source\.activity: no column 'step' in the header"):
        list(read_events(path, _mapping()))


def test_text_in_another_encoding_is_named_by_line(tmp_path: Path) -> None:
    head = "ticket,step,at,who\n" + "T1,Open,2024-05-02T09:00:00Z,C1\n" * 3
    path = tmp_path / "log.csv"
    path.write_bytes(head.encode() + "T1,Réclamation,2024-05-02T09:00:00Z,C1\n".encode("latin-1"))
    with pytest.raises(BadEvent, match="not utf-8 text"):
        list(read_events(path, _mapping()))


def test_an_empty_file_has_no_events(tmp_path: Path) -> None:
    assert list(read_events(_log(tmp_path, ""), _mapping())) == []
