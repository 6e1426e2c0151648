"""Words become goal trees, and goal trees make their own scenes whose success check is the goal shown."""

from __future__ import annotations

import pytest

from aspire_tui.agent.goal import canonical, read_condition
from aspire_tui.agent.scene import family_for, spec_for
from aspire_tui.agent.words import InstructionError, read
from bench.understanding import SETS, load, quality

from .readings import tree


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


@pytest.mark.parametrize("text, goal, start", [
    # an "it" said before its object is the object of the step after it
    ("without lifting it, slide the pink cube next to the tray",
     "all(next_to(pink block, tray), never_lifted(pink block))", []),
    # a relation left without its object in a negation is to the last object named
    ("set the blue ball near the white bowl and make sure it is not inside",
     "all(near(blue ball, white bowl), not(in(blue ball, white bowl)))", []),
    # "you" after "from" or a superlative is the robot; elsewhere it is filler
    ("could you put the bowl in the corner nearest to you", "at_place(bowl, nearest(corner, robot))", []),
    ("take the ball farthest from you and set it on the plate", "on(farthest(ball, robot), plate)", []),
    # directions ending in -wards, and "by" before an amount says how far, not beside what
    ("nudge the red cube leftwards by 4 cm", "all(moved(red block, left, 0.04), never_lifted(red block))", []),
    # a superlative over a group: "the smallest of the cubes"
    ("put the smallest of the cubes on the black plate", "on(smallest(block), black plate)", []),
    ("place the leftmost of the bowls in the middle", "at_place(leftmost(bowl), middle)", []),
    # "a couple of the balls" is two of them
    ("put a couple of the cubes in the tray", "in(2 of blocks, tray)", []),
    # "is to" before a relation is where it is, not what it must be
    ("the red cube is to the right of the plate right now; move it to the left of the plate",
     "left_of(red block, plate)", ["right_of(red block, plate)"]),
    # "someone left the ball in the tray": how things are, not a side
    ("somebody left the pink ball on the plate. put it in the red bowl",
     "in(pink ball, red bowl)", ["on(pink ball, plate)"]),
    # taking an object off or out of a place on the way to another is how, and says where it starts
    ("take the green block off the plate and put it in the bowl", "in(green block, bowl)", ["on(green block, plate)"]),
    # a piece that keeps something where it is stays a constraint of its own
    ("the plate stays put. put the red block in the bowl", "all(in(red block, bowl), unmoved(plate))", []),
    # "use the hook on it": what the hook is used on is pulled in
    ("the yellow ball is too far away; use the hook on it", "in_reach(yellow ball)",
     ["not(in_reach(yellow ball))"]),
    # "above" in a tower, "gather", "matched up", and a wish in "would rather"
    ("put the green block on the red block and the white block above the green one",
     "stacked(white block, green block, red block)", []),
    ("gather the balls in the back right corner", "at_place(all balls, back_right)", []),
    ("cubes into bowls, matched up by colour", "sorted_into(all blocks, all bowls)", []),
    ("the pink cube is on the plate. I would rather it was in the tray", "in(pink block, tray)",
     ["on(pink block, plate)"]),
    # "B after A" said after B: A comes first, and "the other bowl" is read after the green one
    ("put the white ball in the other bowl after putting the black ball in the green bowl",
     "then(in(black ball, green bowl), in(white ball, other(bowl, green bowl)))", []),
    # "the blue one" after "the red block in the green zone, ...": a block, not a zone
    ("put the red block in the green zone, the blue one in the other zone",
     "all(in(red block, green zone), in(blue block, other(zone, green zone)))", []),
    # a corner without the word, a side as an adjective, a phrasal "pull in", "avoiding", "a tad"
    ("set the cube down in the back right", "at_place(block, back_right)", []),
    ("put the red ball in the right bowl", "in(red ball, rightmost(bowl))", []),
    ("grab the hook and pull in the ball", "in_reach(ball)", ["not(in_reach(ball))"]),
    ("drive to the blue crate, avoiding the orange cone",
     "all(near(robot, blue crate), not(near(robot, orange cone)))", []),
    ("move the plate a tad forward", "moved(plate, front, 0.05)", []),
])
def test_everyday_ways_of_saying_goals_read_as_the_format_writes_them(text, goal, start):
    """Ways of saying that dev4 and the blind dev5 showed unread, and their neighbours: each a way, not a phrasing."""
    read_goal = read(text)
    assert str(canonical(read_goal.condition)) == str(canonical(read_condition(goal)))
    assert sorted(str(canonical(s)) for s in read_goal.start) == sorted(
        str(canonical(read_condition(s))) for s in start)


