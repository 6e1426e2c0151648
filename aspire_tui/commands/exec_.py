"""``aspire exec``: run one program on one task in the sandbox and print the outcome.

Exit status 0 only when the run succeeded. Errors are one line.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import click


def _library_paths(library: str | None) -> tuple[Path | None, Path]:
    """(skills folder or None, runs folder) for ``--library`` or the default library (relative: from here)."""
    from aspire_tui.runner.paths import default_home

    root = (Path(library).expanduser() if library else default_home()).absolute()
    skills = root / "skills"
    return (skills if skills.is_dir() else None), root / "runs"


def _echo_record(record) -> None:
    from aspire_tui.runner.trace import clean_text

    line = f"  #{record.index:<3} {clean_text(record.signature(70))}"
    if record.status != "ok":
        err = record.error or {}
        line += "  " + click.style(clean_text(f"{err.get('type')}: {err.get('message')}"), fg="red")
    click.echo(line)


@click.command("exec")
@click.argument("program", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--task", "task", metavar="FAMILY", help="A built-in task family (see `aspire tasks`).")
@click.option("--task-file", type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help="A task file (TOML) instead of a family.")
@click.option("--seed", type=click.IntRange(min=0), required=True, help="Scene seed.")
@click.option("--timeout", type=click.FloatRange(min=0, min_open=True, max=86400), default=60.0,
              show_default=True, help="Wall-clock limit in seconds.")
@click.option("--json", "as_json", is_flag=True, help="Print the whole trace as JSON.")
@click.option("--gui", is_flag=True, help="Show the simulation in a pybullet window (needs DISPLAY).")
@click.option("--no-keyframes", is_flag=True, help="Do not render a keyframe per call.")
@click.option("--library", type=click.Path(file_okay=False), envvar="ASPIRE_LIBRARY",
              help="The skill library (default: $ASPIRE_HOME or the user data dir).")
def exec_(program: Path, task: str | None, task_file: Path | None, seed: int, timeout: float,
          as_json: bool, gui: bool, no_keyframes: bool, library: str | None) -> None:
    """Run PROGRAM (a file defining run(robot)) in the sandbox on one task and seed."""
    from aspire_tui.runner.pool import WorkerPool

    if (task is None) == (task_file is None):
        raise click.UsageError("give exactly one of --task FAMILY or --task-file T.toml")
    if gui and not os.environ.get("DISPLAY"):
        raise click.ClickException("--gui needs a display, and DISPLAY is not set")
    try:
        source = program.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as e:
        raise click.ClickException(f"cannot read {program}: {e}") from e
    # relative paths are from where the command was typed, not from the worker's folder
    task_file = task_file.expanduser().absolute() if task_file is not None else None
    pool = WorkerPool(1, gui=True) if gui else None
    try:
        trace = run_in_sandbox(source, task_file if task_file is not None else task, seed, timeout=timeout,
                               library=library, keyframes=not no_keyframes, pool=pool,
                               on_record=None if as_json else _echo_record,
                               note=lambda line: click.echo(line, err=as_json))
    finally:
        if pool is not None:
            pool.close()
    if as_json:
        data = trace.to_dict()
        data["path"] = str(trace.path) if trace.path else None
        click.echo(json.dumps(data, indent=1, default=str))
    else:
        _print_outcome(trace)
    if trace.outcome != "succeeded":
        raise SystemExit(1)


def run_in_sandbox(source: str, task, seed: int, *, timeout: float = 60.0, library: str | None = None,
                   keyframes: bool = True, pool=None, on_record=None, note=click.echo, stop=None):
    """Run a program's text on (task, seed) in the sandbox, as ``aspire exec`` does; return its `Trace`.

    The MCP server's ``execute_program`` calls this too, so a program from any front end is bound,
    checked and confined the same way and fails with the same one-line errors.

    Args:
        source: the program (defines ``run(robot)``); an ``ARGS`` dict is bound to the scene's words.
        task: a family name or an absolute path to a task file.
        library: the library whose ``skills/`` the program may import and whose ``runs/`` keeps the trace.
        note: called with each line worth telling (how ``ARGS`` were bound).
        stop: a `threading.Event`; once set, the run ends and `aspire_tui.runner.Cancelled` is raised.

    Raises:
        click.ClickException: the task or seed is not valid, no worker started, or the trace was not written.
    """
    from aspire_tui.runner.pool import RunnerError, run_program
    from sim.errors import TaskError

    source = _bind_args(source, task, seed, note)
    skills_dir, runs_dir = _library_paths(library)
    try:
        return run_program(source, task, seed, timeout=timeout, skills_dir=skills_dir, runs_dir=runs_dir,
                           keyframes=keyframes, pool=pool, on_record=on_record, stop=stop)
    except (TaskError, RunnerError) as e:
        raise click.ClickException(str(e)) from e
    except OSError as e:
        raise click.ClickException(f"cannot write the trace: {e}") from e


def _bind_args(source: str, task, seed: int, note) -> str:
    """A program with an ``ARGS`` dict gets the phrases of (task, seed)'s instruction; ``note`` says which."""
    from aspire_tui.runner.program_args import bind_args, declared_args
    from aspire_tui.runner.trace import clean_text
    from sim.episode import make_episode
    from sim.errors import TaskError

    try:
        declared_args(source)
    except (ValueError, SyntaxError):  # no ARGS literal (or no valid Python: the check says where)
        return source
    try:
        episode = make_episode(task, seed)
    except TaskError as e:
        raise click.ClickException(str(e)) from e
    try:
        bound, slots = bind_args(source, episode)
    except (KeyError, ValueError) as e:
        note(clean_text(f"ARGS kept as written: {str(e).strip(chr(34) + chr(39))}"))
        return source
    finally:
        episode.close()
    values = declared_args(bound)[0]
    said = ", ".join(f"{k}={values[k]!r}" + (f" ({{{slot}}})" if slot != k else "") for k, slot in slots.items())
    note(clean_text(f"ARGS from the instruction \"{episode.instruction}\": {said}"))
    return bound


def _print_outcome(trace) -> None:
    from aspire_tui.runner.trace import clean_text

    color = {"succeeded": "green", "failed": "red", "error": "red", "timeout": "yellow",
             "rejected": "magenta"}.get(trace.outcome, "white")
    click.echo(click.style(trace.outcome, fg=color, bold=True) + f"  {trace.task} seed {trace.seed}"
               + (f": {trace.instruction}" if trace.instruction else ""))
    for v in trace.violations:
        click.echo(clean_text(f"  {v.get('file') or 'program'}:{v['line']}:{v['column']}: [{v['rule']}] {v['message']}"))
    record = trace.failure
    if record is not None and record.error:
        where = f" ({record.where})" if record.where else ""
        click.echo(clean_text(f"failed at call #{record.index} {record.call}{where}: "
                              f"{record.error.get('type')}: {record.error.get('message')}"))
    if trace.outcome not in ("succeeded", "rejected") and trace.failure_reason:
        click.echo(clean_text(f"reason: {trace.failure_reason}"))
    failed = [k for k, ok in trace.checks.items() if not ok]
    if failed:
        click.echo("failed checks: " + ", ".join(failed))
    click.echo(f"trace: {trace.path}")
