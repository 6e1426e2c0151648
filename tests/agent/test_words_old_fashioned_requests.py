"""An old-fashioned "please" ("would you be so good as to", "be kind enough to", "I wonder if you might") says how a
task is asked, and a lab's or a tidier's verbs ("dispense", "aliquot", "cluster") say where objects go, as "put"
does."""

from __future__ import annotations

import pytest

from .readings import tree, want


@pytest.mark.parametrize("text, goal", [
    ("Would you be so good as to set the white cube behind the tray?", "behind(white block, tray)"),
    ("be kind enough to drop the pink ball in the crate", "in(pink ball, crate)"),
    ("could you be good enough to move the plate to the back right corner", "at_place(plate, back_right)"),
    ("put the gray ball on the plate, if you would be so good", "on(gray ball, plate)"),
    ("would you be ever so kind as to stack the red cube on the black cube", "on(red block, black block)"),
    ("I wondered whether you might perhaps move the bowl to the front left corner", "at_place(bowl, front_left)"),
    ("Could I trouble you to set the cone behind the barrel?", "behind(cone, barrel)"),
    ("would it bother you terribly to put the white ball in the crate", "in(white ball, crate)"),
    ("so sorry to be a nuisance, but could the pink cube go on the plate?", "on(pink block, plate)"),
    ("kindly arrange for the orange ball to rest in the crate", "in(orange ball, crate)"),
])
def test_an_old_fashioned_please_asks_nothing(text, goal):
    assert tree(text) == want(goal)


@pytest.mark.parametrize("text, goal", [
    ("dispense the cyan ball into the tray", "in(cyan ball, tray)"),
    ("aliquot the cubes into the bowls by colour", "sorted_into(all blocks, all bowls)"),
    ("cluster the cubes in the front right corner", "at_place(all blocks, front_right)"),
    ("huddle the three balls in the middle of the table", "at_place(3 balls, middle)"),
])
def test_verbs_that_gather_or_dispense_put_objects_somewhere(text, goal):
    assert tree(text) == want(goal)


@pytest.mark.parametrize("text, goal", [
    ("group the cubes in the front right corner", "at_place(all blocks, front_right)"),
    ("please group all the balls in the centre of the table", "at_place(all balls, middle)"),
])
def test_grouping_at_one_place_gathers_the_objects_there(text, goal):
    assert tree(text) == want(goal)


def test_grouping_by_colour_is_still_a_sort():
    assert tree("group the balls by colour into the trays") == want("sorted_into(all balls, all trays)")


def test_ever_so_only_softens_an_amount():
    assert tree("would you move the plate ever so slightly to the right") == want("moved(plate, right, 0.05)")
