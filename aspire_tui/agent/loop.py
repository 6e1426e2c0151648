"""The agent's loop: retrieve, write, check, run, diagnose, repair, validate, distill.

``run_task("put the red block in the green bowl", coder=OfflineCoder(), library=lib, emit=print)``
returns a `TaskResult`. Seeds, as in the paper, come in three disjoint sets:

- debug seeds (repairs are made against their traces): ``seed``, or the first
  dev scene whose objects match the instruction's words, plus every seed
  below that a candidate failed on;
- selection seeds (200-499): a candidate that passes every debug seed is
  scored on them, and one that scores worse than an earlier candidate is
  dropped for it; a failing selection seed becomes a debug seed and a fresh
  one takes its place;
- validation seeds (500-999), drawn fresh: all must succeed before anything is
  distilled; a failing one becomes a debug seed and a fresh set is drawn.

Held-out seeds (>= 10000) are never used here. Programs never see their seed:
the sandboxed program holds only the robot proxy, each scene's ``ARGS`` come
from its instruction's words, and a program that names a seed is rejected
before it runs (`seed_violations`). The library changes only after a
validated success, and only through ``Library.save`` (one atomic commit).
"""

from __future__ import annotations

import difflib
import hashlib
import random
import time
from dataclasses import asdict, dataclass, field
from typing import Any

from aspire_tui.agent import events as ev
from aspire_tui.agent.budget import Budget, BudgetExceeded
from aspire_tui.agent.coder import Coder, CoderError, Diagnosis
from aspire_tui.agent.instruction import Goal, InstructionError, align, parse

HELD_OUT = 10_000
SELECTION_SEEDS = range(200, 500)
VALIDATION_SEEDS = range(500, 1000)
SCENE_SEARCH = 200


class AgentError(Exception):
    """The task cannot be attempted (bad instruction, object not in scene, no skill); one line."""


@dataclass
class TaskResult:
    """What one task came to."""

    instruction: str
    success: bool = False
    family: str = ""
    seed: int = 0
    goal: dict[str, Any] = field(default_factory=dict)
    program: str = ""
    iterations: int = 0
    validated: str = ""                 # "5/5"
    validation_seeds: list[int] = field(default_factory=list)
    debug_seeds: list[int] = field(default_factory=list)
    runs: list[str] = field(default_factory=list)
    skill: dict[str, Any] | None = None  # the commit, when one was made
    message: str = ""
    seconds: float = 0.0
    timings: dict[str, float] = field(default_factory=dict)  # writing / checking / simulating / diagnosing, s
    repairs: list[dict[str, Any]] = field(default_factory=list)  # each diagnosis and the edit made for it
    lesson: dict[str, Any] | None = None  # the lesson commit, when a repair became or strengthened one

    @property
    def episodes(self) -> int:
        """Simulated runs the task took (debug, re-checks and validation)."""
        return len(self.runs)

    def spend(self, phase: str, since: float) -> float:
        """Add the time since ``since`` to ``phase``; returns now (so phases chain)."""
        now = time.monotonic()
        self.timings[phase] = round(self.timings.get(phase, 0.0) + now - since, 4)
        return now

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def _file_text(spec) -> str:
    """The text of the task file a spec was read from ('' when it was made in memory)."""
    from pathlib import Path

    try:
        return Path(spec.source).read_text(encoding="utf-8")
    except (OSError, ValueError):
        return ""


def stable_seed(text: str) -> int:
    return int(hashlib.sha256(text.encode()).hexdigest()[:8], 16)


# ---------------------------------------------------------------- scenes

