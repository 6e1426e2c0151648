"""Repairs of a planned program follow the diagnosis: the failed part's numbers, the error, the failing step.
Fast (plans and made-up diagnoses, no sim)."""

from __future__ import annotations

from dataclasses import dataclass, field

from aspire_tui.agent.goal import Goal as Tree, read_condition
from aspire_tui.agent.plan import plan_goal
from aspire_tui.agent.repair import by_history, failing_step, repairs

from .tree_goals import seed_skills


@dataclass
class Seen:
    """What a repair reads of a diagnosis (the coder's `Diagnosis` has these and more)."""

    error_type: str
    where: str = ""
    failed_part: str = ""
    parts: list = field(default_factory=list)


def tree(condition: str) -> Tree:
    return Tree(condition, read_condition(condition))


def test_not_far_enough_to_the_side_aims_farther_by_the_shortfall():
    goal = tree("right_of(red ball, white plate, 0.2)")
    plan = plan_goal(goal, seed_skills())
    seen = Seen("NotDone", failed_part="right_of(red ball, white plate, 0.2)",
                parts=[{"part": "right_of(red ball, white plate, 0.2)", "held": False, "detail": "",
                        "numbers": {"along": 0.11, "across": 0.01, "gap": 0.02, "least": 0.2}}])
    first = repairs(plan, seen, "", seed_skills(), goal)[0]
    assert first.key == "step0.least=0.32"  # 0.2 asked + 0.09 short + 0.03 to spare
    assert first.plan.steps[0].distance == 0.32 and plan.steps[0].distance == 0.2  # a new plan; the old kept


def test_brushing_what_it_is_set_beside_widens_the_gap_and_the_step_is_found_from_the_program_line():
    goal = tree("then(in(blue block, red bowl), next_to(green ball, plate))")
    plan = plan_goal(goal, seed_skills())
    program = "\n".join(["ARGS = {}", "def run(robot):", "    robot.home()", "    # in(blue block, red bowl)",
                         "    place_in(robot, 'blue block', 'red bowl')", "    # next_to(green ball, plate)",
                         "    x, y = _beside(robot, 'green ball', 'plate')", "    set_down_at(robot, 'green ball', x, y)"])
    seen = Seen("CollisionError", where="program.py:8")
    assert failing_step(plan, seen, program) == 1
    keys = [r.key for r in repairs(plan, seen, program, seed_skills(), goal)]
    assert keys[0] == "gap=0.06"
    assert any(k.startswith("step1.") for k in keys) and not any(k.startswith("step0.") for k in keys)


def test_a_step_that_keeps_failing_can_use_another_skill_that_achieves_the_same_part():
    goal = tree("moved(red block, left, 0.1)")
    plan = plan_goal(goal, seed_skills())
    keys = [r.key for r in repairs(plan, Seen("IKError", where="program.py:1"), "", seed_skills(), goal)]
    assert "step0.skill=push_to" in keys


def test_every_candidate_is_a_different_edit():
    goal = tree("all(left_of(green block, plate), never_lifted(green block))")
    plan = plan_goal(goal, seed_skills())
    for error in ("CollisionError", "MotionTimeout", "NotDone", "ObjectNotFound"):
        keys = [r.key for r in repairs(plan, Seen(error), "", seed_skills(), goal)]
        assert keys and len(keys) == len(set(keys)), error


def test_a_blocked_drive_first_narrows_the_safety_circles_the_route_was_planned_with():
    goal = tree("near(robot, yellow marker)")
    plan = plan_goal(goal, seed_skills())
    assert plan.steps[0].skill == "navigate_to"
    edits = repairs(plan, Seen("NavigationError", where="program.py:1"), "", seed_skills(), goal)
    assert edits[0].key in ("step0.radius=0.465", "step0.margin=0.06")
    again = repairs(edits[0].plan, Seen("NavigationError", where="program.py:1"), "", seed_skills(), goal)
    assert edits[0].key not in [e.key for e in again]  # each narrowing is a new number


def test_an_edit_that_repaired_the_same_failure_before_is_tried_first():
    goal = tree("then(in(blue block, red bowl), next_to(green ball, plate))")
    plan = plan_goal(goal, seed_skills())
    seen = Seen("CollisionError", where="program.py:1")
    fresh = repairs(plan, seen, "", seed_skills(), goal)
    assert fresh[0].key != "retries=1"
    strategy = ("1. Raise the approach.\n"
                "2. RETRIES 0 -> 1: try a failed step again after letting go and going home (worked on bench_a)\n")
    assert by_history(fresh, [strategy])[0].key == "retries=1"
    assert by_history(fresh, ["1. something else entirely"]) == fresh  # nothing learnt: the order stands


@dataclass
class Looked(Seen):
    """A diagnosis that also carries the trace's evidence (what the camera saw at the start)."""

    evidence: dict = field(default_factory=dict)


def test_a_block_seen_resting_on_the_one_to_move_is_taken_off_first():
    goal = tree("on(purple block, orange block)")
    plan = plan_goal(goal, seed_skills())
    seen = Looked("CollisionError", evidence={"resting_at_start": [["orange block", "purple block"]]})
    first = repairs(plan, seen, "", seed_skills(), goal)[0]
    assert first.key.startswith("clear:")
    assert [s.form for s in first.plan.steps] == ["clear", "call"]
    assert str(first.plan.steps[0].group) == "purple block" and first.plan.steps[0].skill == "make_room"
    assert "orange block on the purple block" in first.what
    # the error line alone (no evidence of a stack) gives no such step
    assert not any(r.key.startswith("clear:") for r in repairs(plan, Seen("CollisionError"), "", seed_skills(), goal))


def test_set_down_too_far_from_a_corner_allows_less_room_around_it():
    goal = tree("then(in_corner(blue block, front_left), in_corner(yellow block, front_right))")
    plan = plan_goal(goal, seed_skills())
    seen = Seen("NotDone", failed_part="in_corner(blue block, front_left)",
                parts=[{"part": "in_corner(blue block, front_left)", "held": False, "detail": "",
                        "numbers": {"off": 0.085, "limit": 0.08}}])
    first = repairs(plan, seen, "", seed_skills(), goal)[0]
    # 1.5 cm allowed, 0.5 cm too far: half a centimetre more than that comes off
    # and it aims 1.5 cm nearer along the diagonal (0.5 cm missed and 1 cm more), no nearer than 2.5 cm in
    assert first.key == "step0.slack=0.005, margin=0.025"
    assert dict(first.plan.steps[0].keywords) == {"margin": 0.025, "slack": 0.005}


def test_a_part_that_held_before_the_run_and_was_undone_gets_no_step():
    goal = tree("all(in(red block, green bowl), on(purple block, white block))")
    plan = plan_goal(goal, seed_skills())
    assert [s.skill for s in plan.steps] == ["place_in", "stack_on"]
    broke = Looked("NotDone", failed_part="on(purple block, white block)",
                   evidence={"held_at_start": ["on(purple block, white block)"]})
    first = repairs(plan, broke, "", seed_skills(), goal)[0]
    assert first.key == "leave:on(purple block, white block)"
    assert [s.skill for s in first.plan.steps] == ["place_in"]
    assert {str(r) for r in first.plan.keep} == {"purple block", "white block"}
    # a part that did not hold at the start keeps its step
    never = Looked("NotDone", failed_part="on(purple block, white block)", evidence={"held_at_start": []})
    assert not any(r.key.startswith("leave:") for r in repairs(plan, never, "", seed_skills(), goal))
