"""The MCP server: `actions` as MCP tools and resources, over stdio (the official ``mcp`` SDK).

Tools answer JSON text (a replay adds its keyframes as PNG images). The two
long ones, ``run_task`` and ``execute_program``, run on a worker thread,
send each of the loop's events (or each robot call) as a progress
notification, and stop their run when the client cancels the request. Every
error reaches the client as one line: the CLI's words for the same mistake.
"""

from __future__ import annotations

import logging
import threading
from typing import Annotated, Any, Callable, Literal

import anyio
import anyio.from_thread
import anyio.lowlevel
import anyio.to_thread
from mcp.server.mcpserver import Context, Image, MCPServer
from mcp.server.mcpserver.exceptions import ResourceNotFoundError, ToolError, UnexpectedToolError
from mcp.types import Resource
from pydantic import Field, ValidationError

from aspire_tui.mcp_server import actions
from aspire_tui.mcp_server.actions import ActionError

INSTRUCTIONS = """aspire teaches a simulated robot tasks by writing Python programs.
understand reads words into a goal and the scene it runs on; run_task writes, runs, repairs and validates a
program and keeps it as a skill (a file in a git library); execute_program runs a program of yours in the
sandbox (it defines run(robot)); replay_run shows a run's calls and keyframes. Skills and lessons are also
resources: aspire://skills/NAME and aspire://lessons/NAME."""

Seed = Annotated[int, Field(ge=0, description="Scene seed (0-999 are development scenes).")]
Timeout = Annotated[float, Field(gt=0, le=3600, description="Wall-clock limit per run, seconds.")]
Kind = Literal["program", "lesson"]
logger = logging.getLogger(__name__)


class AspireServer(MCPServer):
    """An MCPServer whose tool errors are one line and whose resource list is the library as it is now."""

    def __init__(self, library: str | None = None) -> None:
        from importlib.metadata import version

        super().__init__("aspire", instructions=INSTRUCTIONS, version=version("aspire-tui"), log_level="WARNING")
        self.library = library

    async def call_tool(self, name: str, arguments: dict[str, Any], context: Context | None = None):
        """Call a tool; unknown arguments are refused, and failures say what went wrong in one line."""
        listed = {t.name: t for t in await self.list_tools()}
        if name in listed:
            known = set((listed[name].input_schema or {}).get("properties", {}))
            unknown = sorted(set(arguments) - known)
            if unknown:
                raise ToolError(f"{name}: no such argument {unknown[0]!r} (it takes: {', '.join(sorted(known))})")
        try:
            return await super().call_tool(name, arguments, context)
        except ToolError as e:
            if isinstance(e, UnexpectedToolError) and not isinstance(e.__cause__, ActionError):
                logger.error("%s crashed", name, exc_info=e.__cause__)  # the traceback stays on stderr
            raise ToolError(error_line(name, e)) from e.__cause__

    async def list_resources(self) -> list[Resource]:
        """Every skill and lesson in the library, read fresh (the library grows while the server runs)."""
        rows = await anyio.to_thread.run_sync(actions.skill_files, self.library)
        return [Resource(uri=f"aspire://{r['folder']}/{r['name']}", name=r["name"], description=r["description"],
                         mime_type=MIME[r["folder"]]) for r in rows]


MIME = {"skills": "text/x-python", "lessons": "text/markdown"}


def error_line(tool: str, error: ToolError) -> str:
    """One line for a failed call: the argument that is wrong, or the action's own message."""
    cause = error.__cause__
    if isinstance(cause, ValidationError):
        parts = []
        for err in cause.errors():
            where = ".".join(str(p) for p in err["loc"])
            parts.append(f"missing argument {where!r}" if err["type"] == "missing"
                         else f"argument {where!r}: {err['msg']}")
        return f"{tool}: " + "; ".join(parts)
    if isinstance(cause, (ActionError, ToolError)):  # raised by an action: its message is already the line
        return str(cause)
    if cause is not None:  # a bug, not a mistake of the caller's: say what it was, the traceback is on stderr
        return f"{tool} failed: {type(cause).__name__}: {(str(cause).splitlines() or [''])[0]}"
    return (str(error).splitlines() or [f"{tool} failed"])[0]


