"""`aspire runs prune` on a real library: the runs its commits (on any branch) and its saved conversations
name stay whatever the limit, the newest others fill it, and `aspire replay` says when a run was pruned."""

from __future__ import annotations

import json
import time

from click.testing import CliRunner

from aspire_tui.cli import cli
from aspire_tui.skills.retention import prune_after_task, referenced_runs
from tests.runner.test_retention import make_run, run_id

from .conftest import git, skill_source


def library_with_runs(lib, n: int = 8):
    """``n`` runs of 100 kB, run_id(0) the oldest; a commit names run_id(0), a commit on another branch
    run_id(1), a saved conversation run_id(2)."""
    now = time.time()
    for i in range(n):
        make_run(lib.runs_dir, run_id(i), 100_000, age_s=1000 - i * 10, now=now)
    lib.save("wave", skill_source("wave", "Wave the gripper."), run=run_id(0), task="wave", success="5/5")
    git(lib.root, "checkout", "-q", "-b", "side")
    git(lib.root, "commit", "-q", "--allow-empty", "-m", f"Try\n\nAspire-Run: {run_id(1)}, other-run")
    git(lib.root, "checkout", "-q", "main")
    session = lib.state_dir / "sessions" / "20260101-120000-abcdef.jsonl"
    session.parent.mkdir(parents=True, exist_ok=True)
    session.write_text(json.dumps({"kind": "task", "text": "wave"}) + "\n" + json.dumps(
        {"kind": "event", "event": {"event": "run_finished", "run_id": run_id(2),
                                    "trace": str(lib.runs_dir / run_id(2) / "trace.json")}}) + "\n")


def aspire(*args: str, **env: str):
    return CliRunner().invoke(cli, list(args), env=env or None, catch_exceptions=False)


def test_commits_on_any_branch_and_saved_conversations_are_references(lib):
    library_with_runs(lib)
    words = referenced_runs(lib.root)
    assert {run_id(0), run_id(1), run_id(2), "other-run"} <= words
    assert run_id(3) not in words


def test_prune_keeps_what_is_named_and_the_newest_up_to_the_limit(lib):
    library_with_runs(lib)
    dry = aspire("runs", "--library", str(lib.root), "prune", "--keep-mb", "0.5", "--dry-run")
    assert dry.exit_code == 0, dry.output
    # the three named runs take 0.3 MB; the two newest others fill the rest
    would = [run_id(i) for i in (3, 4, 5)]
    assert dry.output.splitlines()[:3] == [f"would prune {r}" for r in would]
    assert "would prune 3 runs (0.3 MB)" in dry.output
    assert all((lib.runs_dir / r).is_dir() for r in would)

    done = aspire("runs", "--library", str(lib.root), "prune", "--keep-mb", "0.5", "--json")
    assert done.exit_code == 0, done.output
    report = json.loads(done.output)
    assert report["pruned"] == would and report["referenced"] == 3 and report["kept"] == 5
    left = sorted(p.name for p in lib.runs_dir.iterdir() if not p.name.startswith("."))
    assert left == [run_id(i) for i in (0, 1, 2, 6, 7)]


def test_the_limit_comes_from_the_environment(lib):
    library_with_runs(lib)
    out = aspire("runs", "--library", str(lib.root), "prune", ASPIRE_RUNS_KEEP_MB="0")
    assert out.exit_code == 0, out.output
    assert out.output.startswith("pruned 5 runs (0.5 MB); runs/ holds 0.3 MB of 0 MB in 3 runs, 3 of them kept")
    bad = aspire("runs", "--library", str(lib.root), "prune", ASPIRE_RUNS_KEEP_MB="lots")
    assert bad.exit_code == 1 and bad.output == "Error: ASPIRE_RUNS_KEEP_MB='lots' is not a number of megabytes\n"


def test_replay_of_a_pruned_run_says_so_in_one_line(lib):
    library_with_runs(lib)
    aspire("runs", "--library", str(lib.root), "prune", "--keep-mb", "0.5")
    gone = aspire("replay", "--library", str(lib.root), run_id(3))
    assert gone.exit_code == 1
    assert gone.output.count("\n") == 1
    assert gone.output.startswith(f"Error: run {run_id(3)} was pruned on ")
    assert "up to 0.5 MB" in gone.output
    kept = aspire("replay", "--library", str(lib.root), run_id(0), "--json")
    assert kept.exit_code == 0 and json.loads(kept.output)["run_id"] == run_id(0)
    never = aspire("replay", "--library", str(lib.root), "20990101")
    assert never.exit_code == 1 and "no run '20990101'" in never.output


def test_the_prune_after_a_task_is_a_size_check_unless_over_the_limit(lib, monkeypatch):
    library_with_runs(lib)
    monkeypatch.setenv("ASPIRE_RUNS_KEEP_MB", "5")
    assert prune_after_task(lib).pruned == []
    (lib.root / ".git" / "HEAD").write_text("garbage\n")  # the history cannot be read ...
    monkeypatch.setenv("ASPIRE_RUNS_KEEP_MB", "0")
    assert prune_after_task(lib) is None  # ... so nothing is pruned, and the task does not fail for it
    assert len([p for p in lib.runs_dir.iterdir() if not p.name.startswith(".")]) == 8
    monkeypatch.setenv("ASPIRE_RUNS_KEEP_MB", "nonsense")
    assert prune_after_task(lib) is None
