"""OfflineCoder without a simulator: rule diagnosis, concrete repairs, distilling. Fast."""

from __future__ import annotations

import random
import re
from pathlib import Path

import pytest

from aspire_tui.agent.coder import (CoderError, OfflineCoder, Plan, mutate_constants, read_plan, refine_defaults,
                                    render, rule_diagnosis, wrapper_source)
from aspire_tui.agent.instruction import align, parse
from aspire_tui.runner.trace import CallRecord, Trace
from aspire_tui.skills.skillfile import ParseProblem, parse_bytes, parse_file
from skills_repo import __file__ as seed_init
from sim.tasks import get_task

SEED = Path(seed_init).parent / "skills"


def seed_skills():
    return [parse_file(p, f"skills/{p.name}") for p in sorted(SEED.glob("*.py"))]


def goal_for(text):
    goal = parse(text)
    return align(goal, get_task(goal.family))


def failed_trace(error_type, call, message, evidence=None, program=""):
    record = CallRecord(index=3, call=call, args=[], kwargs={}, status="failed",
                        error={"type": error_type, "message": message, "evidence": evidence or {}})
    return Trace(run_id="r1", task="pick_place_bowl", seed=0, program=program, records=[record],
                 outcome="failed", failure_index=3, failure_reason=message)


def test_write_picks_the_skill_validated_on_the_family():
    coder = OfflineCoder()
    program = coder.write(goal_for("drop the red cube into the green dish"), seed_skills(), [])
    plan = read_plan(program)
    assert plan.skill == "place_in"
    assert plan.args == {"block": "red block", "bowl": "green bowl"}
    assert plan.call == {"obj": "ARGS['block']", "container": "ARGS['bowl']"}


def test_write_does_not_place_beside_with_a_skill_that_puts_things_in():
    """place_in would bind (block, bowl) for "left of the bowl" and drop it inside: not a fit."""
    program = OfflineCoder().write(goal_for("put the red block to the left of the green bowl"), seed_skills(), [])
    assert "place_in" not in program


def test_no_skill_and_nothing_to_compose_is_one_line():
    skills = [s for s in seed_skills() if s.name != "place_at_table_spot"]
    with pytest.raises(CoderError, match="no skill in the library fits place_corner"):
        OfflineCoder().write(goal_for("put the red block in the front left corner of the table"), skills, [])


@pytest.mark.parametrize("text, skill, call", [
    ("could you shift the orange cube to the far right corner", "place_at_table_spot",
     {"obj": "ARGS['block']", "place": "ARGS['place']"}),
    ("get the yellow, red and pink cubes standing in one row", "arrange_in_row", {"blocks": "ARGS['blocks']"}),
    ("I need the blue and green cubes lined up at the left edge", "arrange_along_edge",
     {"blocks": "ARGS['blocks']", "edge": "ARGS['edge']"}),
    ("the red, blue and green cubes each go to a different corner", "arrange_in_corners",
     {"blocks": "ARGS['blocks']"}),
])
def test_places_and_arrangements_use_the_work_area_skills(text, skill, call):
    """The families that once had no skill (corners, rows, edges) get one, bound to the instruction's slots."""
    plan = read_plan(OfflineCoder().write(goal_for(text), seed_skills(), []))
    assert plan.skill == skill
    assert plan.call == call


def test_stack_tower_gets_its_blocks_bottom_first():
    program = OfflineCoder().write(goal_for("stack the red block on the orange block and the orange block on "
                                            "the white block"), seed_skills(), [])
    plan = read_plan(program)
    assert plan.skill == "stack_tower"
    assert plan.call["blocks"] == "[ARGS['bottom'], ARGS['middle'], ARGS['top']]"


