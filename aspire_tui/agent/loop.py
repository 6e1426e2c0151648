"""The agent's loop: retrieve, write, check, run, diagnose, repair, validate, distill.

``run_task("put the red block in the green bowl", coder=coder_for(), library=lib, emit=print)``
returns a `TaskResult`; the steps are `Loop`'s methods. Seeds, as in the paper, come in three disjoint sets:

- debug seeds (repairs are made against their traces): ``seed``, or the first
  dev scene whose objects match the instruction's words, plus every seed
  below that a candidate failed on;
- selection seeds (200-499): a candidate that passes every debug seed is
  scored on them, and one that scores worse than an earlier candidate is
  dropped for it; a failing selection seed becomes a debug seed and a fresh
  one takes its place. The first candidate to pass its debug seeds has none
  to be compared with: it goes straight to validation, and is scored only
  when a later candidate needs the comparison;
- validation seeds (500-999), drawn fresh: all must succeed before anything is
  distilled; a failing one becomes a debug seed and a fresh set is drawn.

Held-out seeds (>= 10000) are never used here. Programs never see their seed:
the sandboxed program holds only the robot proxy, each scene's ``ARGS`` come
from its instruction's words, and a program that names a seed is rejected
before it runs (`seed_violations`). The library changes only after a
validated success, and only through ``Library.save`` (one atomic commit); a
refinement must still pass the seeds its skill was validated on, and a program
for another goal becomes a new skill (`aspire_tui.agent.distill.destination`).
"""

from __future__ import annotations

import difflib
import hashlib
import random
import threading
import time
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field, replace
from pathlib import Path
from typing import Any, Callable, Iterator

from aspire_tui import pyast
from aspire_tui.agent import events as ev
from aspire_tui.agent.budget import Budget, BudgetExceeded
from aspire_tui.agent.coder import Coder, CoderError, Diagnosis, Repair
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
    recalled: list[str] = field(default_factory=list)  # earlier runs whose verdicts stood in (`runner.recall`)
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
            return replace(goal_for(tree, spec, ids), task_file=text), spec
        except WordsError as e:
            if e.reason != "unreadable" or not model or model == "offline":
                raise AgentError(str(e)) from None
            return drafted(instruction, model, str(e))
        except SceneError as e:  # a goal no task file can say yet
            if not model or model == "offline":
                raise AgentError(str(e)) from None
            return drafted(instruction, model, str(e))
    try:
        spec = resolve_task(scene)  # a family name or a task file (.toml)
        goal = align(replace(parse(instruction, scene), family=spec.name, variant_of=spec.variant_of), spec)
    except (InstructionError, TaskError) as e:
        raise AgentError(str(e)) from None
    if str(scene).endswith(".toml"):  # the goal shown is the file's own success condition
        said = dict(goal.slots)  # two bowls stay two in the goal, a named group its members
        tree, ids = tree_of(spec, instruction, f"task file {spec.source}", said)
        goal = replace(goal, tree=tree, ids=ids)
    return goal, spec


def drafted(instruction: str, model: str, why: str) -> tuple[Goal, Any]:
    """The goal and spec a model drafts for words no reader here could read (`draft.draft_task`)."""
    from aspire_tui.agent.draft import DraftError, draft_task

    try:
        spec, text = draft_task(instruction, model, why)
    except DraftError as e:
        raise AgentError(str(e)) from None
    tree, ids = tree_of(spec, instruction, f"task file drafted by {model}")
    return replace(goal_for(tree, spec, ids), task_file=text), spec


def tree_of(spec, text: str, note: str, words: dict[str, Any] | None = None):
    """A task file's success condition as a goal tree (its objects as references), and ref -> id.

    Objects that would read the same ("block" twice: two blocks whose colours the scene draws) take
    their colours from ``words`` (a scene's slot words) when given, so that they stay two objects; a
    group the words list is those members; ``at_least(N, in(group, X))`` is ``in(N of group, X)``.
    """
    from collections import Counter

    from aspire_tui.agent.goal import Cond, Goal as Tree, Ref

    objects = {o.id: o for o in spec.objects}
    refs: dict[str, Ref] = {}
    alike = Counter((o.kind, o.colors[0] if len(o.colors) == 1 else "") for o in spec.objects)

    def ref(oid: str) -> Ref:
        if oid not in refs:
            o = objects[oid]
            color = o.colors[0] if len(o.colors) == 1 else ""
            said = str((words or {}).get(oid, "")).split()
            if not color and alike[(o.kind, "")] > 1 and o.count[1] == 1 and len(said) == 2:
                color = said[0]
            base = Ref(o.kind, color, "all" if o.count[1] > 1 or o.match else "one")
            listed = (words or {}).get(oid)
            if isinstance(listed, list) and len(set(listed)) > 1 and all(len(w.split()) == 2 for w in listed) \
                    and not o.match:  # "the orange, green and red blocks": those, not every block (the
                # red ones, said as one colour, are every red block)
                base = Ref(o.kind, members=tuple(Ref(o.kind, w.split()[0]) for w in listed))
            chosen = getattr(o, "chosen", None)
            if chosen is not None:
                anchor = ref(chosen.anchor) if chosen.anchor in objects else Ref("robot") if chosen.anchor else None
                base = Ref(o.kind, color, select=chosen.rule, anchor=anchor, rank=chosen.rank)
            refs[oid] = base
        return refs[oid]

    def arg(a):
        if hasattr(a, "args") and a.name == "at_least" and len(a.args) == 2 and hasattr(a.args[1], "args") \
                and a.args[1].args and a.args[1].args[0] in objects:  # "any two of the blocks in the bowl"
            inner = a.args[1]
            some = replace(ref(inner.args[0]), quantity="some", count=int(a.args[0]), members=())
            return Cond(inner.name, (some, *(arg(x) for x in inner.args[1:])))
        if hasattr(a, "args") and a.name == "at_corner_by" and len(a.args) == 3:  # as the words say it: at
            corner = Ref("corner", select=str(a.args[1]), anchor=arg(a.args[2]))  # the corner nearest the bowl
            return Cond("at_place", (arg(a.args[0]), corner))
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
        if oid is None or oid == "robot" or ref.select or oid.startswith("["):  # a list: its members have slots
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
            # the colours said, not how many ("both blue blocks" names one phrase; `_same_shape` counts)
            if set(wanted) != set(have.phrases):
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