def understand(instruction: str, scene: str | None = None, model: str | None = None) -> tuple[Goal, Any]:
    """The `Goal` (with its goal tree) and the task spec it runs on; raises AgentError in one line.

    Without ``scene`` the words make the scene: the goal tree is read (`words.read`), and the task
    file it makes (`scene.spec_for`) has the goal as its success check, borrowing a built-in family's
    ids and regions where the family asks the same; words it cannot read are refused in one line that
    names them, or, with ``model`` (an llm model id), go to the model, which drafts the task file.
    Refusals of what cannot be done (impossible, contradictory, unknown objects or colours) are final.
    With ``scene`` (a family or a task file) the family's reading of `instruction.parse` is used.
    """
    from aspire_tui.agent.scene import SceneError, spec_for
    from aspire_tui.agent.words import InstructionError as WordsError, read
    from sim.errors import TaskError
    from sim.tasks import resolve_task

    if not scene:
        try:
            tree = read(instruction)
            spec, text, ids = spec_for(tree)
            goal = goal_for(tree, spec, ids)
            goal.task_file = text
            return goal, spec
        except WordsError as e:
            if e.reason != "unreadable" or not model or model == "offline":
                raise AgentError(str(e)) from None
            return drafted(instruction, model, str(e))
        except SceneError as e:  # a goal no task file can say yet
            if not model or model == "offline":
                raise AgentError(str(e)) from None
            return drafted(instruction, model, str(e))
    try:
        goal = parse(instruction, scene)
        spec = resolve_task(scene)  # a family name or a task file (.toml)
        goal.family, goal.variant_of = spec.name, spec.variant_of
        align(goal, spec)
    except (InstructionError, TaskError) as e:
        raise AgentError(str(e)) from None
    if str(scene).endswith(".toml"):  # the goal shown is the file's own success condition
        goal.tree, goal.ids = tree_of(spec, instruction, f"task file {spec.source}")
    return goal, spec


def drafted(instruction: str, model: str, why: str) -> tuple[Goal, Any]:
    """The goal and spec a model drafts for words no reader here could read (`draft.draft_task`)."""
    from aspire_tui.agent.draft import DraftError, draft_task

    try:
        spec, text = draft_task(instruction, model, why)
    except DraftError as e:
        raise AgentError(str(e)) from None
    tree, ids = tree_of(spec, instruction, f"task file drafted by {model}")
    goal = goal_for(tree, spec, ids)
    goal.task_file = text
    return goal, spec


def tree_of(spec, text: str, note: str):
    """A task file's success condition as a goal tree (its objects as references), and ref -> id."""
    from aspire_tui.agent.goal import Cond, Goal as Tree, Ref

    objects = {o.id: o for o in spec.objects}
    refs: dict[str, Ref] = {}

    def ref(oid: str) -> Ref:
        if oid not in refs:
            o = objects[oid]
            color = o.colors[0] if len(o.colors) == 1 else ""
            base = Ref(o.kind, color, "all" if o.count[1] > 1 or o.match else "one")
            chosen = getattr(o, "chosen", None)
            if chosen is not None:
                anchor = ref(chosen.anchor) if chosen.anchor in objects else Ref("robot") if chosen.anchor else None
                base = Ref(o.kind, color, select=chosen.rule, anchor=anchor, rank=chosen.rank)
            refs[oid] = base
        return refs[oid]

    def arg(a):
        if hasattr(a, "args"):
            return Cond(a.name, tuple(arg(x) for x in a.args))
        if isinstance(a, str) and a in objects:
            return ref(a)
        return Ref("robot") if a == "robot" else a

    tree = Tree(text.strip(), arg(spec.success), notes=(note,))
    return tree, {str(r): oid for oid, r in refs.items()}


RELATION_OF = {"in": "in", "in_zone": "in", "on": "on", "stacked": "stack", "sorted_into": "sort",
               "in_reach": "pull", "near": "go_to", "never_lifted": "push", "at_place": "place",
               "in_corners": "corners", "in_line": "line", "along_edge": "edge", "left_of": "left_of",
               "right_of": "right_of", "in_front_of": "in_front_of", "behind": "behind", "next_to": "next_to"}


def goal_for(tree, spec, ids: dict[str, str]) -> Goal:
    """The record the coders read, for a goal tree and the spec it made: slots are the spec's object ids."""
    names = [c.name for c in tree.condition.conjuncts()]
    relation = "push" if "never_lifted" in names else next((RELATION_OF[n] for n in names if n in RELATION_OF), "")
    slots: dict[str, Any] = {}
    for ref in tree.refs():
        oid = ids.get(str(ref))
        if oid is None or oid == "robot" or ref.select:
            continue
        if ref.members:
            slots[oid] = [m.phrase for m in ref.members]
        elif ref.is_group:
            slots[oid] = [ref.phrase[:-1] if ref.phrase.endswith("s") else ref.phrase]
        else:
            slots[oid] = ref.phrase
    for slot, options in spec.choices.items():  # place words a family's skills read ("front left corner")
        slots[slot] = next(iter(options))
    return Goal(text=tree.text, family=spec.variant_of or spec.name, category=spec.category, relation=relation,
                slots=slots, variant_of=spec.variant_of, tree=tree, ids=dict(ids))