def test_object_not_found_is_rephrased_with_the_words_the_scene_uses():
    coder = OfflineCoder()
    goal = goal_for("drop the red cube into the green dish")
    program = coder.write(goal, seed_skills(), [])
    plan = read_plan(program)
    plan.args["block"] = "red cube"
    program = render(plan, goal.text)
    trace = failed_trace("ObjectNotFound", "detect", "nothing matches 'red cube'",
                         {"query": "red cube", "visible": [{"name": "red_block"}, {"name": "green_bowl"}]})
    d = coder.diagnose(trace, [])
    assert d.error_type == "ObjectNotFound" and d.actions[0] == "rephrase"
    repaired = read_plan(coder.repair(program, d).program)
    assert repaired.args["block"] == "red block"


def test_the_same_failure_again_moves_on_to_the_next_repair():
    coder = OfflineCoder()
    goal = goal_for("drop the red cube into the green dish")
    program = coder.write(goal, seed_skills(), [])
    seen = []
    for _ in range(4):
        d = coder.diagnose(failed_trace("GraspError", "grasp", "closed on nothing", {"width": 0.001}), [])
        repair = coder.repair(program, d)
        program = repair.program
        seen.append(repair.actions[0])
    assert seen[0].startswith("retry") and seen[1].startswith("retry")
    assert not seen[2].startswith("retry")       # tried twice: something else now
    assert read_plan(program).retries == 2


def collision_trace(hit):
    """The pull skill detect()ed its block and hook, then a finger hit ``hit`` while dragging."""
    seen = [CallRecord(index=i, call="detect", args=[q], kwargs={}, status="ok", result=[{"name": name}])
            for i, (q, name) in enumerate([("red block", "red_block"), ("black hook", "black_hook")])]
    failed = CallRecord(index=9, call="move_to", args=[], kwargs={}, status="failed",
                        error={"type": "CollisionError", "message": f"panda_leftfinger hit {hit}",
                               "evidence": {"bodies": ["panda_leftfinger", hit], "point": [0.55, -0.14, 0.04]}})
    return Trace(run_id="r", task="tool_use_pull", seed=843, records=[*seen, failed], outcome="failed",
                 failure_index=9, failure_reason=failed.error["message"])


def test_hitting_a_neighbour_widens_the_clearance_but_hitting_a_detected_object_does_not():
    coder = OfflineCoder()
    program = coder.write(goal_for("pull the red block within reach using the black hook"), seed_skills(), [])
    assert read_plan(program).skill == "pull_with_tool"
    d = coder.diagnose(collision_trace("white_block"), [])
    repair = coder.repair(program, d)
    repaired = read_plan(repair.program)
    assert repair.actions[0].startswith("keep clear of white_block") and repaired.params["lane"] == pytest.approx(0.09)
    d = coder.diagnose(collision_trace("red_block"), [])
    assert "widen_clearance" not in d.actions
    repaired = read_plan(coder.repair(program, d).program)
    assert "lane" not in repaired.params


def test_ik_error_beyond_reach_shortens_the_reach():
    d = rule_diagnosis(failed_trace("IKError", "move_to", "cannot reach", {"reach": 1.03, "max_reach": 0.855}), [])
    assert d.actions[0] == "lower_reach"


def test_returned_but_not_done_is_diagnosed_without_ground_truth_names():
    trace = Trace(run_id="r", task="stack_two", seed=0, outcome="failed", checks={"success": False},
                  failure_reason="run() returned but the task is not done")
    d = rule_diagnosis(trace, [])
    assert d.error_type == "NotDone" and "mutate" in d.actions


def test_any_program_can_have_its_constants_mutated():
    source = "CLEAR = 0.12\nARGS = {'block': 'red block'}\n\n\ndef run(robot):\n    robot.home()\n"
    new, what = mutate_constants(source, random.Random(1))
    assert new != source and what.startswith("CLEAR 0.12 -> ")
    assert "ARGS = {'block': 'red block'}" in new


