"""Seeds shipped by a newer aspire reach a library seeded earlier, without touching what people changed."""

from __future__ import annotations

import json
import shutil

import pytest
from click.testing import CliRunner

from aspire_tui.skills import seeds
from aspire_tui.skills.layout import seed_dir
from aspire_tui.skills.library import SkillInvalid
from aspire_tui.skills.repo import parse_trailers

from .conftest import HUMAN, fsck_clean, git, skill_source


@pytest.fixture
def newer(tmp_path, monkeypatch):
    """A copy of the shipped seeds standing in for a later release's, which the test then changes."""
    shipped = tmp_path / "newer_release"
    shutil.copytree(seed_dir(), shipped)
    monkeypatch.setattr(seeds, "seed_dir", lambda: shipped)
    return shipped


def _replace(path, old, new):
    text = path.read_text()
    assert old in text
    path.write_text(text.replace(old, new, 1))


def test_unchanged_seeds_take_the_shipped_version_and_changed_ones_are_kept(lib, newer):
    _replace(newer / "skills" / "pick.py", "lift it clear of the table", "lift it clear of the table (grab, grasp)")
    (newer / "skills" / "wave_over.py").write_text(skill_source("wave_over", "Wave the gripper over a block",
                                                                deps=("pick",)))
    # the person edited place_in and deleted a lesson; the newer release changed both
    _replace(newer / "skills" / "place_in.py", "drop=0.015", "drop=0.012")
    _replace(newer / "lessons" / "collision_on_approach.md", "# Travel high", "# Always travel high")
    _replace(lib.skills_dir / "place_in.py", "approach=0.06", "approach=0.08")
    (lib.lessons_dir / "collision_on_approach.md").unlink()
    assert all(r.committed for r in lib.commit_edits())
    person_version = (lib.skills_dir / "place_in.py").read_text()

    states = {s.name: s.state for s in seeds.seed_states(lib)}
    assert (states["pick"], states["wave_over"], states["place_in"], states["collision_on_approach"]) == (
        "update", "new", "changed", "removed")
    assert {v for k, v in states.items() if k not in ("pick", "wave_over", "place_in", "collision_on_approach")} \
        == {"current"}

    head = git(lib.root, "rev-parse", "HEAD").strip()
    taken = {s.name: s for s in seeds.update_seeds(lib) if s.sha}
    assert set(taken) == {"pick", "wave_over"}
    assert (lib.skills_dir / "pick.py").read_bytes() == (newer / "skills" / "pick.py").read_bytes()
    assert (lib.skills_dir / "place_in.py").read_text() == person_version
    assert not (lib.lessons_dir / "collision_on_approach.md").exists()
    log = git(lib.root, "log", f"{head}..HEAD", "--format=%an|%s|%(trailers:key=Aspire-Change,valueonly)")
    assert "aspire-agent|Update seed skill pick to the version shipped with aspire" in log
    assert "aspire-agent|Add seed skill wave_over shipped with aspire" in log
    assert parse_trailers(git(lib.root, "log", "-1", "--format=%B", taken["pick"].sha))["Aspire-Change"] == "refine"
    assert lib.search("grab, grasp", 3, mode="keyword")[0].name == "pick"
    assert lib.index.get("wave_over") is not None
    fsck_clean(lib.root)

    # a later release changes pick again: aspire's own update still counts as untouched
    _replace(newer / "skills" / "pick.py", "(grab, grasp)", "(grab, grasp, take hold of)")
    assert {s.name: s.state for s in seeds.seed_states(lib)}["pick"] == "update"
    assert [s.name for s in seeds.update_seeds(lib) if s.sha] == ["pick"]
    head = git(lib.root, "rev-parse", "HEAD").strip()
    assert not [s for s in seeds.update_seeds(lib) if s.sha]
    assert git(lib.root, "rev-parse", "HEAD").strip() == head


def test_an_uncommitted_edit_to_a_seed_is_never_overwritten(lib, newer):
    _replace(newer / "skills" / "pick.py", "clear=0.12", "clear=0.1")
    _replace(lib.skills_dir / "pick.py", "clear=0.12", "clear=0.2")
    assert {s.name: s.state for s in seeds.seed_states(lib)}["pick"] == "changed"
    assert not [s for s in seeds.update_seeds(lib) if s.sha]
    assert "clear=0.2" in (lib.skills_dir / "pick.py").read_text()


def test_a_shipped_seed_that_would_break_the_library_is_refused(lib, newer):
    (newer / "skills" / "orphan.py").write_text(skill_source("orphan", deps=("no_such_skill",)))
    head = git(lib.root, "rev-parse", "HEAD").strip()
    with pytest.raises(SkillInvalid, match="no_such_skill"):
        seeds.update_seeds(lib)
    assert git(lib.root, "rev-parse", "HEAD").strip() == head
    assert not (lib.skills_dir / "orphan.py").exists()


def test_cli_lists_seed_states_and_updates(lib, newer):
    from aspire_tui.cli import cli

    _replace(newer / "skills" / "pick.py", "lift it clear of the table", "lift it clear of the table, gently")
    runner = CliRunner()
    listed = runner.invoke(cli, ["skills", "--library", str(lib.root), "seeds"])
    assert listed.exit_code == 0, listed.output
    assert "a newer version ships with aspire" in listed.output and "takes 1" in listed.output
    done = runner.invoke(cli, ["skills", "--library", str(lib.root), "seeds", "--update", "--json"])
    assert done.exit_code == 0, done.output
    [pick] = [s for s in json.loads(done.output) if s["name"] == "pick"]
    assert pick["state"] == "update" and len(pick["sha"]) == 40
    assert git(lib.root, "log", "-1", "--format=%an", "--", "skills/pick.py").strip() == "aspire-agent"
    assert git(lib.root, "log", "--format=%an", "--author", HUMAN[0]).strip() == ""
