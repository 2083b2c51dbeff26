"""``mittelpunkt analyze LOG --mapping M``: import a log, replay it, map where it hurts.

Writes ``--json`` (the ``analyze`` JSON of ``interfaces.md``) and/or ``--report`` (the HTML
report); with neither, prints the JSON. Outputs are written under a temporary name and
renamed once everything succeeded, so bad input leaves nothing half-written.
"""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Mapping
from dataclasses import replace
from datetime import datetime
from pathlib import Path
from typing import Annotated

import typer

from mittelpunkt.adapters.config_file import load_config
from mittelpunkt.adapters.mapping import LogMapping, load_mapping
from mittelpunkt.adapters.sources import log_format
from mittelpunkt.analytics.analysis import Analysis, Options, analyze_log
from mittelpunkt.analytics.covers import EVERYTHING
from mittelpunkt.cli.common import (
    CLASSIFIER,
    AsOfOption,
    ConfigOption,
    exits_cleanly,
    parse_as_of,
    progress_bar,
)
from mittelpunkt.core.replay import replay as run_replay
from mittelpunkt.core.step import Rules
from mittelpunkt.exceptions import BadConfig, MittelpunktError
from mittelpunkt.report import ReportCollector, build_model, render_report

__all__ = ["analyze", "report_html"]


@exits_cleanly
def analyze(
    log: Annotated[Path, typer.Argument(help="The log: .jsonl, .xes(.gz), .csv, .parquet, OCEL.")],
    *,
    mapping: Annotated[
        Path | None, typer.Option("--mapping", help="How the log maps to events (TOML).")
    ] = None,
    report: Annotated[
        Path | None, typer.Option("--report", help="Write the HTML report here.")
    ] = None,
    json_out: Annotated[
        Path | None, typer.Option("--json", help="Write the analysis JSON here.")
    ] = None,
    config: ConfigOption = None,
    as_of: AsOfOption = None,
    cache_dir: Annotated[
        Path | None, typer.Option("--cache-dir", help="Keep the columnar cache here.")
    ] = None,
    no_cache: Annotated[
        bool, typer.Option("--no-cache", help="Neither read nor write the cache.")
    ] = False,
) -> None:
    """Import a log, replay it through the guards, and map where its process hurts customers."""
    settings = load_config(config)
    options = Options(
        config=settings,
        as_of=parse_as_of(as_of, settings),
        cache_dir=cache_dir,
        use_cache=not no_cache,
        classifier=CLASSIFIER,
    )
    analysis = analyze_log(_log(log), _mapping(log, mapping), options, progress=progress_bar)
    outputs: dict[Path, str] = {}
    if report is not None:
        outputs[report] = report_html(analysis, settings.lang, title=log.name)
    if json_out is not None:
        outputs[json_out] = json.dumps(analysis.json, ensure_ascii=False)
    if not outputs:
        json.dump(analysis.json, sys.stdout, ensure_ascii=False)
        sys.stdout.write("\n")
        return
    _write_all(outputs)


def report_html(analysis: Analysis, lang: str, *, title: str) -> str:
    """The HTML report of an analysis, with example journeys replayed for their lanes."""
    collector = ReportCollector()
    moment = analysis.json.get("as_of")
    if analysis.examples and moment:
        run_replay(
            analysis.examples,
            rules=_rules_that_found(analysis),
            as_of=datetime.fromisoformat(moment),
            on_journey=collector,
        )
    model = build_model(analysis.json, collector.lanes(), title=title)
    return render_report(model, lang)


def _rules_that_found(analysis: Analysis) -> Rules:
    """The analysis's rules, less the guards that found nothing on its example journeys.

    Guards judge independently, so the others would only spend time finding nothing again.
    """
    journeys = {e.journey for e in analysis.examples}
    codes = {f["code"] for f in analysis.json.get("findings", ()) if f["journey"] in journeys}
    settings = tuple(pair for pair in analysis.rules.settings if pair[0].code in codes)
    return replace(analysis.rules, settings=settings)


def _log(path: Path) -> Path:
    if not path.is_file():
        raise MittelpunktError(f"{path}: no such file")
    log_format(path)
    return path


def _mapping(log: Path, path: Path | None) -> LogMapping:
    if path is not None:
        return load_mapping(path)
    if log_format(log) == "jsonl":
        return LogMapping(covers=EVERYTHING)
    raise BadConfig(f"--mapping: needed to read {log.name} (see examples/mappings/)")


def _write_all(outputs: Mapping[Path, str]) -> None:
    """Write every output under a temporary name first, then rename them all."""
    written: list[tuple[Path, Path]] = []
    try:
        for target, text in outputs.items():
            temporary = target.with_name(f".{target.name}.{os.getpid()}.writing")
            written.append((temporary, target))
            temporary.write_text(text, encoding="utf-8")
    except OSError as error:
        for temporary, _target in written:
            temporary.unlink(missing_ok=True)
        raise MittelpunktError(f"cannot write the output ({error})") from None
    for temporary, target in written:
        temporary.replace(target)
