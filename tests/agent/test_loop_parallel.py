"""The judge runs a candidate's other scenes at once on the pool's workers and stops at the first failure,
with the answer running them one by one in order would give."""

from __future__ import annotations

import threading
import time

import pytest

from aspire_tui.agent.coder import coder_for
from aspire_tui.agent.loop import Loop, Options, TaskResult, scene_program
from aspire_tui.runner import Trace, WorkerPool
from sim.tasks import resolve_task
from tests.reference_util import reference_source

FAILS = "ARGS = {'block': 'red block', 'bowl': 'green bowl'}\n\ndef run(robot):\n    robot.home()\n"


class Counting:
    """A real pool that also counts how many runs it had in flight at once (the most)."""

    def __init__(self, pool: WorkerPool) -> None:
        self.pool, self.size, self.keyframe_size = pool, pool.size, pool.keyframe_size
        self.now = self.most = self.runs = 0
        self.lock = threading.Lock()

        self.spans: dict[int, list[float]] = {}  # seed -> [start, end] of its last run

    def run(self, request, on_record=None):
        with self.lock:
            self.now, self.runs = self.now + 1, self.runs + 1
            self.most = max(self.most, self.now)
        span = self.spans[request.data["seed"]] = [time.monotonic(), float("inf")]
        try:
            return self.pool.run(request, on_record)
        finally:
            span[1] = time.monotonic()
            with self.lock:
                self.now -= 1


@pytest.fixture(scope="module")
def pool():
    with WorkerPool(2) as p:
        p.warm()
        yield p


def _loop(lib, pool) -> Loop:
    loop = Loop(coder_for(), lib, options=Options(pool=pool))
    loop.spec = resolve_task("pick_place_bowl")
    loop.result = TaskResult("put the red block in the green bowl")
    return loop


def test_validation_seeds_run_at_once_and_all_count(lib, pool):
    """Each scene's ARGS come from its own words, set in the worker (the caller builds no scene)."""
    counting = Counting(pool)
    loop = _loop(lib, counting)
    seeds = [500, 501, 502, 503]
    successes, failures, first = loop.run_seeds(reference_source("pick_place_bowl"), seeds)
    assert (successes, failures, first) == (4, [], None)
    assert counting.runs == 4 and counting.most == 2  # both workers busy at once
    trace = loop.run_batch(reference_source("pick_place_bowl"), seeds)[501]
    assert trace.program == scene_program(reference_source("pick_place_bowl"), loop.spec, 501)
    assert len(loop.result.runs) == 4
    # read again (the judge reads its batch set by set): nothing runs twice
    assert loop.run_seeds(reference_source("pick_place_bowl"), seeds[2:])[0] == 2 and counting.runs == 4


def test_a_task_asked_again_recalls_its_scenes_verdicts_instead_of_simulating_them(lib, pool):
    """The same program on the same scenes with the same skills gives the same episodes: asked again, no
    scene of the batch is simulated, and none counts as an episode or a use of its skills."""
    program, seeds = reference_source("pick_place_bowl"), [540, 541, 542]
    first = _loop(lib, Counting(pool))
    assert first.run_seeds(program, seeds)[0] == 3 and not first.result.recalled
    counting = Counting(pool)
    again = _loop(lib, counting)
    successes, failures, _ = again.run_seeds(program, seeds)
    assert (successes, failures, counting.runs) == (3, [], 0)
    assert again.result.runs == [] and sorted(again.result.recalled) == sorted(first.result.runs)
    assert again.recalled(seeds) == 3 and again.recalled([999]) == 0
    assert _loop(lib, counting).run_seeds(program.replace("robot.home()", "robot.home()  # edited"),
                                          seeds[:1])[0] == 1 and counting.runs == 1  # another program runs


def test_the_other_scenes_start_while_the_debug_run_plays(lib, pool):
    """The debug run takes one worker; the validation scenes start on the other once it holds its worker,
    not after it ends, and the answer is the one running them after it would give."""
    from aspire_tui.agent.loop import run_task

    counting = Counting(pool)
    result = run_task("put the red block in the green bowl", coder=coder_for(), library=lib, validate=3,
                      keyframes=False, pool=counting)
    assert result.success and result.validated == "3/3", result.message
    debug = counting.spans[result.seed]
    validation = [span for seed, span in counting.spans.items() if seed != result.seed]
    assert len(validation) == 3 and counting.runs == 4
    assert min(start for start, _ in validation) < debug[1]  # one began before the debug run ended


