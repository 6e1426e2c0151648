"""A director's blocking notes: the table is the stage and the robot an actor facing the audience across it, so
"stage left" is the robot's left, "downstage" in front (farther from the robot), "upstage" behind; props cross to
places, hit or hold their marks, and beats are steps in turn."""

from __future__ import annotations

import pytest

from .readings import tree, want


@pytest.mark.parametrize("text, goal", [
    ("the green ball crosses stage right of the tray", "right_of(green ball, tray)"),
    ("put the yellow cube upstage of the bowl", "behind(yellow block, bowl)"),
    ("downstage of the plate, the black ball", "in_front_of(black ball, plate)"),
    ("the brown cube ends the scene in the upstage right corner", "at_place(brown block, back_right)"),
    ("the orange block finishes downstage left", "at_place(orange block, front_left)"),
    ("centre stage for the red ball, please", "at_place(red ball, middle)"),
    ("slide the cyan cube downstage 5 cm", "all(moved(cyan block, front, 0.05), never_lifted(cyan block))"),
])
def test_stage_places_are_table_places(text, goal):
    assert tree(text) == want(goal)


@pytest.mark.parametrize("text, goal", [
    ("both balls cross to the red zone", "in(2 balls, red zone)"),
    ("make an entrance, then cross over to the purple marker", "near(robot, purple marker)"),
    ("blue cube, hit your mark on the white plate", "on(blue block, white plate)"),
    ("the gray ball rides on the green cube for the rest of the act", "on(gray ball, green block)"),
    ("the pink ball holds its position; the red cube crosses to the bowl",
     "all(in(red block, bowl), unmoved(pink ball))"),
    ("the front left corner: that is where the white cube belongs", "at_place(white block, front_left)"),
])
def test_blocking_verbs_move_props(text, goal):
    assert tree(text) == want(goal)


def test_beats_are_steps_in_turn():
    assert tree("beat 1, the red ball into the crate. beat 2, the blue ball onto the plate") == want(
        "then(in(red ball, crate), on(blue ball, plate))")
    assert tree("the cube goes in the bowl. on the following beat, the ball goes on the plate") == want(
        "then(in(block, bowl), on(ball, plate))")


@pytest.mark.parametrize("text, goal", [
    ("the pink ball enters from stage left and crosses to the tray", "in(pink ball, tray)"),
    ("cue the green cube: it crosses downstage left", "at_place(green block, front_left)"),
    ("the red ball cheats out a bit stage right", "moved(red ball, right, 0.05)"),
    ("strike the white cube to the back left corner", "at_place(white block, back_left)"),
    ("put the cyan ball on its mark, centre stage", "at_place(cyan ball, middle)"),
    ("act 1: the red cube onto the plate. act 2: the blue cube onto the red cube",
     "then(on(red block, plate), on(blue block, red block))"),
])
def test_more_of_a_directors_words(text, goal):
    assert tree(text) == want(goal)


def test_lights_up_on_an_object_says_where_it_starts():
    from .readings import start_states
    text = "lights up on the yellow cube beside the crate. it crosses into the crate"
    assert tree(text) == want("in(yellow block, crate)")
    assert start_states(text) == ["next_to(yellow block, crate)"]
