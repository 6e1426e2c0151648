"""A learner who says the place after its object says a side ("the bowl left side"), the top ("the cube top of",
"the cube of top"), a relation denied ("the tray into not") and a distance from an edge ("the table edge from
5 cm") after it too; an object named alone before a dash is the topic the rest says where to put."""

from __future__ import annotations

import pytest

from .readings import refusal, tree, want


@pytest.mark.parametrize("text, goal", [
    ("Pink ball, green bowl left side, put please.", "left_of(pink ball, green bowl)"),
    ("White cube, black cube top of put.", "on(white block, black block)"),
    ("Yellow block, blue block of top, please place.", "on(yellow block, blue block)"),
    ("Orange ball — tray into, please.", "in(orange ball, tray)"),
    ("Cyan cube — red plate next to.", "next_to(cyan block, red plate)"),
])
def test_a_place_said_after_its_object(text, goal):
    assert tree(text) == want(goal)


@pytest.mark.parametrize("text, reason", [
    ("Red ball, crate into, and crate into not.", "contradiction"),
    ("Blue cube, table edge from 5 cm, put.", "unreadable"),
    ("put the blue cube 5 cm from the table edge", "unreadable"),
])
def test_a_denial_or_a_distance_from_an_edge_said_after(text, reason):
    assert refusal(text) == reason


def test_a_dash_after_words_that_name_no_object_is_a_pause():
    assert tree("first thing — put the red block in the bowl") == want("in(red block, bowl)")
