"""``aspire replay RUN``: print a past run's trace as a table."""

from __future__ import annotations

import json
from pathlib import Path

import click


def load_trace(run: str, library: str | None = None):
    """The `Trace` of ``run`` (a run id, a prefix of one, a run folder or a trace.json) in ``library``'s runs.

    Raises:
        click.ClickException: no such run, an ambiguous prefix, or a trace that cannot be read (one line).
    """
    from aspire_tui.runner.paths import default_runs_dir, find_run
    from aspire_tui.runner.trace import Trace

    runs_dir = Path(library).expanduser() / "runs" if library else default_runs_dir()
    try:
        return Trace.load(find_run(run, runs_dir))
    except FileNotFoundError as e:
        raise click.ClickException(str(e).strip("'\"")) from e
    except (OSError, ValueError, KeyError, TypeError) as e:
        raise click.ClickException(f"cannot read the trace of {run}: {e}") from e


@click.command("replay")
@click.argument("run")
@click.option("--library", type=click.Path(file_okay=False), envvar="ASPIRE_LIBRARY",
              help="The skill library whose runs/ to look in (default: $ASPIRE_HOME or the user data dir).")
@click.option("--json", "as_json", is_flag=True, help="Print the trace as JSON.")
@click.option("--summary", is_flag=True, help="Print the compact summary a model is shown.")
def replay(run: str, library: str | None, as_json: bool, summary: bool) -> None:
    """Print the trace of RUN (a run id, a prefix of one, a run folder or a trace.json)."""
    trace = load_trace(run, library)
    if as_json:
        click.echo(json.dumps(trace.to_dict(), indent=1, default=str))
    elif summary:
        click.echo(trace.summary())
    else:
        _table(trace)


def _table(trace) -> None:
    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

    from aspire_tui.runner.trace import _short, brief, clean_text

    console = Console()
    title = clean_text(f"{trace.run_id}  {trace.task} seed {trace.seed}")
    table = Table(title=title, caption=trace.instruction or None, expand=True)
    for name, kw in [("#", {"justify": "right"}), ("call", {"ratio": 3}), ("status", {}),
                     ("result / error", {"ratio": 4, "overflow": "fold"}), ("t_sim", {"justify": "right"}),
                     ("held", {"ratio": 1}), ("where", {"ratio": 1})]:
        table.add_column(name, **kw)
    for r in trace.records:
        failed = r.status != "ok"
        if failed:
            err = r.error or {}
            detail = Text(clean_text(f"{err.get('type')}: {err.get('message')}"), style="red")
            if err.get("evidence"):
                detail.append(clean_text(f"\n{_short(err['evidence'], 200)}"), style="dim")
        else:
            detail = Text(clean_text(brief(r.result, 80)))
        table.add_row(str(r.index), Text(clean_text(r.signature(50))),
                      Text(r.status, style="red bold" if failed else "green"), detail, f"{r.t_sim:.2f}",
                      Text(r.held_object or ""), Text(clean_text(r.where.replace("program.py:", "line "))),
                      style="on grey15" if r.index == trace.failure_index else None)
    console.print(table)
    color = {"succeeded": "green", "failed": "red", "error": "red", "timeout": "yellow"}.get(trace.outcome, "magenta")
    console.print(Text(trace.headline(), style=f"bold {color}"))
    for v in trace.violations:
        console.print(clean_text(f"  {v.get('file') or 'program'}:{v['line']}:{v['column']}: [{v['rule']}] "
                                 f"{v['message']}"), markup=False)
    if trace.checks:
        console.print("checks: " + ", ".join(f"{k}={'ok' if ok else 'FAIL'}" for k, ok in trace.checks.items()),
                      markup=False)
    if trace.stdout.strip():
        console.print("output:\n" + clean_text(trace.stdout.rstrip()[-2000:]), markup=False, highlight=False)
    if any(r.keyframe for r in trace.records):
        console.print(f"keyframes: {trace.run_dir / 'frames'}", markup=False)
    console.print(f"trace: {trace.path}", markup=False)
