"""A story before the task may name its places with a colour the simulator lacks ("the Gold Coast", "the Silver
Mountains"): before a word not read, that colour is part of a name, and the story is no part of the task. The
colour said of an object, or alone, is still refused."""

from __future__ import annotations

import pytest

from .readings import refusal, tree


@pytest.mark.parametrize("text, goal", [
    ("Long ago the elves of the Silver Mountains sang. Put the blue ball in the tray.", "in(blue ball, tray)"),
    ("Pirates sailed the Amber Sea. Stack the red cube on the white cube.", "on(red block, white block)"),
    # "it" in the story, before any object is named, is the story's own thing
    ("The old bridge collapsed and the villagers beg you to rebuild it. Put the green cube on the blue cube.",
     "on(green block, blue block)"),
])
def test_reads(text, goal):
    assert tree(text) == goal


@pytest.mark.parametrize("text", [
    "Silver. Put it in the bowl.",
    "The silver ball is shiny. Put the red block in the bowl.",
    "put the maroon cube on the plate",
])
def test_a_colour_of_an_object_is_refused(text):
    assert refusal(text) == "unknown_color"

