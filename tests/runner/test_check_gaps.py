"""Programs the static check used to pass and only the sandbox then contained (issue 21).

Each case compiles and would run; the first safety layer must now reject it
itself, with the line, the column and the rule.
"""

from __future__ import annotations

import pytest

from aspire_tui.runner.check import check_program, check_source
from aspire_tui.skills.skillfile import ParseProblem, parse_bytes


def rules(source: str) -> list[tuple[int, int, str]]:
    return [(v.line, v.column, v.rule) for v in check_program(source).violations]


def compiles(source: str) -> None:
    compile(source, "program.py", "exec", dont_inherit=True)  # each case is real Python


# -- identifiers that Python reads as other names (NFKC) ----------------------------
@pytest.mark.parametrize("source, expected", [
    ("def run(robot):\n    ｅｘｅｃ('1')\n", (2, 5, "forbidden-name")),                      # fullwidth letters
    ("def run(robot):\n    ᵉval('1')\n", (2, 5, "forbidden-name")),                          # modifier letter e
    ("def run(robot):\n    x = _＿builtins_＿\n", (2, 9, "dunder")),                           # fullwidth low line
    ("def run(robot):\n    g = (i for i in [])\n    g.ｇｉ_frame\n", (3, 7, "forbidden-attribute")),
    ("import numpy as np\ndef run(robot):\n    np.ｌｏａｄ('x')\n", (3, 8, "forbidden-attribute")),
    ("def run(robot):\n    ｏｐｅｎ\n", (2, 5, "unicode-name")),
])
def test_names_are_judged_as_python_reads_them(source, expected):
    """`ｅｘｅｃ` is `exec` to Python (identifiers are NFKC-normalised), so it is `exec` to the check."""
    compiles(source)
    assert expected in rules(source), rules(source)


def test_a_name_that_normalises_is_reported_with_what_python_reads():
    violations, _ = check_source("def run(robot):\n    ｘ = 1\n")
    assert [v.rule for v in violations] == ["unicode-name"]
    assert "'x'" in violations[0].message and "\n" not in violations[0].message


def test_plain_non_ascii_names_still_pass():
    """Names already in NFKC form (größe, 角度) are ordinary names."""
    assert rules("def run(robot):\n    größe = 1\n    角度 = größe\n") == []


# -- source encoding declarations ---------------------------------------------------
@pytest.mark.parametrize("source, line", [
    ("# -*- coding: utf-7 -*-\ndef run(robot):\n    x = 1 #+AAo-import os\n", 1),
    ("#!/usr/bin/env python\n# vim: set fileencoding=raw_unicode_escape :\ndef run(robot): pass\n", 2),
    ("# coding=latin-1\ndef run(robot): pass\n", 1),
    ("# coding: no-such-codec\ndef run(robot): pass\n", 1),
])
def test_a_source_encoding_other_than_utf8_is_rejected(source, line):
    """Python decodes a file by its coding line, so `#+AAo-import os` hides a line from the check."""
    assert (line, 1, "encoding") in rules(source), rules(source)


def test_a_utf8_coding_line_is_harmless():
    assert rules("# -*- coding: utf-8 -*-\ndef run(robot): pass\n") == []
    assert rules("def run(robot):\n    pass\n# coding: utf-7 (third line: Python ignores it)\n") == []


# -- attribute access through format strings ----------------------------------------
@pytest.mark.parametrize("source, rule", [
    ("def run(robot):\n    '{0.__class__}'.format(robot)\n", "dunder"),
    ("def run(robot):\n    '{0.\\x5f_class__}'.format(robot)\n", "dunder"),            # escape spells '_'
    ("def run(robot):\n    '{0._' '_class__}'.format(robot)\n", "dunder"),             # implicit concatenation
    ("def run(robot):\n    '{r.__class__}'.format_map({'r': robot})\n", "dunder"),
    ("def run(robot):\n    '{0:{1.__class__}}'.format(1, robot)\n", "dunder"),          # nested field
    ("def run(robot):\n    '{0.gi_frame}'.format(x for x in [])\n", "forbidden-attribute"),
    ("def run(robot):\n    t = '{0._' + '_class__}'\n    t.format(robot)\n", "format"),   # receiver built at run time
    ("def run(robot):\n    str.format('{0.__class__}', robot)\n", "format"),
    ("def run(robot):\n    f = '{0}'.format\n    f(robot)\n", "format"),                # bound method escapes
    ("def run(robot):\n    f'{{0.__cl{\"\"}ass__}}'.format(robot)\n", "format"),        # f-string receiver
    ("def run(robot):\n    '{0}'.ｆｏｒｍａｔ(robot)\n", "unicode-name"),
])
def test_format_strings_cannot_reach_attributes(source, rule):
    """str.format does getattr on `{0.name}` fields; the check reads those fields as attributes."""
    compiles(source)
    assert rule in [r for _, _, r in rules(source)], rules(source)


def test_string_formatter_fields_are_read_too():
    """string.Formatter is not importable, and its template's fields are judged as well."""
    found = rules("import string\ndef run(robot):\n    string.Formatter().format('{0.__class__}', robot)\n")
    assert (1, 8, "import") in found and any(r == "dunder" and line == 3 for line, _, r in found), found


