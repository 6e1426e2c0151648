"""A group less some of it: "every block except the red one", "all the cubes but the blue", "the blocks that
are not red", "put every block in the tray but leave the red one alone".

The group becomes one reference, ``except(all blocks, red block)``: every block the scene has but the red
one. Only the words' own group is cut; the block left out is named (so the scene holds it), and nothing is
asked of it unless other words ask it ("leave the red one alone" is ``unmoved``, "not the red one" after a
place is ``not(in(red block, bowl))``).

"Remove the red block from the bowl" with no place said is read as taking it out of the bowl (`removed`).
"""

from __future__ import annotations

from dataclasses import replace

from aspire_tui.agent.goal import Cond, Ref
from aspire_tui.agent.words.grammar import NP, Item
from aspire_tui.agent.words.lexicon import InstructionError

LIST_JOINS = ("AND", "COMMA", "OR")
ENDS = ("STOP", "THEN", "FIRST", "BEFORE")


def _group(item: Item | None) -> Ref | None:
    """The reference of an item that is a whole group of one kind ("every block", "the cubes")."""
    if item is None or item.kind != "np" or item.value.ref is None:
        return None
    ref = item.value.ref
    if ref.quantity != "all" or ref.members or ref.select or ref.excluded or ref.kind == "?":
        return None
    return ref


def _left(item: Item | None, kind: str | None, color_only: bool = False) -> list[Ref]:
    """The objects an item names that a group of ``kind`` can leave out ("the red one", "red", "the blue
    block", "the red and blue ones"); [] when it names something else."""
    if item is None or item.kind != "np":
        return []
    np_: NP = item.value
    if np_.robot or (np_.pronoun and np_.ref is None):
        return []
    if np_.ref is None:
        return [Ref(kind or "?", np_.color)] if np_.color else []
    ref = np_.ref
    singles = ref.members or (ref,)
    if color_only or ref.select or ref.excluded:
        return []
    out = []
    for r in singles:
        if r.select or r.members or not r.color or (kind is not None and r.kind not in (kind, "?")):
            return []
        out.append(Ref(kind or r.kind, r.color))
    return out


def _listed(items: list[Item], at: int, kind: str | None) -> tuple[list[Ref], int]:
    """The objects left out from ``items[at]`` on ("the red and the blue one"), and the index after them."""
    left = _left(items[at] if at < len(items) else None, kind)
    end = at + 1
    while left and end + 1 < len(items) and items[end].kind in LIST_JOINS:
        more = _left(items[end + 1], kind)
        if not more:
            break
        left += more
        end += 2
    return left, end


def _refuse_other_kind(group: Ref, item: Item | None) -> None:
    """"every block except the red ball": what is left out is no member of the group (a ball is not a block), so the
    words leave out nothing; refused by name rather than read as the whole group or as one more object to place."""
    ref = item.value.ref if item is not None and item.kind == "np" else None
    if ref is None or ref.kind in (group.kind, "?") or ref.select or ref.is_group:
        return
    said = f"{ref.color} {ref.kind}".strip()
    raise InstructionError(f"cannot leave the {said} out of the {group.kind}s: a {ref.kind} is not one of the "
                           f"{group.kind}s; say which {group.kind}s to leave out, or say where the {said} goes on "
                           "its own", "unreadable")


def _with(group: Item, left: list[Ref]) -> Item:
    ref = group.value.ref
    kept = tuple(dict.fromkeys(replace(r, kind=ref.kind) for r in left))
    return Item("np", replace(group.value, ref=replace(ref, excluded=ref.excluded + kept)), group.text)


def excepting(items: list[Item]) -> list[Item]:
    """The items with each group-less-some said in the words made one noun phrase."""
    out = list(items)
    k = 0
    while k < len(out):
        it = out[k]
        prev = out[k - 1] if k > 0 else None
        group = _group(prev)
        # "every block except the red one", "all the cubes but the blue (one)"
        # "every ball besides the yellow one", "all the blocks bar the blue one": right after a whole group and
        # before some of its own kind, these leave out (elsewhere "besides" is "beside", "bar" a word not read)
        # "all the cubes but not the blue one": "but not" right after the group leaves out too
        leaves = it.kind == "EXCEPT" or (it.kind == "AND" and it.text == "but") or \
            (it.kind, it.text) in (("REL", "besides"), ("UNKNOWN", "bar"), ("WITHOUT", "but not"))
        if group is not None and leaves:
            left, end = _listed(out, k + 1, group.kind)
            if left:
                out[k - 1:end] = [_with(prev, left)]
                continue
            if it.kind == "EXCEPT":
                _refuse_other_kind(group, out[k + 1] if k + 1 < len(out) else None)
        # "the blocks that are not red": a colour said alone after "not"
        if group is not None and it.kind == "COPULA" and k + 2 < len(out) and out[k + 1].kind == "NOT" and \
                out[k + 2].kind == "np" and out[k + 2].value.ref is None and out[k + 2].value.color:
            out[k - 1:k + 3] = [_with(prev, [Ref(group.kind, out[k + 2].value.color)])]
            continue
        # "all the non-red blocks"
        if it.kind == "UNKNOWN" and it.text == "non" and k + 1 < len(out) and out[k + 1].kind == "np" and \
                out[k + 1].value.ref is not None and out[k + 1].value.ref.quantity == "all" and \
                out[k + 1].value.ref.color and not out[k + 1].value.ref.members:
            ref = out[k + 1].value.ref
            whole = Item("np", replace(out[k + 1].value, ref=replace(ref, color="")), out[k + 1].text)
            start = k - 1 if prev is not None and prev.kind == "ALL" else k
            out[start:k + 2] = [_with(whole, [Ref(ref.kind, ref.color)])]
            k = start + 1
            continue
        # "put every block in the tray except the red one", "... in the bowl but the red one": said after
        # the place, of the clause's own group
        if it.kind == "EXCEPT" or (it.kind == "AND" and it.text == "but"):
            at = next((j for j in range(k - 1, -1, -1) if out[j].kind in ENDS or _group(out[j]) is not None), None)
            if at is not None and _group(out[at]) is not None:
                left, end = _listed(out, k + 1, _group(out[at]).kind)
                closes = end >= len(out) or out[end].kind in ENDS + ("COMMA",)
                if left and (it.kind == "EXCEPT" or closes):
                    out[at] = _with(out[at], left)
                    del out[k:end]
                    continue
                if it.kind == "EXCEPT":
                    _refuse_other_kind(_group(out[at]), out[k + 1] if k + 1 < len(out) else None)
        k += 1
    return _narrowed(out)


