"""A goal makes its own scene: a task file whose success check is the goal itself.

``spec_for(goal)`` writes a task file (TOML) from a goal tree: every object
the words name, with the colour and kind they say; groups with as many
members as the words give; referents placed so the rule picks one object
clearly; start states; distractors that never take a colour and kind the
words name; and the goal, with each reference replaced by its object id, as
the success condition. A built-in family whose own success condition asks
the same (``family_for``) is a prior, not a gate: it lends its object ids,
regions, sizes and perturbations, so skills validated on it still fit, while
the colours and the success check come from the words.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field

from aspire_tui.agent.goal import Cond, Goal, Ref, canonical
from aspire_tui.agent.shared_places import clustered
from sim.objects import DEFAULT_SIZES
from sim.predicates import BESIDE_CENTRES, BESIDE_EDGES
from sim.vocabulary import CONTAINERS, MOBILE_GOALS, embodiment_for


class SceneError(ValueError):
    """No scene can be made for the goal; the message is one line."""


@dataclass
class Prior:
    """A built-in family that asks what the goal asks: its spec and which of its ids each reference took."""

    spec: object
    ids: dict[str, str] = field(default_factory=dict)    # str(ref) -> family object id
    choices: dict[str, str] = field(default_factory=dict)  # the family's choice slot -> the value the words gave
    tails: dict[str, tuple] = field(default_factory=dict)  # str(part) -> the family's own tolerances for it


# ---------------------------------------------------------------- family priors

ALIASES = {"in_zone": "in", "relation": None}


def _family_conds(spec) -> list:
    """The family's success condition as a list of conjuncts (`sim.taskspec.Expr`)."""
    expr = spec.success
    return list(expr.args) if expr.name == "all" else [expr]


def _unify(cond: Cond, expr, spec, ids: dict[str, str], choices: dict[str, str] | None = None) -> bool:
    """Does the family conjunct ``expr`` ask for ``cond``? Binds ``ids`` (ref -> object id) when it does."""
    name = ALIASES.get(expr.name, expr.name) or cond.name
    if name == "next_to" and cond.name == "near" and not any(isinstance(a, Ref) and a.kind == "robot"
                                                              for a in cond.args):
        name = "near"  # "close to" two things on the table: the family that puts one beside the other
    if expr.name == "stacked" and len(expr.args) == 2:
        name = "on"
    if expr.name == "relation":
        side = expr.args[2]
        values = set(spec.choices.get(side, {}).values()) if side in spec.choices else {side}
        if cond.name not in values:
            return False
        if choices is not None and side in spec.choices:
            choices[side] = cond.name
        args = expr.args[:2]
    else:
        if name != cond.name:
            return False
        args = expr.args
    if len(cond.args) > len(args):
        return False  # the words ask more than the family checks ("... from left to right")
    objects = {o.id: o for o in spec.objects}
    trial = dict(ids)
    for k, arg in enumerate(args):
        if k >= len(cond.args):
            if not isinstance(arg, float):  # only a tolerance the words did not give may be left over
                return False
            continue
        have = cond.args[k]
        if isinstance(arg, str) and arg in objects:
            o = objects[arg]
            if not isinstance(have, Ref) or have.kind != o.kind or have.select or have.excluded:
                return False
            if any(m.kind != o.kind for m in have.members):  # "the red block, the blue block and the green ball"
                return False
            if have.is_group != (o.count[1] > 1 or o.match is not None):
                return False
            if have.members and not o.count[0] <= len(have.members) <= o.count[1]:
                return False
            if have.quantity == "count" and not o.count[0] <= have.count <= o.count[1]:
                return False
            if have.quantity == "some":
                return False
            if trial.get(str(have), arg) != arg or arg in {v for k2, v in trial.items() if k2 != str(have)}:
                return False
            trial[str(have)] = arg
        elif isinstance(arg, str) and arg == "robot":
            if not (isinstance(have, Ref) and have.kind == "robot"):
                return False
        elif isinstance(arg, str) and arg in spec.choices:
            if not isinstance(have, str) or have not in spec.choices[arg].values():
                return False
            if choices is not None:
                choices[arg] = have
        elif isinstance(arg, float):
            continue
        else:
            return False
    ids.update(trial)
    return True


def _implied(start: Cond, parts: tuple[Cond, ...]) -> bool:
    """Does every scene of a task start so? A start that is the opposite of a goal part does: scenes that
    start solved are drawn again ("the ball is out of reach; pull it closer")."""
    return start.name == "not" and start.args[0] in parts


def family_for(goal: Goal) -> Prior | None:
    """The built-in family whose success condition asks for every part of the goal, if one does."""
    from sim.tasks import list_tasks

    parts = canonical(goal.condition).conjuncts()
    if any(not _implied(s, parts) for s in goal.start):
        return None
    if goal.condition.name == "then":
        return None
    found: list[Prior] = []
    for spec in list_tasks():
        ids: dict[str, str] = {}
        choices: dict[str, str] = {}
        family = _family_conds(spec)
        matched = {str(c): next((e for e in family if _unify(c, e, spec, ids, choices)), None) for c in parts}
        if all(matched.values()):
            # the family's own conditions beyond the goal's must be side conditions (unmoved, not),
            # never another thing to achieve
            extra = [e for e in family if not any(_unify(c, e, spec, dict(ids)) for c in parts)]
            if all(e.name in ("unmoved", "not", "never_lifted", "facing") for e in extra):
                tails = {k: tuple(a for a in e.args[len(_part(k, parts).args):] if isinstance(a, float))
                         for k, e in matched.items()}
                found.append(Prior(spec, ids, choices, tails))
    if len(found) > 1:
        found = _closest(goal.text, found)
    return found[0] if found else None


