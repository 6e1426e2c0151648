"""Planning from the goal tree: each part a step, each step a skill chosen by what it achieves. Fast (no sim)."""

from __future__ import annotations

import ast

import pytest

from aspire_tui.agent.coder import CoderError, OfflineCoder, read_plan
from aspire_tui.agent.goal import Goal as Tree, read_condition
from aspire_tui.agent.instruction import Goal, align, parse
from aspire_tui.agent.plan import Achieves, PlanError, plan_goal
from aspire_tui.runner.check import check_program
from sim.tasks import get_task

from .tree_goals import SEED_SKILLS, seed_skills, tree_goal


def plan_of(condition: str, skills=None):
    return plan_goal(Tree(condition, read_condition(condition)), skills or seed_skills())


def run_body(program: str) -> str:
    tree = ast.parse(program)
    run = next(n for n in tree.body if isinstance(n, ast.FunctionDef) and n.name == "run")
    return ast.get_source_segment(program, run)


def test_every_seed_skill_that_changes_the_world_declares_what_it_achieves():
    declared = {s.name: s.achieves for s in seed_skills()}
    assert declared["place_in"] == ["in(obj, container)"]
    assert declared["push_to_zone"] == ["in(obj, zone)", "never_lifted(obj)"]
    for name, said in declared.items():
        params = {p.name for p in next(s for s in seed_skills() if s.name == name).params} | {"robot"}
        for text in said:
            ach = Achieves.read(text)
            assert ach is not None and set(ach.params) <= params, (name, text)


@pytest.mark.parametrize("condition, steps", [
    ("in(red block, green bowl)", [("place_in", "call")]),
    ("on(red block, white plate)", [("stack_on", "call")]),
    ("in(red block, green zone)", [("push_to_zone", "call")]),
    ("at_place(red block, front_left)", [("place_at_table_spot", "call")]),
    ("in(all blocks, green bowl)", [("place_in", "each")]),
    ("sorted_into(all blocks, all bowls)", [("sort_by_color", "call")]),
    ("sorted_into(3 blocks, all bowls)", [("place_in", "match")]),
    ("stacked(3 blocks)", [("stack_on", "tower")]),
    ("then(on(red block, white plate), in(nearest(block, red bowl), green bowl))",
     [("stack_on", "call"), ("place_in", "call")]),
    ("moved(red block, left, 0.1)", [("set_down_at", "shift")]),
])
def test_each_part_gets_the_skill_that_achieves_it(condition, steps):
    plan = plan_of(condition)
    assert [(s.skill, s.form) for s in plan.steps] == steps


def test_a_stack_is_built_bottom_up():
    (step,) = plan_of("stacked(red block, blue block, green block)").steps
    assert [m.color for m in step.group.members] == ["green", "blue", "red"]


def test_in_all_a_support_is_moved_before_something_goes_on_it():
    """all(on(red, blue), in(blue, bowl)): the blue block goes into the bowl first, then the red one on it."""
    plan = plan_of("all(on(red block, blue block), in(blue block, green bowl))")
    assert [str(s.part) for s in plan.steps] == ["in(blue block, green bowl)", "on(red block, blue block)"]


def test_then_keeps_the_order_it_was_given():
    plan = plan_of("then(in(blue block, green bowl), on(red block, white plate))")
    assert [s.skill for s in plan.steps] == ["place_in", "stack_on"]


def test_never_lifted_needs_a_skill_that_declares_it():
    (step,) = plan_of("all(in(red block, green zone), never_lifted(red block))").steps
    assert step.skill == "push_to_zone"
    with pytest.raises(PlanError, match="without lifting it"):
        plan_of("all(in(red block, green bowl), never_lifted(red block))")


def test_unmoved_objects_are_left_out_of_every_loop():
    plan = plan_of("all(in(all blocks, green bowl), unmoved(blue block))")
    assert [str(k) for k in plan.keep] == ["blue block"]
    with pytest.raises(PlanError, match="stays where it is"):
        plan_of("all(in(blue block, green bowl), unmoved(blue block))")


def test_a_part_no_skill_achieves_is_named():
    with pytest.raises(PlanError, match=r"no skill achieves in_corners\(all blocks\)"):
        plan_of("in_corners(all blocks)", [s for s in seed_skills() if s.name != "arrange_in_corners"])


def test_referents_are_computed_by_the_program_and_never_taken_from_the_scene():
    goal = tree_goal("nearest_block_to_bowl", "in(nearest(block, {red_bowl}), {green_bowl})",
                     refs={"nearest(block, red bowl)": "near_block"})
    program = OfflineCoder().write(goal, seed_skills(), [])
    assert check_program(program, skills_dir=SEED_SKILLS).ok
    args = ast.literal_eval(next(line for line in program.splitlines() if line.startswith("ARGS = "))[7:])
    assert args == {"red_bowl": "red bowl", "green_bowl": "green bowl"}  # not the near block's colour
    body = run_body(program)
    assert "block = _nearest(robot, 'block', ARGS['red_bowl'])" in body
    assert "place_in(robot, block, ARGS['green_bowl'])" in body
    assert "def _nearest(robot, query, anchor=None, rank=1):" in program


def test_groups_become_loops_over_detections():
    goal = tree_goal("all_blocks_one_bowl", "in(all blocks, {bowl})")
    program = OfflineCoder().write(goal, seed_skills(), [])
    assert check_program(program, skills_dir=SEED_SKILLS).ok
    assert "for block in _detected(robot, 'block'):" in run_body(program)


