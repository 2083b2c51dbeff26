"""Replay through buckets on disk equals the core's replay in memory, byte for byte."""

from __future__ import annotations

import io
import json
import random
from importlib import resources
from pathlib import Path
from typing import Any

import pytest

from mittelpunkt.adapters.buckets import (
    SPREAD_FROM,
    Reading,
    judge,
    spill,
    spill_file,
    worker_pool,
)
from mittelpunkt.adapters.jsonl import read_jsonl
from mittelpunkt.cli.common import default_rules
from mittelpunkt.cli.replay import replayed, write_json
from mittelpunkt.core.config import Config
from mittelpunkt.core.replay import Collection, replay
from mittelpunkt.demo.world import World, generate_world
from mittelpunkt.exceptions import BadEvent

RULES = default_rules(Config())


def seed_lines() -> list[str]:
    text = resources.files("mittelpunkt.stories").joinpath("seed_stories.jsonl").read_text()
    return text.splitlines()


def world_lines(customers: int = 400) -> list[str]:
    world = World(customers=customers, seed=7)
    return [json.dumps(raw, ensure_ascii=False) for raw in generate_world(world)]


def in_memory_json(lines: list[str], *, skip_invalid: bool = False) -> str:
    collection = Collection()
    rejected = read_jsonl(lines, collection, skip_invalid=skip_invalid)
    result = replay(collection, rules=RULES)
    return json.dumps(result.to_json(r.to_json() for r in rejected), ensure_ascii=False) + "\n"


def bucketed_json(path: Path, *, workers: int, skip_invalid: bool = False) -> str:
    out = io.StringIO()
    with replayed(str(path), Config(), workers=workers, skip_invalid=skip_invalid) as history:
        write_json(history, out)
    return out.getvalue()


def written(tmp_path: Path, lines: list[str]) -> Path:
    path = tmp_path / "events.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


@pytest.mark.parametrize("workers", [1, 2])
def test_the_seed_stories_give_the_same_json_as_in_memory(tmp_path: Path, workers: int) -> None:
    lines = seed_lines()
    assert bucketed_json(written(tmp_path, lines), workers=workers) == in_memory_json(lines)


def test_a_world_judged_by_two_workers_gives_the_same_json_in_any_order(tmp_path: Path) -> None:
    lines = world_lines()
    expected = in_memory_json(lines)
    assert json.loads(expected)["findings"], "the world should hold findings"
    random.Random(3).shuffle(lines)  # noqa: S311 - a fixed shuffle, not a secret
    path = written(tmp_path, lines)
    with (
        worker_pool(RULES, Reading(), 2) as pool,
        path.open() as stream,
        spill(stream) as spilled,
    ):
        assert pool is not None
        history = judge(spilled, RULES, pool=pool, small=0)
        out = io.StringIO()
        write_json(history, out)
    assert out.getvalue() == expected


def test_duplicates_conflicts_and_bad_lines_are_handled_as_in_memory(tmp_path: Path) -> None:
    lines = seed_lines()
    first = json.loads(lines[0])
    conflicting = dict(first, customer="someone-else")  # another customer: another bucket
    lines[5:5] = [lines[0], json.dumps(conflicting), "{broken"]
    path = written(tmp_path, lines)
    assert bucketed_json(path, workers=1, skip_invalid=True) == in_memory_json(
        lines, skip_invalid=True
    )
    with pytest.raises(BadEvent, match=r"line 7.*different content"):
        bucketed_json(path, workers=1)


def skipping_as_in_memory(tmp_path: Path, lines: list[str]) -> dict[str, Any]:
    """Replay ``lines`` with ``--skip-invalid`` both ways; the JSON, once found equal."""
    expected = in_memory_json(lines, skip_invalid=True)
    assert bucketed_json(written(tmp_path, lines), workers=1, skip_invalid=True) == expected
    found: dict[str, Any] = json.loads(expected)
    return found


def test_an_id_whose_first_line_is_invalid_is_taken_from_its_next(tmp_path: Path) -> None:
    lines = seed_lines()
    invalid = dict(json.loads(lines[0]), customer="someone-else", time="yesterday")
    lines.insert(0, json.dumps(invalid))
    assert skipping_as_in_memory(tmp_path, lines)["rejected"][0]["field"] == "time"


def test_a_latest_line_that_is_invalid_does_not_set_the_moment(tmp_path: Path) -> None:
    lines = seed_lines()
    late = dict(json.loads(lines[0]), id="late", type="no.such.type", time="2030-01-01T00:00:00Z")
    lines.append(json.dumps(late))
    assert not skipping_as_in_memory(tmp_path, lines)["as_of"].startswith("2030")


def test_lines_spelled_differently_find_their_customer_and_id(tmp_path: Path) -> None:
    plain = {
        "id": "e1",
        "time": "2026-03-02T09:00:00+01:00",
        "type": "order.confirmed",
        "customer": "Kundin Ä",
        "refs": {"order": "O-1"},
        "data": {"promised_delivery": "2026-03-04", "items": [{"sku": "a", "id": "x"}]},
    }
    later = {
        "id": "e2",
        "time": "2026-03-10T09:00:00+01:00",
        "type": "contact.inbound",
        "customer": "Kundin Ä",
        "refs": {"order": "O-1"},
        "data": {"channel": "phone"},
    }
    lines = [
        json.dumps(plain, ensure_ascii=False),
        json.dumps(later),  # the customer as \u escapes
        json.dumps(plain, ensure_ascii=True, indent=None, separators=(",", ":")),
    ]
    expected = in_memory_json(lines)
    assert json.loads(expected)["journeys"] == 1
    assert bucketed_json(written(tmp_path, lines), workers=1) == expected