@pytest.mark.parametrize("text, reason, words", [
    ("put the rubber duck on the plate", "unknown_kind", "rubber duck"),  # unknown, where the verb's object goes
    ("place the pear in the bowl", "unknown_kind", "pear"),
    ("fit the tray into the blue bowl", "impossible", "tray"),
    ("set the cube on the plate and keep it off the plate", "contradiction", "opposite"),
    ("move the green cube and the pink cube. then put the cube in the bowl", "ambiguous", "block"),
    ("the red bowl and the blue bowl are both empty; drop the ball in the bowl", "ambiguous", "bowl"),
    ("set the ball left and right of the tray", "contradiction", "left of"),
    ("the sky is blue", "unreadable", "cannot tell what to do"),  # nothing is moved anywhere: no task
])
def test_what_the_blind_sets_showed_is_refused_for_the_right_reason(text, reason, words):
    """Objects named in a clause that asks nothing of them still count as named ("take the red block and the
    blue block. put the block ..."): a bare noun after them could be either, and is asked about."""
    with pytest.raises(InstructionError) as e:
        read(text)
    assert e.value.reason == reason and words in str(e.value)


@pytest.mark.parametrize("text, goal, start", [
    ("can you put the yellow ball in the blue bowl pleeeease", "in(yellow ball, blue bowl)", []),  # drawn out
    ("put evry ball on the plate", "on(all balls, plate)", []),  # a letter dropped from a word of how many
    ("put the red block behnd the tray", "behind(red block, tray)", []),  # ... or of where
    ("put the green cube in the white bowl, then put the pink cube in it as well",
     "then(in(green block, white bowl), in(pink block, white bowl))", []),  # "in it": a container
    ("put the ball in the green bowl and the block in the other one",
     "all(in(ball, green bowl), in(block, other(bowl, green bowl)))", []),  # "the other one": a bowl
    ("Hello robot! Put the red block in the bowl.", "in(red block, bowl)", []),  # a greeting beside the task
    ("Task: stack the blue block on the red block.", "on(blue block, red block)", []),  # a heading
    ("your task is to put the red ball on the plate", "on(red ball, plate)", []),  # a frame
    ("put the orange ball in the tray, that would be great", "in(orange ball, tray)", []),  # thanks
    ("robot, stack the red block on the green block", "on(red block, green block)", []),  # said to the robot
    ("the blue block is on the green block. put the white block on top", "on(white block, blue block)",
     ["on(blue block, green block)"]),
    ("the blue block is on the green block; put the white block on top to make a tower of three",
     "stacked(white block, blue block, green block)", ["on(blue block, green block)"]),
    ("the robot is at the blue marker. go to the green marker", "near(robot, green marker)",
     ["near(robot, blue marker)"]),
    ("the red cube is in the blue zone. leave it there and put the yellow cube next to it",
     "all(next_to(yellow block, red block), unmoved(red block))", ["in(red block, blue zone)"]),
    ("put the pink ball in front of the black bowl, so the bowl is between you and the ball",
     "in_front_of(pink ball, black bowl)", []),  # the goal said again, not a start state
    ("put the cube that is on the plate in the bowl", "in(block, bowl)", ["on(block, plate)"]),
    ("move the pink block far away from the robot", "moved(pink block, front, 0.2)", []),
    ("put the block in the bowl and leave it in place", "in(block, bowl)", []),  # stays there: no contradiction
    ("pick up the red cube from the green plate and place the cube on the white plate",
     "on(red block, white plate)", ["on(red block, green plate)"]),  # where it is taken from: a start
    ("lift the yellow ball out of the red bowl and drop the ball in the tray", "in(yellow ball, tray)",
     ["in(yellow ball, red bowl)"]),  # "the ball" is the yellow ball taken out
    ("put the brown cube left of the tray, then put the gray cube right of it",
     "then(left_of(brown block, tray), right_of(gray block, tray))", []),  # both beside one landmark
])
def test_what_dev6_showed_unread_reads_as_the_format_writes_it(text, goal, start):
    """Ways of saying that dev4 and the blind dev6 showed misread, and their neighbours: each a way, not a
    phrasing of a labelled case."""
    read_goal = read(text)
    assert str(canonical(read_goal.condition)) == str(canonical(read_condition(goal)))
    assert sorted(str(canonical(s)) for s in read_goal.start) == sorted(
        str(canonical(read_condition(s))) for s in start)


