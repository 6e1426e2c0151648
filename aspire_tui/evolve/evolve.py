"""The evolutionary search for one task (ASPIRE's search; DESIGN.md, "The loop").

``evolve("put the red block in the green bowl", library=lib, coder=coder_for(), backend=LocalBackend(...))``

- Generation 0 is the coder's first program plus variants of it.
- Fitness is the success rate on fixed *debug* seeds (development seeds
  0-499), mean episode time breaking ties.
- Each next generation keeps the best program ever seen unchanged (elitism)
  and fills the rest with the coder's ``propose`` over the top few programs
  and their failure traces.
- The search stops when the best reaches ``target`` or after ``generations``.
- The winner is picked among the finalists on separate *selection* seeds
  (500-999, never debug seeds); held-out seeds (>= 10000) are never touched.
- A winner at or above ``distill_at`` on the selection seeds is distilled
  into the library (`distill.distill_winner`).

The state is saved after every episode (`population.SearchState`), so an
interrupted search resumes where it stopped.
"""

from __future__ import annotations

import random
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable

from aspire_tui.evolve import events as sev
from aspire_tui.evolve.distill import distill_winner
from aspire_tui.evolve.evaluate import EpisodeResult, Job, SearchError, program_id, seed_args
from aspire_tui.evolve.local import snapshot
from aspire_tui.evolve.population import Candidate, Generation, SearchState

DEBUG_SEEDS = range(0, 500)
SELECTION_SEEDS = range(500, 1000)
PARENTS = 3          # how many of the fittest programs breed
FINALISTS = 3        # how many go on to the selection seeds
DISTILL_AT = 0.75    # the selection success rate a winner needs to be committed


@dataclass
class SearchResult:
    """What a search came to."""

    task: str
    instruction: str
    winner: str = ""
    program: str = ""
    debug: str = ""                 # the winner's debug fitness, "3/4"
    selection: str = ""             # on the selection seeds
    selection_rate: float = 0.0
    origin: str = ""                # where the winner came from: "generation 2: <what the coder changed>"
    generations: int = 0
    episodes: int = 0
    crashes: int = 0
    seconds: float = 0.0
    message: str = ""
    skill: dict[str, Any] | None = None
    history: list[dict[str, Any]] = field(default_factory=list)
    state_path: str = ""


def state_path(library, family: str, instruction: str) -> Path:
    """Where the search for (family, instruction) keeps its state: the library's ``runs/evolve/``."""
    from aspire_tui.agent.loop import stable_seed

    return Path(library.runs_dir) / "evolve" / f"{family}-{stable_seed(instruction):08x}.json"


def choose_seeds(family: str, instruction: str, debug_seed: int, debug: int, selection: int) -> tuple[list, list]:
    """Fixed debug seeds (the loop's debug scene first) and disjoint selection seeds, the same on every resume."""
    from aspire_tui.agent.loop import stable_seed

    rng = random.Random(stable_seed(f"{family}\n{instruction}"))
    others = [s for s in DEBUG_SEEDS if s != debug_seed]
    debug_seeds = [debug_seed] + rng.sample(others, max(debug - 1, 0))
    return debug_seeds, rng.sample(list(SELECTION_SEEDS), selection)


