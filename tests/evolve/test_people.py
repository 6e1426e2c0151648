"""A library edited by a person while a search runs: their edit is kept; the winner merges or waits."""

from __future__ import annotations

import pytest

from aspire_tui.agent.coder import coder_for, set_literal
from aspire_tui.agent.loop import choose_scene, retrieve, sources_of, understand
from aspire_tui.evolve.distill import distill_winner
from aspire_tui.evolve.evolve import evolve
from aspire_tui.skills.repo import parse_trailers

from .helpers import Recorder, git

pytestmark = pytest.mark.slow  # whole searches while a person edits (about 30 s): make test-slow

TASK = "put the red block in the green bowl"
PERSON_LINE = "# Ada: checked on the real arm, keep the approach gentle\n"


def winner_for(lib):
    """The offline coder's program for TASK with a changed approach height (what a search might find),
    and the sources of the skills it was written from."""
    goal, spec = understand(TASK)
    _, goal = choose_scene(goal, spec, None)
    coder = coder_for()
    skills = retrieve(lib, goal)
    program = set_literal(coder.write(goal, skills, []), "PARAMS", {"approach": 0.08})
    return coder, goal, program, sources_of(lib, skills)


def person_edits(lib, rel: str, edit) -> str:
    path = lib.root / rel
    path.write_text(edit(path.read_text()))
    lib.commit_edits([rel])
    return git(lib.root, "rev-parse", "HEAD").strip()


def test_a_committed_edit_is_merged_with_the_winner(lib, tmp_path):
    """The person's line and the winner's new default both end up in the skill; history is not rewritten."""
    start = git(lib.root, "rev-parse", "HEAD").strip()
    coder, goal, program, sources = winner_for(lib)
    theirs = person_edits(lib, "skills/place_in.py", lambda text: text + PERSON_LINE)
    out = distill_winner(lib, coder, goal, program=program, sources=sources, start_sha=start,
                         evidence={"seeds": [501, 502], "success": "2/2", "run": "r1"},
                         figures="population 3, generations 2/2", model="offline+evolve", keep_dir=tmp_path / "keep")
    assert out.change is not None and out.merged, out.message
    text = (lib.root / "skills/place_in.py").read_text()
    assert PERSON_LINE in text and "approach=0.08" in text
    git(lib.root, "merge-base", "--is-ancestor", theirs, "HEAD")      # their commit stays in history
    message = git(lib.root, "log", "-1", "--format=%B")
    trailers = parse_trailers(message)
    assert trailers["Aspire-Search"] == "population 3, generations 2/2"
    assert trailers["Aspire-Success"] == "2/2" and trailers["Aspire-Change"] == "refine"
    assert git(lib.root, "log", "-1", "--format=%an").strip() == "aspire-agent"


def test_a_conflicting_edit_wins_and_the_winner_is_set_aside(lib, tmp_path):
    """When the person changed the very line the winner changes, nothing is overwritten."""
    start = git(lib.root, "rev-parse", "HEAD").strip()
    coder, goal, program, sources = winner_for(lib)
    person_edits(lib, "skills/place_in.py", lambda text: text.replace("approach=0.06", "approach=0.05"))
    before = (lib.root / "skills/place_in.py").read_text()
    head = git(lib.root, "rev-parse", "HEAD").strip()
    out = distill_winner(lib, coder, goal, program=program, sources=sources, start_sha=start,
                         evidence={"seeds": [501], "success": "1/1", "run": "r1"},
                         figures="population 3", model="offline+evolve", keep_dir=tmp_path / "keep")
    assert out.change is None and "conflicts" in out.message
    assert (lib.root / "skills/place_in.py").read_text() == before
    assert git(lib.root, "rev-parse", "HEAD").strip() == head
    assert "approach=0.08" in (tmp_path / "keep" / "place_in.py").read_text()


def test_uncommitted_edits_are_left_alone(lib, tmp_path):
    """A person mid-edit (file changed, not committed): the search commits nothing over it."""
    start = git(lib.root, "rev-parse", "HEAD").strip()
    coder, goal, program, sources = winner_for(lib)
    path = lib.root / "skills/place_in.py"
    path.write_text(path.read_text() + PERSON_LINE)
    out = distill_winner(lib, coder, goal, program=program, sources=sources, start_sha=start,
                         evidence={"seeds": [501], "success": "1/1", "run": "r1"},
                         figures="population 3", model="offline+evolve", keep_dir=tmp_path / "keep")
    assert out.change is None and "uncommitted" in out.message
    assert path.read_text().endswith(PERSON_LINE)
    assert git(lib.root, "rev-parse", "HEAD").strip() == start


def test_an_edit_during_a_running_search_is_kept(lib, backend):
    """A person commits an edit to the skill the search is using between generations: it survives the search."""
    edited: list[str] = []

    def edit_between_generations(event) -> None:
        if event.event_name() == "generation_finished" and not edited:
            edited.append(person_edits(lib, "skills/place_in.py", lambda text: text + PERSON_LINE))

    result = evolve(TASK, library=lib, coder=coder_for(), backend=backend, population=3, generations=1,
                    debug=1, selection=1, target=1.1, emit=Recorder(on_event=edit_between_generations))
    assert edited and result.winner
    assert (lib.root / "skills/place_in.py").read_text().endswith(PERSON_LINE)
    git(lib.root, "merge-base", "--is-ancestor", edited[0], "HEAD")
    assert not lib.repo.dirty_paths()
