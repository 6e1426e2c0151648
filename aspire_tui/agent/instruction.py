"""The `Goal` record the coders read, and the family reading used when a person names the scene.

`Goal` carries the goal tree (`aspire_tui.agent.goal`) and the scene's object ids that the words
were read into (`aspire_tui.agent.words`, `aspire_tui.agent.scene`). With ``--scene FAMILY`` the
words are aligned with that family's objects instead:
``parse("stack the red cube on the blue one", "stack_two")`` gives a `Goal`: the family
guess (``stack_two``), the objects in the order they are named (colour, kind,
count), the relation (``on``), place words ("to the left of", "back edge")
and, once aligned with a family's object ids, ``slots`` (``{"top": "red
block", "bottom": "blue block"}``): the `ARGS` a program reads.

Only words are read here: never a scene, never ground truth.
"""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass, field, replace
from typing import Any

from sim import vocabulary as vocab


class InstructionError(ValueError):
    """The instruction cannot be understood; the message is one line."""


# word -> the simulator's colour / kind, from the one vocabulary (sim.vocabulary)
COLORS = {w: name for name, words in vocab.COLORS.items() for w in words}
KINDS = {w: name for name, words in vocab.KINDS.items() for w in words if " " not in w}
KINDS.update({"goal": "marker", "target": "marker", "spot": "marker"})  # the family reading's older words
PLURALS = {p: k for k in KINDS for p in vocab.plurals(k)}
NUMBERS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "both": 2, "pair": 2}
MOBILE_GOALS = set(vocab.MOBILE_GOALS)

SIDES = [  # (words, canonical phrase the task files use)
    (r"(?:to|on) the left (?:side )?of|left of", "to the left of"),
    (r"(?:to|on) the right (?:side )?of|right of", "to the right of"),
    (r"in front of|on the far side of|beyond|past", "in front of"),
    (r"behind|on the near side of|in back of", "behind"),
]
CORNERS = [
    (r"(?:front|far) left corner", "front left corner"), (r"(?:front|far) right corner", "front right corner"),
    (r"(?:back|near) left corner", "back left corner"), (r"(?:back|near) right corner", "back right corner"),
    (r"\b(?:middle|centre|center)\b", "middle"),
]
EDGES = ("front", "back", "left", "right")

NAV_VERBS = r"\b(?:go|drive|navigate|head|travel|roll|get the robot|take the robot|move over|go over|come)\b"


@dataclass
class ObjectRef:
    """One object (or group) named in the instruction."""

    phrase: str          # "red block", or "red and blue blocks" for a group
    kind: str            # simulator kind: block, bowl, ...
    colors: list[str] = field(default_factory=list)
    count: int = 1
    start: int = 0       # character offset in the normalised text

    @property
    def phrases(self) -> list[str]:
        """One phrase per member: ["red block", "blue block"] (just the kind when no colour)."""
        if not self.colors:
            return [self.kind] * max(1, self.count)
        return [f"{c} {self.kind}" for c in self.colors]

    @property
    def color(self) -> str:
        return self.colors[0] if self.colors else ""


@dataclass(frozen=True)
class Goal:
    """What the instruction asks for, as far as its words say.

    Frozen: a step that learns more (the scene's words, the family's object ids) makes a new one with
    `dataclasses.replace`, so a goal once shown is never changed under whoever holds it.
    """

    text: str
    family: str = ""
    category: str = ""
    objects: list[ObjectRef] = field(default_factory=list)
    relation: str = ""                                     # in, on, stack, left_of, pull, go_to, sort, ...
    place: dict[str, str] = field(default_factory=dict)    # slot id -> words ("side": "to the left of")
    slots: dict[str, Any] = field(default_factory=dict)    # slot id -> phrase or list of phrases
    variant_of: str = ""                                   # the family a variant task file varies
    tree: Any = None                                       # the goal tree (`aspire_tui.agent.goal.Goal`)
    ids: dict[str, str] = field(default_factory=dict)      # str(ref) in the tree -> the scene's object id
    task_file: str = field(default="", repr=False)         # the task file's text the goal runs on

    def is_task(self, task: str | None) -> bool:
        """Is ``task`` (a skill's validation task) this goal's family, or the family its task file varies?"""
        return bool(task) and task in (self.family, self.variant_of)

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["tree"] = self.tree.to_dict() if self.tree is not None else None
        data.pop("task_file")  # said once, in the Understood event
        return data

    def describe(self) -> str:
        """One line for people: the goal tree when there is one, else ``stack_two: top=red block, ...``."""
        if self.tree is not None:
            return self.tree.describe()
        parts = [f"{k}={', '.join(v) if isinstance(v, list) else v}" for k, v in self.slots.items()]
        return f"{self.family or '?'}: " + ", ".join(parts)