@pytest.mark.parametrize("text, reason, words", [
    ("turn the yellow ball into a block", "impossible", "shape"),  # "into" a thing nothing goes into
    ("make the red block into a ball", "impossible", "shape"),
    ("colour the cube red", "impossible", "colour"),  # "colour" as the verb
    ("flip the table", "impossible", "table"),
    ("lift the robot up", "impossible", "itself"),
    ("put the hook inside the tray", "impossible", "hook"),  # "hook" after a verb is the tool moved
    ("take the red block home", "impossible", "work cell"),
    ("shift the red ball 5 cm right and leave it where it is", "contradiction", "red ball"),
    ("put the green ball next to the bowl and far from the bowl", "contradiction", "opposite"),
    ("put the navy-blue block in the tray", "unknown_color", "navy-blue"),  # one shade, not two colours
    ("put the blue-green ball in the bowl", "unknown_color", "blue-green"),
    ("put the fuchsia cube on the plate", "unknown_color", "fuchsia"),
    ("pick up the cat", "unknown_kind", "cat"),  # the whole object of a moving verb
    ("put the block in the closet", "unknown_kind", "closet"),  # a real word is not mended into "closest"
    ("put the ball in the sack", "unknown_kind", "sack"),
    ("put the red ball in the other bowl", "ambiguous", "other bowl"),  # other than no bowl named
    ("there are two trays, a black one and a white one. put the ball in the tray", "ambiguous", "tray"),
    ("there are two plates. put the cube on the plate", "ambiguous", "plate"),
    ("put the cube next to the red ball and the blue ball, then put the ball in the tray", "ambiguous", "ball"),
    ("put the green ball inside the yellow ball", "impossible", "inside a ball"),
    ("put the tray on the ball and the ball in the tray", "contradiction", "each"),
    ("Hello robot!", "unreadable", "cannot tell"),  # a greeting alone is still no task
    ("blarg the snib onto the frob", "unreadable", "blarg"),
])
def test_what_dev6_showed_is_refused_for_the_right_reason(text, reason, words):
    """Asks no robot can do, colours and things the simulator lacks, and words with nothing to refer to are
    refused with their reason, never read as some other goal."""
    with pytest.raises(InstructionError) as e:
        read(text)
    assert e.value.reason == reason and words in str(e.value)


