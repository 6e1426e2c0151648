"""Towers said in a formal request ("it is requested that ... be arranged as a single stack"), ended with
"finish with the ... on ...", or praised in a player's words ("would go hard") before the levels."""

from __future__ import annotations

from .readings import tree, want


def test_a_formal_request_for_one_stack() -> None:
    assert tree("It is requested that the blocks be arranged as one stack, with the yellow block at the top, "
                "the pink block in the middle and the gray block at the bottom.") == \
        want("stacked(yellow block, pink block, gray block)")


def test_finishing_with_an_object_puts_it_where_said() -> None:
    assert tree("set the white cube on the black cube, then end with the orange cube on top of the white") == \
        want("stacked(orange block, white block, black block)")


def test_a_players_praise_of_the_tower_asks_nothing_more() -> None:
    assert tree("a three block tower would go hard: green at the bottom, then red, purple on top") == \
        want("stacked(purple block, red block, green block)")
