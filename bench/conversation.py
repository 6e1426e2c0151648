"""Conversations with one table: follow-ups, undo and questions, scripted in ``bench/conversations/``.

    python -m bench.conversation                      # all 30 conversations (about half an hour)
    python -m bench.conversation --only 01,07 -v      # some of them, every turn printed
    python -m bench.conversation --fresh none         # no fresh-conversation timings

The conversations were written blind (FORMAT.md there). Every turn is checked
against the simulator's ground truth, computed here and never by the agent:

- turns done right (target >= 0.90): a task reported success and its
  condition holds on the table it left (or the object is back); a question's
  facts match the truth and the table did not move; an undo restored the
  table; a refusal was one line and left the table as it was;
- undo restores every object within 1 mm (target 100 %): the restored table
  is built again in the simulator and every object measured against the
  table before the undone task;
- answers right (target >= 0.95): the facts each answer states against the
  truth (counts, which objects, where, yes/no, reach);
- time per follow-up task: a task on the table the conversation already
  has, against the same instruction as a fresh conversation (the words make
  their own scene), as a ratio of medians (``--fresh first``: the first
  follow-up of each conversation; ``all``; ``none``).

Runs use the offline coder and a fresh library (``--validate`` seeds each).
Figures go to ``bench/results/conversation/``.
"""

from __future__ import annotations

import argparse
import json
import math
import re
import statistics
import tempfile
import time
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

HERE = Path(__file__).parent
SCRIPTS = HERE / "conversations"
RESULTS = HERE / "results" / "conversation"
REACH = 0.62
SAME_PLACE = 0.03       # "back where it was": within 3 cm
WHERE_WITHIN = 0.02     # a "where" answer's position: within 2 cm
UNDO_WITHIN = 0.001     # undo: every object within 1 mm


@dataclass
class Script:
    """One scripted conversation."""

    name: str
    title: str
    start: dict[str, Any] | None
    turns: list[dict[str, Any]]


@dataclass
class Played:
    """One turn as played: what was said, what came back, and whether it was right."""

    conversation: str
    index: int
    say: str
    kind: str
    right: bool
    reply: str
    seconds: float
    why: str = ""
    expects: str = ""            # task, check, undo or refuse: what the script says the turn is
    follow_up: bool = False
    instruction: str = ""
    undo_shift_mm: float | None = None
    facts: dict[str, Any] = field(default_factory=dict)


def load(only: list[str] | None = None) -> list[Script]:
    """The scripted conversations (``only``: those whose file name starts with one of these)."""
    scripts = []
    for path in sorted(SCRIPTS.glob("*.toml")):
        if only and not any(path.stem.startswith(o) for o in only):
            continue
        d = tomllib.loads(path.read_text(encoding="utf-8"))
        scripts.append(Script(path.stem, d.get("title", ""), d.get("start"), d["turn"]))
    return scripts


# ---------------------------------------------------------------- ground truth (the judge's side)

def start_world(start: dict[str, Any]):
    """The table a script starts on: its objects, each drawn where the arm works, for its seed."""
    from aspire_tui.agent.world_runs import scene_world

    lines = ["[task]", 'name = "bench_table"', 'category = "pick_place"', 'instructions = ["look"]']
    first = start["objects"][0].replace(" ", "_")
    lines += [f'success = "lifted({first}, 5)"', ""]
    for phrase in start["objects"]:
        color, kind = phrase.split()
        lines += ["[[objects]]", f'id = "{color}_{kind}"', f'kind = "{kind}"', f'color = "{color}"',
                  "region = { x = [0.38, 0.62], y = [-0.22, 0.22] }", ""]
    return scene_world("\n".join(lines), int(start.get("seed", 0)))


class Truth:
    """A table built again in the simulator, for judging: success predicates over the world's names."""

    def __init__(self, world) -> None:
        from sim.episode import make_episode
        from sim.taskspec import parse_task
        from sim.worldstate import task_text

        first = world.objects[0].name
        self.world = world
        self.episode = make_episode(parse_task(task_text(world, f"lifted({first}, 5)", name="truth")), 0)
        self.bodies = {b.slot: name for name, b in self.episode.world.bodies.items() if b.slot}
        self.state = self.episode.snapshot().renamed(self.bodies)

    def close(self) -> None:
        self.episode.close()

    def holds(self, text: str) -> bool:
        """A success-vocabulary condition over world names, judged on the simulator."""
        from sim.episode import evaluate_expr
        from sim.taskspec import parse_expr

        ctx = self.episode.context()
        ctx.bindings = {name: [body] for body, name in self.bodies.items()}
        return evaluate_expr(parse_expr(text), ctx)

    def relation(self, rel: str, a: str, b: str | None) -> bool:
        if rel == "table":
            o = self.state.get(a)
            return not o.host and self.holds(f"not(lifted({a}, 0.03))") and o.name != self.state.held
        if rel == "in" and self.world.get(b).kind in ("zone", "marker"):
            return self.holds(f"in_zone({a}, {b})")
        return self.holds(f"{rel}({a}, {b})")


