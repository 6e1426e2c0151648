"""What cannot go where the words send it is refused in one line as impossible, before any scene is run: a plate
wider than a tray is inside its walls, a block pushed over a bowl's rim (dev37 set, refusals)."""

from __future__ import annotations

import pytest

from aspire_tui.agent.loop import AgentError, understand


@pytest.mark.parametrize("words, says", [
    ("set the white plate down inside the gray tray", "a plate 17 cm across does not fit inside the gray tray"),
    ("shove the orange cube into the pink bowl", "the bowl's 5 cm wall is higher than a push may lift the block"),
])
def test_what_cannot_get_there_is_refused_as_impossible(words, says):
    with pytest.raises(AgentError) as e:
        understand(words)
    assert str(e.value).startswith("impossible: ") and says in str(e.value) and "\n" not in str(e.value)


@pytest.mark.parametrize("words", ["put the gray bowl in the tray", "keep the plate out of the tray"])
def test_what_fits_or_comes_out_is_not_refused(words):
    goal, _ = understand(words)
    assert goal.tree is not None
