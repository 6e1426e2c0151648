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
- ``dunder``: no ``__name__``-style identifier, attribute or string anywhere.
- ``forbidden-name``: no use of ``open exec eval compile __import__ globals
  locals vars getattr setattr delattr breakpoint input`` nor of ``type`` (its
  three-argument form builds classes from strings), ``super``, ``dir``,
  ``help``, ``exit``, ``quit`` (introspection and interpreter exits that a
  robot program never needs).
- ``forbidden-attribute``: no attributes that reach the OS from numpy
  (``np.load``, ``np.fromfile``, ``np.memmap``, ``np.ctypeslib``, ``np.lib``,
  ``arr.tofile``, ``arr.ctypes``, ...) or walk interpreter frames
  (``gi_frame``, ``f_globals``, ``tb_frame``, ...), also where a match
  pattern looks them up (``case object(gi_frame=f)``, ``case g.gi_frame``).
- ``unicode-name``: an identifier that Python reads as another name (it
  NFKC-normalises identifiers: ``ｅｘｅｃ`` is ``exec``). Every other rule judges
  the name Python reads.
- ``encoding``: a ``# coding:`` line on line 1 or 2 that is not UTF-8 (Python
  decodes a file by it, so ``utf-7`` can hide a line inside a comment).
- ``format``: ``.format``/``.format_map`` called on anything but a string
  literal. Every string literal's format fields (``{0.attr}``, ``{0[key]}``)
  are judged as attribute accesses by the ``dunder`` and
  ``forbidden-attribute`` rules, since ``str.format`` does those look-ups.
- ``module-attribute``: assigning or deleting an attribute or item of an
  imported module or name (``math.pi = 3``, ``del np.x``, ``pick.calls = 0``).
- ``module-value``: an imported module used other than through its
  attributes (``m = math``, ``f(np)``), which would let the rule above be
  dodged through another name.
- ``no-run`` / ``no-function``: a program defines ``run(robot)`` at top level;
  a skill ``<name>.py`` defines a top-level function ``<name>``.

