"""``aspire bench``: the held-out suite under four conditions; a Markdown report with PNG plots."""

from __future__ import annotations

import json
from pathlib import Path

import click


@click.command("bench")
@click.option("--suite", type=click.Choice(["held-out", "hard"]), default=None,
              help="held-out: the families' own scenes; hard: a variant of each with wider perturbations and "
                   "more clutter (its task files go to OUT/tasks). Default: hard with --quick, else held-out.")
@click.option("--quick", is_flag=True, help="A subset with small searches: four chosen cases of the hard suite, "
                                            "three where the library's first program fails so that diagnosis and "
                                            "repair decide them (with --families: one case of each).")
@click.option("--families", default=None, metavar="F1,F2", help="Only these task families.")
@click.option("--out", "out_dir", type=click.Path(file_okay=False), default="bench-report", show_default=True,
              help="Where report.md, the PNGs and results.json go.")
@click.option("--per-family", type=click.IntRange(min=1), default=None, help="Held-out cases per family.")
@click.option("--no-continual", is_flag=True, help="Skip the continual-learning run.")
@click.option("-m", "--model", default=None, help="An llm model id (default: the offline coder).")
@click.option("--json", "as_json", is_flag=True, help="Print the results as JSON instead of a table.")
def bench(suite: str | None, quick: bool, families: str | None, out_dir: str, per_family: int | None, no_continual: bool,
          model: str | None, as_json: bool) -> None:
    """Evaluate the agent on held-out seeds: no library, library, library + search, error-only diagnosis."""
    from rich.console import Console

    from aspire_tui.agent.coder import CoderError, coder_for
    from aspire_tui.evaluation import EvaluationError
    from aspire_tui.evolve.evaluate import SearchError
    from aspire_tui.evolve.report import BenchConfig, run_bench, summary_table, write_report

    out_dir = str(Path(out_dir).expanduser().absolute())  # its task files go to workers elsewhere
    names = [f.strip() for f in families.split(",") if f.strip()] if families else None
    config = BenchConfig.quick(names) if quick else BenchConfig(families=names)
    config.continual = not no_continual
    config.suite = suite or ("hard" if quick else "held-out")
    if per_family or config.suite != "hard":
        config.seeds = None   # the quick cases were chosen on the hard variants' scenes
    config.per_family = per_family or config.per_family

    def coder_factory():
        return coder_for(model)

    console = Console(highlight=False, stderr=as_json)
    try:
        coder_factory()
        result = run_bench(Path(out_dir), config, coder_factory=coder_factory,
                           note=lambda m: console.print(m, style="dim", markup=False))
    except (EvaluationError, SearchError, CoderError) as e:
        raise click.ClickException(str(e)) from None
    except KeyboardInterrupt:
        click.echo("interrupted: no report written", err=True)
        raise SystemExit(130)
    report = write_report(result, Path(out_dir))
    if as_json:
        click.echo(json.dumps({**result.to_dict(), "report": str(report)}, default=str))
        return
    console.print(summary_table(result))
    if result.retention is not None:
        console.print(f"continual-learning retention: {100 * result.retention:.0f}%")
    console.print(f"report: {report}")
