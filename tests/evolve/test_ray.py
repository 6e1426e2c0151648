"""The Ray backend against a local Ray instance this test starts; Ray missing or unreachable says so."""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

import pytest

from aspire_tui.agent.coder import coder_for
from aspire_tui.evolve.evaluate import Job, SearchError, seed_args
from aspire_tui.evolve.evolve import evolve
from aspire_tui.evolve.local import snapshot

from .helpers import Recorder

pytestmark = pytest.mark.slow  # a search on a Ray cluster: make test-slow

ray = pytest.importorskip("ray", reason="the dev extra installs Ray; without it this test cannot run")

TASK = "drive to the green marker"


@pytest.fixture
def ray_backend():
    """A Ray instance started here (two CPUs), shut down after the test."""
    from aspire_tui.evolve.ray_backend import RayBackend

    be = RayBackend(2, timeout=30)
    yield be
    be.close()


def test_ray_runs_the_same_evaluation_on_a_checked_out_commit(lib, backend, ray_backend):
    """Ray workers check out the library commit and judge episodes exactly as local workers do."""
    from aspire_tui.agent.loop import choose_scene, retrieve, understand

    goal, spec = understand(TASK)
    _, goal = choose_scene(goal, spec, None)
    program = coder_for().write(goal, retrieve(lib, goal), [])
    seeds = [3, 4]
    args = seed_args(spec.name, seeds)
    jobs = [Job("c", program, spec.name, s, args[s]) for s in seeds]
    snap = snapshot(lib)
    ray_backend.start(snap)
    backend.start(snap)
    remote = sorted(ray_backend.evaluate(jobs), key=lambda r: r.seed)
    local = sorted(backend.evaluate(jobs), key=lambda r: r.seed)
    assert [r.outcome for r in remote] == [r.outcome for r in local]
    assert all(r.run_id for r in remote)
    # the traces stayed with the Ray workers: only results came back, nothing under the library's runs/
    assert not any((lib.runs_dir / r.run_id).exists() for r in remote)
    assert all((lib.runs_dir / r.run_id).exists() for r in local)


def test_a_search_on_ray_keeps_state_and_commits_in_the_coordinator(lib, ray_backend):
    """A whole (tiny) search on Ray: episodes ran remotely; the state and any commit are here."""
    from aspire_tui.evolve.evolve import state_path
    from aspire_tui.evolve.population import SearchState
    from aspire_tui.skills.repo import parse_trailers

    from .helpers import git

    events = Recorder()
    result = evolve(TASK, library=lib, coder=coder_for(), backend=ray_backend, population=2, generations=1,
                    debug=2, selection=1, emit=events)
    assert events.of("search_started")[0].backend == "ray"
    assert len(events.of("episode_finished")) >= 2 * 2 + 1
    state = SearchState.load(state_path(lib, "navigate_goal", result.instruction))
    assert state.status == "done" and state.winner == result.winner and state.backend == "ray"
    assert not lib.repo.dirty_paths()
    if result.skill:  # a faster variant won: it was committed here, with the search's figures
        assert "backend ray" in parse_trailers(git(lib.root, "log", "-1", "--format=%B"))["Aspire-Search"]


def test_unreachable_cluster_is_one_line_and_never_falls_back(tmp_path):
    """`--backend ray --address` at a port nobody listens on: a clear error, exit 1, no episode run."""
    started = time.monotonic()
    done = subprocess.run([str(Path(sys.executable).parent / "aspire"), "evolve", TASK, "--backend", "ray",
                           "--address", "127.0.0.1:9", "--library", str(tmp_path / "lib")],
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 1
    assert done.stderr.strip().splitlines() == [
        "Error: cannot reach the Ray cluster at 127.0.0.1:9: Connection refused"]
    assert "Traceback" not in done.stderr and time.monotonic() - started < 60
    assert not (tmp_path / "lib" / "runs").exists() or not any((tmp_path / "lib" / "runs").iterdir())


def test_ray_not_installed_is_one_line(monkeypatch):
    """Without Ray importable, asking for it says how to install it (and does not run locally instead)."""
    from aspire_tui.evolve.ray_backend import RayBackend

    monkeypatch.setitem(sys.modules, "ray", None)   # what `import ray` meets on a machine without Ray
    with pytest.raises(SearchError, match=r"needs Ray, which is not installed: pip install 'aspire-tui\[ray\]'"):
        RayBackend(2)
