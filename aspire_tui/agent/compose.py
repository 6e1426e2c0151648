"""Programs composed from several skills when no one skill does the job, and skills made from programs.

- `relative_placement`: "put X to the left of / behind / next to Y" as
  ``pick`` + ``release_above`` at a spot beside Y that the program works out
  from what it detects (the side words come from ARGS, so the same program
  serves every scene of the family).
- `skill_from_program`: any validated program with an ``ARGS`` literal becomes
  a program skill: ``run(robot)`` turns into ``<name>(robot, <slots>)`` and
  each ``ARGS["slot"]`` into the parameter.
"""

from __future__ import annotations

import ast
import re
from typing import Any

from aspire_tui import pyast
from aspire_tui.agent.distill import goal_record
from aspire_tui.agent.instruction import Goal
from aspire_tui.agent.program import module_literal

SPATIAL = {"left_of", "right_of", "in_front_of", "behind", "next_to"}

RELATIVE = '''"""{doc}: composed from skills.pick and skills.release_above by the offline coder."""

from skills.pick import pick
from skills.release_above import release_above

ARGS = {args!r}
PARAMS = {{"margin": 0.03, "gap": 0.006}}


def _direction(words):
    """Unit (dx, dy) on the table for side words: left is +y, front (far) is +x."""
    if "left" in words:
        return 0.0, 1.0
    if "right" in words:
        return 0.0, -1.0
    if "front" in words or "far" in words:
        return 1.0, 0.0
    return -1.0, 0.0


def _footprint(det):
    return max(det.size[0], det.size[1]) / 2


def _roomiest(ref, held_size, seen, names):
    """The side of ``anchor`` with the most free table around the spot (for "next to")."""
    best, choice = -1.0, (0.0, 1.0)
    for dx, dy in ((0.0, 1.0), (0.0, -1.0), (1.0, 0.0), (-1.0, 0.0)):
        reach = _footprint(ref) + held_size + PARAMS["margin"]
        x, y = ref.position[0] + dx * reach, ref.position[1] + dy * reach
        room = min([((o.position[0] - x) ** 2 + (o.position[1] - y) ** 2) ** 0.5 - _footprint(o)
                    for o in seen if o.name not in names] + [1.0])
        if x > 0.72 or x < 0.3 or abs(y) > 0.3:
            room -= 1.0
        if room > best:
            best, choice = room, (dx, dy)
    return choice


def run(robot):
    robot.home()
    seen = robot.scan()
    ref = robot.detect(ARGS[{anchor!r}])[0]
    held = pick(robot, ARGS[{obj!r}])
    held_size = max(held["size"][0], held["size"][1]) / 2
    {choose}
    reach = _footprint(ref) + held_size + PARAMS["margin"]
    x, y = ref.position[0] + dx * reach, ref.position[1] + dy * reach
    table = ref.position[2] - ref.size[2] / 2
    release_above(robot, held, x, y, table, gap=PARAMS["gap"])
    robot.home()
'''


def relative_placement(goal: Goal, skills: list) -> str | None:
    """The pick-and-set-down-beside program for a spatial goal, or None (not spatial, skills missing)."""
    if goal.relation not in SPATIAL:
        return None
    names = {s.name for s in skills}
    if not {"pick", "release_above"} <= names:
        return None
    objects = [k for k in goal.slots if k not in ("side", "place", "edge")]
    if len(objects) != 2:
        return None
    obj = next((k for k in objects if str(goal.slots[k]).split()[-1] in ("block", "ball")), objects[0])
    anchor = next(k for k in objects if k != obj)
    if goal.relation == "next_to" or "side" not in goal.slots:
        choose = 'dx, dy = _roomiest(ref, held_size, seen, (ref.name, held["name"]))'
    else:
        choose = 'dx, dy = _direction(ARGS["side"])'
    doc = re.sub(r"[\"\\\n]", " ", goal.text).strip()[:100]
    return RELATIVE.format(doc=doc, args=dict(goal.slots), anchor=anchor, obj=obj, choose=choose)


def _role_names(goal: Goal, slots: list[str]) -> dict[str, str]:
    """Parameter names for the program's ARGS: ids as they are ("block", "anchor"), colours left out of
    those that name one ("green_ball" -> "ball", a second "red_bowl" -> "bowl_2"), so that the skill
    reads as the general job it does."""
    from sim.vocabulary import COLORS

    out: dict[str, str] = {}
    for slot in slots:
        base = "_".join(w for w in slot.split("_") if w not in COLORS) or slot
        name, n = base, 2
        while name in out.values() or name == "robot":
            name, n = f"{base}_{n}", n + 1
        out[slot] = name
    return out


