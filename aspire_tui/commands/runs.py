"""``aspire runs``: the library's run folders (traces and keyframes).

``aspire runs prune`` keeps every run that a skill commit (``Aspire-Run``) or a saved conversation names,
and the newest others up to a size; the app and ``aspire run`` do the same after each task when ``runs/``
is over it. Errors are one line.
"""

from __future__ import annotations

import json
from pathlib import Path

import click


@click.group()
@click.option("--library", type=click.Path(file_okay=False), envvar="ASPIRE_LIBRARY",
              help="The skill library whose runs/ to look in (default: $ASPIRE_HOME or the user data dir).")
@click.pass_context
def runs(ctx: click.Context, library: str | None) -> None:
    """The library's runs: traces and keyframes under runs/."""
    from aspire_tui.runner.paths import default_home

    ctx.obj = (Path(library).expanduser() if library else default_home()).absolute()


@runs.command()
@click.option("--keep-mb", type=click.FloatRange(min=0), default=None, metavar="MB",
              help="Keep the newest runs up to this many MB [default: $ASPIRE_RUNS_KEEP_MB or 500]. "
                   "Runs a commit or a saved conversation names are always kept.")
@click.option("--dry-run", is_flag=True, help="Say what would be pruned; delete nothing.")
@click.option("--json", "as_json", is_flag=True, help="Print the report as JSON.")
@click.pass_obj
def prune(root: Path, keep_mb: float | None, dry_run: bool, as_json: bool) -> None:
    """Delete old runs so that runs/ stays under a size.

    Kept: every run that a skill commit (its Aspire-Run trailer) or a saved
    conversation names, then the newest other runs while runs/ stays under
    --keep-mb. `aspire replay` on a pruned run says that it was pruned.
    """
    from aspire_tui.runner.retention import RetentionError
    from aspire_tui.skills.retention import prune_library_runs

    try:
        report = prune_library_runs(root, keep_mb, dry_run=dry_run)
    except RetentionError as e:
        raise click.ClickException(str(e)) from None
    if as_json:
        click.echo(json.dumps(report.to_dict(), indent=2))
        return
    if dry_run:
        for run_id in report.pruned:
            click.echo(f"would prune {run_id}")
    click.echo(report.summary())