def _part(key: str, parts: tuple[Cond, ...]) -> Cond:
    return next(c for c in parts if str(c) == key)


def _closest(text: str, priors: list[Prior]) -> list[Prior]:
    """The families that ask the same, the one whose own instructions read most like the words first
    (the library's embedding model); in their given order when no model can be had."""
    from aspire_tui.skills.embeddings import EmbeddingError, get_embedder
    from sim.tasks import sample_instructions

    try:
        embedder = get_embedder()
        query = embedder.embed_query(text)
        scores = [float((embedder.embed_documents(sample_instructions(p.spec, 4)) @ query).max()) for p in priors]
    except EmbeddingError:
        return priors
    return [p for _, p in sorted(zip(scores, priors), key=lambda sp: -sp[0])]


# ---------------------------------------------------------------- writing the task file

def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "_", text.lower()).strip("_") or "obj"


def task_name(goal: Goal) -> str:
    """A task name from the goal: ``in_blue_block_yellow_bowl``."""
    return _slug(str(goal.condition))[:60].rstrip("_") or "goal"


# The part of the table the arm reaches comfortably (the built-in families place their objects here too).
REACH = {"x": [0.36, 0.62], "y": [-0.22, 0.22]}


class _Objects:
    """The scene's objects as TOML tables, one id per reference."""

    def __init__(self, prior: Prior | None, arm: bool = True) -> None:
        self.prior = prior
        self.arm = arm  # the arm's table: every object within its reach (a crate it loads too)
        self.tables: dict[str, dict] = {}
        self.ids: dict[str, str] = {}
        self.groups: dict[tuple, str] = {}  # (kind, colour) -> the group rules of that kind pick among
        self.bounds: dict[tuple, float] = {}  # (id, axis, sign) -> the bound a relation's room set (_shrink)

    def add(self, ref: Ref) -> str:
        key = str(ref)
        if key in self.ids:
            return self.ids[key]
        if ref.kind == "robot":
            return "robot"
        if ref.select:
            return self._chosen(ref)
        if len({m.kind for m in ref.members}) > 1:
            # "the red block, the blue block and the green ball": a group of two kinds is each of its members,
            # an object of its own, and the check lists them in the order named: in_line([red_block, ...])
            self.ids[key] = "[" + ", ".join(self.add(m) for m in ref.members) + "]"
            return self.ids[key]
        family = {o.id: o for o in self.prior.spec.objects} if self.prior else {}
        oid = self.prior.ids.get(key) if self.prior else None
        table: dict = {}
        if oid and oid in family:
            # the family's object; its colours and count come from the words below, unless it matches
            # another group (one per member, in its colours: "the bowl of its colour")
            table = _family_table(family[oid])
            if family[oid].match is not None:
                self.tables[oid] = {k: v for k, v in table.items() if k not in ("color", "count", "yaw")}
                self.ids[key] = oid
                return oid
            table = {k: v for k, v in table.items() if k not in ("color", "count")}
        else:
            oid = self._fresh(_slug(ref.phrase))
            table.update(self._region(ref.kind))  # where the arm works well, as the families' regions are
        table.update({"id": oid, "kind": ref.kind})
        if ref.members:
            table["color"] = [m.color or "red" for m in ref.members]
            table["count"] = len(ref.members)
        else:
            from sim.vocabulary import COLORS
            table["color"] = ref.color if ref.color else sorted(COLORS)
            if ref.excluded:  # "every block except the red one": the red block is an object of its own
                table["color"] = [c for c in sorted(COLORS) if c not in {x.color for x in ref.excluded}]
            if ref.quantity == "all":
                table["count"] = [2, 3]
            elif ref.quantity == "count":
                table["count"] = ref.count
            elif ref.quantity == "some":
                table["count"] = [ref.count + 1, ref.count + 2]
        self.tables[oid] = table
        self.ids[key] = oid
        return oid

    def _region(self, kind: str) -> dict:
        """The arm's reach for what stands on its table; a mobile base's goals keep the ground's own region."""
        return {} if kind in MOBILE_GOALS and not self.arm else {"region": dict(REACH)}

    def _fresh(self, base: str) -> str:
        oid, n = base, 2
        while oid in self.tables:
            oid, n = f"{base}_{n}", n + 1
        return oid

    def _chosen(self, ref: Ref) -> str:
        """The object a rule picks ("the block closest to the red bowl"), and the group it is picked from."""
        from sim.vocabulary import COLORS

        if ref.select == "other":
            return self._other(ref)
        region = self._region(ref.kind)
        # picks of one kind share their group ("the smallest cube on the biggest one"): each is then ranked
        # among all of them, the other picks included
        others = self.groups.get((ref.kind, ref.color))
        if others is None:
            others = self.groups[(ref.kind, ref.color)] = self._fresh(f"other_{ref.kind}s")
            self.tables[others] = {"id": others, "kind": ref.kind, **region,
                                   "color": ref.color if ref.color else sorted(COLORS), "count": [1, 2]}
        oid = self._fresh(_slug(f"{ref.select} {ref.kind}"))
        rule: dict = {"rule": ref.select, "among": others}
        if ref.anchor is not None:
            rule["anchor"] = self.add(ref.anchor)
        if ref.rank != 1:
            rule["rank"] = ref.rank
        self.tables[oid] = {"id": oid, "kind": ref.kind, **region, "color": ref.color or sorted(COLORS),
                            "chosen": rule}
        self.ids[str(ref)] = oid
        return oid

    def _other(self, ref: Ref) -> str:
        """The other zone beside "the blue zone": one more of the kind, in a colour the anchor does not
        have (distractors never take a kind a rule picks among, so the two are the only ones)."""
        from sim.vocabulary import COLORS
        anchor = self.add(ref.anchor) if ref.anchor is not None else None
        taken = self.tables.get(anchor, {}).get("color") if anchor else None
        colors = [c for c in sorted(COLORS) if c != taken] if isinstance(taken, str) else sorted(COLORS)
        oid = self._fresh(_slug(f"other {ref.kind}"))
        region = self._region(ref.kind)
        self.tables[oid] = {"id": oid, "kind": ref.kind, **region, "color": ref.color or colors}
        self.ids[str(ref)] = oid
        return oid


