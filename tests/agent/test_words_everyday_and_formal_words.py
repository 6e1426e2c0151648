"""Words of everyday and of formal English the reader knows: "dunk" puts an object in, "no cap" is a player's
aside, holders "colour coded" are only said to be there, "whose colour matches its own" sorts by colour, "no
less than" gives the least distance, and two objects listed "side by side" are beside each other."""

from __future__ import annotations

import pytest

from .readings import tree, want


def test_dunking_puts_an_object_in() -> None:
    assert tree("dunk the gray ball into the blue bowl") == want("in(gray ball, blue bowl)")


def test_no_cap_is_an_aside() -> None:
    assert tree("no cap, put the cyan cube on the plate") == want("on(cyan block, plate)")


@pytest.mark.parametrize("text, goal", [
    ("the trays are color-coded; each ball goes to its matching tray", "sorted_into(all balls, all trays)"),
    ("The cubes shall be placed into the crates whose colour matches their own.",
     "sorted_into(all blocks, all crates)"),
])
def test_colour_coded_holders_and_matching_colours_sort(text: str, goal: str) -> None:
    assert tree(text) == want(goal)


def test_no_less_than_gives_the_least_distance() -> None:
    assert tree("place the pink ball behind the tray, not less than 15 cm away") == \
        want("behind(pink ball, tray, 0.15)")


@pytest.mark.parametrize("text, goal", [
    ("ball red, ball blue, side by side", "next_to(red ball, blue ball)"),
    ("the plate, the bowl, next to each other please", "next_to(plate, bowl)"),
])
def test_two_objects_listed_side_by_side_are_beside_each_other(text: str, goal: str) -> None:
    assert tree(text) == want(goal)


def test_three_objects_listed_side_by_side_are_a_row() -> None:
    assert tree("put the red block, the blue block, the green block side by side") == \
        want("in_line([red block, blue block, green block])")


@pytest.mark.parametrize("text, goal", [
    ("The balls are to be distributed amongst the corners of the table.", "in_corners(all balls)"),
    ("space the four cubes out so that each one has its own corner", "in_corners(4 blocks)"),
])
def test_one_object_to_each_corner(text: str, goal: str) -> None:
    assert tree(text) == want(goal)


@pytest.mark.parametrize("text, goal", [
    ("put the cubes in a row running away from you, black first, then white, then gray",
     "in_line([black block, white block, gray block], back_to_front)"),
    ("the balls in a line going away from the robot, pink first then cyan",
     "in_line([pink ball, cyan ball], back_to_front)"),
])
def test_a_line_that_runs_away_from_the_robot_starts_nearest_it(text: str, goal: str) -> None:
    assert tree(text) == want(goal)


@pytest.mark.parametrize("text, goal", [
    ("could each cube go into the tray that matches it?", "sorted_into(all blocks, all trays)"),
    ("can every ball go in the blue crate", "in(all balls, blue crate)"),
])
def test_go_after_each_object_says_where_it_is_to_be(text: str, goal: str) -> None:
    assert tree(text) == want(goal)
