"""A goal: a predicate tree over the objects an instruction names.

``in(blue block, yellow bowl)``, ``sorted_into(all blocks, all bowls)``,
``then(on(red block, plate), in(blue block, green bowl))``: the predicates
are the success vocabulary of `sim.predicates` (plus ``moved`` and
``then``); the arguments are references to objects (`Ref`), place words
(``front_left``, ``left``), numbers (metres) and other conditions (`Cond`).
Both are frozen: a goal, once read, is never changed in place.

The same notation is what people see ("goal: in(blue block, yellow bowl)"),
what the labelled instruction sets in ``bench/instructions/`` are written in
(`read_condition` reads it back) and what becomes a task file's success
condition once each reference has an object id.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from typing import Any, Iterator

SELECTORS = ("nearest", "farthest", "leftmost", "rightmost", "frontmost", "backmost", "largest", "smallest",
             "other")
# parts that say what must stay so, never happen, or not end so ("not inside it" beside a step that sets it
# down elsewhere): a plan gives them no step of their own; the camera's check and the judge read them
CONSTRAINTS = ("unmoved", "never_lifted", "never_grasped", "no_contact", "not")
QUANTITIES = ("one", "all", "count", "some")
# predicates that hold of a listed group when they hold of each member
PER_MEMBER = ("in", "on", "near", "next_to", "left_of", "right_of", "in_front_of", "behind", "at_place", "moved",
              "unmoved", "never_lifted", "in_reach", "lifted")  # the block; all blocks; 3 blocks; 2 of blocks


@dataclass(frozen=True)
class Ref:
    """An object, a group of objects, or one chosen in the scene by a rule.

    ``Ref("block", "red")`` is the red block; ``Ref("block", quantity="all")``
    all blocks; ``Ref("block", quantity="count", count=3)`` the three blocks;
    ``Ref("block", quantity="some", count=2)`` two of the blocks;
    ``Ref("block", members=(red, blue))`` the red and blue blocks, in order;
    ``Ref("block", select="nearest", anchor=Ref("bowl", "red"))`` the block
    closest to the red bowl (``rank`` 2 is "the second ...");
    ``Ref("block", quantity="all", excluded=(red,))`` every block but the red one
    (written ``except(all blocks, red block)``).
    """

    kind: str
    color: str = ""
    quantity: str = "one"
    count: int = 0
    members: tuple["Ref", ...] = ()
    select: str = ""
    anchor: "Ref | None" = None
    rank: int = 1
    excluded: tuple["Ref", ...] = ()  # members a group leaves out ("every block except the red one")

    @property
    def is_group(self) -> bool:
        return bool(self.members) or self.quantity != "one"

    @property
    def base(self) -> "Ref":
        """The reference without its selection rule: what the rule chooses among."""
        return replace(self, select="", anchor=None, rank=1)

    @property
    def phrase(self) -> str:
        """Everyday words: "red block", "blocks", "block closest to the red bowl"."""
        if self.members:
            colors = [m.color for m in self.members]
            return (", ".join(colors[:-1]) + f" and {colors[-1]} {self.kind}s") if len(colors) > 1 \
                else self.members[0].phrase
        noun = self.kind if self.quantity == "one" else self.kind + "s"
        return f"{self.color} {noun}".strip()

    def __str__(self) -> str:
        if self.excluded:
            return f"except({', '.join(str(r) for r in (replace(self, excluded=()), *self.excluded))})"
        if self.members:
            return "[" + ", ".join(str(m) for m in self.members) + "]"
        if self.select:
            parts = [str(self.base)] + ([str(self.anchor)] if self.anchor is not None else [])
            if self.rank != 1:
                parts.append(str(self.rank))
            return f"{self.select}({', '.join(parts)})"
        noun = f"{self.color} {self.kind}".strip()
        plural = f"{self.color} {self.kind}s".strip()
        return {"one": noun, "all": f"all {plural}", "count": f"{self.count} {plural}",
                "some": f"{self.count} of {plural}"}[self.quantity]


@dataclass(frozen=True)
class Cond:
    """A predicate over arguments: ``Cond("in", (red_block, green_bowl))``."""

    name: str
    args: tuple[Any, ...]

    def __str__(self) -> str:
        return f"{self.name}({', '.join(_show(a) for a in self.args)})"

    def refs(self) -> Iterator[Ref]:
        """Every object reference in the tree, anchors and members included, first mention first."""
        for a in self.args:
            if isinstance(a, Cond):
                yield from a.refs()
            elif isinstance(a, Ref):
                yield from _walk(a)

    def conjuncts(self) -> tuple["Cond", ...]:
        """The parts that must all hold, in order (``all`` and ``then`` opened, nested ones too)."""
        if self.name in ("all", "then"):
            return tuple(c for a in self.args if isinstance(a, Cond) for c in a.conjuncts())
        return (self,)


def _walk(ref: Ref) -> Iterator[Ref]:
    yield ref
    for m in ref.members:
        yield from _walk(m)
    for x in ref.excluded:
        yield from _walk(x)
    if ref.anchor is not None:
        yield from _walk(ref.anchor)


def _show(a: Any) -> str:
    if isinstance(a, float):
        return f"{a:g}"
    return str(a)


@dataclass(frozen=True)
class Goal:
    """What an instruction asks for: the condition, the start states its words imply, and notes."""

    text: str
    condition: Cond
    start: tuple[Cond, ...] = ()
    notes: tuple[str, ...] = field(default=())   # what the reader assumed or could not read

    def refs(self) -> list[Ref]:
        """Every reference, once each, first mention first (start states included)."""
        seen: dict[str, Ref] = {}
        for cond in (self.condition, *self.start):
            for r in cond.refs():
                seen.setdefault(str(r), r)
        return list(seen.values())

    def describe(self) -> str:
        """One line for people: ``in(blue block, yellow bowl) · start: in(red block, blue bowl)``."""
        line = str(self.condition)
        if self.start:
            line += " · start: " + ", ".join(str(s) for s in self.start)
        return line

    def to_dict(self) -> dict[str, Any]:
        return {"text": self.text, "goal": str(self.condition), "start": [str(s) for s in self.start],
                "notes": list(self.notes)}


# ---------------------------------------------------------------- canonical form

def canonical(cond: Cond) -> Cond:
    """The form two readings are compared in: nested ``all`` flattened and sorted, one-part ``all``
    opened, ``stacked`` of two written as ``on``, ``in_zone`` as ``in``, a listed group in a per-object
    predicate as one condition per member, and ``on`` parts that make one tower as ``stacked``."""
    args = tuple(canonical(a) if isinstance(a, Cond) else a for a in cond.args)
    name = cond.name
    if args and isinstance(args[0], Ref) and args[0].members and name in PER_MEMBER:
        # in([red block, blue block], bowl) asks the same as in(red block, bowl) and in(blue block, bowl)
        return canonical(Cond("all", tuple(Cond(name, (m, *args[1:])) for m in args[0].members)))
    if name == "in_zone":
        name = "in"
    if name == "stacked" and len(args) == 2:
        name = "on"
    if name == "all":
        flat: list[Any] = []
        for a in args:
            flat.extend(a.args if isinstance(a, Cond) and a.name == "all" else [a])
        if len(flat) == 1 and isinstance(flat[0], Cond):
            return flat[0]
        args = tuple(sorted(flat, key=str))
    if name == "then" and len(args) == 1 and isinstance(args[0], Cond):
        return args[0]
    if name in ("then", "all"):
        tower = _tower(args)
        if tower is not None:
            return tower
    return Cond(name, args)


def _tower(parts: tuple) -> Cond | None:
    """``on(b, a)`` and ``on(c, b)`` (in any order, or as a sequence) are one tower: ``stacked(c, b, a)``."""
    ons = [p for p in parts if isinstance(p, Cond) and p.name == "on" and len(p.args) == 2
           and all(isinstance(a, Ref) and not a.is_group for a in p.args)]
    if len(ons) < 2 or len(ons) != len(parts):
        return None
    above = {str(p.args[1]): p.args[0] for p in ons}
    below = {str(p.args[0]) for p in ons}
    bottoms = [p.args[1] for p in ons if str(p.args[1]) not in below]
    if len(bottoms) != 1:
        return None
    chain = [bottoms[0]]
    while str(chain[-1]) in above and above[str(chain[-1])] not in chain:
        chain.append(above[str(chain[-1])])
    return Cond("stacked", tuple(reversed(chain))) if len(chain) == len(ons) + 1 else None


# ---------------------------------------------------------------- reading the notation

class NotationError(ValueError):
    """A goal written in the notation does not read; the message names where."""


_TOKEN = re.compile(r"\s*(?:(?P<num>-?\d+(?:\.\d+)?)(?![\w])|(?P<word>[A-Za-z_][A-Za-z0-9_]*)|(?P<p>[(),\[\]]))")


def read_condition(text: str) -> Cond:
    """Read ``all(in(red block, green bowl), unmoved(blue block))`` back into a `Cond`.

    Raises:
        NotationError: the text is not a condition in the notation.
    """
    tokens = []
    pos = 0
    while pos < len(text):
        if text[pos:].strip() == "":
            break
        m = _TOKEN.match(text, pos)
        if not m or m.end() == pos:
            raise NotationError(f"unexpected {text[pos:pos + 12].strip()!r} at character {pos + 1}")
        kind = m.lastgroup or ""
        tokens.append((kind, m.group(kind)))
        pos = m.end()
    reader = _Reader(tokens)
    cond = reader.arg()
    if not isinstance(cond, Cond) or reader.i != len(tokens):
        raise NotationError(f"{text!r} is not one predicate call such as in(red block, green bowl)")
    return cond


class _Reader:
    def __init__(self, tokens: list[tuple[str, str]]) -> None:
        self.tokens, self.i = tokens, 0

    def peek(self, k: int = 0) -> str:
        return self.tokens[self.i + k][1] if self.i + k < len(self.tokens) else ""

    def take(self, want: str | None = None) -> str:
        if self.i >= len(self.tokens):
            raise NotationError("the condition ends too early")
        tok = self.tokens[self.i][1]
        if want is not None and tok != want:
            raise NotationError(f"expected {want!r}, found {tok!r}")
        self.i += 1
        return tok

    def arg(self) -> Any:
        tok = self.peek()
        if tok == "[":
            self.take("[")
            members = [self.arg()]
            while self.peek() == ",":
                self.take(",")
                members.append(self.arg())
            self.take("]")
            if not all(isinstance(m, Ref) for m in members):
                raise NotationError("a listed group holds object references only")
            return Ref(members[0].kind, members=tuple(members))
        if self.peek(1) == "(":
            name = self.take()
            self.take("(")
            args = [self.arg()] if self.peek() != ")" else []
            while self.peek() == ",":
                self.take(",")
                args.append(self.arg())
            self.take(")")
            if name in SELECTORS:
                return _selected(name, args)
            if name == "except":
                return _excepted(args)
            return Cond(name, tuple(args))
        words = []
        while self.peek() not in ("", ",", ")", "]", "("):
            words.append(self.take())
        if not words:
            raise NotationError(f"expected an argument, found {self.peek()!r}")
        if len(words) == 1:
            try:
                return float(words[0])
            except ValueError:
                pass
        return reference(words)


def _selected(name: str, args: list[Any]) -> Ref:
    if not args or not isinstance(args[0], Ref):
        raise NotationError(f"{name}(...) chooses among objects: {name}(block, ...)")
    base, anchor, rank = args[0], None, 1
    for a in args[1:]:
        if isinstance(a, Ref):
            anchor = a
        elif isinstance(a, float):
            rank = int(a)
        else:
            raise NotationError(f"{name}(...) takes objects and a rank, not {a!r}")
    return replace(base, select=name, anchor=anchor, rank=rank)


def _excepted(args: list[Any]) -> Ref:
    """``except(all blocks, red block)`` (or ``..., [red block, blue block])``): a group less some of it."""
    if len(args) < 2 or not all(isinstance(a, Ref) for a in args) or not args[0].is_group or args[0].members \
            or args[0].select:
        raise NotationError("except(...) leaves objects out of a group: except(all blocks, red block)")
    left = [m for a in args[1:] for m in (a.members or (a,))]
    if any(m.is_group or m.kind != args[0].kind for m in left):
        raise NotationError(f"except(...) leaves out single {args[0].kind}s of the group: "
                            f"except(all {args[0].kind}s, red {args[0].kind})")
    return replace(args[0], excluded=tuple(left))


def reference(words: list[str]) -> Ref | str:
    """``["all", "red", "blocks"]`` -> a `Ref`; a single place word (``front_left``) stays a word."""
    from sim.vocabulary import COLORS, KINDS

    ws = list(words)
    quantity, count = "one", 0
    if ws[0] == "all":
        quantity, ws = "all", ws[1:]
    elif ws[0].isdigit():
        count, ws = int(ws[0]), ws[1:]
        quantity = "count"
        if ws and ws[0] == "of":
            quantity, ws = "some", ws[1:]
    color = ""
    if len(ws) == 2 and ws[0] in COLORS:
        color, ws = ws[0], ws[1:]
    if len(ws) != 1:
        raise NotationError(f"cannot read {' '.join(words)!r} as an object: colour and kind, e.g. 'red block'")
    noun = ws[0]
    kind = noun[:-1] if quantity != "one" and noun.endswith("s") else noun
    known = set(KINDS) | {"robot", "corner", "edge"}
    if kind not in known:
        if quantity == "one" and not color:
            return noun  # a place or order word: front_left, left, left_to_right
        raise NotationError(f"{noun!r} is no kind of object ({', '.join(sorted(KINDS))})")
    return Ref(kind, color, quantity, count)
