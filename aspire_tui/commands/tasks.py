"""`aspire tasks`: the task families, their categories and example instructions."""

from __future__ import annotations

import json

import click


def task_rows(category: str | None = None, examples: int = 2) -> list[dict]:
    """One row per task family (name, category, robot, description, success, example instructions).

    Raises:
        click.ClickException: a task file does not load, or no family has ``category`` (one line).
    """
    from sim.errors import TaskError
    from sim.tasks import list_tasks, sample_instructions

    try:
        specs = [s for s in list_tasks() if category in (None, s.category)]
    except TaskError as e:
        raise click.ClickException(str(e)) from None
    if category and not specs:
        raise click.ClickException(f"no family has category {category!r}; see `aspire tasks`")
    from sim.world import World

    world = World()  # one simulation for every family's example scenes
    try:
        return [{
            "name": s.name, "category": s.category, "embodiment": s.embodiment,
            "description": s.description, "success": s.success_text,
            "examples": sample_instructions(s, examples, world=world),
        } for s in specs]
    finally:
        world.close()


@click.command()
@click.option("--json", "as_json", is_flag=True, help="Print the families as JSON.")
@click.option("--category", help="Only families of this category (pick_place, stack, ...).")
@click.option("--examples", default=2, show_default=True, help="Example instructions per family.")
def tasks(as_json: bool, category: str | None, examples: int) -> None:
    """List task families, their categories and example instructions.

    Example k fills the family's k-th instruction template with the words of
    development seed k's scene (seeds 0, 1, 2, ...).
    Run one with `aspire exec PROGRAM.py --task FAMILY --seed N`.
    """
    rows = task_rows(category, examples)
    if as_json:
        click.echo(json.dumps(rows, indent=2))
        return
    from rich.console import Console
    from rich.table import Table

    table = Table(title=f"{len(rows)} task families", show_lines=True)
    table.add_column("family", style="bold cyan", no_wrap=True)
    table.add_column("category", style="magenta")
    table.add_column("robot")
    table.add_column("example instructions")
    table.add_column("success", style="green")
    for row in rows:
        table.add_row(row["name"], row["category"], row["embodiment"], "\n".join(row["examples"]), row["success"])
    Console().print(table)
