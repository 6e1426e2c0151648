"""A researcher's spec notation, a teacher's lead-in before the ask and a player's slang read as the goals asked."""

from __future__ import annotations

import pytest

from aspire_tui.agent.words import InstructionError, read

from .readings import start_states, tree


@pytest.mark.parametrize("text, goal", [
    # symbols and identifiers of a spec; a word typing the identifier after it
    ("goal: pink cube ∈ cyan bowl", "in(pink block, cyan bowl)"),
    ("Task: relocate obj green_ball to container blue_bowl", "in(green ball, blue bowl)"),
    ("Requirement: purple block ≥ 0.15 m behind bowl", "behind(purple block, bowl, 0.15)"),
    ("Task: move block (blue) to bowl (yellow).", "in(blue block, yellow bowl)"),
    ("Task: move (red block) onto (blue block); keep (green block) fixed.",
     "all(on(red block, blue block), unmoved(green block))"),
    # a heading before a colon: dropped, or read when it says what to do
    ("Objective (navigation): husky to green marker.", "near(robot, green marker)"),
    ("Sort: blocks into bowls by colour", "sorted_into(all blocks, all bowls)"),
    ("Sequence: (1) red ball → plate; (2) blue ball → plate.", "then(on(red ball, plate), on(blue ball, plate))"),
    ("Blocks: stack red on green on blue.", "stacked(red block, green block, blue block)"),
    # a goal heading makes "is" how things are to be, not how they are
    ("Goal: the red block is in the bowl.", "in(red block, bowl)"),
    # a verbless send, then an object kept where it is: two clauses
    ("Goal: largest block on plate; smallest block untouched.", "all(on(largest(block), plate), unmoved(smallest(block)))"),
    ("Task: yellow block → left of tray. Constraint: tray remains stationary.",
     "all(left_of(yellow block, tray), unmoved(tray))"),
    # a bracket that says the relation again, or the frame of reference, asks nothing more
    ("Target: cyan ball adjacent to (either side of) white block.", "next_to(cyan ball, white block)"),
    ("Goal: place blue block in front of yellow plate (robot frame).", "in_front_of(blue block, yellow plate)"),
    ("goal: yellow block +15 cm to the right (relative to start)", "moved(yellow block, right, 0.15)"),
    # a teacher's lead-in of words not read, around no object of its own
    ("Good morning! Today we will practise placing objects. Your job is to pick up the green ball and set it down "
     "on the white plate.", "on(green ball, white plate)"),
    ("Sometimes a robot needs a tool. The aim here is to drag the green block towards the robot using the hook.",
     "in_reach(green block)"),
    ("We have three blocks on the table today. Your job is to line them up from left to right: red, green, blue.",
     "in_line([red block, green block, blue block], left_to_right)"),
    # finding an object only says which one the next verb acts on
    ("The aim here is to find the block nearest the back of the table and place it on the plate.",
     "on(backmost(block), plate)"),
    # a corner said in two parts
    ("Please move the red ball to the corner at the front on the right.", "at_place(red ball, front_right)"),
    ("put the red block in the front corner on the left", "at_place(red block, front_left)"),
    # the ordinal's "from the front" is which block, not an order
    ("move the 2nd block from the front to the back left corner", "at_place(frontmost(block, 2), back_left)"),
    # "in between" at the end of a tower's description: the middle block
    ("build a tower with all three blocks, the blue one at the top and the red one at the bottom, green in between",
     "stacked(blue block, green block, red block)"),
    # the list after "there are two bowls:" only says which bowls there are
    ("There are two bowls: the green bowl and another one. Put the red block in the green bowl and the blue block "
     "in the other bowl.", "all(in(blue block, other(bowl, green bowl)), in(red block, green bowl))"),
    # a player's slang, the husky by name
    ("yeet the ball in the bowl", "in(ball, bowl)"),
    ("ez: chuck the blue cube in the yellow bowl lol", "in(blue block, yellow bowl)"),
    ("husky go brrr to the blue marker", "near(robot, blue marker)"),
    ("Task: husky navigates to nearest marker.", "near(robot, nearest(marker, robot))"),
])
def test_reads(text, goal):
    assert tree(text) == goal


@pytest.mark.parametrize("text, goal, starts", [
    ("init: red block on blue block (stacked). goal: red block in green zone.", "in(red block, green zone)",
     ["on(red block, blue block)"]),
    ("Initial condition: green ball in blue bowl. Target: green ball on yellow plate.", "on(green ball, yellow plate)",
     ["in(green ball, blue bowl)"]),
    ("Before we begin, note that the brown block is sitting on the plate. Your task is to move it into the yellow "
     "tray.", "in(brown block, yellow tray)", ["on(brown block, plate)"]),
    ("the cube's chillin in the tray, get it out and onto the plate", "on(block, plate)", ["in(block, tray)"]),
])
def test_reads_start_states(text, goal, starts):
    assert tree(text) == goal and start_states(text) == starts


@pytest.mark.parametrize("text, reason", [
    # a lead-in is dropped only where it acts on no named object: a word not read beside one is still refused
    ("Move the block like a smiley. Then put the red ball in the bowl.", "unreadable"),
    ("Good afternoon class.", "unreadable"),
    ("Task: blorp the red block.", "unreadable"),
    ("put the red ball in between the two bowls", "unreadable"),
    ("find the red block", "unreadable"),
    ("Objects: red bowl, green bowl. Task: put blue block in bowl.", "ambiguous"),
    ("Bowls: red and blue. Put the ball in the bowl.", "ambiguous"),
    ("theres a pink tray and a cyan tray, yeet the ball in the tray", "ambiguous"),
    ("Take the husky out of the room and into the corridor.", "impossible"),
    ("Goal: banana ∈ bowl", "unknown_kind"),
])
def test_refuses(text, reason):
    with pytest.raises(InstructionError) as err:
        read(text)
    assert err.value.reason == reason