VERB_OBJECTS = {"the", "a", "an", "it", "them", "this", "that", "these", "those", "my", "your"}


def normalise(text: str) -> str:
    text = text.lower().replace("colour", "color").replace("’", "'")
    text = re.sub(r"[^a-z0-9,:;' -]+", " ", text)
    return re.sub(r"\s+", " ", text).strip()


def find_objects(text: str) -> list[ObjectRef]:
    """Colour/count/kind noun phrases, in order: "the red and blue blocks" is one group."""
    words = [(m.group(), m.start()) for m in re.finditer(r"[a-z]+|\d+|,", text)]
    found: list[ObjectRef] = []
    pending_colors: list[str] = []
    pending_count = 0
    start = None
    for i, (w, pos) in enumerate(words):
        if w in COLORS:
            pending_colors.append(COLORS[w])
            start = pos if start is None else start
            continue
        if w in (",", "and") and pending_colors:
            continue
        if w in ("one", "ones") and pending_colors and found:
            # "red ones" are of the group the words sort ("the blocks ... red ones, blue ones"), not of the
            # bowl said just before; "the red one" is of the last thing named
            groups = [f for f in found if f.count > 1 or f.phrase.endswith("s")] if w == "ones" else []
            kind = (groups or found)[-1].kind
            colors = list(dict.fromkeys(pending_colors))
            found.append(ObjectRef(f"{colors[0]} {kind}", kind, colors[:1], 1, start if start is not None else pos))
            pending_colors, pending_count, start = [], 0, None
            continue
        if w in NUMBERS or w.isdigit():
            pending_count = NUMBERS.get(w) or int(w)
            start = pos if start is None else start
            continue
        if w in ("light", "dark") or (w == "one" and pending_colors):
            continue
        kind = KINDS.get(w) or KINDS.get(PLURALS.get(w, ""))
        if kind is None and w in ("one", "ones") and pending_colors and found:
            kind = found[-1].kind
        if kind is None and w == "one" and pending_colors:
            kind = found[-1].kind if found else None
        if kind is not None:
            plural = w in PLURALS or w == "ones"
            if w == "target" and not pending_colors:  # "target" is usually a verb or an adjective
                pending_colors, pending_count, start = [], 0, None
                continue
            following = words[i + 1][0] if i + 1 < len(words) else ""
            if w == "stick" and not pending_colors and following in VERB_OBJECTS:  # "stick the ball in ..."
                pending_colors, pending_count, start = [], 0, None
                continue
            colors = list(dict.fromkeys(pending_colors))
            count = len(colors) if len(colors) > 1 else (pending_count or (2 if plural and not colors else 1))
            if pending_count and len(colors) <= 1:
                count = pending_count
            if len(colors) > 1 or plural:
                phrase = (", ".join(colors[:-1]) + f" and {colors[-1]} {kind}s") if len(colors) > 1 \
                    else (f"{colors[0]} {kind}s" if colors else f"{kind}s")
            else:
                phrase = f"{colors[0]} {kind}" if colors else kind
            found.append(ObjectRef(phrase, kind, colors, count, start if start is not None else pos))
        pending_colors, pending_count, start = [], 0, None
        # a lone colour left dangling ("the red one") is handled above; anything else resets
    return found


def _has(text: str, pattern: str) -> bool:
    return re.search(pattern, text) is not None


