from __future__ import annotations

import os
from pathlib import Path

import pyarrow as pa
import pytest

from mittelpunkt.analytics.cache import LogCache


def _log(tmp_path: Path) -> Path:
    path = tmp_path / "log.csv"
    path.write_text("case,activity,time\n")
    return path


def test_events_are_kept_beside_the_log_and_found_again(tmp_path: Path) -> None:
    log = _log(tmp_path)
    LogCache.beside(log, "m").store_events(pa.table({"x": [1, 2]}))
    assert (tmp_path / "log.csv.mpcache").is_dir()
    found = LogCache.beside(log, "m").events(["x"])
    assert found is not None
    assert found.column("x").to_pylist() == [1, 2]


def test_a_changed_log_or_mapping_is_not_served_from_the_cache(tmp_path: Path) -> None:
    log = _log(tmp_path)
    LogCache.beside(log, "m").store_events(pa.table({"x": [1]}))
    assert LogCache.beside(log, "other mapping").events() is None
    log.write_text("case,activity,time\nK,a,2026-01-01T00:00:00Z\n")
    assert LogCache.beside(log, "m").events() is None


def test_a_touched_log_is_not_served_either(tmp_path: Path) -> None:
    log = _log(tmp_path)
    LogCache.beside(log, "m").store_events(pa.table({"x": [1]}))
    stat = log.stat()
    os.utime(log, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000_000))
    assert LogCache.beside(log, "m").events() is None


def test_results_live_beside_their_events_only(tmp_path: Path) -> None:
    log = _log(tmp_path)
    cache = LogCache.beside(log, "m")
    cache.store_result("k", {"a": 1})
    assert cache.result("k") is None, "no events kept yet: nothing to keep a result beside"
    cache.store_events(pa.table({"x": [1]}))
    cache.store_result("k", {"a": 1})
    assert cache.result("k") == {"a": 1}
    assert cache.result("another key") is None
    cache.store_events(pa.table({"x": [2]}))
    assert cache.result("k") is None, "new events drop the old results"


def test_a_cache_folder_can_be_chosen(tmp_path: Path) -> None:
    log = _log(tmp_path)
    cache = LogCache.beside(log, "m", tmp_path / "elsewhere")
    assert cache.directory.parent == tmp_path / "elsewhere"
    assert cache.directory.name.startswith("log.csv-")


def test_a_read_only_folder_sends_the_cache_home(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    log = _log(tmp_path)
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    monkeypatch.setattr(os, "access", lambda _path, _mode: False)
    cache = LogCache.beside(log, "m")
    assert cache.directory.parent == tmp_path / "home" / ".cache" / "mittelpunkt"


def test_an_unwritable_cache_is_no_error(tmp_path: Path) -> None:
    log = _log(tmp_path)
    blocker = tmp_path / "file-not-folder"
    blocker.write_text("")
    cache = LogCache.beside(log, "m", blocker)
    cache.store_events(pa.table({"x": [1]}))
    assert cache.events() is None
