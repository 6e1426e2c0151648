"""The static check: each rule, with line, column and rule name; skill files too."""

from __future__ import annotations

from pathlib import Path

import pytest

from aspire_tui.runner.check import Violation, check_program, check_source

GOOD = """\
import math
import numpy as np
from numpy import array
from skills.pick import pick


def run(robot):
    block = robot.detect("red block")[0]
    x, y, z = block.position
    pick(robot, x, y, z + math.sqrt(0.0001))
    robot.move_to(*np.array([0.5, 0.0, 0.2]), yaw=float(np.pi / 4))
"""


def rules(source: str, skills_dir: Path | None = None) -> list[tuple[int, int, str]]:
    return [(v.line, v.column, v.rule) for v in check_program(source, skills_dir).violations]


@pytest.fixture
def skills_dir(tmp_path: Path) -> Path:
    d = tmp_path / "skills"
    d.mkdir()
    (d / "pick.py").write_text('"""Pick."""\nfrom skills.lift import lift\n\ndef pick(robot, x, y, z):\n'
                               '    robot.move_to(x, y, z)\n    robot.grasp()\n    lift(robot)\n')
    (d / "lift.py").write_text("def lift(robot):\n    robot.move_to(0.5, 0.0, 0.3)\n")
    return d


def test_a_good_program_passes_and_collects_its_skills(skills_dir):
    report = check_program(GOOD, skills_dir)
    assert report.ok, report.violations
    assert set(report.skills) == {"pick", "lift"}


@pytest.mark.parametrize("source, expected", [
    ("import os\ndef run(robot): pass\n", (1, 8, "import")),
    ("import numpy.ctypeslib\ndef run(robot): pass\n", (1, 8, "import")),
    ("from numpy import *\ndef run(robot): pass\n", (1, 1, "import")),
    ("from numpy import load\ndef run(robot): pass\n", (1, 1, "forbidden-attribute")),
    ("from . import x\ndef run(robot): pass\n", (1, 6, "import")),
    ("import skills\ndef run(robot): pass\n", (1, 8, "import")),
    ("from __future__ import braces\ndef run(robot): pass\n", (1, 1, "import")),
    ("def run(robot):\n    x = ().__class__\n", (2, 12, "dunder")),
    ("def run(robot):\n    __builtins__\n", (2, 5, "dunder")),
    ("def run(robot):\n    y = f'{robot.__dict__}'\n", (2, 18, "dunder")),
    ("def run(robot):\n    open('/etc/passwd')\n", (2, 5, "forbidden-name")),
    ("def run(robot):\n    f = eval\n", (2, 9, "forbidden-name")),
    ("def run(robot):\n    getattr(robot, 'x')\n", (2, 5, "forbidden-name")),
    ("def run(robot):\n    type('X', (), {})\n", (2, 5, "forbidden-name")),
    ("def run(robot):\n    exec 'x'\n", (2, 5, "forbidden-name")),
    ("import numpy as np\ndef run(robot):\n    np.fromfile('x')\n", (3, 8, "forbidden-attribute")),
    ("import numpy as np\ndef run(robot):\n    np.zeros(3).tofile('x')\n", (3, 17, "forbidden-attribute")),
    ("def run(robot):\n    g = (i for i in [])\n    g.gi_frame\n", (3, 7, "forbidden-attribute")),
    ("def go(robot):\n    pass\n", (1, 1, "no-run")),
    ("def run(robot):\n    return 1 +\n", (2, 15, "syntax")),
    ("def run(robot):\n    x = (1,\n", (2, 9, "syntax")),
])
def test_each_rule_names_line_column_and_rule(source, expected):
    assert expected in rules(source), rules(source)


def test_all_violations_are_returned_not_just_the_first():
    found = rules("import os\nimport sys\ndef run(robot):\n    open(1)\n    eval('1')\n")
    assert [r for _, _, r in found] == ["import", "import", "forbidden-name", "forbidden-name"]


def test_columns_count_characters_not_bytes():
    found = rules("def run(robot):\n    s = 'ünïcödé'; open(s)\n")
    assert (2, 20, "forbidden-name") in found


def test_keyword_argument_names_and_attribute_names_are_labels():
    """`robot.detect(query=...)`, `det.type` and `f(input=1)` are not uses of forbidden names."""
    assert rules("def run(robot):\n    robot.move_to(0.5, 0, 0.2, speed=0.1)\n    d = robot.x.type\n") == []
    assert rules("def f(**kw): pass\ndef run(robot):\n    f(input=1)\n") == []


def test_annotations_future_import_is_allowed():
    assert rules("from __future__ import annotations\ndef run(robot): pass\n") == []


def test_tree_sitter_finds_errors_itself():
    """The ERROR/MISSING nodes are reported even where compile() is not consulted."""
    violations, _ = check_source("def run(robot:\n    pass\n")
    assert violations and violations[0].rule == "syntax"


def test_missing_and_bad_skills_are_reported_with_their_file(skills_dir):
    (skills_dir / "bad.py").write_text("import subprocess\n\ndef bad(robot):\n    subprocess.run('x')\n")
    (skills_dir / "nameless.py").write_text("def other(robot):\n    pass\n")
    report = check_program("from skills.bad import bad\nfrom skills.nameless import nameless\n"
                           "from skills.ghost import ghost\ndef run(robot): pass\n", skills_dir)
    found = {(v.file, v.rule) for v in report.violations}
    assert ("skills/bad.py", "import") in found
    assert ("skills/nameless.py", "no-function") in found
    assert (None, "import") in found  # ghost does not exist
    assert "no skill named 'ghost'" in str(report.violations)


def test_a_skill_cycle_terminates(skills_dir):
    (skills_dir / "a.py").write_text("from skills.b import b\ndef a(robot): b(robot)\n")
    (skills_dir / "b.py").write_text("from skills.a import a\ndef b(robot): a(robot)\n")
    report = check_program("from skills.a import a\ndef run(robot): a(robot)\n", skills_dir)
    assert report.ok and set(report.skills) == {"a", "b"}


def test_violation_round_trips_and_prints_file_line_column():
    v = Violation(3, 7, "dunder", "dunder name '__x__' is not allowed", "skills/pick.py")
    assert Violation.from_dict(v.to_dict()) == v
    assert str(v).startswith("skills/pick.py:3:7: [dunder]")
