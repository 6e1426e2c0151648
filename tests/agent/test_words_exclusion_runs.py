"""A group less some of it ("every block except the red one") and a goal that something must not be so ("get
the ball off the plate"): read, given a scene, run and validated on the goal shown, through the whole loop."""

from __future__ import annotations

import pytest

from aspire_tui.agent import events as ev
from aspire_tui.agent.coder import coder_for
from aspire_tui.agent.goal import Goal, read_condition
from aspire_tui.agent.loop import run_task
from aspire_tui.agent.plan import plan_goal
from aspire_tui.agent.program import write_program
from aspire_tui.agent.scene import spec_for
from aspire_tui.agent.words import read
from sim.episode import make_episode

from .tree_goals import seed_skills
from .word_runs import run_words, validated_as


@pytest.mark.parametrize("words, goal", [
    ("put every block except the red one in the bowl", "in(except(all blocks, red block), bowl)"),
    ("move the blocks other than the green one to the corners", "in_corners(except(all blocks, green block))"),
    ("stack all the blocks except the blue one", "stacked(except(all blocks, blue block))"),
    ("put the blocks that are not red in the tray, and leave the red one alone",
     "all(in(except(all blocks, red block), tray), unmoved(red block))"),
])
def test_a_group_less_some_of_it_validates_on_the_goal_shown(words, goal, lib, events):
    validated_as(words, goal, lib, events)


@pytest.mark.parametrize("words", ["put every block except the red one in the bowl",
                                   "put the blocks that are not red in the bowl"])
def test_the_scene_holds_the_one_left_out_and_at_least_two_others(words):
    tree = read(words)
    spec, text, ids = spec_for(tree)
    assert spec.success_text == "in(blocks, bowl)"  # nothing asked of the red block
    group = next(o for o in spec.objects if o.id == ids["except(all blocks, red block)"])
    assert "red" not in group.colors and group.count[0] >= 2
    for seed in range(4):
        episode = make_episode(spec, seed)
        try:
            members = episode.scene.bindings[group.id]
            assert len(members) >= 2 and all(episode.world.bodies[m].color != "red" for m in members)
            assert [n for n in episode.world.bodies if n.startswith("red_block")] == episode.scene.bindings["red_block"]
        finally:
            episode.close()


def test_the_program_finds_the_group_by_the_camera_and_leaves_out_the_one_excluded(tmp_path):
    from aspire_tui.agent.loop import goal_for
    from aspire_tui.runner.pool import run_program

    from .tree_goals import SEED_SKILLS

    tree = read("put every block except the red one in the bowl")
    spec, _, ids = spec_for(tree)
    goal = goal_for(tree, spec, ids)
    source = write_program(goal, plan_goal(tree, seed_skills()), seed_skills())
    assert "_chosen(robot, 'block', ARGS['bowl'], leave=(ARGS['red_block'],))" in source
    assert "red_block': 'red block'" in source and "bindings" not in source
    trace = run_program(source, spec, 1, skills_dir=SEED_SKILLS, runs_dir=tmp_path / "runs", keyframes=False,
                        scene_args=True)
    held = {r.held_object for r in trace.records if r.held_object}
    assert trace.outcome == "succeeded", trace.outcome
    assert len(held) >= 2 and "red_block" not in held  # each of the others, never the red one


@pytest.mark.parametrize("words, goal", [
    ("take the red block out of the bowl", "not(in(red block, bowl)) · start: in(red block, bowl)"),
    ("get the ball off the plate", "not(on(ball, plate)) · start: on(ball, plate)"),
    ("the red block is in the bowl. it must not end in the bowl", "not(in(red block, bowl)) · start: in(red block, bowl)"),
    # nothing in the words says where the block starts: the scene starts it in the zone, the one scene where
    # the words ask something
    ("make sure no block is in the blue zone", "not(in(all blocks, blue zone))"),
    ("get every block out of the blue zone", "not(in(all blocks, blue zone)) · start: in(all blocks, blue zone)"),
])
def test_what_must_not_be_so_is_done_when_the_scene_starts_so(words, goal, lib, events):
    got, _ = events
    result, understood = run_words(words, lib, events)
    assert understood.line.startswith(f"goal: {goal}"), understood.line
    assert result.success, result.message
    assert result.validated == "2/2" and "nothing to do" not in result.message
    calls = {e.call for e in got if isinstance(e, ev.CallRecorded)}
    assert {"grasp", "move_to"} <= calls  # it was taken out, not found already out


