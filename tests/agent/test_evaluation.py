"""The evaluation suite: held-out cases with paraphrases, one case end to end, conditions, the sums."""

from __future__ import annotations

import string
from pathlib import Path

import pytest

from aspire_tui.agent.coder import coder_for, rule_diagnosis
from aspire_tui.agent.loop import understand
from aspire_tui.evaluation import (HELD_OUT, Case, CaseResult, ErrorOnlyTrace, EvaluationError, SuiteResult,
                                   held_out_cases, open_library, paraphrases, run_case)
from aspire_tui.runner.trace import CallRecord, Trace
from sim.tasks import builtin_tasks

TESTS = "\n".join(p.read_text() for p in Path(__file__).parent.glob("*.py") if p.name != "test_evaluation.py")


def test_every_family_has_three_paraphrases_unlike_its_templates():
    tasks, phrases = builtin_tasks(), paraphrases()
    assert set(phrases) == set(tasks)
    for family, spec in tasks.items():
        assert len(set(phrases[family])) >= 3, family
        assert not set(phrases[family]) & set(spec.instructions), family
        slots = {name for p in phrases[family] for _, name, _, _ in string.Formatter().parse(p) if name}
        assert slots <= {o.id for o in spec.objects} | set(spec.choices) | {"count"}, family


def test_held_out_cases_use_held_out_seeds_and_words_no_test_uses():
    cases = held_out_cases(per_family=3)
    assert len(cases) == 3 * len(builtin_tasks())
    assert all(c.seed >= HELD_OUT for c in cases)
    for case in cases:
        assert case.instruction not in TESTS, case.instruction
        goal, spec = understand(case.instruction)  # the words alone find the family
        assert (goal.family, spec.category) == (case.family, case.category), case.instruction


def test_hard_cases_use_a_harder_variant_of_each_family_written_where_asked(tmp_path):
    from sim.taskspec import load_task_file

    cases = held_out_cases(["stack_three", "arrange_corners"], 2, suite="hard", tasks_dir=tmp_path)
    assert [c.task for c in cases] == ["stack_three_v1"] * 2 + ["arrange_corners_v1"] * 2
    for case in cases:
        spec = load_task_file(case.scene)
        assert Path(case.scene).parent == tmp_path and spec.variant_of == case.family
        assert spec.distractors["count"][1] == builtin_tasks()[case.family].distractors["count"][1] + 2
        goal, found = understand(case.instruction, case.scene)  # the family's words fit the variant's scenes
        assert (goal.family, goal.variant_of, found.category) == (case.task, case.family, case.category)


def test_the_offline_coder_brings_the_familys_skills_to_its_variant(lib, tmp_path):
    """A variant is still its family: skills validated on the family are tried on it."""
    case = held_out_cases(["arrange_corners"], 1, suite="hard", tasks_dir=tmp_path)[0]
    goal, _ = understand(case.instruction, case.scene)
    from aspire_tui.agent.loop import retrieve

    program = coder_for().write(goal, retrieve(lib, goal), [])
    assert "arrange_in_corners(" in program


def test_unknown_suite_or_no_folder_for_the_hard_one_is_one_line():
    with pytest.raises(EvaluationError, match="unknown suite 'easy'"):
        held_out_cases(["stack_two"], suite="easy")
    with pytest.raises(EvaluationError, match="needs a folder"):
        held_out_cases(["stack_two"], suite="hard")


def test_unknown_family_is_one_line():
    with pytest.raises(EvaluationError, match="unknown task family 'juggling'"):
        held_out_cases(["juggling"])


def test_by_category_is_the_success_rate_of_each_category():
    def result(family, category, ok):
        return CaseResult(Case(family, category, HELD_OUT, "x"), ok, 1, 4, 1.0)

    suite = SuiteResult("library", [result("stack_two", "stack", True), result("stack_three", "stack", False),
                                    result("push_to_zone", "push", True)])
    assert suite.by_category() == {"push": 1.0, "stack": 0.5}
    assert suite.by_family()["stack_three"] == 0.0 and suite.rate() == pytest.approx(2 / 3)


