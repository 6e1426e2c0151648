"""How the screens look (pytest-textual-snapshot): main at 80x24 and 200x60 in dark and light themes,
a failing iteration with its repair, help, the replay, resume and too-small screens.

Everything shown is made deterministic first: the status line's library path and HEAD (a temp folder
and a fresh seed commit) are set to fixed text, and frames and traces are built here, not simulated.
Update after an intended change with ``pytest tests/app/test_snapshots.py --snapshot-update``.
"""

from __future__ import annotations

import asyncio

from aspire_tui.agent import events as ev
from aspire_tui.app.messages import AgentEvent, FrameReady, ReplayLoaded
from aspire_tui.app.session import Session
from aspire_tui.app.widgets.frame_pane import FramePane
from aspire_tui.app.widgets.prompt_input import PromptInput
from aspire_tui.app.widgets.status_line import StatusLine
from aspire_tui.runner.trace import CallRecord, Trace

PROGRAM = """def run(robot):
    block = robot.detect("red block")[0]
    robot.move_to(*block.position, 0.15)
    robot.move_to(*block.position)
    robot.grasp()
"""
REPAIR = """@@ -3,2 +3,3 @@
     robot.move_to(*block.position, 0.15)
-    robot.move_to(*block.position)
+    x, y, z = block.position
+    robot.move_to(x, y, z + 0.01, speed=0.2)
"""
FAILURE = {"type": "CollisionError", "message": "gripper hit green_bowl on the way down",
           "evidence": {"bodies": ["gripper", "green_bowl"], "point": [0.5, 0.1, 0.05]}}


def gradient(width: int = 64, height: int = 48) -> FrameReady:
    """A fixed picture: red across, green down."""
    rgb = bytes(v for y in range(height) for x in range(width) for v in (x * 255 // width, y * 255 // height, 90))
    return FrameReady(rgb, width, height, step=2, live=True)


async def settled(pilot) -> None:
    """Wait for the library check, then pin what differs from run to run."""
    app = pilot.app
    for _ in range(600):
        if app.main is not None and app.main.query_one(StatusLine).head:
            break
        await asyncio.sleep(0.05)
    status = app.main.query_one(StatusLine)
    status.library, status.head = "~/.local/share/aspire/library", "5eed0c0ffee1"
    # a blinking cursor is drawn or not by when the picture is taken: the snapshots differed by it alone
    app.main.query_one(PromptInput).cursor_blink = False
    await pilot.pause()


async def failing_iteration(pilot) -> None:
    await settled(pilot)
    main = pilot.app.main
    for event in [ev.TaskStarted("put the red block in the green bowl", "pick_place_bowl", 20, "offline"),
                  ev.SkillsRetrieved(["pick", "place_in"]),
                  ev.ProgramWritten(1, PROGRAM), ev.CheckResult(1, True),
                  ev.CallRecorded(1, 20, 0, "detect", "ok", "detect('red block')"),
                  ev.CallRecorded(1, 20, 1, "move_to", "ok", "move_to(0.52, 0.11, 0.15)"),
                  ev.CallRecorded(1, 20, 2, "move_to", "failed", "move_to(0.52, 0.11, 0.03)", FAILURE,
                                  where="program.py:4"),
                  ev.RunFinished(1, 20, "failed", "failed: pick_place_bowl seed 20, call #2 move_to: CollisionError", "20250101-120000-abcdef"),
                  ev.Diagnosis(1, "CollisionError", "move_to", "the descent hit the bowl: approach slower, higher"),
                  ev.RepairDiff(1, REPAIR, ["raise the grasp height", "slow the descent"])]:
        main.post_message(AgentEvent(event))
    main.query_one(FramePane).frame = gradient()
    await pilot.pause()
    main.query_one(PromptInput).focus()
    await pilot.pause()


def test_main_screen_80x24_dark(snap_compare, make_app):
    assert snap_compare(make_app(), terminal_size=(80, 24), run_before=settled)


def test_main_screen_failing_iteration_200x60_light(snap_compare, make_app):
    """The failed call highlighted in the trace, its evidence in the call pane, the repair's diff."""
    app = make_app()
    app.theme = "textual-light"
    assert snap_compare(app, terminal_size=(200, 60), run_before=failing_iteration)


def test_main_screen_failing_iteration_80x24_dark(snap_compare, make_app):
    assert snap_compare(make_app(), terminal_size=(80, 24), run_before=failing_iteration)


def test_help_120x40(snap_compare, make_app):
    async def run_before(pilot):
        await settled(pilot)
        pilot.app.main.commands.run("/help")
        await pilot.pause()
    assert snap_compare(make_app(), terminal_size=(120, 40), run_before=run_before)


def test_replay_screen_120x40(snap_compare, make_app):
    records = [CallRecord(0, "detect", ["red block"], {}, "ok", result=[{"name": "red_block"}], where="program.py:2"),
               CallRecord(1, "move_to", [0.52, 0.11, 0.15], {}, "ok", where="program.py:3"),
               CallRecord(2, "move_to", [0.52, 0.11, 0.03], {}, "failed", error=FAILURE, where="program.py:4")]
    trace = Trace("20250101-120000-abcdef", "pick_place_bowl", 20, program=PROGRAM, records=records,
                  outcome="failed", failure_index=2, failure_reason="CollisionError: gripper hit green_bowl")

    async def run_before(pilot):
        await settled(pilot)
        pilot.app.main.post_message(ReplayLoaded(trace))
        await pilot.pause(0.2)
    assert snap_compare(make_app(), terminal_size=(120, 40), run_before=run_before)


def test_resume_list_100x30(snap_compare, make_app, sessions_dir):
    Session(sessions_dir / "20250101-100000-aaaaaa.jsonl").add("task", text="stack the blue block on the red")
    Session(sessions_dir / "20250102-093000-bbbbbb.jsonl").add("task", text="put the red block in the green bowl")
    app = make_app()
    app.resume = "pick"
    assert snap_compare(app, terminal_size=(100, 30), run_before=settled)


def test_too_small_terminal_50x12(snap_compare, make_app):
    assert snap_compare(make_app(), terminal_size=(50, 12))