`parser`, `ALLOWED_MODULES`, `SKILL_PACKAGE` and `check_source` are the one
policy: the skills layer reads skill files with them too.
"""

from __future__ import annotations

import importlib.util
import pkgutil
import re
import string
import unicodedata
from dataclasses import asdict, dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any, Iterator

import _string  # str.format's own field-name splitter, so fields are read exactly as format() reads them

from aspire_tui import pyast

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

# PEP 263's cookie; ``\w`` is wider than Python's own, which only makes the rule stricter.
CODING = re.compile(r"^[ \t\f]*#.*?coding[:=][ \t]*([-\w.]+)")
FORMAT_METHODS = frozenset({"format", "format_map"})
# Containers a store target can sit in (``a, (b.c, d[0]) = ...``, ``for a.b in``).
_PATTERNS = frozenset({"pattern_list", "tuple_pattern", "list_pattern", "list_splat_pattern",
                       "parenthesized_expression", "tuple", "list", "expression_list"})


@dataclass(frozen=True)
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
def parser():
    """The one tree-sitter Python parser that every check and skill-file reader uses."""
    import tree_sitter_python
    from tree_sitter import Language, Parser

    return Parser(Language(tree_sitter_python.language()))


def python_name(name: str) -> str:
    """The name Python reads for an identifier as written (PEP 3131: NFKC)."""
    return unicodedata.normalize("NFKC", name)


@lru_cache(maxsize=None)
def _submodules(top: str) -> frozenset[str]:
    """Submodules of an allowed package, found without importing it (``from numpy import linalg``)."""
    try:
        spec = importlib.util.find_spec(top)
    except (ImportError, ValueError):
        return frozenset()
    locations = spec.submodule_search_locations if spec is not None else None
    return frozenset(m.name for m in pkgutil.iter_modules(locations or []))


def _format_fields(template: str, depth: int = 0) -> Iterator[str]:
    """The field names of a format string, nested specs included; ValueError if it is not one."""
    for _, field_name, spec, _ in string.Formatter().parse(template):
        if field_name is not None:
            yield field_name
        if spec and depth < 2:  # str.format nests specs at most twice
            yield from _format_fields(spec, depth + 1)


def _field_lookups(field_name: str) -> Iterator[tuple[bool, str]]:
    """(is_attribute, name) for each look-up ``format`` does for one field: ``0.a[b]``."""
    first, rest = _string.formatter_field_name_split(field_name)
    if isinstance(first, str):
        yield False, first  # a keyword argument's name, or a key of format_map's mapping
    for is_attr, key in rest:
        if isinstance(key, str):
            yield bool(is_attr), key


def _walk(node) -> Iterator[Any]:
    stack = [node]
    while stack:
        n = stack.pop()
        yield n
        stack.extend(reversed(n.children))


def _is_target(node) -> bool:
    """Whether ``node`` is assigned, augmented, deleted, or bound by ``for`` or ``as``."""
    child, parent = node, node.parent
    while parent is not None and parent.type in _PATTERNS:
        child, parent = parent, parent.parent
    if parent is None:
        return False
    if parent.type in ("assignment", "augmented_assignment", "for_statement", "for_in_clause"):
        return parent.child_by_field_name("left") == child
    return parent.type in ("delete_statement", "as_pattern_target")


_IMPORTS = frozenset({"import_statement", "import_from_statement", "aliased_import", "future_import_statement",
                      "relative_import"})


def _in_import(dotted) -> bool:
    """Whether a dotted_name is an import path (else it is a match pattern's ``x.y``)."""
    return dotted.parent is not None and dotted.parent.type in _IMPORTS


def _looked_up(node) -> bool:
    """A name a match pattern looks up as an attribute: ``case C(attr=p)``, or ``y`` in ``case x.y``."""
    parent = node.parent
    if parent is None:
        return False
    if parent.type == "keyword_pattern":
        return parent.named_children[0] == node
    return parent.type == "dotted_name" and not _in_import(parent) and parent.named_children[0] != node


def _chain_root(node):
    """The name an attribute/subscript chain starts from (``np`` in ``np.a.b[0]``); None past a call."""
    while node is not None and node.type in ("attribute", "subscript", "parenthesized_expression"):
        if node.type == "attribute":
            node = node.child_by_field_name("object")
        elif node.type == "subscript":
            node = node.child_by_field_name("value")
        else:
            node = node.named_children[0] if node.named_child_count == 1 else None
    return node


class _Checker:
    def __init__(self, source: str, file: str | None) -> None:
        self.source = source
        self.data = source.encode("utf-8", "surrogatepass")
        self.lines = self.data.split(b"\n")
        self.file = file
        self.violations: list[Violation] = []
        self.skill_imports: list[str] = []
        self.bound: set[str] = set()    # every name an import binds
        self.modules: set[str] = set()  # those of them that are modules

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
        self.encoding()
        tree = parser().parse(self.data)
        root = tree.root_node
        self.collect_imports(root)
        for node in _walk(root):
            t = node.type
            if node.is_missing:
                self.add(node, "syntax", f"missing {t!r}")
            elif node.is_error:
                self.add(node, "syntax", f"cannot parse {self.text(node).splitlines()[0][:40]!r}" if self.text(node).strip() else "cannot parse")
            elif t == "identifier":
                self.identifier(node)
            elif t in ("attribute", "subscript"):
                self.store_target(node)
                if t == "attribute":
                    self.format_call(node)
            elif t in ("string", "concatenated_string"):
                self.string_literal(node)
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
            pyast.compile_source(self.source, self.file or "program.py")
            return None
        except SyntaxError as e:
            row = max((e.lineno or 1) - 1, 0)
            line = self.lines[row] if row < len(self.lines) else b""
            col = len(line.decode("utf-8", "replace")[: max((e.offset or 1) - 1, 0)].encode())
            self.add((row, col), "syntax", e.msg)
        except (ValueError, MemoryError, RecursionError) as e:
            self.add((0, 0), "syntax", f"cannot compile: {type(e).__name__}")
        return self.violations.pop(found)

    def encoding(self) -> None:
        """Python decodes a file by a coding line on line 1 or 2; only UTF-8 reads as the check reads it."""
        for row, line in enumerate(re.split(r"\r\n|\r|\n", self.source, maxsplit=2)[:2]):
            found = CODING.match(line)
            # Compared by name, not codecs.lookup(): untrusted text picks no codec module to import.
            if found and found.group(1).lower().replace("_", "-") not in ("utf-8", "utf8"):
                self.add((row, 0), "encoding", f"the coding line declares {found.group(1)!r}; programs are "
                         "UTF-8: remove the line or declare utf-8")

    def collect_imports(self, root) -> None:
        """The names imports bind (anywhere in the file), and which of them are modules."""
        for node in _walk(root):
            if node.type == "import_statement":
                for child in node.children_by_field_name("name"):
                    alias = child.child_by_field_name("alias") if child.type == "aliased_import" else None
                    local = self.text(alias) if alias is not None else self.text(child).split(".")[0]
                    self.modules.add(python_name(local.strip()))
            elif node.type == "import_from_statement":
                module = node.child_by_field_name("module_name")
                top = python_name(self.text(module)).replace(" ", "").split(".")[0] if module is not None else ""
                for child in node.children_by_field_name("name"):
                    target = child.child_by_field_name("name") if child.type == "aliased_import" else child
                    alias = child.child_by_field_name("alias") if child.type == "aliased_import" else None
                    local = python_name(self.text(alias if alias is not None else target))
                    self.bound.add(local)
                    if top in ALLOWED_MODULES and python_name(self.text(target)) in _submodules(top):
                        self.modules.add(local)
        self.bound |= self.modules

    def store_target(self, node) -> None:
        """``math.pi = 3``, ``del np.x``, ``for pick.n in ...``: an import's attributes are not the program's."""
        if not _is_target(node):
            return
        root = _chain_root(node)
        if root is not None and root.type == "identifier" and python_name(self.text(root)) in self.bound:
            shown = " ".join(self.text(node).split())[:60]
            self.add(node, "module-attribute", f"{shown!r} changes the imported {python_name(self.text(root))!r} "
                     "for everything that uses it; keep the value in a variable of your own")

    def literal_value(self, node) -> str | None:
        """The text of a plain string literal (implicit concatenation too), or None for anything else."""
        parts = [node] if node.type == "string" else \
            [c for c in node.named_children if c.type != "comment"] if node.type == "concatenated_string" else []
        for part in parts:
            start = part.child(0)
            if part.type != "string" or start is None or set(self.text(start).lower()) & {"f", "b"} \
                    or any(c.type == "interpolation" for c in part.children):
                return None
        if not parts:
            return None
        try:
            value = pyast.literal_eval("(" + self.text(node) + "\n)")
        except (ValueError, SyntaxError, MemoryError, RecursionError):
            return None
        return value if isinstance(value, str) else None

    def format_call(self, node) -> None:
        """``.format``/``.format_map`` only as a direct call on a literal, whose fields `string_literal` reads."""
        attr = node.child_by_field_name("attribute")
        name = python_name(self.text(attr)) if attr is not None else ""
        if name not in FORMAT_METHODS:
            return
        receiver = node.child_by_field_name("object")
        while receiver is not None and receiver.type == "parenthesized_expression" and receiver.named_child_count == 1:
            receiver = receiver.named_children[0]
        parent = node.parent
        called = parent is not None and parent.type == "call" and parent.child_by_field_name("function") == node
        if not called or receiver is None or self.literal_value(receiver) is None:
            self.add(attr, "format", f"call .{name}() only on a string literal, as in '{{:.3f}}'.format(x), "
                     "so the check can read its fields")

    def string_literal(self, node) -> None:
        """A dunder name as a string (``d["__builtins__"]``), and format fields as ``str.format`` reads them."""
        parent = node.parent
        if node.type == "string" and parent is not None and parent.type == "concatenated_string" \
                and self.literal_value(parent) is not None:
            return  # judged once, joined, at the concatenation
        value = self.literal_value(node)
        if value is None:
            return
        if DUNDER.match(value) or DUNDER.match(python_name(value)):
            self.add(node, "dunder", f"the string {value!r} names a dunder, which is not allowed")
        if "{" not in value:
            return
        try:
            fields = list(_format_fields(value))
        except ValueError:
            return  # not a format string: .format() on it raises before any look-up
        for field_name in fields:
            try:
                lookups = list(_field_lookups(field_name))
            except ValueError:
                continue
            for is_attr, key in lookups:
                name = python_name(key)
                if DUNDER.match(key) or DUNDER.match(name):
                    self.add(node, "dunder", f"dunder name {key!r} in the format field {field_name!r} is not allowed")
                elif is_attr and (key in FORBIDDEN_ATTRIBUTES or name in FORBIDDEN_ATTRIBUTES):
                    self.add(node, "forbidden-attribute",
                             f"the attribute '.{key}' in the format field {field_name!r} is not allowed")

    def is_load(self, node) -> bool:
        """Whether an identifier is read as a value (not a binding, a label or ``np.x``'s object)."""
        parent = node.parent
        if parent is None:
            return True
        t = parent.type
        if t == "attribute":
            return False  # np.x uses the module through its attribute; x.np is only a label
        if t in ("dotted_name", "aliased_import", "global_statement", "nonlocal_statement", "parameters",
                 "lambda_parameters", "typed_parameter", "function_definition", "class_definition"):
            return False
        if t in ("keyword_argument", "default_parameter", "typed_default_parameter", "named_expression"):
            return parent.child_by_field_name("name") != node
        return not _is_target(node)

    def identifier(self, node) -> None:
        written = self.text(node)
        name = python_name(written)
        if name != written:
            self.add(node, "unicode-name", f"{written!r} is read by Python as {name!r}; write {name!r} in plain letters")
        parent = node.parent
        if DUNDER.match(name):
            self.add(node, "dunder", f"dunder name {name!r} is not allowed")
            return
        if parent is not None and parent.type == "attribute" and parent.child_by_field_name("attribute") == node \
                or _looked_up(node):
            if name in FORBIDDEN_ATTRIBUTES:
                self.add(node, "forbidden-attribute", f"the attribute '.{name}' is not allowed")
            return
        if parent is not None and parent.type == "dotted_name" and not _in_import(parent):
            pass  # a match pattern's `case x.y` reads x as a name
        elif parent is not None and parent.type in ("dotted_name", "aliased_import", "keyword_argument"):
            if parent.type == "keyword_argument" and parent.child_by_field_name("name") != node:
                pass  # the value of a keyword argument is an ordinary name
            else:
                return  # import paths are judged by the import rules; kwarg names are labels
        if name in FORBIDDEN_NAMES:
            self.add(node, "forbidden-name", f"the name {name!r} is not allowed")
        elif name in self.modules and self.is_load(node):
            self.add(node, "module-value", f"use the module {name!r} through its attributes ({name}.x), "
                     "not as a value of its own")

    def module_path(self, node) -> list[str] | None:
        if node.type == "relative_import":
            self.add(node, "import", "relative imports are not allowed; use 'from skills.<name> import <name>'")
            return None
        return python_name(self.text(node)).replace(" ", "").split(".")

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
            imported.append(python_name(self.text(target)))
        self.allow_module(parts, node, imported)

    def required(self, root, name: str) -> None:
        for child in root.children:
            node = child
            if node.type == "decorated_definition":
                node = node.child_by_field_name("definition")
            if node is not None and node.type == "function_definition":
                fname = node.child_by_field_name("name")
                if fname is not None and python_name(self.text(fname)) == name:
                    return
        if name == "run":
            self.add((0, 0), "no-run", "the program must define a top-level function run(robot)")
        else:
            self.add((0, 0), "no-function", f"the skill must define a top-level function {name}(robot, ...)")


def check_source(source: str, *, file: str | None = None, function: str = "run") -> tuple[list[Violation], list[str]]:
    """Check one file; returns its violations and the skill names it imports."""
    violations, imports = _checked(source, file, function)
    return list(violations), list(imports)


@lru_cache(maxsize=512)
def _checked(source: str, file: str | None, function: str) -> tuple[tuple[Violation, ...], tuple[str, ...]]:
    # a program and the skills it imports are checked again at each run: the same text, the same answer
    checker = _Checker(source, file)
    checker.run(function)
    return tuple(checker.violations), tuple(dict.fromkeys(checker.skill_imports))


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
