"""The report in a real browser: Debian's Chromium, headless, driven by Playwright."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from mittelpunkt.cli.demo import DemoRun
from mittelpunkt.report.model import build_model
from mittelpunkt.report.render import render_report

playwright = pytest.importorskip("playwright.sync_api")

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]

pytestmark = pytest.mark.slow

# What the page itself says it drew: sizes come from the browser's layout.
DRAWN_MAP = """() => {
  const map = document.querySelector("svg#process-map");
  const size = (el) => { const b = el.getBoundingClientRect(); return b.width * b.height; };
  const nodes = [...map.querySelectorAll("g.activity")];
  const edges = [...map.querySelectorAll("path.edge")];
  return {
    map: size(map),
    nodes: nodes.length,
    sizedNodes: nodes.filter((n) => size(n) > 0).length,
    edges: edges.length,
    drawnEdges: edges.filter((e) => e.getTotalLength() > 0).length,
    hurtNodes: map.querySelectorAll("g.activity.hurt").length,
  };
}"""
DRAWN_LANES = """() => {
  const lanes = document.querySelector("svg.lanes");
  const drawn = (sel) => [...lanes.querySelectorAll(sel)]
    .filter((e) => { const b = e.getBoundingClientRect(); return b.width > 0 && b.height > 0; });
  const bottom = (sel) => Math.max(...drawn(sel).map((e) => e.getBoundingClientRect().bottom));
  const top = (sel) => Math.min(...drawn(sel).map((e) => e.getBoundingClientRect().top));
  return {
    journey: lanes.getAttribute("data-journey"),
    company: drawn(".lane-company .event").length,
    customer: drawn(".lane-customer .event").length,
    companyAbove: bottom(".lane-company .event") < top(".lane-customer .event"),
    ids: [...lanes.querySelectorAll(".event")].map((e) => e.dataset.id),
    rows: document.querySelectorAll("#lane-table tbody tr").length,
  };
}"""


@pytest.fixture(scope="module")
def browser_page(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    if not Path(CHROMIUM).exists():
        pytest.fail("Debian's chromium is missing: run `make browser` (apt-get install chromium)")
    profile = tmp_path_factory.mktemp("chromium-profile")
    with playwright.sync_playwright() as driver:
        context = driver.chromium.launch_persistent_context(
            str(profile),
            executable_path=CHROMIUM,
            headless=True,
            args=ARGS,
            viewport={"width": 1400, "height": 1000},
        )
        try:
            yield context.new_page()
        finally:
            context.close()


def open_report(page: Any, path: Path) -> list[str]:
    """Open the file and return every console error and page error it raised."""
    errors: list[str] = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.on("requestfailed", lambda r: errors.append(f"request failed: {r.url}"))
    page.on(
        "request",
        lambda r: None if r.url.startswith(("file:", "data:")) else errors.append(r.url),
    )
    page.goto(path.as_uri(), wait_until="load")
    return errors


def test_the_report_draws_the_process_map_and_the_two_lanes(
    browser_page: Any, small_report: Path
) -> None:
    page = browser_page
    errors = open_report(page, small_report)
    drawn = page.evaluate(DRAWN_MAP)
    assert drawn["map"] > 0
    assert drawn["nodes"] >= 10
    assert drawn["sizedNodes"] == drawn["nodes"]
    assert drawn["edges"] >= 10
    assert drawn["drawnEdges"] == drawn["edges"]
    assert drawn["hurtNodes"] > 0
    first = page.evaluate(DRAWN_LANES)
    assert first["company"] > 0
    assert first["customer"] > 0
    assert first["companyAbove"]
    assert first["rows"] == first["company"] + first["customer"]

    options = page.eval_on_selector_all("#journey-select option", "os => os.map(o => o.value)")
    page.select_option("#journey-select", options[3])
    second = page.evaluate(DRAWN_LANES)
    assert second["journey"] == options[3] != first["journey"]
    assert second["ids"] != first["ids"]
    assert second["company"] > 0
    assert second["customer"] > 0
    assert errors == []


def test_an_example_link_shows_its_journey(browser_page: Any, small_report: Path) -> None:
    page = browser_page
    errors = open_report(page, small_report)
    link = page.locator("#code-bot_loop a.example").first
    wanted = link.get_attribute("data-journey")
    link.click()
    assert page.evaluate(DRAWN_LANES)["journey"] == wanted
    assert page.input_value("#journey-select") == wanted
    assert errors == []


def test_the_german_report_runs_clean_too(
    browser_page: Any, small_demo: DemoRun, tmp_path: Path
) -> None:
    path = tmp_path / "bericht.html"
    model = build_model(small_demo.analysis, small_demo.lanes)
    path.write_text(render_report(model, "de"), "utf-8")
    errors = open_report(browser_page, path)
    assert browser_page.evaluate(DRAWN_MAP)["nodes"] >= 10
    assert errors == []
