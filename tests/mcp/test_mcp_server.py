"""`aspire mcp` through the SDK's own stdio client: a real server process, real library, real sandbox.

Each test starts `aspire mcp` as a client configured with it would (the command, its arguments and
the environment), over the classic initialize handshake that MCP clients speak.
"""

from __future__ import annotations

import json
import os
import shutil
import sys
import time
from pathlib import Path
from typing import Any, Awaitable, Callable

import anyio
import pytest
from mcp import Client, StdioServerParameters
from mcp.shared.exceptions import MCPError

TOOLS = {"list_tasks", "search_skills", "show_skill", "understand", "run_task", "execute_program", "replay_run"}
HOME = "def run(robot):\n    robot.home()\n"


def serve(library: Path, check: Callable[[Client], Awaitable[Any]]) -> Any:
    """Start `aspire mcp --library LIBRARY`, shake hands, run ``check(client)``, close; return its result."""
    aspire = shutil.which("aspire", path=str(Path(sys.executable).parent)) or "aspire"
    params = StdioServerParameters(command=aspire, args=["mcp", "--library", str(library)], env=dict(os.environ))

    async def main() -> Any:
        async with Client(params, mode="legacy", read_timeout_seconds=120) as client:
            return await check(client)

    return anyio.run(main)


def answer(result) -> dict[str, Any]:
    """The JSON a tool answered (its first content block)."""
    assert not result.is_error, result.content[0].text
    return json.loads(result.content[0].text)


def error(result) -> str:
    """The one line a failed call answered."""
    assert result.is_error
    text = result.content[0].text
    assert "\n" not in text and "Traceback" not in text, text
    return text


def test_handshake_lists_the_tools_and_the_library_as_resources(library):
    async def check(client: Client):
        assert client.server_info.name == "aspire"
        tools = {t.name: t for t in (await client.list_tools()).tools}
        resources = (await client.list_resources()).resources
        templates = (await client.list_resource_templates()).resource_templates
        lesson = await client.read_resource("aspire://lessons/collision_on_approach")
        with pytest.raises(MCPError) as missing:
            await client.read_resource("aspire://skills/no_such_skill")
        return tools, resources, templates, lesson, missing.value

    tools, resources, templates, lesson, missing = serve(library, check)
    assert set(tools) == TOOLS
    assert tools["execute_program"].input_schema["required"] == ["program", "task", "seed"]
    assert all(t.description for t in tools.values())
    uris = {str(r.uri) for r in resources}
    assert "aspire://skills/place_in" in uris and "aspire://lessons/collision_on_approach" in uris
    assert {t.uri_template for t in templates} == {"aspire://skills/{name}", "aspire://lessons/{name}"}
    assert lesson.contents[0].text == (library / "lessons/collision_on_approach.md").read_text()
    assert "no skill or lesson named 'no_such_skill'" in str(missing)


def test_understand_search_and_show_answer_as_the_cli_does(library):
    async def check(client: Client):
        return [await client.call_tool(name, args) for name, args in [
            ("understand", {"instruction": "put the red block in the green bowl"}),
            ("search_skills", {"query": "put a block in a bowl", "limit": 3}),
            ("show_skill", {"name": "place_in", "log_limit": 1}),
            ("list_tasks", {"category": "stack", "examples": 1}),
        ]]

    understood, found, shown, families = serve(library, check)
    goal = answer(understood)
    assert goal["line"].startswith("goal: in(red block, green bowl)")
    assert goal["scene"] == "in_red_block_green_bowl" and 'success = "in(block, bowl)"' in goal["task_file"]
    hits = answer(found)["results"]
    assert hits[0]["name"] == "place_in" and len(hits) == 3
    skill = answer(shown)
    assert skill["source"] == (library / "skills/place_in.py").read_text()
    assert skill["log"][0]["summary"].startswith("Seed the skill library")
    rows = json.loads(families.content[0].text)
    assert "stack_two" in {r["name"] for r in rows} and {r["category"] for r in rows} == {"stack"}
    assert all(len(r["examples"]) == 1 for r in rows)


