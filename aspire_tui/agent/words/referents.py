"""What the words refer to: "it", "them", "the blue one", "the other bowl", resolved from what came before."""

from __future__ import annotations

import re
from dataclasses import replace

from aspire_tui.agent.goal import Ref
from aspire_tui.agent.words.checks import AmbiguousWord
from aspire_tui.agent.words.grammar import NP, Item
from aspire_tui.agent.words.lexicon import InstructionError
from aspire_tui.agent.words.sides import BESIDE
from sim import vocabulary as vocab


class References:
    """The objects named so far, remembered clause by clause so that "it" and "the blue one" can be resolved."""

    def __init__(self, text: str, items: list[Item]) -> None:
        self.text, self.items = text, items
        self.last: list[Ref] = []          # the objects the last clause moved ("it", "them")
        self.prev: list[Ref] = []          # ... as they were before the clause being read
        self.kinds: list[str] = []         # kinds named so far ("the blue one")
        self.named: list[Ref] = []         # every object named so far ("the other zone", "in too")
        self.apart: list[Ref] = []         # "the blue one" said after a bare "the cube": another object than it
        self.introduced: list[Ref] = []    # objects a clause only said are there ("there's a green bowl")
        self.moved: list[Ref] = []         # every object a clause so far was asked to move
        self.kept: list[Ref] = []          # the objects the clause being read keeps by name ("don't touch the cube")
        self.kept_before: list[Ref] = []   # ... as the clause before kept them ("..., leave it where it is")
        self.last_place: tuple[str, Ref] | None = None  # the last (relation, object) something was put by
        self.prev_place: tuple[str, Ref] | None = None  # ... as it was before the clause being read

    def resolve(self, np: NP) -> Ref:
        """A noun phrase as a reference: pronouns and "the blue one" take what came before."""
        if np.robot:
            return Ref("robot")
        if np.pronoun and np.ref is None:
            if not self.last:
                return Ref("?")
            return self.last[0] if len(self.last) == 1 else Ref(self.last[0].kind, members=tuple(self.last))
        if np.noun in vocab.COLOR_NOUNS and not self.kinds and self.bare_colours() == 1:
            # no kind named before it to be "the orange one" of, nor other colours said alone as labels ("orange
            # at the bottom, purple on top")
            raise InstructionError(f"the simulator cannot make an {np.noun} (a thing, as no kind is named before it): it "
                                   f"has {', '.join(sorted(vocab.KINDS))}; say \"the {np.noun} block\" for the "
                                   "colour", "unknown_kind")
        # a colour said bare, with no "one", is the object of that colour named before ("all blocks except the red;
        # leave red alone": the red block, not a red tray), else of the kind said last
        same = next((m.kind for r in reversed(self.named) for m in (r, *r.excluded, *r.members)
                     if np.noun and np.color and m.color == np.color and m.quantity == "one" and m.kind not in ("?", "robot")), None)
        ref = np.ref if np.ref is not None else Ref(same or (self.kinds[-1] if self.kinds else "?"), np.color)
        if ref.kind == "?":
            # no kind named before it: the kind of what a list or heading said there is ("Balls: red one on ...")
            listed = next((r.kind for r in reversed(self.introduced) if r.kind not in ("?", "robot")), "block")
            kind = self.kinds[-1] if self.kinds else listed
            # "there are two bowls; put the ball in the biggest one": a choice is made among the several the
            # words said there are, not among the kind said last
            several = next((r.kind for r in reversed(self.introduced) if r.is_group and r.kind not in ("?", "robot")),
                           None)
            if several and ref.select not in ("", "same", "other"):
                kind = several
            ref = replace(ref, kind=kind, members=tuple(replace(m, kind=kind) for m in ref.members))
        if ref.select == "same":
            prior = next((r for r in reversed(self.named) if r.kind == ref.kind and not r.select), None)
            ref = prior if prior is not None else replace(ref, select="")
        if ref.select == "other":
            # the other one than the last one named of its kind, by colour or by a rule ("the leftmost block")
            # ... or, with none named, than one only said to be there ("there's a blue zone; ... the other zone")
            prior = next((r for said in (self.named, self.introduced) for r in reversed(said)
                          if r.kind == ref.kind and r.select not in ("other", "same")), None)
            if prior is None and re.search(r"\bthe other\b", self.text.lower()):  # not "another block"
                raise AmbiguousWord(f"which {ref.kind} is 'the other {ref.kind}': no {ref.kind} was named before "
                                    f"it; say its colour", ref.kind, [])
            if ref.quantity == "all":  # "leave the yellow ball and put the other balls in the tray": the rest
                ref = replace(ref, select="", excluded=(prior,) if prior is not None else ())
            else:
                ref = replace(ref, anchor=prior)
        if ref.anchor is not None and ref.anchor.kind == "it":
            # an object chosen by a rule is as good an anchor as a named one ("the block nearest the front into the
            # bowl farthest from it"), but not one chosen by its own distance from something else
            prior = next((r for r in reversed(self.named) if r.kind != ref.kind and r.anchor is None), None)
            ref = replace(ref, anchor=prior or Ref("robot"))
        if ref.anchor is not None and ref.anchor.kind == "?":
            ref = replace(ref, anchor=replace(ref.anchor, kind=self.kinds[-1] if self.kinds else "block"))
        if ref == Ref(ref.kind, quantity="all"):
            # "line up the four cubes, every cube in a row": every one of the cubes the task counted, not a group
            # of its own (cubes a statement only says there are stay all of them)
            ref = next((r for r in reversed(self.named) if r.quantity == "count" and
                        r == Ref(ref.kind, quantity="count", count=r.count)), ref)
        self.kinds.append(ref.kind)
        if ref.anchor is not None and ref.anchor.kind != "robot":
            self.named.append(ref.anchor)
        self.named.append(ref)
        return ref

    def bare_colours(self) -> int:
        return sum(1 for i in self.items if i.kind == "np" and i.value.noun)

    def pronoun(self, subjects: list[Ref], as_dest: bool, rel: str | None = None,
                pulled: bool = False) -> Ref | None:
        """"it"/"them": the clause's own object, or the last object moved; as a destination, the last
        object named that is not being moved and that the relation can take ("in it" is a container)."""
        if as_dest:
            if rel in BESIDE and self.prev_place is not None and self.prev_place[0] in BESIDE and \
                    self.prev_place[1] not in subjects:
                return self.prev_place[1]  # "A left of the bowl, then B right of it": both about the bowl

            def fits(r: Ref) -> bool:
                return r not in subjects and r.kind != "robot" and (
                    rel not in ("in", "inside") or r.kind in vocab.CONTAINERS + vocab.SURFACES)

            earlier = [r for r in self.prev if fits(r)]
            if earlier:  # "put the ball in the zone, then slide the block next to it": the ball
                return earlier[0]
            fitting = next((r for r in reversed(self.named) if fits(r)), None)
            if fitting is not None:  # "put A in the bowl, then B in it too": the bowl, not A
                return fitting
            return next((r for r in reversed(self.named) if r not in subjects and r.kind != "robot"), None)
        tools = [s for s in subjects if s.kind not in vocab.TOOLS]
        if tools:
            return tools[-1]
        if subjects and not pulled:
            return subjects[-1]
        if not self.last:
            return None
        return self.last[0] if len(self.last) == 1 else Ref(self.last[0].kind, members=tuple(self.last))

    def subject_of(self, item: Item) -> Ref:
        """An object acted on: "the green one" said alone is one more of the kind last moved ("put the orange
        block on the plate, then the green one in the bowl"), not of the kind named last (the plate)."""
        # "the green ones": every one of that colour, of the kind last moved too
        colour_alone = item.value.ref is None and item.value.color and not item.value.noun or \
            item.value.ref is not None and item.value.ref.kind == "?" and item.value.ref.color
        # "put the red block in the bowl and the other one on the plate": the other one of the kind moved
        other_one = item.value.ref is not None and item.value.ref.kind == "?" and item.value.ref.select == "other"
        if (colour_alone or other_one) and self.moved:
            return self.ref_of(item, kind=self.moved[-1].kind)
        # nothing moved yet ("the red block is already in the bowl, put the blue one on it"): the last kind named
        # that the arm can move, not the container it was said to be in
        movable = next((k for k in reversed(self.kinds) if k in vocab.MOVABLE), None)
        if colour_alone:
            # "a red block and a red ball: put the red one ...": either of them could be meant
            colour = item.value.color or item.value.ref.color
            kinds = sorted({m.kind for r in self.named + self.introduced for m in (r.members or (r,))
                            if m.color == colour and not m.is_group and m.kind in vocab.MOVABLE})
            if len(kinds) > 1:
                raise AmbiguousWord(f"which is 'the {colour} one': the {colour} {f' or the {colour} '.join(kinds)}? "
                                    "say its kind", f"{colour} one", [f"{colour} {k}" for k in kinds])
        if colour_alone and movable is not None:
            return self.ref_of(item, kind=movable)
        return self.ref_of(item)

    def ref_of(self, item: Item, kind: str = "") -> Ref:
        """The item's noun phrase resolved once (later readings of the clause reuse it); ``kind`` is the kind a
        colour alone ("the blue one") stands for, where the clause says which."""
        cache = getattr(item, "_ref", None)
        if cache is None:
            np_ = item.value
            if kind and item.value.ref is None:
                np_ = NP(ref=Ref(kind, item.value.color))
                if any(r.kind == kind and not r.color and not r.is_group and not r.select for r in self.named):
                    self.apart.append(np_.ref)  # "the cube ..., then the blue one": not the cube
            elif kind and item.value.ref.kind == "?":  # "the other one": of the kind the clause says
                members = tuple(replace(m, kind=kind) for m in item.value.ref.members)  # "the red and green ones"
                np_ = replace(item.value, ref=replace(item.value.ref, kind=kind, members=members))
            cache = self.resolve(np_)
            object.__setattr__(item, "_ref", cache)
        return cache