def _told_apart(goal: Goal, spec, episode) -> Goal:
    """A task file's goal read again in the scene's words when two of its objects read the same: the
    program then gets an ARGS entry for each ("then(on(block, plate), in(block, bowl))" moved one block
    twice)."""
    tree = goal.tree
    if tree is None or not tree.notes or not str(tree.notes[0]).startswith("task file"):
        return goal
    again, ids = tree_of(spec, tree.text, tree.notes[0], dict(episode.scene.slots))
    if len(set(ids.values())) <= len(set(goal.ids.values())):
        return goal
    return goal_for(again, spec, ids)


def _fill_from_scene(goal: Goal, spec, episode) -> Goal:
    """The goal with the phrases the instruction left without colour ("the block") in the scene's words."""
    slots = dict(goal.slots)
    for slot, want in goal.slots.items():
        have = episode.scene.slots.get(slot)
        if have is None or not hasattr(have, "phrases") or slot in spec.choices:
            continue
        wanted = want if isinstance(want, list) else [want]
        if all(" " not in w for w in wanted):
            group = any(o.id == slot and o.count[1] > 1 for o in spec.objects)
            slots[slot] = list(have.phrases) if group else str(have)
    if spec.family == "sort_by_color":
        slots.pop("blocks", None)
    return replace(goal, slots=slots)


def choose_scene(goal: Goal, spec, seed: int | None, any_scene: bool = False) -> tuple[int, Goal]:
    """The debug seed, and the goal in that scene's words.

    The seed is ``seed`` if its scene holds the named objects, else the first dev scene that does; the
    goal's phrases without a colour ("the block") take that scene's words.
    With ``any_scene`` (held-out evaluation: the named objects come from a scene the loop may not see),
    when no dev scene holds them, the first dev scene with the same kinds and counts is the debug scene and
    the goal takes that scene's words; the program is general (ARGS) and is judged on the named scene later.
    """
    from aspire_tui.runner.program_args import slot_args
    from sim.episode import make_episode
    from sim.errors import TaskError
    from sim.world import World

    if seed is not None and not (0 <= seed < HELD_OUT):
        raise AgentError(f"seed {seed} is held out for evaluation (development seeds are 0-{HELD_OUT - 1})")
    world = World()
    similar = None
    try:
        seeds = [seed] if seed is not None else range(SCENE_SEARCH)
        for s in seeds:
            try:
                episode = make_episode(spec, s, world=world)
            except TaskError:
                if seed is not None:
                    raise
                continue  # a crowded task file cannot make every seed's scene; another seed can
            why = _scene_matches(goal, spec, episode)
            if not why:
                return s, _fill_from_scene(_told_apart(goal, spec, episode), spec, episode)
            if seed is not None:
                raise AgentError(f"object not in scene: {spec.name} seed {s}: {why} "
                                 "(leave out --seed to find a scene that matches)")
            if any_scene and similar is None and _same_shape(goal, episode):
                similar = s, slot_args(episode)
        if similar is not None:
            return similar[0], replace(goal, slots={k: similar[1][k] for k in goal.slots if k in similar[1]})
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

    from sim.vocabulary import MOVABLE

    if goal.tree is None:
        return []
    wanted = {"in" if c.name == "in_zone" else c.name for c in goal.tree.condition.conjuncts()}
    wanted |= {a.name for c in goal.tree.condition.conjuncts() for a in c.args if hasattr(a, "args")}
    if wanted & {"moved", "left_of", "right_of", "in_front_of", "behind", "next_to", "near", "at_place", "in_corners"}:
        # beside something, moved by an amount, at a table spot, one to each corner: brought to a point
        wanted.add("at")
    if "not" in wanted:
        wanted.add("at")  # taken out of a place: each brought to a point clear of it
    if "sorted_into" in wanted:
        wanted |= {"in", "on"}  # each into (or onto) the one of its colour, one at a time
    if "stacked" in wanted:
        wanted.add("on")  # a tower is each on the one below
    if any(r.kind in MOVABLE for r in goal.tree.condition.refs()) or "at_place" in wanted:
        # what rests on an object to pick up must come off first (a repair's step); what stands in a table
        # place an object goes to is set aside first
        wanted.add("clear")
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


def sources_of(library, skills: list) -> dict[str, str]:
    """Each retrieved skill's text, by name: what a coder refines when it distils a program built on it."""
    sources = {}
    for s in skills:
        try:
            sources[s.name] = library.source(s.name)
        except Exception:  # noqa: BLE001 - a missing source only limits distilling
            pass
    return sources


# ---------------------------------------------------------------- warm start

WARM_UP_WORDS = "put the red block in the green bowl"


def warm_up(library=None) -> None:
    """Load now what a session's first task would load after Enter: start the simulation workers (without
    waiting for them), read one instruction and build its scene here (the word reader, pybullet), and search
    ``library`` once (its embedding model and index). A front end calls it from a background thread when it
    opens; it changes nothing and never raises (a task that follows says what is wrong)."""
    from aspire_tui.runner.pool import start_default_pool

    try:
        start_default_pool()
        goal, spec = understand(WARM_UP_WORDS)
        _, goal = choose_scene(goal, spec, None)
        if library is not None:
            retrieve(library, goal)
    except Exception:  # noqa: BLE001 - warming is an optimisation only
        pass