def guess_family(text: str, objects: list[ObjectRef]) -> tuple[str, str]:
    """(family, relation) from the words; ("", "") when nothing fits."""
    kinds = [o.kind for o in objects]
    blocks = [o for o in objects if o.kind in ("block", "ball")]
    n_blocks = sum(o.count for o in blocks)
    if _has(text, r"\bsort|\bby color|same color|its color|their color|matching|match(?:es)? (?:its|their)"):
        return "sort_by_color", "sort"
    if "hook" in kinds or _has(text, r"out of reach|within reach|\bcloser\b|\bpull|\bdrag|\bfetch"):
        if blocks or "hook" in kinds:
            return "tool_use_pull", "pull"
    if any(k in MOBILE_GOALS for k in kinds) and (_has(text, NAV_VERBS) or not blocks):
        target = next(o for o in objects if o.kind in MOBILE_GOALS)
        return ("navigate_goal" if target.kind == "marker" else "navigate_to_object"), "go_to"
    if "zone" in kinds or _has(text, r"\bpush|\bslide|\bshove|\bnudge"):
        if blocks:
            return "push_to_zone", "push"
    if blocks and (_has(text, r"\bcorners\b|own corner|separate corner|each corner|different corner")
                   or (n_blocks >= 2 and _has(text, r"\bcorner\b"))):  # several blocks, a corner each
        return "arrange_corners", "corners"
    if blocks and _has(text, r"\bedge\b|\bside of the table\b"):
        return "arrange_edge", "edge"
    if blocks and (_has(text, r"\bline\b|\brow\b") or _has(text, r"line up|line them")):
        return "arrange_line", "line"
    if blocks and _has(text, r"\bcorner\b|middle of the table|centre of the table|center of the table"):
        return "place_corner", "place"
    for pattern, phrase in SIDES:
        if _has(text, pattern):
            other = [k for k in kinds if k not in ("block", "ball")]
            if phrase in ("to the left of", "to the right of") and ("bowl" in other or not other):
                return "place_beside", phrase.split()[-2] + "_of"
            if phrase in ("in front of", "behind") and ("plate" in other or not other):
                return "place_front_back", phrase.replace(" ", "_")
    if _has(text, r"next to|beside|alongside|\bnear\b|close to|by the|over to the") and n_blocks >= 2 \
            and all(k == "block" for k in kinds):
        return "place_next_to", "next_to"
    if blocks and _has(text, r"\bstack|\bpile|\btower|on top of|\bonto\b|\bon\b|\bover\b(?! to)|\bunder\b|beneath|below") and \
            all(k == "block" for k in kinds):
        if n_blocks >= 3:
            return "stack_three", "stack"
        if n_blocks == 2:
            return "stack_two", "stack"
    if "bowl" in kinds and blocks:
        return "pick_place_bowl", "in"
    if "tray" in kinds and blocks:
        return "pick_place_tray", "in"
    if "plate" in kinds and blocks:
        return "pick_place_plate", "on"
    return "", ""


def parse(text: str, scene: str | None = None) -> Goal:
    """The `Goal` of an instruction; with ``scene`` the family is given, not guessed.

    Raises:
        InstructionError: empty, no object named, or no family fits (one line).
    """
    if text is None or not str(text).strip():
        raise InstructionError("the instruction is empty: say what the robot should do, "
                               "e.g. \"put the red block in the green bowl\"")
    norm = normalise(str(text))
    objects = find_objects(norm)
    if not objects:
        raise InstructionError(f"no object named in {str(text).strip()[:60]!r}: name what to move, "
                               "e.g. \"the red block\" (see `aspire tasks` for what the scenes hold)")
    family, relation = guess_family(norm, objects)
    if scene:
        family = scene
    fixed = re.search(r"\b(?:put|move|place|pick up|lift|stack|push|pull|carry|drop|set)\s+(?:the |a |an )?"
                      r"(table|floor|wall|robot|workspace)\b", norm)
    if fixed:  # "put the table in the bowl": the thing to move is part of the world, not an object on it
        raise InstructionError(f"impossible: the {fixed.group(1)} cannot be moved; the robot moves objects "
                               "on the table, e.g. \"put the red block in the green bowl\"")
    if not family:
        raise InstructionError(f"cannot tell what to do in {str(text).strip()[:60]!r}: no task family "
                               "fits these words (see `aspire tasks`), or pick one with --scene")
    place: dict[str, str] = {}
    for pattern, phrase in SIDES:
        if _has(norm, pattern):
            place["side"] = phrase
            break
    for pattern, phrase in CORNERS:
        if _has(norm, pattern):
            place["place"] = phrase
            break
    edge = re.search(r"\b(front|back|left|right|far|near)\b (?:edge|side of the table)", norm)
    if edge:
        place["edge"] = {"far": "front", "near": "back"}.get(edge.group(1), edge.group(1))
    return Goal(text=str(text).strip(), family=family, objects=objects, relation=relation, place=place)


