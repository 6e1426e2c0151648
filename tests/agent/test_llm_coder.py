"""LLMCoder against a scripted model registered through llm's plugin mechanism."""

from __future__ import annotations

import re

import pytest

from aspire_tui.agent import events as ev
from aspire_tui.agent.coder import CoderError, coder_for, extract_code
from aspire_tui.agent.llm_coder import LLMCoder, get_model
from aspire_tui.agent.loop import run_task

from .conftest import git

BROKEN = '''from skills.place_in import place_in

ARGS = {"block": "red block", "bowl": "green bowl"}


def run(robot):
    robot.move_to(1.5, 0.0, 0.3)
    place_in(robot, ARGS["block"], ARGS["bowl"])
'''

FIXED = BROKEN.replace("    robot.move_to(1.5, 0.0, 0.3)\n", "    robot.home()\n")

SKILL = '''"""Put a block into a bowl with place_in.

When to use:
    "put the red block in the green bowl"

Preconditions:
    - both are visible

Postconditions:
    - the block is in the bowl

Evidence:
    written by a scripted model in a test
"""

from skills.place_in import place_in

ASPIRE = {"task_type": "pick_place", "embodiment": "panda", "depends_on": ["place_in"], "version": 1,
          "validation": {"task": "pick_place_bowl", "seeds": [0], "args": {"block": "{block}", "bowl": "{bowl}"}}}


def NAME(robot, block, bowl):
    """Put the block in the bowl."""
    robot.home()
    place_in(robot, block, bowl)
'''


REUSE = '''from skills.put_block_in_bowl import put_block_in_bowl

ARGS = {"block": "red block", "bowl": "green bowl"}


def run(robot):
    put_block_in_bowl(robot, ARGS["block"], ARGS["bowl"])
'''


def scripted(text: str) -> str:
    """Broken first; the fix only when the repair prompt carries the failing call's evidence.

    Once the library holds put_block_in_bowl (the skill this model distils), a write prompt that
    lists it gets a program that calls it.
    """
    if "Write the whole program" in text and "put_block_in_bowl" in text:
        return "```python\n" + REUSE + "```"
    if "reusable program skill" in text:
        name = re.search(r"named `(\w+)`", text).group(1)
        return "Here it is:\n```python\n" + SKILL.replace("NAME", name) + "```\n"
    if "Program to repair" in text:
        if "IKError" in text and "max_reach" in text:
            return "The first move_to is out of reach; go home instead.\n```python\n" + FIXED + "```"
        return "```python\n" + BROKEN + "```"
    if "did not succeed" in text:
        return "move_to(1.5, 0, 0.3) raised IKError: reach beyond max_reach. Remove that call."
    return "```python\n" + BROKEN + "```"


def test_broken_program_is_repaired_from_the_trace_evidence_and_kept(fake_model, lib, events):
    got, emit = events
    fake_model.reply = scripted
    coder = coder_for("scripted")
    result = run_task("put the red block in the green bowl", coder=coder, library=lib, validate=1,
                      emit=emit, keyframes=False, model="scripted")
    assert result.success, result.message
    assert result.iterations == 2
    repair_prompt = next(p for p in fake_model.prompts if "Program to repair" in p)
    assert "IKError" in repair_prompt and "max_reach" in repair_prompt
    assert [e.error_type for e in got if isinstance(e, ev.Diagnosis)] == ["IKError"]
    committed = [e for e in got if isinstance(e, ev.SkillCommitted)]
    skills = [e for e in committed if e.path.startswith("skills/")]
    assert [(e.name, e.change) for e in skills] == [("put_block_in_bowl", "new")]
    # the repair of the IKError strengthened the lesson the diagnosis retrieved for it
    lessons = [e for e in committed if e.path.startswith("lessons/")]
    assert [(e.name, e.change) for e in lessons] == [("ik_failure_near_table_edge", "refine")]
    assert "put the red block in the green bowl" in lib.source("ik_failure_near_table_edge")
    log = git(lib.root, "log", "-1", "--format=%B")
    assert "Aspire-Model: scripted" in log and "Aspire-Success: 1/1" in log
    usage = [e for e in got if isinstance(e, ev.Usage)][0]
    assert usage.prompts == len(fake_model.prompts) == 4  # write, diagnose, repair, generalize
    assert usage.failures == 0 and usage.input_tokens > 0
    # every prompt and reply is in llm's own log, as `llm logs` would show them
    import sqlite_utils
    from llm.cli import logs_db_path

    logs = sqlite_utils.Database(logs_db_path())
    assert [t["model"] for t in logs["turns"].rows] == ["scripted"] * 4
    texts = [p["text"] or "" for p in logs["parts"].rows]
    assert any("Program to repair" in t and "IKError" in t for t in texts)  # the prompts
    assert any(t.startswith("move_to(1.5, 0, 0.3) raised IKError") for t in texts)  # and the replies
    # the same task again: the new skill is retrieved, and the program built on it works first time
    head = git(lib.root, "rev-parse", "HEAD")
    again = run_task("put the red block in the green bowl", coder=coder_for("scripted"), library=lib, validate=1,
                     keyframes=False, model="scripted")
    assert again.success and again.iterations == 1 and not again.repairs, again.message
    assert "from skills.put_block_in_bowl import" in again.program
    assert git(lib.root, "rev-parse", "HEAD") == head  # nothing new to keep