@pytest.mark.parametrize("text, goal, start", [
    ("stak the green block on the yellow block", "on(green block, yellow block)", []),  # a letter left out
    ("set the blu cube on the plate", "on(blue block, plate)", []),  # ... of a colour, before its noun
    ("Plaes the red block in the bowl", "in(red block, bowl)", []),  # "places" less a letter, opening a clause
    ("plsce the red cube in the bowl", "in(red block, bowl)", []),  # a key beside the one meant
    ("the robot moves the red cube 5 cm to the left", "moved(red block, left, 0.05)", []),  # a verb's -s form
    ("I want that the gray ball is in the green bowl", "in(gray ball, green bowl)", []),  # a wish, not a start
    ("what I'd like, if it isn't too much trouble, is for the blue block to end up in the yellow bowl",
     "in(blue block, yellow bowl)", []),  # a frame around the task, with politeness inside it
    ("put the red block in the bowl (and I know the table is a bit of a mess)", "in(red block, bowl)", []),
    ("put the grey cube just behind the white bowl (so a bit closer to you)", "behind(gray block, white bowl)",
     []),  # a bracket that says the relation again adds no distance
    ("me want blue block on top red block", "on(blue block, red block)", []),  # "on top" without "of"
    ("get the cyan block to the back right corner, but it must never leave the table",
     "all(at_place(cyan block, back_right), never_lifted(cyan block))", []),
    ("move the purple block 10 cm left, the grey bowl must stay put",
     "all(moved(purple block, left, 0.1), unmoved(gray bowl))", []),  # a kept object after a comma
    ("the red block should end up to the left of the plate, not on it",
     "all(left_of(red block, plate), not(on(red block, plate)))", []),  # a "should" step, then what must not be
    ("the white block was put in the green zone by mistake, move it into the blue zone",
     "in(white block, blue zone)", ["in(white block, green zone)"]),  # done before: a start state
    ("put the red, green, and blue blocks in the bowl", "in([red block, green block, blue block], bowl)", []),
    ("put the blue block and the orange in the bowl", "all(in(blue block, bowl), in(orange block, bowl))", []),
    ("Build a tower: orange at the bottom, purple in the middle, pink on top.",
     "stacked(pink block, purple block, orange block)", []),  # colours alone as labels of one kind
    ("move the red block to the left, the bowl is about 20 cm away", "moved(red block, left, 0.1)", []),
    ("put the red block left of the bowl, which is 20 cm from the plate", "left_of(red block, bowl)", []),
    ("move the brown block 1 ft to the left", "moved(brown block, left, 0.3048)", []),
    ("move the red block 4in to the right", "moved(red block, right, 0.1016)", []),
    ("put the blue ball in the tray and the red and green ones on the plate",
     "all(in(blue ball, tray), on([red ball, green ball], plate))", []),  # every colour of "ones", of the kind moved
])
def test_what_dev7_showed_unread_reads_as_the_format_writes_it(text, goal, start):
    """Ways of saying that the blind dev7 showed misread, and their neighbours: slips that only the place of a
    word mends, wishes and frames around the task, remarks and distances said of how things are, colour lists,
    feet and inches."""
    read_goal = read(text)
    assert str(canonical(read_goal.condition)) == str(canonical(read_condition(goal)))
    assert sorted(str(canonical(s)) for s in read_goal.start) == sorted(
        str(canonical(read_condition(s))) for s in start)


@pytest.mark.parametrize("text, reason, words", [
    ("check the red block before. put it in the bowl", "unreadable", "check"),  # a real word, not "chuck"
    ("I had pasta for lunch.", "unreadable", "had"),  # not "head": short verbs lose no letters
    ("put the ball in the sack", "unknown_kind", "sack"),  # only a clause's first word is mended into a verb
    ("put the orange in the bowl", "unknown_kind", "orange"),  # a colour alone with no kind before it: a thing
    ("put the red block in the bowl, then move the blue block", "unreadable", "blue block"),  # moved nowhere
    ("arrange the cubes (like a smiley)", "unreadable", "smiley"),  # a bracket that may change the task
])
def test_what_dev7_showed_is_refused_with_the_words_not_read(text, reason, words):
    """A clause or word the reader cannot place is refused, naming it, never dropped or guessed past."""
    with pytest.raises(InstructionError) as e:
        read(text)
    assert e.value.reason == reason and words in str(e.value)


def test_remarks_and_mended_slips_are_noted_on_the_goal():
    notes = read("put the red block in the bowl (the table is a mess) - the bowl is 20 cm from the plate").notes
    assert any("the table is a mess" in n for n in notes) and any("20 cm" in n for n in notes)
    assert "read 'blu' as 'blue'" in read("put the blu cube in the bowl").notes


def test_a_long_list_of_colours_is_one_group_of_all_of_them():
    # its parse time is measured by bench.understanding (parse p95), not here
    colours = ["red", "green", "blue", "yellow", "orange", "purple", "pink", "cyan", "white", "black", "brown",
               "gray"] * 3
    text = "put the " + ", ".join(colours[:29]) + " and " + colours[29] + " blocks in the bowl"
    goal = read(text)
    assert [m.color for m in goal.condition.args[0].members] == colours[:30]


def same_tree(text: str, want: str) -> bool:
    return tree(text) == str(canonical(read_condition(want)))