def _scene_matches(goal: Goal, spec, episode) -> str:
    """'' when the scene holds what the instruction names, else what differs (one phrase)."""
    slots = episode.scene.slots
    for slot, want in goal.slots.items():
        have = slots.get(slot)
        if have is None:
            continue
        if slot in spec.choices:
            choices = spec.choices[slot]
            if isinstance(choices, dict):
                if choices.get(str(want), want) != choices.get(str(have), have):
                    return f"the {slot} is {have!r}, not {want!r}"
            elif str(want) != str(have):
                return f"the {slot} is {have!r}, not {want!r}"
            continue
        if not hasattr(have, "phrases"):
            continue
        wanted = want if isinstance(want, list) else [want]
        if all(" " not in w for w in wanted):  # no colour said: any scene will do
            continue
        if isinstance(want, list):
            if sorted(wanted) != sorted(have.phrases):
                return f"it has the {have}, not the {', '.join(wanted)}"
        elif str(have) != want:
            return f"it has a {have}, not a {want}"
    return ""


def _same_shape(goal: Goal, episode) -> bool:
    """Does the scene hold as many of each named group as the goal names (colours aside)?"""
    for slot, want in goal.slots.items():
        have = episode.scene.slots.get(slot)
        if isinstance(want, list) and hasattr(have, "phrases") and len(have.phrases) != len(want):
            return False
    return True


def _fill_from_scene(goal: Goal, spec, episode) -> None:
    """Phrases the instruction left without colour ("the block") take the scene's words."""
    for slot, want in list(goal.slots.items()):
        have = episode.scene.slots.get(slot)
        if have is None or not hasattr(have, "phrases") or slot in spec.choices:
            continue
        wanted = want if isinstance(want, list) else [want]
        if all(" " not in w for w in wanted):
            group = any(o.id == slot and o.count[1] > 1 for o in spec.objects)
            goal.slots[slot] = list(have.phrases) if group else str(have)
    if spec.family == "sort_by_color":
        goal.slots.pop("blocks", None)


def choose_scene(goal: Goal, spec, seed: int | None, any_scene: bool = False) -> int:
    """The debug seed: ``seed`` if its scene holds the named objects, else the first dev scene that does.

    With ``any_scene`` (held-out evaluation: the named objects come from a scene the loop may not see),
    when no dev scene holds them, the first dev scene with the same kinds and counts is the debug scene and
    the goal takes that scene's words; the program is general (ARGS) and is judged on the named scene later.
    """
    from aspire_tui.runner.program_args import slot_args
    from sim.episode import make_episode
    from sim.world import World

    if seed is not None and not (0 <= seed < HELD_OUT):
        raise AgentError(f"seed {seed} is held out for evaluation (development seeds are 0-{HELD_OUT - 1})")
    world = World()
    similar = None
    try:
        seeds = [seed] if seed is not None else range(SCENE_SEARCH)
        for s in seeds:
            episode = make_episode(spec, s, world=world)
            why = _scene_matches(goal, spec, episode)
            if not why:
                _fill_from_scene(goal, spec, episode)
                return s
            if seed is not None:
                raise AgentError(f"object not in scene: {spec.name} seed {s}: {why} "
                                 "(leave out --seed to find a scene that matches)")
            if any_scene and similar is None and _same_shape(goal, episode):
                similar = s, slot_args(episode)
        if similar is not None:
            goal.slots = {k: similar[1][k] for k in goal.slots if k in similar[1]}
            return similar[0]
    finally:
        world.close()
    raise AgentError(f"object not in scene: no {spec.name} scene among seeds 0-{SCENE_SEARCH - 1} "
                     f"matches {goal.describe()}")


def scene_program(program: str, spec, seed: int, world=None) -> str:
    """The program with ``ARGS`` set from (family, seed)'s own instruction (for validation scenes)."""
    from aspire_tui.runner.program_args import slot_args, with_args
    from sim.episode import make_episode

    episode = make_episode(spec, seed, world=world)
    try:
        return with_args(program, slot_args(episode))
    finally:
        if world is None:
            episode.close()