def _place_region(place: str) -> dict[str, list[float]]:
    """A small region at a named place of the arm's table (a corner or the middle), inside its reach."""
    from sim.taskspec import DEFAULT_WORKSPACE

    (x0, x1), (y0, y1) = DEFAULT_WORKSPACE["panda"]["x"], DEFAULT_WORKSPACE["panda"]["y"]
    x = {"front": x1 - 0.05, "back": x0 + 0.05}
    y = {"left": y1 - 0.05, "right": y0 + 0.05}
    if place == "middle":
        cx, cy = (x0 + x1) / 2, (y0 + y1) / 2
    else:
        side, hand = place.split("_")
        cx, cy = x[side], y[hand]
    return {"x": [round(cx - 0.02, 3), round(cx + 0.02, 3)], "y": [round(cy - 0.02, 3), round(cy + 0.02, 3)]}


def _family_table(o) -> dict:
    """A family's object (`sim.taskspec.ObjectSpec`) as a task-file table."""
    table = {"id": o.id, "kind": o.kind, "color": list(o.colors), "size": list(o.size)}
    if o.count != (1, 1):
        table["count"] = list(o.count)
    if o.region:
        table["region"] = {"x": list(o.region["x"]), "y": list(o.region["y"])}
    if o.yaw != (-0.4, 0.4):
        table["yaw"] = list(o.yaw)
    if o.match is not None:
        table["match"] = o.match
    return table


def _scene_refs(goal: Goal) -> list[Ref]:
    """The references that are objects of their own, first mention first: a listed group's members are
    the group's (not objects beside it), and a corner is a place, chosen by its rule in the check."""
    found: dict[str, Ref] = {}

    def visit(a) -> None:
        if isinstance(a, Cond):
            for x in a.args:
                visit(x)
        elif isinstance(a, Ref) and a.kind != "corner":
            found.setdefault(str(a), a)
        if isinstance(a, Ref) and a.anchor is not None:
            visit(a.anchor)
        for x in a.excluded if isinstance(a, Ref) else ():  # what a group leaves out stands beside it
            visit(x)

    for cond in (goal.condition, *goal.start):
        visit(cond)
    return list(found.values())


def _expr(cond: Cond, ids: dict[str, str], tails: dict[str, tuple] | None = None, counted: bool = True) -> str:
    """The condition in task-file form: each reference replaced by its object id (and, where a family lent
    the scene, its own tolerances for that part, e.g. how near a mobile base must drive); a part over
    "N of" a group is ``at_least(N, ...)`` unless ``counted`` is False (the part inside it)."""
    def arg(a) -> str:
        if isinstance(a, Cond):
            return _expr(a, ids, tails)
        if isinstance(a, Ref) and str(a) not in ids and a.members and all(str(m) in ids for m in a.members):
            return "[" + ", ".join(ids[str(m)] for m in a.members) + "]"  # objects joined at one place
        if isinstance(a, Ref):
            return ids[str(a)] if a.kind != "robot" else "robot"
        if isinstance(a, float):
            return f"{a:g}"
        return str(a)
    name = cond.name
    first = cond.args[0] if cond.args else None
    inner = first.args[0] if isinstance(first, Cond) and first.args else None
    if name == "not" and isinstance(first, Cond) and first.name in ("in", "on") and isinstance(inner, Ref) and \
            inner.is_group and inner.quantity != "some":  # "get every block out of the zone": none left in it
        return f"not(at_least(1, {_expr(first, ids, tails, counted=False)}))"
    if counted and isinstance(first, Ref) and first.quantity == "some" and first.count:  # "two of the
        # cubes": the scene holds more than two, and the check counts members, not every one of them
        return f"at_least({first.count}, {_expr(cond, ids, tails, counted=False)})"
    if name == "in" and isinstance(cond.args[1], Ref) and cond.args[1].kind == "zone":
        name = "in_zone"
    if name == "at_place" and isinstance(cond.args[1], Ref):  # "the corner farthest from the red bowl"
        corner = cond.args[1]
        wide = _corner_within(cond.args[0])  # the same room a named corner gives a wide object
        tail = f", {wide:g}" if wide else ""
        return f"at_corner_by({arg(cond.args[0])}, {corner.select}, {arg(corner.anchor)}{tail})"
    extra = tuple((tails or {}).get(str(cond), ()))
    if name == "near" and not extra and isinstance(cond.args[0], Ref) and cond.args[0].kind == "robot" \
            and len(cond.args) == 2 and isinstance(cond.args[1], Ref):
        extra = (_drive_tolerance(cond.args[1].kind),)  # a mobile base is never 10 cm from a barrel's centre
    elif name in ("at_place", "in_corners") and not extra and isinstance(cond.args[0], Ref) \
            and (name == "in_corners" or str(cond.args[1]) != "middle"):  # a bowl in each corner: a bowl's room
        wide = _corner_within(cond.args[0])
        extra = (wide,) if wide else ()
    elif name in ("near", "next_to") and not extra and len(cond.args) == 2 \
            and all(isinstance(a, Ref) and a.kind != "robot" for a in cond.args):
        extra = (_beside_within(cond.args[0].kind, cond.args[1].kind),)
    text = f"{name}({', '.join([arg(a) for a in cond.args] + [arg(t) for t in extra])})"
    return _not_inside(text, cond, arg) if name in ("next_to", "near") else text