def _narrowed(items: list[Item]) -> list[Item]:
    """"sort the blocks into the bowls: every block but the cyan one": a group less some of it said alone after a
    clause about the whole group says which of the group that clause moves; read as a clause of its own, it would
    move the whole group as well."""
    out = list(items)
    j = len(out)
    while j > 2:
        j -= 1
        it = out[j]
        ref = it.value.ref if it.kind == "np" else None
        if ref is None or not ref.excluded or ref.quantity != "all" or out[j - 1].kind not in ("STOP", "COMMA") or \
                (j + 1 < len(out) and out[j + 1].kind != "STOP"):
            continue
        before = range(j - 2, -1, -1)
        at = next((i for i in before if out[i].kind == "STOP" or (_group(out[i]) is not None and
                                                                  _group(out[i]).kind == ref.kind)), None)
        if at is not None and out[at].kind != "STOP" and not _group(out[at]).color:
            out[at] = it
            del out[j - 1:j + 1]
            j -= 1
    return out


HOLDERS_ON = ("plate", "block")  # what things are taken off, not out of


def removed(items: list[Item]) -> list[Item]:
    """"remove the red block from the bowl" (said with no place to put it) as "take the red block out of the
    bowl": where it is taken from is where it starts, and it must not end there."""
    out = list(items)
    for k in range(len(out) - 3):
        verb, what, origin, where = out[k:k + 4]
        rest = out[k + 4:]
        if verb.kind == "VERB" and verb.text == "remove" and what.kind == "np" and origin.kind == "FROM" and \
                where.kind == "np" and where.value.ref is not None and \
                not any(i.kind in ("REL", "TO", "CORNER", "MIDDLE", "EDGE") for i in rest[:1]):
            off = where.value.ref.kind in HOLDERS_ON
            out[k + 2] = Item("REL", "off" if off else "out_of", "off" if off else "out of")
    return out


def left_out(steps: list[Cond], constraints: list[Cond]) -> list[Cond]:
    """The steps with a group that a constraint keeps one of its members from made the group less that
    member: "put every block in the tray but leave the red one alone" moves every block but the red one, as
    does "put all the blocks in the bowl, not the red one"."""
    # (object, the part it must not end as): kept where it is from every part; kept from one place, from the
    # part that puts the group there
    kept: list[tuple[Ref, Cond | None]] = []
    for c in [*steps, *constraints]:
        for p in c.conjuncts():
            if p.name == "unmoved" and p.args:
                kept.append((p.args[0], None))
            elif p.name == "not" and p.args and isinstance(p.args[0], Cond) and p.args[0].args:
                kept.append((p.args[0].args[0], p.args[0]))
    kept = [(r, away) for r, away in kept if isinstance(r, Ref) and not r.is_group and r.color and not r.select]

    def part(c: Cond) -> Cond:
        if c.name in ("all", "then"):
            return Cond(c.name, tuple(part(x) if isinstance(x, Cond) else x for x in c.args))
        g = c.args[0] if c.args else None
        if c.name in ("unmoved", "not") or not isinstance(g, Ref) or g.quantity != "all" or g.members or g.select:
            return c
        left = tuple(dict.fromkeys(r for r, away in kept if r.kind == g.kind and g.color in ("", r.color) and
                                   r not in g.excluded and (away is None or (away.name, away.args[1:]) ==
                                                            (c.name, c.args[1:]))))
        if not left:
            return c
        cut[g] = replace(g, excluded=g.excluded + left)
        return Cond(c.name, (cut[g], *c.args[1:]))  # what the part moves, never where it goes

    def manner(c: Cond) -> Cond:  # "push all the blocks ..., not the red one": the ones pushed are not lifted
        if c.name in ("all", "then"):
            return Cond(c.name, tuple(manner(x) if isinstance(x, Cond) else x for x in c.args))
        return Cond(c.name, (cut[c.args[0]], *c.args[1:])) if c.name == "never_lifted" and c.args and \
            c.args[0] in cut else c

    cut: dict[Ref, Ref] = {}
    return [manner(c) for c in [part(c) for c in steps]]
