"""An object kept where it is, then moved as "it" in the next clause, cannot do both: refused as a
contradiction; "it" after a kept holder still stands for the holder."""

from __future__ import annotations

from .readings import refusal, tree, want


def test_keeping_an_object_and_moving_it_contradict():
    assert refusal("leave the green ball where it is and then roll it into the tray") == "contradiction"


def test_it_after_a_kept_holder_is_the_holder():
    assert tree("keep the crate where it is and drop the white cube into it") == \
        want("all(in(white block, crate), unmoved(crate))")
