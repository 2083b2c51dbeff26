from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from mittelpunkt.adapters.mapping import parse_mapping
from mittelpunkt.adapters.sources import read_events
from mittelpunkt.exceptions import BadConfig, BadEvent

MAPPING = parse_mapping(
    {
        "source": {
            "case": "case",
            "activity": "activity",
            "time": "time",
            "timezone": "Europe/Berlin",
        }
    }
)


def _write(tmp_path: Path, columns: dict[str, list[object]]) -> Path:
    path = tmp_path / "log.parquet"
    pq.write_table(pa.table(columns), path)
    return path


def test_native_times_keep_their_zone_and_naive_ones_take_the_mappings(tmp_path: Path) -> None:
    aware = _write(
        tmp_path,
        {
            "case": ["A", "A"],
            "activity": ["x", "y"],
            "amount": [1.5, None],
            "time": [datetime(2024, 1, 2, 8, tzinfo=UTC), datetime(2024, 1, 2, 9, tzinfo=UTC)],
        },
    )
    events = list(read_events(aware, MAPPING))
    assert [e.time.isoformat() for e in events] == [
        "2024-01-02T08:00:00+00:00",
        "2024-01-02T09:00:00+00:00",
    ]
    assert dict(events[0].data) == {"amount": 1.5, "activity": "x"}
    naive = _write(tmp_path, {"case": ["A"], "activity": ["x"], "time": [datetime(2024, 7, 2, 8)]})  # noqa: DTZ001 - a naive time on purpose
    (event,) = read_events(naive, MAPPING)
    assert event.time.isoformat() == "2024-07-02T08:00:00+02:00"


def test_a_bad_row_is_named_by_row_and_column(tmp_path: Path) -> None:
    path = _write(
        tmp_path,
        {
            "case": ["A", None],
            "activity": ["x", "y"],
            "time": ["2024-01-02T08:00:00Z", "2024-01-02T09:00:00Z"],
        },
    )
    with pytest.raises(BadEvent, match=r"log\.parquet, line 2, field case: case is empty"):
        list(read_events(path, MAPPING))


def test_a_missing_column_names_the_key(tmp_path: Path) -> None:
    path = _write(tmp_path, {"case": ["A"], "activity": ["x"], "when": ["2024-01-02"]})
    with pytest.raises(BadConfig, match=r"source\.time: no column 'time'"):
        list(read_events(path, MAPPING))


def test_a_file_that_is_not_parquet_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "log.parquet"
    path.write_text("case,activity\n")
    with pytest.raises(BadEvent, match="not a Parquet file"):
        list(read_events(path, MAPPING))
