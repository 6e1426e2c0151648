"""Words become goal trees, and goal trees make their own scenes whose success check is the goal shown."""

from __future__ import annotations

import pytest

from aspire_tui.agent.goal import canonical, read_condition
from aspire_tui.agent.scene import family_for, spec_for
from aspire_tui.agent.words import InstructionError, read
from bench.understanding import SETS, load, quality


def tree(text: str) -> str:
    return str(canonical(read(text).condition))


@pytest.mark.parametrize("text, goal", [
    ("drop the blue cube into the yellow bowl", "in(blue block, yellow bowl)"),
    ("put all the cubes on the plate", "on(all blocks, plate)"),
    ("move the second brick from the left into the tray", "in(leftmost(block, 2), tray)"),
    ("take the ball nearest to the green dish and set it on the saucer", "on(nearest(ball, green bowl), plate)"),
    ("stack the grey block on the white one, then put the red block in the bowl",
     "then(on(gray block, white block), in(red block, bowl))"),
    ("slide the orange cube onto the pink square", "all(in(orange block, pink zone), never_lifted(orange block))"),
    ("shift the blue bowl 15 cm to the right", "moved(blue bowl, right, 0.15)"),
    ("put the yellow block far to the left of the plate", "left_of(yellow block, plate, 0.2)"),
    ("line up the green, red and blue blocks from left to right",
     "in_line([green block, red block, blue block], left_to_right)"),
    ("place each ball in the tray of its colour", "sorted_into(all balls, all trays)"),
    ("put the red block in the tray without touching the white bowl",
     "all(in(red block, tray), unmoved(white bowl))"),
    ("nudge the pink ball fourteen centimetres forwards", "all(moved(pink ball, front, 0.14), never_lifted(pink ball))"),
    ("head for the blue cone, the red crate and the white barrel, in that order",
     "then(near(robot, blue cone), near(robot, red crate), near(robot, white barrel))"),
    ("place the cyan cube on the black saucer. the brown ball has to stay put",
     "all(on(cyan block, black plate), unmoved(brown ball))"),
    ("set the green cube in the back left corner and the gray ball in the front right corner",
     "all(at_place(green block, back_left), at_place(gray ball, front_right))"),
])
def test_words_read_as_goal_trees(text, goal):
    assert tree(text) == str(canonical(read_condition(goal)))


def test_start_states_are_read_apart_from_the_goal():
    goal = read("The purple ball is already on the plate; put the cyan ball in the bowl.")
    assert str(goal.condition) == "in(cyan ball, bowl)"
    assert [str(s) for s in goal.start] == ["on(purple ball, plate)"]
    out = read("get the orange ball out of the tray")  # what is taken out of something starts in it
    assert str(out.condition) == "not(in(orange ball, tray))" and [str(s) for s in out.start] == ["in(orange ball, tray)"]
    assert read("make sure the orange ball is not in the tray").start == ()


def test_swapping_reads_where_things_start():
    """"swap them" exchanges the places the start states give; with nothing said about them, it is refused."""
    swapped = read("the white ball sits in the tray and the black ball is on the plate; switch them around")
    assert str(canonical(swapped.condition)) == "all(in(black ball, tray), on(white ball, plate))"
    assert str(read("the green cube is on the yellow cube. swap them").condition) == "on(yellow block, green block)"
    with pytest.raises(InstructionError, match="say where the objects are first"):
        read("swap the two bowls")


@pytest.mark.parametrize("text, reason, words", [
    ("   ", "empty", "empty"),
    ("put the gold block in the bowl", "unknown_color", "gold"),
    ("put the banana in the bowl", "unknown_kind", "banana"),
    ("make the red block round", "impossible", "shape"),
    ("put the tray in the bowl", "impossible", "tray"),
    ("throw the blue cube out of the window", "impossible", "work cell"),
    ("put the red block left of the plate and right of the plate", "contradiction", "left of"),
    ("set the ball to the left of and to the right of the tray", "contradiction", "left of"),
    ("put the pink cube in the front right corner and in the back left corner", "contradiction", "front right"),
    ("slide the cube onto the zone without moving it", "contradiction", "stay where it is"),
    ("push the block towards the statue", "unknown_kind", "statue"),
    ("cut the white cube in half", "impossible", "shape"),
    ("hum a little tune", "unreadable", "cannot tell what to do"),
])
def test_what_cannot_be_done_is_refused_in_one_line_that_names_it(text, reason, words):
    with pytest.raises(InstructionError) as e:
        read(text)
    assert e.value.reason == reason and words in str(e.value) and "\n" not in str(e.value)


