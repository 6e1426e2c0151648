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


def test_the_draft_prompt_gives_up_predicates_to_fit_a_small_context_and_says_so_when_it_cannot(fake_model,
                                                                                               monkeypatch):
    """The draft prompt is fitted as the coder's are: a context too small for every predicate's description
    gets the prompt with fewer (counted with the longest retry note and the reply's room); one too small
    even for the prompt without them ends in one line, before any prompt is sent."""
    from aspire_tui.agent.context import ENV, TEMPLATE_TOKENS, estimate, reply_tokens
    from aspire_tui.agent.draft import BAD_FILE_NOTE, ERROR_CHARS
    from sim.predicates import PREDICATES

    fake_model.reply = lambda text: GOOD
    understand("arrange the cubes like a smiley", model="scripted")
    whole = fake_model.prompts[-1]
    assert all(f"- {name}: " in whole for name in PREDICATES)
    note = BAD_FILE_NOTE.format(error="x" * ERROR_CHARS)
    room = estimate(note + whole) + TEMPLATE_TOKENS - 60  # all but a few predicates' lines
    context = next(c for c in range(room, 4 * room) if c - reply_tokens(fake_model, c) >= room)
    monkeypatch.setenv(ENV, str(context))
    understand("arrange the cubes like a smiley", model="scripted")
    fitted = fake_model.prompts[-1]
    kept = [name for name in PREDICATES if f"- {name}: " in fitted]
    assert 0 < len(kept) < len(PREDICATES) and kept == list(PREDICATES)[:len(kept)]
    assert estimate(note + fitted) + TEMPLATE_TOKENS <= context - reply_tokens(fake_model, context)
    monkeypatch.setenv(ENV, "200")
    sent = len(fake_model.prompts)
    with pytest.raises(AgentError, match=r"the smallest draft prompt takes \d+ tokens but 'scripted' has room for"):
        understand("arrange the cubes like a smiley", model="scripted")
    assert len(fake_model.prompts) == sent


COSY = "the red cube wants to be cosy with the blue dish, make it so, smiley style"  # words the rules cannot read
ONE_BOWL = """```toml
[task]
name = "nudge"
category = "pick_place"
instructions = ["nudge it over"]
success = "in(block, bowl)"

[[objects]]
id = "block"
kind = "block"
color = ["{block}"]

[[objects]]
id = "bowl"
kind = "bowl"
color = ["{bowl}"]
```"""


def test_a_draft_that_gives_its_objects_colours_the_words_never_say_goes_back_to_the_model(fake_model):
    """A small model drafts a goal about a green bowl for words about a blue one: it is told so, and the
    draft that keeps to the words' colours is the task."""
    replies = iter([ONE_BOWL.format(block="red", bowl="green"), ONE_BOWL.format(block="red", bowl="blue")])
    fake_model.reply = lambda text: next(replies)
    goal, spec = understand(COSY, model="scripted")
    assert goal.describe() == "in(red block, blue bowl)"
    assert "green bowl" in fake_model.prompts[1] and "colour the words never say" in fake_model.prompts[1]


def test_a_model_that_keeps_inventing_colours_is_refused_in_one_line(fake_model):
    fake_model.reply = lambda text: ONE_BOWL.format(block="red", bowl="green")
    with pytest.raises(AgentError, match="drafted a task about green bowl, which the words never name"):
        understand(COSY, model="scripted")
