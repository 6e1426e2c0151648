"""Jamaican Patois ("tek di", "pon", "inna", "di block dem", "weh it deh", "nuh lift it") read in English."""

from __future__ import annotations

import pytest

from .readings import start_states, tree, want


@pytest.mark.parametrize("text, goal", [
    ("tek di pink ball an drop it inna di brown tray", "in(pink ball, brown tray)"),
    ("set di orange cube pon top a di white cube", "on(orange block, white block)"),
    ("carry all a di ball dem go a di front left corner", "at_place(all balls, front_left)"),
    ("put di gray block to di right a di crate, but nuh badda touch di crate",
     "all(right_of(gray block, crate), unmoved(crate))"),
    ("move di cyan block so it deh a di left side a di bowl", "left_of(cyan block, bowl)"),
    ("slide di yellow cube inna di green zone, nuh lift it",
     "all(in(yellow block, green zone), never_lifted(yellow block))"),
    ("every cube weh nuh blue, put dem pon di plate", "on(except(all blocks, blue block), plate)"),
    ("tek di ball weh deh closest to di robot an put it inna di crate", "in(nearest(ball, robot), crate)"),
    ("put di red cube inna di bowl, den mek di odda cube go pon di plate",
     "then(in(red block, bowl), on(other(block, red block), plate))"),
    ("gwaan shub di brown block inna di pink zone", "all(in(brown block, pink zone), never_lifted(brown block))"),
    ("put di white ball ova deh so, behind di tray", "behind(white ball, tray)"),
    ("put di ball dem inna dem own colour crate", "sorted_into(all balls, all crates)"),
    ("mek di robot drive go a di gray cone", "near(robot, gray cone)"),
    ("nuh touch di plate, jus put di ball dem inna dem colour tray",
     "all(sorted_into(all balls, all trays), unmoved(plate))"),
])
def test_patois_read_in_english(text, goal):
    assert tree(text) == want(goal)


def test_deh_says_where_it_is_at_the_start():
    text = "di blue block deh pon di plate; shif it go a di back right corner"
    assert tree(text) == want("at_place(blue block, back_right)")
    assert start_states(text) == [want("on(blue block, plate)")]


def test_english_go_is_not_patois():
    # no Patois word: "the ball go in" is English, its "go" the verb itself
    assert tree("can the pink ball go in the crate?") == want("in(pink ball, crate)")