def test_the_labelled_sets_read_as_labelled():
    """A floor under both hand-labelled sets (bench/instructions): the dev set the reader was improved
    on, and the held-out set nobody tunes on. The bench prints the exact figures and every miss."""
    dev, held = quality(load(SETS["dev"])), quality(load(SETS["heldout"]))
    assert dev["goal_trees_right"] >= 0.93 and dev["refusals_right"] >= 0.97, dev["misses"][:5]
    assert held["goal_trees_right"] >= 0.70 and held["refusals_right"] >= 0.85, held["misses"][:5]


def test_a_family_lends_its_scene_but_the_success_check_is_the_goal_shown():
    """"put the red block to the left of the pink bowl" borrows place_beside's ids and regions; its check
    is left_of as read, not the family's own relation-with-a-drawn-side."""
    spec, text, ids = spec_for(read("put the red block to the left of the pink bowl"))
    assert spec.variant_of == "place_beside" and spec.success_text == "left_of(block, bowl)"
    assert {o.id: o.colors for o in spec.objects} == {"block": ["red"], "bowl": ["pink"]}


def test_words_no_family_asks_for_get_a_scene_of_their_own_not_a_family_that_differs():
    """Every block in one named corner is not arrange_corners (one block per corner)."""
    goal = read("put every block in the front left corner")
    assert family_for(goal) is None
    spec, _, _ = spec_for(goal)
    assert spec.success_text == "at_place(blocks, front_left)" and spec.variant_of == ""


def test_a_made_scene_holds_the_named_objects_its_referent_and_its_start_state():
    from sim.episode import make_episode

    spec, _, ids = spec_for(read("the red block is in the blue bowl. put the cube closest to the green plate "
                                 "on the green plate"))
    for seed in range(3):
        episode = make_episode(spec, seed)
        try:
            world, bind = episode.world, episode.scene.bindings
            red = bind[ids["red block"]][0]
            bowl = bind[ids["blue bowl"]][0]
            assert world.bodies[red].color == "red" and world.bodies[bowl].color == "blue"
            from sim.predicates import in_
            assert in_(episode.context(), red, bowl)  # the start state holds in the built scene
            chosen = bind[ids["nearest(block, green plate)"]][0]
            plate = bind[ids["green plate"]][0]
            others = bind[next(o.id for o in spec.objects if o.id.startswith("other_"))]
            d = lambda n: float(((world.pose(n)[0][:2] - world.pose(plate)[0][:2]) ** 2).sum() ** 0.5)  # noqa: E731
            assert all(d(chosen) + 0.02 < d(o) for o in others)
        finally:
            episode.close()


def test_objects_said_to_be_there_make_a_bare_noun_one_of_them_or_a_question():
    assert str(read("There is a green bowl. Put the red block in the bowl.").condition) == \
        "in(red block, green bowl)"
    with pytest.raises(InstructionError) as e:
        read("There's a green bowl and a blue bowl. Put the red block in the bowl.")
    assert e.value.reason == "ambiguous"
    with pytest.raises(InstructionError):  # "before" leaves a clause empty: one line, not a traceback
        read("check the red block before. put it in the bowl")


def test_a_slip_of_the_keyboard_is_read_as_the_word_meant_but_never_as_a_negation_or_an_unknown_thing():
    assert str(read("put teh blue blokc in the yelow bowl").condition) == "in(blue block, yellow bowl)"
    with pytest.raises(InstructionError) as e:
        read("put the ball in the sack")  # one letter short of "stack", and a thing the simulator lacks
    assert e.value.reason == "unknown_kind"


def test_where_an_object_is_picks_it_out_unless_it_says_where_it_goes():
    assert str(read("put the green ball in the bowl on the right").condition) == "in(green ball, rightmost(bowl))"
    assert str(read("Put the block at the very back on the white plate.").condition) == \
        "on(backmost(block), white plate)"
    assert str(read("put the block on the left").condition) == "moved(block, left, 0.1)"
    assert str(read("put the red block at the front left corner").condition) == "at_place(red block, front_left)"


def test_a_clause_of_objects_alone_after_then_does_the_step_before_again():
    assert str(read("First put the green ball in the tray and then the pink ball.").condition) == \
        "then(in(green ball, tray), in(pink ball, tray))"
    assert str(read("put the red block in the bowl. then the blue one").condition) == \
        "then(in(red block, bowl), in(blue block, bowl))"