def test_refine_defaults_edits_only_the_signature_version_and_evidence():
    source = (SEED / "place_in.py").read_text()
    new = refine_defaults(source, "place_in", {"approach": 0.09}, "Validated 5/5.", None)
    assert "def place_in(robot, obj, container, drop=0.015, approach=0.09):" in new
    shipped = int(re.search(r'"version": (\d+)', source).group(1))
    assert f'"version": {shipped + 1}' in new and "Refined by aspire: Validated 5/5." in new  # one past the seed's
    assert not isinstance(parse_bytes(new.encode(), "skills/place_in.py"), ParseProblem)


def test_wrapper_skill_parses_as_a_program_skill():
    goal = goal_for("toss the orange ball in the cyan bin")
    plan = Plan("place_in", {"obj": "ARGS['ball']", "container": "ARGS['tray']"}, dict(goal.slots), retries=1)
    source = wrapper_source("put_ball_in_tray", plan, goal, {"embodiment": "panda"}, [101, 202], "Validated 2/2.")
    skill = parse_bytes(source.encode(), "skills/put_ball_in_tray.py")
    assert not isinstance(skill, ParseProblem), skill
    assert [p.name for p in skill.params] == ["robot", "ball", "tray"]
    assert skill.metadata["validation"] == {"task": "pick_place_tray", "seeds": [101, 202],
                                            "args": {"ball": "{ball}", "tray": "{tray}"}}
    assert skill.depends_on == ["place_in"]


@pytest.mark.parametrize("text", ["put the purple block on the left side of the pink bowl",
                                  "place the red cube behind the grey plate",
                                  "put the red block right beside the blue block"])
def test_spatial_goals_are_composed_from_pick_and_release_above(text):
    from aspire_tui.runner.check import check_program

    program = OfflineCoder().write(goal_for(text), seed_skills(), [])
    assert read_plan(program) is None  # not a one-skill plan: repairs mutate its constants
    assert "from skills.pick import pick" in program
    assert check_program(program, SEED).ok


def test_a_composed_program_becomes_a_skill_that_parses():
    goal = goal_for("put the purple block on the left side of the pink bowl")
    coder = OfflineCoder()
    program = coder.write(goal, seed_skills(), [])
    distilled = coder.generalize(program, goal, {"seeds": [5, 6], "success": "2/2", "run": "r9"})
    assert distilled.name == "put_block_beside_bowl" and distilled.change == "new"
    skill = parse_bytes(distilled.source.encode(), "skills/put_block_beside_bowl.py")
    assert not isinstance(skill, ParseProblem), skill
    assert [p.name for p in skill.params] == ["robot", "bowl", "block", "side"]
    assert "ARGS" not in distilled.source
    assert skill.metadata["validation"]["args"]["side"] == "{side}"


def test_a_count_is_mutated_to_another_whole_number():
    """push_to_zone's max_pushes once became 5.4 and range() raised TypeError: counts stay ints."""
    source = "MAX_PUSHES = 5\nGAP = 0.006\nPARAMS = {'legs': 3}\n\ndef run(robot):\n    pass\n"
    rng = random.Random(1)
    seen = set()
    for _ in range(30):
        new, what = mutate_constants(source, rng)
        assert new != source and what
        seen.add(what.split()[0])
        namespace: dict = {}
        exec(compile(new, "<p>", "exec"), namespace)  # noqa: S102 - the test's own program
        assert isinstance(namespace["MAX_PUSHES"], int) and isinstance(namespace["PARAMS"]["legs"], int)
    assert {"MAX_PUSHES", "legs", "GAP"} <= seen


def test_a_retry_does_not_break_a_robot_without_a_gripper():
    """A navigation program's retry once called release() on the husky (UnsupportedCall): now it may not."""
    plan = Plan("navigate_to", {"target": "ARGS['goal']"}, {"goal": "green marker"}, retries=1)
    source = render(plan, "drive to the green marker")
    import re

    assert re.search(r"try:\n\s+robot\.release\(\)\n\s+robot\.home\(\)\n\s+except Exception:\n\s+pass\n", source)
