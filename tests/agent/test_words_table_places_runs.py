"""A wide object pushed to a corner where a block already stands, lines of objects the words did not list
one by one, and words with an emoji in them: read, given a scene, run and validated on the goal shown."""

from __future__ import annotations

import pytest

from .word_runs import first_program_run, validated_as


@pytest.mark.parametrize("words, goal", [
    # the balls in any order: the line only has to run the way the words say
    pytest.param("set the balls in a line from right to left", "in_line(all balls, right_to_left)",
                 marks=pytest.mark.slow),
    # three blocks of one colour: found by the camera one by one, not by one phrase that names all three
    pytest.param("put the green blocks in a row along the back edge", "along_edge(all green blocks, back)",
                 marks=pytest.mark.slow),
    # the task file keeps the words as they are: an emoji is no escaped surrogate pair TOML rejects
    ("put the green block on the plate 😀", "on(green block, plate)"),
])
def test_words_validate_on_the_goal_they_were_read_as(words, goal, lib, events):
    validated_as(words, goal, lib, events)


@pytest.mark.parametrize("words, seed", [
    # a block stood where the tray goes: no push was clear, until it was set aside
    ("move the tray to the front left corner", 506),
    ("move the tray to the front left corner", 517),
    # pushed slantwise, the fingertip stopped short of the tray's side: seven pushes that never touched it
    ("slide the tray into the back right corner", 602),
    ("slide the tray into the back right corner", 603),
])
def test_what_stands_in_a_corner_is_no_obstacle(words, seed, tmp_path):
    trace = first_program_run(words, seed, tmp_path / "runs")
    assert trace.outcome == "succeeded", trace.failure_reason


def _line_check(words: str, order: list[int], axis: int) -> bool:
    """The scene's own check of the words' goal, with the group's members stood 8 cm apart along ``axis`` (0:
    front-back, 1: left-right) in ``order`` (indexes into the members as the scene made them)."""
    from aspire_tui.agent.scene import spec_for
    from aspire_tui.agent.words import read
    from sim.episode import make_episode

    spec, _, ids = spec_for(read(words))
    episode = make_episode(spec, 0)
    try:
        group = next(names for oid, names in episode.scene.bindings.items() if len(names) > 1)
        for k, m in enumerate(order[:len(group)]):
            x, y = (0.40 + 0.08 * k, 0.0) if axis == 0 else (0.5, 0.15 - 0.08 * k)
            z = float(episode.world.pose(group[m])[0][2])
            episode.world.put(group[m], (x, y, z))
        return episode.evaluate()["success"]
    finally:
        episode.close()


def test_a_group_not_listed_lines_up_in_any_order_but_the_way_said():
    # left to right: from +y to -y
    assert _line_check("line the cubes up from left to right", [1, 0, 2], axis=1)
    assert _line_check("line the cubes up from left to right", [0, 1, 2], axis=1)
    assert not _line_check("line the cubes up from left to right", [0, 1, 2], axis=0)  # front to back instead


def test_a_listed_group_keeps_its_order():
    words = "put the red, green and blue blocks in a row from left to right"
    assert _line_check(words, [0, 1, 2], axis=1)
    assert not _line_check(words, [1, 0, 2], axis=1)
