"""Static check of robot programs and skill files, with tree-sitter.

This is the first of three safety layers (DESIGN.md, "Safety of generated
code"): it rejects what a well-meaning program never needs, with the line,
column and rule, so that the coder can repair it. It is not the boundary; the
sandbox (`aspire_tui.runner.sandbox`) assumes this check was bypassed.

Rules (the ``rule`` of a `Violation`):

- ``syntax``: tree-sitter finds an ERROR or MISSING node, or ``compile()``
  disagrees (its message is the second opinion).
- ``import``: only ``math``, ``numpy`` and skills (``skills.<name>``, one
  file ``<library>/skills/<name>.py``) may be imported; no submodules of
  numpy, no relative or wildcard imports, no skill that is not in the library.
  ``from __future__ import annotations`` is allowed (it changes nothing).
- ``dunder``: no ``__name__``-style identifier or attribute anywhere.
- ``forbidden-name``: no use of ``open exec eval compile __import__ globals
  locals vars getattr setattr delattr breakpoint input`` nor of ``type`` (its
  three-argument form builds classes from strings), ``super``, ``dir``,
  ``help``, ``exit``, ``quit`` (introspection and interpreter exits that a
  robot program never needs).
- ``forbidden-attribute``: no attributes that reach the OS from numpy
  (``np.load``, ``np.fromfile``, ``np.memmap``, ``np.ctypeslib``, ``np.lib``,
  ``arr.tofile``, ``arr.ctypes``, ...) or walk interpreter frames
  (``gi_frame``, ``f_globals``, ``tb_frame``, ...).
- ``no-run`` / ``no-function``: a program defines ``run(robot)`` at top level;
  a skill ``<name>.py`` defines a top-level function ``<name>``.
"""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any, Iterator

ALLOWED_MODULES = frozenset({"math", "numpy"})
SKILL_PACKAGE = "skills"
SKILL_NAME = re.compile(r"^[A-Za-z_][A-Za-z0-9_]{0,63}$")
DUNDER = re.compile(r"^__\w*__$")

FORBIDDEN_NAMES = frozenset({
    "open", "exec", "eval", "compile", "__import__", "globals", "locals", "vars",
    "getattr", "setattr", "delattr", "breakpoint", "input",
    "type", "super", "dir", "help", "exit", "quit",
})

# numpy's doors to files, pickles, ctypes and subprocesses, and the frame walkers.
FORBIDDEN_ATTRIBUTES = frozenset({
    "ctypeslib", "ctypes", "lib", "core", "_core", "f2py", "distutils", "testing",
    "load", "loads", "save", "savez", "savez_compressed", "savetxt", "loadtxt",
    "genfromtxt", "fromregex", "fromfile", "tofile", "memmap", "open_memmap",
    "dump", "dumps", "DataSource", "info", "source", "lookfor", "show_config",
    "show_runtime", "get_include",
    "f_globals", "f_locals", "f_builtins", "f_back", "f_code", "gi_frame", "gi_code",
    "cr_frame", "cr_code", "ag_frame", "ag_code", "tb_frame", "tb_next", "co_code",
    "func_globals",
})

MAX_SOURCE_BYTES = 512 * 1024


@dataclass
class Violation:
    """One reason to reject a program: 1-based line and column, the rule, a message.

    ``file`` is None for the program itself, else ``skills/<name>.py``.
    """

    line: int
    column: int
    rule: str
    message: str
    file: str | None = None

    def __str__(self) -> str:
        return f"{self.file or 'program'}:{self.line}:{self.column}: [{self.rule}] {self.message}"

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> "Violation":
        return cls(int(data["line"]), int(data["column"]), str(data["rule"]),
                   str(data["message"]), data.get("file"))


@dataclass
class CheckReport:
    """What `check_program` found: violations, and the skill sources the program needs."""

    violations: list[Violation] = field(default_factory=list)
    skills: dict[str, str] = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        return not self.violations


@lru_cache(maxsize=1)
def _parser():
    import tree_sitter_python
    from tree_sitter import Language, Parser

    return Parser(Language(tree_sitter_python.language()))


def _walk(node) -> Iterator[Any]:
    stack = [node]
    while stack:
        n = stack.pop()
        yield n
        stack.extend(reversed(n.children))


