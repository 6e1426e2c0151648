"""From words alone to a validated program, through the whole loop: the goal shown is the one validated."""

from __future__ import annotations

import pytest

from aspire_tui.agent import events as ev
from aspire_tui.agent.coder import coder_for
from aspire_tui.agent.loop import run_task


@pytest.mark.parametrize("words, goal, family", [
    # a colour the family's own scenes never draw: once refused, now a scene of its own
    ("drop the blue cube into the yellow bowl", "in(blue block, yellow bowl)", "pick_place_bowl"),
    # a relation between two blocks: no family asks it; the block is set down beside the other
    ("put the red block to the left of the blue block", "left_of(red block, blue block)", ""),
    # a corner chosen by a rule, computed from the camera when the program runs
    ("move the brown block to the corner closest to the green zone",
     "at_place(brown block, nearest(corner, green zone))", ""),
])
def test_words_validate_on_the_goal_they_were_read_as(words, goal, family, lib, events):
    got, emit = events
    result = run_task(words, coder=coder_for(), library=lib, validate=2, select=1, max_iterations=4,
                      emit=emit, keyframes=False)
    understood = next(e for e in got if isinstance(e, ev.Understood))
    assert understood.goal["tree"]["goal"] == goal and understood.line.startswith(f"goal: {goal}")
    assert result.success, result.message
    assert result.validated == "2/2" and result.goal["tree"]["goal"] == goal
    assert result.family == (family or result.family) and "not kept" not in result.message
    if result.skill is not None and not family:  # a scene made from the words: its task file is kept too
        assert (lib.tasks_dir / f"{result.family}.toml").is_file()
