"""The examples in the docstrings of the compiled modules, run from their source.

pytest's ``--doctest-modules`` reads examples off imported modules, and a module compiled by
mypyc (see ``setup.py``) keeps no docstrings for its functions. Each compiled module's ``.py``
is therefore loaded a second time, under a name of its own, and its examples run here; a pure
build (``MITTELPUNKT_PURE=1``) has nothing compiled and pytest runs them all itself.
"""

from __future__ import annotations

import doctest
import importlib.util
import sys
from importlib.machinery import EXTENSION_SUFFIXES
from pathlib import Path
from types import ModuleType

import pytest

import mittelpunkt

PACKAGE = Path(mittelpunkt.__file__).parent


def compiled_sources() -> list[Path]:
    """The ``.py`` files that have a compiled extension beside them."""
    return sorted(
        path
        for path in PACKAGE.rglob("*.py")
        if any(path.with_name(path.stem + suffix).exists() for suffix in EXTENSION_SUFFIXES)
    )


def load_source(path: Path) -> ModuleType:
    """The module of ``path`` executed from its source, beside its compiled twin."""
    dotted = ".".join(path.relative_to(PACKAGE.parent).with_suffix("").parts)
    name = f"{dotted}__source"
    spec = importlib.util.spec_from_file_location(name, path)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module  # dataclasses look their module up while it executes
    spec.loader.exec_module(module)
    return module


SOURCES = compiled_sources()


def test_the_build_compiled_the_hot_path_or_nothing() -> None:
    compiled = {path.relative_to(PACKAGE).as_posix() for path in SOURCES}
    assert not compiled or {"core/events.py", "core/step.py", "guards/no_news.py"} <= compiled


@pytest.mark.parametrize(
    "path", SOURCES, ids=[path.relative_to(PACKAGE).as_posix() for path in SOURCES]
)
def test_the_examples_of_a_compiled_module_hold(path: Path) -> None:
    module = load_source(path)
    finder = doctest.DocTestFinder()
    runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS)
    report: list[str] = []
    for test in finder.find(module):
        runner.run(test, out=report.append)
    results = runner.summarize(verbose=False)
    assert results.failed == 0, "".join(report)
    assert results.attempted > 0 or "\n>>>" not in path.read_text()


def built_at(path: Path) -> float:
    """When the code of a compiled module was last built.

    mypyc puts each module's code in one library shared by all of them (``*__mypyc*``);
    the module's own extension only forwards to it, and is left alone when nothing changes.
    """
    built = [path.with_name(path.stem + suffix) for suffix in EXTENSION_SUFFIXES]
    shared = PACKAGE.parent.glob("*__mypyc*")
    return max(p.stat().st_mtime for p in [*built, *shared] if p.exists())


def test_no_compiled_module_is_older_than_its_source() -> None:
    stale = [
        path.relative_to(PACKAGE).as_posix()
        for path in SOURCES
        if built_at(path) < path.stat().st_mtime
    ]
    assert not stale, f"compiled from older sources (run `make build`): {stale}"
