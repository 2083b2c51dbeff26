from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

from mittelpunkt.cli.app import app


def test_demo_without_no_serve_says_serving_is_not_there_yet(tmp_path: Path) -> None:
    report = tmp_path / "bericht.html"
    result = CliRunner().invoke(
        app, ["demo", "--customers", "20", "--seed", "3", "--lang", "de", "--out", str(report)]
    )
    assert result.exit_code == 0
    assert "Bericht:" in result.stdout
    assert "Webdienst" in result.stdout
    html = report.read_text(encoding="utf-8")
    assert '<html lang="de">' in html
    assert "20 Kunden (Seed 3)" in html


def test_the_demo_world_is_reproducible(tmp_path: Path) -> None:
    pages = []
    for name in ("a.html", "b.html"):
        result = CliRunner().invoke(
            app, ["demo", "--no-serve", "--customers", "15", "--out", str(tmp_path / name)]
        )
        assert result.exit_code == 0
        pages.append((tmp_path / name).read_text(encoding="utf-8"))
    assert pages[0] == pages[1]


def test_an_unwritable_report_path_is_a_usage_error(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("")
    result = CliRunner().invoke(
        app, ["demo", "--no-serve", "--customers", "5", "--out", str(blocker / "r.html")]
    )
    assert result.exit_code == 2
    assert "cannot write the report" in result.stderr
    assert "Traceback" not in result.stderr


def test_an_unknown_language_is_a_usage_error() -> None:
    result = CliRunner().invoke(app, ["demo", "--no-serve", "--lang", "fr"])
    assert result.exit_code == 2
    assert "lang" in result.stderr