# ---------------------------------------------------------------- the loop

@dataclass(frozen=True)
class Options:
    """How `run_task` runs one task (its keyword arguments).

    Attributes:
        scene: the task family or a task file (``.toml``); made from the words when None.
        seed: the debug scene; the first matching dev scene when None.
        max_iterations: how many times a program is written or repaired, then run.
        validate: how many fresh dev seeds must all succeed before distilling (0 skips validation).
        select: selection seeds that a candidate passing its debug seeds is scored on; a worse candidate
            than an earlier one is dropped for it (0 skips selection, as does ``validate=0``).
        budget: a `Budget` (tokens, cost, episodes, seconds) or wall-clock seconds; crossing any limit
            stops the task with a message that says what was spent.
        timeout: wall-clock seconds one run may take.
        pool: a `WorkerPool` (default: the runner's shared pool).
        keyframes: render a keyframe after each call of the debug runs.
        model: the llm model id that drafts a task file for words no reader here can read; commits name it.
        stop: a `threading.Event` (the app's Esc): once set, a running episode ends at once and
            the loop stops after its current phase by raising `aspire_tui.runner.Cancelled`.
        frames: also emit `ev.Frame` events (live camera frames) while the robot moves.
        any_scene: develop on a dev scene of the same shape when none holds the named objects (see
            `choose_scene`); for held-out evaluation, where the named scene is never run here.
    """

    scene: str | None = None
    seed: int | None = None
    max_iterations: int = 10
    validate: int = 5
    select: int = 2
    budget: Budget | float | None = None
    timeout: float = 60.0
    pool: Any = None
    keyframes: bool = True
    model: str | None = None
    stop: Any = None
    frames: bool = False
    any_scene: bool = False


def run_task(instruction: str, *, coder: Coder, library, emit: ev.Emit = ev.ignore, **options: Any) -> TaskResult:
    """Attempt one task end to end (see the module docstring); ``options`` are `Options` fields.

    Raises:
        AgentError: the instruction cannot be attempted (one line).
        Cancelled: ``stop`` was set; the library holds only commits already reported.
        TypeError: an option `Options` does not have.
    """
    return Loop(coder, library, emit, Options(**options)).run(instruction)


class Seeds:
    """One task's seeds (see the module docstring): the debug seeds, and selection and validation seeds
    drawn fresh, never twice, by a generator seeded with the instruction and the first debug seed."""

    def __init__(self, text: str, debug_seed: int, validate: int, select: int) -> None:
        self.rng = random.Random(stable_seed(text) ^ debug_seed)
        self.used = {debug_seed}
        self.debug = [debug_seed]
        self.current = debug_seed  # the debug scene the next candidate runs on
        self.size = validate
        self.validation = self.fresh(validate)
        self.selection = self.fresh(select, SELECTION_SEEDS) if validate else []

    def fresh(self, n: int, seeds: range = VALIDATION_SEEDS) -> list[int]:
        """``n`` seeds of ``seeds`` never drawn before."""
        free = [s for s in seeds if s not in self.used]
        chosen = self.rng.sample(free, min(n, len(free)))
        self.used.update(chosen)
        return chosen

    def no_scene(self, seed: int) -> None:
        """The task file cannot make this selection or validation seed's scene (a crowded file cannot make
        every seed's): a fresh seed takes its place, in the same list."""
        for seeds, pool in ((self.selection, SELECTION_SEEDS), (self.validation, VALIDATION_SEEDS)):
            if seed in seeds:
                fresh = self.fresh(1, pool)
                seeds[seeds.index(seed):seeds.index(seed) + 1] = fresh

    def selection_failed(self, seed: int) -> None:
        """A failing selection seed becomes a debug seed; a fresh one takes its place."""
        self.current = seed
        self.debug.append(seed)
        self.selection = [s for s in self.selection if s != seed] + self.fresh(1, SELECTION_SEEDS)

    def validation_failed(self, seed: int) -> None:
        """A failing validation seed becomes a debug seed; fresh seeds replace the validation set."""
        self.current = seed
        self.debug.append(seed)
        self.validation = self.fresh(self.size)


@dataclass(frozen=True)
class Verdict:
    """What judging a candidate came to: the program kept (selection may go back to an earlier one), the
    run that decided it, and either validated, or ``rejected`` when it cannot run on other scenes."""

    program: str
    trace: Any
    validated: bool = False
    rejected: Diagnosis | None = None