def test_a_tower_from_a_group_puts_the_largest_at_the_bottom():
    program = OfflineCoder().write(tree_goal("stack_group", "stacked(3 blocks)"), seed_skills(), [])
    assert check_program(program, skills_dir=SEED_SKILLS).ok
    body = run_body(program)
    assert "tower = _largest_first(robot, 'block')[:3]" in body
    assert "stack_on(robot, block, below)" in body


def test_each_step_is_commented_with_its_part_in_order():
    goal = tree_goal("plate_then_bowl", "then(on({block}, {plate}), in({other}, {bowl}))")
    program = OfflineCoder().write(goal, seed_skills(), [])
    comments = [line.strip() for line in run_body(program).splitlines() if line.strip().startswith("# ")]
    assert comments == [f"# on({goal.slots['block']}, {goal.slots['plate']})",
                        f"# in({goal.slots['other']}, {goal.slots['bowl']})"]


def test_a_validated_skill_of_the_family_still_fits_exactly():
    """The old path stays: a one-part goal over named objects in the skill's own family."""
    goal = align(parse("drop the red cube into the green dish"), get_task("pick_place_bowl"))
    goal.tree = Tree(goal.text, read_condition("in(red block, green bowl)"))
    goal.ids = {"red block": "block", "green bowl": "bowl"}
    plan = read_plan(OfflineCoder().write(goal, seed_skills(), []))
    assert plan.skill == "place_in" and plan.call == {"obj": "ARGS['block']", "container": "ARGS['bowl']"}


def test_a_referent_never_goes_to_the_one_skill_path():
    """Even in a family with a validated skill, "the block nearest ..." is computed, not an ARGS phrase."""
    goal = align(parse("drop the red cube into the green dish"), get_task("pick_place_bowl"))
    goal.tree = Tree(goal.text, read_condition("in(leftmost(block), green bowl)"))
    goal.ids = {"green bowl": "bowl", "leftmost(block)": "block"}
    program = OfflineCoder().write(goal, seed_skills(), [])
    assert read_plan(program) is None and "_leftmost(robot, 'block')" in program
    assert "'block': " not in program.split("def ")[0]  # the scene's block phrase is not in ARGS


def test_no_tree_is_the_old_path_unchanged():
    goal = align(parse("drop the red cube into the green dish"), get_task("pick_place_bowl"))
    assert goal.tree is None
    assert read_plan(OfflineCoder().write(goal, seed_skills(), [])).skill == "place_in"


def test_a_goal_nothing_can_plan_says_which_part():
    goal = Goal(text="line them up", family="custom", category="arrange", slots={},
                tree=Tree("x", read_condition("in_line(all blocks)")), ids={})
    with pytest.raises(CoderError, match=r"no skill achieves in_line\(all blocks\)"):
        OfflineCoder().write(goal, [s for s in seed_skills() if s.name != "arrange_in_row"], [])


def test_a_composed_program_distils_into_a_skill_with_one_public_function():
    from aspire_tui.skills.skillfile import parse_bytes

    goal = tree_goal("nearest_block_to_bowl", "in(nearest(block, {red_bowl}), {green_bowl})",
                     refs={"nearest(block, red bowl)": "near_block"})
    coder = OfflineCoder()
    program = coder.write(goal, seed_skills(), [])
    distilled = coder.generalize(program, goal, {"seeds": [500, 501], "success": "2/2", "run": "r"})
    assert distilled is not None and distilled.change == "new"
    assert distilled.name == "put_block_nearest_bowl_in_bowl"  # named after the goal, colours left out
    skill = parse_bytes(distilled.source.encode(), f"skills/{distilled.name}.py")
    assert skill.name == distilled.name
    assert [p.name for p in skill.params] == ["robot", "red_bowl", "green_bowl"]


def test_a_loop_leaves_out_what_must_stay_unmoved():
    c = "all(in(all blocks, green bowl), unmoved(blue block))"
    goal = Goal(text=c, family="custom", category="pick_place", slots={"bowl": "green bowl", "keep": "blue block"},
                tree=Tree(c, read_condition(c)), ids={"green bowl": "bowl", "blue block": "keep"})
    program = OfflineCoder().write(goal, seed_skills(), [])
    assert check_program(program, skills_dir=SEED_SKILLS).ok
    assert "for block in _detected(robot, 'block', leave=(ARGS['keep'],)):" in run_body(program)


def test_a_composed_programs_repair_follows_the_diagnosis_and_never_repeats():
    """A collision in a composed program raises the height parameter of the skill whose code failed, as
    a keyword on its call; the next repair for the same failure changes it again, never to a value tried."""
    from aspire_tui.agent.coder import Diagnosis, OfflineCoder, call_keyword

    from .tree_goals import seed_skills, tree_goal

    coder = OfflineCoder()
    program = coder.write(tree_goal("all_blocks_one_bowl", "in(all blocks, {bowl})"), seed_skills(), [])
    seen = set()
    for _ in range(2):  # an action is tried twice on a task, then the next one is
        d = Diagnosis(outcome="failed", error_type="CollisionError", call="move_to",
                      where="skills/release_above.py:39", actions=["raise_height"])
        program = coder.repair(program, d)
        name, _, rest = d.actions[0].partition(": ")[2].partition("(")
        pname, value = rest.rstrip(")").split("=")
        assert name == "place_in" and call_keyword(program, "place_in", pname) == float(value)
        assert (pname, value) not in seen
        seen.add((pname, value))
