"""The arm task families are fair: each has a reference program that solves it using only
the robot API, and a deliberately wrong program whose first failing call is the one
expected, with the expected error type.

The full fairness run (100 development seeds per family) is `python -m bench.fairness`;
here each reference runs on a few development seeds to keep the suite fast.
"""

from __future__ import annotations

import ast
import re

import pytest

from sim import make_episode
from sim.errors import RobotError
from sim.robot import ROBOT_CALLS
from sim.tasks import builtin_tasks
from tests.reference_util import (REFERENCE_DIR, WRONG_DIR, declared_args, program_for, reference_source,
                                  run_program, slot_args)

# family -> (the call that fails first, its error type) for tests/programs/wrong/<family>.py
WRONG = {
    "pick_place_bowl": ("move_to", "CollisionError"),   # grasps at table height
    "pick_place_plate": ("grasp", "GraspError"),        # closes the gripper in the air
    "pick_place_tray": ("detect", "ObjectNotFound"),    # asks for a colour nobody has
    "place_beside": ("move_to", "IKError"),             # 1.3 m instead of 0.13 m
    "place_front_back": ("move_to", "CollisionError"),  # sets the block down through the plate
    "place_next_to": ("move_to", "IKError"),            # a "safe height" of 1.2 m
    "place_corner": ("navigate_to", "UnsupportedCall"),  # an arm has no base to drive
    "arrange_line": ("grasp", "GraspError"),            # grasps at travel height
    "arrange_edge": ("detect", "ObjectNotFound"),       # the edge is no object
    "arrange_corners": ("move_to", "CollisionError"),   # presses the held block into the table
    "stack_two": ("move_to", "CollisionError"),         # lowers the block into the other block
    "stack_three": ("move_to", "IKError"),              # a height in centimetres
    "sort_by_color": ("detect", "ObjectNotFound"),      # looks for boxes, not bowls
    "push_to_zone": ("move_to", "CollisionError"),      # pushes with the fingertips on the table
    "tool_use_pull": ("move_to", "IKError"),            # reaches for the far block by hand
    "navigate_goal": ("navigate_to", "NavigationError"),  # drives through a crate
    "navigate_to_object": ("move_to", "UnsupportedCall"),  # a base has no arm to reach with
}
ARM = sorted(WRONG)
REFERENCE_SEEDS = (0, 1, 2)   # development seeds; held-out seeds (>= 10000) are never used here
ALLOWED_IMPORTS = {"math", "numpy"}


class CallRecorder:
    """Hands a program the robot, recording each call and the first one that raised."""

    def __init__(self, robot) -> None:
        self._robot = robot
        self.calls: list[tuple[str, str | None]] = []

    def __getattr__(self, name: str):
        if name not in ROBOT_CALLS:
            raise AttributeError(f"the robot API has no call {name!r}")
        method = getattr(self._robot, name)

        def call(*args, **kwargs):
            try:
                result = method(*args, **kwargs)
            except RobotError as e:
                self.calls.append((name, type(e).__name__))
                raise
            self.calls.append((name, None))
            return result
        return call

    @property
    def first_failure(self) -> tuple[str, str] | None:
        return next(((c, e) for c, e in self.calls if e is not None), None)


def test_at_least_twelve_families_in_six_categories():
    tasks = builtin_tasks()
    assert len(tasks) >= 12
    assert {"pick_place", "arrange", "stack", "sort", "push", "tool_use", "navigation"} <= {
        t.category for t in tasks.values()}
    assert set(ARM) <= set(tasks)
    assert {tasks[name].embodiment for name in ARM} == {"panda", "husky"}


@pytest.mark.parametrize("family", ARM)
def test_family_is_described_and_has_several_templates(family):
    spec = builtin_tasks()[family]
    assert len(spec.instructions) >= 3
    assert re.search(r"Randomised: .+\. Success: .+", spec.description), spec.description
    if spec.embodiment == "panda":  # the mobile base drives kinematically: no friction or mass to vary
        assert spec.perturb.keys() >= {"size_scale", "friction", "mass_scale", "camera_jitter"}


@pytest.mark.parametrize("family", ARM)
def test_programs_use_only_the_robot_api(family):
    """Reference and wrong programs import only math/numpy, use no dunder names, define run(robot)."""
    for path in (REFERENCE_DIR / f"{family}.py", WRONG_DIR / f"{family}.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.Import):
                assert {a.name.split(".")[0] for a in node.names} <= ALLOWED_IMPORTS, path
            assert not isinstance(node, ast.ImportFrom), path
            if isinstance(node, ast.Name):
                assert not node.id.startswith("__"), (path, node.id)
            if isinstance(node, ast.Attribute):
                assert not node.attr.startswith("_"), (path, node.attr)
        runs = [n for n in tree.body if isinstance(n, ast.FunctionDef) and n.name == "run"]
        assert runs and [a.arg for a in runs[0].args.args] == ["robot"], path
        args, _, _ = declared_args(path.read_text(encoding="utf-8"))
        spec = builtin_tasks()[family]
        assert set(args) <= {o.id for o in spec.objects} | set(spec.choices) | {"count"}, path


@pytest.mark.parametrize("family", ARM)
def test_args_come_from_the_instruction(family, world):
    """What fills ARGS is said in the instruction: every phrase, colour and place word appears in it."""
    for seed in (0, 1):
        ep = make_episode(family, seed, world=world)
        args, _, _ = declared_args(reference_source(family))
        said = slot_args(ep)
        for key in args:
            value = said[key]
            words = [p.split()[0] for p in value] if isinstance(value, list) else [str(value)]
            for word in words:
                assert word in ep.instruction, (key, word, ep.instruction)


@pytest.mark.parametrize("family", ARM)
def test_reference_program_succeeds(family, world):
    source = reference_source(family)
    failures = []
    for seed in REFERENCE_SEEDS:
        ep = make_episode(family, seed, world=world)
        assert not ep.evaluate()["success"], f"seed {seed} starts out solved"
        try:
            run_program(program_for(source, ep), ep.robot)
        except RobotError as e:
            failures.append(f"seed {seed}: {type(e).__name__}: {e}")
            continue
        checks = ep.evaluate()
        if not checks["success"]:
            failures.append(f"seed {seed}: {ep.instruction!r}: {checks}")
    assert not failures, "\n".join(failures)


@pytest.mark.parametrize("family", ARM)
def test_wrong_program_fails_at_the_expected_call(family, world):
    source = (WRONG_DIR / f"{family}.py").read_text(encoding="utf-8")
    ep = make_episode(family, 0, world=world)
    recorder = CallRecorder(ep.robot)
    with pytest.raises(RobotError):
        run_program(program_for(source, ep), recorder)
    assert recorder.first_failure == WRONG[family], recorder.calls
    assert not ep.evaluate()["success"]
