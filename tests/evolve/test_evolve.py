"""The search on real simulation workers: elitism, seeds, resume, worker crashes, people's edits."""

from __future__ import annotations

import os
import signal

import pytest

from aspire_tui.agent.coder import coder_for
from aspire_tui.evolve.evolve import choose_seeds, evolve, state_path
from aspire_tui.evolve.population import SearchState

from .helpers import Recorder, far_bowl_task

TASK = "put the red block in the far left corner of the table"   # place_corner: fails on some dev scenes
SMALL = dict(scene="place_corner", population=3, generations=2, debug=2, selection=1, target=1.1)


@pytest.mark.slow  # a whole search: make test-slow
def test_elitism_keeps_the_best_ever_unchanged_in_every_generation(lib, backend):
    """Each generation after the first starts with the best program ever seen, never re-scored, never lost."""
    events = Recorder()
    result = evolve(TASK, library=lib, coder=coder_for(), backend=backend, emit=events, **SMALL)
    state = SearchState.load(state_path(lib, "place_corner", TASK))
    assert state.status == "done" and len(state.history) == 2
    for before, after in zip(state.history, state.history[1:]):
        assert after.members[0] == before.best_ever              # the elite goes on unchanged
        assert after.best_ever_rate >= before.best_ever_rate      # the best ever never gets worse
    best = state.candidates[state.best]
    assert all(best.fitness().key() >= c.fitness().key() for c in state.candidates.values() if c.debug)
    # the elite was scored once: its debug episodes were not run again in generation 1
    debug_runs = [e for e in events.of("episode_finished") if e.phase == "debug" and e.candidate == best.id]
    assert len(debug_runs) == len(state.debug_seeds)
    finals = events.of("selection_started")[0].finalists
    assert state.best in finals and result.winner in finals


def test_selection_seeds_are_never_debug_seeds(lib, backend, tmp_path):
    """The winner is judged on seeds the search never bred on; held-out seeds are never touched."""
    for family, text in [("place_corner", TASK), ("stack_two", "stack the red block on the blue block")]:
        debug, selection = choose_seeds(family, text, 7, 4, 4)
        assert debug[0] == 7 and not set(debug) & set(selection)
        assert all(0 <= s < 500 for s in debug) and all(500 <= s < 1000 for s in selection)
        assert choose_seeds(family, text, 7, 4, 4) == (debug, selection)  # fixed: the same on every resume
    events = Recorder()
    far = str(far_bowl_task(tmp_path))                        # fails on every scene: failure traces for sure
    result = evolve("put the red block in the green bowl", library=lib, coder=coder_for(), backend=backend,
                    emit=events, **{**SMALL, "scene": far, "generations": 1})
    state = SearchState.load(state_path(lib, "far_bowl", result.instruction))
    episodes = events.of("episode_finished")
    assert {e.seed for e in episodes if e.phase == "debug"} == set(state.debug_seeds)
    assert {e.seed for e in episodes if e.phase == "selection"} == set(state.selection_seeds)
    assert not set(state.debug_seeds) & set(state.selection_seeds)
    # a winner that fails its selection seeds is not distilled
    assert result.selection == "0/1" and result.skill is None and "not distilled" in result.message
    # what breeding reads never names the success check (the coder must not see predicates)
    failures = [c.failure for c in state.candidates.values() if c.failure]
    assert failures and all("checks" not in f and "failed checks" not in f["failure_reason"] for f in failures)


@pytest.mark.slow  # a whole search: make test-slow
def test_resume_after_an_interrupt_runs_only_what_is_missing(lib, backend):
    """A Ctrl-C mid-generation leaves the state saved; the same search resumes without re-running episodes."""
    first = Recorder(stop_after=3)
    with pytest.raises(KeyboardInterrupt):
        evolve(TASK, library=lib, coder=coder_for(), backend=backend, emit=first, **SMALL)
    saved = SearchState.load(state_path(lib, "place_corner", TASK))
    assert saved.status == "running" and saved.generation == 0
    done = {(c.id, s) for c in saved.candidates.values() for s in c.debug}
    assert len(done) == 3

    second = Recorder()
    evolve(TASK, library=lib, coder=coder_for(), backend=backend, emit=second, **SMALL)
    assert second.of("search_started")[0].resumed_at == 0
    rerun = {(e.candidate, str(e.seed)) for e in second.of("episode_finished") if e.phase == "debug"}
    assert not rerun & done                                   # nothing scored twice
    final = SearchState.load(state_path(lib, "place_corner", TASK))
    assert final.status == "done"
    gen0 = final.history[0].members
    assert all(not final.candidates[c].missing(final.debug_seeds) for c in gen0)


@pytest.mark.slow  # a whole search: make test-slow
def test_a_worker_killed_mid_generation_is_rerun_and_the_search_goes_on(lib, backend):
    """Killing the simulation workers mid-episode re-runs those episodes; the search still finishes."""
    killed: list[int] = []

    def kill_once(event) -> None:
        # on the first result, with the generation's other episodes running or still to come (a timer
        # would race episodes that take a fifth of a second)
        if event.event_name() == "episode_finished" and not killed:
            for worker in list(backend.pool.workers):
                killed.append(worker.pid)
                os.kill(worker.pid, signal.SIGKILL)

    backend.pool.warm()   # kill running workers, not ones still starting up
    events = Recorder(on_event=kill_once)
    result = evolve(TASK, library=lib, coder=coder_for(), backend=backend, emit=events,
                    **{**SMALL, "generations": 1})
    assert killed
    broken = [e for e in events.of("episode_finished") if e.retried or e.crashed]
    assert broken, "no episode saw the killed workers"
    assert any("simulation worker broke" in e.message for e in events.of("note"))
    state = SearchState.load(state_path(lib, "place_corner", TASK))
    assert state.status == "done" and result.winner
    assert all(not state.candidates[c].missing(state.debug_seeds) for c in state.history[0].members)
    assert all(w.pid not in killed for w in backend.pool.workers)    # the pool replaced them


@pytest.mark.slow  # a whole search: make test-slow
def test_a_hung_worker_is_killed_and_its_episode_rerun(lib, tmp_path):
    """A simulation worker that stops answering mid-call is killed at the deadline; the episode runs again."""
    from aspire_tui.evolve.local import LocalBackend

    be = LocalBackend(2, runs_dir=lib.runs_dir, timeout=10)
    stopped: list[int] = []

    def hang_one(event) -> None:
        # on the first result, with the generation's other episodes still to come: a timer here would race
        # the episodes, which may all be done before it fires
        if event.event_name() == "episode_finished" and not stopped:
            worker = be.pool.workers[0]
            stopped.append(worker.pid)
            os.kill(worker.pid, signal.SIGSTOP)   # alive but silent: a hang, not a crash

    try:
        be.pool.warm()
        events = Recorder(on_event=hang_one)
        result = evolve(TASK, library=lib, coder=coder_for(), backend=be, emit=events,
                        **{**SMALL, "generations": 1})
        assert stopped and result.winner
        assert any(e.retried or e.crashed for e in events.of("episode_finished"))
        assert stopped[0] not in [w.pid for w in be.pool.workers]
    finally:
        be.close()
