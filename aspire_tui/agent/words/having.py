""""Have" and "contain": the container said first, read as the object said to be in or on it."""

from __future__ import annotations

from aspire_tui.agent.words.grammar import Item


def had(items: list[Item]) -> list[Item]:
    """"the bowl should have the ball in it", "the tray has a block on it": the container said first, as
    "the ball should be in the bowl", "a block is on the tray"; "have" elsewhere says nothing."""
    out: list[Item] = []
    k = 0
    while k < len(items):
        it = items[k]
        # "the plate should end up with the red block on it": "with" after a wish holds as "have" does
        holds = it.kind == "HAVE" or (it.kind == "WITH" and out and out[-1].kind == "MODAL" and
                                      [i.kind for i in items[k + 1:k + 3]] == ["np", "REL"])
        if not holds:
            out.append(it)
            k += 1
            continue
        modal = out.pop() if out and out[-1].kind == "MODAL" else None
        if it.text.startswith(("should", "must")):  # "should contain": the wish is in the word
            modal = Item("MODAL", "should", "should")
        if modal is None and len(out) > 1 and out[-1].kind == "np" and out[-2].kind == "MODAL":
            # "want that the bowl contains every block": the wish said before the holder is for what it holds
            modal = Item("MODAL", "should be", "should be")
        held, rel, back = (items[k + 1:k + 4] + [None, None, None])[:3]
        if out and out[-1].kind == "np" and held is not None and held.kind == "np" and rel is not None and \
                rel.kind == "REL" and back is not None and back.kind == "np" and back.value.pronoun and back.value.ref is None:
            holder = out.pop()
            out += [held, modal or Item("COPULA", "is", "is"), rel, holder]
            k += 4
            continue
        if out and out[-1].kind == "np" and held is not None and held.kind == "np" and \
                (rel is None or rel.kind in ("STOP", "COMMA", "AND", "THEN")):
            holder = out.pop()  # "the tray should contain the blue ball": the ball in the tray
            out += [held, modal or Item("COPULA", "is", "is"), Item("REL", "in", "in"), holder]
            k += 2
            continue
        out += [modal] if modal is not None else []
        k += 1
    return out
