"""The ``library+search`` condition of the held-out suite: the agent loop, then evolutionary search.

A case first runs as the ``library`` condition does (`aspire_tui.evaluation.run_case`).
When the loop fails, the search evolves programs for the case's words on
development seeds only (debug 0-499, selection 500-999) and its winner, with
the case's own words as ``ARGS``, is judged once on the held-out scene.
"""

from __future__ import annotations

import time

from aspire_tui.evolve.evaluate import SearchError

CONDITION = "library+search"


def run_search_case(case, *, library, coder_factory, backend, max_iterations: int = 10, validate: int = 3,
                    population: int = 4, generations: int = 3, debug: int = 3, selection: int = 3, pool=None,
                    loop=None, histories: list | None = None):
    """One held-out case under ``library+search``; returns an ``aspire_tui.evaluation.CaseResult``.

    Args:
        coder_factory: a new coder for the loop and another for the search (coders keep per-task state).
        backend: the search's evaluation backend (started on the library's HEAD by the search).
        loop: the case's ``library`` result when already run (the loop is not run twice).
        histories: receives the search's per-generation history (learning curves).
    """
    from aspire_tui.evaluation import CaseResult, case_goal, run_case, understood_as
    from aspire_tui.runner import RunnerError, run_program
    from aspire_tui.runner.program_args import with_args
    from aspire_tui.evolve.evolve import evolve

    if loop is None:
        loop = run_case(case, library=library, coder=coder_factory(), condition="library",
                        max_iterations=max_iterations, validate=validate, pool=pool)
    if loop.success:
        return loop
    started = time.monotonic()  # the loop's own seconds are in loop.seconds

    def done(success: bool, message: str, generations_run: int = 0, episodes: int = 0) -> CaseResult:
        return CaseResult(case, success, loop.iterations + generations_run, loop.episodes + episodes,
                          round(loop.seconds + time.monotonic() - started, 2), dict(loop.timings),
                          loop.validated or success, message)

    try:
        found = evolve(case.instruction, library=library, coder=coder_factory(), backend=backend,
                       population=population, generations=generations, debug=debug, selection=selection,
                       resume=False, any_scene=True, scene=case.scene or None)
    except SearchError as e:
        return done(False, f"loop: {loop.message}; search: {e}")
    if histories is not None:
        histories.append(found.history)
    if not understood_as(case, found.task):
        return done(False, f"understood as {found.task}, not {case.task}", found.generations, found.episodes)
    try:
        source = with_args(found.program, case_goal(case).slots)
        trace = run_program(source, case.scene or case.family, case.seed, skills_dir=library.skills_dir,
                            runs_dir=library.runs_dir, keyframes=False, pool=pool)
    except (KeyError, ValueError, RunnerError) as e:
        return done(False, f"the search's winner cannot run the case: {e}", found.generations, found.episodes)
    ok = trace.outcome == "succeeded"
    return done(ok, f"search winner ({found.origin}) {found.selection} on selection seeds; held-out seed "
                    f"{case.seed}: {trace.outcome}", found.generations, found.episodes + 1)
