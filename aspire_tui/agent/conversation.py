"""One world per conversation: tasks act on it, questions read it, undo restores it.

    talk = Conversation()
    talk.say("put the red block in the green bowl", setup)    # the first task's scene becomes the world
    talk.say("do the same with the blue block", setup)         # acts on the world the last task left
    talk.say("how many blocks are in the green bowl?", setup)  # from the camera: nothing moves
    talk.say("undo that", setup)                               # the world exactly as it was before

Each turn is one of: a task (its references resolved against the world and
the earlier tasks by `references`, then run on the world by `world_runs`), a
question (`questions`, answered from one look through the camera), or an
undo. Every change of the world is a `WorldChanged` event; what a turn was
read as is a `Resolved` event. Bad input (a reference with nothing to refer
to, "undo" with nothing to undo, a question about an object that is not
there) is one line, and the world stays as it was. The whole conversation is
plain data (`to_dict`), so a saved one resumes where it stopped.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from typing import Any

from aspire_tui.agent import events as ev
from aspire_tui.agent.goal import Cond, canonical, read_condition
from aspire_tui.agent.questions import QuestionError, answer, is_question, read_question
from aspire_tui.agent.references import (Past, Unresolved, bind, has_verb, is_undo, movers,
                                         replace_references, resolve, say_goal, strip_once)
from aspire_tui.agent.world_runs import (Setup, TurnError, already_true, first_task, look, moved,
                                         run_on_world, scene_world, start_world, world_task)
from sim.worldstate import WorldState

__all__ = ["Conversation", "ConversationError", "Reply", "Setup", "Step", "describe_world"]


class ConversationError(ValueError):
    """A turn that cannot be taken as said; the message is one line and the world is unchanged."""


@dataclass(frozen=True)
class Step:
    """A task the conversation did: what was said, the goal on the world and the world before (``past``), and
    the world after."""

    said: str
    past: Past
    after: WorldState
    skill: str = ""
    once: bool = False

    def to_dict(self) -> dict[str, Any]:
        """Plain data (the goal in the notation `read_condition` reads back)."""
        return {"said": self.said, "once": self.once, "skill": self.skill, **past_dict(self.past),
                "after": self.after.to_dict()}

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> "Step":
        """A step read back from `to_dict`."""
        return cls(str(d["said"]), past_of(d), WorldState.from_dict(d["after"]), str(d.get("skill", "")),
                   bool(d.get("once", False)))


def past_dict(p: Past) -> dict[str, Any]:
    """A task asked for, as plain data."""
    return {"instruction": p.instruction, "condition": str(p.condition), "movers": list(p.movers),
            "before": p.before.to_dict(), "sightings": {k: list(v) for k, v in p.sightings.items()}}


def past_of(d: dict[str, Any]) -> Past:
    """A task asked for, read back from `past_dict`."""
    return Past(str(d["instruction"]), read_condition(d["condition"]), tuple(d["movers"]),
                WorldState.from_dict(d["before"]), {k: (float(v[0]), float(v[1]))
                                                    for k, v in (d.get("sightings") or {}).items()})


@dataclass
class Reply:
    """What a turn came to, in one line: ``kind`` is task, answer, undo or refused."""

    kind: str
    line: str
    ok: bool = True
    result: Any = None
    facts: dict[str, Any] = field(default_factory=dict)
    skill: str = ""          # an undone task's skill commit (undo offers to revert it as well)
    seconds: float = 0.0


class Conversation:
    """A conversation's world and the tasks done on it, newest last."""

    def __init__(self, world: WorldState | None = None) -> None:
        self.world = world
        self.start = world
        self.steps: list[Step] = []
        self.asked: Past | None = None   # the last task asked for, run or not ("do the same with ...")

    @property
    def past(self) -> list[Past]:
        """The tasks done on the table, oldest first (what references refer to)."""
        return [s.past for s in self.steps]

    # ------------------------------------------------------------ one turn

    def say(self, text: str, setup: Setup) -> Reply:
        """Take one turn: an undo, a question or a task. Refusals come back as a ``refused`` reply."""
        from aspire_tui.agent.loop import AgentError
        from aspire_tui.agent.words import InstructionError

        started = time.monotonic()
        try:
            if is_undo(text):
                reply = self.undo(setup.emit)
            elif is_question(text):
                reply = self.ask(text, setup)
            else:
                reply = self.do(text, setup)
        except (ConversationError, Unresolved, QuestionError, TurnError, AgentError, InstructionError) as e:
            reply = Reply("refused", str(e), ok=False)
        reply.seconds = round(time.monotonic() - started, 2)
        return reply

    def do(self, text: str, setup: Setup) -> Reply:
        """A task on the world (the first one makes the world)."""
        words, once = strip_once(text)
        if self.world is None:
            resolve(text, WorldState("panda", ()), [])  # a reference with nothing to refer to stops here
            if not once:
                return self._first(words, setup)
            self._set_world(start_world(words, setup), "start", setup.emit)
        request = resolve(text, self.world, self.past, self.asked)
        condition, notes = request.condition, list(request.notes)
        if condition is None:
            condition, more, notes = _read(request, notes)
            notes += more
        condition, bound, more = bind(condition, self.world, lambda: look(self.world, setup)[0])
        condition = canonical(condition)
        instruction = say_goal(condition) or request.text
        setup.emit(ev.Resolved(text, instruction, notes + more, request.once))
        task = world_task(self.world, condition, instruction, bound)
        self.asked = Past(instruction, condition, movers(condition, bound), self.world)
        if already_true(task):
            return Reply("task", f"already so: {condition} holds on the table now; nothing to do")
        outcome = run_on_world(task, self.world, setup, request.once)
        result = outcome.result
        if outcome.world is None:
            return Reply("task", f"{result.message}; the table is as it was", ok=False, result=result)
        past = Past(instruction, condition, movers(condition, bound), self.world, outcome.sightings)
        self.asked = past
        skill = (result.skill or {}).get("name", "")
        self._advance(Step(text, past, outcome.world, skill, request.once), setup.emit)
        if outcome.trace.outcome != "succeeded":
            return Reply("task", f"validated on copies of the table, but on the table itself: "
                                 f"{outcome.trace.headline()}; /undo puts it back", ok=False, result=result)
        if request.once:
            return Reply("task", f"done once on the table, as asked: {condition}; not validated on copies and "
                                 "not kept as a skill", result=result)
        return Reply("task", result.message, result=result, skill=skill)

    def _first(self, text: str, setup: Setup) -> Reply:
        """The first task: run as any task is, on the scene its words make; that scene becomes the world."""
        result, before, outcome = first_task(text, setup)
        if before is None:
            return Reply("task", result.message, ok=result.success, result=result)
        self._set_world(before, "start", setup.emit)
        condition, bound = _first_goal(result, before, setup)
        names = movers(condition, bound) if condition is not None else ()
        if condition is not None:
            self.asked = Past(result.instruction, condition, names, before)
        if outcome.world is None:
            return Reply("task", result.message, ok=result.success, result=result)
        past = Past(result.instruction, condition or Cond("all", ()), names or tuple(moved(before, outcome.world)),
                    before, outcome.sightings)
        self.asked = past
        skill = (result.skill or {}).get("name", "")
        self._advance(Step(text, past, outcome.world, skill), setup.emit)
        return Reply("task", result.message, ok=result.success, result=result, skill=skill)

    def ask(self, text: str, setup: Setup) -> Reply:
        """A question, answered from one look through the camera: nothing moves, nothing is committed."""
        if self.world is not None:  # "where is it now?": the words name what the references stand for
            recent = self.past if self.asked is None or self.asked in self.past else [*self.past, self.asked]
            text, _ = replace_references(text, self.world, recent)
        questions = _questions(text)
        if self.world is None:
            if not setup.scene:
                raise ConversationError("there is no table to ask about yet: give a task first (its scene becomes "
                                        "the table), or choose one with /scene FAMILY SEED")
            self._set_world(scene_world_of(setup.scene, setup.seed or 0), "start", setup.emit)
        seen, run_id = look(self.world, setup)
        base = (0.0, 0.0) if self.world.embodiment == "panda" else tuple(self.world.robot[:2])  # a mobile base moves
        said = [answer(q, seen, base) for q in questions]
        line = " ".join(a.text for a in said)
        setup.emit(ev.QuestionAnswered(text, line, said[-1].facts, run_id))
        return Reply("answer", line, facts=said[-1].facts)

    def undo(self, emit: ev.Emit = ev.ignore) -> Reply:
        """The world exactly as it was before the last task (poses and what is held)."""
        if not self.steps:
            raise ConversationError("nothing to undo: no task has changed the table in this conversation "
                                    "(/undo SKILL reverts a skill's last commit)")
        step = self.steps.pop()
        self.world = step.past.before
        emit(ev.WorldChanged("undo", len(self.steps), moved(step.after, self.world),
                             f"undid: {step.past.instruction}", self.world.to_dict()))
        also = f"; it also committed skill {step.skill}: /undo {step.skill} reverts that" if step.skill else ""
        return Reply("undo", f"undone: {step.past.instruction}; the table is as it was before it{also}",
                     skill=step.skill)

    def reset(self, emit: ev.Emit = ev.ignore, to_start: bool = False) -> Reply:
        """Start over: no world (the next task makes one), or with ``to_start`` the first world again."""
        self.steps, self.asked = [], None
        self.world = self.start if to_start else None
        if not to_start:
            self.start = None
        emit(ev.WorldChanged("reset", 0, [], "back to the first table" if to_start else "no table: the next task "
                             "makes one", self.world.to_dict() if self.world else {}))
        return Reply("reset", "back to the table as it first was" if to_start and self.world else
                     "started over: the next task makes a new table")

    # ------------------------------------------------------------ the world

    def load(self, world: WorldState, emit: ev.Emit = ev.ignore) -> None:
        """Continue from a saved world (``--world FILE``)."""
        self.steps, self.asked = [], None
        self.start = world
        self._set_world(world, "loaded", emit)

    def _set_world(self, world: WorldState, reason: str, emit: ev.Emit) -> None:
        self.world = world
        if self.start is None:
            self.start = world
        emit(ev.WorldChanged(reason, len(self.steps), [], f"{len(world.objects)} objects", world.to_dict()))

    def _advance(self, step: Step, emit: ev.Emit) -> None:
        self.steps.append(step)
        self.world = step.after
        changed = moved(step.past.before, step.after)
        emit(ev.WorldChanged("task", len(self.steps), changed,
                             f"{step.past.instruction}: moved {', '.join(changed) or 'nothing'}", step.after.to_dict()))

    # ------------------------------------------------------------ saving

    def to_dict(self) -> dict[str, Any]:
        """Plain data: the table, the first table, and every task done on it."""
        asked = self.asked if self.asked is not None and self.asked not in self.past else None
        return {"world": self.world.to_dict() if self.world else None,
                "start": self.start.to_dict() if self.start else None,
                "steps": [s.to_dict() for s in self.steps],
                "asked": past_dict(asked) if asked is not None else None}

    @classmethod
    def from_dict(cls, data: dict[str, Any], source: str = "<conversation>") -> "Conversation":
        """A saved conversation; raises WorldFileError (one line) when it does not read."""
        from sim.worldstate import WorldFileError

        try:
            talk = cls(WorldState.from_dict(data["world"], source) if data.get("world") else None)
            talk.start = WorldState.from_dict(data["start"], source) if data.get("start") else talk.world
            talk.steps = [Step.from_dict(s) for s in data.get("steps") or []]
            talk.asked = past_of(data["asked"]) if data.get("asked") else (talk.past[-1] if talk.steps else None)
        except (KeyError, TypeError, ValueError) as e:
            raise WorldFileError(f"{source}: not a saved conversation: {e}") from None
        return talk

    def save(self, path) -> None:
        """Write the conversation (its table and the tasks done on it, for undo and "it") as JSON."""
        import json
        from pathlib import Path

        Path(path).expanduser().write_text(json.dumps({"conversation": self.to_dict()}, indent=1) + "\n",
                                           encoding="utf-8")

    @classmethod
    def open(cls, path, emit: ev.Emit = ev.ignore) -> "Conversation":
        """A conversation saved by `save`, or a bare world (`WorldState.save`) to start one from."""
        import json
        from pathlib import Path

        from sim.worldstate import WorldFileError

        path = Path(path).expanduser()
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            raise WorldFileError(f"{path}: no such world file") from None
        except (OSError, UnicodeDecodeError, ValueError) as e:
            raise WorldFileError(f"{path}: cannot read: {e}") from None
        if isinstance(data, dict) and isinstance(data.get("conversation"), dict):
            talk = cls.from_dict(data["conversation"], str(path))
            if talk.world is not None:
                emit(ev.WorldChanged("loaded", len(talk.steps), [], f"{len(talk.world.objects)} objects",
                                     talk.world.to_dict()))
            return talk
        talk = cls()
        talk.load(WorldState.from_dict(data, str(path)), emit)
        return talk