class _Checker:
    def __init__(self, source: str, file: str | None) -> None:
        self.source = source
        self.data = source.encode("utf-8", "surrogatepass")
        self.lines = self.data.split(b"\n")
        self.file = file
        self.violations: list[Violation] = []
        self.skill_imports: list[str] = []

    def add(self, node_or_point, rule: str, message: str) -> None:
        row, col = node_or_point if isinstance(node_or_point, tuple) else node_or_point.start_point
        line = self.lines[row] if row < len(self.lines) else b""
        column = len(line[:col].decode("utf-8", "replace")) + 1
        self.violations.append(Violation(row + 1, column, rule, message, self.file))

    def text(self, node) -> str:
        return self.data[node.start_byte:node.end_byte].decode("utf-8", "replace")

    # -- rules -------------------------------------------------------------
    def run(self, required_function: str) -> None:
        if len(self.data) > MAX_SOURCE_BYTES:
            self.add((0, 0), "syntax", f"source is {len(self.data)} bytes (limit {MAX_SOURCE_BYTES})")
            return
        tree = _parser().parse(self.data)
        root = tree.root_node
        for node in _walk(root):
            t = node.type
            if node.is_missing:
                self.add(node, "syntax", f"missing {t!r}")
            elif node.is_error:
                self.add(node, "syntax", f"cannot parse {self.text(node).splitlines()[0][:40]!r}" if self.text(node).strip() else "cannot parse")
            elif t == "identifier":
                self.identifier(node)
            elif t == "import_statement":
                self.import_statement(node)
            elif t == "import_from_statement":
                self.import_from(node)
            elif t == "future_import_statement":
                names = [self.text(n) for n in node.children_by_field_name("name")]
                if names != ["annotations"]:
                    self.add(node, "import", "only 'from __future__ import annotations' is allowed")
            elif t == "exec_statement":
                self.add(node, "forbidden-name", "the name 'exec' is not allowed")
            elif t in ("print_statement", "type_alias_statement"):
                self.add(node, "syntax", f"{t.replace('_', ' ')} is not Python 3.11")
        opinion = self.compile_opinion()
        if opinion is not None:
            # compile() words syntax errors better; tree-sitter's stay when compile() has none.
            self.violations = [v for v in self.violations if v.rule != "syntax"] + [opinion]
        if not any(v.rule == "syntax" for v in self.violations):
            self.required(root, required_function)

    def compile_opinion(self) -> Violation | None:
        found = len(self.violations)
        try:
            compile(self.source, self.file or "program.py", "exec", dont_inherit=True)
            return None
        except SyntaxError as e:
            row = max((e.lineno or 1) - 1, 0)
            line = self.lines[row] if row < len(self.lines) else b""
            col = len(line.decode("utf-8", "replace")[: max((e.offset or 1) - 1, 0)].encode())
            self.add((row, col), "syntax", e.msg)
        except (ValueError, MemoryError, RecursionError) as e:
            self.add((0, 0), "syntax", f"cannot compile: {type(e).__name__}")
        return self.violations.pop(found)

    def identifier(self, node) -> None:
        name = self.text(node)
        parent = node.parent
        if DUNDER.match(name):
            self.add(node, "dunder", f"dunder name {name!r} is not allowed")
            return
        if parent is not None and parent.type == "attribute" and parent.child_by_field_name("attribute") == node:
            if name in FORBIDDEN_ATTRIBUTES:
                self.add(node, "forbidden-attribute", f"the attribute '.{name}' is not allowed")
            return
        if parent is not None and parent.type in ("dotted_name", "aliased_import", "keyword_argument"):
            if parent.type == "keyword_argument" and parent.child_by_field_name("name") != node:
                pass  # the value of a keyword argument is an ordinary name
            else:
                return  # import paths are judged by the import rules; kwarg names are labels
        if name in FORBIDDEN_NAMES:
            self.add(node, "forbidden-name", f"the name {name!r} is not allowed")

    def module_path(self, node) -> list[str] | None:
        if node.type == "relative_import":
            self.add(node, "import", "relative imports are not allowed; use 'from skills.<name> import <name>'")
            return None
        return self.text(node).replace(" ", "").split(".")

    def allow_module(self, parts: list[str], node, imported: list[str] | None = None) -> None:
        top = parts[0]
        if top in ALLOWED_MODULES:
            if len(parts) > 1:
                self.add(node, "import", f"import {top} and use {'.'.join(parts)} as an attribute instead")
            for name in imported or []:
                if name in FORBIDDEN_ATTRIBUTES:
                    self.add(node, "forbidden-attribute", f"'{name}' may not be imported from {top}")
            return
        if top == SKILL_PACKAGE:
            names = parts[1:] if len(parts) > 1 else (imported or [])
            if len(parts) > 2 or not names:
                self.add(node, "import", "import a skill as 'from skills.<name> import <name>'")
                return
            for name in names:
                if not SKILL_NAME.match(name):
                    self.add(node, "import", f"{name!r} is not a skill name")
                else:
                    self.skill_imports.append(name)
            return
        self.add(node, "import", f"module {'.'.join(parts)!r} is not allowed (only math, numpy and skills.*)")

    def import_statement(self, node) -> None:
        for child in node.children_by_field_name("name"):
            target = child.child_by_field_name("name") if child.type == "aliased_import" else child
            parts = self.module_path(target)
            if parts is None:
                continue
            if parts[0] == SKILL_PACKAGE and len(parts) == 1:
                self.add(child, "import", "import a skill as 'from skills.<name> import <name>'")
                continue
            self.allow_module(parts, child)

    def import_from(self, node) -> None:
        module = node.child_by_field_name("module_name")
        parts = self.module_path(module)
        if parts is None:
            return
        if any(c.type == "wildcard_import" for c in node.children):
            self.add(node, "import", "wildcard imports are not allowed")
            return
        imported = []
        for child in node.children_by_field_name("name"):
            target = child.child_by_field_name("name") if child.type == "aliased_import" else child
            imported.append(self.text(target))
        self.allow_module(parts, node, imported)

    def required(self, root, name: str) -> None:
        for child in root.children:
            node = child
            if node.type == "decorated_definition":
                node = node.child_by_field_name("definition")
            if node is not None and node.type == "function_definition":
                fname = node.child_by_field_name("name")
                if fname is not None and self.text(fname) == name:
                    return
        if name == "run":
            self.add((0, 0), "no-run", "the program must define a top-level function run(robot)")
        else:
            self.add((0, 0), "no-function", f"the skill must define a top-level function {name}(robot, ...)")