@pytest.mark.parametrize("text, goal", [
    # technical verbs and the arm's own words
    ("translate the green ball 5 cm to the right", "moved(green ball, right, 0.05)"),
    ("displace the bowl a lot toward the robot", "moved(bowl, back, 0.2)"),
    ("with the end effector, release the cube over the tray", "in(block, tray)"),
    ("move the tray 10 cm in the direction away from the robot", "moved(tray, front, 0.1)"),
    ("shift the plate to the robot's left by 20 cm", "moved(plate, left, 0.2)"),
    # the state to reach, said instead of an action
    ("target configuration: the ball is on the plate and the cube is in the tray",
     "all(on(ball, plate), in(block, tray))"),
    ("we need the purple cube inside the green dish", "in(purple block, green bowl)"),
    ("the basket should contain the white ball", "in(white ball, tray)"),
    ("the saucer must have the blue cube on it", "on(blue block, plate)"),
    ("the red bowl is where the yellow ball belongs", "in(yellow ball, red bowl)"),
    ("the tray should end up with the pink block in it", "in(pink block, tray)"),
    ("I'd like the red, white and blue cubes stacked with the white one at the bottom",
     "stacked(red block, blue block, white block)"),
    # questions, introduced objects, perfect tense and gerunds that open a clause
    ("would it be possible to drop the cube in the tray?", "in(block, tray)"),
    ("Here is a brown ball. Place it on the plate.", "on(brown ball, plate)"),
    ("put the ball in the tray once you have moved the cube onto the plate", "then(on(block, plate), in(ball, tray))"),
    ("begin by lifting the red cube onto the plate, then put the ball in the bowl",
     "then(on(red block, plate), in(ball, bowl))"),
    # comparisons with the robot and the sides of an object
    ("put the cube nearer to the robot than the tray", "behind(block, tray)"),
    ("set the ball on the side of the red bowl farthest from you", "in_front_of(ball, red bowl)"),
    ("move the block to the right of the tray while the bowl stays put", "all(right_of(block, tray), unmoved(bowl))"),
])
def test_what_dev8_showed_is_read(text, goal):
    assert same_tree(text, goal), tree(text)


@pytest.mark.parametrize("text, goal", [
    # objects named after a place go there too; beside a landmark, a second one is a second landmark
    ("drop the yellow ball in the tray and the red ball", "all(in(yellow ball, tray), in(red ball, tray))"),
    ("put the cube on the plate and the ball as well", "all(on(block, plate), on(ball, plate))"),
    ("place the cube beside the red bowl and the green bowl",
     "all(next_to(block, red bowl), next_to(block, green bowl))"),
    ("put the ball in the bowl with the hook", "in(ball, bowl)"),  # "with": the means, not one more object
    # "the green one": one more of the kind last moved, as object; of the kind last placed by, as place
    ("put the yellow ball on the plate, then the pink one in the bowl",
     "then(on(yellow ball, plate), in(pink ball, bowl))"),
    ("drop the red cube in the blue tray and the green cube in the white one",
     "all(in(red block, blue tray), in(green block, white tray))"),
    # what is excluded is read, never dropped
    ("the white block should end up on the plate, not the black block",
     "all(on(white block, plate), not(on(black block, plate)))"),
    ("put the green ball, not the red one, in the tray", "all(in(green ball, tray), not(in(red ball, tray)))"),
    ("put the cubes in the tray, not the bowl", "all(in(all blocks, tray), not(in(all blocks, bowl)))"),
    ("slide the cube 5 cm left, not the ball", "all(moved(block, left, 0.05), never_lifted(block), unmoved(ball))"),
])
def test_every_object_and_exclusion_named_is_read(text, goal):
    assert same_tree(text, goal), tree(text)


