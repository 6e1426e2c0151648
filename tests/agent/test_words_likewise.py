"""An object said to go "likewise", "similarly" or "same way" goes where the one before went; the scene told after a
comma ("..., there's a red plate and a blue plate") is heard as it is after a full stop."""

from __future__ import annotations

import pytest

from .readings import refusal, tree, want


@pytest.mark.parametrize("text", [
    "drop the gray ball in the tray, likewise the cyan ball",
    "drop the gray ball in the tray, same way the cyan ball also",
])
def test_likewise_goes_the_same_way(text):
    assert tree(text) == want("all(in(gray ball, tray), in(cyan ball, tray))")


def test_scene_told_after_a_comma_still_makes_the_bowl_ambiguous():
    assert refusal("put the ball in the bowl, there's a white bowl and a black bowl") == "ambiguous"



def test_one_more_object_said_with_also():
    assert tree("the white ball put inside the crate, the black one also") == \
        want("all(in(white ball, crate), in(black ball, crate))")