def test_without_the_evidence_the_model_cannot_fix_it(fake_model, lib, events, monkeypatch):
    """The loop's repair prompt is what carries the evidence: strip it and the model stays wrong."""
    got, emit = events
    fake_model.reply = scripted
    coder = coder_for("scripted")
    original = coder.repair

    def blind(program, diagnosis):
        diagnosis.summary, diagnosis.analysis = "it failed", "it failed"
        return original(program, diagnosis)

    monkeypatch.setattr(coder, "repair", blind)
    head = git(lib.root, "rev-parse", "HEAD")
    result = run_task("put the red block in the green bowl", coder=coder, library=lib, validate=1,
                      max_iterations=2, emit=emit, keyframes=False)
    assert not result.success
    assert git(lib.root, "rev-parse", "HEAD") == head


def test_garbage_replies_are_counted_failures_and_end_the_task(fake_model, lib, events):
    got, emit = events
    fake_model.reply = lambda text: "Sorry, as a language model I cannot control robots."
    head = git(lib.root, "rev-parse", "HEAD")
    result = run_task("put the red block in the green bowl", coder=LLMCoder("scripted", attempts=3), library=lib,
                      emit=emit, keyframes=False)
    assert not result.success and "no usable program" in result.message
    usage = [e for e in got if isinstance(e, ev.Usage)][0]
    assert usage.failures == 3 and usage.prompts == 3
    assert git(lib.root, "rev-parse", "HEAD") == head


def test_unknown_model_is_one_line():
    with pytest.raises(CoderError, match="unknown model 'no-such-model'"):
        get_model("no-such-model")


@pytest.mark.parametrize("reply", [
    "```python\n" + BROKEN + "```",
    "Sure! Here is the program:\n\n```py\n" + BROKEN + "```\nIt moves first.",
    BROKEN,
    "Here you go:\n" + BROKEN,
    "```\n" + BROKEN + "\n",                       # fence never closed
    "```text\nnot code\n```\n```python\n" + BROKEN + "```",
])
def test_code_is_extracted_fenced_or_not(reply):
    code = extract_code(reply)
    assert code is not None and "def run(robot):" in code and "Sure" not in code and "Here" not in code


@pytest.mark.parametrize("reply", ["", "   ", "no code here", "```python\ndef run(robot:\n```",
                                   "```python\nx = 1\n```"])
def test_garbage_has_no_code(reply):
    assert extract_code(reply) is None


HARD_CODED = '''from skills.place_in import place_in


def run(robot):
    place_in(robot, "red block", "green bowl")
'''


