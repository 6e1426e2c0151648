"""What a piece of an instruction says: tests over its items (a start state, a wish, a clause that runs on),
the amount it gives, and the reorderings that put its words as a plain command says them."""

from __future__ import annotations

from aspire_tui.agent.goal import Ref
from aspire_tui.agent.words.grammar import NP, Item
from aspire_tui.agent.words.lexicon import INTRODUCING
from sim import vocabulary as vocab


VERB_LIKE = ("VERB", "TOWER", "LINE")

# where-words that name the place an object started in, not the one it was just put in
AS_IT_STARTED = ("where it is", "where they are", "where it was", "where it started", "as it is", "as they are",
                 "where they were", "where they started",
                 "untouched", "unmoved", "alone")


def made_into(items: list[Item]) -> bool:
    """"make the ball into a cube": "into" a thing nothing goes into names what the object is to become."""
    for k, it in enumerate(items[:-1]):
        nxt = items[k + 1]
        if it.kind == "REL" and it.text == "into" and nxt.kind == "np" and nxt.value.ref is not None:
            return nxt.value.ref.kind not in vocab.CONTAINERS + vocab.SURFACES + vocab.MOBILE_GOALS + ("plate",)
    return False


def on_the_table(items: list[Item]) -> tuple[int, int] | None:
    """Where "(back) on the table" or "to the table" is said as where an object goes (start, end of its words);
    None where it is not, or where a verb keeps the object there ("leave it on the table")."""
    if any(i.kind == "VERB" and i.text.startswith(("leave", "keep")) for i in items):
        return None
    for k in range(len(items) - 1):
        if items[k].kind == "TO" or items[k].kind == "REL" and items[k].value == "on":
            if items[k + 1].kind == "TABLE":
                back = k > 0 and items[k - 1].kind == "SIDE" and items[k - 1].value == "back"  # "again", not backward
                return k - back, k + 2
    return None


def states_a_distance(items: list[Item]) -> bool:
    """"the bowl is about 20 cm away", "it is 5 cm from the plate": a distance said in the present of how
    things are, with no verb or "should": no goal, and no start state can hold a distance."""
    kinds = [i.kind for i in items]
    return "COPULA" in kinds and "amount" in kinds and "np" in kinds and not any(
        k in VERB_LIKE + ("MODAL", "ALREADY") for k in kinds) and kinds.index("COPULA") < kinds.index("amount")


def wished(items: list[Item]) -> bool:
    """"... and the red block should be on the plate": an object with how it is to be is a clause of its own."""
    kinds = [i.kind for i in items]
    return bool(kinds) and kinds[0] == "np" and "MODAL" in kinds and \
        any(k in ("REL", "CORNER", "MIDDLE") for k in kinds[kinds.index("MODAL"):])


def sent_before_negation(piece: list[Item], then: list[Item]) -> bool:
    """"red blk -> tray, don't move the bowls": a verbless piece that sends an object somewhere is a task of its
    own, never the object of the negated verb after it; nor the object of one kept where it is after it ("largest
    block on plate; smallest block untouched")."""
    kinds = [i.kind for i in piece]
    after = kinds[kinds.index("np"):] if "np" in kinds else []
    # ("blue cube 10 cm right, no lift": a shift said without a verb sends it too)
    shifts = "amount" in after and kinds[-1] == "SIDE"
    sends = any(k in ("REL", "TO") for k in after) and kinds[-1] == "np" or shifts
    kept = kept_by_name(then) or [i.kind for i in then[:2]] == ["np", "VERB"] and then[1].value == "leave" or \
        bool(then) and then[0].kind in VERB_LIKE and any(i.kind == "WHERE" for i in then)  # "; keep X where it is"
    return sends and (any(i.kind in ("NOT", "WITHOUT") for i in then[:2]) or kept)


def sends_verbless(items: list[Item]) -> bool:
    """"red blk next to bowl, but not in it", "grn blk on plate w/o lifting it": an object and where it goes with no
    verb (a clipped command) acts as "put" does, so what follows "not" / "without" constrains it."""
    kinds = [i.kind for i in items]
    return len(kinds) >= 3 and kinds[0] == "np" and not items[0].value.pronoun and \
        any(k in ("REL", "TO") and nxt in ("np", "CORNER", "MIDDLE") for k, nxt in zip(kinds[1:], kinds[2:]))


def kept_by_name(items: list[Item]) -> bool:
    """"..., the grey bowl must stay put": a piece that opens with an object said to stay (a modal before
    the where-word) is a constraint of its own, after a comma too."""
    return bool(items) and items[0].kind == "np" and (any(i.kind in ("MODAL", "COPULA") for i in items) or
                                                      items[1:2] and items[1].kind == "WHERE")  # "the X stays put"