def test_a_failed_debug_run_ends_the_scenes_started_beside_it(lib, pool):
    from aspire_tui.agent.loop import Seeds

    counting = Counting(pool)
    loop = _loop(lib, counting)
    loop.seeds = Seeds("put the red block in the green bowl", 0, validate=5, select=2)
    verdict = loop.judge(1, FAILS.replace("robot.home()\n", "robot.home()\n    robot.scan()\n    robot.home()\n"))
    assert verdict.trace.outcome == "failed" and verdict.trace.seed == 0 and not verdict.validated
    assert counting.runs <= 1 + 2  # the debug run, and at most one scene a free worker took before it ended
    assert not any(t is not None and t.outcome == "succeeded" for t in loop._batch[1].values())
    assert loop.result.runs[0] == verdict.trace.run_id  # the debug run is read first


def test_the_first_candidate_skips_selection_and_is_scored_when_a_later_one_needs_it(lib, pool):
    """A first candidate has nothing to be compared with: no selection scene runs for it. A later candidate
    is compared with it on the selection scenes, and one that scores worse is dropped for it."""
    from aspire_tui.agent.loop import Seeds

    counting = Counting(pool)
    loop = _loop(lib, counting)
    loop.seeds = Seeds("put the red block in the green bowl", 0, validate=1, select=2)
    good = reference_source("pick_place_bowl")
    assert loop.select(1, good) == (good, None) and counting.runs == 0
    kept, failed = loop.select(2, FAILS)
    assert kept == good and loop.best == (2, good)  # the earlier candidate passed both selection scenes
    assert failed[0] == loop.seeds.selection[0] and failed[1].outcome == "failed"
    # the earlier one's two scenes, then the later one's (the second may have started beside the first)
    assert counting.runs in (2 + 1, 2 + 2)


def test_a_failing_seed_stops_the_batch_with_the_first_failure_in_order(lib, pool):
    counting = Counting(pool)
    loop = _loop(lib, counting)
    seeds = [510, 511, 512, 513, 514, 515]
    successes, failures, first = loop.run_seeds(FAILS, seeds)
    assert successes == 0 and len(failures) == 1
    assert first[0] == 510 and first[1].outcome == "failed" and first[1].seed == 510
    assert counting.runs <= 2  # no seed started once one had failed (at most the other worker's)
    # every run that got as far as a robot call is counted (one cut short before it, on a loaded
    # machine, was no episode)
    made = [r for r in loop.result.runs if (lib.runs_dir / r / "trace.json").is_file()]
    assert 1 <= len(loop.result.runs) == len(made) <= counting.runs


def test_args_that_cannot_be_filled_stop_the_batch(lib, pool):
    counting = Counting(pool)
    loop = _loop(lib, counting)
    program = "ARGS = {'unicorn': 'x'}\n\ndef run(robot):\n    pass\n"
    successes, failures, first = loop.run_seeds(program, [520, 521])
    assert successes == 0 and first == (520, None) and "cannot fill ARGS" in failures[0]
    assert "unicorn" in failures[0]
    assert loop.result.runs == []  # the worker built the scene and refused the program: no episode ran


def test_a_failure_interrupts_later_seeds_still_running_and_keeps_the_workers(lib, pool):
    """Seed 530 (a red block) fails after a few motions (531 has started by then) while 531 moves for ever:
    531 is cut short, not waited for."""
    program = ("ARGS = {'block': 'red block', 'bowl': 'green bowl'}\n\ndef run(robot):\n"
               "    if ARGS['block'] == 'red block':\n"
               "        for y in (-0.1, 0.1, -0.1, 0.1):\n            robot.move_to(0.45, y, 0.25)\n"
               "        raise ValueError('no')\n"
               "    while True:\n        robot.move_to(0.45, -0.1, 0.25)\n        robot.move_to(0.45, 0.1, 0.25)\n")
    pids = sorted(w.pid for w in pool.workers)
    loop = _loop(lib, pool)
    started = time.monotonic()
    successes, failures, first = loop.run_seeds(program, [530, 531, 532])
    assert time.monotonic() - started < 30  # the run on 531 has a 60 s limit: it was interrupted
    assert successes == 0 and first[0] == 530 and first[1].outcome == "error"
    assert sorted(w.pid for w in pool.workers) == pids  # no worker was killed to stop it
    interrupted = [Trace.load(lib.runs_dir / r) for r in loop.result.runs[1:]]
    assert [t.failure_reason for t in interrupted] == ["interrupted by the caller"]