def test_a_program_without_args_is_sent_back_before_it_can_be_kept(fake_model, lib, events):
    """It works on its own scene, but validation scenes have other colours: the model must use ARGS."""
    got, emit = events

    def reply(text):
        if "reusable program skill" in text:
            return scripted(text)
        if "Program to repair" in text and "ARGS" in text and "cannot be validated on other scenes" in text:
            return "```python\n" + FIXED + "```"
        return "```python\n" + HARD_CODED + "```"

    fake_model.reply = reply
    result = run_task("put the red block in the green bowl", coder=coder_for("scripted"), library=lib, validate=1,
                      emit=emit, keyframes=False)
    assert result.success, result.message
    assert [e.error_type for e in got if isinstance(e, ev.Diagnosis)] == ["NotGeneral"]
    assert "ARGS" in result.program


def test_the_failing_calls_keyframe_goes_to_a_model_that_sees_images(fake_model, lib, events, monkeypatch):
    got, emit = events
    fake_model.reply = scripted
    monkeypatch.setattr(fake_model, "attachment_types", {"image/png"}, raising=False)
    result = run_task("put the red block in the green bowl", coder=coder_for("scripted"), library=lib, validate=1,
                      emit=emit, keyframes=True)
    assert result.success, result.message
    diagnose = [a for p, a in zip(fake_model.prompts, fake_model.attachments) if "did not succeed" in p]
    assert len(diagnose) == 1 and len(diagnose[0]) == 1
    assert diagnose[0][0].path.endswith(".png")
    write = [a for p, a in zip(fake_model.prompts, fake_model.attachments) if "Program to repair" in p]
    assert write == [[]]


ONLY_RED = BROKEN.replace("    robot.move_to(1.5, 0.0, 0.3)\n", '    if ARGS["block"] != "red block":\n        return\n')


def only_red_then_fixed(text):
    """A model whose first program moves only red blocks, and whose repair of "not done" is the fix."""
    if "reusable program skill" in text:
        return scripted(text)
    if "Program to repair" in text and "not done" in text.lower():
        return "```python\n" + FIXED + "```"
    if "did not succeed" in text:
        return "run() returned without moving the block."
    return "```python\n" + ONLY_RED + "```"


def test_a_first_candidate_validates_without_selection_and_its_fix_is_selected_against_it(fake_model, lib, events):
    """Works on its red debug scene only: with nothing to be compared with, it goes straight to validation,
    whose first scene without a red block fails and is repaired as a debug scene; the fix is then compared
    with it on the selection scenes, and validates on seeds neither debugged nor selected on."""
    from aspire_tui.agent.loop import VALIDATION_SEEDS

    got, emit = events
    fake_model.reply = only_red_then_fixed
    # the family's own scenes (--scene), whose blocks change colour from seed to seed; scenes made from
    # the words alone always hold the red block they name
    result = run_task("put the red block in the green bowl", scene="pick_place_bowl", coder=coder_for("scripted"),
                      library=lib, validate=3, emit=emit, keyframes=False)
    assert result.success, result.message
    assert len(result.debug_seeds) == 2 and result.debug_seeds[1] in VALIDATION_SEEDS
    validations = [e for e in got if isinstance(e, ev.ValidationResult)]
    assert len(validations) == 2 and not validations[0].passed and validations[1].passed
    assert set(validations[1].seeds).isdisjoint(validations[0].seeds + result.debug_seeds)
    assert not any(isinstance(e, ev.Diagnosis) and e.error_type == "Selection" for e in got)  # the fix is better


def test_a_validation_failure_becomes_a_debug_seed_and_fresh_seeds_validate(fake_model, lib, events):
    """Without selection seeds, the first validation scene without a red block fails, is repaired as
    a debug scene, and validation starts again on seeds never used before."""
    got, emit = events
    fake_model.reply = only_red_then_fixed
    result = run_task("put the red block in the green bowl", scene="pick_place_bowl", coder=coder_for("scripted"),
                      library=lib, validate=3, emit=emit, keyframes=False, select=0)
    assert result.success, result.message
    assert len(result.debug_seeds) == 2
    validations = [e for e in got if isinstance(e, ev.ValidationResult)]
    assert len(validations) == 2 and not validations[0].passed and validations[1].passed
    assert result.debug_seeds[1] == validations[0].seeds[-1]
    assert set(validations[1].seeds).isdisjoint(validations[0].seeds + result.debug_seeds)
    assert all(s < 10_000 for s in result.debug_seeds + validations[0].seeds + validations[1].seeds)


