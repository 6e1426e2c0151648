"""Sizes said with "the" that pick one object, self-corrections (a pronoun or "one" in the words said again,
"actually" after a clause), groups less some said with "besides" / "bar" / "the other ...", the table's sides
as its edges, ranked sizes and counts said without a number; readings these rules must leave alone stay."""

from __future__ import annotations

import pytest

from aspire_tui.agent.goal import canonical
from aspire_tui.agent.words import read

from .readings import refusal, tree


@pytest.mark.parametrize("text, goal", [
    # a size after "the" picks the object of that size among its kind
    ("move the small dish onto the plate", "on(smallest(bowl), plate)"),
    ("set the large cube in the tray", "in(largest(block), tray)"),
    ("put the big green ball in the bowl", "in(largest(green ball), bowl)"),
    ("there is a big cube and a little cube; put the big one on the plate", "on(largest(block), plate)"),
    # "one" with a size picks among the several the words said there are, not the kind said last
    ("there are two trays. drop the cube in the little one", "in(block, smallest(tray))"),
    # a rank before a size, as before a side
    ("put the second biggest cube on the plate", "on(largest(block, 2), plate)"),
    ("put the third smallest ball in the tray", "in(smallest(ball, 3), tray)"),
])
def test_sizes_pick_one(text, goal):
    assert tree(text) == goal


@pytest.mark.parametrize("text, goal", [
    # after "a" a size only describes; "a little" before no noun stays an amount
    ("there is a small cube. put it in the bowl", "in(block, bowl)"),
    ("shift the cube a little to the right", "moved(block, right, 0.05)"),
    ("give the ball a little push to the left", "all(moved(ball, left, 0.05), never_lifted(ball))"),
    # a plural after the size picks no one object
    ("put the big cubes in the tray", "in(all blocks, tray)"),
    ("put the smallest block in the bowl", "in(smallest(block), bowl)"),
])
def test_sizes_left_alone(text, goal):
    assert tree(text) == goal


def test_a_size_keeps_what_cannot_be_done():
    assert refusal("put the tray inside the small bowl") == "impossible"


@pytest.mark.parametrize("text, goal", [
    # a pronoun in the words said again stands for the landmark taken back with its relation
    ("set the ball in front of the tray, sorry, behind it", "behind(ball, tray)"),
    ("put the cube right of the bowl no wait left of it", "left_of(block, bowl)"),
    # "one" in a correction is of the kind of the object it takes back
    ("drive to the blue marker, no, the yellow one", "near(robot, yellow marker)"),
    ("put the pink cube, sorry, the white one in the tray", "in(white block, tray)"),
    # "actually", "on second thought" after a clause take it back
    ("put the ball in the tray. actually, put it on the plate", "on(ball, plate)"),
    ("put the cube on the plate. on second thought, put it in the dish", "in(block, bowl)"),
    # a pause before an object said again takes back the last one said
    ("put the ball on the plate, er, the tray", "in(ball, tray)"),
    ("set the pink uh white cube on the plate", "on(white block, plate)"),
    ("put the cube in the dish. nope, the tray", "in(block, tray)"),
])
def test_corrections(text, goal):
    assert tree(text) == goal


@pytest.mark.parametrize("text, goal", [
    # "actually" with nothing before it to take back says nothing
    ("actually, put the cube in the tray", "in(block, tray)"),
    # "not the red one" after a place still says where it must not go
    ("put the ball in the bowl, not the green one", "all(in(ball, bowl), not(in(green ball, bowl)))"),
    # a colour said again with "one" takes back the object said with a colour
    ("put the blue cube in the tray, no, the red one", "in(red block, tray)"),
    ("put the cube in the blue tray, no, the red one", "in(block, red tray)"),
    # a pause before a pause-free go-on says nothing
    ("put the cube, um, in the bowl", "in(block, bowl)"),
    ("put the ball on the plate, uh, put the cube in the tray", "all(in(block, tray), on(ball, plate))"),
])
def test_corrections_left_alone(text, goal):
    assert tree(text) == goal


