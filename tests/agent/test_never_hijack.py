"""A validated program never breaks or takes over a skill: a refinement must still pass the seeds and the
goal its skill was validated on; a program for another goal is committed as a new skill."""

from __future__ import annotations

import re

from aspire_tui.agent import events as ev
from aspire_tui.agent.coder import Plan, coder_for, render
from aspire_tui.agent.distill import job, keeping_seeds, same_goal
from aspire_tui.agent.goal import Goal as Tree, read_condition
from aspire_tui.agent.instruction import Goal
from aspire_tui.agent.loop import run_task
from aspire_tui.skills.skillfile import parse_bytes

from .conftest import git
from .test_llm_coder import SKILL
from .tree_goals import SEED_SKILLS

TASK = "put the red block in the green bowl"

PROGRAM = '''from skills.place_in import place_in

ARGS = {"block": "red block", "bowl": "green bowl"}


def run(robot):
    robot.home()
    place_in(robot, ARGS["block"], ARGS["bowl"])
'''

ALL_BLOCKS = '''"""Put every block on the table into a bowl.

When to use:
    "put all the blocks in the green bowl"

Preconditions:
    - the blocks and the bowl are visible

Postconditions:
    - every block is in the bowl

Evidence:
    written by hand in a test
"""

from skills.place_in import place_in

ASPIRE = {"task_type": "pick_place", "embodiment": "panda", "depends_on": ["place_in"], "version": 1,
          "goal": "in(all blocks, bowl)",
          "validation": {"task": "pick_place_bowl", "seeds": [0], "args": {"bowl": "{bowl}"}}}


def put_block_in_bowl(robot, bowl):
    """Put each block the camera sees in the bowl."""
    for found in robot.detect("block"):
        place_in(robot, found.color + " block", bowl)
'''


def model_that_distils(skill: str):
    """A scripted model: the program above first time, and ``skill`` (named as asked) as the reusable skill."""
    def reply(text: str) -> str:
        if "reusable program skill" in text:
            name = re.search(r"named `(\w+)`", text).group(1)
            return "```python\n" + skill.replace("NAME", name) + "```"
        return "```python\n" + PROGRAM + "```"
    return reply


def committed_skills(got) -> list[tuple[str, str]]:
    return [(e.name, e.change) for e in got if isinstance(e, ev.SkillCommitted) and e.path.startswith("skills/")]


def test_a_refinement_that_fails_the_skills_earlier_seeds_is_not_committed(fake_model, lib, events):
    """drop_block_in_bowl was validated on pick_place_bowl seeds 0 (a red block) and 2 (a blue one). The
    model's skill for the same job only ever picks "red block": it validates on the red block's own scenes,
    but refining drop_block_in_bowl with it would break seed 2, so the library keeps the skill as it was."""
    earlier = SKILL.replace("NAME", "drop_block_in_bowl").replace('"seeds": [0]', '"seeds": [0, 2]')
    lib.save("drop_block_in_bowl", earlier, change="new", summary="Add it")
    head = git(lib.root, "rev-parse", "HEAD")
    got, emit = events
    fake_model.reply = model_that_distils(SKILL.replace("place_in(robot, block, bowl)",
                                                        'place_in(robot, "red block", bowl)'))
    result = run_task(TASK, coder=coder_for("scripted"), library=lib, validate=1, select=0, emit=emit,
                      keyframes=False)
    assert result.success, result.message
    assert "drop_block_in_bowl was not refined" in result.message and "pick_place_bowl seed 2" in result.message
    assert committed_skills(got) == []
    assert lib.source("drop_block_in_bowl") == earlier
    assert not (lib.skills_dir / "put_block_in_bowl.py").exists()
    assert git(lib.root, "rev-parse", "HEAD") == head
    # the debug run, the validation run, then seed 0 (passed) and seed 2 (failed) of the earlier validation
    assert result.episodes == 4


def test_a_program_for_another_goal_is_a_new_skill_never_a_refinement(fake_model, lib, events):
    """The library's put_block_in_bowl puts every block in a bowl. A program that puts one named block in
    a bowl is distilled under the same name: it becomes a skill of its own, and the other is untouched."""
    lib.save("put_block_in_bowl", ALL_BLOCKS, change="new", summary="Add it")
    got, emit = events
    fake_model.reply = model_that_distils(SKILL)
    result = run_task(TASK, coder=coder_for("scripted"), library=lib, validate=1, select=0, emit=emit,
                      keyframes=False)
    assert result.success, result.message
    assert committed_skills(got) == [("put_block_in_bowl_2", "new")]
    assert lib.source("put_block_in_bowl") == ALL_BLOCKS
    assert "def put_block_in_bowl_2(robot, block, bowl):" in lib.source("put_block_in_bowl_2")
    log = git(lib.root, "log", "-1", "--format=%B", "--", "skills/put_block_in_bowl_2.py")
    assert "Aspire-Change: new" in log
    assert "Aspire-Goal: in(red block, green bowl)" in log  # the commit says which goal it validated