# ---------------------------------------------------------------- retrieval

def retrieve(library, goal: Goal, k: int = 8) -> list:
    """Program skills for the goal: fused search over the instruction, then within its category."""
    from aspire_tui.skills.library import LibraryError

    try:
        library.reindex()
    except LibraryError:
        pass
    names: list[str] = []
    for kwargs in ({}, {"category": goal.category}):
        try:
            hits = library.search(goal.text, k=k, kind="program", **kwargs)
        except LibraryError:
            hits = []
        names += [h.name for h in hits if h.name not in names]
    names += [n for n in achieving(library, goal) if n not in names]
    skills = []
    for name in names:
        try:
            skills.append(library.get(name))
        except LibraryError:
            continue
    return skills


def achieving(library, goal: Goal) -> list[str]:
    """Program skills that declare they achieve a predicate of the goal (their ``achieves`` metadata)."""
    import re

    if goal.tree is None:
        return []
    wanted = {"in" if c.name == "in_zone" else c.name for c in goal.tree.condition.conjuncts()}
    wanted |= {a.name for c in goal.tree.condition.conjuncts() for a in c.args if hasattr(a, "args")}
    if wanted & {"moved", "left_of", "right_of", "in_front_of", "behind", "next_to", "near"}:
        wanted.add("at")  # beside something, or moved by an amount: set down at a point
    names = []
    for row in library.index.all("program"):
        said = (row.get("metadata") or {}).get("achieves") or []
        said = [said] if isinstance(said, str) else said
        if any(re.match(r"\s*(\w+)\(", str(a)) and re.match(r"\s*(\w+)\(", str(a)).group(1) in wanted
               for a in said):
            names.append(row["name"])
    return names


def lessons_for(library, trace) -> list:
    """Lessons whose failure signature fits the trace's failing call."""
    from aspire_tui.skills.library import LibraryError

    record = trace.failure
    if record is None or not record.error:
        return []
    try:
        hits = library.lessons_for(str(record.error.get("type") or ""), call=record.call,
                                   message=str(record.error.get("message") or ""),
                                   evidence=record.error.get("evidence") or {}, k=2)
        return [library.get(h.name) for h in hits]
    except LibraryError:
        return []



def retrieve_for(coder: Coder, library, goal: Goal) -> list:
    """The goal's skills, with their sources handed to a coder that composes programs from them."""
    skills = retrieve(library, goal)
    if hasattr(coder, "sources"):
        for s in skills:
            try:
                coder.sources[s.name] = library.source(s.name)
            except Exception:  # noqa: BLE001 - a missing source only limits distilling
                pass
    return skills

# ---------------------------------------------------------------- the loop