def evolve(instruction: str, *, library, coder, backend, scene: str | None = None, population: int = 8,
           generations: int = 5, debug: int = 4, selection: int = 4, target: float = 1.0,
           distill_at: float = DISTILL_AT, resume: bool = True, any_scene: bool = False,
           emit: Callable[[Any], None] = lambda e: None) -> SearchResult:
    """Search for a program for ``instruction``; see the module docstring.

    Args:
        scene: the task family or a task file (guessed from the words when None).
        backend: a started-or-not `LocalBackend` / `RayBackend` (this call starts it on the library's HEAD).
        debug / selection: how many debug and selection seeds.
        target: stop once the best debug success rate reaches this.
        distill_at: the selection success rate the winner needs to be committed.
        resume: pick up a saved, unfinished search for the same task.
        any_scene: develop on a same-shaped dev scene when none holds the named objects (held-out cases).
        emit: receives `aspire_tui.evolve.events` events.

    Raises:
        SearchError: the task cannot be searched (one line).
    """
    from aspire_tui.agent.coder import CoderError, Parent, rule_diagnosis
    from aspire_tui.agent.loop import AgentError, choose_scene, lessons_for, retrieve, sources_of, understand
    from aspire_tui.runner.trace import Trace

    if population < 2 or generations < 1:
        raise SearchError("a search needs --population >= 2 and --generations >= 1")
    started = time.monotonic()
    try:
        goal, spec = understand(instruction, scene)
        debug_seed, goal = choose_scene(goal, spec, None, any_scene=any_scene)
    except AgentError as e:
        raise SearchError(str(e)) from None
    task = scene if scene and scene.endswith(".toml") else spec.name
    path = state_path(library, goal.family, goal.text)
    debug_seeds, selection_seeds = choose_seeds(goal.family, goal.text, debug_seed, debug, selection)
    coder_name = coder.model_id
    state = SearchState.load(path) if resume else None
    if state is not None and (state.status != "running" or state.debug_seeds != debug_seeds
                              or state.selection_seeds != selection_seeds or state.coder != coder_name):
        state = None  # a finished search, or one with other settings: start afresh
    resumed_at = state.generation if state is not None else None
    if state is None:
        state = SearchState(path.stem, goal.family, goal.text, population, generations, debug_seeds,
                            selection_seeds, coder_name, target, backend.name)
    state.population, state.generations, state.target = population, generations, target
    emit(sev.SearchStarted(goal.family, goal.text, population, generations, debug_seeds, selection_seeds,
                           backend.name, getattr(backend, "workers", 1), resumed_at))

    snap = snapshot(library)
    backend.start(snap)
    args = seed_args(task, debug_seeds + selection_seeds)
    skills = retrieve(library, goal)
    try:
        first = coder.write(goal, skills, [])  # also readies the coder's plan state on a resume
    except CoderError as e:
        raise SearchError(f"the coder cannot write a first program: {e}") from None

    def add(source: str, generation: int, origin: str, parents: list[str]) -> str:
        cid = program_id(source)
        if cid not in state.candidates:
            state.candidates[cid] = Candidate(cid, source, generation, origin, parents)
        return cid

    mark = started

    def save() -> None:
        nonlocal mark  # seconds add up across resumes: only time spent in this call is added
        now = time.monotonic()
        state.seconds, mark = round(state.seconds + now - mark, 2), now
        state.save(path)

    def run(jobs: list[Job], phase: str) -> None:
        def landed(result: EpisodeResult) -> None:
            state.candidates[result.candidate].record(result, phase)
            state.episodes += 1 + result.retried
            state.crashes += int(result.crashed)
            save()  # before telling anyone: a Ctrl-C arriving now keeps this episode
            emit(sev.EpisodeFinished(phase, result.candidate, result.seed, result.outcome, result.seconds,
                                     result.retried, result.crashed))
            if result.retried or result.crashed:
                emit(sev.Note(f"candidate {result.candidate} seed {result.seed}: the simulation worker broke; "
                              + ("marked as failed after a re-run" if result.crashed else "re-ran it")))
        backend.evaluate(jobs, landed)

    def propose(parents: list[Candidate], n: int, generation: int) -> list[str]:
        breed = []
        for c in parents:
            diagnosis = None
            if c.failure is not None:
                trace = Trace.from_dict(c.failure)
                diagnosis = rule_diagnosis(trace, lessons_for(library, trace))
            breed.append(Parent(c.source, str(c.fitness()), diagnosis))
        children: list[str] = []
        try:
            # ask for more than needed: children the search has already scored are skipped
            for source, what in coder.propose(goal, breed, n * 2):
                if program_id(source) in state.candidates or len(children) >= n:
                    continue
                children.append(add(source, generation, what or "variant", [c.id for c in parents]))
        except CoderError as e:
            emit(sev.Note(f"the coder proposed nothing new: {e}"))
        return children

    if not state.current:
        first_id = add(first, 0, "write", [])
        state.current = [first_id] + propose([state.candidates[first_id]], population - 1, 0)
        save()

    while True:
        g = state.generation
        members = state.current
        jobs = [Job(cid, state.candidates[cid].source, task, s, args[s])
                for cid in members for s in state.candidates[cid].missing(debug_seeds)]
        emit(sev.GenerationStarted(g, len(members), len(jobs)))
        run(jobs, "debug")
        ranked = state.ranked(members)
        best = state.update_best()
        mean = sum(c.fitness().rate for c in ranked) / len(ranked) if ranked else 0.0
        if not state.history or state.history[-1].index != g:
            state.history.append(Generation(g, list(members), ranked[0].id, ranked[0].fitness().rate, round(mean, 3),
                                            best.id, best.fitness().rate))
        emit(sev.GenerationFinished(g, ranked[0].id, str(ranked[0].fitness()), ranked[0].fitness().rate,
                                    round(mean, 3), best.id, best.fitness().rate))
        if best.fitness().rate >= target or g + 1 >= generations:
            break
        parents = state.ranked()[:PARENTS]
        children = propose(parents, population - 1, g + 1)
        state.generation, state.current = g + 1, [best.id] + children  # the elite goes on unchanged
        save()

    # selection: the finalists on seeds the search never bred on
    finalists = state.ranked()[:FINALISTS]
    if state.best not in [c.id for c in finalists]:
        finalists.append(state.candidates[state.best])
    jobs = [Job(c.id, c.source, task, s, args[s]) for c in finalists for s in c.missing(selection_seeds, "selection")]
    emit(sev.SelectionStarted([c.id for c in finalists], len(jobs)))
    run(jobs, "selection")
    winner = max(finalists, key=lambda c: (c.fitness("selection").key()[0], c.fitness().key()))
    state.winner = winner.id
    sel = winner.fitness("selection")
    result = SearchResult(goal.family, goal.text, winner.id, winner.source, str(winner.fitness()), str(sel),
                          sel.rate, f"generation {winner.generation}: {winner.origin}", len(state.history),
                          state.episodes, state.crashes, history=[vars(h) for h in state.history],
                          state_path=str(path))
    figures = (f"population {population}, generations {len(state.history)}/{generations}, "
               f"debug {winner.fitness()} on seeds {debug_seeds}, selection {sel} on seeds {selection_seeds}, "
               f"episodes {state.episodes}, backend {backend.name}")
    if sel.rate >= distill_at:
        run_id = next((d.get("run_id", "") for d in winner.selection.values() if d.get("run_id")), "")
        outcome = distill_winner(library, coder, goal, program=winner.source, sources=sources_of(library, skills),
                                 start_sha=snap.sha,
                                 evidence={"seeds": selection_seeds, "success": str(sel), "run": run_id},
                                 figures=figures, model=f"{coder_name}+evolve",
                                 keep_dir=path.parent / state.key)
        result.skill, result.message = outcome.change, outcome.message
    else:
        result.message = f"the winner succeeded on {sel} selection seeds (below {distill_at:.0%}); not distilled"
    state.status, state.outcome = "done", {"message": result.message, "skill": result.skill}
    save()
    result.seconds = state.seconds
    emit(sev.SearchFinished(goal.family, winner.id, result.debug, result.selection, result.generations,
                            result.episodes, result.crashes, result.seconds, result.message, result.skill))
    return result
