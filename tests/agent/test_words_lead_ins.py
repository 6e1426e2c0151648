""""please", "hey robot,", "okay so" before an instruction and "thanks!", ", ok?" after it ask nothing: the rules for
a whole instruction's shape (given/when/then, "final state:", "your job is to ...", "take them out" at the end)
read it as they read it said bare."""

from __future__ import annotations

import pytest

from aspire_tui.agent.words.lead_ins import without_lead_in, without_tag_on

from .readings import tree, want


@pytest.mark.parametrize("text, goal", [
    ("okay so given two blocks, when done, then the red block is on the blue block", "on(red block, blue block)"),
    ("please your job is to move the green block to the middle of the table", "at_place(green block, middle)"),
    ("hey robot, final state: the yellow ball resting in the tray.", "in(yellow ball, tray)"),
    ("Alright then, put the pink ball on the white plate", "on(pink ball, white plate)"),
])
def test_a_lead_in_leaves_the_task_as_said_bare(text, goal):
    assert tree(text) == want(goal)


def test_only_the_opening_words_go():
    assert without_lead_in("ok so please stack the cubes, ok?") == "stack the cubes, ok?"
    assert without_lead_in("right of the plate: blue blk") == "right of the plate: blue blk"  # a place, not "right so"
    assert without_lead_in("please") == "please"  # nothing after it: kept, and refused as saying nothing


@pytest.mark.parametrize("text, goal", [
    ("the blue ball is in the crate; lift it out, ok?", "not(in(blue ball, crate))"),
    ("if the green cube is in the tray, take it out thanks!", "not(in(green block, tray))"),
    ("cubes: bowl, cheers", "in(all blocks, bowl)"),
])
def test_thanks_or_ok_tagged_on_leave_the_task_as_said_bare(text, goal):
    assert tree(text) == want(goal)


def test_only_the_closing_words_go():
    assert without_tag_on("put the ball in the bowl, thank you so much!") == "put the ball in the bowl"
    assert without_tag_on("move it to the left, okay?") == "move it to the left"
    assert without_tag_on("thanks!") == "thanks!"