def run_task(instruction: str, *, scene: str | None = None, seed: int | None = None, coder: Coder,
             library, max_iterations: int = 10, validate: int = 5, emit: ev.Emit = ev.ignore,
             budget: Budget | float | None = None, timeout: float = 60.0, pool=None, keyframes: bool = True,
             model: str | None = None, stop=None, frames: bool = False, any_scene: bool = False,
             select: int = 2) -> TaskResult:
    """Attempt one task end to end; see the module docstring.

    Args:
        scene: the task family or a task file (``.toml``); guessed from the words when None.
        seed: the debug scene; the first matching dev scene when None.
        validate: how many fresh dev seeds must all succeed before distilling (0 skips validation).
        select: selection seeds that a candidate passing its debug seeds is scored on; a worse candidate
            than an earlier one is dropped for it (0 skips selection, as does ``validate=0``).
        budget: a `Budget` (tokens, cost, episodes, seconds) or wall-clock seconds; crossing any limit
            stops the task with a message that says what was spent.
        pool: a `WorkerPool` (default: the runner's shared pool).
        any_scene: develop on a dev scene of the same shape when none holds the named objects (see
            `choose_scene`); for held-out evaluation, where the named scene is never run here.
        stop: a `threading.Event` (the app's Esc): once set, a running episode ends at once and
            the loop stops after its current phase by raising `aspire_tui.runner.Cancelled`.
        frames: also emit `ev.Frame` events (live camera frames) while the robot moves.

    Raises:
        AgentError: the instruction cannot be attempted (one line).
        Cancelled: ``stop`` was set; the library holds only commits already reported.
    """
    from aspire_tui.runner import RunnerError, run_program
    from aspire_tui.runner.paths import new_run_id
    from aspire_tui.runner.check import check_program
    from aspire_tui.skills.retention import prune_after_task

    if stop is not None or frames:  # a live caller (the app): Esc ends a run at once, frames stream
        pool, emit = _live(pool, emit, stop, frames)
    started = time.monotonic()
    if not isinstance(budget, Budget):
        budget = Budget(seconds=budget)
    goal, spec = understand(instruction, scene, model)
    debug_seed = choose_scene(goal, spec, seed, any_scene)
    result = TaskResult(instruction=goal.text, family=goal.family, seed=debug_seed, goal=goal.to_dict(),
                        debug_seeds=[debug_seed])
    emit(ev.Understood(goal.to_dict(), ev.goal_line(goal.to_dict()), goal.task_file or _file_text(spec)))
    emit(ev.TaskStarted(goal.text, goal.family, debug_seed, getattr(coder, "name", type(coder).__name__),
                        goal.to_dict(), str(library.root)))
    skills = retrieve_for(coder, library, goal)
    emit(ev.SkillsRetrieved([s.name for s in skills]))
    rng = random.Random(stable_seed(goal.text) ^ debug_seed)
    used: set[int] = {debug_seed}

    def fresh_seeds(n: int, seeds: range = VALIDATION_SEEDS) -> list[int]:
        pool_seeds = [s for s in seeds if s not in used]
        chosen = rng.sample(pool_seeds, min(n, len(pool_seeds)))
        used.update(chosen)
        return chosen

    validation_seeds = fresh_seeds(validate)
    selection_seeds = fresh_seeds(select, SELECTION_SEEDS) if validate else []
    best: tuple[int, str] | None = None  # (selection score, program): the fittest candidate so far
    program = ""
    trace = None
    current_seed = debug_seed

    def on_record(iteration: int, run_seed: int, run_id: str):
        def callback(record) -> None:
            emit(ev.CallRecorded(iteration, run_seed, record.index, record.call, record.status,
                                 record.signature(70), record.error, record.keyframe or "", record.where or "",
                                 run_id))
        return callback

    def finish(success: bool, message: str) -> TaskResult:
        result.success, result.message, result.program = success, message, program
        result.seconds = round(time.monotonic() - started, 2)
        usage = getattr(coder, "usage", None)
        if usage is not None:
            priced = budget.price_in or budget.price_out
            emit(ev.Usage(**usage.to_dict(), cost=budget.spent(usage)["cost"] if priced else None))
        emit(ev.TaskFinished(success, result.iterations, message, program, result.validated,
                             (result.skill or {}).get("name", ""), result.seconds))
        prune_after_task(library)  # runs/ back under its size limit; a size check unless it is over
        return result

    def guard(upcoming: int = 0) -> None:
        """The hard stop: raise BudgetExceeded before a model call or ``upcoming`` episodes that go over."""
        budget.check(getattr(coder, "usage", None), result.episodes, upcoming)

    for iteration in range(1, max_iterations + 1):
        result.iterations = iteration
        try:
            guard(1)
            mark = time.monotonic()
            if not program:
                program = coder.write(goal, skills, [])
                emit(ev.ProgramWritten(iteration, program, "write"))
                mark = result.spend("writing", mark)
            report = check_program(program, library.skills_dir)
            seeded = seed_violations(program)
            emit(ev.CheckResult(iteration, report.ok and not seeded, [str(v) for v in report.violations] + seeded))
            mark = result.spend("checking", mark)
            if seeded:  # rejected before it runs: a program that branches on its scene's seed is not general
                if iteration == max_iterations:
                    break
                diagnosis = Diagnosis(outcome="rejected", error_type="StaticCheck", message=seeded[0],
                                      summary="; ".join(seeded), analysis=seeded[0], actions=["switch_skill"])
                emit(ev.Diagnosis(iteration, "StaticCheck", "", seeded[0], ["rewrite"]))
                guard()
                repaired = coder.repair(program, diagnosis)
                result.spend("writing", mark)
                emit(ev.RepairDiff(iteration, _diff(program, repaired), list(diagnosis.actions)))
                program = repaired
                continue
            try:
                run_source = program if current_seed == debug_seed else scene_program(program, spec, current_seed)
            except (ValueError, KeyError) as e:
                run_source = program
                emit(ev.Diagnosis(iteration, "NotGeneral", "", f"cannot fill ARGS for seed {current_seed}: {e}"))
            run_id = new_run_id()  # named up front so live views find each keyframe as it lands
            trace = run_program(run_source, spec, current_seed, timeout=timeout, skills_dir=library.skills_dir,
                                runs_dir=library.runs_dir, keyframes=keyframes, pool=pool, run_id=run_id,
                                on_record=on_record(iteration, current_seed, run_id))
            result.runs.append(trace.run_id)
            record_uses(library, trace, spec.name)
            emit(ev.RunFinished(iteration, current_seed, trace.outcome, trace.headline(), trace.run_id,
                                str(trace.path or "")))
            if trace.outcome == "succeeded":
                # a repair made for one debug scene must not break the others: re-run them first
                others = [s for s in result.debug_seeds if s != current_seed]
                guard(len(others) + len(selection_seeds) + len(validation_seeds))
                broken = _run_seeds(program, spec, others, library, timeout, pool, result)[2] if others else None
                if broken is not None and broken[1] is not None:
                    current_seed, trace = broken
                    emit(ev.RunFinished(iteration, current_seed, trace.outcome, trace.headline(), trace.run_id,
                                        str(trace.path or "")))
                else:
                    score, chosen = _select(program, spec, selection_seeds, library, timeout, pool, result)
                    if best is not None and score < best[0]:
                        # the repair made things worse on scenes it was not repaired on: keep the better one
                        emit(ev.Diagnosis(iteration, "Selection", "", f"this candidate passed {score}/"
                                          f"{len(selection_seeds)} selection seeds, an earlier one {best[0]}: "
                                          "back to the earlier candidate", ["select"]))
                        program = best[1]
                    else:
                        best = (score, program)
                    failed = chosen if chosen is not None else \
                        _validate(program, spec, validation_seeds, library, timeout, pool, emit, result)
                    mark = result.spend("simulating", mark)
                    if chosen is not None and chosen[1] is not None:
                        # a failing selection seed becomes a debug seed; a fresh one takes its place
                        current_seed, trace = chosen
                        emit(ev.RunFinished(iteration, current_seed, trace.outcome, trace.headline(), trace.run_id,
                                            str(trace.path or "")))
                        result.debug_seeds.append(current_seed)
                        selection_seeds = [x for x in selection_seeds if x != current_seed] + \
                            fresh_seeds(1, SELECTION_SEEDS)
                        best = None  # scores on the old selection set no longer compare
                        failed = (current_seed, trace)
                    elif failed is None:
                        return _distill(program, goal, spec, coder, library, trace, result, emit, model, finish)
                    if failed[1] is None:  # not general: its ARGS do not fit the family's other scenes
                        if iteration == max_iterations:
                            break
                        message = ("the program cannot be validated on other scenes: set ARGS = {...} with exactly "
                                   f"the keys {sorted(goal.slots)} and read every object from it")
                        diagnosis = Diagnosis(outcome="error", error_type="NotGeneral", message=message,
                                              summary=message, analysis=message, actions=["rewrite"])
                        emit(ev.Diagnosis(iteration, "NotGeneral", "", message, ["rewrite"]))
                        guard()
                        mark = time.monotonic()
                        repaired = coder.repair(program, diagnosis)
                        result.spend("writing", mark)
                        emit(ev.RepairDiff(iteration, _diff(program, repaired), list(diagnosis.actions)))
                        program = repaired
                        continue
                    if chosen is None:
                        # a failing validation seed becomes a debug seed; fresh seeds replace the validation set
                        current_seed, trace = failed
                        result.debug_seeds.append(current_seed)
                        validation_seeds = fresh_seeds(validate)
            mark = result.spend("simulating", mark)
            guard()
            lessons = lessons_for(library, trace)
            diagnosis = coder.diagnose(trace, lessons)
            mark = result.spend("diagnosing", mark)
            emit(ev.Diagnosis(iteration, diagnosis.error_type, diagnosis.call, diagnosis.analysis or diagnosis.headline(),
                              list(diagnosis.actions), list(diagnosis.lessons), _short_evidence(diagnosis.evidence)))
            if iteration == max_iterations:
                break
            guard()
            repaired = coder.repair(program, diagnosis)
            result.spend("writing", mark)
            emit(ev.RepairDiff(iteration, _diff(program, repaired), list(diagnosis.actions)))
            result.repairs.append({"iteration": iteration, "error_type": diagnosis.error_type, "call": diagnosis.call,
                                   "message": diagnosis.message, "evidence": _short_evidence(diagnosis.evidence),
                                   "action": "; ".join(diagnosis.actions), "lessons": list(diagnosis.lessons)})
            program = repaired
        except BudgetExceeded as e:
            return finish(False, str(e))
        except CoderError as e:
            return finish(False, f"coder gave up: {e}")
        except RunnerError as e:
            raise AgentError(str(e)) from None
    return finish(False, f"no validated program after {max_iterations} iterations"
                  + (f" (last: {trace.headline()})" if trace is not None else ""))