# what holds an object that the simulator's beside-checks count as beside it: a ball in a low bowl has its
# bottom on the table, its centre near the bowl's
HOLDS = {**{k: "in" for k in CONTAINERS}, "plate": "on"}


def _not_inside(text: str, cond: Cond, arg) -> str:
    """``next_to(a, bowl)`` checked with ``not(in(a, bowl))`` too: beside a container is not in it ("the
    ball is in the bowl, take it out and put it next to the bowl" made only scenes that started solved;
    dev7 set, start states)."""
    a, b = cond.args[0], cond.args[1] if len(cond.args) > 1 else None
    if not isinstance(a, Ref) or not isinstance(b, Ref) or b.kind not in HOLDS or a.kind == "robot":
        return text
    return f"all({text}, not({HOLDS[b.kind]}({arg(a)}, {arg(b)})))"


def _corner_within(obj) -> float:
    """How near a corner a wide object's centre must be (a bowl: as far from the corner as its size makes
    it); 0 for one the check's default 8 cm fits."""
    width = max(DEFAULT_SIZES.get(obj.kind, (0.0, 0.0))[:2]) if isinstance(obj, Ref) else 0.0
    return round(0.08 + 0.75 * width, 3) if width > 0.06 else 0.0


def _beside_within(kind: str, other: str) -> float:
    """How near two objects' centres must be for one to be beside the other: the simulator's rule for
    `next_to` (edges at most 6 cm apart, centres 0.12 m for two blocks) written out with the kinds' sizes,
    so the task file says the number."""
    reach = sum(max(DEFAULT_SIZES[k][:2]) / 2 for k in (kind, other) if k in DEFAULT_SIZES)
    return round(max(BESIDE_CENTRES, reach + BESIDE_EDGES), 3)


def _drive_tolerance(kind: str) -> float:
    """How near a mobile base must drive to a goal of this kind: the built-in driving families' own
    tolerance (for the kind itself, else the largest)."""
    from sim.tasks import list_tasks

    found: dict[str, float] = {}
    for spec in list_tasks():
        for e in _family_conds(spec):
            if e.name == "near" and e.args[:1] == ["robot"] and len(e.args) == 3:
                target = next((o for o in spec.objects if o.id == e.args[1]), None)
                if target is not None:
                    found[target.kind] = float(e.args[2])
    return found.get(kind, max(found.values(), default=1.0))


def _toml(value) -> str:
    if isinstance(value, dict):
        keys = {k: k if re.fullmatch(r"[A-Za-z0-9_]+", k) else _toml(k) for k in value}
        return "{ " + ", ".join(f"{keys[k]} = {_toml(v)}" for k, v in value.items()) + " }"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (list, tuple)):
        return "[" + ", ".join(_toml(v) for v in value) + "]"
    if isinstance(value, str):
        # characters written as they are: TOML takes no escaped surrogate pair (an emoji in the words),
        # only control characters must be escaped
        return json.dumps(value, ensure_ascii=False).replace("\x7f", "\\u007f")
    return repr(value)