def plan_program(goal: Goal) -> str:
    """A one-skill program calling place_in with a changed approach height (what a repair might leave)."""
    plan = Plan("place_in", {"obj": "ARGS['block']", "container": "ARGS['bowl']"}, dict(goal.slots),
                params={"approach": 0.08})
    return render(plan, goal.text)


def plate_goal(condition: str) -> Goal:
    """A goal read from a task file that varies pick_place_bowl (so its validation family is place_in's)."""
    text = "put the red block on the white plate"
    return Goal(text=text, family="my_plate_task", variant_of="pick_place_bowl", category="pick_place",
                relation="on", slots={"block": "red block", "bowl": "white plate"},
                tree=Tree(text, read_condition(condition)), ids={"red block": "block", "white plate": "bowl"})


def test_the_offline_coder_refines_a_skill_only_for_the_goal_it_achieves():
    """place_in achieves in(obj, container): a program validated on "on the plate", in a task file that
    varies place_in's family, is kept as a new skill that records its goal, never as place_in's refinement."""
    source = (SEED_SKILLS / "place_in.py").read_text()
    evidence = {"seeds": [501], "success": "1/1", "run": "r1"}
    on_plate = plate_goal("on(red block, white plate)")
    distilled = coder_for().generalize(plan_program(on_plate), on_plate, evidence, {"place_in": source})
    assert distilled.change == "new" and distilled.name == "put_block_on_plate"
    skill = parse_bytes(distilled.source.encode(), f"skills/{distilled.name}.py")
    assert skill.metadata["goal"] == "on(block, plate)"
    in_bowl = plate_goal("in(red block, white plate)")
    distilled = coder_for().generalize(plan_program(in_bowl), in_bowl, evidence, {"place_in": source})
    assert (distilled.name, distilled.change) == ("place_in", "refine")


def test_what_counts_as_the_same_goal():
    """Colours, counts, sides and side conditions are a skill's arguments; kinds, groups and predicates are not."""
    def asks(condition: str) -> frozenset[str]:
        return job(read_condition(condition))

    assert asks("in(red block, green bowl)") == asks("in(blue block, yellow bowl)")
    assert asks("left_of(red block, pink bowl)") == asks("right_of(blue block, green bowl)")
    assert asks("all(left_of(red block, bowl), unmoved(bowl))") == asks("left_of(red block, bowl)")
    assert asks("near(red block, blue block)") == asks("next_to(red block, blue block)")
    assert asks("in(red block, green bowl)") != asks("in(all blocks, green bowl)")
    assert asks("in(red block, green bowl)") != asks("on(red block, white plate)")
    assert asks("in(red block, green bowl)") != asks("in(red ball, green tray)")
    goal = plate_goal("in(red block, white plate)")
    assert same_goal({"achieves": "in(obj, container)", "validation": {"task": "pick_place_bowl"}}, goal)
    assert not same_goal({"achieves": "in(obj, container)", "validation": {"task": "pick_place_tray"}}, goal)
    assert not same_goal({"goal": "on(block, plate)"}, goal)
    assert same_goal({}, goal)  # a skill that records nothing is judged by its task alone


def test_a_refinement_keeps_the_seeds_its_skill_was_validated_on():
    """Once a refinement passed the skill's earlier seeds, they stay in its record, so the next
    refinement is held to them as well (of the same task only: other tasks' seeds mean other scenes)."""
    refined = SKILL.replace("NAME", "drop_block_in_bowl").replace('"seeds": [0]', '"seeds": [501]')
    kept = keeping_seeds(refined, {"validation": {"task": "pick_place_bowl", "seeds": [0, 2]}})
    skill = parse_bytes(kept.encode(), "skills/drop_block_in_bowl.py")
    assert skill.metadata["validation"]["seeds"] == [0, 2, 501]
    assert kept.split("ASPIRE")[0] == refined.split("ASPIRE")[0]  # only the record changes
    assert keeping_seeds(refined, {"validation": {"task": "pick_place_tray", "seeds": [0]}}) == refined
