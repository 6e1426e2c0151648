"""Each seed program skill, run in the simulation (in-process, no sandbox)."""

from __future__ import annotations

import importlib
import math
import sys
from pathlib import Path

import pytest

pytest.importorskip("pybullet")

SEEDS = Path(__file__).resolve().parents[2] / "skills_repo"
pytestmark = pytest.mark.timeout(120)


@pytest.fixture
def skills():
    """Import seed skills as programs do (`from skills.x import x`), then forget them."""
    sys.path.insert(0, str(SEEDS))

    def load(name):
        return getattr(importlib.import_module(f"skills.{name}"), name)

    yield load
    sys.path.remove(str(SEEDS))
    for mod in [m for m in sys.modules if m == "skills" or m.startswith("skills.")]:
        del sys.modules[mod]


def episode(task, seed):
    from sim import make_episode

    ep = make_episode(task, seed)
    words = {k: str(v) for k, v in ep.scene.slots.items()}
    return ep, words


def run_skill(fn, task, seed, make_args):
    ep, words = episode(task, seed)
    try:
        fn(ep.robot, **make_args(words))
        return ep.evaluate()["success"]
    finally:
        ep.close()


@pytest.mark.parametrize("task, seed", [("pick_place_bowl", 0), ("pick_place_bowl", 7), ("pick_place_tray", 1)])
def test_place_in(skills, task, seed):
    slot = "ball" if task == "pick_place_tray" else "block"
    container = "tray" if task == "pick_place_tray" else "bowl"
    assert run_skill(skills("place_in"), task, seed, lambda w: {"obj": w[slot], "container": w[container]})


@pytest.mark.parametrize("task, seed, a, b", [("stack_two", 0, "top", "bottom"), ("stack_two", 3, "top", "bottom"),
                                              ("pick_place_plate", 2, "block", "plate")])
def test_stack_on(skills, task, seed, a, b):
    assert run_skill(skills("stack_on"), task, seed, lambda w: {"obj": w[a], "base": w[b]})


def test_stack_tower(skills):
    assert run_skill(skills("stack_tower"), "stack_three", 1,
                     lambda w: {"blocks": [w["bottom"], w["middle"], w["top"]]})


def test_sort_by_color(skills):
    assert run_skill(skills("sort_by_color"), "sort_by_color", 3, lambda w: {})


def test_pick_holds_and_release_above_puts_down(skills):
    ep, words = episode("pick_place_plate", 0)
    try:
        held = skills("pick")(ep.robot, words["block"])
        assert held["name"] == ep.scene.bindings["block"][0] and ep.embodiment.held == held["name"]
        assert ep.robot.get_ee_pose().position[2] > 0.1
        plate = ep.robot.detect(words["plate"])[0]
        skills("release_above")(ep.robot, held, plate.position[0], plate.position[1],
                                plate.position[2] + plate.size[2] / 2, support=plate.name)
        assert ep.embodiment.held is None and ep.evaluate()["success"]
    finally:
        ep.close()


@pytest.mark.parametrize("seed", [0, 3])
def test_navigate_to(skills, seed):
    assert run_skill(skills("navigate_to"), "navigate_goal", seed, lambda w: {"target": w["goal"]})


@pytest.mark.parametrize("seed", [2, 3])
def test_approach_object(skills, seed):
    assert run_skill(skills("approach_object"), "navigate_to_object", seed, lambda w: {"target": w["target"]})


def test_scan_obstacles_and_plan_route(skills):
    ep, words = episode("navigate_goal", 1)
    try:
        obstacles = skills("scan_obstacles")(ep.robot, exclude=ep.scene.bindings["goal"][0])
        assert obstacles and all(r > 0.62 for _, _, r in obstacles)
        base = ep.robot.get_base_pose().position
        goal = ep.robot.detect(words["goal"])[0].position
        legs = skills("plan_route")(ep.robot, base[:2], goal[:2], obstacles)
        assert math.dist(legs[-1], goal[:2]) < 1e-6
        here = base[:2]
        for leg in legs:  # every leg stays outside every circle (with the planner's slack)
            for k in range(21):
                x, y = here[0] + (leg[0] - here[0]) * k / 20, here[1] + (leg[1] - here[1]) * k / 20
                assert all(math.hypot(x - ox, y - oy) > r - 0.07 for ox, oy, r in obstacles)
            here = leg
    finally:
        ep.close()


# 619: a distractor stands close behind the block's near side, where the fingertip would come down
@pytest.mark.parametrize("seed", [2, 619])
def test_push_to_zone(skills, seed):
    assert run_skill(skills("push_to_zone"), "push_to_zone", seed, lambda w: {"obj": w["block"], "zone": w["zone"]})