class Loop:
    """One task, in steps that each return what they made: understand, write, check, judge on the seed
    sets, diagnose, repair, distill. `run` is the whole loop; `run_task` is ``Loop(...).run(words)``."""

    goal: Goal           # what the words ask, in the debug scene's words (set by `understand`)
    spec: Any            # the task spec the goal runs on
    seeds: Seeds
    result: TaskResult

    def __init__(self, coder: Coder, library, emit: ev.Emit = ev.ignore, options: Options = Options()) -> None:
        self.started = time.monotonic()
        self.coder, self.library, self.options = coder, library, options
        self.pool, self.emit = options.pool, emit
        if options.stop is not None or options.frames:  # a live caller (the app): Esc ends a run at once
            self.pool, self.emit = _live(options.pool, emit, options.stop, options.frames)
        budget = options.budget
        self.budget = budget if isinstance(budget, Budget) else Budget(seconds=budget)
        # (selection score, program): the fittest candidate so far; the score is None until a later
        # candidate needs it (`select`)
        self.best: tuple[int | None, str] | None = None
        self._batch: tuple[str, dict[int, Any]] = ("", {})  # (program, {seed: trace}): `run_batch`'s runs
        self._no_args: dict[int, str] = {}  # seed -> why the program's ARGS could not be filled for it
        self.sources: dict[str, str] = {}

    def run(self, instruction: str) -> TaskResult:
        """Attempt the task: write, then run and repair until a program validates, then distill it."""
        from aspire_tui.runner import RunnerError

        last = self.options.max_iterations
        self.understand(instruction)
        skills = self.retrieve()
        program, trace = "", None
        for iteration in range(1, last + 1):
            self.result.iterations = iteration
            try:
                self.guard(1)
                program = program or self.write(iteration, skills)
                rejected = self.check(iteration, program)
                if rejected is None:
                    verdict = self.judge(iteration, program)
                    if verdict.validated:
                        return self.distill(verdict.program, verdict.trace)
                    program, trace, rejected = verdict.program, verdict.trace, verdict.rejected
                if rejected is not None:  # it may not run as it is: rewrite it; there is nothing to learn
                    if iteration == last:
                        break
                    self.emit(ev.Diagnosis(iteration, rejected.error_type, "", rejected.message, ["rewrite"]))
                    program = self.repair(iteration, program, rejected).program
                    continue
                diagnosis = self.diagnose(iteration, trace)
                if iteration == last:
                    break
                repair = self.repair(iteration, program, diagnosis)
                self.result.repairs.append(_repair_record(iteration, diagnosis, repair))
                program = repair.program
            except BudgetExceeded as e:
                return self.finish(False, str(e), program)
            except CoderError as e:
                return self.finish(False, f"coder gave up: {e}", program)
            except RunnerError as e:
                raise AgentError(str(e)) from None
        return self.finish(False, f"no validated program after {last} iterations"
                           + (f" (last: {trace.headline()})" if trace is not None else ""), program)

    # -- the steps ----------------------------------------------------------------
    def understand(self, instruction: str) -> None:
        """Read the words into a goal and the scene it runs on, choose the seeds, and say what was understood."""
        o = self.options
        goal, self.spec = understand(instruction, o.scene, o.model)
        if o.pool is None:  # the shared pool's workers start now, while the scene is chosen and the library searched
            from aspire_tui.runner.pool import start_task_workers

            start_task_workers(validating=o.validate > 0)
        debug_seed, goal = choose_scene(goal, self.spec, o.seed, o.any_scene)
        self.goal = goal
        self.result = TaskResult(instruction=goal.text, family=goal.family, seed=debug_seed, goal=goal.to_dict(),
                                 debug_seeds=[debug_seed])
        self.emit(ev.Understood(goal.to_dict(), ev.goal_line(goal.to_dict()), goal.task_file or _file_text(self.spec)))
        self.emit(ev.TaskStarted(goal.text, goal.family, debug_seed, self.coder.name, goal.to_dict(),
                                 str(self.library.root)))
        self.seeds = Seeds(goal.text, debug_seed, o.validate, o.select)

    def retrieve(self) -> list:
        """The library's skills for the goal (their sources kept for distilling)."""
        skills = retrieve(self.library, self.goal)
        self.sources = sources_of(self.library, skills)
        self.emit(ev.SkillsRetrieved([s.name for s in skills]))
        return skills

    def write(self, iteration: int, skills: list) -> str:
        """The coder's first program for the goal."""
        with self.timed("writing"):
            program = self.coder.write(self.goal, skills, [])
        self.emit(ev.ProgramWritten(iteration, program, "write"))
        return program

    def check(self, iteration: int, program: str) -> Diagnosis | None:
        """The static check, reported; a diagnosis to rewrite by when the program names its seed."""
        from aspire_tui.runner.check import check_program

        with self.timed("checking"):
            report = check_program(program, self.library.skills_dir)
            seeded = seed_violations(program)
        self.emit(ev.CheckResult(iteration, report.ok and not seeded, [str(v) for v in report.violations] + seeded))
        if not seeded:  # other violations are rejected by the runner, and diagnosed from its trace
            return None
        return Diagnosis(outcome="rejected", error_type="StaticCheck", message=seeded[0], summary="; ".join(seeded),
                         analysis=seeded[0], actions=["switch_skill"])

    def judge(self, iteration: int, program: str) -> Verdict:
        """Run the candidate on its debug scene and, once it succeeds there, on the other debug scenes,
        the selection scenes and the validation scenes, until one fails (which becomes a debug scene)."""
        seeds = self.seeds
        # a repair made for one debug scene must not break the others: they are read first
        others = [s for s in seeds.debug if s != seeds.current]
        selection = seeds.selection if self.best is not None else []  # see `select`
        with self.timed("simulating"):
            with self.ahead(program, others + selection + seeds.validation) as ahead:
                trace = self.run_debug(iteration, program, started=ahead.start)
                ahead.debug_succeeded = trace.outcome == "succeeded"
            if trace.outcome != "succeeded":
                return Verdict(program, trace)
            if ahead.batch is None:  # not started beside the debug run: every other scene at once now
                self.guard(len(others) + len(selection) + len(seeds.validation))
                # in the order they are read below (other debug scenes, selection, validation), stopping at
                # the first failure; the steps below read these runs
                self.run_batch(program, others + selection + seeds.validation)
            broken = self.run_seeds(program, others)[2] if others else None
            if broken is not None and broken[1] is not None:
                seeds.current, trace = broken
                self.emit(_finished(iteration, seeds.current, trace))
                return Verdict(program, trace)
            program, failed = self.select(iteration, program)
            if failed is not None and failed[1] is not None:
                seeds.selection_failed(failed[0])
                self.best = None  # scores on the old selection set no longer compare
                self.emit(_finished(iteration, failed[0], failed[1]))
            elif failed is None:
                failed = self.validate(program)
                if failed is None:
                    return Verdict(program, trace, validated=True)
                if failed[1] is not None:
                    seeds.validation_failed(failed[0])
        if failed[1] is None:  # not general: its ARGS do not fit the family's other scenes
            return Verdict(program, trace, rejected=self.not_general())
        return Verdict(program, failed[1])

    def diagnose(self, iteration: int, trace) -> Diagnosis:
        """The coder's diagnosis of a failed run, with the lessons that fit its failure."""
        self.guard()
        with self.timed("diagnosing"):
            diagnosis = self.coder.diagnose(trace, lessons_for(self.library, trace))
        self.emit(ev.Diagnosis(iteration, diagnosis.error_type, diagnosis.call, diagnosis.analysis or
                               diagnosis.headline(), list(diagnosis.actions), list(diagnosis.lessons),
                               _short_evidence(diagnosis.evidence)))
        return diagnosis

    def repair(self, iteration: int, program: str, diagnosis: Diagnosis) -> Repair:
        """The coder's repair for the diagnosis, shown as a diff."""
        self.guard()
        with self.timed("writing"):
            repair = self.coder.repair(program, diagnosis)
        self.emit(ev.RepairDiff(iteration, _diff(program, repair.program), list(repair.actions)))
        return repair

    def distill(self, program: str, trace) -> TaskResult:
        """Keep what a validated program taught: its last repair as a lesson, and the program as a skill,
        which refines a skill only when it validated the same goal and still passes that skill's seeds."""
        from aspire_tui.agent.distill import destination
        from aspire_tui.skills.library import LibraryError
        from sim.episode import asks_nothing, never_starts
        from sim.tasks import builtin_tasks

        goal, result = self.goal, self.result
        validated = result.validated
        recalled = self.recalled(result.validation_seeds)
        said = validated + (f" ({recalled} recalled)" if recalled else "")

        def done(message: str) -> TaskResult:
            return self.finish(True, message, program)

        # "don't touch the bowl", "don't put the ball in the bowl" (nothing starts in it): kept by doing nothing,
        # no skill to keep
        if asks_nothing(self.spec.success) or never_starts(self.spec.success, self.spec):
            return done(f"validated {said}: nothing to do, the goal only says what must stay as it is or must "
                        "not come to hold; nothing to commit")
        trailers = dict(task=goal.family, run=trace.run_id, success=validated,
                        model=self.options.model or self.coder.model_id)
        if result.repairs:  # the last repair is the one that led here: it becomes or strengthens a lesson
            self.learn(trace, trailers)
        evidence = {"seeds": result.validation_seeds, "success": validated, "run": trace.run_id}
        try:
            distilled = self.coder.generalize(program, goal, evidence, self.sources)
        except CoderError as e:
            return done(f"validated {said}; not distilled: {e}")
        if distilled is None:
            return done(f"validated {said}: the library's skills already do this; nothing to commit")
        distilled, why_not = destination(self.library, distilled, goal)
        if distilled is None:
            return done(f"validated {said}; not kept: {why_not}")
        if goal.tree is not None and not goal.variant_of and goal.family not in builtin_tasks():
            # the scene was made from the words alone: the library keeps its task file, so that the skill
            # can be validated on it again (`aspire skills test`, a later refinement)
            try:
                self.library.keep_task(goal.family, goal.task_file or _file_text(self.spec),
                                       f"Made from the words: {goal.text}")
            except LibraryError as e:
                return done(f"validated {said} on {goal.describe()}; not kept as a skill: {e}")
        why = f"Task: {goal.text}\n{distilled.why}"
        if distilled.change == "refine":
            passes, earlier = self.still_passes(distilled.name, distilled.source)
            if not passes:
                return done(f"validated {said}; {distilled.name} was not refined: {earlier}")
            why += f"\nStill passes its earlier validation: {earlier}." if earlier else ""
        try:
            change = self.library.save(distilled.name, distilled.source, change=distilled.change,
                                       summary=distilled.summary, why=why, trailers={"Aspire-Goal": goal.describe()},
                                       **trailers)
        except LibraryError as e:
            return done(f"validated {said}; the skill was not committed: {e}")
        if not change.committed:  # the distilled file is the one the library already has
            return done(f"validated {said}: {change.name} is unchanged; nothing to commit")
        result.skill = change.to_dict()
        self.emit(ev.SkillCommitted(change.name, change.change, change.sha, change.path, distilled.summary))
        return done(f"validated {said}; {change.change} skill {change.name} ({change.sha[:8]})")

    def finish(self, success: bool, message: str, program: str) -> TaskResult:
        """The result, its usage and the last event; runs/ is pruned back under its size limit."""
        from aspire_tui.skills.retention import prune_after_task

        result = self.result
        result.success, result.message, result.program = success, message, program
        result.debug_seeds = list(self.seeds.debug)
        result.seconds = round(time.monotonic() - self.started, 2)
        usage = self.coder.usage
        if usage is not None:
            priced = self.budget.price_in or self.budget.price_out
            self.emit(ev.Usage(**usage.to_dict(), cost=self.budget.spent(usage)["cost"] if priced else None))
        self.emit(ev.TaskFinished(success, result.iterations, message, program, result.validated,
                                  (result.skill or {}).get("name", ""), result.seconds))
        prune_after_task(self.library)
        return result

    # -- what the steps share ------------------------------------------------------
    def guard(self, upcoming: int = 0) -> None:
        """The hard stop: raise BudgetExceeded before a model call or ``upcoming`` episodes that go over."""
        self.budget.check(self.coder.usage, self.result.episodes, upcoming)

    @contextmanager
    def timed(self, phase: str) -> Iterator[None]:
        """Add the time the block takes to ``phase`` (writing, checking, simulating, diagnosing)."""
        since = time.monotonic()
        try:
            yield
        finally:
            self.result.spend(phase, since)

    @contextmanager
    def ahead(self, program: str, seeds: list[int]) -> Iterator["_Ahead"]:
        """The judge's other scenes for ``program``, started on the workers its debug run leaves idle once
        that run holds its worker (`_Ahead.start`), when the budget would pay for them all; collected when
        the block ends, and ended early unless the debug run succeeded."""
        from aspire_tui.runner.pool import pool_size

        ahead = _Ahead(self, program, seeds)
        try:
            self.guard(1 + len(seeds))
        except BudgetExceeded:
            ahead.seeds = []  # not paid for: the judge asks again after the debug run, and stops there
        if pool_size(self.pool) < 2:
            ahead.seeds = []  # its one worker is the debug run's
        try:
            yield ahead
        finally:
            ahead.finish()

    def run_debug(self, iteration: int, program: str, started: Callable[[], None] | None = None):
        """Run the candidate on the current debug scene, reporting every call as it happens (a live view
        watches it at `WATCH_PACE`); ``started`` is called at its first call."""
        from aspire_tui.runner import run_program
        from aspire_tui.runner.paths import new_run_id
        from aspire_tui.runner.pool import WATCH_PACE

        seed, o = self.seeds.current, self.options
        try:
            source = program if seed == self.seeds.debug[0] else scene_program(program, self.spec, seed)
        except (ValueError, KeyError) as e:
            source = program
            self.emit(ev.Diagnosis(iteration, "NotGeneral", "", f"cannot fill ARGS for seed {seed}: {e}"))
        run_id = new_run_id()  # named up front so live views find each keyframe as it lands
        trace = run_program(source, self.spec, seed, timeout=o.timeout, skills_dir=self.library.skills_dir,
                            runs_dir=self.library.runs_dir, keyframes=o.keyframes, pool=self.pool, run_id=run_id,
                            on_record=self.on_record(iteration, seed, run_id, started), pace=WATCH_PACE)
        self.result.runs.append(trace.run_id)
        record_uses(self.library, trace, self.spec.name)
        self.emit(_finished(iteration, seed, trace))
        return trace

    def on_record(self, iteration: int, seed: int, run_id: str,
                  started: Callable[[], None] | None = None) -> Callable[[Any], None]:
        """The callback that reports each robot call of a debug run (and calls ``started`` at the first)."""
        def callback(record) -> None:
            if started is not None and record.index == 0:
                started()
            self.emit(ev.CallRecorded(iteration, seed, record.index, record.call, record.status,
                                      record.signature(70), record.error, record.keyframe or "", record.where or "",
                                      run_id))
        return callback

    def run_seeds(self, program: str, seeds: list[int]):
        """Run on each seed with that scene's ARGS until one fails: (successes, failures, (seed, trace) or None).

        The seeds run at once on the pool's workers (`run_batch`), and the answer is the one running them one
        by one in order would give: the first failure in order, and the successes before it. The trace is None
        when the program's ARGS cannot be filled for that scene.
        """
        ran = self.run_batch(program, self._needed(program, seeds))
        unmade = self._unmade(ran, seeds)
        while unmade:  # ``seeds`` is the Seeds' own list: the fresh seeds take the unmade ones' places in it
            for s in unmade:
                self.seeds.no_scene(s)
            if any(s in seeds for s in unmade):
                break  # not a list the Seeds hold: nothing took their places
            ran = self.run_batch(program, self._needed(program, seeds))
            unmade = self._unmade(ran, seeds)
        successes, failures, first_failure = 0, [], None
        for s in seeds:
            trace = ran[s]  # every seed up to the first failure in order has run
            if trace is None:
                failures.append(f"seed {s}: cannot fill ARGS ({self._no_args.get(s, '')})")
                first_failure = (s, None)
                break
            if trace.outcome != "succeeded":
                failures.append(trace.headline())
                first_failure = (s, trace)
                break  # one failure is enough to go back to repairing
            successes += 1
        return successes, failures, first_failure

    def _needed(self, program: str, seeds: list[int]) -> list[int]:
        """``seeds`` up to the first one ``program`` already failed on (or could not fill): a batch that
        stopped there left the later ones unrun, and they would not be read."""
        done = self._batch[1] if self._batch[0] == program else {}
        for i, s in enumerate(seeds):
            if s in done and (done[s] is None or done[s].outcome != "succeeded"):
                return seeds[:i + 1]
        return seeds

    def _unmade(self, ran: dict[int, Any], seeds: list[int]) -> list[int]:
        """The seeds of ``seeds`` that ran nothing because the task file cannot make their scenes (a seed after
        an earlier failure may not have run at all: it is not in ``ran``)."""
        return [s for s in seeds if s in ran and ran[s] is None and self._no_args.get(s, "").startswith(NO_SCENE)]

    def run_batch(self, program: str, seeds: list[int]) -> dict[int, Any]:
        """Run ``program`` on ``seeds``, as many at once as the pool has workers, stopping early once one fails.

        Returns {seed: trace, or None when its ARGS cannot be filled} for every seed that ran to its end,
        which is at least every seed up to the first failure in order: seeds start in order, so when one fails
        every earlier seed has started; no later seed starts after it, and later ones still running are
        interrupted (their workers stay warm; their partial traces are kept in ``runs``). Runs are kept per
        program, so the judge can start all of a candidate's seeds at once and read them set by set
        (`run_seeds`) without running any twice.
        """
        return self._collect(self._start_batch(program, seeds))

    def _start_batch(self, program: str, seeds: list[int], *, halt: threading.Event | None = None,
                     show: bool = True) -> "_Batch":
        """Start `run_batch`'s runs without waiting for them; ``halt``, once set, ends them as a failure would
        (their debug run failed), and ``show`` lets a live view watch them."""
        from concurrent.futures import ThreadPoolExecutor

        from aspire_tui.runner import Cancelled, run_program
        from aspire_tui.runner.paths import new_run_id
        from aspire_tui.runner.pool import LiveRuns, pool_size
        from sim.errors import TaskError

        # a live view (the app) is shown one run at a time: the first to start streams its frames, and when
        # it ends the next to start takes over; the others render none (two scenes would flicker in turn)
        live = self.pool if isinstance(self.pool, LiveRuns) else None
        esc = live.stop if live is not None else None
        showing = threading.Lock()
        if self._batch[0] != program:
            self._batch = (program, {})
        batch = _Batch(self._batch[1])
        todo = [s for s in seeds if s not in batch.done]
        if not todo:
            return batch
        first_bad = [len(todo)]  # the index in ``todo`` of the first failure so far (len: none)
        bad_lock = threading.Lock()

        def bad(index: int) -> None:
            with bad_lock:
                first_bad[0] = min(first_bad[0], index)

        def stopped(index: int) -> bool:
            return first_bad[0] < index or (halt is not None and halt.is_set())

        def one(index: int, seed: int, run_id: str):
            if stopped(len(todo)):
                return _SKIPPED  # a seed before it failed: its answer is no longer needed
            shown = show and live is not None and live.on_frame is not None and showing.acquire(blocking=False)
            try:
                # each scene's ARGS come from its own words, set by the worker that builds the scene
                trace = run_program(program, self.spec, seed, timeout=self.options.timeout,
                                    skills_dir=self.library.skills_dir, runs_dir=self.library.runs_dir,
                                    keyframes=False, pool=live.pool if live else self.pool, run_id=run_id,
                                    stop=_Stop(esc, lambda: stopped(index)),
                                    on_frame=live.on_frame if shown else None, scene_args=True, recall=True)
            except Cancelled:
                if esc is not None and esc.is_set():
                    raise
                return _INTERRUPTED  # a seed before it failed while it ran
            except TaskError as e:  # this seed's scene cannot be built (a crowded task file): no episode ran
                bad(index)
                return _NoScene(str(e))
            except BaseException:
                bad(-1)  # no worker: start nothing more
                raise
            finally:
                if shown:
                    showing.release()
            if trace.outcome != "succeeded":
                bad(index)  # a failure, or ARGS that do not fit this scene
            return trace

        batch.executor = ThreadPoolExecutor(pool_size(self.pool), thread_name_prefix="aspire-seeds")
        try:
            for index, s in enumerate(todo):
                run_id = new_run_id()
                batch.futures.append((s, run_id, batch.executor.submit(one, index, s, run_id)))
        except BaseException:
            batch.executor.shutdown(wait=True)
            raise
        return batch

    def _collect(self, batch: "_Batch") -> dict[int, Any]:
        """Wait for a started batch's runs and keep them (`run_batch`)."""
        from aspire_tui.runner.program_args import ARGS_UNFIT

        if batch.executor is not None:
            batch.executor.shutdown(wait=True)
        done, error = batch.done, None
        for s, run_id, future in batch.futures:  # in order, in this thread: the library's statistics have one writer
            if future.exception() is not None:
                error = error or future.exception()
                continue
            trace = future.result()
            if trace is _INTERRUPTED:
                if _made_calls(self.library.runs_dir / run_id):  # it ran, in part: its trace is on disk
                    self.result.runs.append(run_id)
                continue
            if trace is _SKIPPED:
                continue
            if isinstance(trace, _NoScene):
                done[s], self._no_args[s] = None, f"{NO_SCENE}: {trace.why}"
                continue
            if trace.outcome == "rejected" and trace.failure_reason.startswith(ARGS_UNFIT):
                done[s], self._no_args[s] = None, trace.failure_reason[len(ARGS_UNFIT) + 2:]
                continue  # no episode ran: the program's ARGS do not fit this scene
            done[s] = trace
            if trace.recalled:  # not simulated again: no episode, and no new use of its skills
                self.result.recalled.append(trace.run_id)
                continue
            self.result.runs.append(trace.run_id)
            record_uses(self.library, trace, self.spec.name)
        batch.futures.clear()
        if error is not None:
            raise error
        return done

    def select(self, iteration: int, program: str) -> tuple[str, tuple[int, Any] | None]:
        """The program to go on with (an earlier candidate when this one scores worse on the selection
        seeds), and the first selection seed this one failed on: (seed, trace), or None."""
        seeds = self.seeds.selection
        if self.best is None:
            # the first candidate here: nothing to compare it with, so its selection runs would decide
            # nothing that validation does not; it is scored once a later candidate needs the comparison
            self.best = (None, program)
            return program, None
        if seeds and self.best[0] is None:
            self.guard(len(seeds))
            ran = dict(self._batch[1]) if self._batch[0] == program else {}
            self.best = (self.run_seeds(self.best[1], seeds)[0], self.best[1])
            self._batch = (program, ran)  # this candidate's runs, which validation reads next
        score, failed = 0, None
        if seeds:
            score, _, failed = self.run_seeds(program, seeds)
        if score < (self.best[0] or 0):
            # the repair made things worse on scenes it was not repaired on: keep the better one
            self.emit(ev.Diagnosis(iteration, "Selection", "", f"this candidate passed {score}/{len(seeds)} selection "
                                   f"seeds, an earlier one {self.best[0]}: back to the earlier candidate", ["select"]))
            return self.best[1], failed
        self.best = (score, program)
        return program, failed

    def validate(self, program: str) -> tuple[int, Any] | None:
        """Run on every validation seed with that scene's ARGS; None when all succeed, else (seed, trace)."""
        seeds, result = self.seeds.validation, self.result
        if not seeds:
            result.validated = "0/0"
            return None
        successes, failures, first_failure = self.run_seeds(program, seeds)
        runs = successes + len(failures)
        self.emit(ev.ValidationResult(list(seeds[:runs]), successes, runs, failures, self.recalled(seeds[:runs])))
        result.validated = f"{successes}/{len(seeds)}"
        if first_failure is None:
            result.validation_seeds = list(seeds)
        return first_failure

    def recalled(self, seeds: list[int]) -> int:
        """How many of ``seeds`` the current program's verdicts were recalled for, not simulated again."""
        return sum(bool(getattr(self._batch[1].get(s), "recalled", False)) for s in seeds)

    def not_general(self) -> Diagnosis:
        """Why a program whose ARGS do not fit other scenes is rewritten."""
        message = ("the program cannot be validated on other scenes: set ARGS = {...} with exactly "
                   f"the keys {sorted(self.goal.slots)} and read every object from it")
        return Diagnosis(outcome="error", error_type="NotGeneral", message=message, summary=message,
                         analysis=message, actions=["rewrite"])

    def learn(self, trace, trailers: dict[str, Any]) -> None:
        """The last repair, which led to the validated program, becomes or strengthens a lesson."""
        from aspire_tui.agent.distill import learn_lesson

        goal, result = self.goal, self.result
        repair = result.repairs[-1]
        lesson = learn_lesson(self.library, repair, goal, goal.family, result.validated, trace.run_id,
                              sorted(getattr(trace, "skills", {}) or {}), trailers)
        if lesson is not None and lesson.committed:
            result.lesson = lesson.to_dict()
            self.emit(ev.SkillCommitted(lesson.name, lesson.change, lesson.sha, lesson.path,
                                        f"lesson from the repair: {repair['action'][:80]}"))

    def still_passes(self, name: str, source: str) -> tuple[bool, str]:
        """Does the refinement ``source`` of skill ``name`` pass the seeds ``name`` was validated on?
        (`aspire_tui.agent.distill.still_passes`; its runs count against the budget like any other.)"""
        from aspire_tui.agent.distill import still_passes
        from aspire_tui.runner import run_program

        def run(program: str, scene, seed: int, skills_dir: Path):
            self.guard(1)
            trace = run_program(program, scene, seed, timeout=self.options.timeout, skills_dir=skills_dir,
                                runs_dir=self.library.runs_dir, keyframes=False, pool=self.pool)
            self.result.runs.append(trace.run_id)
            return trace

        try:
            return still_passes(self.library, name, source, run, self.spec)
        except BudgetExceeded as e:
            return False, str(e)


