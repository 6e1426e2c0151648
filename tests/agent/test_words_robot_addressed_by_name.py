"""The robot addressed by name before the words ("robot, ...", "okay robot: ...") is not one of the objects the
words say things of."""

from __future__ import annotations

from .readings import start_states, tree, want


def test_the_robot_named_before_how_things_are_is_not_placed_there():
    text = "okay robot, the cubes are on the plate, clear it"
    assert tree(text) == want("not(on(all blocks, plate))")
    assert start_states(text) == [want("on(all blocks, plate)")]


def test_the_robot_named_before_an_order():
    assert tree("Robot: the ball goes beside the crate") == want("next_to(ball, crate)")