def spec_text(goal: Goal, prior: Prior | None) -> tuple[str, dict[str, str]]:
    """The task file for the goal, and which object id each reference took."""
    embodiment = embodiment_for(r.kind for r in goal.refs())
    objects = _Objects(prior, arm=embodiment == "panda")
    for ref in _scene_refs(goal):
        objects.add(ref)
    if prior is not None:  # the family's scene: its other objects too (the hook a pull needs)
        for o in prior.spec.objects:
            if o.id not in objects.tables:
                objects.tables[o.id] = _family_table(o)
    elif any(c.name == "in_reach" for c in goal.condition.conjuncts()) and \
            not any(t["kind"] == "hook" for t in objects.tables.values()):
        from sim.tasks import get_task

        hook = next(o for o in get_task("tool_use_pull").objects if o.kind == "hook")
        objects.tables[objects._fresh("hook")] = {**_family_table(hook), "id": objects._fresh("hook")}
    parts = canonical(goal.condition).conjuncts()
    for cond in goal.start + _unless_there(goal, parts):  # start states become the objects' own fields
        if prior is not None and _implied(cond, parts):
            continue
        if cond.name in ("in", "on") and all(isinstance(a, Ref) for a in cond.args):
            inner, outer = (objects.ids[str(a)] for a in cond.args)
            objects.tables[inner]["inside" if cond.name == "in" else "on"] = outer
        elif cond.name == "stacked" and len(cond.args) > 1:
            ids = [objects.ids[str(a)] for a in cond.args]
            for top, below in zip(ids, ids[1:]):
                objects.tables[top]["on"] = below
        elif cond.name == "at_place" and isinstance(cond.args[1], str):
            oid = objects.ids[str(cond.args[0])]
            objects.tables[oid]["region"] = _place_region(cond.args[1])
        elif cond.name == "not" and cond.args[0].name == "in_reach":
            oid = objects.ids[str(cond.args[0].args[0])]
            objects.tables[oid]["region"] = {"x": [0.72, 0.8], "y": [-0.15, 0.15]}
    if prior is None:
        _make_room(parts, objects)
        _place_free(parts, objects)
        _matched(parts, objects)
        _within_reach(parts, objects)
        _pushed_from_behind(parts, objects)
        _pushed_sideways(parts, objects)
    spec = prior.spec if prior else None
    family = spec.name if spec else ""
    category = spec.category if spec else _category(goal)
    # a distractor never takes a colour and kind the words name, nor any kind a rule chooses among
    avoid = sorted({r.kind if r.is_group or r.select or not r.color else r.phrase for r in goal.refs()
                    if r.kind not in ("robot", "corner")})
    lines = ["[task]", f"name = {_toml(task_name(goal))}", f"category = {_toml(category)}"]
    if embodiment != "panda":
        lines.append(f"embodiment = {_toml(embodiment)}")
    if family:
        lines.append(f"variant_of = {_toml(family)}")
    lines += [f"description = {_toml('Made from the words: ' + goal.text)}",
              f"instructions = {_toml([goal.text])}",
              f"success = {_toml(_expr(clustered(goal.condition), objects.ids, prior.tails if prior else None))}",
              ""]
    for table in objects.tables.values():
        lines.append("[[objects]]")
        lines += [f"{k} = {_toml(v)}" for k, v in table.items()]
        lines.append("")
    if prior and prior.choices:
        # the family's place words, fixed to what was said: skills validated on the family read them as ARGS
        lines.append("[choices]")
        for slot, value in prior.choices.items():
            words = next(w for w, v in spec.choices[slot].items() if v == value)
            lines.append(f"{slot} = {_toml({words: value})}")
        lines.append("")
    if embodiment == "panda":
        d = dict(spec.distractors) if spec and spec.distractors else {"count": [0, 2], "kinds": ["block"]}
        lines += ["[distractors]", f"count = {_toml(list(d.get('count', [0, 2])))}",
                  f"kinds = {_toml(list(d.get('kinds', ['block'])))}", f"avoid = {_toml(avoid)}", ""]
        perturb = dict(spec.perturb) if spec and spec.perturb else {
            "size_scale": (0.9, 1.1), "friction": (0.6, 1.0), "mass_scale": (0.7, 1.5), "camera_jitter": (0.006, 0.006)}
        lines.append("[perturb]")
        lines += [f"{k} = {_toml(list(v))}" for k, v in perturb.items()]
    return "\n".join(lines) + "\n", objects.ids


def _unless_there(goal: Goal, parts) -> tuple[Cond, ...]:
    """Start states for ``not(in(X, zone))`` when the goal asks nothing else and the words say nothing of
    where X starts ("make sure no block is in the blue zone"): X starts in the zone, the one scene where the
    words ask something. (The judge would otherwise redraw until X lands there by chance: a scene that starts
    solved is drawn again, and only a bowl or plate nothing starts in is known never to hold X.)"""
    if goal.start or not all(c.name in ("not", "unmoved", "never_lifted") for c in parts):
        return ()
    out = []
    for c in parts:
        inner = c.args[0] if c.name == "not" and c.args else None
        if isinstance(inner, Cond) and inner.name == "in" and len(inner.args) == 2 and \
                all(isinstance(a, Ref) for a in inner.args) and inner.args[1].kind == "zone" and \
                not inner.args[1].is_group:
            out.append(inner)
    return tuple(out)


SIDE_AXES = {"left_of": ("y", 1), "right_of": ("y", -1), "in_front_of": ("x", 1), "behind": ("x", -1),
             "left": ("y", 1), "right": ("y", -1), "front": ("x", 1), "back": ("x", -1)}


