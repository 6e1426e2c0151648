"""`aspire bench --quick` end to end: the suite, the report and its PNG plots."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

PNG = b"\x89PNG\r\n\x1a\n"


@pytest.mark.slow  # the whole quick bench
def test_bench_quick_writes_the_report_and_plots(tmp_path):
    """One easy family on the hard suite, every condition: report.md names each plot, each plot is a real PNG,
    --json parses."""
    out = tmp_path / "report"
    done = subprocess.run([str(Path(sys.executable).parent / "aspire"), "bench", "--quick", "--suite", "hard",
                           "--families", "navigate_goal", "--out", str(out), "--json"],
                          capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr[-2000:]
    data = json.loads(done.stdout)
    assert set(data["overall"]) == {"empty", "library", "library+search", "error-only"}
    assert set(data["by_category"]["library"]) == {"navigation"}
    # the search starts where the loop stopped: it keeps every case the loop solved
    loop = {c["case"]["seed"]: c["success"] for c in data["cases"]["library"]}
    assert all(c["success"] for c in data["cases"]["library+search"] if loop[c["case"]["seed"]])
    cases = data["cases"]["library"]
    assert data["config"]["suite"] == "hard" and data["config"]["per_family"] == 1 and len(cases) == 1
    assert cases[0]["case"]["seed"] >= 10000                            # held-out seeds only
    assert cases[0]["case"]["scene"] == str(out / "tasks" / "navigate_goal_v1.toml")
    assert data["continual"] and all("at_end" in row for row in data["continual"])
    assert data["retention"] is None or 0 <= data["retention"] <= 1   # None: nothing was learned to retain
    report = (out / "report.md").read_text()
    for png in ("per_category.png", "skills_vs_success.png", "learning_curves.png"):
        assert f"]({png})" in report
        assert (out / png).read_bytes()[:8] == PNG and (out / png).stat().st_size > 5000
    assert "| navigation |" in report and "retention" in report and "hard suite" in report
    sizes = [s for s, _, _ in data["skills_curve"]]
    assert 0 in sizes and len(set(sizes)) >= 3                          # empty, part, seed library