def check_source(source: str, *, file: str | None = None, function: str = "run") -> tuple[list[Violation], list[str]]:
    """Check one file; returns its violations and the skill names it imports."""
    checker = _Checker(source, file)
    checker.run(function)
    return checker.violations, list(dict.fromkeys(checker.skill_imports))


def skill_names(source: str) -> list[str]:
    """The skills a source imports, judged leniently (for running with the check disabled)."""
    return check_source(source)[1]


def check_program(source: str, skills_dir: Path | None = None, *, max_skills: int = 64) -> CheckReport:
    """Check a program and, transitively, every skill file it imports.

    Args:
        source: the program's text.
        skills_dir: the library's ``skills/`` folder (None: no skills exist).
        max_skills: refuse programs that pull in more skill files than this.

    Returns:
        A `CheckReport` with all violations and the sources of the skills found.
    """
    report = CheckReport()
    violations, pending = check_source(source)
    report.violations.extend(violations)
    importer: dict[str, str | None] = {name: None for name in pending}
    while pending:
        name = pending.pop(0)
        if name in report.skills:
            continue
        where = importer.get(name)
        path = Path(skills_dir) / f"{name}.py" if skills_dir is not None else None
        if path is None or not path.is_file():
            report.violations.append(Violation(1, 1, "import", f"no skill named {name!r} in the library", where))
            report.skills[name] = ""
            continue
        if len(report.skills) >= max_skills:
            report.violations.append(Violation(1, 1, "import", f"more than {max_skills} skills imported", where))
            break
        try:
            text = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as e:
            report.violations.append(Violation(1, 1, "import", f"skill {name!r} cannot be read: {e}", where))
            report.skills[name] = ""
            continue
        report.skills[name] = text
        file = f"skills/{name}.py"
        found, imports = check_source(text, file=file, function=name)
        report.violations.extend(found)
        for sub in imports:
            if sub not in report.skills and sub not in pending:
                importer.setdefault(sub, file)
                pending.append(sub)
    report.skills = {k: v for k, v in report.skills.items() if v}
    return report