def _read(request, notes: list[str]) -> tuple[Cond, list[str], list[str]]:
    """The goal the words ask for, notes on start states (the table's own to say), and the notes on the
    references used. Words that do not read as they are are read again with every pronoun resolved, and a
    follow-up that says no verb ("now the green block behind it") as a "put"."""
    from aspire_tui.agent.words import InstructionError, read

    tries = [(request.text, notes)]
    if request.every:
        tries.append((request.every, list(request.every_notes)))
    tries += [(_with_put(text), [*used, "no verb said: read as a put"]) for text, used in tries if not has_verb(text)]
    first_error = None
    for text, used in tries:
        try:
            goal = read(text)
        except InstructionError as e:
            first_error = first_error or e
            continue
        start = [f"the table says where things are: {', '.join(str(s) for s in goal.start)} is not set up"] \
            if goal.start else []
        return goal.condition, start, used
    raise first_error


def _with_put(text: str) -> str:
    """"now the green block behind it" -> "put the green block behind it"."""
    import re

    return "put " + re.sub(r"^(?:(?:now|then|and|ok|okay|also)[, ]+)+", "", text.strip(), flags=re.I)


def _first_goal(result, before: WorldState, setup: Setup) -> tuple[Cond | None, dict[str, list[str]]]:
    """The first task's goal bound to its world's objects (for "the same with ..." and "it"), if it binds."""
    tree = (result.goal or {}).get("tree") or {}
    try:
        condition = read_condition(tree["goal"])
        bound_condition, bound, _ = bind(condition, before, lambda: look(before, setup)[0])
    except (KeyError, ValueError, Unresolved, TurnError):
        return None, {}
    return canonical(bound_condition), bound