def build(library: str | None = None) -> AspireServer:
    """The server for ``library`` (None: ``$ASPIRE_HOME`` or the user data dir), tools and resources added."""
    server = AspireServer(library)
    for tool in (list_tasks, search_skills, show_skill, understand, run_task, execute_program, replay_run):
        server.add_tool(tool)
    server.resource("aspire://skills/{name}", mime_type=MIME["skills"],
                    description="A program skill's source (skills/NAME.py).")(_reader(server, "skills"))
    server.resource("aspire://lessons/{name}", mime_type=MIME["lessons"],
                    description="A lesson (lessons/NAME.md).")(_reader(server, "lessons"))
    return server


def _reader(server: AspireServer, folder: str) -> Callable[[str], Any]:
    async def read(name: str) -> str:
        try:
            return await anyio.to_thread.run_sync(actions.read_skill, server.library, folder, name)
        except ActionError as e:
            raise ResourceNotFoundError(str(e)) from e

    read.__name__ = f"read_{folder}"
    return read


def _library(ctx: Context) -> str | None:
    return ctx.mcp_server.library


async def _in_thread(work: Callable[[], Any]) -> Any:
    return await anyio.to_thread.run_sync(work)


# ---------------------------------------------------------------- the tools

async def list_tasks(category: str | None = None, examples: Annotated[int, Field(ge=0, le=5)] = 1) -> str:
    """List the built-in task families: name, category, robot, success condition and example instructions."""
    return actions.to_text(await _in_thread(lambda: actions.list_tasks(category, examples)))


async def search_skills(query: str, ctx: Context, limit: Annotated[int, Field(ge=1, le=50)] = 5,
                        kind: Kind | None = None, category: str | None = None,
                        embodiment: str | None = None) -> str:
    """Find program skills and lessons for a task described in everyday words (vector + keyword search)."""
    library = _library(ctx)
    return actions.to_text(await _in_thread(
        lambda: actions.search_skills(library, query, limit, kind, category, embodiment)))


async def show_skill(name: str, ctx: Context, log_limit: Annotated[int, Field(ge=0, le=200)] = 10) -> str:
    """Show a skill or lesson: its source, its index entry, and its git log with the Aspire-* trailers."""
    library = _library(ctx)
    return actions.to_text(await _in_thread(lambda: actions.show_skill(library, name, log_limit)))


async def understand(instruction: str, scene: str | None = None, model: str | None = None) -> str:
    """Read an instruction into a goal (a predicate tree over the objects it names) and the scene it runs on.

    Args:
        scene: a task family or a task file (.toml); by default the words make the scene.
        model: an llm model id that may draft a task file for words no reader here can read.
    """
    return actions.to_text(await _in_thread(lambda: actions.understand(instruction, scene, model)))


async def run_task(instruction: str, ctx: Context, scene: str | None = None,
                   seed: Seed | None = None, model: str | None = None,
                   max_iterations: Annotated[int, Field(ge=1, le=50)] = 10,
                   validate: Annotated[int, Field(ge=0, le=50)] = 5, timeout: Timeout = 60.0,
                   budget: str | None = None) -> str:
    """Teach the robot a task: write a program, run it in the sandbox, repair it from its trace, validate it
    on fresh scenes and keep it as a skill. Sends progress notifications; cancel the request to stop it.

    Args:
        model: an llm model id for the coder (default: the offline coder, no key needed).
        budget: hard limits, e.g. 'tokens=20000,episodes=40,seconds=600'.

    Returns the outcome, its message, the program, the last run's id and the skill committed, if any.
    """
    library = _library(ctx)

    def work(emit: Callable[[Any], None], stop: threading.Event) -> dict:
        return actions.run_task(library, instruction, scene=scene, seed=seed, model=model,
                                max_iterations=max_iterations, validate=validate, timeout=timeout,
                                budget=budget, emit=lambda event: emit(progress_line(event)), stop=stop)

    return actions.to_text(await _cancellable(work, ctx))