def _live(pool, emit: ev.Emit, stop, frames: bool):
    """The pool and emit of a live caller: runs stream `ev.Frame`s, and once ``stop`` is set every
    run ends at once and the next event raises `Cancelled` (after it is emitted, so a commit is
    never made without being reported)."""
    from aspire_tui.runner.pool import Cancelled, LiveRuns, default_pool

    def live_emit(event: ev.Event) -> None:
        emit(event)
        if stop is not None and stop.is_set():
            raise Cancelled("interrupted")

    def on_frame(f) -> None:
        emit(ev.Frame(f.run_id, f.seed, f.call, f.width, f.height, f.rgb))

    return LiveRuns(pool or default_pool(), on_frame=on_frame if frames else None, stop=stop), live_emit


def seed_violations(program: str) -> list[str]:
    """Where a program names a seed (a variable, attribute or parameter): it must never branch on one."""
    import ast

    try:
        tree = ast.parse(program)
    except SyntaxError:
        return []  # the static check reports it
    found = []
    for node in ast.walk(tree):
        name = node.id if isinstance(node, ast.Name) else node.attr if isinstance(node, ast.Attribute) \
            else node.arg if isinstance(node, ast.arg) else None
        if name and "seed" in name.lower():
            found.append(f"program:{node.lineno}:{node.col_offset + 1}: [seed] {name!r}: a program must not "
                         "depend on its scene's seed; read the scene through the robot (detect, scan)")
    return found