def truth_of(check: str, truth: Truth) -> dict[str, Any]:
    """What a question's answer must state, from ground truth."""
    m = re.fullmatch(r"(\w+)\((.*)\)", check.strip())
    what, args = m.group(1), [a.strip() for a in m.group(2).split(",") if a.strip()]
    world = truth.world
    if what in ("count", "which"):
        kind, rel, anchor = args[0], args[1] if len(args) > 1 else "", args[2] if len(args) > 2 else None
        pool = [o.name for o in world.objects if (kind == "any" or o.kind == kind) and o.name != anchor]
        hits = [n for n in pool if not rel or truth.relation(rel, n, anchor)]
        return {"count": len(hits), "objects": sorted(hits)}
    if what == "where":
        o = truth.state.get(args[0])
        return {"object": o.name, "position": list(o.position), "host": o.host}
    if what == "yesno":
        return {"answer": truth.relation(args[1], args[0], args[2])}
    if what == "reach":
        o = truth.state.get(args[0])
        return {"reachable": math.hypot(o.position[0], o.position[1]) < REACH}
    if what == "exists":
        color, kind = args[0].split()
        return {"answer": any(o.kind == kind and o.color == color for o in world.objects)}
    raise ValueError(f"unknown check {check!r}")


def facts_match(check: str, facts: dict[str, Any], want: dict[str, Any]) -> str:
    """'' when the answer's facts state the truth, else what differs."""
    what = check.split("(")[0]
    if what in ("count", "which"):
        got = {"count": facts.get("count"), "objects": sorted(facts.get("objects", []))}
        return "" if got == want else f"said {got}, truth {want}"
    if what == "where":
        if facts.get("object") != want["object"] or facts.get("host", "") != want["host"]:
            return f"said {facts.get('object')} in/on {facts.get('host')!r}, truth in/on {want['host']!r}"
        d = math.dist(facts.get("position", [9, 9, 9])[:2], want["position"][:2])
        return "" if d < WHERE_WITHIN else f"position {d * 100:.1f} cm off"
    key = "reachable" if what == "reach" else "answer"
    return "" if facts.get(key) == want[key] else f"said {facts.get(key)}, truth {want[key]}"


def rebuilt_shift(world, reference) -> float:
    """How far (metres) the farthest object of ``world``, built again in the simulator, lies from ``reference``."""
    truth = Truth(world)
    try:
        return truth.state.shift(reference)
    finally:
        truth.close()


# ---------------------------------------------------------------- playing