def takes_more(pair: tuple[list[Ref], str | None, Ref | None]) -> bool:
    """Whether objects named after this (objects, relation, place) go to the same place: into or onto a
    container, plate or zone ("in the bowl and the green block"); beside a landmark, a second object named is
    as often a second landmark."""
    _, rel, dest = pair
    return rel in ("in", "on", "to") and dest is not None and not dest.is_group and \
        dest.kind in vocab.CONTAINERS + vocab.SURFACES + ("plate",)


def only_objects(items: list[Item]) -> bool:
    return any(i.kind == "np" for i in items) and all(i.kind in ("np", "COMMA", "AND") for i in items)


def done_again(clause: list[Item], objects: list[Item]) -> list[Item] | None:
    """The clause before, done to ``objects`` instead of the object it moved; None when it placed nothing."""
    first = next((k for k, i in enumerate(clause) if i.kind == "np"), None)
    rel = next((k for k in range((first or 0) + 1, len(clause)) if clause[k].kind in ("REL", "TO")), None)
    if first is None or rel is None or rel + 1 >= len(clause) or clause[rel + 1].kind not in ("np", "CORNER",
                                                                                               "MIDDLE"):
        return None  # the clause before moved nothing to a place ("arrange the bowls in a line: red, ...")
    moved = clause[first].value.ref
    if moved is not None:  # "then the blue one": one of the kind moved before, not of the last kind named
        objects = [Item("np", NP(ref=Ref(moved.kind, i.value.color))) if i.kind == "np" and i.value.color
                   and i.value.ref is None else i for i in objects]
    return clause[:first] + objects + clause[first + 1:]


def corner_pairs(items: list[Item]) -> list[tuple[Item, str]]:
    """Each corner (or the middle) with the object named last before it: "A in the front left corner and B in
    the back right", "A in the middle and B in the back left corner"."""
    pairs, last = [], None
    for i in items:
        if i.kind == "np":
            last = i
        elif i.kind in ("CORNER", "MIDDLE") and last is not None:
            pairs.append((last, i.value if i.kind == "CORNER" else "middle"))
            last = None
    return pairs


def kind_then_colours(items: list[Item]) -> list[Item]:
    """"stack the blocks red on green on blue", "stack blks, red on top of green ...": a plural kind with no colour
    right before colours said alone names their kind, as a heading does; it is not one more object (all the blocks).
    So does a count of them as many as the colours ("the three blocks, white on black on gray")."""
    for k in range(len(items) - 1):
        group = items[k].value.ref if items[k].kind == "np" else None
        if group is None or group.quantity not in ("all", "count") or group.color or group.members or group.select:
            continue
        j = k + 1 + (items[k + 1].kind == "COMMA")
        if j >= len(items) or items[j].kind != "np" or items[j].value.ref is not None or not items[j].value.color:
            continue
        colours = [i for i in items[j:] if i.kind == "np" and i.value.ref is None and i.value.color]
        if len(colours) < 2 or group.quantity == "count" and group.count != len(colours):
            continue  # "stack the blocks so the blue one is on top": one of the blocks, the rest unnamed
        named = [Item("np", NP(ref=Ref(group.kind, i.value.color)), i.text)
                 if i.kind == "np" and i.value.ref is None and i.value.color and not i.value.pronoun else i
                 for i in items[j:]]
        return items[:k] + named
    return items


def tool_as_means(items: list[Item]) -> bool:
    """Whether a tool is named as the means ("with the hook", "using the rake"), not as what is moved."""
    return any(a.kind == "WITH" or a.kind == "VERB" and a.value == "use" for a, b in zip(items, items[1:])
               if b.kind == "np" and b.value.ref is not None and b.value.ref.kind in vocab.TOOLS)


def topic_first(items: list[Item]) -> list[Item]:
    """"the rightmost bowl, put the red block in it", "the cubes, put them along the edge": an object said first and
    then a verb with "it" / "them" (a learner's or a speaker's topic) is what the pronoun stands for, not one more
    object to move; so too where the verb comes last ("the bowl, the red block in it put")."""
    if len(items) < 4 or items[0].kind != "np" or items[0].value.pronoun or items[0].value.robot:
        return items
    k = 1 + (items[1].kind == "COMMA")
    # "the blue block, the red block on top of it put": the verb said last, as some languages put it
    last = next((i for i in reversed(items) if i.kind != "STOP"), None)
    verb_last = items[1].kind == "COMMA" and items[k].kind == "np" and last is not None and last.kind == "VERB"
    if items[k].kind != "VERB" and not verb_last:
        return items
    pron = next((j for j in range(k + 1, len(items)) if items[j].kind == "np" and items[j].value.pronoun
                 and items[j].value.ref is None), None)
    if pron is None:
        return items
    return items[k:pron] + [items[0]] + items[pron + 1:]


def amount_said(items: list[Item]) -> float | None:
    """The distance the words give: a measured one ("25 cm") before a vague one ("well")."""
    amounts = [i for i in items if i.kind == "amount"]
    exact = [i for i in amounts if i.text != "vague" and not isinstance(i.value, float) or i.value not in
             vocab.AMOUNTS.values()]
    pick = (exact or amounts)[-1:] if amounts else []
    return float(pick[0].value) if pick else None