def align(goal: Goal, spec) -> Goal:
    """The goal with its ``slots`` keyed by the family's object ids (``spec`` is a `sim.taskspec.TaskSpec`).

    Raises:
        InstructionError: the instruction names an object the family's scenes never hold.
    """
    named: list[ObjectRef] = []
    for ref in goal.objects:  # the first mention of each coloured object
        if not ref.colors or all(ref.phrase != n.phrase for n in named):
            named.append(ref)
    slots: dict[str, Any] = {}
    wanted = [o for o in spec.objects if o.count[0] >= 1]
    taken: set[int] = set()

    def kind_ok(ref: ObjectRef, obj) -> bool:
        return ref.kind == obj.kind

    if spec.family in ("stack_two", "stack_three"):
        named = stack_order(goal, named)
    order = _slot_order(goal, spec, wanted)
    for i, ref in enumerate(named):  # a colour only one object of its kind is drawn in names that object
        fits = [o for o in order if kind_ok(ref, o) and ref.colors and all(c in o.colors for c in ref.colors)]
        if len(fits) == 1 and fits[0].id not in slots:
            taken.add(i)
            slots[fits[0].id] = _members(ref, fits[0]) if fits[0].count[1] > 1 else ref.phrases[0]
    for obj in [o for o in order if o.id not in slots]:
        group = obj.count[1] > 1
        for i, ref in enumerate(named):
            # a colour this slot never draws belongs to another object of the kind ("the black block"
            # is the base, not one of the coloured small blocks)
            if i in taken or not kind_ok(ref, obj) or any(c not in obj.colors for c in ref.colors):
                continue
            taken.add(i)
            slots[obj.id] = _members(ref, obj) if group else ref.phrases[0]
            break
    slots = {o.id: slots[o.id] for o in order if o.id in slots}  # in the family's order, as before
    for i, ref in enumerate(named):
        kinds = [o for o in wanted if o.kind == ref.kind]
        if i not in taken and kinds and ref.colors:
            colors = list(dict.fromkeys(c for o in kinds for c in o.colors))
            bad = next((c for c in ref.colors if c not in colors), ref.colors[0])
            raise InstructionError(f"no {spec.name} scene has a {bad} {ref.kind} "
                                   f"(its {ref.kind}s are {', '.join(colors)})")
    if spec.family == "sort_by_color":
        slots.pop("bowls", None)
    for i, ref in enumerate(named):
        if i not in taken and not any(ref.kind == o.kind for o in spec.objects):
            raise InstructionError(f"there is no {ref.kind} in a {spec.name} scene "
                                   f"(it holds: {', '.join(sorted({o.kind for o in spec.objects}))})")
    for slot, choices in spec.choices.items():
        if slot in goal.place:
            words = goal.place[slot]
            value = choices.get(words) if isinstance(choices, dict) else None
            if isinstance(choices, dict) and value is None:
                want = _canon_choice(words)
                for phrase, val in choices.items():
                    if _canon_choice(phrase) == want:
                        words = phrase
                        break
            slots[slot] = words
    return replace(goal, category=spec.category, slots=slots)


def _members(ref: ObjectRef, obj) -> list[str]:
    """A group slot's words, one per member: "the red ones" for a task file's two red blocks is
    ["red block", "red block"] (a group of one colour and a count the file fixes)."""
    if len(ref.colors) == 1 and obj.count[0] == obj.count[1] > len(ref.phrases):
        return ref.phrases[:1] * obj.count[0]
    return ref.phrases


def _canon_choice(words: str) -> str:
    return words.replace("on the ", "to the ").replace("far side of", "in front of").replace(
        "near side of", "behind")


def _slot_order(goal: Goal, spec, wanted: list) -> list:
    """The family's object specs in the order the named objects take them."""
    ids = [o.id for o in wanted]
    if spec.family == "tool_use_pull":
        return sorted(wanted, key=lambda o: 0 if o.kind == "block" else 1)
    return sorted(wanted, key=lambda o: ids.index(o.id))


def stack_order(goal: Goal, refs: list[ObjectRef]) -> list[ObjectRef]:
    """The named blocks from top to bottom: "stack A on B", "B under A", "C at the bottom, then B, then A"."""
    text = normalise(goal.text)
    above: dict[str, str] = {}
    for a, b in zip(goal.objects, goal.objects[1:]):
        between = text[a.start:b.start]
        if re.search(r"\bon\b|onto|on top of|\bover\b", between):
            above[a.phrase] = b.phrase
        elif re.search(r"\bunder\b|beneath|below", between):
            above[b.phrase] = a.phrase
    by_phrase = {r.phrase: r for r in refs}
    tops = [p for p in above if p not in above.values()]
    if len(tops) == 1:
        chain = [tops[0]]
        while chain[-1] in above and above[chain[-1]] not in chain:
            chain.append(above[chain[-1]])
        if len(chain) == len(refs):
            return [by_phrase[p] for p in chain]
    if re.search(r"at the bottom|bottom first|start with|as the base", text):
        return list(reversed(refs))
    return list(refs)