def test_bad_arguments_get_one_line_each_and_the_server_goes_on(library):
    """Missing, wrong-typed, out-of-range and unknown arguments, bad words, unknown names: one line each."""
    calls = [
        ("execute_program", {"program": HOME, "task": "pick_place_bowl"}),
        ("execute_program", {"program": HOME, "task": "pick_place_bowl", "seed": -1}),
        ("execute_program", {"program": HOME, "task": "pick_place_bowl", "seed": "one"}),
        ("execute_program", {"program": HOME, "task": "pick_place_bowl", "seed": 1, "sede": 2}),
        ("execute_program", {"program": HOME, "task": "no_such_family", "seed": 1}),
        ("understand", {"instruction": "put the purple elephant on the moon"}),
        ("show_skill", {"name": "no_such_skill"}),
        ("replay_run", {"run": "no-such-run"}),
        ("run_task", {"instruction": "put the red block in the green bowl", "budget": "tokens=lots"}),
        ("no_such_tool", {}),
    ]

    async def check(client: Client):
        said = [error(await client.call_tool(name, args)) for name, args in calls]
        return said, answer(await client.call_tool("understand", {"instruction": "stack the red block on the blue block"}))

    said, still = serve(library, check)
    assert said[0] == "execute_program: missing argument 'seed'"
    assert said[1] == "execute_program: argument 'seed': Input should be greater than or equal to 0"
    assert said[2].startswith("execute_program: argument 'seed': Input should be a valid integer")
    assert said[3] == "execute_program: no such argument 'sede' (it takes: program, seed, task, timeout)"
    assert said[4].startswith("unknown task 'no_such_family'")  # `aspire exec --task no_such_family` says the same
    assert "elephant" in said[5]
    assert said[6] == f"no skill or lesson named 'no_such_skill' in {library}"
    assert said[7].startswith("no run 'no-such-run'")
    assert said[8] == "budget tokens='lots' is not a number"  # as `aspire run --budget tokens=lots`
    assert said[9] == "Unknown tool: no_such_tool"
    assert still["line"].startswith("goal: on(red block, blue block)")
    program = library.parent / "home.py"
    program.write_text(HOME)
    lib = ["--library", str(library)]
    assert said[4] == cli_error(["exec", str(program), "--task", "no_such_family", "--seed", "1", *lib])
    assert said[5] == cli_error(["run", "put the purple elephant on the moon", "--dry-run", *lib])
    assert said[6] == cli_error(["skills", *lib, "show", "no_such_skill"])
    assert said[7] == cli_error(["replay", "no-such-run", *lib])
    assert said[8] == cli_error(["run", "put the red block in the green bowl", "--budget", "tokens=lots", *lib])


def cli_error(args: list[str]) -> str:
    """The line `aspire ARGS` prints after ``Error:``."""
    from click.testing import CliRunner

    from aspire_tui.cli import cli

    result = CliRunner().invoke(cli, args)
    assert result.exit_code == 1, result.output
    return result.output.strip().splitlines()[-1].removeprefix("Error: ")


def test_execute_program_runs_in_the_sandbox_and_replay_shows_its_keyframes(library):
    program = "import os\n" + HOME
    reach = "def run(robot):\n    robot.home()\n    robot.move_to(0.5, 0.0, 0.3)\n    robot.move_to(2.0, 0.0, 0.3)\n"

    async def check(client: Client):
        rejected = answer(await client.call_tool("execute_program", {"program": program, "task": "pick_place_bowl",
                                                                     "seed": 1}))
        lines: list[str] = []

        async def progress(step, total, message):
            lines.append(message)

        failed = answer(await client.call_tool("execute_program", {"program": reach, "task": "pick_place_bowl",
                                                                   "seed": 1}, progress_callback=progress))
        replayed = await client.call_tool("replay_run", {"run": failed["run_id"], "max_images": 2})
        return rejected, failed, lines, replayed

    rejected, failed, lines, replayed = serve(library, check)
    assert rejected["outcome"] == "rejected" and "module 'os' is not allowed" in rejected["headline"]
    assert failed["outcome"] == "failed" and failed["failing_call"]["call"] == "move_to"
    assert failed["failing_call"]["error"]["type"] == "IKError" and "IKError" in failed["summary"]
    assert (library / "runs" / failed["run_id"] / "trace.json").is_file()
    assert lines[0].startswith("#0 home()") and any("IKError" in line for line in lines)
    assert not replayed.is_error
    data = json.loads(replayed.content[0].text)
    assert [r["call"].split("(")[0] for r in data["records"]] == ["home", "move_to", "move_to"]
    images = [c for c in replayed.content if c.type == "image"]
    assert len(images) == 2 == len(data["images_show_records"]) and images[0].mime_type == "image/png"
    assert data["images_show_records"][0] == data["failure_index"] == 2


def test_run_task_reports_progress_and_returns_the_outcome_program_and_run(library):
    """A built-in task, the offline coder: progress lines as it goes, then the outcome, program and run id."""
    lines: list[str] = []

    async def check(client: Client):
        async def progress(step, total, message):
            lines.append(message)

        result = await client.call_tool("run_task", {"instruction": "pile the red cube on top of the blue one",
                                                     "validate": 1}, progress_callback=progress)
        return answer(result)

    result = serve(library, check)
    assert result["outcome"] == "succeeded" and result["success"] and result["validated"] == "1/1"
    assert "def run(robot)" in result["program"] and result["family"] == "stack_two"
    assert result["run_id"] == result["runs"][-1]
    assert (library / "runs" / result["run_id"] / "trace.json").is_file()
    assert lines[0].startswith("goal: on(red block, blue block)") and lines[-1].startswith("done: validated 1/1")
    assert any(line.startswith("validation 1/1") for line in lines)


def test_a_cancelled_run_task_stops_its_run_and_frees_the_worker(library):
    """Cancelling the request ends the episode in the sandbox: the one worker is free for the next call."""
    async def check(client: Client):
        with anyio.move_on_after(3) as scope:
            # more validation scenes than 3 s can run, so the call is still running when it is cancelled
            await client.call_tool("run_task", {"instruction": "put the red block in the green bowl", "validate": 50})
        cancelled = scope.cancelled_caught
        started = time.monotonic()
        after = answer(await client.call_tool("execute_program", {"program": HOME, "task": "pick_place_bowl",
                                                                  "seed": 2}))
        return cancelled, after, time.monotonic() - started

    cancelled, after, seconds = serve(library, check)
    assert cancelled
    assert after["outcome"] == "failed" and seconds < 10  # not queued behind the validation runs
