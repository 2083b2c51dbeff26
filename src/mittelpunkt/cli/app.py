"""The ``mittelpunkt`` command: one Typer app, a module per command.

Exit codes (``interfaces.md``): 0 ran (findings are not an error), 2 bad input or usage,
1 an internal error.
"""

from __future__ import annotations

import typer

from mittelpunkt.cli.analyze import analyze
from mittelpunkt.cli.demo import demo
from mittelpunkt.cli.intent import intent
from mittelpunkt.cli.replay import replay

__all__ = ["app", "main"]

app = typer.Typer(
    name="mittelpunkt",
    help="The customer back in the middle: journeys, promises and guards over your events.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
app.command("replay")(replay)
app.command("demo")(demo)
app.command("analyze")(analyze)
app.command("intent")(intent)


def main() -> None:
    """Run the command line."""
    app()