_SKIPPED = object()  # what a seed of `Loop.run_batch` that never started returns
NO_SCENE = "no scene for it"  # why a seed of `Loop.run_batch` ran nothing: the task file cannot make its scene


@dataclass(frozen=True)
class _NoScene:
    """What a seed of `Loop.run_batch` returns whose scene the task file cannot make."""

    why: str
_INTERRUPTED = object()  # what one returns that an earlier seed's failure cut short


class _Ahead:
    """A candidate's other scenes, run while its debug run plays (`Loop.ahead`)."""

    def __init__(self, loop: "Loop", program: str, seeds: list[int]) -> None:
        self.loop, self.program, self.seeds = loop, program, seeds
        self.halt = threading.Event()
        self.batch: _Batch | None = None
        self.debug_succeeded = False

    def start(self) -> None:
        """Start the scenes (once): the debug run holds its worker by now, so they take the others."""
        if self.batch is None and self.seeds:
            self.batch = self.loop._start_batch(self.program, self.seeds, halt=self.halt, show=False)

    def finish(self) -> None:
        """Collect the scenes, ended at once unless the debug run succeeded (its repair comes first)."""
        if self.batch is None:
            return
        if not self.debug_succeeded:
            self.halt.set()
        try:
            self.loop._collect(self.batch)
        except Exception:  # noqa: BLE001 - a run of these that could not start is run again by the judge
            if self.debug_succeeded:
                raise


