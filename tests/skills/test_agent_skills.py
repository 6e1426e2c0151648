"""`aspire skills export --format agent-skills` and `aspire skills import` of Agent Skills folders."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import yaml
from click.testing import CliRunner

from aspire_tui.cli import cli
from aspire_tui.skills.library import Library

from .conftest import HUMAN, git

SECTIONS = ("## When to use", "## Preconditions", "## Postconditions", "## Evidence", "## How to call it")


def run(lib_root, *args, ok=True):
    result = CliRunner().invoke(cli, ["skills", "--library", str(lib_root), *args])
    if ok:
        assert result.exit_code == 0, result.output
    return result


def files(root: Path) -> dict[str, bytes]:
    """Every program skill and lesson file under a library, by relative path."""
    return {p.relative_to(root).as_posix(): p.read_bytes()
            for folder in ("skills", "lessons") for p in sorted((root / folder).glob("*.*"))}


def emptied(root: Path) -> Library:
    """A fresh library with every seed skill and lesson removed (by plain git, as a person could)."""
    lib = Library.open(root)
    git(root, "rm", "-rq", "skills", "lessons")
    git(root, "commit", "-qm", "Start empty")
    (root / "skills").mkdir()
    (root / "lessons").mkdir()
    lib.reindex()
    return lib


def one_line_error(result) -> str:
    assert result.exit_code == 1, result.output
    lines = result.output.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("Error: ") and "Traceback" not in result.output, result.output
    return lines[0]


def test_the_seed_library_round_trips_byte_for_byte(lib, tmp_path):
    """Export the seed library, import it into an empty fresh one: the same files, committed as the person."""
    out = tmp_path / "exported"
    n = len(files(lib.root))  # every seed skill and lesson
    assert f"exported {n} skills and lessons" in run(lib.root, "export", "--format", "agent-skills", str(out)).output
    folders = sorted(p.name for p in out.iterdir())
    assert "place-in" in folders and "collision-on-approach" in folders and len(folders) == n
    fresh = emptied(tmp_path / "fresh")
    head = git(fresh.root, "rev-parse", "HEAD")
    said = run(fresh.root, "import", str(out)).output
    assert said.count("imported ") == n
    assert files(fresh.root) == files(lib.root) and n > 20
    authors = git(fresh.root, "log", "--format=%an <%ae>", f"{head.strip()}..HEAD").split("\n")[:-1]
    assert len(authors) == n and set(authors) == {f"{HUMAN[0]} <{HUMAN[1]}>"}
    assert not json.loads(run(fresh.root, "reindex", "--json").output)["problems"]
    # importing it again changes nothing: every file is the library's already
    head = git(fresh.root, "rev-parse", "HEAD")
    assert run(fresh.root, "import", str(out)).output.count("unchanged ") == n
    assert git(fresh.root, "rev-parse", "HEAD") == head


def test_skill_md_has_the_spec_front_matter_and_the_sections(lib, tmp_path):
    out = tmp_path / "exported"
    run(lib.root, "export", str(out), "place_in", "collision_on_approach")
    assert sorted(p.name for p in out.iterdir()) == ["collision-on-approach", "place-in"]
    text = (out / "place-in" / "SKILL.md").read_text()
    front = yaml.safe_load(text.split("---\n")[1])
    assert front["name"] == "place-in" and re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", front["name"])
    assert front["description"] == lib.get("place_in").description
    assert front["metadata"]["aspire-file"] == "place_in.py" and front["metadata"]["aspire-kind"] == "program"
    assert all(isinstance(v, str) for v in front["metadata"].values())  # the spec's string-to-string map
    assert [s for s in SECTIONS if s in text] == list(SECTIONS)
    assert (out / "place-in" / "place_in.py").read_bytes() == (lib.root / "skills/place_in.py").read_bytes()
    lesson = (out / "collision-on-approach" / "SKILL.md").read_text()
    assert "## Repair strategy" in lesson and "CollisionError" in yaml.safe_load(lesson.split("---\n")[1])[
        "description"]


def test_the_how_to_call_example_runs_in_the_sandbox(lib, tmp_path):
    """The program SKILL.md shows is a real one: `aspire exec` binds its ARGS and it succeeds."""
    from aspire_tui.commands.exec_ import run_in_sandbox

    out = tmp_path / "exported"
    run(lib.root, "export", str(out), "stack_on")
    text = (out / "stack-on" / "SKILL.md").read_text()
    program = re.search(r"```python\n(.*?)```", text, re.S).group(1)
    task = re.search(r"--task (\w+) --seed 0", text).group(1)
    trace = run_in_sandbox(program, task, 0, library=str(lib.root), keyframes=False, note=lambda line: None)
    assert trace.outcome == "succeeded", trace.headline()


def test_bad_folders_are_one_line_and_leave_the_library_as_it_was(lib, tmp_path):
    out = tmp_path / "exported"
    run(lib.root, "export", str(out), "pick", "place_in", "collision_on_approach")
    edited = out / "place-in" / "place_in.py"  # a good change that must not be committed beside a bad folder
    edited.write_text(edited.read_text().replace("drop=0.015", "drop=0.02"))
    head, before = git(lib.root, "rev-parse", "HEAD"), files(lib.root)

    def refused(folder_change) -> str:
        bad = tmp_path / f"bad-{len(list(tmp_path.glob('bad-*')))}"
        shutil.copytree(out, bad)
        folder_change(bad)
        line = one_line_error(run(lib.root, "import", "--replace", str(bad), ok=False))
        assert git(lib.root, "rev-parse", "HEAD") == head and files(lib.root) == before
        return line

    assert "no SKILL.md" in refused(lambda d: (d / "pick" / "SKILL.md").unlink())
    assert "broken front matter" in refused(
        lambda d: (d / "pick" / "SKILL.md").write_text("---\nname: pick\ndescription: [unclosed\n---\nbody\n"))
    assert "broken front matter" in refused(lambda d: (d / "pick" / "SKILL.md").write_text("# no front matter\n"))
    assert "has no description" in refused(
        lambda d: (d / "pick" / "SKILL.md").write_text("---\nname: pick\n---\n"))
    assert "not an Agent Skills name" in refused(
        lambda d: (d / "pick" / "SKILL.md").write_text("---\nname: Pick_It\ndescription: picks\n---\n"))
    assert "pick.py" in refused(lambda d: (d / "pick" / "pick.py").write_text("def pick(robot:\n"))

    def no_code(d: Path) -> None:
        (d / "pick" / "SKILL.md").write_text("---\nname: pick\ndescription: picks\n---\n")
        (d / "pick" / "pick.py").rename(d / "pick" / "notes.txt")

    assert "expected one aspire skill file" in refused(no_code)


def test_a_missing_dependency_or_a_taken_name_is_refused_before_any_commit(lib, tmp_path):
    out = tmp_path / "exported"
    run(lib.root, "export", str(out), "place_in", "collision_on_approach")
    fresh = emptied(tmp_path / "fresh")
    head = git(fresh.root, "rev-parse", "HEAD")
    line = one_line_error(run(fresh.root, "import", str(out), ok=False))
    assert "place_in depends on pick, release_above" in line
    assert git(fresh.root, "rev-parse", "HEAD") == head and files(fresh.root) == {}
    edited = out / "place-in" / "place_in.py"
    edited.write_text(edited.read_text().replace("drop=0.015", "drop=0.02"))
    assert "already exists" in one_line_error(run(lib.root, "import", str(out / "place-in"), ok=False))
    said = run(lib.root, "import", "--replace", str(out / "place-in")).output
    assert said.startswith("imported skills/place_in.py")
    assert git(lib.root, "log", "-1", "--format=%an").strip() == HUMAN[0]
