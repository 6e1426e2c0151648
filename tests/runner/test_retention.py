"""runs/ retention on real run folders: referenced and newest runs stay up to a size, the rest go, and a
pruned run is reported as pruned."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest

from aspire_tui.runner.paths import PRUNED_LOG, RunPruned, find_run
from aspire_tui.runner.retention import (MB, RetentionError, keep_limit_mb, prune_runs, pruned_note,
                                         scan_runs)
from aspire_tui.runner.trace import CallRecord, Trace

NOW = 1_800_000_000.0


def make_run(runs_dir: Path, run_id: str, size: int, age_s: float, *, finished: bool = True,
             now: float = NOW) -> Path:
    """A run folder as the runner writes it: ``trace.json`` (Trace.save) and a keyframe of about
    ``size`` bytes in all, last written ``age_s`` before ``now``."""
    run_dir = runs_dir / run_id
    (run_dir / "frames").mkdir(parents=True)
    if finished:
        trace = Trace(run_id=run_id, task="pick_place_bowl", seed=3, outcome="succeeded",
                      records=[CallRecord(0, "see", [], {}, "ok", keyframe="frames/0000.png")])
        trace.save(run_dir)
    used = sum(p.stat().st_size for p in run_dir.rglob("*") if p.is_file())
    (run_dir / "frames" / "0000.png").write_bytes(b"\x89PNG" + b"\0" * max(size - used - 4, 0))
    stamp = now - age_s
    for path in [*run_dir.rglob("*"), run_dir]:
        os.utime(path, (stamp, stamp))
    return run_dir


def run_id(i: int) -> str:
    return f"20260101-0000{i:02d}-{i:06x}"


@pytest.fixture
def ten_runs(tmp_path: Path) -> Path:
    """Ten finished runs of 100 kB, run_id(0) the oldest, plus an evolve/ folder that is not a run."""
    runs = tmp_path / "runs"
    for i in range(10):
        make_run(runs, run_id(i), 100_000, age_s=1000 - i * 10)
    (runs / "evolve").mkdir()
    (runs / "evolve" / "pick.json").write_text("{}" * 100_000)
    return runs


def test_under_the_limit_nothing_is_read_or_deleted(ten_runs):
    def never():
        raise AssertionError("references were read although the runs fit")

    report = prune_runs(ten_runs, 5, never, now=NOW)
    assert report.pruned == [] and report.kept == 10
    assert report.summary() == "runs/ holds 1.0 MB in 10 runs, under its limit of 5 MB: nothing to prune"
    assert report.before_bytes == pytest.approx(10 * 100_000, rel=0.01)
    assert len(scan_runs(ten_runs)) == 10


def test_over_the_limit_the_newest_and_the_referenced_stay(ten_runs):
    make_run(ten_runs, run_id(20), 100_000, age_s=5, finished=False)  # still being written
    report = prune_runs(ten_runs, 0.45, {run_id(1), "not-a-run"}, now=NOW)
    # 0.45 MB: the run in progress and the referenced run_id(1) take 0.2, the 2 newest others fit beside them
    kept = {r.run_id for r in scan_runs(ten_runs)}
    assert kept == {run_id(20), run_id(1), run_id(9), run_id(8)}
    assert report.pruned == [run_id(i) for i in (0, 2, 3, 4, 5, 6, 7)]  # oldest first
    assert report.referenced == 1 and report.kept == 4
    assert report.after_bytes <= 0.45 * MB < report.before_bytes
    assert report.freed_bytes == report.before_bytes - report.after_bytes
    assert (ten_runs / "evolve" / "pick.json").exists()  # not a run: never counted, never touched
    log = (ten_runs / PRUNED_LOG).read_text().splitlines()
    assert [line.split("\t")[0] for line in log] == report.pruned
    assert not list(ten_runs.glob(".pruning-*"))


def test_an_abandoned_run_without_its_trace_is_pruned_like_any_old_run(ten_runs):
    make_run(ten_runs, run_id(30), 100_000, age_s=7200, finished=False)
    report = prune_runs(ten_runs, 0.95, (), now=NOW)
    assert report.pruned == [run_id(30), run_id(0)]


def test_a_newer_run_that_does_not_fit_is_not_passed_over_for_older_ones(tmp_path):
    runs = tmp_path / "runs"
    make_run(runs, run_id(0), 10_000, age_s=300)
    make_run(runs, run_id(1), 400_000, age_s=200)
    make_run(runs, run_id(2), 100_000, age_s=100)
    report = prune_runs(runs, 0.3, (), now=NOW)
    assert report.pruned == [run_id(0), run_id(1)]  # the most recent runs, not the ones that happen to fit


def test_a_dry_run_deletes_nothing_and_says_the_same(ten_runs):
    dry = prune_runs(ten_runs, 0.3, (), dry_run=True, now=NOW)
    assert len(scan_runs(ten_runs)) == 10 and not (ten_runs / PRUNED_LOG).exists()
    assert dry.summary().startswith("would prune 7 runs")
    real = prune_runs(ten_runs, 0.3, (), now=NOW)
    assert real.pruned == dry.pruned == [run_id(i) for i in range(7)]
    assert real.summary().startswith("pruned 7 runs (0.7 MB); runs/ holds 0.3 MB of 0.3 MB in 3 runs")


def test_a_pruned_run_is_named_as_pruned_in_one_line(ten_runs):
    prune_runs(ten_runs, 0.3, (), now=NOW)
    for asked in (run_id(0), run_id(0)[:17], ten_runs / run_id(0), ten_runs / run_id(0) / "trace.json"):
        with pytest.raises(RunPruned) as e:
            find_run(asked, ten_runs)
        message = str(e.value)
        assert message.startswith(f"run {run_id(0)} was pruned on ") and "\n" not in message
        assert "0.3 MB" in message
    assert find_run(run_id(9), ten_runs) == ten_runs / run_id(9)
    with pytest.raises(FileNotFoundError, match="no run 'nothing'") as e:
        find_run("nothing", ten_runs)
    assert not isinstance(e.value, RunPruned)
    assert pruned_note(ten_runs, "2026") is None  # a prefix of several pruned runs names none of them


def test_a_prune_killed_between_rename_and_delete_is_finished_by_the_next(ten_runs):
    (ten_runs / f".pruning-{run_id(0)}").mkdir()
    (ten_runs / f".pruning-{run_id(0)}" / "trace.json").write_text("{}")
    prune_runs(ten_runs, 0.5, (), now=NOW)
    assert not list(ten_runs.glob(".pruning-*"))


def test_the_limit_comes_from_the_argument_then_the_environment(monkeypatch):
    monkeypatch.delenv("ASPIRE_RUNS_KEEP_MB", raising=False)
    assert keep_limit_mb() == 500
    monkeypatch.setenv("ASPIRE_RUNS_KEEP_MB", "12.5")
    assert keep_limit_mb() == 12.5 and keep_limit_mb(3) == 3
    monkeypatch.setenv("ASPIRE_RUNS_KEEP_MB", "lots")
    with pytest.raises(RetentionError, match="^ASPIRE_RUNS_KEEP_MB='lots' is not a number of megabytes$"):
        keep_limit_mb()
    with pytest.raises(RetentionError):
        keep_limit_mb(-1)


def test_the_size_check_over_two_thousand_runs_is_cheap(tmp_path):
    runs = tmp_path / "runs"
    for i in range(2000):
        d = runs / f"20260101-000000-{i:06x}"
        (d / "frames").mkdir(parents=True)
        (d / "trace.json").write_text("{}")
        (d / "frames" / "0000.png").write_bytes(b"x")
    started = time.perf_counter()
    cache = tmp_path / "run_sizes.json"
    report = prune_runs(runs, 1, lambda: (_ for _ in ()).throw(AssertionError("read")), sizes_cache=cache)
    assert report.kept == 2000
    assert time.perf_counter() - started < 2.0
    started = time.perf_counter()
    assert prune_runs(runs, 1, (), sizes_cache=cache).kept == 2000
    assert time.perf_counter() - started < 1.0


def test_a_finished_runs_size_is_kept_until_its_trace_changes(ten_runs, tmp_path):
    cache = tmp_path / "state" / "run_sizes.json"
    first = {r.run_id: r.size for r in scan_runs(ten_runs, cache)}
    frame = ten_runs / run_id(0) / "frames" / "0000.png"
    with frame.open("ab") as f:
        f.write(b"\0" * 50_000)
    assert {r.run_id: r.size for r in scan_runs(ten_runs, cache)} == first  # one stat per run, no walk
    assert scan_runs(ten_runs)[-1].size == first[run_id(0)] + 50_000  # without the cache: walked
    trace = ten_runs / run_id(0) / "trace.json"
    os.utime(trace, (NOW, NOW))
    assert {r.run_id: r.size for r in scan_runs(ten_runs, cache)}[run_id(0)] == first[run_id(0)] + 50_000


def test_under_the_limit_nothing_is_written_into_runs(ten_runs, tmp_path):
    before = sorted(p.name for p in ten_runs.iterdir())
    prune_runs(ten_runs, 5, (), sizes_cache=tmp_path / "state" / "run_sizes.json", now=NOW)
    assert sorted(p.name for p in ten_runs.iterdir()) == before


def test_a_long_run_still_writing_keyframes_is_kept(ten_runs):
    running = make_run(ten_runs, run_id(40), 100_000, age_s=7200, finished=False)
    frame = running / "frames" / "0001.png"
    frame.write_bytes(b"\x89PNG")
    os.utime(frame, (NOW - 60, NOW - 60))  # its folder is two hours old; its last keyframe a minute
    report = prune_runs(ten_runs, 0.2, (), now=NOW)
    assert run_id(40) not in report.pruned and running.is_dir()