def _declares(goal: Goal, params: dict[str, str]) -> dict[str, Any]:
    """What a skill made from a one-part goal declares it achieves over its own parameters, and the kinds
    they take (``achieves: ["next_to(ball, plate)"]``, ``takes: {"ball": ["ball"], ...}``), so the planner
    chooses it for that part again with other colours and scenes."""
    from aspire_tui.agent.goal import CONSTRAINTS, Ref

    if goal.tree is None or goal.variant_of:
        return {}
    parts = goal.tree.condition.conjuncts()
    main = [p for p in parts if p.name not in CONSTRAINTS]
    if len(main) != 1:
        return {}
    said, takes = [], {}
    for part in parts:
        if part.name == "not":
            continue  # over a part, not objects: the skill's own check, nothing to declare
        args = []
        for a in part.args:
            if isinstance(a, Ref):
                param = params.get(goal.ids.get(str(a), ""))
                if param is None or a.select or a.is_group:
                    return {}
                takes[param] = [a.kind]
                args.append(param)
            else:
                return {}  # a place word or a distance is the skill's own, not a parameter to declare
        if part.name in CONSTRAINTS and part.name != "never_lifted":
            continue
        said.append(f"{part.name}({', '.join(args)})")
    return {"achieves": said, "takes": takes}


def skill_from_program(program: str, name: str, goal: Goal, seeds: list[int], note: str,
                       embodiment: str = "panda") -> str | None:
    """A program skill made from a validated program that reads its objects from ``ARGS``; None if it cannot."""
    try:
        tree = pyast.parse(program)
    except SyntaxError:
        return None
    args = module_literal(program, "ARGS")
    run = next((n for n in tree.body if isinstance(n, ast.FunctionDef) and n.name == "run"), None)
    if args is None or run is None:
        return None
    slots = list(args[0])
    if not all(isinstance(s, str) and s.isidentifier() for s in slots):
        return None
    params = _role_names(goal, slots)
    lines = program.splitlines()
    doc_node = tree.body[0] if isinstance(tree.body[0], ast.Expr) and isinstance(
        getattr(tree.body[0], "value", None), ast.Constant) and isinstance(tree.body[0].value.value, str) else None
    drop = set(range(args[1] - 1, args[2]))
    if doc_node is not None:
        drop |= set(range(doc_node.lineno - 1, doc_node.end_lineno))
    imports = [n for n in tree.body if isinstance(n, (ast.Import, ast.ImportFrom))]
    deps = sorted({n.module.split(".")[1] for n in imports if isinstance(n, ast.ImportFrom) and n.module
                   and n.module.startswith("skills.")})
    import_lines = set()
    for n in imports:
        import_lines |= set(range(n.lineno - 1, n.end_lineno))
    body = [line for i, line in enumerate(lines) if i not in drop and i not in import_lines]
    text = "\n".join(body)
    names = [params[s] for s in slots]
    text = re.sub(r"^def run\(robot\):", f"def {name}(robot, {', '.join(names)}):\n"
                  f'    """Do the {goal.family} job for the objects named by {", ".join(names)}."""',
                  text, count=1, flags=re.M)
    text = re.sub(r"ARGS\[(['\"])(\w+)\1\]", lambda m: params.get(m.group(2), m.group(2)), text)
    if re.search(r"\bARGS\b", text):
        return None  # ARGS used some other way (iterated, passed on): leave it as a program
    general = re.sub(r"\b(red|blue|yellow|orange|purple|green|white|cyan|pink|gray|brown|black) ", "", goal.text)
    metadata = {
        "task_type": goal.category, "embodiment": embodiment, "depends_on": deps, "version": 1,
        "tags": sorted({goal.relation, *[str(v).split()[-1] for k, v in goal.slots.items()
                                         if k not in ("side", "place", "edge")]} - {""}),
        "validation": {"task": goal.family, "seeds": list(seeds), "args": {params[s]: "{" + s + "}" for s in slots}},
        **({"goal": goal_record(goal)} if goal.tree is not None else {}),
        **_declares(goal, params),
    }
    head = [
        f'"""{general[:1].upper() + general[1:]}: a program that was validated on {goal.family}.',
        "", "When to use:", f'    "{goal.text}" and instructions like it (task family {goal.family}).',
        "", "Preconditions:", "    - the objects named are visible to robot.detect", "",
        "Postconditions:", f"    - the {goal.family} task is done (validated on perturbed seeds)", "",
        "Evidence:", f"    {note}", '"""', "",
        *[ast.get_source_segment(program, n) for n in imports], "",
        "ASPIRE = {", *[f"    {k!r}: {v!r}," for k, v in metadata.items()], "}", ""]
    return "\n".join(head) + "\n" + text.strip("\n") + "\n"