def _diff(before: str, after: str) -> str:
    return "".join(difflib.unified_diff(before.splitlines(True), after.splitlines(True),
                                        "program.py", "program.py", n=1))


def record_uses(library, trace, task: str) -> None:
    """Count the run for every skill it used (statistics live in the index, never in commits)."""
    for name in getattr(trace, "skills", {}) or {}:
        try:
            library.record_use(name, trace.outcome == "succeeded", trace.duration, task=task, seed=trace.seed,
                               run_id=trace.run_id, source="agent")
        except Exception:  # noqa: BLE001 - statistics never stop the loop
            pass


def _short_evidence(evidence: dict[str, Any]) -> dict[str, Any]:
    text = repr(evidence)
    return evidence if len(text) < 600 else {"truncated": text[:600]}


def _run_seeds(program: str, spec, seeds: list[int], library, timeout: float, pool, result: TaskResult):
    """Run on each seed with that scene's ARGS until one fails: (successes, failures, (seed, trace) or None).

    The trace is None when the program's ARGS cannot be filled for that scene.
    """
    from aspire_tui.runner import run_program
    from sim.world import World

    successes, failures, first_failure = 0, [], None
    world = World()
    try:
        for s in seeds:
            try:
                source = scene_program(program, spec, s, world=world)
            except (ValueError, KeyError) as e:
                failures.append(f"seed {s}: cannot fill ARGS ({e})")
                first_failure = (s, None)
                break
            trace = run_program(source, spec, s, timeout=timeout, skills_dir=library.skills_dir,
                                runs_dir=library.runs_dir, keyframes=False, pool=pool)
            result.runs.append(trace.run_id)
            record_uses(library, trace, spec.name)
            if trace.outcome != "succeeded":
                failures.append(trace.headline())
                first_failure = (s, trace)
                break  # one failure is enough to go back to repairing
            successes += 1
    finally:
        world.close()
    return successes, failures, first_failure


