"""What the word reader makes of words, in the forms tests compare: the goal tree and the start states in
canonical form, or the reason a refusal gives."""

from __future__ import annotations

import pytest

from aspire_tui.agent.goal import canonical, read_condition
from aspire_tui.agent.words import InstructionError, read


def tree(text: str) -> str:
    """The goal the words read as, in canonical form."""
    return str(canonical(read(text).condition))


def start_states(text: str) -> list[str]:
    """The start states the words imply, in canonical form, sorted."""
    return sorted(str(canonical(c)) for c in read(text).start)


def want(goal: str) -> str:
    """A labelled goal in the canonical form `tree` gives."""
    return str(canonical(read_condition(goal)))


def refusal(text: str) -> str:
    """The reason the reader refuses the words with (the test fails if it reads them)."""
    with pytest.raises(InstructionError) as err:
        read(text)
    return err.value.reason