def _questions(text: str) -> list:
    """The questions in one turn ("is the plate empty? how many blocks are on it?"): each that reads.

    Raises:
        QuestionError: none of them reads (the first one's reason).
    """
    import re

    parts = [p.strip() for p in re.split(r"\?+\s*", text) if p.strip()] or [text]
    read, errors = [], []
    for part in parts:
        if read and (read[-1].anchor or read[-1].subject):  # "is the bowl empty? how many blocks are in it?"
            named = read[-1].anchor or read[-1].subject
            part = re.sub(r"\b(it|them)\b", f"the {named.phrase}", part)
        try:
            read.append(read_question(part))
        except QuestionError as e:
            errors.append(e)
    if not read:
        raise errors[0]
    return read


def scene_world_of(scene: str, seed: int) -> WorldState:
    """The world a family (or a task file) builds for ``seed`` (``/scene FAMILY SEED`` before any task)."""
    from pathlib import Path

    from sim.tasks import resolve_task

    spec = resolve_task(scene)
    text = Path(spec.source).read_text(encoding="utf-8") if spec.source and Path(spec.source).is_file() else ""
    if not text:
        raise ConversationError(f"{scene}: its task file cannot be read to build a table from")
    return scene_world(text, seed)


def describe_world(world: WorldState | None) -> list[str]:
    """One line per object: where it is and what it rests in or on; then what the arm holds."""
    if world is None:
        return ["no table yet: the first task's scene becomes it (or /scene FAMILY SEED)"]
    lines = []
    for o in world.objects:
        x, y, z = o.position
        state = f"{o.rests} the {world.get(o.host).phrase}" if o.rests and o.host in world.names() else \
            "held" if o.name == world.held else "on the table" if o.movable else "fixed"
        lines.append(f"{o.phrase:<14} x {x:.3f}  y {y:+.3f}  z {z:.3f}  {state}")
    if world.held:
        lines.append(f"the arm holds the {world.get(world.held).phrase}")
    return lines