def test_error_only_diagnosis_sees_the_error_line_and_nothing_else():
    record = CallRecord(index=3, call="move_to", args=[1.5, 0, 0.3], kwargs={}, status="failed",
                        error={"type": "IKError", "message": "out of reach", "evidence": {"reach": 1.5, "max_reach": 0.85}},
                        keyframe="frames/0003.png", overlay={"detections": [1]})
    trace = Trace(run_id="r", task="pick_place_bowl", seed=0, records=[record], outcome="failed",
                  failure_index=3, failure_reason="IKError: out of reach")
    full, bare = rule_diagnosis(trace, []), rule_diagnosis(ErrorOnlyTrace(trace), [])
    assert full.evidence["reach"] == 1.5 and full.actions[0] == "lower_reach"
    assert bare.evidence == {} and bare.error_type == "IKError" and bare.actions[0] != "lower_reach"
    assert "move_to(" not in bare.summary and ErrorOnlyTrace(trace).failure.keyframe is None


def test_a_development_seed_is_not_a_case(lib):
    with pytest.raises(EvaluationError, match="development seed"):
        run_case(Case("stack_two", "stack", 7, "stack the red block on the blue block"), library=lib,
                 coder=coder_for())


def test_the_empty_condition_has_no_skill_to_compose(tmp_path):
    library = open_library(tmp_path / "empty", "empty")
    try:
        assert library.search("put a block in a bowl", kind="program") == []
        case = held_out_cases(["pick_place_bowl"], 1)[0]
        result = run_case(case, library=library, coder=coder_for(), condition="empty", validate=1)
    finally:
        library.close()
    assert not result.success and not result.validated and result.episodes == 0
    assert "no skill achieves in(" in result.message


def test_a_case_is_developed_on_dev_seeds_and_judged_on_its_held_out_scene(lib):
    case = held_out_cases(["stack_two"], 1)[0]
    result = run_case(case, library=lib, coder=coder_for(), validate=1)
    assert result.success, result.message
    assert result.validated and result.iterations == 1
    assert result.episodes == 1 + 1  # debug and one validation seed: a first candidate has no selection (the judge is extra)
    assert set(result.timings) == {"writing", "checking", "simulating", "diagnosing"}
    assert result.timings["simulating"] > 0 and result.seconds >= sum(result.timings.values())
    runs = sorted(p.name for p in lib.runs_dir.iterdir() if p.is_dir())  # run folders, not runs/'s own files
    assert len(runs) == result.episodes + 1  # and one run on the held-out seed


def test_a_hard_case_is_developed_and_judged_on_its_variant(lib, tmp_path):
    case = held_out_cases(["navigate_goal"], 1, suite="hard", tasks_dir=tmp_path)[0]
    result = run_case(case, library=lib, coder=coder_for(), validate=1)
    assert result.success, result.message
    tasks = set()
    for run in lib.runs_dir.glob("*/trace.json"):
        trace = Trace.load(run)
        tasks.add(trace.task)
    assert tasks == {"navigate_goal_v1"}


def test_the_robot_reports_its_work_area_through_the_sandbox(tmp_path):
    """The corner and edge skills read the work area from the robot (a traced call), never from the task."""
    from aspire_tui.runner import run_program

    program = "def run(robot):\n    area = robot.workspace()\n    robot.detect('block')\n    return area\n"
    trace = run_program(program, "place_corner", 3, runs_dir=tmp_path, keyframes=False)
    record = trace.records[0]
    assert record.call == "workspace" and record.status == "ok"
    assert record.result == {"x": [0.3, 0.7], "y": [-0.3, 0.3], "z": 0.0}
    assert not any("position" in str(v) for v in record.result.values())  # nothing about any object


def test_chosen_held_out_seeds_keep_each_seeds_own_words(tmp_path):
    """A chosen case list (the quick suite's) gives a seed the words ``per_family`` cases would give it."""
    every = held_out_cases(["place_corner"], 3, suite="hard", tasks_dir=tmp_path)
    chosen = held_out_cases(None, 1, suite="hard", tasks_dir=tmp_path, seeds={"place_corner": [10002, 10000]})
    assert [(c.seed, c.instruction) for c in chosen] == [(e.seed, e.instruction) for e in (every[2], every[0])]
    with pytest.raises(EvaluationError, match="development seed"):
        held_out_cases(None, 1, seeds={"place_corner": [5]})
