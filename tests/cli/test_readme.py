"""The README's tour must stay true: its example events give the findings it promises."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from mittelpunkt.cli.app import app

README = Path(__file__).parents[2] / "README.md"


def test_the_tour_example_finds_a_silent_delay_and_a_broken_promise(tmp_path: Path) -> None:
    lines = [
        line.strip() for line in README.read_text().splitlines() if line.strip().startswith('{"id"')
    ]
    assert len(lines) == 3
    events = tmp_path / "events.jsonl"
    events.write_text("\n".join(lines) + "\n")
    result = CliRunner().invoke(
        app, ["replay", str(events), "--as-of", "2026-03-08T00:00:00+01:00", "--format", "json"]
    )
    assert result.exit_code == 0
    codes = [f["code"] for f in json.loads(result.stdout)["findings"]]
    assert codes == ["silent_delay", "broken_promise"]