def _make_room(parts, objects: "_Objects") -> None:
    """Regions that leave room for what the goal asks: the table beyond the bowl's left side when the words
    say "left of the bowl", the 10 cm a block is to slide. (A person asking that has the room on their table.)"""
    from sim.taskspec import DEFAULT_WORKSPACE

    work = DEFAULT_WORKSPACE["panda"]
    for cond in parts:
        if cond.name in ("left_of", "right_of", "in_front_of", "behind") and len(cond.args) >= 2:
            mover, anchor = cond.args[0], cond.args[1]
            least = float(cond.args[2]) if len(cond.args) > 2 and isinstance(cond.args[2], float) else 0.0
            if not isinstance(mover, Ref) or not isinstance(anchor, Ref):
                continue
            size = lambda r: max(DEFAULT_SIZES.get(r.kind, (0.05, 0.05))[:2]) * 1.1  # noqa: E731 (sizes scale)
            need = max(size(anchor) / 2 + size(mover) + 0.06, least + size(mover) / 2 + 0.05)
            _shrink(objects, anchor, *SIDE_AXES[cond.name], need, work)
        elif cond.name == "moved" and len(cond.args) == 3 and isinstance(cond.args[0], Ref):
            metres = float(cond.args[2]) if isinstance(cond.args[2], float) else 0.1
            size = max(DEFAULT_SIZES.get(cond.args[0].kind, (0.05, 0.05))[:2]) * 0.55
            _shrink(objects, cond.args[0], *SIDE_AXES.get(str(cond.args[1]), ("y", 1)), metres + size + 0.04, work)


# Where the arm's own objects stand when the goal also asks for something to be pulled within reach: the
# far side of REACH is 0.66 m from the base, past the 0.62 m that "within reach" means, and what the pulled
# object is then put in must not take it back out of reach.
NEAR_REACH = {"x": [0.36, 0.5], "y": [-0.18, 0.18]}


def _within_reach(parts, objects: "_Objects") -> None:
    """With an ``in_reach`` part, the other objects the arm works with stand well within reach."""
    if not any(c.name == "in_reach" for c in parts):
        return
    for table in objects.tables.values():
        if table.get("region") == REACH:
            table["region"] = dict(NEAR_REACH)


def _matched(parts, objects: "_Objects") -> None:
    """"each block on the plate of its colour": one plate per block, in its colour (the loader's ``match``)."""
    for cond in parts:
        if cond.name != "sorted_into" or not all(isinstance(a, Ref) for a in cond.args[:2]):
            continue
        group, bins = (objects.ids.get(str(a)) for a in cond.args[:2])
        table = objects.tables.get(bins)
        if group and table is not None and not cond.args[1].members and "match" not in table:
            for key in ("color", "count"):
                table.pop(key, None)
            table["match"] = group
            table["region"] = {"x": [0.34, 0.66], "y": [-0.26, 0.26]}  # room for one beside each object


# what the arm does not pick up, so that a program cannot clear it off a place (make_room moves blocks and balls)
UNMOVED = ("tray", "bowl", "plate", "crate")


def _place_free(parts, objects: "_Objects") -> None:
    """A container the goal does not move stands clear of a table place the goal sets something down at
    ("put it back on the table in the middle"): its centre at least its half-diagonal (sizes scale by up to
    1.1) from the place, along y. (A person asking that has the place free on their table.)"""
    places = [c for c in parts if c.name == "at_place" and len(c.args) == 2 and isinstance(c.args[1], str)]
    movers = {objects.ids.get(str(c.args[0])) for c in parts if c.args and isinstance(c.args[0], Ref)}
    for cond in places:
        cy = sum(_place_region(str(cond.args[1]))["y"]) / 2
        kept = [t for oid, t in objects.tables.items() if oid not in movers and t.get("kind") in UNMOVED
                and "region" in t and not t.get("chosen") and "inside" not in t and "on" not in t]
        for i, table in enumerate(kept):  # one side each in turn: two containers on one side left no room
            need = 0.55 * sum(v * v for v in DEFAULT_SIZES[table["kind"]][:2]) ** 0.5
            table["region"] = _away_in_y(table["region"], cy, need, first=i % 2)


def _away_in_y(region: dict, cy: float, need: float, first: int = 0) -> dict:
    """``region`` cut to one side of y = ``cy``, ``need`` metres off it: the side ``first`` (0: +y, 1: -y)
    where it keeps 2 cm, else the other; unchanged when neither does."""
    lo, hi = region["y"]
    sides = [(hi - (cy + need), [round(cy + need, 3), hi]), ((cy - need) - lo, [lo, round(cy - need, 3)])]
    for room, span in (sides[first], sides[1 - first]):
        if room >= 0.02:
            return {**region, "y": span}
    return region


