"""Splitting an instruction into clauses: at full stops, "then", and "and" or a comma before a verb."""

from __future__ import annotations

from aspire_tui.agent.goal import Ref
from aspire_tui.agent.words.grammar import Item
from aspire_tui.agent.words.lexicon import INTRODUCING
from aspire_tui.agent.words.pieces import (VERB_LIKE, done_again, has_copula_after, is_start, kept_after_placing,
                                           kept_before_placing, kept_by_name, only_objects, runs_on,
                                           sent_before_negation, wished)


# the words a place said ends with ("on the red block", "in the front left corner", "10 cm left")
PLACE_ENDS = ("np", "CORNER", "MIDDLE", "EDGE", "SIDE")
# the words that say a place
PLACES = ("REL", "TO", "CORNER", "MIDDLE", "EDGE", "SIDE")


def _kept_next(items: list[Item], k: int) -> bool:
    """Whether the objects from items[k] on are said to stay or to be ("the green block must stay put", "cyan ball
    stays put"): a clause of their own."""
    after = next((i for i in items[k:] if i.kind not in ("np", "AND", "COMMA")), None)
    return has_copula_after(items, k - 1) or (after is not None and after.kind == "WHERE")


def split_clauses(items: list[Item]) -> tuple[list[list[Item]], list[Ref]]:
    """Split at full stops, "then", and "," / "and" before a new verb; verbless pieces join a neighbour.
    Also the objects a list or "there is" only says are there ("there are two bowls, a red one and ...").
    """
    introduced: list[Ref] = []  # objects a piece only said are there
    out: list[list[Item]] = [[]]
    hard: list[bool] = [False]   # did the clause start at "then" or a full stop?
    for k, it in enumerate(items):
        # "..., and (you) must push the cube ...": a modal before the verb still opens a clause of its own
        # (", and" splits where "and" alone would)
        skipped = ("NOT", "FIRST", "THEN", "MODAL") + (("AND",) if it.kind == "COMMA" else ())
        nxt = next((j for j in items[k + 1:] if j.kind not in skipped), None)
        if it.kind == "VERB" and runs_on(out[-1]):  # "the cube is in the tray put it ...": no "and" said
            out.append([it])
            hard.append(False)
            continue
        if it.kind == "np" and k > 0 and items[k - 1].kind in PLACE_ENDS and \
                any(i.kind in PLACES for i in out[-1]) and _kept_next(items, k):
            # "stack the blue block on the red block the green block must stay put": the stop left out
            out.append([it])
            hard.append(False)
            continue
        if it.kind == "COMMA" and kept_before_placing(items, k):  # "keep the bowl still, red blk to tray"
            out.append([])
            hard.append(True)
            continue
        if it.kind in ("STOP", "THEN", "FIRST", "BEFORE") or (
                it.kind in ("COMMA", "AND") and nxt is not None and (
                    nxt.kind in VERB_LIKE or nxt.kind == "WITHOUT" or (
                        nxt.kind == "np" and (has_copula_after(items, k) or kept_after_placing(items, k))))):
            follows_words = bool(out[-1])
            out.append([])
            hard.append(it.kind in ("STOP", "THEN", "FIRST", "BEFORE"))
            if it.kind == "BEFORE" or (it.kind == "FIRST" and it.text in ("after", "once") and follows_words):
                out[-1].append(it)
            continue
        out[-1].append(it)
    pieces = [(c, h) for c, h in zip(out, hard) if c]
    for k, (c, h) in enumerate(pieces):
        if c and c[0].kind == "BEFORE" and k + 1 < len(pieces):  # "before A, B": B comes first
            pieces[k], pieces[k + 1] = (pieces[k + 1][0], h), (c[1:], True)
        elif c and c[0].kind == "FIRST" and k > 0:  # "B after A" (said after B): A comes first
            pieces[k - 1], pieces[k] = (c[1:], pieces[k - 1][1]), (pieces[k - 1][0], True)
    pieces = [(c, h) for c, h in pieces if c]  # "red after": an "after" with nothing after it says no step
    for k in range(len(pieces) - 1, 0, -1):
        (c, h), (after, h_after) = pieces[k - 1], pieces[k]
        if (h or k == 1) and [i.kind for i in c] == ["np"] and not h_after and after[0].kind == "VERB":
            # "... . yellow block, proceed into the tray": the object spoken to opens its own sentence's step
            pieces[k - 1:k + 1] = [(c + after, h)]
    merged: list[list[Item]] = []
    verb: list[Item] = []
    listed = False  # the piece before only said which objects there are
    kind = ""
    for c, starts_hard in pieces:
        # "there are two zones, the blue one and another": "another" names one more, no word of its own
        opens = bool(c) and c[0].kind == "ALREADY" and c[0].text in INTRODUCING and \
            only_objects([i for i in c[1:] if i.kind != "OTHER"])
        if opens or listed and not merged and only_objects(c):
            # "there are two bowls: the green bowl and another one", "bowls: red and blue": the list says which
            listed = True
            kind = "" if opens else kind
            for i in c[1:] if opens else c:  # "there are two bowls, a red one and a green one": the ones are bowls
                if i.kind == "np" and i.value.ref is not None and i.value.ref.select == "other":
                    continue  # "another one": one more, named by none of its own words
                if i.kind == "np" and i.value.ref is not None:
                    kind = i.value.ref.kind
                    introduced.append(i.value.ref)
                elif i.kind == "np" and i.value.color and kind:
                    introduced.append(Ref(kind, i.value.color))
            continue
        listed = False
        verbs = [i for i in c if i.kind in VERB_LIKE]
        if verbs:
            verb = verbs[:1]
        elif starts_hard and merged and any(i.kind == "np" for i in c) and not wished(c) and (any(
                i.kind in ("REL", "TO", "CORNER", "MIDDLE") for i in c) or any(
                i.kind == "VERB" and i.value == "go" for i in verb)):
            merged.append(verb + c)  # "..., then the yellow block into the red bowl": the same verb
            continue
        elif starts_hard and merged and not any(i.kind == "np" for i in c) and \
                any(i.kind == "SIDE" for i in c) and any(i.kind == "amount" for i in c):
            merged.append(verb + c)  # "move it 5 cm right, then 5 cm forward": the same verb and object
            continue
        elif starts_hard and merged and only_objects(c):
            again = done_again(merged[-1], c)
            if again is not None:  # "put the green ball in the tray and then the pink ball"
                merged.append(again)
                continue
        acting = any(i.kind in VERB_LIKE + ("COPULA", "ALREADY", "STACKED", "OUT_OF_REACH", "WITHOUT",
                                             "NOT") for i in c) or (any(i.kind == "WHERE" for i in c) and (
            starts_hard and any(i.kind == "np" for i in c) or kept_by_name(c))) or wished(c)  # "; the X must stay put"
        if merged and not acting and not is_start(merged[-1]):
            merged[-1] = merged[-1] + c
        elif not acting and not merged:
            merged.append(c)
        elif merged and not any(i.kind in VERB_LIKE + ("COPULA",) for i in merged[-1]) and \
                not is_start(merged[-1]) and not wished(merged[-1]) and not sent_before_negation(merged[-1], c) \
                and not any(i.kind in ("NOT", "WITHOUT", "WHERE") for i in merged[-1]) and \
                not (starts_hard and wished(c)):
            # (a piece that keeps something where it is, "the plate stays put.", is a constraint of its own; a
            # wish after "then" is a step of its own)
            merged[-1] = merged[-1] + c
        else:
            merged.append(c)
    return merged, introduced
