"""Reading instructions: phrasings that are not the task files' templates, and one-line errors."""

from __future__ import annotations

import pytest

from aspire_tui.agent.instruction import InstructionError, align, parse
from sim.tasks import get_task


def understood(text: str, scene: str | None = None):
    goal = parse(text, scene)
    return align(goal, get_task(goal.family))


@pytest.mark.parametrize("text, family, slots", [
    ("drop the blue cube into the white dish", "pick_place_bowl", {"block": "blue block", "bowl": "white bowl"}),
    ("could you grab the purple brick and put it inside the pink bowl?", "pick_place_bowl",
     {"block": "purple block", "bowl": "pink bowl"}),
    ("stack the red cube on the blue one", "stack_two", {"top": "red block", "bottom": "blue block"}),
    ("pile the yellow brick on top of the green block", "stack_two", {"top": "yellow block", "bottom": "green block"}),
    ("put the green block under the red block", "stack_two", {"top": "red block", "bottom": "green block"}),
    ("put the orange block on the white block, then the red block on the orange block", "stack_three",
     {"top": "red block", "middle": "orange block", "bottom": "white block"}),
    ("make a tower with the white block at the bottom, then the orange block, then the red block", "stack_three",
     {"top": "red block", "middle": "orange block", "bottom": "white block"}),
    ("put the purple block on the left side of the pink bowl", "place_beside",
     {"block": "purple block", "bowl": "pink bowl", "side": "to the left of"}),
    ("place the red cube behind the grey plate", "place_front_back",
     {"block": "red block", "plate": "gray plate", "side": "behind"}),
    ("head over to the yellow goal", "navigate_goal", {"goal": "yellow marker"}),
    ("drive up to the blue barrel", "navigate_to_object", {"target": "blue barrel"}),
    ("grab the black stick and drag the yellow cube closer", "tool_use_pull",
     {"block": "yellow block", "hook": "black hook"}),
    ("pull the red block closer with the hook", "tool_use_pull", {"block": "red block", "hook": "hook"}),
    ("nudge the red cube onto the cyan area", "push_to_zone", {"block": "red block", "zone": "cyan zone"}),
    ("toss the orange ball in the cyan bin", "pick_place_tray", {"ball": "orange ball", "tray": "cyan tray"}),
    ("set the red cube down on the white saucer", "pick_place_plate", {"block": "red block", "plate": "white plate"}),
    ("put the red block right beside the blue block", "place_next_to", {"block": "red block", "anchor": "blue block"}),
    ("move the red cube into the far left corner", "place_corner", {"block": "red block", "place": "front left corner"}),
    ("line the red, blue and green cubes up", "arrange_line", {"blocks": ["red block", "blue block", "green block"]}),
])
def test_everyday_phrasings_find_the_family_and_objects(text, family, slots):
    goal = understood(text)
    assert goal.family == family
    for key, value in slots.items():
        assert goal.slots[key] == value, (key, goal.slots)


def test_sort_by_colour_needs_no_object_names():
    goal = understood("sort the cubes by colour")
    assert goal.family == "sort_by_color" and goal.relation == "sort"


def test_scene_given_overrides_the_guess():
    assert understood("put the red block on the white plate", scene="pick_place_plate").family == "pick_place_plate"


@pytest.mark.parametrize("text, words", [
    ("", "empty"),
    ("   ", "empty"),
    ("dance a jig", "no object named"),
    ("make me a sandwich with the red block", "cannot tell what to do"),
    ("put the pink block in the green bowl", "pink"),
])
def test_bad_instructions_fail_in_one_line(text, words):
    with pytest.raises(InstructionError) as info:
        understood(text)
    message = str(info.value)
    assert words in message and "\n" not in message


def test_an_object_the_family_never_holds_is_named():
    with pytest.raises(InstructionError, match="no barrel"):
        understood("put the red block in the green bowl next to the blue barrel", scene="pick_place_bowl")


def test_over_to_a_block_is_next_to_not_on_top():
    """"move the orange block over to the red block" was read as stacking (place_next_to's own template)."""
    goal = understood("move the orange block over to the red block")
    assert goal.family == "place_next_to"
    assert goal.slots == {"block": "orange block", "anchor": "red block"}


def test_every_template_instruction_of_every_family_is_understood():
    """Each family's own dev-scene instructions map back to that family and its slot phrases."""
    from sim.episode import make_episode
    from sim.tasks import builtin_tasks
    from sim.world import World

    from aspire_tui.agent.loop import _scene_matches

    world = World()
    try:
        for name in sorted(builtin_tasks()):
            for seed in range(4):
                episode = make_episode(name, seed, world=world)
                goal = understood(episode.instruction)
                assert goal.family == name, (episode.instruction, goal.family)
                assert _scene_matches(goal, get_task(name), episode) == "", (episode.instruction, goal.slots)
    finally:
        world.close()
