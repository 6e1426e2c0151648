"""A warehouse worker's words: loading and unloading crates and totes, staging and returning things, and the
colours and arrows typed short ("yel", "wht", ">")."""

from __future__ import annotations

import pytest

from .readings import start_states, tree, want


@pytest.mark.parametrize("text, goal", [
    ("return the pink cube to the bowl", "in(pink block, bowl)"),
    ("stage the white barrel next to the cone", "next_to(white barrel, cone)"),
    ("stage the cones along the front edge", "along_edge(all cones, front)"),
    ("pop the green ball into the tote", "in(green ball, crate)"),
    ("pnk ball on wht plate", "on(pink ball, white plate)"),
    ("gry blk in brn bowl", "in(gray block, brown bowl)"),
])
def test_reads(text, goal):
    assert tree(text) == want(goal)


@pytest.mark.parametrize("text, goal, start", [
    # what is unloaded from a crate was inside it to begin with
    ("unload the red cube from the crate and put it on the plate", "on(red block, plate)", ["in(red block, crate)"]),
    ("take the yellow ball from the crate into the bowl", "in(yellow ball, bowl)", ["in(yellow ball, crate)"]),
])
def test_taken_from_a_crate(text, goal, start):
    assert tree(text) == want(goal)
    assert start_states(text) == start


@pytest.mark.parametrize("text, goal", [
    ("orange blk > gray bowl", "in(orange block, gray bowl)"),
    ("ylw ball >> tote", "in(yellow ball, crate)"),
])
def test_an_arrow_typed_short_sends_the_thing(text, goal):
    assert tree(text) == want(goal)


@pytest.mark.parametrize("text, goal", [
    ("pack both balls into the crate", "in(2 balls, crate)"),
    ("offload the cyan cube onto the gray plate", "on(cyan block, gray plate)"),
])
def test_packing_and_offloading(text, goal):
    assert tree(text) == want(goal)
