"""A step said again for a new object ("then do the same with ..."), "the same one" for the object named last,
and "one more time" or "do the needful", which ask nothing more than the task said with them."""

from __future__ import annotations

import pytest

from .readings import refusal, tree, want


@pytest.mark.parametrize("text, goal", [
    ("drop the white cube in the crate and then do the same thing with the black cube",
     "then(in(white block, crate), in(black block, crate))"),
    ("slide the orange ball into the blue zone, repeat it for the purple ball",
     "then(all(in(orange ball, blue zone), never_lifted(orange ball)), "
     "all(in(purple ball, blue zone), never_lifted(purple ball)))"),
])
def test_the_same_step_done_with_a_new_object(text, goal):
    assert tree(text) == want(goal)


def test_the_same_one_is_the_object_named_last():
    assert tree("set the green block on the plate, then lift the same one into the tray") == \
        want("then(on(green block, plate), in(green block, tray))")


def test_one_more_time_asks_nothing_more():
    assert tree("put the red cube next to the bowl one more time") == want("next_to(red block, bowl)")


def test_do_the_needful_with_a_task_asks_only_the_task():
    assert tree("please do the needful, move the gray ball next to the cone") == want("next_to(gray ball, cone)")


def test_do_the_needful_alone_asks_nothing_readable():
    assert refusal("please do the needful") == "unreadable"
