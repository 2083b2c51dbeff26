from __future__ import annotations

import json
import subprocess
import sys

from typer.testing import CliRunner

from mittelpunkt.cli.app import app

KEYS = {"text", "lang", "intents", "explicit", "confidence", "cues"}


def _lines(output: str) -> list[dict[str, object]]:
    return [json.loads(line) for line in output.splitlines()]


def test_one_json_object_per_message_given_as_arguments() -> None:
    result = CliRunner().invoke(
        app, ["intent", "Kann man das stornieren?", "Hiermit storniere ich Bestellung 4711."]
    )
    assert result.exit_code == 0
    first, second = _lines(result.stdout)
    assert set(first) == KEYS
    assert first["text"] == "Kann man das stornieren?"
    assert first["lang"] == "de"
    assert first["intents"] == ["cancel_question"]
    assert first["explicit"] is False
    assert isinstance(first["confidence"], float)
    assert second["intents"] == ["cancel_request"]
    assert second["explicit"] is True


def test_without_arguments_one_message_per_line_of_stdin() -> None:
    stdin = "Where is my parcel?\n\n   \nPlease unsubscribe me from the newsletter.\n"
    result = CliRunner().invoke(app, ["intent"], input=stdin)
    assert result.exit_code == 0
    readings = _lines(result.stdout)
    assert [r["text"] for r in readings] == [
        "Where is my parcel?",
        "Please unsubscribe me from the newsletter.",
    ]
    assert readings[0]["intents"] == ["status_inquiry"]
    assert readings[1]["intents"] == ["unsubscribe"]


def test_the_command_runs_as_a_process() -> None:
    command = [sys.executable, "-c", "from mittelpunkt.cli.app import main; main()"]
    run = subprocess.run(  # noqa: S603 - our own interpreter and a fixed argument list
        [*command, "intent", "Hat sich erübrigt."],
        capture_output=True,
        text=True,
        check=True,
        encoding="utf-8",
    )
    reading = json.loads(run.stdout)
    assert reading["intents"] == ["withdraw"]
    assert reading["text"] == "Hat sich erübrigt."
