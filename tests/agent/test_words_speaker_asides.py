"""Ways of saying a task that ask nothing more: British spellings ("whilst"), what the speaker does meanwhile
("while I watch"), "keep your hands off" for leaving an object alone, a fond "little" before a colour, and more
verbs for what the reader already does (tipping into, wandering over to, employing a tool, segregating,
assembling a stack); words about power ("switched on"), pet names ("love") and
exclamations ("whoops!") ask nothing either; "fell" and "rolled" say where an object is now."""

from __future__ import annotations

import pytest

from aspire_tui.agent.words import InstructionError, read

from .readings import start_states, tree


@pytest.mark.parametrize("text, goal", [
    ("whilst the plate stays where it is, put the blue ball on it", "all(on(blue ball, plate), unmoved(plate))"),
    ("pop the red cube on the white plate while I wait", "on(red block, white plate)"),
    ("put the green ball in the tray whilst we look on", "in(green ball, tray)"),
    ("now stack the pink cube on the gray cube like we practised", "on(pink block, gray block)"),
    ("first things first, bung the white ball in the crate", "in(white ball, crate)"),
    ("plonk the gray tray dead centre", "at_place(gray tray, middle)"),
    # who asks, a dare, or whose turn it is: never part of what is asked
    ("Daddy says pop the orange ball on the white plate", "on(orange ball, white plate)"),
    ("i bet you can't put the purple cube in the crate!", "in(purple block, crate)"),
    ("ok, your turn! slide the red ball into the blue zone", "all(in(red ball, blue zone), never_lifted(red ball))"),
    ("pop the black cube slap bang in the middle of the table", "at_place(black block, middle)"),
    ("right then, off you go: put the brown cube on the green plate", "on(brown block, green plate)"),
    ("hands off the yellow bowl! put the cyan cube on the plate", "all(on(cyan block, plate), unmoved(yellow bowl))"),
    ("put the black ball in the tray but keep your hands off the brown ball",
     "all(in(black ball, tray), unmoved(brown ball))"),
    ("tip the red ball into the green bowl", "in(red ball, green bowl)"),
    ("wander across to the blue marker", "near(robot, blue marker)"),
    ("nip over to the green cone, then toddle back to the red marker",
     "then(near(robot, green cone), near(robot, red marker))"),
    ("Traverse to the cyan barrel and pull up beside it.", "near(robot, cyan barrel)"),
    ("employ the hook to pull the white ball into reach", "in_reach(white ball)"),
    ("segregate the balls into the bowls by colour", "sorted_into(all balls, all bowls)"),
    ("assemble a tower of the red, white and blue blocks, red on top", "stacked(red block, white block, blue block)"),
    ("construct a vertical stack with the yellow block on the orange block",
     "on(yellow block, orange block)"),
])
def test_reads(text, goal):
    assert tree(text) == goal


@pytest.mark.parametrize("text, goal", [
    # "little" before a colour is fond, not a size: the colour already says which
    ("can you put the little blue ball on the plate?", "on(blue ball, plate)"),
    ("now pop the little yellow cube in the bowl, sweetie", "in(yellow block, bowl)"),
    # where sizes are set against each other, or no colour says which, it picks by size
    ("put the little red block on the big red block", "on(smallest(red block), largest(red block))"),
    ("put the little ball on the plate", "on(smallest(ball), plate)"),
    ("pop the teeny weeny purple ball on the plate, love", "on(purple ball, plate)"),
    # "a wee nudge" is a bit, as "a little nudge" is
    ("give the white block a wee nudge towards the back",
     "all(moved(white block, back, 0.05), never_lifted(white block))"),
])
def test_little(text, goal):
    assert tree(text) == goal


@pytest.mark.parametrize("text, goal, start", [
    # how an object got somewhere ("fell", "rolled") says where it is now
    ("whoops! the green cube fell into the yellow bowl. can you take it out?", "not(in(green block, yellow bowl))",
     ["in(green block, yellow bowl)"]),
    ("the orange ball has rolled into the red zone; put it back on the plate, pet", "on(orange ball, plate)",
     ["in(orange ball, red zone)"]),
])
def test_how_it_got_there(text, goal, start):
    assert tree(text) == goal
    assert start_states(text) == start


def test_tipped_from_a_container_starts_in_it():
    text = "the blocks are all in the crate; tip them into the tray"
    assert tree(text) == "in(all blocks, tray)"
    assert start_states(text) == ["in(all blocks, crate)"]


def test_power_words_are_not_a_swap():
    # "switched on" is about power: a question about it names no task, never a swap to set up
    with pytest.raises(InstructionError) as err:
        read("has the arm been switched on yet?")
    assert err.value.reason == "unreadable" and "swap" not in str(err.value)
    assert tree("turn on the robot, then pop the green ball in the tray") == "in(green ball, tray)"