@pytest.mark.parametrize("text, goal", [
    ("put every cube besides the white one in the tray", "in(except(all blocks, white block), tray)"),
    ("put all the balls bar the pink one in the dish", "in(except(all balls, pink ball), bowl)"),
    # "the other (remaining) ones" after one of them is named: the group less it
    ("put the red cube on the plate and the other cubes in the tray",
     "all(in(except(all blocks, red block), tray), on(red block, plate))"),
    ("put the blue ball in the bowl, then the remaining balls on the plate",
     "then(in(blue ball, bowl), on(except(all balls, blue ball), plate))"),
])
def test_groups_less_some(text, goal):
    assert tree(text) == goal


@pytest.mark.parametrize("text, goal", [
    # "besides" before another kind is "beside"; "the other" one stays the other one
    ("put the cubes besides the bowl", "next_to(all blocks, bowl)"),
    ("put the ball in the red zone, then the cube in the other zone",
     "then(in(ball, red zone), in(block, other(zone, red zone)))"),
])
def test_groups_less_some_left_alone(text, goal):
    assert tree(text) == goal


@pytest.mark.parametrize("text, goal", [
    ("line the balls up along the front of the table", "along_edge(all balls, front)"),
    ("put the cubes in a row at the right of the table", "along_edge(all blocks, right)"),
    ("put the blocks along the left side of the table", "along_edge(all blocks, left)"),
])
def test_table_sides_are_edges(text, goal):
    assert tree(text) == goal


def test_a_side_of_an_object_stays_a_relation():
    assert tree("put the ball to the left of the plate") == "left_of(ball, plate)"


@pytest.mark.parametrize("text", ["put a few of the balls on the plate", "move most of the cubes into the tray",
                                  "put many blocks in the bowl"])
def test_counts_without_a_number_are_ambiguous(text):
    assert refusal(text) == "ambiguous"


def test_a_couple_is_two():
    assert tree("put a couple of the balls in the tray") == "in(2 of balls, tray)"


@pytest.mark.parametrize("text, goal", [
    # the object named with "first" after a list goes first, the rest in the order said
    ("put the green cube and the white cube on the plate, the white one first",
     "then(on(white block, plate), on(green block, plate))"),
    ("put the pink ball and the cyan ball in the dish, the pink ball first",
     "then(in(pink ball, bowl), in(cyan ball, bowl))"),
    ("put the huge ball in the tray", "in(largest(ball), tray)"),
])
def test_first_named_and_more_sizes(text, goal):
    assert tree(text) == goal


@pytest.mark.parametrize("text, goal", [
    # a "first" that names none of the listed objects, or opens the sentence, orders nothing here
    ("first put the cube in the bowl", "in(block, bowl)"),
    ("put the cube in the bowl first", "in(block, bowl)"),
])
def test_first_left_alone(text, goal):
    assert tree(text) == goal


@pytest.mark.parametrize("text, goal", [
    # "back where it was" returns it to where it started: no direction
    ("put the cube back where it was", "unmoved(block)"),
    ("pop the balls back where they were", "unmoved(all balls)"),
    # "back" alone stays a direction
    ("move the cube back", "moved(block, back, 0.1)"),
])
def test_put_back_where_it_was(text, goal):
    assert tree(text) == goal


@pytest.mark.parametrize("text, goal, begun", [
    # a relation right after the object, then one that puts it in or on something: which object, then where
    ("put the cube next to the plate in the tray", "in(block, tray)", ["next_to(block, plate)"]),
    ("move the ball beside the dish onto the plate", "on(ball, plate)", ["next_to(ball, bowl)"]),
    ("put the cube on the plate in the bowl", "in(block, bowl)", ["on(block, plate)"]),
])
def test_described_objects(text, goal, begun):
    assert tree(text) == goal
    assert sorted(str(canonical(c)) for c in read(text).start) == begun


@pytest.mark.parametrize("text, goal", [
    # "in the bowl on the plate" may say which bowl: two places stay two places
    ("put the ball in the bowl next to the plate", "all(in(ball, bowl), next_to(ball, plate))"),
    ("put every ball besides the green one in the tray", "in(except(all balls, green ball), tray)"),
])
def test_described_objects_left_alone(text, goal):
    assert tree(text) == goal
