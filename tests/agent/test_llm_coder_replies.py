"""What a weak model really writes, read into programs (`replies.program_in`) without weakening any check.

The replies below are the shapes SmolLM2-135M sent in `bench.local_model` runs: the skeleton's body only,
bare calls at top level, a `run` with other parameters, a function of its own, a reply cut off by its
token limit, code among prose, the wrong fence, a script's own entry point.
"""

from __future__ import annotations

import ast

import pytest

from aspire_tui.agent import events as ev
from aspire_tui.agent.llm_coder import LLMCoder
from aspire_tui.agent.replies import no_program_reason, program_in
from aspire_tui.agent.loop import retrieve, run_task, understand
from aspire_tui.runner.check import check_program

SKELETON = "ARGS = {'block': 'red block', 'bowl': 'green bowl'}\n\n\ndef run(robot):"

REPLIES = {
    "the skeleton's body": "```\n    robot.home()\n    place_in(robot, ARGS['block'], ARGS['bowl'])\n```\nThat is all.",
    "bare calls among prose": "Here is how:\nfrom skills.place_in import place_in\n"
                              "place_in(robot, ARGS['block'], ARGS['bowl'])\nThis puts the block in the bowl.",
    "run without the robot": "```python\nARGS = {'block': 'red block'}\n\ndef run():\n    robot.home()\n```",
    "run with more parameters": "```python\nARGS = {'block': 'red block'}\n\n"
                                "def run(robot, block, speed):\n    robot.home()\n```",
    "a function of its own": "```python\nfrom skills.place_in import place_in\n\n"
                             "def put(robot, block, bowl=None):\n    place_in(robot, block, bowl)\n```",
    "cut off by the token limit": "```python\nARGS = {'block': 'red block'}\n\ndef run(robot):\n    robot.home()\n"
                                  "    robot.move_to(0.4, 0.1,\n",
    "the wrong fence": "```bash\nARGS = {'block': 'red block'}\n\ndef run(robot):\n    robot.home()\n```",
    "a script's entry point": "```python\nARGS = {'block': 'red block'}\n\ndef run(robot):\n    robot.home()\n\n"
                              "def main():\n    run()\n\nmain()\nrun(robot)\nif __name__ == '__main__':\n    run(None)\n```",
}


def defines_run_of_the_robot(program: str) -> bool:
    tree = ast.parse(program)
    run = next(n for n in tree.body if isinstance(n, ast.FunctionDef) and n.name == "run")
    positional = run.args.posonlyargs + run.args.args
    return len(positional) - len(run.args.defaults) == 1 and all(d is not None for d in run.args.kw_defaults)


@pytest.mark.parametrize("kind", list(REPLIES))
def test_a_weak_model_reply_becomes_a_whole_program_that_passes_the_same_static_check(kind, lib):
    program = program_in(REPLIES[kind], "run", SKELETON)
    assert program is not None, no_program_reason(REPLIES[kind])
    assert defines_run_of_the_robot(program) and "ARGS = {" in program
    assert "\nmain()" not in program and "\nrun(" not in program
    assert not any(word in program for word in ("Here is", "That is", "This puts", "```", "__name__"))
    report = check_program(program, lib.skills_dir)
    assert report.ok, report.violations


def test_the_reply_read_into_a_program_keeps_what_the_static_check_rejects(lib):
    """Wrapping bare calls into run() keeps every import and call: a forbidden one is still rejected."""
    reply = "import os\nos.system('ls')\nrobot.home()"
    program = program_in(reply, "run", SKELETON)
    assert program is not None and "import os" in program and "os.system('ls')" in program
    assert [v.rule for v in check_program(program, lib.skills_dir).violations] == ["import"]


@pytest.mark.parametrize("reply, reason", [
    ("", "empty reply"),
    ("The task is to create a new task that creates a new task.", "prose, no code"),
    ("```python\nskills = {\n    'ARGS': {\n        'ARGS.ARG_ARG_ARG", "code that does not parse"),
    ("```python\ndef main():\n    robot = Robot(ARGS)\n    run(robot)\n\nmain()\n```",
     "code without run(robot), robot calls or a function taking the robot"),
])
def test_a_reply_without_a_program_has_a_reason(reply, reason):
    assert program_in(reply, "run", SKELETON) is None
    assert no_program_reason(reply) == reason


def test_the_write_prompt_ends_with_a_skeleton_after_one_example_that_calls_the_first_skill(fake_model, lib):
    fake_model.reply = lambda text: REPLIES["the skeleton's body"]
    goal, _ = understand("put the red block in the green bowl")
    skills = retrieve(lib, goal)
    coder = LLMCoder("scripted", attempts=1)
    program = coder.write(goal, skills, [])
    prompt = fake_model.prompts[-1]
    assert prompt.startswith("Task: put the red block in the green bowl\n")
    assert f"```python\nfrom skills.{skills[0].name} import {skills[0].name}\n" in prompt
    assert prompt.rstrip().endswith(f"```python\n{coder.skeleton}\n    ...\n```")
    assert program.startswith(coder.skeleton + "\n    robot.home()\n")


def test_a_weak_model_bare_calls_reach_an_episode_through_the_loop(fake_model, lib, events):
    """Bare robot and skill calls among prose are run as run(robot): an episode, not a rejected reply."""
    got, emit = events
    fake_model.reply = lambda text: REPLIES["bare calls among prose"] if "Task:" in text else "It failed."
    result = run_task("put the red block in the green bowl", coder=LLMCoder("scripted", attempts=1), library=lib,
                      max_iterations=1, validate=1, emit=emit, keyframes=False)
    assert result.message and "\n" not in result.message
    assert [e for e in got if isinstance(e, ev.RunFinished)], result.message
    assert [e.ok for e in got if isinstance(e, ev.CheckResult)] == [True]


UNREACHABLE = """ARGS = {'block': 'red block', 'bowl': 'green bowl'}


def run(robot):
    robot.move_to(1.5, 0.0, 0.3)
"""


def test_a_repair_answered_with_prose_is_asked_again_without_the_model_own_analysis(fake_model, lib, events):
    """A weak model answers its own prose analysis with more prose; asked again with the trace's facts and
    the program only, it writes a program, which the loop runs."""
    got, emit = events

    def reply(text):
        if "did not succeed" in text:
            return "The error was caused by an error in the robot's actions."
        if "Program to repair" in text:
            return "The error was caused by an error." if "Diagnosis: " in text else \
                "```python\n" + UNREACHABLE.replace("1.5", "0.5") + "```"
        return "```python\n" + UNREACHABLE + "```"

    fake_model.reply = reply
    coder = LLMCoder("scripted", attempts=2)
    run_task("put the red block in the green bowl", coder=coder, library=lib, max_iterations=2, validate=1,
             emit=emit, keyframes=False)
    repairs = [p for p in fake_model.prompts if "Program to repair" in p]
    assert len(repairs) == 2 and "Diagnosis: The error was caused" in repairs[0] and "Diagnosis" not in repairs[1]
    assert "IKError" in repairs[1]  # the rules' facts stay
    assert coder.rejected == ["repair: prose, no code"]
    assert [e for e in got if isinstance(e, ev.RepairDiff)]
    assert len([e for e in got if isinstance(e, ev.CheckResult)]) == 2  # the repaired program was checked and run