def test_what_must_not_end_somewhere_no_words_put_it_asks_nothing(lib, events):
    """Nothing starts in the bowl unless the words say so: doing nothing keeps the goal, and the program only
    looks (one line says so)."""
    got, emit = events
    result = run_task("the red block must not end in the bowl", coder=coder_for(), library=lib, validate=2,
                      emit=emit, keyframes=False)
    assert result.success and "nothing to do" in result.message, result.message
    assert {e.call for e in got if isinstance(e, ev.CallRecorded)} <= {"home", "scan", "detect"}


@pytest.mark.parametrize("goal, start, forms", [
    ("not(in(red block, bowl))", ["in(red block, bowl)"], ["off"]),   # taken out
    ("not(in(block, blue zone))", [], ["off"]),                        # the whole ask
    ("all(in(purple ball, bowl), not(in(pink ball, bowl)))", [], ["call"]),  # a side condition: no step
])
def test_a_not_is_a_step_when_it_is_the_ask(goal, start, forms):
    tree = Goal(goal, read_condition(goal), tuple(read_condition(s) for s in start))
    steps = plan_goal(tree, seed_skills()).steps
    assert [s.form for s in steps] == forms
    assert all(s.skill == "set_down_at" for s in steps if s.form == "off")


def test_no_member_of_a_group_is_left_where_the_words_take_them_from():
    spec, _, _ = spec_for(read("get every block out of the blue zone"))
    assert spec.success_text == "not(at_least(1, in_zone(blocks, blue_zone)))"


def test_in_a_conversation_the_group_is_the_worlds_objects_less_the_one_left_out():
    from aspire_tui.agent.references import Unresolved, bind
    from sim.worldstate import ObjectState, WorldState

    def thing(name, x, y):
        color, kind = name.split("_")
        return ObjectState(name, kind, color, (0.04, 0.04, 0.04) if kind == "block" else (0.15, 0.15, 0.05), (x, y, 0.02))

    world = WorldState("panda", (thing("red_block", 0.45, 0.12), thing("blue_block", 0.5, -0.1),
                                 thing("green_block", 0.4, 0.0), thing("green_bowl", 0.6, 0.0)))
    cond, bound, _ = bind(read_condition("in(except(all blocks, red block), green bowl)"), world)
    assert str(cond) == "in([blue block, green block], green bowl)"
    assert bound["[blue block, green block]"] == ["blue_block", "green_block"]
    with pytest.raises(Unresolved, match="no yellow block"):
        bind(read_condition("in(except(all blocks, yellow block), green bowl)"), world)


def test_the_notation_reads_back_and_refuses_what_is_no_group_less_some_of_it():
    from aspire_tui.agent.goal import NotationError

    ref = read_condition("in(except(all blocks, [red block, blue block]), bowl)").args[0]
    assert str(ref) == "except(all blocks, red block, blue block)" and ref.is_group
    for bad in ("in(except(red block, blue block), bowl)", "in(except(all blocks, red ball), bowl)"):
        with pytest.raises(NotationError):
            read_condition(bad)


@pytest.mark.parametrize("words, goal", [
    ("remove the red block from the bowl", "not(in(red block, bowl)) · start: in(red block, bowl)"),
    ("remove the ball from the plate", "not(on(ball, plate)) · start: on(ball, plate)"),
    ("remove the red block from the bowl and put it on the plate", "on(red block, plate) · start: in(red block, bowl)"),
    ("make sure the red block is not in the green bowl", "not(in(red block, green bowl))"),
])
def test_taking_out_is_read_with_where_it_starts(words, goal):
    assert read(words).describe() == goal
