"""After a task, the library's runs/ is pruned back under its limit; the run its new skill's commit names stays."""

from __future__ import annotations

import pytest

from aspire_tui.agent.coder import coder_for
from aspire_tui.agent.loop import run_task
from aspire_tui.runner.paths import RunPruned, find_run


def test_a_finished_task_prunes_the_runs_nothing_refers_to(lib, monkeypatch):
    monkeypatch.setenv("ASPIRE_RUNS_KEEP_MB", "0")  # keep only what commits and conversations name
    result = run_task("move the orange block over to the red block", coder=coder_for(), library=lib,
                      validate=1, keyframes=False)
    assert result.success and result.skill, result.message
    named = set(lib.repo.trailer_values("Aspire-Run"))
    left = {p.name for p in lib.runs_dir.iterdir() if not p.name.startswith(".")}
    assert left and left <= named & set(result.runs)
    pruned = [r for r in result.runs if r not in left]
    assert pruned
    with pytest.raises(RunPruned, match=f"^run {pruned[0]} was pruned on "):
        find_run(pruned[0], lib.runs_dir)