def negated_aside(items: list[Item], k: int | None) -> int | None:
    """Where ", not the blue one," set off inside a clause that goes on to say where ("move the red block, not
    the blue one, into the bowl") begins; None where there is none."""
    if k is None or k == 0 or items[k].kind != "NOT" or items[k - 1].kind != "COMMA" or len(items) < k + 4:
        return None
    if items[k + 1].kind != "np" or items[k + 2].kind != "COMMA":
        return None
    return k if any(i.kind in ("REL", "TO", "CORNER", "MIDDLE", "SIDE") for i in items[k + 3:]) else None


def kept_after_placing(items: list[Item], k: int) -> bool:
    """"move A left of the plate while the white block stays put": after a clause that says where something
    goes, an object said to stay is a clause of its own (not one more object to put where the first went)."""
    after = items[k + 1:]
    n = next((j for j, i in enumerate(after) if i.kind != "np"), len(after))
    if n == 0 or n >= len(after) or after[n].kind != "WHERE":
        return False
    # a clause that ends with its verb ("the cube next to the bowl put, but ..."): where it goes is said before it
    end = k
    while end > 0 and items[end - 1].kind in ("COMMA", "AND"):
        end -= 1
    end = end - 1 if end > 0 and items[end - 1].kind in VERB_LIKE else k
    # from the verb of the clause the "and" is in: "..., keeping A and B where they are" keeps both
    start = max((j for j in range(end) if items[j].kind in ("STOP", "THEN", "FIRST", "BEFORE") + VERB_LIKE),
                default=-1)
    return any(i.kind in ("REL", "TO", "CORNER", "MIDDLE", "EDGE", "SIDE") for i in items[start + 1:end])


def kept_before_placing(items: list[Item], k: int) -> bool:
    """"keep the blue bowl still, red blk to tray", "the bowl stays put, the cube into the tray": after a clause
    that keeps an object where it is, a verbless object with where it goes is a step of its own (put there),
    not one more object kept still."""
    if k == 0 or items[k - 1].kind != "WHERE" or k + 1 >= len(items) or items[k + 1].kind != "np":
        return False
    after = items[k + 2:]
    after = after[:next((j for j, i in enumerate(after) if i.kind in ("STOP", "THEN", "COMMA", "AND")), len(after))]
    return any(i.kind in ("REL", "TO", "CORNER", "MIDDLE") for i in after) and \
        not any(i.kind in VERB_LIKE + ("COPULA", "MODAL", "WHERE") for i in after)


def has_copula_after(items: list[Item], k: int) -> bool:
    for it in items[k + 1:]:
        if it.kind in ("COPULA", "ALREADY", "MODAL") or (it.kind == "VERB" and it.value == "leave"):
            return True
        if it.kind not in ("np", "AND", "COMMA"):
            return False
    return False


def runs_on(piece: list[Item]) -> bool:
    """Whether a verb right after ``piece``, with no "and", comma or stop between (speech put into words), opens a
    clause of its own: after how things are ("the red cube is in the tray put it on the plate", "there's a green
    bowl and a blue bowl put ...") or after a verb and its object ("grab the red block stick it on the plate", "keep
    the cube still while you put ...")."""
    if not piece or piece[-1].kind not in ("np", "ALREADY", "OUT_OF_REACH", "CORNER", "MIDDLE", "WHERE"):
        return False
    verbs = [k for k, i in enumerate(piece) if i.kind in VERB_LIKE]
    if verbs:
        return any(i.kind == "np" for i in piece[verbs[-1] + 1:])
    introduces = piece[0].kind == "ALREADY" and piece[0].text in INTRODUCING and only_objects(piece[1:])
    return introduces or is_start(piece)


def is_start(items: list[Item]) -> bool:
    """A clause that says how things are ("the red block is in the bowl"), not what to do."""
    kinds = [i.kind for i in items]
    if "MODAL" in kinds:
        return False  # "the block should sit beside the bowl": how things are to be
    if "VERB" in kinds and any(i.value not in ("leave",) for i in items if i.kind == "VERB"):
        first_verb = kinds.index("VERB")
        if not any(k in ("COPULA", "ALREADY") for k in kinds[:first_verb]):
            return False
        if "COPULA" in kinds[:first_verb] and kinds.index("COPULA") < first_verb and "np" not in kinds[:kinds.index("COPULA")]:
            return False
        passive = kinds[first_verb - 1] == "COPULA"  # "the block was put in the zone (by mistake)": done before
        return "ALREADY" in kinds[:first_verb] or "OUT_OF_REACH" in kinds or passive
    robot_at = items[0].kind == "np" and items[0].value.robot and kinds.count("np") >= 2  # "the robot is at X"
    return ("COPULA" in kinds or "ALREADY" in kinds) and "np" in kinds and \
        (robot_at or any(k in ("REL", "STACKED", "OUT_OF_REACH", "CORNER", "MIDDLE") for k in kinds))