@pytest.mark.parametrize("text, goal", [
    ("put all the balls except the blue one on the plate", "on(except(all balls, blue ball), plate)"),
    ("every cube but the green one goes in the tray", "in(except(all blocks, green block), tray)"),
    ("put all the balls in the bowl and leave the red one where it is",
     "all(in(except(all balls, red ball), bowl), unmoved(red ball))"),
    ("move the blocks other than the green one to the back left corner",
     "at_place(except(all blocks, green block), back_left)"),
    ("every ball apart from the yellow one into the tray", "in(except(all balls, yellow ball), tray)"),
    ("put the blocks that are not red in the bowl", "in(except(all blocks, red block), bowl)"),
    ("put all the non-red blocks in the bowl", "in(except(all blocks, red block), bowl)"),
    ("put all the cubes in the bowl but the blue", "in(except(all blocks, blue block), bowl)"),
    ("put every block except the red and blue ones in the bowl", "in(except(all blocks, red block, blue block), bowl)"),
    # "not the red one" after the place: the red block is left out, and must not end there
    ("put all the blocks in the bowl, not the red one",
     "all(in(except(all blocks, red block), bowl), not(in(red block, bowl)))"),
])
def test_a_group_less_some_of_it_is_one_reference(text, goal):
    """The group less the members said is one reference; nothing is asked of the one left out unless the
    words ask it."""
    assert same_tree(text, goal), tree(text)


@pytest.mark.parametrize("text, words", [
    ("put everything except the red block in the tray", "except"),
    ("put the red block to the left of the plate, about 5 cm from the edge of the table", "5 cm from the edge"),
    ("tidy up the workspace, then put the ball in the bowl", "tidy"),
    ("put the cube in the bowl with the ball", "ball"),
])
def test_what_the_reader_cannot_read_is_refused_by_name(text, words):
    """A group less some of it, a distance from an edge, a filler standing for a verb, an object with no place:
    refused naming the words, never read as something else or dropped."""
    with pytest.raises(InstructionError) as e:
        read(text)
    assert e.value.reason == "unreadable" and words in str(e.value), str(e.value)


@pytest.mark.parametrize("text, goal", [
    # a correction takes back the last words of the same kind: a colour, a place, a side, a whole clause
    ("put the red uh no the blue block in the bowl", "in(blue block, bowl)"),
    ("set the ball on the plate sorry i mean in the tray", "in(ball, tray)"),
    ("put the cube in the orange - wait, no, the green bowl", "in(block, green bowl)"),
    ("shift the bowl right no left by 5 cm", "moved(bowl, left, 0.05)"),
    ("drive to the red cone actually make that the white barrel", "near(robot, white barrel)"),
    ("put the red block in the blue bowl actually no put it in the green bowl", "in(red block, green bowl)"),
    # an object alone said again takes back the object of its kind, wherever it was said in the clause
    ("put the red block in the bowl, no, the blue block", "in(blue block, bowl)"),
    ("put the ball in the red bowl no the white ball", "in(white ball, red bowl)"),
    # a bare "no" between words of two kinds still says no
    ("put the yellow block next to the bowl and no block on the plate",
     "all(next_to(yellow block, bowl), not(on(yellow block, plate)))"),
])
def test_a_correction_replaces_what_it_takes_back(text, goal):
    assert same_tree(text, goal), tree(text)


@pytest.mark.parametrize("text, goal", [
    # a teacher's numbered steps are a sequence
    ("Step 1: put the green cube on the plate. Step 2: put the ball in the tray.",
     "then(on(green block, plate), in(ball, tray))"),
    ("step one grab the ball step two drop it in the bowl", "in(ball, bowl)"),
    # speech with no "and" or stop: a new verb after how things are, or after a verb and its object
    ("the ball is in the bowl right now move it onto the plate", "on(ball, plate)"),
    ("there's a pink block on the white block put the pink one in the tray", "in(pink block, tray)"),
    ("grab the cube stick it in the bowl and then grab the ball and drop it on the plate",
     "then(in(block, bowl), on(ball, plate))"),
    ("do not lift the red cube just slide it 5 cm left", "all(moved(red block, left, 0.05), never_lifted(red block))"),
    # "drop off", the robot's view said aloud, "left" the verb, the middle paired like a corner
    ("drop off the green ball in the tray", "in(green ball, tray)"),
    ("from where the robot stands put the cube to the right of the plate", "right_of(block, plate)"),
    ("the bowl should be left with the ball in it", "in(ball, bowl)"),
    ("put the ball in the middle and the cube in the front right corner",
     "all(at_place(ball, middle), at_place(block, front_right))"),
    # "the blue one" after a bare "the cube" is another block; "it" is what was placed last
    ("put the cube on the plate and then the blue one next to it", "then(on(block, plate), next_to(blue block, block))"),
    ("drop the ball in the bowl but not the green one", "all(in(ball, bowl), not(in(green ball, bowl)))"),
])
def test_what_dev9_showed_is_read(text, goal):
    assert same_tree(text, goal), tree(text)


