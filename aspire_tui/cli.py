"""The `aspire` command line: a thin click layer over the library.

Start-up stays free of pybullet, textual, llm and git: each subcommand lives in
its own module under ``aspire_tui.commands`` and is imported only when used.
"""

from __future__ import annotations

import importlib

import click

# name -> "module:attribute"; the module is imported only when the command runs.
COMMANDS: dict[str, str] = {
    "demo": "aspire_tui.commands.demo:demo",
    "tasks": "aspire_tui.commands.tasks:tasks",
    "exec": "aspire_tui.commands.exec_:exec_",
    "replay": "aspire_tui.commands.replay:replay",
    "runs": "aspire_tui.commands.runs:runs",
    "skills": "aspire_tui.commands.skills:skills",
    "run": "aspire_tui.commands.run:run",
    "evolve": "aspire_tui.commands.evolve:evolve",
    "bench": "aspire_tui.commands.bench:bench",
    "mcp": "aspire_tui.commands.mcp:mcp",
}

# One line of help per command, so `aspire --help` needs no imports.
HELP: dict[str, str] = {
    "demo": "Run one reference episode headlessly and print its outcome.",
    "tasks": "List task families, their categories and example instructions.",
    "exec": "Run one program on a task in the sandbox and print the outcome.",
    "replay": "Print a past run's trace as a table.",
    "runs": "Prune old runs (traces, keyframes) to a size; runs that skills or conversations name stay.",
    "skills": "Browse, search, edit and share the skill library.",
    "run": "Teach the robot a task: write, run, repair, validate and keep a skill.",
    "evolve": "Evolve programs for a task, a family or all families; keep the winners.",
    "bench": "Held-out benchmark: per-category success, report with plots.",
    "mcp": "Serve aspire's tools (tasks, skills, understand, run, exec, replay) to an MCP client over stdio.",
}


class LazyGroup(click.Group):
    """A click group whose subcommands are imported on first use."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(COMMANDS)

    def get_command(self, ctx: click.Context, name: str) -> click.Command | None:
        target = COMMANDS.get(name)
        if target is None:
            return None
        module_name, attr = target.split(":")
        return getattr(importlib.import_module(module_name), attr)

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        rows = [(name, HELP.get(name, "")) for name in self.list_commands(ctx)]
        with formatter.section("Commands"):
            formatter.write_dl(rows)


def task_path(scene: str | None) -> str | None:
    """A task file named on the command line, as an absolute path (relative: from where it was typed)."""
    if scene and scene.endswith(".toml"):
        from pathlib import Path

        return str(Path(scene).expanduser().absolute())
    return scene


@click.group(cls=LazyGroup, invoke_without_command=True)
@click.version_option(package_name="aspire-tui")
@click.option("--library", type=click.Path(file_okay=False), envvar="ASPIRE_LIBRARY",
              help="The skill library the app uses (default: $ASPIRE_HOME or the user data dir).")
@click.option("-m", "--model", default=None, help="The app's coder: an llm model id (default: offline, no key).")
@click.option("--scene", metavar="FAMILY", default=None,
              help="The app's task family (default: chosen from each task's words).")
@click.option("-c", "--continue", "continue_", is_flag=True, help="Open the app on the last conversation.")
@click.option("--resume", is_flag=True, help="Open the app on a saved conversation picked from a list.")
@click.pass_context
def cli(ctx: click.Context, library: str | None, model: str | None, scene: str | None,
        continue_: bool, resume: bool) -> None:
    """aspire: teach robots skills by writing code.

    With no command, opens the app: type a task, watch the agent write a robot
    program, run it in simulation, read the trace, repair it and keep what
    worked as a skill.
    """
    if ctx.invoked_subcommand is not None:
        _pass_on(ctx, ctx.invoked_subcommand)
        return
    from aspire_tui.app.app import run_app  # textual is paid for only by the app

    scene = task_path(scene)

    run_app(library=library, model=model, scene=scene,
            resume="pick" if resume else "last" if continue_ else None)


def main() -> None:
    """The `aspire` command: `cli`, ended without the interpreter's teardown.

    A command that has said everything still spends a tenth of a second or more freeing what it loaded (the
    reader's tables, the embedding model, pybullet); the person waits for the prompt through it. So once
    the command has ended, its output is flushed, the exit handlers run (the worker pool ends its workers)
    and the process ends. An error that is not the command's own exit keeps Python's usual ending, with
    its traceback."""
    import atexit
    import os
    import sys
    import threading

    from aspire_tui.runner.threads import THREAD_ENV

    for variable, value in THREAD_ENV.items():  # set before numpy is imported; a person's own setting wins
        os.environ.setdefault(variable, value)
    try:
        cli.main(prog_name="aspire")
    except SystemExit as done:
        code = done.code
    else:  # pragma: no cover - click's standalone mode always ends in SystemExit
        code = 0
    if isinstance(code, str):
        print(code, file=sys.stderr)
        code = 1
    for thread in threading.enumerate():  # a thread still writing finishes first, as at a usual exit
        if thread is not threading.current_thread() and not thread.daemon:
            thread.join()
    atexit._run_exitfuncs()  # noqa: SLF001 - the handlers Python would run at its own exit
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except (OSError, ValueError):  # a reader that went away ("aspire tasks | head"): nothing to flush to
            pass
    os._exit(code or 0)


def _pass_on(ctx: click.Context, name: str) -> None:
    """The app's options typed before a command (``aspire --library L run ...``) become that command's own
    where it has them, as if typed after it; one it does not have is refused in one line, never ignored."""
    from click.core import ParameterSource

    given = [param for param in ctx.command.params
             if ctx.get_parameter_source(param.name) == ParameterSource.COMMANDLINE]
    if not given:
        return
    command = ctx.command.get_command(ctx, name)
    own = {param.name for param in command.params} if command is not None else set()
    for param in given:
        if param.name not in own:
            flag = max(param.opts, key=len)
            raise click.UsageError(f"{flag} is an option of the app, and `aspire {name}` has none; "
                                   f"run `aspire {name} --help` for its options")
    ctx.default_map = {name: {param.name: ctx.params[param.name] for param in given}}