def _pushed_from_behind(parts, objects: "_Objects") -> None:
    """What the goal moves and the arm cannot lift (a bowl, a plate, a tray) stands where a fingertip comes
    down behind it (30 cm out, the nearest it pushes from) and in front of it (72 cm, the farthest): pushes
    away from the robot and towards it need that, for a line, an edge or a shift. (A person asking that has
    it where the arm can push it.) A corner or the middle too: "slide the tray into the front right corner" had
    the tray start 36 cm out, its back edge 24 cm out, and the fingertip could not come down behind it (dev37)."""
    pushed_to = ("in_line", "along_edge", "in_corners", "moved", "at_place")
    for cond in parts:
        mover = cond.args[0] if cond.args else None
        if cond.name not in pushed_to or not isinstance(mover, Ref) or mover.kind not in UNMOVED:
            continue
        oid = objects.ids.get(str(mover))
        table = objects.tables.get(oid) if oid else None
        if not table or "region" not in table or table.get("chosen") or "inside" in table or "on" in table:
            continue
        half = max(DEFAULT_SIZES[mover.kind][:2]) * 1.1 / 2  # sizes scale by up to 1.1
        lo, hi = table["region"]["x"]
        near, far = round(0.30 + half + 0.035, 3), round(0.72 - half - 0.035, 3)
        lo, hi = max(lo, near), min(hi, far)
        if hi - lo < 0.02 and near < far:
            # the room a shift asked for (_make_room) left none where the arm can push it: "the tray 2 inches
            # closer to the front" stood 44 cm out, the fingertip could not come down behind it, and pushes
            # from the side moved it 2 cm; the end of where it is pushed nearest the room asked for instead
            lo, hi = (near, round(near + 0.02, 3)) if hi < near else (round(far - 0.02, 3), far)
        if hi - lo >= 0.02 - 1e-9:
            table["region"] = {**table["region"], "x": [lo, hi]}


# how far out an object pushed to the left or right starts: the fingers lie across the push, and the
# fingertip behind it is 5.5 cm from the grasp point, which may be on the robot's side of it; nearer than
# 34 cm out the arm cannot rise from the end of the push with the fingers turned so
PUSHED_ACROSS_FROM = 0.40


def _pushed_sideways(parts, objects: "_Objects") -> None:
    """What the goal pushes to the left or right (``moved`` with ``never_lifted``) starts where the arm can
    push it with the fingertip on either side of the push, the other one passing a neighbour. (A person
    asking that has it where the arm can push it.)"""
    pushed = {str(c.args[0]) for c in parts if c.name == "never_lifted" and c.args}
    for cond in parts:
        if cond.name != "moved" or len(cond.args) < 2 or str(cond.args[1]) not in ("left", "right") or \
                not isinstance(cond.args[0], Ref) or str(cond.args[0]) not in pushed:
            continue
        oid = objects.ids.get(str(cond.args[0]))
        table = objects.tables.get(oid) if oid else None
        if not table or "region" not in table or table.get("chosen") or "inside" in table or "on" in table:
            continue
        lo, hi = table["region"]["x"]
        if hi - max(lo, PUSHED_ACROSS_FROM) >= 0.02:
            table["region"] = {**table["region"], "x": [max(lo, PUSHED_ACROSS_FROM), hi]}


def _shrink(objects: "_Objects", ref: Ref, axis: str, sign: int, need: float, work) -> None:
    """Keep ``ref``'s region ``need`` metres short of the work area's edge on the ``sign`` side of ``axis``;
    where the arm's comfortable reach leaves too little of it, let it reach to 3 cm from the other edge."""
    oid = objects.ids.get(str(ref))
    table = objects.tables.get(oid) if oid else None
    if not table or "region" not in table or table.get("chosen") or "inside" in table or "on" in table:
        return
    lo, hi = table["region"][axis]
    bound = work[axis][1] - 0.04 - need if sign > 0 else work[axis][0] + 0.04 + need
    other = objects.bounds.get((oid, axis, -sign))
    objects.bounds[(oid, axis, sign)] = bound
    if other is not None and (bound - other) * sign < 0.02:
        # room asked on both sides ("one 15 cm behind it, one 15 cm in front"): halfway between the two
        # bounds, where each side has as nearly the room it needs as the work area allows
        mid = (bound + other) / 2
        lo, hi = mid - 0.01, mid + 0.01
    elif sign > 0:
        hi = min(hi, bound)
        lo = max(work[axis][0] + 0.03, min(lo, hi - 0.04))  # a long way to go: start nearer the other edge
    else:
        lo = max(lo, bound)
        hi = min(work[axis][1] - 0.03, max(hi, lo + 0.04))
    if hi - lo >= 0.02 - 1e-9:  # too little left: keep the region and let the program find room
        table["region"] = {**table["region"], axis: [round(lo, 3), round(hi, 3)]}


CATEGORY_OF = {"in": "pick_place", "on": "pick_place", "stacked": "stack", "sorted_into": "sort",
               "in_line": "arrange", "in_corners": "arrange", "along_edge": "arrange", "at_place": "arrange",
               "in_reach": "tool_use", "near": "arrange", "never_lifted": "push", "moved": "arrange",
               "left_of": "arrange", "right_of": "arrange", "in_front_of": "arrange", "behind": "arrange",
               "next_to": "arrange"}


def _category(goal: Goal) -> str:
    names = [c.name for c in goal.condition.conjuncts()]
    if "never_lifted" in names:
        return "push"
    if "near" in names and any(r.kind == "robot" for r in goal.refs()):
        return "navigation"
    return next((CATEGORY_OF[n] for n in names if n in CATEGORY_OF), "pick_place")


# what stands fixed on the mobile base's floor: the base drives up to it and stops at what it touches (it
# has no arm), and the arm's table (40 cm deep) has no room for a 25-40 cm object to be pushed about; a crate
# on the arm's table stays put while things are loaded into it
FIXED = ("crate", "barrel", "cone", "wall")
# the parts that leave their first object somewhere else
MOVES = ("moved", "at_place", "at", "in", "on", "stacked", "left_of", "right_of", "in_front_of", "behind",
         "next_to", "near", "in_line", "in_corners", "along_edge", "sorted_into", "in_reach", "lifted", "held")