# 843: a distractor stands in the lane the drag sweeps and has to be set aside first
@pytest.mark.parametrize("seed", [0, 843])
def test_pull_with_tool(skills, seed):
    assert run_skill(skills("pull_with_tool"), "tool_use_pull", seed,
                     lambda w: {"tool": w["hook"], "obj": w["block"]})


COMPOSITE = Path(__file__).resolve().parents[2] / "bench" / "composite"


def test_place_in_fills_a_tray_block_by_block_without_touching_what_is_in_it(skills):
    """Every block into one tray: each goes where the tray has most room and is let go above the others."""
    ep, _ = episode(str(COMPOSITE / "groups" / "groups_blocks_into_tray.toml"), 0)
    try:
        place_in = skills("place_in")
        blocks = [d.name for d in ep.robot.detect("block")]
        assert len(blocks) >= 2
        for name in blocks:
            place_in(ep.robot, name, "white tray")
        assert ep.evaluate()["success"]
    finally:
        ep.close()


def test_pick_takes_a_block_out_of_a_bowl_without_a_finger_hitting_the_wall(skills):
    """Seed 4 holds the block off the bowl's centre: grasped across, a finger hit the wall."""
    ep, words = episode(str(COMPOSITE / "start_states" / "start_states_bowl_to_bowl.toml"), 4)
    try:
        skills("place_in")(ep.robot, words["block"], words["target"])
        assert ep.evaluate()["success"]
    finally:
        ep.close()



def _goal_scene(tmp_path, name: str, success: str, objects: list[dict], avoid: list[str],
                distractors: str = "[0, 2]", size_scale: str = "[0.9, 1.1]") -> str:
    """The task file the words make for a goal (`aspire_tui.agent.scene`), written out here so the scenes
    of these seeds stay as they were when the skill failed on them (a scene draws from its seed and the
    task's name)."""
    from aspire_tui.agent.scene import _toml

    lines = ["[task]", f"name = {_toml(name)}", 'category = "push"', f"instructions = {_toml([name])}",
             f"success = {_toml(success)}", ""]
    for o in objects:
        lines += ["[[objects]]", f"region = {_toml(o.pop('region', _REACH))}"]
        lines += [f"{k} = {_toml(v)}" for k, v in o.items()] + [""]
    lines += ["[distractors]", f"count = {distractors}", 'kinds = ["block"]', f"avoid = {_toml(avoid)}", "",
              "[perturb]", f"size_scale = {size_scale}", "friction = [0.6, 1.0]", "mass_scale = [0.7, 1.5]",
              "camera_jitter = [0.006, 0.006]"]
    path = tmp_path / f"{name}.toml"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return str(path)


_REACH = {"x": [0.36, 0.62], "y": [-0.22, 0.22]}
_ANY = ["black", "blue", "brown", "cyan", "gray", "green", "orange", "pink", "purple", "red", "white", "yellow"]


def _left_of(robot, obj, anchor, gap=0.04):
    """The spot ``gap`` to the left of ``anchor`` (+y), edge to edge, as the offline coder's _beside picks it."""
    a, o = robot.detect(anchor)[0], robot.detect(obj)[0]
    return a.position[0], a.position[1] + a.size[1] / 2 + o.size[1] / 2 + gap


# 869: the camera saw the plate 4.7 mm high, under the 5 mm taken for a painted zone, and the block was
# pushed through it; 809: a block beyond the bowl leaves only a way round in several turns, and the
# block was pushed to and fro (development set, pushes)
@pytest.mark.parametrize("anchor, edge, seed", [("plate", 0.062, 869), ("bowl", 0.074, 809)])
def test_push_to_goes_round_what_it_is_to_end_up_beside(skills, tmp_path, anchor, edge, seed):
    """A block pushed to the left of a plate or bowl goes round it, and never through it."""
    task = _goal_scene(tmp_path, f"all_left_of_green_block_{anchor}_never_lifted_green_block",
                       f"all(left_of(green_block, {anchor}), never_lifted(green_block))",
                       [{"id": "green_block", "kind": "block", "color": "green"},
                        {"region": {"x": [0.36, 0.62], "y": [-0.22, edge]}, "id": anchor, "kind": anchor,
                         "color": _ANY}], ["green block", anchor])
    ep, _ = episode(task, seed)
    try:
        x, y = _left_of(ep.robot, "green block", anchor)
        skills("push_to")(ep.robot, "green block", x, y)
        assert ep.evaluate()["success"]
    finally:
        ep.close()


