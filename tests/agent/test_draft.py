"""With -m MODEL, words the rules cannot read go to the model, which drafts a task file the loader checks."""

from __future__ import annotations

import pytest

from aspire_tui.agent.loop import AgentError, understand

GOOD = """Here you go:
```toml
[task]
name = "smiley"
category = "arrange"
instructions = ["arrange the cubes like a smiley"]
success = "in_line(blocks)"

[[objects]]
id = "blocks"
kind = "block"
color = ["red", "blue", "green"]
count = 3
```"""


def test_unreadable_words_become_the_task_file_the_model_drafts_after_a_loader_error(fake_model):
    """The first draft names a colour the simulator lacks; the loader's error goes back and the second loads."""
    replies = iter([GOOD.replace('"green"', '"golden"'), GOOD])
    fake_model.reply = lambda text: next(replies)
    goal, spec = understand("arrange the cubes like a smiley", model="scripted")
    assert spec.name == "smiley" and goal.describe() == "in_line(all blocks)"
    assert "does not load" in fake_model.prompts[1] and "color" in fake_model.prompts[1]
    assert "could not read" in fake_model.prompts[0]


def test_without_a_model_the_words_not_read_are_named():
    with pytest.raises(AgentError, match="cannot tell what to do .* did not read 'smiley'"):
        understand("arrange the cubes like a smiley")


@pytest.mark.parametrize("reply, words", [("IMPOSSIBLE: cubes cannot smile", "impossible: cubes cannot smile"),
                                          ("no idea", "gave no task file that loads")])
def test_a_model_that_refuses_or_returns_garbage_is_one_line(fake_model, reply, words):
    fake_model.reply = lambda text: reply
    with pytest.raises(AgentError, match=words):
        understand("arrange the cubes like a smiley", model="scripted")
