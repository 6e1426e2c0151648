"""The camera pane is worth looking at: its picture fills the pane at common sizes with objects several cells
wide, F3 enlarges it over the side panes, F4 shows the whole frame, and a trace row opens its call's keyframe."""

from __future__ import annotations

import pytest

from aspire_tui.agent import events as ev
from aspire_tui.app.frames import view_box, work_area
from aspire_tui.app.messages import AgentEvent, FrameReady
from aspire_tui.app.widgets.call_detail import CallDetail
from aspire_tui.app.widgets.frame_pane import FramePane
from aspire_tui.app.widgets.program_pane import ProgramPane
from aspire_tui.app.widgets.trace_table import TraceTable

pytestmark = pytest.mark.anyio

W, H = 160, 120        # the size of the runner's live frames and keyframes
BLOCK = (70, 66, 76, 72)   # a 6-pixel red block, as a 4 cm block is in the overview camera
BOWL = (64, 76, 84, 88)


def scene_frame(step: int = 1, **kwargs) -> FrameReady:
    """A frame like the overview camera's: white sky, pale brown table, grey arm, a red block, a green bowl."""
    def pixel(x: int, y: int) -> tuple[int, int, int]:
        if BLOCK[0] <= x < BLOCK[2] and BLOCK[1] <= y < BLOCK[3]:
            return 200, 30, 30
        if BOWL[0] <= x < BOWL[2] and BOWL[1] <= y < BOWL[3]:
            return 40, 160, 50
        if 90 <= x < 100 and y < 60:
            return 200, 200, 205    # the arm
        return (158, 128, 97) if y > 40 else (255, 255, 255)
    rgb = bytes(v for y in range(H) for x in range(W) for v in pixel(x, y))
    return FrameReady(rgb, W, H, step=step, **kwargs)


def test_work_area_finds_the_coloured_objects_not_the_table_sky_or_arm():
    f = scene_frame()
    assert work_area(f.rgb, W, H) == (64, 66, 84, 88)


def test_view_box_has_the_pane_shape_and_stays_inside_the_frame():
    for cols, rows in [(38, 8), (46, 13), (78, 26), (120, 5)]:
        for area in (None, (64, 66, 84, 88), (0, 0, 20, 20), (150, 100, 160, 120)):
            x0, y0, x1, y1 = view_box(W, H, cols, rows, area)
            assert 0 <= x0 < x1 <= W + 1e-6 and 0 <= y0 < y1 <= H + 1e-6
            assert (x1 - x0) / (y1 - y0) == pytest.approx(cols / (2 * rows), rel=1e-6)


@pytest.mark.parametrize("size,min_block_cells", [((80, 24), 2.5), ((120, 35), 4), ((200, 60), 6)])
async def test_the_picture_fills_its_pane_and_objects_are_cells_wide(make_app, size, min_block_cells):
    """The camera used to draw an 18x14-cell picture in a 44-column pane at 120x35, a block one or two
    cells wide. Now every cell of the pane is picture, and a 6-pixel block spans several cells."""
    app = make_app()
    async with app.run_test(size=size) as pilot:
        pane = app.main.query_one(FramePane)
        pane.frame = scene_frame()
        await pilot.pause()
        cols, rows = pane.content_size.width, pane.content_size.height
        lines = pane._lines
        picture = sum(len(line) for line in lines)
        assert picture >= 0.9 * cols * rows, f"{size}: picture {len(lines[0])}x{len(lines)} in a {cols}x{rows} pane"
        assert rows >= 6 and cols >= 38
        block_cells = (BLOCK[2] - BLOCK[0]) * cols / (pane.box[2] - pane.box[0])
        assert block_cells >= min_block_cells, f"{size}: the block is {block_cells:.1f} cells wide"


async def test_f3_enlarges_the_camera_over_the_side_panes_and_back(make_app):
    app = make_app()
    async with app.run_test(size=(120, 35)) as pilot:
        main = app.main
        pane = main.query_one(FramePane)
        pane.frame = scene_frame()
        await pilot.pause()
        small = pane.content_size
        await pilot.press("f3")
        await pilot.pause()
        big = pane.content_size
        assert big.width > small.width and big.height > 2 * small.height
        assert not main.query_one(TraceTable).display and not main.query_one(ProgramPane).display
        assert sum(len(line) for line in pane._lines) >= 0.9 * big.width * big.height
        await pilot.press("f3")
        await pilot.pause()
        assert pane.content_size == small and main.query_one(TraceTable).display


async def test_f4_shows_the_whole_frame_and_back_to_the_work_area(make_app):
    app = make_app()
    async with app.run_test(size=(120, 35)) as pilot:
        pane = app.main.query_one(FramePane)
        pane.frame = scene_frame()
        await pilot.pause()
        zoomed = pane.box
        await pilot.press("f4")
        await pilot.pause()
        whole = pane.box
        assert whole[2] - whole[0] > 1.5 * (zoomed[2] - zoomed[0])
        assert whole[2] - whole[0] == pytest.approx(W) or whole[3] - whole[1] == pytest.approx(H)
        assert "zoom" in pane.border_subtitle
        await pilot.press("f4")
        await pilot.pause()
        assert pane.box == zoomed


async def test_a_trace_row_opens_its_keyframe_from_disk(make_app, tmp_path):
    """A row of the trace names its call's keyframe file (a link in the call pane); Enter on the row shows
    that keyframe in the enlarged camera, titled with the row's call number and seed."""
    from PIL import Image

    run = tmp_path / "runs" / "20250101-120000-abcdef"
    (run / "frames").mkdir(parents=True)
    f = scene_frame()
    Image.frombytes("RGB", (W, H), f.rgb).save(run / "frames" / "0001.png")
    app = make_app()
    async with app.run_test(size=(120, 35)) as pilot:
        main = app.main
        main.runs_dir = str(tmp_path / "runs")
        for i in range(3):
            main.post_message(AgentEvent(ev.CallRecorded(1, 20, i, "move_to", "ok", f"move_to({i})",
                                                         keyframe=f"frames/{i:04d}.png", run_id=run.name)))
        await pilot.pause()
        table = main.query_one(TraceTable)
        table.focus()
        table.move_cursor(row=1)
        await pilot.pause()
        assert str(run / "frames" / "0001.png") in str(main.query_one(CallDetail).render())
        pane = main.query_one(FramePane)
        assert pane.frame is not None and pane.frame.step == 1 and "seed 20" in pane.border_title
        pane.frame = None
        await pilot.press("enter")
        await pilot.pause()
        assert main.camera_big and pane.frame.step == 1 and pane.frame.rgb == f.rgb
        table.move_cursor(row=2)    # no file on disk for #2: said, not a crash
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        assert pane.frame.step == 1


async def test_a_validation_runs_frame_says_so_beside_its_call_number(make_app):
    """The camera said call #19 while the trace showed #12: the frame was a validation seed's, which the
    trace does not list. The title now names the seed, and a validation run as one."""
    app = make_app()
    async with app.run_test(size=(120, 35)) as pilot:
        pane = app.main.query_one(FramePane)
        pane.frame = scene_frame(19, live=True, seed=10003, traced=False)
        await pilot.pause()
        assert "call #19  validation seed 10003" in pane.border_title
        pane.frame = scene_frame(12, live=True, seed=20)
        await pilot.pause()
        assert pane.border_title.endswith("call #12  seed 20")