class Player:
    """Plays the scripts on one library, turn by turn, and judges each turn."""

    def __init__(self, library, validate: int, max_iterations: int, verbose: bool) -> None:
        from aspire_tui.agent.coder import coder_for

        self.library, self.validate, self.max_iterations, self.verbose = library, validate, max_iterations, verbose
        self.coder = coder_for(None)
        self.resolved: list[str] = []

    def setup(self):
        from aspire_tui.agent import events as ev
        from aspire_tui.agent.conversation import Setup

        def emit(event) -> None:
            if isinstance(event, ev.Resolved):
                self.resolved.append(event.instruction)
        return Setup(coder=self.coder, library=self.library, emit=emit, validate=self.validate,
                     select=1, max_iterations=self.max_iterations)

    def play(self, script: Script) -> list[Played]:
        from aspire_tui.agent.conversation import Conversation

        talk = Conversation()
        if script.start:
            talk.load(start_world(script.start))
        history: list[tuple[Any, Any]] = []   # the bench's own record: (table before, table after) per task
        played = []
        for k, turn in enumerate(script.turns):
            before = talk.world
            self.resolved.clear()
            try:
                reply = talk.say(turn["say"], self.setup())
            except Exception as e:  # noqa: BLE001 - a crash is a wrong turn, reported; the rest still play
                from aspire_tui.agent.conversation import Reply

                reply = Reply("error", f"{type(e).__name__}: {e}"[:300], ok=False)
            expects = next((key for key in ("check", "undo", "refuse") if key in turn), "task")
            p = Played(script.name, k + 1, turn["say"], reply.kind, False, reply.line, reply.seconds,
                       expects=expects, follow_up=before is not None,
                       instruction=self.resolved[-1] if self.resolved else "", facts=reply.facts)
            p.right, p.why = self.judge(turn, reply, before, talk.world, history, p)
            if reply.kind == "task" and talk.world is not before and talk.world is not None and before is not None:
                history.append((before, talk.world))
            elif reply.kind == "task" and before is None and talk.steps:
                history.append((talk.steps[-1].past.before, talk.world))
            elif reply.kind == "undo" and history:
                history.pop()
            played.append(p)
            if self.verbose:
                mark = "ok  " if p.right else "MISS"
                print(f"  {mark} {script.name}#{k + 1} {turn['say'][:50]:<50} {reply.kind:<8} {reply.seconds:5.1f}s "
                      f"{reply.line[:70]}" + (f"  [{p.why}]" if p.why else ""))
        return played

    def judge(self, turn, reply, before, after, history, p: Played) -> tuple[bool, str]:
        if "refuse" in turn:
            if reply.kind != "refused":
                return False, f"not refused ({reply.kind})"
            if "\n" in reply.line:
                return False, "refusal is more than one line"
            return _same_table(before, after)
        if "undo" in turn:
            if reply.kind != "undo" or not history:
                return False, f"no undo ({reply.kind}: {reply.line[:60]})"
            want = history[-1][0]
            p.undo_shift_mm = round(rebuilt_shift(after, want) * 1000, 3)
            return (p.undo_shift_mm <= UNDO_WITHIN * 1000,
                    "" if p.undo_shift_mm <= UNDO_WITHIN * 1000 else f"{p.undo_shift_mm} mm off")
        if "check" in turn:
            if reply.kind != "answer":
                return False, f"no answer ({reply.kind}: {reply.line[:60]})"
            same, why = _same_table(before, after)
            if not same:
                return False, "a question moved the table"
            truth = Truth(after)
            try:
                want = truth_of(turn["check"], truth)
            finally:
                truth.close()
            why = facts_match(turn["check"], reply.facts, want)
            return not why, why
        if reply.kind != "task" or not reply.ok or after is None:
            return False, f"task not done ({reply.kind}: {reply.line[:60]})"
        truth = Truth(after)
        try:
            if "back" in turn:
                return _back(turn["back"], truth, history)
            ok = truth.holds(turn["expect"])
        except (KeyError, ValueError) as e:
            return False, f"cannot judge: {e}"
        finally:
            truth.close()
        return ok, "" if ok else f"{turn['expect']} does not hold"

    def warm_up(self) -> None:
        """Index the new library and start the simulation workers first, so no turn pays for them."""
        from aspire_tui.agent.world_runs import look

        self.library.reindex()
        look(start_world({"objects": ["red block"], "seed": 0}), self.setup())

    def fresh(self, instruction: str) -> float | None:
        """Seconds the same instruction takes as a fresh conversation (None when that is refused or fails)."""
        from aspire_tui.agent.conversation import Conversation

        reply = Conversation().say(instruction, self.setup())
        return reply.seconds if reply.kind == "task" and reply.ok else None


def _same_table(before, after) -> tuple[bool, str]:
    if before is None and after is None:
        return True, ""
    if before is None or after is None or before.shift(after) > 0:
        return False, "the table changed"
    return True, ""


def _back(name: str, truth: Truth, history) -> tuple[bool, str]:
    """Is ``name`` where it was before the last earlier task that moved it?"""
    for then, after in reversed(history):  # the turn being judged is not in it yet
        old, new = then.get(name), after.get(name)
        if math.dist(old.position, new.position) <= 0.005:
            continue
        now = truth.state.get(name)
        if old.host:
            return (now.host == old.host, "" if now.host == old.host else f"on/in {now.host!r}, was {old.host!r}")
        d = math.dist(now.position[:2], old.position[:2])
        return d <= SAME_PLACE, "" if d <= SAME_PLACE else f"{d * 100:.1f} cm from where it was"
    return False, f"{name} never moved before"


# ---------------------------------------------------------------- figures

