"""`aspire demo`: one reference episode, run in the sandbox, printed as it happens."""

from __future__ import annotations

import click


@click.command()
@click.option("--task", "family", default="pick_place_bowl", show_default=True, help="Task family.")
@click.option("--seed", default=0, show_default=True, help="Scene seed (0-999 are for development).")
@click.option("--runs-dir", type=click.Path(), help="Where the trace goes (default: $ASPIRE_HOME/runs).")
def demo(family: str, seed: int, runs_dir: str | None) -> None:
    """Run one reference episode headlessly and print its outcome.

    The family's reference program (skills_repo/reference/) gets the objects
    the instruction names, runs in the sandbox, and every robot call is
    printed as the simulation worker traces it.
    """
    from importlib import resources
    from pathlib import Path

    from rich.console import Console

    from aspire_tui.runner import run_program
    from aspire_tui.runner.program_args import program_for
    from sim.errors import TaskError
    from sim.episode import make_episode

    console = Console()
    reference = resources.files("skills_repo") / "reference" / f"{family}.py"
    if not reference.is_file():
        raise click.ClickException(f"no reference program for {family!r}; see `aspire tasks`")
    try:
        episode = make_episode(family, seed)
    except TaskError as e:
        raise click.ClickException(str(e)) from None
    program = program_for(reference.read_text(encoding="utf-8"), episode)
    console.print(f"[bold]{family}[/] seed {seed}: [italic]{episode.instruction}[/]")
    episode.close()

    def show(record) -> None:
        args = ", ".join(f"{a:.3f}" if isinstance(a, float) else repr(a) for a in record.args)
        mark = "[green]✓[/]" if record.status == "ok" else "[red]✗[/]"
        line = f"  {mark} {record.index:>2} robot.{record.call}({args})"
        if record.error:
            line += f"  [red]{record.error['type']}: {record.error['message']}[/]"
        console.print(line, highlight=False)

    with console.status("starting the simulation worker..."):
        trace = run_program(program, family, seed, runs_dir=Path(runs_dir) if runs_dir else None, on_record=show)
    colour = "green" if trace.outcome == "succeeded" else "red"
    console.print(f"[bold {colour}]{trace.outcome}[/] in {trace.duration:.2f} s"
                  + (f": {trace.failure_reason}" if trace.failure_reason else ""))
    console.print(f"trace: {trace.path}")