async def execute_program(program: str, task: str, seed: Seed, ctx: Context, timeout: Timeout = 60.0) -> str:
    """Run a program (Python text defining run(robot)) on a task family or task file and seed, in the
    sandbox exactly as `aspire exec` does. Returns the outcome, the trace summary, the failing call and the
    run id (see replay_run). Each robot call is sent as a progress notification; cancel to stop the run."""
    library = _library(ctx)

    def work(emit: Callable[[Any], None], stop: threading.Event) -> dict:
        return actions.execute_program(library, program, task, seed, timeout,
                                       on_record=lambda r: emit(_record_line(r)), stop=stop)

    return actions.to_text(await _cancellable(work, ctx))


async def replay_run(run: str, ctx: Context,
                     max_images: Annotated[int, Field(ge=0, le=actions.MAX_IMAGES)] = 8) -> list:
    """Replay a past run: every robot call (status, result or error with evidence) and keyframes as images,
    the failing call's first. RUN is a run id, a prefix of one, a run folder or a trace.json."""
    library = _library(ctx)
    data, images = await _in_thread(lambda: actions.replay(library, run, max_images))
    return [actions.to_text(data), *(Image(data=png, format="png") for png in images)]


# ---------------------------------------------------------------- progress and cancelling

async def _cancellable(work: Callable[[Callable[[Any], None], threading.Event], Any], ctx: Context) -> Any:
    """Run ``work(emit, stop)`` on a thread; ``emit(line)`` becomes a progress notification, and a
    cancelled request sets ``stop``, which ends the sandboxed run at once."""
    from aspire_tui.runner.pool import Cancelled

    stop = threading.Event()
    loop = anyio.lowlevel.current_token()  # so any thread of the run can reach this event loop
    steps = iter(range(1, 1 << 62))  # progress must increase; next() on it is atomic under the GIL

    def emit(line: str | None) -> None:
        if not line or stop.is_set():
            return
        try:  # the client may be gone; losing a progress line must not end the run
            anyio.from_thread.run(ctx.report_progress, next(steps), None, line, token=loop)
        except Exception:  # noqa: BLE001 - whatever the transport raised, the run goes on
            pass

    try:
        # abandon: the await returns at once on cancel; the thread sees `stop` and winds down by itself
        return await anyio.to_thread.run_sync(lambda: work(emit, stop), abandon_on_cancel=True)
    except anyio.get_cancelled_exc_class():
        stop.set()
        raise
    except Cancelled as e:
        raise ToolError(f"stopped: {e}") from e


def progress_line(event: Any) -> str | None:
    """One line for a loop event worth a progress notification (None: not worth one)."""
    d = event.to_dict()
    kind = d["event"]
    lines = {
        "call_recorded": lambda: (f"#{d['index']} {d['signature']}: {d['error'].get('type')}: "
                                  f"{d['error'].get('message')}") if d.get("error") else None,
        "understood": lambda: d["line"],
        "task_started": lambda: f"task {d['instruction']!r} on {d['scene']} seed {d['seed']}, coder {d['coder']}",
        "skills_retrieved": lambda: "skills: " + (", ".join(d["skills"]) or "(none)"),
        "program_written": lambda: f"iteration {d['iteration']}: program written ({d['origin']})",
        "check_result": lambda: None if d["ok"] else "check: " + "; ".join(d["violations"]),
        "run_finished": lambda: f"run {d['run_id']}: {d['headline']}",
        "diagnosis": lambda: f"diagnosis: {d['summary']}",
        "repair_diff": lambda: "repair: " + "; ".join(d["actions"]),
        "validation_result": lambda: f"validation {d['successes']}/{d['runs']} on seeds {d['seeds']}",
        "skill_committed": lambda: f"committed {d['change']} {d['name']} {d['sha'][:8]}",
        "task_finished": lambda: f"{'done' if d['success'] else 'failed'}: {d['message']}",
    }
    try:
        return lines[kind]() if kind in lines else None
    except (KeyError, TypeError, AttributeError):  # an event whose fields changed still says what it was
        return kind.replace("_", " ")


def _record_line(record: Any) -> str:
    line = f"#{record.index} {record.signature(70)}"
    if record.status != "ok":
        err = record.error or {}
        line += f": {err.get('type')}: {err.get('message')}"
    return line


def serve(library: str | None = None) -> None:
    """Serve over stdio until the client closes the connection."""
    build(library).run("stdio")