def figures(played: list[Played], pairs: list[tuple[float, float]], seconds: float, args) -> dict[str, Any]:
    """The figures the issue asks for, and every turn behind them."""
    undos = [p for p in played if p.expects == "undo"]
    done = [p for p in undos if p.undo_shift_mm is not None]   # undos that put a table back (not refused)
    asked = [p for p in played if p.expects == "check"]
    follow = [p.seconds for p in played if p.follow_up and p.kind == "task"]
    ratio = (statistics.median(f for f, _ in pairs) / statistics.median(s for _, s in pairs)) if pairs else None
    return {
        "conversations": len({p.conversation for p in played}),
        "turns": len(played),
        "turns_right": round(sum(p.right for p in played) / max(1, len(played)), 3),
        "undo_within_1mm": f"{sum(p.right for p in undos)}/{len(undos)}",
        "undos_done_within_1mm": f"{sum(p.undo_shift_mm <= UNDO_WITHIN * 1000 for p in done)}/{len(done)}",
        "undo_max_shift_mm": max((p.undo_shift_mm for p in done), default=None),
        "answers_right": round(sum(p.right for p in asked) / max(1, len(asked)), 3),
        "answers": len(asked),
        "follow_up_task_seconds_median": round(statistics.median(follow), 2) if follow else None,
        "fresh_pairs": len(pairs),
        "follow_up_over_fresh_median_ratio": round(ratio, 3) if ratio else None,
        "follow_up_over_fresh_pair_median": round(statistics.median(f / s for f, s in pairs), 3) if pairs else None,
        "follow_up_over_fresh_pairs": [[round(f, 2), round(s, 2)] for f, s in pairs],
        "validate": args.validate,
        "seconds": round(seconds, 1),
        "misses": [p.__dict__ for p in played if not p.right],
        "turns_played": [p.__dict__ for p in played],
    }


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--only", default="", help="comma-separated prefixes of conversation files (01,07)")
    parser.add_argument("--validate", type=int, default=3, help="validation seeds per task")
    parser.add_argument("--max-iterations", type=int, default=6)
    parser.add_argument("--fresh", choices=("first", "all", "none"), default="first",
                        help="which follow-up tasks are timed again as a fresh conversation")
    parser.add_argument("-v", "--verbose", action="store_true", help="print every turn")
    parser.add_argument("--out", type=Path, default=RESULTS)
    parser.add_argument("--again", type=Path, metavar="FILE", help="print the figures of a results file again "
                        "(after the figures change), running nothing")
    args = parser.parse_args(argv)
    if args.again:
        return again(args.again, args)
    from aspire_tui.skills.library import Library

    scripts = load([o for o in args.only.split(",") if o])
    started = time.monotonic()
    played: list[Played] = []
    pairs: list[tuple[float, float]] = []
    with tempfile.TemporaryDirectory() as tmp:
        library = Library.open(Path(tmp) / "lib")
        player = Player(library, args.validate, args.max_iterations, args.verbose)
        player.warm_up()
        started = time.monotonic()
        try:
            for script in scripts:
                if args.verbose:
                    print(f"{script.name}: {script.title}")
                turns = player.play(script)
                played += turns
                follow = [p for p in turns if p.follow_up and p.kind == "task" and p.right and p.instruction]
                for p in follow[: 0 if args.fresh == "none" else 1 if args.fresh == "first" else len(follow)]:
                    fresh = player.fresh(p.instruction)
                    if fresh is not None:
                        pairs.append((p.seconds, fresh))
                        if args.verbose:
                            print(f"  time {p.instruction[:50]!r}: {p.seconds:.1f} s on the table, "
                                  f"{fresh:.1f} s fresh")
        finally:
            library.close()
    result = figures(played, pairs, time.monotonic() - started, args)
    args.out.mkdir(parents=True, exist_ok=True)
    name = "all" if not args.only else "only_" + args.only.replace(",", "_")
    (args.out / f"{name}.json").write_text(json.dumps(result, indent=1, default=str), encoding="utf-8")
    shown = {k: v for k, v in result.items() if k not in ("misses", "turns_played", "follow_up_over_fresh_pairs")}
    print(json.dumps(shown, indent=1))
    for m in result["misses"]:
        print(f"  miss {m['conversation']}#{m['index']} {m['say']!r}: {m['why']} ({m['reply'][:80]})")


def again(path: Path, args) -> None:
    """The figures of a saved run, derived again from its turns (the file is rewritten with them)."""
    saved = json.loads(path.read_text(encoding="utf-8"))
    played = [Played(**t) for t in saved["turns_played"]]
    pairs = [tuple(pair) for pair in saved["follow_up_over_fresh_pairs"]]
    args.validate = saved.get("validate", args.validate)
    result = figures(played, pairs, saved.get("seconds", 0.0), args)
    path.write_text(json.dumps(result, indent=1, default=str), encoding="utf-8")
    print(json.dumps({k: v for k, v in result.items()
                      if k not in ("misses", "turns_played", "follow_up_over_fresh_pairs")}, indent=1))


if __name__ == "__main__":
    main()
