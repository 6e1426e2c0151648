"""`bench/soak.py` keeps working: two tasks through the real app (the second interrupted with Esc), in well under a minute."""

from __future__ import annotations

import json

import pytest

from bench import soak

from .isolation import isolate_env

pytestmark = pytest.mark.slow  # app tasks through the soak bench


def test_soak_runs_two_tasks_and_reports(tmp_path, monkeypatch):
    isolate_env(tmp_path, monkeypatch)
    out, png = tmp_path / "soak.json", tmp_path / "soak.png"
    result = soak.main(["--tasks", "2", "--esc-every", "2", "--quiet", "--no-warm-up",
                        "--json", str(out), "--plot", str(png)])
    rows = result["rows"]
    assert [r["task"] for r in rows] == [1, 2] and result["hung_at_task"] is None
    assert rows[0]["outcome"] == "validated" and rows[1]["esc"]
    assert rows[1]["outcome"] in ("interrupted", "validated")   # Esc may land after the last call
    for r in rows:
        assert r["rss_mb"] > 50 and r["fds"] > 0 and r["seconds"] > 0
    assert rows[0]["runs"] >= 1 and rows[0]["runs_mb"] > 0
    summary = result["summary"]
    assert {"seconds_p50", "seconds_p95", "rss_slope_mb_per_100", "memory_plateaus", "fds_flat"} <= set(summary)
    assert json.loads(out.read_text())["summary"]["tasks"] == 2
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
