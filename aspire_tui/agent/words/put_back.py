""""the ball rolled off the plate; put it back": "back" with no amount, after the words said the object left a
place, is back on or in that place, never a shift towards the robot."""

from __future__ import annotations

from aspire_tui.agent.goal import Cond, Ref
from aspire_tui.agent.words.grammar import Item
from aspire_tui.agent.words.lexicon import InstructionError
from aspire_tui.agent.words.steps import same_object


def refuse_unsaid_origin(items: list[Item], text: str) -> None:
    """Refuse "put it back" where the words never said where it was before ("the cube was moved into the bowl;
    put it back"): undoing a move asks for a place the words do not name, and no shift towards the robot.

    Raises:
        InstructionError: ``unreadable``, asking where it goes back to.
    """
    if _back_ends_clause(items):
        raise InstructionError(f"cannot tell where to put it back in {text[:60]!r}: the words do not say where it "
                               "was before; say where it goes, e.g. \"put the red block back on the plate\"",
                               "unreadable")


def _back_ends_clause(items: list[Item]) -> bool:
    """Whether "back" ends the clause right after the objects ("put it back", "put the cube back.")."""
    k = next((k for k, i in enumerate(items) if i.kind == "SIDE" and i.text == "back"), None)
    return not (k is None or k == 0 or items[k - 1].kind != "np" or any(i.kind not in ("STOP",) for i in items[k + 1:]))


def put_back(items: list[Item], subjects: list[Ref], start: list[Cond]) -> list[Cond]:
    """Each object put back where a start state says it was and is no longer (``not(on(X, P))``), where
    "back" ends the clause right after the objects; none where no such place was said."""
    if not _back_ends_clause(items):
        return []
    left = [c.args[0] for c in start if c.name == "not" and isinstance(c.args[0], Cond)
            and c.args[0].name in ("on", "in") and isinstance(c.args[0].args[0], Ref)]
    back = [next((c for c in left if same_object(c.args[0], [s])), None) for s in subjects]
    return [] if None in back else back  # "the cube" said bare is the cube that left
