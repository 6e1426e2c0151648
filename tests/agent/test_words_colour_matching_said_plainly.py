"""Sorting by colour said in everyday ways: the colours that are to match ("so the colours match"), the moved
object said again ("the tray with the same colour as the cube"), a home for each object, colours in the plural
("the reds"), and a sort spelled out group by group into holders of their own colour."""

from __future__ import annotations

import pytest

from .readings import refusal, tree, want


@pytest.mark.parametrize("text, goal", [
    ("drop the cubes in the trays so that their colours match", "sorted_into(all blocks, all trays)"),
    ("put the balls on the plates so the colors match up", "sorted_into(all balls, all plates)"),
    ("place every cube in the tray with the same colour as the cube", "sorted_into(all blocks, all trays)"),
    ("each ball goes back home into the bowl of its own colour", "sorted_into(all balls, all bowls)"),
])
def test_sorting_by_colour_said_plainly(text, goal):
    assert tree(text) == want(goal)


def test_taking_something_home_still_leaves_the_table():
    assert refusal("carry the blue ball home") == "impossible"


def test_a_sort_named_then_spelled_out_step_by_step_is_the_steps():
    text = "This lesson is about sorting. First put the pink ball in the pink tray, then the cyan ball in the cyan tray."
    assert tree(text) == want("then(in(pink ball, pink tray), in(cyan ball, cyan tray))")


def test_a_bare_sort_before_another_task_still_sorts():
    assert tree("sort by colour, then put the ball on the plate") == \
        want("then(sorted_into(all blocks, all bowls), on(ball, plate))")


@pytest.mark.parametrize("text, goal", [
    ("put the greens in the green tray and the whites in the white tray",
     "all(in(all green blocks, green tray), in(all white blocks, white tray))"),
    ("tidy the balls: the pinks on the pink plate, the grays on the gray plate",
     "all(on(all pink balls, pink plate), on(all gray balls, gray plate))"),
])
def test_a_colour_in_the_plural_is_every_object_of_that_colour(text, goal):
    assert tree(text) == want(goal)


def test_a_sort_with_each_group_given_its_own_holder_puts_each_there():
    assert tree("sort the cubes: yellow cubes into the yellow bowl, black cubes into the black bowl") == \
        want("all(in(all yellow blocks, yellow bowl), in(all black blocks, black bowl))")
