"""The coders' `propose`: offline structural edits and numeric mutation; an llm model tests a new hypothesis each time."""

from __future__ import annotations

import ast

import llm
import pytest

from ..fake_models import registered

from aspire_tui.agent.coder import Diagnosis, OfflineCoder, Parent, module_literal, read_plan
from aspire_tui.agent.loop import choose_scene, retrieve, understand

TASK = "put the red block in the green bowl"


def first_program(lib):
    goal, spec = understand(TASK)
    _, goal = choose_scene(goal, spec, None)
    coder = OfflineCoder()
    return coder, goal, coder.write(goal, retrieve(lib, goal), [])


def test_offline_children_are_new_valid_programs_with_the_edits_the_diagnosis_asks_for(lib):
    """Every child parses, keeps ARGS and run(), differs from its parent and from its siblings."""
    coder, goal, program = first_program(lib)
    grasp = Diagnosis(outcome="failed", error_type="GraspError", call="grasp", actions=["retry", "slower", "mutate"])
    children = coder.propose(goal, [Parent(program, "1/4", grasp)], 8)
    assert len(children) == 8
    sources = [c for c, _ in children]
    assert len(set(sources)) == 8 and program not in sources
    for source, what in children:
        tree = ast.parse(source)
        assert any(isinstance(n, ast.FunctionDef) and n.name == "run" for n in tree.body)
        assert module_literal(source, "ARGS")[0] == module_literal(program, "ARGS")[0]
        assert what
    plans = [read_plan(s) for s in sources]
    assert any(p.retries > 0 for p in plans)                            # a structural edit (retry)
    assert any(p.params and not p.retries for p in plans)               # a numeric mutation


class ScriptedModel(llm.Model):
    """A fake chat model (the only fake the project allows): replies from a list, prompts kept."""

    model_id = "scripted-propose"
    can_stream = False

    def __init__(self, replies: list[str]) -> None:
        self.replies = replies
        self.prompts: list[str] = []

    def execute(self, prompt, stream, response, conversation=None):
        self.prompts.append(prompt.prompt)
        yield self.replies[len(self.prompts) - 1]


@pytest.fixture
def scripted():
    model = ScriptedModel([])

    with registered(model, "aspire-scripted-propose"):
        yield model


def test_llm_candidates_each_test_a_different_hypothesis(lib, scripted):
    """Each prompt lists the hypotheses already taken; a reply with no new program is counted, not used."""
    from aspire_tui.agent.llm_coder import LLMCoder

    _, goal, program = first_program(lib)
    slower = program.replace("PARAMS = {}", "PARAMS = {'approach': 0.1}")
    scripted.replies = [f"Hypothesis: the approach is too low\n```python\n{slower}```",
                        f"Hypothesis: same again\n```python\n{slower}```",
                        "Hypothesis: retry the grasp\n```python\n" + program.replace("RETRIES = 0", "RETRIES = 1")
                        + "```"]
    coder = LLMCoder("scripted-propose")
    d = Diagnosis(outcome="failed", error_type="GraspError", call="grasp", summary="#4 grasp failed: nothing held")
    children = coder.propose(goal, [Parent(program, "1/4", d)], 3)
    assert [what for _, what in children] == ["the approach is too low", "retry the grasp"]
    assert coder.usage.failures == 1
    assert "(none yet)" in scripted.prompts[0] and "1/4" in scripted.prompts[0] and "nothing held" in scripted.prompts[0]
    assert "- the approach is too low" in scripted.prompts[2] and "candidate 3 of 3" in scripted.prompts[2]


def test_breeding_never_sees_the_success_check():
    """A 'not done' trace loses its check verdicts and predicate names before any coder reads it."""
    from aspire_tui.agent.coder import rule_diagnosis
    from aspire_tui.runner.trace import Trace
    from aspire_tui.evolve.evaluate import blind

    raw = Trace(run_id="r", task="pick_place_bowl", seed=3, outcome="failed",
                failure_reason="run() returned but the task is not done",
                checks={"success": False, "in(block, bowl)": False}).to_dict()
    seen = Trace.from_dict(blind(raw))
    d = rule_diagnosis(seen, [])
    assert "in(block" not in d.message + d.summary + seen.summary()
    assert d.error_type == "NotDone"
