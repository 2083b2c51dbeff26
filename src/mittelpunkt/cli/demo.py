"""``mittelpunkt demo``: the main job on the shipped seed stories."""

from __future__ import annotations

from importlib import resources
from typing import Annotated

import typer

from mittelpunkt.adapters.config_file import load_config
from mittelpunkt.cli.common import exits_cleanly
from mittelpunkt.cli.replay import replay_file
from mittelpunkt.cli.table import print_report

__all__ = ["SEED_STORIES", "demo"]

SEED_STORIES = "seed_stories.jsonl"


@exits_cleanly
def demo(
    no_serve: Annotated[
        bool, typer.Option("--no-serve", help="Only report; do not start the web service.")
    ] = False,
    lang: Annotated[str, typer.Option("--lang", help="de or en.")] = "en",
) -> None:
    """Replay the seed stories of our customers and print what went wrong for them."""
    del no_serve  # the web service is not built yet: the demo always just reports
    config = load_config(None).__class__.from_mapping({"lang": lang})
    stories = resources.files("mittelpunkt.stories").joinpath(SEED_STORIES)
    with resources.as_file(stories) as path:
        result, rejected = replay_file(str(path), config)
    print_report(result, rejected, lang=lang)
