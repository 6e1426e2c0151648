"""Words that add nothing to what is asked: a comparison with many things after the place is said ("like eggs in
a box"), "the way I ..." and "as you would ...", how two touch ("back to back"), why a place ("out of the way of
the door"); and last words that only make plain what was said ("yes, green", "cubes I mean"), with slips typed
on a night shift ("by colr", "from u")."""

from __future__ import annotations

import pytest

from .readings import tree, want


@pytest.mark.parametrize("text, goal", [
    ("put a ball in each corner of the table, like the four feet of a chair", "in_corners(all balls)"),
    ("line the cubes up along the front edge, like cups on a dresser", "along_edge(all blocks, front)"),
    ("sort the balls into the trays by colour, as you would sort socks", "sorted_into(all balls, all trays)"),
    ("put the blocks in a straight line, the way I set out my teacups", "in_line(all blocks)"),
    ("put the red cube beside the blue cube, back to back", "next_to(red block, blue block)"),
    ("move the bowl to the front left corner, out of the way of my crossword", "at_place(bowl, front_left)"),
    ("put the red ball in the... the green bowl. yes, green", "in(red ball, green bowl)"),
    ("put the yellow thing on the pink thing. cubes i mean", "on(yellow block, pink block)"),
    ("sort the cubes into the zones by colr", "sorted_into(all blocks, all zones)"),
    ("the ball nearest to u goes in the crate", "in(nearest(ball, robot), crate)"),
    ("block tower. bottom is gray cube, on it pink cube", "on(pink block, gray block)"),
])
def test_words_that_add_nothing_more(text, goal):
    assert tree(text) == want(goal)


def test_many_things_of_the_simulators_kinds_compared_are_read():
    assert tree("put the balls in the tray like the blocks in the bowl") == \
        want("all(in(all balls, tray), in(all blocks, bowl))")


def test_no_longer_denies():
    text = "Given: the red ball in the bowl. Then: the red ball no longer in the bowl."
    assert tree(text) == want("not(in(red ball, bowl))")
