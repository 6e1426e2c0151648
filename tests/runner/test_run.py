"""run_program end to end: outcomes, traces on disk, determinism, skills, live records."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from aspire_tui.runner import Trace, WorkerPool, run_program

PICK_PLACE = """
def run(robot):
    block = robot.detect("block")[0]
    x, y, z = block.position
    robot.move_to(x, y, z + 0.1)
    robot.move_to(x, y, z)
    robot.grasp()
    bowl = robot.detect("bowl")[0]
    robot.move_to(x, y, 0.2)
    robot.move_to(bowl.position[0], bowl.position[1], 0.2)
    robot.release()
"""

VOLATILE = ("run_id", "started_at", "duration")


def _stable(path: Path) -> dict:
    data = json.loads(path.read_text())
    for key in VOLATILE:
        data.pop(key)
    for record in data["records"]:
        record.pop("t_wall")
    return data


def test_a_good_program_succeeds_and_writes_trace_and_keyframes(run):
    trace = run(PICK_PLACE, seed=2, keyframes=True, check=True)
    assert trace.outcome == "succeeded", trace.summary()
    assert trace.checks["success"] is True
    assert trace.path.name == "trace.json" and trace.path.parent.name == trace.run_id
    assert [r.call for r in trace.records][:3] == ["detect", "move_to", "move_to"]
    assert trace.records[3].held_object  # held after grasp
    for record in trace.records:  # every call has a picture; one that moved nothing shares the last one
        assert (trace.run_dir / record.keyframe).read_bytes()[:4] == b"\x89PNG"
        assert record.keyframe == f"frames/{record.index:04d}.png" or record.call == "detect"
    assert trace.records[0].keyframe == "frames/0000.png"  # the first call always has its own
    assert trace.records[4].call == "detect" and trace.records[4].keyframe == trace.records[3].keyframe


def test_a_call_that_moved_nothing_reuses_the_last_keyframe(run):
    """Looking (detect, see) moves nothing: no second render of the same scene; a failed look too."""
    trace = run("""
        def run(robot):
            robot.move_to(0.45, 0.0, 0.3)
            robot.detect("block")
            robot.see()
            try:
                robot.detect("unicorn")
            except Exception:
                pass
            robot.move_to(0.45, 0.1, 0.3)
            robot.detect("bowl")
    """, seed=0, keyframes=True)
    frames = [r.keyframe for r in trace.records]
    assert frames == ["frames/0000.png"] * 4 + ["frames/0004.png"] * 2, frames
    assert trace.records[3].status == "failed"


def test_a_call_that_only_reads_state_shares_the_previous_keyframe(run):
    trace = run("""
        def run(robot):
            robot.move_to(0.45, 0.0, 0.3)
            robot.get_ee_pose()
            robot.gripper_width()
            robot.move_to(0.45, 0.1, 0.3)
    """, seed=0, keyframes=True)
    frames = [r.keyframe for r in trace.records]
    assert frames == ["frames/0000.png", "frames/0000.png", "frames/0000.png", "frames/0003.png"]
    assert all((trace.run_dir / f).is_file() for f in frames)
    assert trace.records[0].where == "program.py:3"
    assert Trace.load(trace.run_dir).to_dict() == trace.to_dict()


def test_same_program_task_and_seed_give_identical_trace_json(run, runs_dir, tmp_path):
    """Byte-identical apart from run_id, started_at, duration and t_wall, on warm and fresh workers."""
    first = run(PICK_PLACE, seed=5, keyframes=True)
    run(PICK_PLACE, seed=6)  # something else in between on the same world
    second = run(PICK_PLACE, seed=5, keyframes=True)
    with WorkerPool(1) as fresh:
        third = run_program(PICK_PLACE, "pick_place_bowl", 5, pool=fresh, runs_dir=tmp_path / "other")
    a, b, c = (_stable(t.path) for t in (first, second, third))
    assert a == b
    assert json.dumps(a, indent=1) == json.dumps(b, indent=1)
    assert a == c
    assert len(first.records) > 3


def test_robot_error_that_escapes_is_failed_at_that_call(run):
    trace = run("""
        def run(robot):
            robot.get_ee_pose()
            robot.detect("unicorn")
    """, check=True)
    assert trace.outcome == "failed"
    assert trace.failure_index == 1
    assert trace.failure.error["type"] == "ObjectNotFound"
    assert "visible" in trace.failure.error["evidence"]
    assert "ObjectNotFound" in trace.headline() and "#1 detect" in trace.headline()


def test_caught_robot_error_then_return_is_judged_by_the_world(run):
    trace = run("""
        def run(robot):
            try:
                robot.detect("unicorn")
            except Exception as e:
                print("caught", e.evidence["query"], e.message)
    """, check=True)
    assert trace.outcome == "failed" and trace.failure_index == 0
    assert "not done" in trace.failure_reason
    assert "caught unicorn nothing matching" in trace.stdout


def test_python_error_is_error_with_line(run):
    trace = run("""
        def run(robot):
            dets = robot.detect("block")
            return dets[99]
    """, check=True)
    assert trace.outcome == "error"
    assert trace.failure_reason.startswith("IndexError") and "program.py:4" in trace.failure_reason
    assert trace.failure_index is None


def test_bad_arguments_reach_the_program_as_python_errors(run):
    trace = run("""
        def run(robot):
            for args in [("a", 0, 0), (1.0,), (float("nan"), 0, 0)]:
                try:
                    robot.move_to(*args)
                except TypeError:
                    print("TypeError")
                except ValueError:
                    print("ValueError")
            robot.nope()
    """, check=True)
    assert trace.stdout.split() == ["TypeError", "TypeError", "ValueError"]
    assert trace.outcome == "error" and "AttributeError" in trace.failure_reason
    assert [r.status for r in trace.records] == ["failed", "failed"]  # NaN never leaves the program


def test_see_returns_an_image_and_records_only_its_shape(run):
    trace = run("""
        import numpy as np
        def run(robot):
            img = robot.see()
            print(img.shape, img.dtype, int(img.max()) > 0)
            pose = robot.get_ee_pose()
            print(repr(pose)[:5], len(pose.position))
    """, check=True)
    assert "(240, 320, 3) uint8 True" in trace.stdout
    assert "Pose( 3" in trace.stdout
    assert trace.records[0].result == {"image": [240, 320, 3], "dtype": "uint8"}


def test_skills_are_imported_from_the_library(run, tmp_path):
    skills = tmp_path / "skills"
    skills.mkdir()
    (skills / "lift.py").write_text('"""Lift the gripper."""\n\ndef lift(robot, z=0.3):\n'
                                    '    return robot.move_to(0.5, 0.0, z)\n')
    trace = run("""
        from skills.lift import lift
        import skills.lift
        def run(robot):
            lift(robot)
            skills.lift.lift(robot, 0.25)
    """, check=True, skills_dir=skills)
    assert trace.outcome == "failed"  # moved, but the task is not done
    assert [r.where for r in trace.records] == ["skills/lift.py:4", "skills/lift.py:4"]
    assert list(trace.skills) == ["lift"]


def test_rejected_program_never_runs(run, pool):
    trace = run("import os\ndef run(robot):\n    os.system('x')\n", check=True)
    assert trace.outcome == "rejected"
    assert trace.records == [] and trace.sandbox == []
    assert trace.violations[0]["rule"] == "import" and trace.violations[0]["line"] == 1
    assert trace.path.exists()
    assert "static check rejected" in trace.summary()


def test_syntax_error_with_check_off_is_an_error(run):
    trace = run("def run(robot):\n    return (\n")
    assert trace.outcome == "error" and trace.failure_reason.startswith("SyntaxError")


def test_unknown_task_raises_one_line_task_error(run):
    from sim.errors import TaskError, UnknownTask

    with pytest.raises(UnknownTask) as info:
        run("def run(robot): pass\n", task="pick_place_bowel")
    assert "\n" not in str(info.value) and "pick_place_bowl" in str(info.value)
    with pytest.raises(TaskError):
        run("def run(robot): pass\n", task=Path("/nonexistent/task.toml"))


def test_on_record_streams_each_call(run):
    seen = []
    trace = run("def run(robot):\n    robot.get_ee_pose()\n    robot.gripper_width()\n", on_record=seen.append)
    assert [r.call for r in seen] == ["get_ee_pose", "gripper_width"]
    assert [r.to_dict() for r in seen] == [r.to_dict() for r in trace.records]


def test_summary_centres_on_the_failing_call(run):
    trace = run("""
        def run(robot):
            for _ in range(6):
                robot.get_ee_pose()
            robot.move_to(0.5, 0.0, 0.2)
            robot.detect("unicorn")
            robot.home()
    """)
    text = trace.summary()
    assert "> #7 detect('unicorn')" in text
    assert "#5 get_ee_pose" in text and "#6 move_to" in text
    assert "#4 get_ee_pose" not in text
    assert "evidence:" in text
    # the success check's parts are for people, never for a coder reading the summary
    assert trace.checks and "checks" not in text
    assert not any(name in text for name in trace.checks if name != "success")