def test_a_part_of_the_robot_is_named_when_it_is_what_to_move_and_dropped_when_it_is_the_means():
    for text in ("move the end effector above the red block",
                 "put the cube in the bowl and then push the end effector against the plate"):
        with pytest.raises(InstructionError) as e:
            read(text)
        assert e.value.reason == "unreadable" and "end effector" in str(e.value), str(e.value)
    assert same_tree("using the gripper, put the cube on the plate", "on(block, plate)")


def test_a_bare_noun_said_before_the_one_set_against_it_is_not_that_one():
    """ "the cube ..., then the blue one": two blocks; a bare "the bowl" after "the green bowl" is still that bowl."""
    assert same_tree("put the ball in the green bowl, then the cube in the bowl",
                     "then(in(ball, green bowl), in(block, green bowl))")
    assert "blue block, plate" not in tree("put the cube on the plate and then the blue one in the bowl")


@pytest.mark.parametrize("text, goal", [
    # a lab notebook's shorthand: "blk", "grn", and an arrow for "put ... in / on"
    ("red blk -> grn bowl", "in(red block, green bowl)"),
    ("stack red blk on blu blk on grn blk", "stacked(red block, blue block, green block)"),
    # a verbless arrow before a negation is a task of its own, not what must not move
    ("red blk -> tray, don't move the bowls", "all(in(red block, tray), unmoved(all bowls))"),
    # a forum post asking how: the frame around the task drops out
    ("hey so I'm trying to get the arm to drop the red cube in the green bowl, any ideas?",
     "in(red block, green bowl)"),
    ("hey, how do I get the bot to move the blue bowl to the middle of the table?", "at_place(blue bowl, middle)"),
    ("nav -> grn marker", "near(robot, green marker)"),
    # "once" / "as soon as" a state holds: a first step, not how things are
    ("once the red ball is in the bowl, move the blue ball into the tray",
     "then(in(red ball, bowl), in(blue ball, tray))"),
    ("step one is the green ball into the tray and after that the green block onto the plate",
     "then(in(green ball, tray), on(green block, plate))"),
    # a wish after a negation is a clause of its own, not one more thing that must not move
    ("the plate should not move and the red block should be on the plate",
     "all(on(red block, plate), unmoved(plate))"),
    # a comparison with the robot right after a noun picks the object; after the verb it is a direction
    ("put the ball nearer to the robot in the bowl", "in(nearest(ball, robot), bowl)"),
    ("move the ball closer to the robot", "moved(ball, back, 0.1)"),
])
def test_what_dev10_showed_is_read(text, goal):
    assert same_tree(text, goal), tree(text)


def test_given_when_then_is_a_start_and_a_goal():
    """Acceptance criteria: "given" says how things are (or only which objects there are), "then" the goal."""
    goal = read("Given the yellow cube is on the blue cube, when the robot is done, then the yellow cube is in the bowl")
    assert str(canonical(goal.condition)) == "in(yellow block, bowl)"
    assert [str(s) for s in goal.start] == ["on(yellow block, blue block)"]
    assert same_tree("Given four balls, when done, then the balls form a straight line", "in_line(all balls)")
    with pytest.raises(InstructionError) as e:  # both bowls count as named: "the bowl" is either
        read("Given a green bowl and a blue bowl, when done, then the red block is in the bowl")
    assert e.value.reason == "ambiguous"
    for acting in ("the robot has finished", "the arm stops", "the task is executed"):
        assert same_tree(f"Given a red block, when {acting}, then the red block is on the plate", "on(red block, plate)")
    # a "when" that changes the goal is read, not dropped: a push keeps the block on the table
    assert same_tree("given a red block, when the robot pushes it, then the red block is in the green zone",
                     "all(in(red block, green zone), never_lifted(red block))")
