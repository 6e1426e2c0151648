"""One of a kind in each corner where no skill spreads that kind over the corners ("a bowl in each corner": the
corner skill picks blocks and balls): each bowl pushed to a corner of its own, so the skills that bring one object
to a point are offered to the coder (dev37 set, arrangements)."""

from __future__ import annotations

from .readings import tree, want


def test_a_bowl_for_every_corner_is_read_as_each_in_a_corner_of_its_own():
    assert tree("set one dish down in every corner of the table") == want("in_corners(all bowls)")


def test_the_skills_that_bring_one_object_to_a_point_are_offered_for_corners(lib):
    from aspire_tui.agent.loop import achieving, understand

    lib.reindex()
    goal, _ = understand("set one dish down in every corner of the table")
    offered = achieving(lib, goal)
    assert "push_to" in offered and "set_down_at" in offered, offered
