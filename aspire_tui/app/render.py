"""Events as conversation lines: the same stream `aspire run` prints (commands/run.py), as rich text."""

from __future__ import annotations

from typing import Any

from rich.console import Group
from rich.markup import escape
from rich.syntax import Syntax
from rich.text import Text


def code_theme(dark: bool) -> str:
    """The syntax colours that read on the app's theme (ANSI colours follow the terminal's palette)."""
    return "ansi_dark" if dark else "ansi_light"


def describe(event: Any, dark: bool = True) -> Any | None:
    """A renderable for the conversation log, or None for events only the side panes show."""
    d = event.to_dict()
    kind = d["event"]
    if kind == "task_started":
        from aspire_tui.agent.events import goal_line

        line = goal_line(d.get("goal", {}))
        return Text.from_markup(f"[bold]task[/] {escape(d['instruction'])}  [dim]{d['scene']} seed {d['seed']}, "
                                f"coder {escape(d['coder'])}[/]" + (f"\n[bold]{escape(line)}[/]" if line else ""))
    if kind == "skills_retrieved":
        return Text.from_markup(f"[bold]skills[/] {escape(', '.join(d['skills']) or '(none)')}")
    if kind == "program_written":
        return Group(Text.from_markup(f"[bold]program[/] (iteration {d['iteration']}, {d['origin']})"),
                     Syntax(d["program"], "python", theme=code_theme(dark), word_wrap=True))
    if kind == "check_result":
        if d["ok"]:
            return Text.from_markup(f"[dim]check ok (iteration {d['iteration']})[/]")
        return Text.from_markup("\n".join(f"  [magenta]check[/] {escape(v)}" for v in d["violations"]))
    if kind == "call_recorded" and d["status"] != "ok":
        err = d.get("error") or {}
        return Text.from_markup(f"  [dim]#{d['index']:<3}[/] {escape(d['signature'])}  "
                                f"[red]{escape(str(err.get('type')))}: {escape(str(err.get('message')))}[/]")
    if kind == "run_finished":
        color = "green" if d["outcome"] == "succeeded" else "red"
        # the headline starts with the outcome ("failed: pick_place_bowl seed 3, call #4 …")
        return Text.from_markup(f"[{color}]{escape(d['headline'])}[/]  [dim]{d['run_id']}[/]")
    if kind == "diagnosis":
        lessons = f" [dim](lessons: {escape(', '.join(d['lessons']))})[/]" if d["lessons"] else ""
        return Text.from_markup(f"[bold yellow]diagnosis[/] {escape(d['summary'])}{lessons}")
    if kind == "repair_diff":
        return Text.from_markup(f"[bold]repair[/] {escape('; '.join(d['actions']))}")
    if kind == "validation_result":
        color = "green" if d["successes"] == d["runs"] and d["runs"] else "red"
        from aspire_tui.agent.events import recalled_note

        lines = [f"[bold]validation[/] [{color}]{d['successes']}/{d['runs']}[/] on seeds {d['seeds']}"
                 f"[dim]{recalled_note(d.get('recalled', 0))}[/]"]
        lines += [f"  [red]{escape(f)}[/]" for f in d["failures"]]
        return Text.from_markup("\n".join(lines))
    if kind == "skill_committed":
        return Text.from_markup(f"[bold green]committed[/] {d['change']} {escape(d['name'])} {d['sha'][:8]}: "
                                f"{escape(d['message'])}")
    if kind == "usage":
        return Text.from_markup(f"[dim]usage: {escape(d['model'])}: {d['prompts']} prompts, {d['input_tokens']} in / "
                                f"{d['output_tokens']} out tokens, {d['failures']} unusable replies[/]")
    if kind == "resolved":
        notes = f"  [dim]({escape('; '.join(d['notes']))})[/]" if d["notes"] else ""
        once = " [dim](once: not kept as a skill)[/]" if d.get("once") else ""
        return Text.from_markup(f"[bold]read as[/] {escape(d['instruction'])}{notes}{once}")
    if kind == "question_answered":
        return Text.from_markup(f"[bold cyan]answer[/] {escape(d['answer'])}  [dim]from the camera; nothing moved[/]")
    if kind == "world_changed":
        return Text.from_markup(f"[bold]table[/] {escape(d['reason'])}: {escape(d['summary'])}")
    if kind == "task_finished":
        color = "green" if d["success"] else "red"
        return Text.from_markup(f"[bold {color}]{'done' if d['success'] else 'failed'}[/] {escape(d['message'])} "
                                f"[dim]({d['iterations']} iterations, {d['seconds']:.1f} s)[/]")
    return None
