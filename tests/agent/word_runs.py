"""Words run through the whole loop in tests (the offline coder, two validation scenes, up to four tries), the
offline coder's first program for words run once on one scene (`first_program_run`), and the camera's view of
a table for the program helpers that lay out spots (`Table`)."""

from __future__ import annotations

from aspire_tui.agent import events as ev
from aspire_tui.agent.coder import coder_for
from aspire_tui.agent.loop import run_task


def run_words(words: str, lib, events):
    """The task's result and the `Understood` event that showed its goal (``events``: the fixture's pair)."""
    got, emit = events
    result = run_task(words, coder=coder_for(), library=lib, validate=2, select=1, max_iterations=4,
                      emit=emit, keyframes=False)
    return result, next(e for e in got if isinstance(e, ev.Understood))


def validated_as(words: str, goal: str, lib, events):
    """Run the words; assert they were shown as ``goal`` and validated on it (2/2); the result."""
    result, understood = run_words(words, lib, events)
    assert understood.goal["tree"]["goal"] == goal and understood.line.startswith(f"goal: {goal}"), understood.line
    assert result.success, result.message
    assert result.validated == "2/2" and result.goal["tree"]["goal"] == goal
    return result


def first_program_run(words: str, seed: int, runs_dir):
    """The trace of the offline coder's first program for ``words`` (seed skills, no repair) on the scene of
    ``seed`` that the words make."""
    from aspire_tui.agent.loop import goal_for
    from aspire_tui.agent.plan import plan_goal
    from aspire_tui.agent.program import write_program
    from aspire_tui.agent.scene import spec_for
    from aspire_tui.agent.words import read
    from aspire_tui.runner.pool import run_program

    from .tree_goals import SEED_SKILLS, seed_skills

    tree = read(words)
    spec, _, ids = spec_for(tree)
    source = write_program(goal_for(tree, spec, ids), plan_goal(tree, seed_skills()), seed_skills())
    return run_program(source, spec, seed, skills_dir=SEED_SKILLS, runs_dir=runs_dir, keyframes=False,
                       scene_args=True)


class Seen:
    """One detection: a name, where it stands and its size (a block unless ``w`` says wider)."""

    def __init__(self, name, x, y, w=0.044):
        self.name, self.position, self.size = name, (x, y, 0.02), (w, w, 0.04)


class Table:
    """What ``_slots`` reads: the camera's detections and the work area."""

    def __init__(self, seen):
        self.seen = seen

    def home(self):
        pass

    def scan(self):
        return list(self.seen)

    def workspace(self):
        return {"x": [0.3, 0.7], "y": [-0.3, 0.3], "z": 0.0}
