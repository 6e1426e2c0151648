"""Words run together, suggestions put as questions, the robot's own sides, gapped shifts and steps said "in
that order" read as the goals they ask for; readings these rules must leave alone stay as they were."""

from __future__ import annotations

import pytest

from aspire_tui.agent.words import InstructionError, read

from .readings import start_states, tree


@pytest.mark.parametrize("text, goal", [
    # two known words typed without the space between them
    ("put the red block in thegreen bowl", "in(red block, green bowl)"),
    ("move the redblock to the left of the bluebowl", "left_of(red block, blue bowl)"),
    ("put the green cube onthe plate", "on(green block, plate)"),
    # a key pressed after a short verb; a slip of a thing's name right after its colour
    ("puth the green cube on the plate", "on(green block, plate)"),
    ("put the blue cube in the red bowel", "in(blue block, red bowl)"),
    ("put every block in the tray exept the yellow one", "in(except(all blocks, yellow block), tray)"),
    # suggestions and questions: the frame drops, a gerund after it is the verb, no verb puts
    ("would you mind lining up the cubes?", "in_line(all blocks)"),
    ("why not put the green block next to the red one?", "next_to(green block, red block)"),
    ("why don't you put the red ball in the bowl?", "in(red ball, bowl)"),
    ("how about moving the blue block a bit to the right?", "moved(blue block, right, 0.05)"),
    ("what about the smallest cube on the largest cube?", "on(smallest(block), largest(block))"),
    ("what if the orange cube went on top of the purple cube?", "on(orange block, purple block)"),
    # "your left" is the robot's left: which object, or where it goes
    ("put the block on your left into the bowl", "in(leftmost(block), bowl)"),
    ("put the green block on your right side of the blue block", "right_of(green block, blue block)"),
    ("nudge the red block a bit to your left", "all(moved(red block, left, 0.05), never_lifted(red block))"),
    ("put the white block on the side of the plate that faces you", "behind(white block, plate)"),
    ("put the red cube in the corner on your left that is farthest from you", "at_place(red block, front_left)"),
    # "either bowl" after two bowls were named: each of them
    ("put the red block in the red bowl and the blue block in the blue bowl without moving either bowl",
     "all(in(blue block, blue bowl), in(red block, red bowl), unmoved(blue bowl), unmoved(red bowl))"),
    # a rank said after the noun
    ("put the block second closest to the front into the pink bowl", "in(frontmost(block, 2), pink bowl)"),
    # each object shifted by the side and amount said right after it
    ("shift the green ball 20 cm right and the orange ball 10 cm left",
     "all(moved(green ball, right, 0.2), moved(orange ball, left, 0.1))"),
    # steps said in one breath, "in that order"
    ("put the red block in the blue bowl, the green block in the yellow bowl and the white ball on the plate, "
     "in that order", "then(in(red block, blue bowl), in(green block, yellow bowl), on(white ball, plate))"),
    # a pull by an amount to a side, with no tool, is a shift
    ("drag the brown crate 30 cm to the right", "moved(brown crate, right, 0.3)"),
    # a constraint clause run straight into the next verb
    ("keep the black block still while you put the green ball in the bowl",
     "all(in(green ball, bowl), unmoved(black block))"),
])
def test_reads(text: str, goal: str) -> None:
    assert tree(text) == goal


@pytest.mark.parametrize("text, goal, starts", [
    ("all the cubes are in the tray right now; take them out", "not(in(all blocks, tray))", ["in(all blocks, tray)"]),
    ("the green ball ended up in the orange bowl, can you get it out and onto the plate?", "on(green ball, plate)",
     ["in(green ball, orange bowl)"]),
    # a reason that says where a thing is: a start state, and "it" the thing
    ("since the yellow cube is already in the blue zone, push it into the red zone",
     "all(in(yellow block, red zone), never_lifted(yellow block))", ["in(yellow block, blue zone)"]),
])
def test_start_states(text: str, goal: str, starts: list[str]) -> None:
    assert tree(text) == goal
    assert start_states(text) == starts


@pytest.mark.parametrize("text, goal", [
    # a word that is two fillers run together is no split ("theme" is not "the me")
    ("Colour matching is our theme today. The aim here is to sort the cubes into the matching coloured zones.",
     "sorted_into(all blocks, all zones)"),
    # one amount and side said after two objects moves both
    ("move the red block and the blue block 10 cm left",
     "all(moved(blue block, left, 0.1), moved(red block, left, 0.1))"),
    # a pull with a tool stays a pull into reach
    ("use the hook to pull the red block 5 cm towards you", "in_reach(red block)"),
    # steps in one breath without "in that order" are all at once
    ("put the red block in the blue bowl and the green block in the yellow bowl",
     "all(in(green block, yellow bowl), in(red block, blue bowl))"),
    # a pushed object's never-lifted rule is no step of an "in that order" sequence
    ("push the red block into the blue zone, in that order",
     "all(in(red block, blue zone), never_lifted(red block))"),
    ("since the bowl is empty, put the block in it", "in(block, bowl)"),
    # "both" keeps its count; only "either" names the two things said before
    ("put the red block in the red bowl and the blue block in the blue bowl without moving both bowls",
     "all(in(blue block, blue bowl), in(red block, red bowl), unmoved(2 bowls))"),
])
def test_left_alone(text: str, goal: str) -> None:
    assert tree(text) == goal


def test_your_side_reads_as_the_side() -> None:
    # where the words put a thing, "on your left" says where, as "on the left" does
    assert tree("put the red block on your left") == tree("put the red block on the left")
    assert tree("move the cube 5 cm to your right") == "moved(block, right, 0.05)"


@pytest.mark.parametrize("text, reason", [
    ("put the pineapple in the bowl", "unknown_kind"),
    ("put the red banana in the bowl", "unknown_kind"),
    ("how are you today?", "unreadable"),
    ("could you paint the red block blue?", "impossible"),
])
def test_still_refused(text: str, reason: str) -> None:
    with pytest.raises(InstructionError) as err:
        read(text)
    assert err.value.reason == reason
