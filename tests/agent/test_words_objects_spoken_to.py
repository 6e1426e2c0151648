"""An object spoken to by name ("blue ball, into the tray") is what its sentence moves, in any sentence, not only
the first: "red cube, stay put. blue ball, go to the tray." keeps the cube and moves the ball."""

from __future__ import annotations

from .readings import tree, want


def test_an_object_spoken_to_after_another_sentence_is_the_one_moved():
    assert tree("Red cube, stay put. Blue ball, go onto the plate.") == want(
        "all(unmoved(red block), on(blue ball, plate))")


def test_each_sentence_moves_its_own_object():
    assert tree("Pink block, move to the middle. Gray ball, head into the crate.") == want(
        "all(at_place(pink block, middle), in(gray ball, crate))")
