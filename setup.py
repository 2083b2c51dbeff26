"""The build: the hot path (events, ledger, guards, reading messages) compiled with mypyc.

The code is plain, mypy-strict Python; mypyc turns those modules into C extensions, which
replays history about half again as fast. ``MITTELPUNKT_PURE=1`` builds pure Python instead
(for platforms without a C compiler); behaviour is the same either way.
"""

from __future__ import annotations

import os
from pathlib import Path

from setuptools import setup

#: What is compiled: everything on the path from a JSON line to a finding.
COMPILED = ("core", "guards", "language")
#: Left as Python: package markers, and training code that needs scikit-learn.
INTERPRETED = frozenset({"__init__.py", "_train.py"})


def compiled_modules() -> list[str]:
    """The source files mypyc compiles, relative to this file."""
    package = Path("src/mittelpunkt")
    found = [
        path.as_posix()
        for folder in COMPILED
        for path in sorted((package / folder).glob("*.py"))
        if path.name not in INTERPRETED
    ]
    adapters = [package / "adapters" / name for name in ("jsonl.py", "buckets.py")]
    return [*found, *(path.as_posix() for path in adapters)]


if os.environ.get("MITTELPUNKT_PURE"):
    setup()
else:
    from mypyc.build import mypycify

    setup(ext_modules=mypycify(compiled_modules(), opt_level="3"))
