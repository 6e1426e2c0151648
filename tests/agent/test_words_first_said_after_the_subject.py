""""The ball should first go on the plate and then into the bowl": "first" said after the object and its "should"
opens the first of the steps, as it does said before them."""

from __future__ import annotations

from .readings import tree, want


def test_first_after_should_orders_the_steps():
    assert tree("the green cube must first be set on the tray and then moved onto the plate") == \
        want("then(in(green block, tray), on(green block, plate))")


def test_first_after_is_in_a_wish_orders_the_steps():
    assert tree("Then the ball is first put in the crate and then put beside the bowl.") == \
        want("then(in(ball, crate), next_to(ball, bowl))")