def test_a_file_that_is_not_utf8_stops_as_in_memory(tmp_path: Path) -> None:
    path = tmp_path / "events.jsonl"
    path.write_bytes("\n".join(seed_lines()[:3]).encode() + b'\n{"id": "\xff"}\n')
    with pytest.raises(BadEvent) as in_memory, path.open(encoding="utf-8") as lines:
        read_jsonl(lines, Collection(), source=str(path), skip_invalid=True)
    assert "not UTF-8" in str(in_memory.value)
    for skip_invalid in (True, False):
        with pytest.raises(BadEvent) as bucketed:
            bucketed_json(path, workers=1, skip_invalid=skip_invalid)
        assert str(bucketed.value) == str(in_memory.value)


def test_an_empty_history_has_no_moment(tmp_path: Path) -> None:
    assert bucketed_json(written(tmp_path, []), workers=1) == in_memory_json([])


def parted_json(path: Path, *, parts: int, skip_invalid: bool = False) -> str:
    """Spill ``path`` in ``parts`` byte ranges by two workers, judge, and write the JSON."""
    reading = Reading(source=str(path))
    with (
        worker_pool(RULES, reading, 2) as pool,
        spill_file(path, reading=reading, pool=pool, parts=parts, buckets=16) as spilled,
    ):
        history = judge(spilled, RULES, pool=pool, skip_invalid=skip_invalid, small=0)
        out = io.StringIO()
        write_json(history, out)
    return out.getvalue()


@pytest.mark.parametrize("parts", [2, 7, 64])
def test_a_file_spilled_in_byte_ranges_gives_the_same_json(tmp_path: Path, parts: int) -> None:
    lines = world_lines(150)
    random.Random(parts).shuffle(lines)  # noqa: S311 - a fixed shuffle, not a secret
    lines[3:3] = ["", "   "]  # blank lines count, and are skipped
    path = tmp_path / "events.jsonl"
    path.write_text("\n".join(lines), encoding="utf-8")  # the last line without a newline
    assert parted_json(path, parts=parts) == in_memory_json(lines)


def test_ids_shared_across_byte_ranges_are_settled_in_line_order(tmp_path: Path) -> None:
    lines = seed_lines()
    first = json.loads(lines[0])
    conflicting = json.dumps(dict(first, customer="someone-else"))  # another bucket
    lines += [lines[0], conflicting, lines[0], "{broken", conflicting]  # later ranges
    path = written(tmp_path, lines)
    expected = in_memory_json(lines, skip_invalid=True)
    assert json.loads(expected)["rejected"], "the conflicts should be rejected"
    assert parted_json(path, parts=9, skip_invalid=True) == expected
    with pytest.raises(BadEvent) as in_memory:
        read_jsonl(lines, Collection(), source=str(path))
    with pytest.raises(BadEvent) as parted:
        parted_json(path, parts=9)
    assert str(parted.value) == str(in_memory.value)


def test_a_file_with_carriage_returns_is_read_in_one_piece_as_text(tmp_path: Path) -> None:
    lines = seed_lines()
    path = tmp_path / "events.jsonl"
    path.write_text("\r\n".join(lines) + "\r\n", encoding="utf-8", newline="")
    assert parted_json(path, parts=4) == in_memory_json(lines)
    old_mac = tmp_path / "old.jsonl"  # a lone carriage return ends a line when read as text
    old_mac.write_text("\r".join(lines), encoding="utf-8", newline="")
    assert parted_json(old_mac, parts=4) == in_memory_json(lines)


def test_a_file_not_utf8_in_a_byte_range_stops_as_text_reading_does(tmp_path: Path) -> None:
    path = tmp_path / "events.jsonl"
    path.write_bytes("\n".join(seed_lines()).encode() + b'\n{"id": "\xff"}\n')
    with pytest.raises(BadEvent) as in_memory, path.open(encoding="utf-8") as lines:
        read_jsonl(lines, Collection(), source=str(path))
    with pytest.raises(BadEvent) as parted:
        parted_json(path, parts=4)
    assert str(parted.value) == str(in_memory.value)
    assert not list(tmp_path.glob("mittelpunkt-*")), "no pieces are left behind"


def test_replay_spreads_a_large_file_over_its_workers(tmp_path: Path) -> None:
    lines = world_lines(1500)
    path = written(tmp_path, lines)
    assert path.stat().st_size >= SPREAD_FROM, "the world should be large enough to spread"
    assert bucketed_json(path, workers=2) == in_memory_json(lines)


def test_a_history_judged_for_json_only_writes_the_same_json(tmp_path: Path) -> None:
    lines = seed_lines()
    path = written(tmp_path, lines)
    out = io.StringIO()
    with replayed(str(path), Config(), workers=1, values=False) as history:
        write_json(history, out)
        with pytest.raises(ValueError, match="JSON only"):
            next(iter(history.findings))
    assert out.getvalue() == in_memory_json(lines)
