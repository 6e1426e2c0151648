""""the rest", "the others": the other objects of the kind just moved; "A to the left and B to the right":
each moves its own way (it was read as A beside B, a goal nobody asked for)."""

import pytest

from tests.agent.readings import tree, want

READINGS = [
    ("drop the yellow ball in the tray and the rest in the bowl",
     "all(in(yellow ball, tray), in(except(all balls, yellow ball), bowl))"),
    ("set the cyan cube on the plate, then put the others in the zone",
     "then(on(cyan block, plate), in(except(all blocks, cyan block), zone))"),
    ("the white block stays where it is; the rest of the blocks go in the tray",
     "all(in(except(all blocks, white block), tray), unmoved(white block))"),
    ("slide the pink cube to the front and the gray cube to the back",
     "all(moved(pink block, front, 0.1), moved(gray block, back, 0.1), never_lifted(pink block), "
     "never_lifted(gray block))"),
    ("shift the black ball 20 cm to the right and the white ball to the left",
     "all(moved(black ball, right, 0.2), moved(white ball, left, 0.1))"),
]


@pytest.mark.parametrize("text, goal", READINGS)
def test_the_rest_and_a_way_each(text, goal):
    assert tree(text) == want(goal)