def test_ordinary_format_calls_pass():
    assert rules("def run(robot):\n    print('{0:.3f} {1!r} {x[0]} {{}}'.format(1.0, 'a', x=[1]))\n"
                 "    print(('{}' ' {}').format(1, 2), f'{robot:>{3}}')\n") == []


# -- assignments to attributes of modules ---------------------------------------------
@pytest.mark.parametrize("source, expected", [
    ("import math\ndef run(robot):\n    math.pi = 3\n", (3, 5, "module-attribute")),
    ("import math\ndef run(robot):\n    del math.pi\n", (3, 9, "module-attribute")),
    ("import numpy as np\ndef run(robot):\n    np.pi += 1\n", (3, 5, "module-attribute")),
    ("import numpy as np\ndef run(robot):\n    np.linalg.norm = abs\n", (3, 5, "module-attribute")),
    ("import numpy as np\ndef run(robot):\n    np.typecodes['All'] = ''\n", (3, 5, "module-attribute")),
    ("import numpy as robot_module\ndef run(robot):\n    robot_module.x: int = 1\n", (3, 5, "module-attribute")),
    ("import math\ndef run(robot):\n    for math.e in range(3): pass\n", (3, 9, "module-attribute")),
    ("import math\ndef run(robot):\n    x, math.tau = 1, 2\n", (3, 8, "module-attribute")),
    ("from numpy import linalg\ndef run(robot):\n    linalg.norm = abs\n", (3, 5, "module-attribute")),
    ("from skills.pick import pick\ndef run(robot):\n    pick.calls = 0\n", (3, 5, "module-attribute")),
    ("import math\ndef run(robot):\n    m = math\n    m.pi = 3\n", (3, 9, "module-value")),    # alias
    ("import math\ndef f(m): m.pi = 3\ndef run(robot):\n    f(math)\n", (4, 7, "module-value")),
])
def test_modules_cannot_be_changed(source, expected):
    """Changing math or numpy (or a skill) changes them for every line that uses them after."""
    compiles(source)
    assert expected in rules(source), rules(source)


def test_setattr_on_a_module_is_still_a_forbidden_name():
    assert (3, 5, "forbidden-name") in rules("import math\ndef run(robot):\n    setattr(math, 'pi', 3)\n")


def test_ordinary_uses_of_modules_and_own_objects_pass():
    assert rules("import math\nimport numpy as np\nclass _P:\n    pass\n"
                 "def run(robot, math_ok=1):\n    p = _P()\n    p.x = math.pi\n    a = np.zeros(3)\n"
                 "    a[0] = np.linalg.norm(a)\n    return p.x + a[0]\n") == []


# -- look-ups written without a dot (found while closing the gaps above) -------------
@pytest.mark.parametrize("source, expected", [
    # a class pattern's keyword is getattr(subject, "gi_frame"); nested, it walks to a frame's globals
    ("def run(robot):\n    match (i for i in [1]):\n        case object(gi_frame=object(f_globals=g)):\n"
     "            pass\n", (3, 21, "forbidden-attribute")),
    ("def run(robot):\n    g = (i for i in [1])\n    match 1:\n        case g.gi_frame:\n            pass\n",
     (4, 16, "forbidden-attribute")),                              # a value pattern is a look-up too
    ("def run(robot, d):\n    b = d['__builtins__']\n", (2, 11, "dunder")),  # a dunder name as a key
])
def test_look_ups_without_attribute_syntax_are_judged_as_attributes(source, expected):
    compiles(source)
    assert expected in rules(source), rules(source)


def test_ordinary_match_statements_pass():
    assert rules("import math\ndef run(robot):\n    match robot.scan():\n        case [first, *rest]:\n"
                 "            pass\n        case object(name=n) if n == 'x':\n            pass\n"
                 "        case math.pi:\n            pass\n") == []


# -- skill files go through the same policy -----------------------------------------
SKILL = '"""Do a thing.\n"""\n\nimport math\n\nASPIRE = {"version": 1}\n\n\ndef thing(robot):\n    {body}\n'


@pytest.mark.parametrize("body, words", [
    ("ｅｘｅｃ('1')", "exec"),
    ("math.pi = 3", "module-attribute"),
    ("'{0.__class__}'.format(robot)", "dunder"),
    ("import numpy.linalg", "import"),                  # the runner's stronger import rule
    ("type('X', (), {})", "type"),                      # the runner's longer list of names
])
def test_skill_files_are_judged_by_the_same_policy(body, words):
    problem = parse_bytes(SKILL.replace("{body}", body).encode(), "skills/thing.py")
    assert isinstance(problem, ParseProblem), problem
    assert words in problem.reason and problem.line == 10


def test_skill_file_with_coding_line_is_a_problem():
    src = "# coding: utf-7\n" + SKILL.replace("{body}", "pass")
    problem = parse_bytes(src.encode(), "skills/thing.py")
    assert isinstance(problem, ParseProblem) and "encoding" in problem.reason and problem.line == 1
