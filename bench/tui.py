"""TUI figures, all measured in this one process run (headless Pilot, plus `aspire --help` as a subprocess).

    python -m bench.tui                 # one offline episode (pick_place_bowl), 40 key presses
    python -m bench.tui --keys 100

Prints: time to first usable screen (app start until the input has focus and the
library's HEAD is on the status line); live frames painted on screen per second
while episodes run (each count is a repaint of the camera pane with a frame it had
not painted before; "while episodes run" is every stretch in which paints come less
than `GAP_S` apart, so the loop's thinking between runs is left out, and
`frames_per_s_task` is the same count over the whole task); key-to-screen latency
(a key press until the input holds it, plus one 60 Hz refresh) p50/p95 while the
episode runs; and `aspire --help` wall time.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

TASK = "put the red block in the green bowl"
GAP_S = 0.5  # paints further apart than this are two stretches (between them no episode moved the robot)


def help_time(n: int = 5) -> float:
    exe = Path(sys.executable).parent / "aspire"
    times = []
    for _ in range(n):
        t0 = time.perf_counter()
        subprocess.run([str(exe), "--help"], capture_output=True, check=True)
        times.append(time.perf_counter() - t0)
    return statistics.median(times)


async def measure(keys: int) -> dict[str, float]:
    from aspire_tui.app.app import AspireApp, Settings
    from aspire_tui.app.history import History
    from aspire_tui.app.widgets.frame_pane import FramePane
    from aspire_tui.app.widgets.prompt_input import PromptInput
    from aspire_tui.app.widgets.status_line import StatusLine

    out: dict[str, float] = {}
    t0 = time.perf_counter()
    app = AspireApp(Settings(validate=1), History(None))
    async with app.run_test(size=(140, 40)) as pilot:
        while app.main is None or not app.main.query_one(StatusLine).head:
            await pilot.pause(0.01)
        out["first_usable_s"] = time.perf_counter() - t0
        prompt = app.main.query_one(PromptInput)
        prompt.value = TASK
        await pilot.press("enter")
        pane = app.main.query_one(FramePane)
        t_run = time.perf_counter()
        paints: list[float] = []
        render_line = pane.render_line

        def timed_render_line(y: int):
            """The pane's own paint, timed when it puts a new live frame on screen."""
            before = pane.frames_painted
            strip = render_line(y)
            if pane.frames_painted != before and pane.frame is not None and pane.frame.live:
                paints.append(time.perf_counter())
            return strip
        pane.render_line = timed_render_line
        latencies = []
        for i in range(keys):
            if not app.main.running:
                break
            before = prompt.value
            t = time.perf_counter()
            press = asyncio.ensure_future(pilot.press("x"))  # Pilot's own settling is not counted
            while prompt.value == before:
                await asyncio.sleep(0.001)
            latencies.append(time.perf_counter() - t + 1 / 60)  # + one screen refresh (Textual's 60 Hz)
            await press
            await pilot.pause(0.05)
        while app.main.running:
            await pilot.pause(0.05)
        run_s = time.perf_counter() - t_run
        out["task_s"] = run_s
        out["frames_painted"] = len(paints)
        out["frames_per_s_task"] = len(paints) / run_s
        moving, frames = 0.0, 0
        for a, b in zip(paints, paints[1:]):
            if b - a < GAP_S:
                moving, frames = moving + (b - a), frames + 1
        out["episode_moving_s"] = moving
        out["frames_per_s"] = frames / moving if moving else 0.0
        if latencies:
            lat = sorted(latencies)
            out["key_p50_ms"] = 1000 * statistics.median(lat)
            out["key_p95_ms"] = 1000 * lat[max(0, int(round(0.95 * len(lat))) - 1)]
            out["keys"] = len(lat)
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--keys", type=int, default=40)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as home:
        os.environ["ASPIRE_HOME"] = home
        figures = asyncio.run(measure(args.keys))
    figures["help_s"] = help_time()
    for k, v in figures.items():
        print(f"{k:16} {v:.3f}" if isinstance(v, float) else f"{k:16} {v}")


if __name__ == "__main__":
    main()
