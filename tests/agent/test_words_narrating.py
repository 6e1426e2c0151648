"""A task narrated to a small child as the robot does it ("the robot is going to put ...", "the robot's pushing
...", "bye bye balls!") read as what the robot is asked."""

from __future__ import annotations

import pytest

from .readings import start_states, tree, want


@pytest.mark.parametrize("text, goal", [
    ("Look honey, the robot is going to drop the brown ball into the gray tray! Yaaay!", "in(brown ball, gray tray)"),
    ("Robot's gonna carry the pink cube to the back left corner. There it goes!", "at_place(pink block, back_left)"),
    ("Ooh the robot's sliding the white block into the red zone. Wheee!",
     "all(in(white block, red zone), never_lifted(white block))"),
    ("Now the robot will put the cyan ball behind the crate. Clever robot!", "behind(cyan ball, crate)"),
    ("The robot puts the green cube in the bowl, and then it drives to the blue cone. Bye bye robot!",
     "then(in(green block, bowl), near(robot, blue cone))"),
])
def test_what_the_robot_is_told_doing_is_asked(text, goal):
    assert tree(text) == want(goal)


def test_the_robot_made_to_do_it_does_it():
    assert tree("make the robot roll over to the orange barrel") == want("near(robot, orange barrel)")
    assert tree("have the robot put the gray ball on the plate") == want("on(gray ball, plate)")


def test_an_object_waved_off_is_what_it_stands_for():
    assert tree("Say bye bye to the pink block! The robot's carrying it to the middle of the table.") == \
        want("at_place(pink block, middle)")


def test_what_the_robot_cannot_reach_starts_out_of_reach():
    text = "Uh oh, the robot can't reach the yellow cube! So it takes the hook and pulls it in."
    assert tree(text) == want("in_reach(yellow block)")
    assert start_states(text) == [want("not(in_reach(yellow block))")]


def test_a_robot_said_where_it_is_stays_a_start():
    # the robot "is" somewhere, not doing anything: no order read out of it
    assert tree("the robot is near the red marker; drive to the green marker") == \
        want("near(robot, green marker)")