def _select(program: str, spec, seeds: list[int], library, timeout: float, pool, result: TaskResult):
    """A candidate's score on the selection seeds, and its first failure there: (passed, (seed, trace) or None)."""
    if not seeds:
        return 0, None
    successes, _, first_failure = _run_seeds(program, spec, seeds, library, timeout, pool, result)
    return successes, first_failure


def _validate(program: str, spec, seeds: list[int], library, timeout: float, pool, emit, result: TaskResult):
    """Run on every validation seed with that scene's ARGS; None when all succeed, else (seed, trace)."""
    if not seeds:
        result.validated = "0/0"
        return None
    successes, failures, first_failure = _run_seeds(program, spec, seeds, library, timeout, pool, result)
    runs = successes + len(failures)
    emit(ev.ValidationResult(list(seeds[:runs]), successes, runs, failures))
    result.validated = f"{successes}/{len(seeds)}"
    if first_failure is None:
        result.validation_seeds = list(seeds)
    return first_failure


def _distill(program, goal, spec, coder, library, trace, result, emit, model, finish):
    from aspire_tui.agent.distill import learn_lesson, renamed, same_job
    from aspire_tui.skills.library import LibraryError, SkillConflict

    evidence = {"seeds": result.validation_seeds, "success": result.validated, "run": trace.run_id}
    if goal.tree is not None and not goal.variant_of:
        # the scene was made from the words alone; its task file is not kept, so nothing could re-validate a skill
        return finish(True, f"validated {result.validated} on {goal.describe()}; not kept as a skill: no built-in "
                            "family asks the same, and skills are kept only for tasks that can be re-validated")
    trailers = dict(task=goal.family, run=trace.run_id, success=result.validated,
                    model=model or getattr(coder, "model_id", None) or getattr(coder, "name", "offline"))
    if result.repairs:  # the last repair is the one that led here: it becomes or strengthens a lesson
        lesson = learn_lesson(library, result.repairs[-1], goal, goal.family, result.validated, trace.run_id,
                              sorted(getattr(trace, "skills", {}) or {}), trailers)
        if lesson is not None and lesson.committed:
            result.lesson = lesson.to_dict()
            emit(ev.SkillCommitted(lesson.name, lesson.change, lesson.sha, lesson.path,
                                   f"lesson from the repair: {result.repairs[-1]['action'][:80]}"))
    try:
        distilled = coder.generalize(program, goal, evidence)
    except CoderError as e:
        return finish(True, f"validated {result.validated}; not distilled: {e}")
    if distilled is None:
        return finish(True, f"validated {result.validated}: the library's skills already do this; nothing to commit")
    if distilled.change == "new":
        existing = same_job(library, distilled.name, distilled.source, goal, goal.family)
        if existing is not None:  # the library has a skill for this job: refine it rather than add a near-twin
            distilled.source = renamed(distilled.source, distilled.name, existing)
            distilled.name, distilled.change = existing, "refine"
            distilled.summary = f"Refine skill {existing} (the same job: {goal.family}, same parameters)"
    why = f"Task: {goal.text}\n{distilled.why}"
    try:
        try:
            change = library.save(distilled.name, distilled.source, change=distilled.change,
                                  summary=distilled.summary, why=why, **trailers)
        except SkillConflict:
            if distilled.change != "new":
                raise
            change = library.save(distilled.name, distilled.source, change="refine",
                                  summary=f"Refine skill {distilled.name}", why=why, **trailers)
    except LibraryError as e:
        return finish(True, f"validated {result.validated}; the skill was not committed: {e}")
    if not change.committed:  # the distilled file is the one the library already has
        return finish(True, f"validated {result.validated}: {change.name} is unchanged; nothing to commit")
    result.skill = change.to_dict()
    emit(ev.SkillCommitted(change.name, change.change, change.sha, change.path, distilled.summary))
    return finish(True, f"validated {result.validated}; {change.change} skill {change.name} ({change.sha[:8]})")
