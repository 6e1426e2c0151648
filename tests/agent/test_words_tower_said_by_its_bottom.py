"""A tower asked of "them" with only its bottom (or top) block said ("stack em, cyan on the bottom") names no other
block to go on it: refused, in one line, as an order that cannot be told, never a tower of one block."""

from __future__ import annotations

import pytest

from .readings import refusal, tree, want


@pytest.mark.parametrize("text", [
    "stack em up, cyan on the bottom",
    "pile 'em with the gray one at the base",
    "stack em all up white on top",
])
def test_only_one_end_said_is_refused(text):
    assert refusal(text) == "ambiguous"


def test_both_ends_said_is_the_tower():
    assert tree("stack em up orange on bottom pink on top") == want("on(pink block, orange block)")