@dataclass
class _Batch:
    """Runs of one program started by `Loop._start_batch` and not yet collected."""

    done: dict[int, Any]  # the program's runs so far (`Loop._batch`): collecting adds to it
    futures: list = field(default_factory=list)  # (seed, run id, future), in the seeds' order
    executor: Any = None


def _made_calls(run_dir: Path) -> bool:
    """Did a run cut short get as far as its program's first robot call? (Cut short while its scene was
    still being built, as a loaded machine can, it was no episode.)"""
    from aspire_tui.runner import Trace

    try:
        return bool(Trace.load(run_dir).records)
    except (OSError, ValueError, TypeError):
        return False


class _Stop:
    """A run's stop for `Loop.run_batch`: the app's Esc (an Event, or None), or an earlier seed that failed."""

    def __init__(self, esc, earlier_failed: Callable[[], bool]) -> None:
        self.esc, self.earlier_failed = esc, earlier_failed

    def is_set(self) -> bool:
        return (self.esc is not None and self.esc.is_set()) or self.earlier_failed()


def _finished(iteration: int, seed: int, trace) -> ev.RunFinished:
    return ev.RunFinished(iteration, seed, trace.outcome, trace.headline(), trace.run_id, str(trace.path or ""))


def _repair_record(iteration: int, diagnosis: Diagnosis, repair: Repair) -> dict[str, Any]:
    """What `TaskResult.repairs` keeps of one repair (a lesson is learnt from the last one)."""
    return {"iteration": iteration, "error_type": diagnosis.error_type, "call": diagnosis.call,
            "message": diagnosis.message, "evidence": _short_evidence(diagnosis.evidence),
            "action": "; ".join(repair.actions), "lessons": list(diagnosis.lessons)}


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
        tree = pyast.parse(program)
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