def _fixed_not_moved(goal: Goal) -> None:
    """Refuse, in one line, a goal that moves a crate, a barrel, a cone or a wall."""
    def visit(cond: Cond) -> None:
        if cond.name in MOVES and cond.args and isinstance(cond.args[0], Ref):
            ref = cond.args[0]
            if any(r.kind in FIXED for r in (ref, *ref.members)):
                kind = next(r.kind for r in (ref, *ref.members) if r.kind in FIXED)
                why = ("the arm puts things into it" if kind in CONTAINERS else
                       f"a {kind} is too big for the arm's table")
                raise SceneError(f"cannot move the {ref.phrase}: a {kind} stands fixed in the simulator (the "
                                 f"mobile base only drives up to it, and {why})")
        for a in cond.args:
            if isinstance(a, Cond):
                visit(a)
    visit(goal.condition)


# a push slides along the table: it cannot climb an edge this high (a pushed block shoves a 1.2 cm plate
# along instead of climbing onto it, and a tray's 3 cm wall is twice the 1.5 cm ``never_lifted`` allows)
PUSH_CLIMBS = 0.01


def _pushed_not_onto(goal: Goal) -> None:
    """Refuse, in one line, a goal that pushes something (never lifted) onto or into an object it cannot
    climb: a plate, a bowl, a tray, a block."""
    parts: list[Cond] = []

    def visit(cond: Cond) -> None:
        parts.append(cond)
        for a in cond.args:
            if isinstance(a, Cond):
                visit(a)
    visit(goal.condition)
    pushed = [c.args[0] for c in parts if c.name == "never_lifted" and c.args and isinstance(c.args[0], Ref)]
    for cond in parts:
        if cond.name not in ("on", "in") or len(cond.args) < 2 or not all(isinstance(a, Ref) for a in cond.args[:2]):
            continue
        obj, place = cond.args[0], cond.args[1]
        high = DEFAULT_SIZES.get(place.kind, (0, 0, 0))[2]
        if high < PUSH_CLIMBS or not any(str(p) == str(obj) or (p.is_group and p.kind == obj.kind) for p in pushed):
            continue
        into = "onto" if cond.name == "on" else "into"
        why = (f"a pushed {obj.kind} shoves the {place.kind} along instead of climbing onto it"
               if cond.name == "on" or place.kind not in CONTAINERS else
               f"the {place.kind}'s {high * 100:.0f} cm wall is higher than a push may lift the {obj.kind} (1.5 cm)")
        it = "them" if obj.is_group or obj.members else "it"
        raise SceneError(f"impossible: cannot move the {obj.phrase} {into} the {place.phrase} without lifting {it}: "
                         f"{why}; say 'put {it} {cond.name} the {place.phrase}' to lift {it}")


def _fits_inside(goal: Goal) -> None:
    """Refuse, in one line, a goal that puts an object into a container narrower inside its walls than the
    object is across: "put the plate in the tray" (a 17 cm plate, a tray 16.8 cm wide inside) would leave the
    plate resting on the rims, not in the tray. (The reader's check compares outer sizes, as the words do.)"""
    from sim.objects import WALL

    def visit(cond: Cond) -> None:
        if cond.name == "not":
            return  # kept out of a container: nothing to fit
        if cond.name == "in" and len(cond.args) >= 2 and all(isinstance(a, Ref) for a in cond.args[:2]):
            obj, box = cond.args[:2]
            if box.kind in CONTAINERS and obj.kind in DEFAULT_SIZES and box.kind in DEFAULT_SIZES:
                inside = sorted(s - 2 * WALL for s in DEFAULT_SIZES[box.kind][:2])
                across = sorted(DEFAULT_SIZES[obj.kind][:2])
                if any(a > b for a, b in zip(across, inside)):
                    raise SceneError(f"impossible: a {obj.kind} {across[0] * 100:.0f} cm across does not fit inside "
                                     f"the {box.phrase}, {inside[0] * 100:.1f} cm wide within its walls: it would "
                                     "rest on the rims")
        for a in cond.args:
            if isinstance(a, Cond):
                visit(a)
    visit(goal.condition)


def spec_for(goal: Goal):
    """The task spec for the goal (a `sim.taskspec.TaskSpec`), its TOML text and the reference -> id map.

    Raises:
        SceneError: the task file the goal makes does not load (one line naming the field), or the goal
            moves what the simulator keeps fixed (a crate, a barrel), or pushes something onto or into
            what it cannot climb (a plate, a tray), or puts something into a container too narrow inside.
    """
    from sim.errors import TaskFileError
    from sim.tasks import keep_task
    from sim.taskspec import parse_task

    _fixed_not_moved(goal)
    _pushed_not_onto(goal)
    _fits_inside(goal)
    prior = family_for(goal)
    text, ids = spec_text(goal, prior)
    try:
        spec = parse_task(text, f"<goal {task_name(goal)}>")
    except TaskFileError as e:
        raise SceneError(f"cannot make a scene for {goal.describe()}: {e}") from None
    spec.source = str(keep_task(spec.name, text))  # so workers and replays find it by name
    return spec, text, ids
