from __future__ import annotations

from pathlib import Path

import pytest

from mittelpunkt.cli.demo import DemoRun, run_demo
from mittelpunkt.core.config import Config
from mittelpunkt.demo.world import World


@pytest.fixture(scope="session")
def small_demo(tmp_path_factory: pytest.TempPathFactory) -> DemoRun:
    """A small demo world with the seed stories, replayed and written as an English report."""
    out = tmp_path_factory.mktemp("report") / "demo.html"
    return run_demo(World(customers=120, seed=11), Config(), out)


@pytest.fixture(scope="session")
def small_report(small_demo: DemoRun) -> Path:
    return small_demo.report
