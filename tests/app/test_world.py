"""The conversation's table in the app, with Pilot: /world, questions that move nothing, /undo and "undo that"
putting the table back (and offering the skill revert too), /reset, and the table resumed with ``aspire -c``."""

from __future__ import annotations

from dataclasses import replace

import pytest

from aspire_tui.agent.conversation import Conversation, Step
from aspire_tui.agent.goal import Cond, Ref
from aspire_tui.agent.references import Past
from aspire_tui.app.app import AspireApp, Settings
from aspire_tui.app.history import History

from .test_app import log_text, submit, wait_for

pytestmark = pytest.mark.anyio

TABLE = """
[task]
name = "app_world_table"
category = "pick_place"
instructions = ["look"]
success = "lifted(red, 5)"

[[objects]]
id = "red"
kind = "block"
color = "red"
region = { x = [0.42, 0.5], y = [0.05, 0.15] }

[[objects]]
id = "bowl"
kind = "bowl"
color = "green"
region = { x = [0.56, 0.6], y = [-0.03, 0.03] }
"""


@pytest.fixture(scope="module")
def tables():
    """A table, and the same table after a task put the red block in the green bowl (with its skill commit)."""
    from aspire_tui.agent.world_runs import scene_world

    before = scene_world(TABLE, 0)
    bowl = before.get("green_bowl")
    red = replace(before.get("red_block"), position=(bowl.position[0], bowl.position[1], 0.027), rests="in",
                  host="green_bowl")
    after = replace(before, objects=(red, bowl))
    step = Step("put the red block in the green bowl",
                Past("put the red block in the green bowl", Cond("in", (Ref("block", "red"), Ref("bowl", "green"))),
                     ("red_block",), before), after, skill="put_block_in_bowl")
    return before, after, step


def on_table(step) -> Conversation:
    talk = Conversation(step.past.before)
    talk.steps = [step]
    talk.world = step.after
    return talk


async def test_before_any_task_the_table_commands_say_so_in_one_line(make_app):
    app = make_app()
    async with app.run_test(size=(140, 40)) as pilot:
        await submit(pilot, "/world")
        assert "no table yet" in log_text(app)
        await submit(pilot, "/undo")
        assert "nothing to undo" in log_text(app)
        await submit(pilot, "how many blocks are in the green bowl?")
        await wait_for(pilot, lambda: not app.main.running, timeout=60)
        assert "there is no table to ask about yet" in log_text(app)
        assert app.main.table.conversation.world is None


async def test_a_question_moves_nothing_and_undo_puts_the_table_back(make_app, tables):
    before, after, step = tables
    app = make_app()
    async with app.run_test(size=(140, 40)) as pilot:
        app.main.table.conversation = on_table(step)
        await submit(pilot, "how many blocks are in the green bowl?")
        await wait_for(pilot, lambda: "answer " in log_text(app) and not app.main.running, timeout=90)
        assert "answer 1 block is in the green bowl: the red block." in log_text(app)
        assert app.main.table.conversation.world == after and len(app.main.table.conversation.steps) == 1
        assert "program" not in log_text(app)  # nothing was written, nothing ran but the look
        await submit(pilot, "/world")
        assert "in the green bowl" in log_text(app)
        await submit(pilot, "/undo")
        text = log_text(app)
        assert "undone: put the red block in the green bowl" in text
        assert "it also committed skill put_block_in_bowl: /undo put_block_in_bowl reverts that" in text
        assert app.main.table.conversation.world == before and not app.main.table.conversation.steps


async def test_undo_that_typed_is_the_same_undo_and_reset_starts_over(make_app, tables):
    before, after, step = tables
    app = make_app()
    async with app.run_test(size=(140, 40)) as pilot:
        app.main.table.conversation = on_table(step)
        await submit(pilot, "undo that")
        await wait_for(pilot, lambda: "undone:" in log_text(app) and not app.main.running, timeout=60)
        assert app.main.table.conversation.world == before
        await submit(pilot, "/reset")
        assert "started over" in log_text(app) and app.main.table.conversation.world is None


async def test_continue_resumes_the_table(make_app, tables, home, tmp_path):
    """``aspire -c`` brings the table back: /world lists it and /undo still undoes the last task."""
    before, after, step = tables
    app = make_app()
    async with app.run_test(size=(140, 40)) as pilot:
        app.main.table.conversation = on_table(step)
        app.main.table.save()
        await submit(pilot, "/world")
    app = AspireApp(Settings(validate=1, max_iterations=3), History(tmp_path / "history"), resume="last")
    async with app.run_test(size=(140, 40)) as pilot:
        await wait_for(pilot, lambda: "resumed conversation" in log_text(app), timeout=30)
        assert "on its table" in log_text(app)
        assert app.main.table.conversation.world == after
        await submit(pilot, "/undo")
        assert app.main.table.conversation.world == before