def test_a_skill_for_the_same_job_is_refined_not_duplicated(fake_model, lib, events):
    """The library already has a pick_place_bowl skill taking (block, bowl) under another name: the
    model's new skill becomes a refinement of that file, not a near-twin beside it."""
    earlier = SKILL.replace("NAME", "drop_block_in_bowl").replace("written by a scripted model", "written by hand")
    lib.save("drop_block_in_bowl", earlier, change="new", summary="Add it")
    got, emit = events
    fake_model.reply = scripted
    result = run_task("put the red block in the green bowl", coder=coder_for("scripted"), library=lib, validate=1,
                      emit=emit, keyframes=False, model="scripted")
    assert result.success, result.message
    skills = [(e.name, e.change) for e in got if isinstance(e, ev.SkillCommitted) and e.path.startswith("skills/")]
    assert skills == [("drop_block_in_bowl", "refine")]
    assert not (lib.skills_dir / "put_block_in_bowl.py").exists()
    assert "def drop_block_in_bowl(robot, block, bowl):" in lib.source("drop_block_in_bowl")
    log = git(lib.root, "log", "-1", "--format=%B", "--", "skills/drop_block_in_bowl.py")
    assert "Aspire-Change: refine" in log and "Aspire-Goal: in(red block, green bowl)" in log
    # the refinement was run on the seeds drop_block_in_bowl was validated on before it replaced it
    assert "Still passes its earlier validation: pick_place_bowl seeds [0], 1/1." in log


BAD_REPLIES = {
    "nothing": "",
    "prose": "To put the block in the bowl, first find the block, then grasp it and move it over the bowl.",
    "forbidden import": "```python\nimport os\n\nARGS = {'block': 'red block', 'bowl': 'green bowl'}\n\n\n"
                        "def run(robot):\n    os.system('echo hi')\n```",
    "wrong API call": "```python\nARGS = {'block': 'red block', 'bowl': 'green bowl'}\n\n\n"
                      "def run(robot):\n    robot.fly_to(ARGS['bowl'])\n```",
    "half a program": "```python\nARGS = {'block': 'red block'\n\ndef run(robot):\n    robot.grasp(\n```",
    "no such skill": "```python\nfrom skills.teleport import teleport\n\nARGS = {'block': 'red block', 'bowl': "
                     "'green bowl'}\n\n\ndef run(robot):\n    teleport(robot, ARGS['block'], ARGS['bowl'])\n```",
}


# the reason each reply without a program is rejected with
NO_PROGRAM = {"nothing": "empty reply", "prose": "prose, no code", "half a program": "code that does not parse"}


@pytest.mark.parametrize("kind", list(BAD_REPLIES))
def test_whatever_a_bad_model_replies_the_task_ends_in_one_line_and_the_library_is_unchanged(kind, fake_model, lib,
                                                                                          events):
    """What a small local model really sends (nothing, prose, forbidden imports, calls the robot lacks, half a
    program, skills that do not exist): each reply is rejected with a reason or run and diagnosed, and the
    task ends with one line, never a traceback."""
    got, emit = events
    fake_model.reply = lambda text: BAD_REPLIES[kind]
    head = git(lib.root, "rev-parse", "HEAD")
    result = run_task("put the red block in the green bowl", coder=LLMCoder("scripted", attempts=2), library=lib,
                      max_iterations=2, validate=1, emit=emit, keyframes=False)
    assert not result.success and result.message and "\n" not in result.message
    assert "Traceback" not in result.message
    usage = [e for e in got if isinstance(e, ev.Usage)][0]
    if kind in NO_PROGRAM:
        assert result.message == f"coder gave up: model 'scripted' gave no usable program in 2 replies " \
                                 f"(last: {NO_PROGRAM[kind]})"
        assert usage.failures == 2
    else:  # code that parses: the static check or the run says what is wrong, and the diagnosis names it
        reasons = [e for e in got if isinstance(e, ev.Diagnosis)]
        assert reasons and all(e.error_type for e in reasons), got
    assert git(lib.root, "rev-parse", "HEAD") == head