def test_push_to_leaves_a_ball_where_the_push_ends(skills, tmp_path):
    """A fingertip rising against a ball's lower half wedged it 5 cm on past where one push ended, push
    after push, until it was out of the arm's reach (development set, pushes)."""
    task = _goal_scene(tmp_path, "all_in_green_ball_yellow_zone_never_lifted_green_ball",
                       "all(in_zone(green_ball, yellow_zone), never_lifted(green_ball))",
                       [{"id": "green_ball", "kind": "ball", "color": "green"},
                        {"id": "yellow_zone", "kind": "zone", "color": "yellow"}], ["green ball", "yellow zone"])
    ep, _ = episode(task, 0)
    try:
        ep.robot.home()
        x, y, _ = ep.robot.detect("green ball")[0].position
        assert x - 0.12 > 0.4  # the push ends well inside the pushing area
        skills("push_to")(ep.robot, "green ball", x - 0.12, y, max_pushes=1)  # one push, towards the robot
        after = ep.robot.detect("green ball")[0].position
        assert math.hypot(after[0] - (x - 0.12), after[1] - y) < 0.025
    finally:
        ep.close()


def test_stack_on_puts_three_blocks_on_one_plate(skills, tmp_path):
    """Seed 905: the first block in the plate's middle left the third only a spot diagonal to it, where
    their corners met (development set, groups)."""
    task = _goal_scene(tmp_path, "on_all_blocks_plate", "on(blocks, plate)",
                       [{"id": "blocks", "kind": "block", "color": _ANY, "count": [2, 3]},
                        {"id": "plate", "kind": "plate", "color": _ANY}], ["block", "plate"])
    ep, _ = episode(task, 905)
    try:
        stack_on = skills("stack_on")
        plate = ep.robot.detect("plate")[0].name
        for block in [d.name for d in ep.robot.detect("block")]:
            stack_on(ep.robot, block, plate)
        assert ep.evaluate()["success"]
    finally:
        ep.close()


def test_place_in_puts_three_blocks_in_one_zone(skills, tmp_path):
    """Seed 587: the drop points kept 2 cm of the zone's centre as if it had a tray's walls, and the second
    block came down on the first (development set, groups)."""
    task = _goal_scene(tmp_path, "in_3_blocks_red_zone", "in_zone(blocks, red_zone)",
                       [{"id": "blocks", "kind": "block", "color": _ANY, "count": 3},
                        {"id": "red_zone", "kind": "zone", "color": "red"}], ["block", "red zone"])
    ep, _ = episode(task, 587)
    try:
        place_in = skills("place_in")
        for block in [d.name for d in ep.robot.detect("block")][:3]:
            place_in(ep.robot, block, "red zone")
        assert ep.evaluate()["success"]
    finally:
        ep.close()


_HOOK = {"id": "hook", "kind": "hook", "color": ["black", "gray", "brown"], "size": [0.34, 0.1, 0.025],
         "region": {"x": [0.42, 0.55], "y": [-0.12, 0.12]}, "yaw": [-0.04, 0.04]}


def test_pull_with_tool_sets_a_neighbour_aside_where_the_table_has_room(skills, tmp_path):
    """Seed 502: a block at the table's -y edge stands in the lane, where "aside" (-y) is off the table;
    set down there, clamped to the edge, it stayed in the lane and a finger hit it (a lane that also
    covers the tine's reach took more room on that side; development set, tool use)."""
    task = _goal_scene(tmp_path, "in_reach_red_block", "in_reach(block)",
                       [{"region": {"x": [0.87, 0.95], "y": [-0.15, 0.15]}, "id": "block", "kind": "block",
                         "size": [0.04, 0.04, 0.04], "color": "red"}, dict(_HOOK)],
                       ["red block"], distractors="[0, 1]", size_scale="[0.9, 1.15]")
    assert run_skill(skills("pull_with_tool"), task, 502, lambda w: {"tool": "hook", "obj": "red block"})


def test_pull_with_tool_slides_a_bowl_out_of_the_lane_and_leaves_the_hook_clear(skills, tmp_path):
    """Seed 0: a bowl in the lane was picked up to be set aside (the grasp closed on nothing); then the
    hook, let go against the block's side, was hit by the fingers taking the block on (development set,
    tool use: "pull the pink block within reach, then put it in the bowl")."""
    task = _goal_scene(tmp_path, "then_in_reach_pink_block_in_pink_block_bowl", "in_reach(pink_block)",
                       [{"region": {"x": [0.72, 0.8], "y": [-0.15, 0.15]}, "id": "pink_block", "kind": "block",
                         "color": "pink"}, {"id": "bowl", "kind": "bowl", "color": _ANY}, dict(_HOOK)],
                       ["bowl", "pink block"])
    ep, _ = episode(task, 0)
    try:
        skills("pull_with_tool")(ep.robot, "hook", "pink block")
        assert ep.evaluate()["success"]
        skills("pick")(ep.robot, "pink block")  # the fingers meet no hook
    finally:
        ep.close()
