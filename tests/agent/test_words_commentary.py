"""A move narrated as it happens, as a commentator calls a game: the piece that "takes the plate", "retreats",
"pours into", "is nudged to", named again after its nickname; the board is the table."""

from __future__ import annotations

import pytest

from .readings import start_states, tree, want


@pytest.mark.parametrize("text, goal", [
    ("The gray cube takes the white plate.", "on(gray block, white plate)"),
    ("The pink ball retreats into the crate.", "in(pink ball, crate)"),
    ("The orange cube marches all the way to the front left corner.", "at_place(orange block, front_left)"),
    ("All the balls pour into the tray!", "in(all balls, tray)"),
    ("The cyan cube stacks onto the brown cube.", "on(cyan block, brown block)"),
    ("Each cube finds the plate of its own colour.", "sorted_into(all blocks, all plates)"),
    ("The white cube shuffles five centimetres to the left.", "moved(white block, left, 0.05)"),
    ("The black ball heads into the gray bowl.", "in(black ball, gray bowl)"),
])
def test_a_move_called_as_it_happens_is_asked(text, goal):
    assert tree(text) == want(goal)


def test_a_push_called_as_it_happens_keeps_the_object_down():
    assert tree("The gray cube slides over into the white zone.") == \
        want("all(in(gray block, white zone), never_lifted(gray block))")


def test_a_move_called_in_the_passive_is_asked():
    assert tree("The brown cube is shoved behind the crate, never leaving the board.") == \
        want("all(behind(brown block, crate), never_lifted(brown block))")
    assert tree("The white ball is carried to the centre of the board.") == want("at_place(white ball, middle)")


def test_where_the_piece_stands_said_beside_it_is_the_start():
    text = "The cyan ball, currently sitting on the plate, advances into the bowl."
    assert tree(text) == want("in(cyan ball, bowl)")
    assert start_states(text) == [want("on(cyan ball, plate)")]


def test_steps_called_one_after_another_are_a_sequence():
    assert tree("The red cube takes the bowl, and then the blue cube follows onto the plate.") == \
        want("then(in(red block, bowl), on(blue block, plate))")


def test_an_object_named_again_after_its_nickname_replaces_it():
    assert tree("The rook -- the gray cube, I should say -- drops into the white zone.") == \
        want("in(gray block, white zone)")
    assert tree("The bishop, or should I say the pink cube, goes onto the plate.") == want("on(pink block, plate)")


@pytest.mark.parametrize("text, goal", [
    ("First: the gray ball in the crate. Next: the pink ball in the crate.", "then(in(gray ball, crate), in(pink ball, crate))"),
    ("First rep: white cube on the plate. Second rep: black cube on the plate.",
     "then(on(white block, plate), on(black block, plate))"),
])
def test_a_heading_that_says_which_step_keeps_its_order(text, goal):
    assert tree(text) == want(goal)
