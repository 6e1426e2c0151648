"""Read skill files without executing them.

A *program skill* is ``skills/<name>.py``: a module docstring (first line is the
description, then sections such as ``When to use:``, ``Preconditions:``,
``Postconditions:``, ``Evidence:``), an ``ASPIRE = {...}`` metadata block made
of literals, and one public function ``<name>(robot, ...)``.

A *lesson* is ``lessons/<name>.md``: optional ``key: value`` front matter, a
``# title`` (the description) and sections ``## Failure signature`` (``- error:``,
``- call:``, ``- evidence:``), ``## When it applies``, ``## Repair strategy``,
an optional ``## Code sketch`` and ``## Evidence``.

Python is read with tree-sitter; ``ast.literal_eval`` reads only literals.
Nothing here imports or runs a skill. What code may do is the runner's one
safety policy (`aspire_tui.runner.check`); this module adds only the skill
file's own format (docstring, metadata, one public function, skill imports).
"""

from __future__ import annotations

import functools
import hashlib
import json
import re
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any, Union

from aspire_tui import pyast
from aspire_tui.runner.check import SKILL_PACKAGE, Violation, check_source, parser

MAX_SKILL_BYTES = 256 * 1024
NAME_RE = re.compile(r"^[a-z][a-z0-9_]{0,79}$")
METADATA_NAME = "ASPIRE"
METADATA_TYPES: dict[str, type | tuple[type, ...]] = {
    "task_type": str, "category": str, "embodiment": (str, list), "depends_on": list,
    "version": int, "tags": list, "validation": dict, "applies_to": list,
    "achieves": (str, list),  # postconditions over the skill's own parameters: "in(obj, container)"
    "takes": dict,            # the kinds a parameter takes when its name alone would say otherwise
}
PROGRAM_SECTIONS = ("when_to_use", "preconditions", "postconditions", "evidence")
LESSON_SECTIONS = ("failure_signature", "when_it_applies", "repair_strategy", "code_sketch", "evidence")
# Why each version changed: read by people auditing a skill, not what the skill is for. Its words
# (every object and failure a refinement met) would make keyword search find the skill for any of them.
HISTORY_SECTIONS = ("evidence",)
SECTION_ALIASES = {
    "when to use": "when_to_use", "use when": "when_to_use",
    "preconditions": "preconditions", "pre-conditions": "preconditions", "requires": "preconditions",
    "postconditions": "postconditions", "post-conditions": "postconditions", "ensures": "postconditions",
    "evidence": "evidence", "args": "args", "arguments": "args", "returns": "returns",
    "raises": "raises", "example": "example", "examples": "example", "notes": "notes",
    "failure signature": "failure_signature", "signature": "failure_signature",
    "when it applies": "when_it_applies", "when to apply": "when_it_applies",
    "applies when": "when_it_applies", "repair strategy": "repair_strategy",
    "repair": "repair_strategy", "fix": "repair_strategy", "code sketch": "code_sketch",
    "sketch": "code_sketch",
}


@dataclass
class ParseProblem:
    """Why a file cannot be used; ``line`` and ``column`` are 1-based (0 when unknown)."""

    path: str
    line: int
    column: int
    reason: str
    name: str = ""

    def __str__(self) -> str:
        path = self.path if self.path.isprintable() else repr(self.path)[1:-1]  # a file name with a newline
        where = f"{path}:{self.line}" if self.line else path
        if self.line and self.column:
            where += f":{self.column}"
        return f"{where}: {self.reason}"

    def to_dict(self) -> dict[str, Any]:
        return asdict(self) | {"message": str(self)}


@dataclass
class Param:
    """One parameter of a program skill's public function."""

    name: str
    default: str | None = None
    annotation: str | None = None
    kind: str = "positional"  # positional | keyword | varargs | varkw

    def render(self) -> str:
        prefix = {"varargs": "*", "varkw": "**"}.get(self.kind, "")
        text = prefix + self.name
        if self.annotation:
            text += f": {self.annotation}"
        if self.default is not None:
            text += f" = {self.default}" if self.annotation else f"={self.default}"
        return text


@dataclass
class ProgramSkill:
    """A parsed ``skills/<name>.py``."""

    name: str
    path: str
    description: str
    docstring: str
    sections: dict[str, str]
    params: list[Param]
    signature: str
    metadata: dict[str, Any]
    calls: list[str]
    imports: list[str]
    blob: str
    warnings: list[str] = field(default_factory=list)
    kind: str = "program"

    @property
    def depends_on(self) -> list[str]:
        """Skills this one needs: ``depends_on`` plus the skills it imports."""
        declared = [str(d) for d in self.metadata.get("depends_on", [])]
        return sorted(set(declared) | set(self.calls))

    @property
    def category(self) -> str:
        return str(self.metadata.get("category") or self.metadata.get("task_type") or "")

    @property
    def embodiment(self) -> str:
        emb = self.metadata.get("embodiment") or "any"
        return ",".join(emb) if isinstance(emb, list) else str(emb)

    @property
    def achieves(self) -> list[str]:
        """The postconditions the skill declares, over its own parameters: ``["in(obj, container)"]``."""
        said = self.metadata.get("achieves") or []
        return [said] if isinstance(said, str) else [str(a) for a in said]

    def search_text(self) -> str:
        """What gets embedded: the name's words, the description and when to use it.

        Only these change what a skill is *for*; an edit to the code (or to the
        arguments, which the keyword index reads from the signature) keeps the
        stored vector. Embedding cost grows with the text's tokens, and the
        arguments added a fifth of them for no measured gain in recall.
        """
        words = self.name.replace("_", " ")
        when = _squash(self.sections.get("when_to_use", ""))
        return f"{words}: {self.description} {when}".strip()

    def keyword_text(self) -> str:
        """What keyword search reads beyond the name and description: the embedded text, the sections
        that say what the skill needs and leaves (not its history), and the signature."""
        return _keyword_text(self.search_text(), self.sections, self.signature)

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["depends_on"] = self.depends_on
        return data


@dataclass
class Lesson:
    """A parsed ``lessons/<name>.md``."""

    name: str
    path: str
    description: str
    sections: dict[str, str]
    failure: dict[str, str]
    metadata: dict[str, Any]
    sketch: str
    blob: str
    warnings: list[str] = field(default_factory=list)
    kind: str = "lesson"
    calls: list[str] = field(default_factory=list)
    imports: list[str] = field(default_factory=list)
    signature: str = ""

    @property
    def depends_on(self) -> list[str]:
        return []

    @property
    def category(self) -> str:
        return str(self.metadata.get("category") or "")

    @property
    def embodiment(self) -> str:
        emb = self.metadata.get("embodiment") or "any"
        return ",".join(emb) if isinstance(emb, list) else str(emb)

    @property
    def docstring(self) -> str:
        return "\n\n".join(f"{k}: {v}" for k, v in self.sections.items())

    def search_text(self) -> str:
        sig = " ".join(f"{k} {v}" for k, v in self.failure.items())
        when = _squash(self.sections.get("when_it_applies", ""))
        return f"{self.description}. Failure: {sig}. {when}".strip()

    def keyword_text(self) -> str:
        """What keyword search reads beyond the name and description (see ``ProgramSkill.keyword_text``)."""
        return _keyword_text(self.search_text(), self.sections, self.signature)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def _keyword_text(search_text: str, sections: dict[str, str], signature: str) -> str:
    kept = [text for name, text in sections.items() if name not in HISTORY_SECTIONS]
    return " ".join(filter(None, [search_text, *kept, signature]))


Skill = Union[ProgramSkill, Lesson]
Parsed = Union[ProgramSkill, Lesson, ParseProblem]


@functools.lru_cache(maxsize=1)
def parser_id() -> str:
    """Names this parser and the safety check it applies (a hash of their source): a parse kept by another
    version of either is not trusted."""
    from aspire_tui.runner import check

    return hashlib.sha1(Path(__file__).read_bytes() + Path(check.__file__).read_bytes()).hexdigest()[:16]


def kept_parse(skill: Skill) -> str | None:
    """``skill`` as JSON to keep beside its blob, or None when JSON would not give it back as it is (a
    tuple in its metadata)."""
    data = asdict(skill)
    text = json.dumps(data, sort_keys=True)
    return text if json.loads(text) == data else None


def from_kept(text: str) -> Skill | None:
    """The skill a `kept_parse` text holds, or None when it holds none (a damaged or foreign row)."""
    try:
        data = json.loads(text)
        if data.get("kind") == "lesson":
            return Lesson(**data)
        return ProgramSkill(**{**data, "params": [Param(**p) for p in data["params"]]})
    except (ValueError, TypeError, KeyError, AttributeError):
        return None


def blob_hash(data: bytes) -> str:
    """The git blob id of ``data`` (what ``git hash-object`` prints)."""
    return hashlib.sha1(b"blob %d\0" % len(data) + data).hexdigest()


def kind_of(path: str | Path) -> str | None:
    """``program`` for ``*.py``, ``lesson`` for ``*.md``, None for anything else."""
    suffix = Path(path).suffix
    return {".py": "program", ".md": "lesson"}.get(suffix)


def parse_file(path: str | Path, rel: str | None = None) -> Parsed:
    """Parse one skill file on disk; problems come back as ``ParseProblem``, never raised."""
    path = Path(path)
    shown = rel or str(path)
    try:
        size = path.stat().st_size
        if size > MAX_SKILL_BYTES:
            return ParseProblem(shown, 0, 0, f"file is {_human(size)}; skill files are limited to "
                                f"{_human(MAX_SKILL_BYTES)}", path.stem)
        data = path.read_bytes()
    except FileNotFoundError:
        return ParseProblem(shown, 0, 0, "file was deleted", path.stem)
    except OSError as e:
        return ParseProblem(shown, 0, 0, f"cannot read file ({e.strerror or e})", path.stem)
    return parse_bytes(data, shown)


def parse_bytes(data: bytes, path: str) -> Parsed:
    """Parse a skill file's bytes; ``path`` decides the kind and the expected name."""
    stem = Path(path).stem
    kind = kind_of(path)
    if kind is None:
        return ParseProblem(path, 0, 0, "not a skill file (expected .py or .md)", stem)
    if len(data) > MAX_SKILL_BYTES:
        return ParseProblem(path, 0, 0, f"file is {_human(len(data))}; skill files are limited to "
                            f"{_human(MAX_SKILL_BYTES)}", stem)
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as e:
        line = data[: e.start].count(b"\n") + 1
        col = e.start - (data.rfind(b"\n", 0, e.start) + 1) + 1
        return ParseProblem(path, line, col, f"not UTF-8 text (byte 0x{data[e.start]:02x})", stem)
    if "\x00" in text:
        line = text[: text.index("\x00")].count("\n") + 1
        return ParseProblem(path, line, 0, "file contains a NUL byte", stem)
    if not NAME_RE.match(stem):
        return ParseProblem(path, 0, 0, f"bad skill name {stem!r}: use lower_snake_case "
                            "(letters, digits, underscores; starts with a letter)", stem)
    blob = blob_hash(data)
    if kind == "program":
        return _parse_program(text, data, path, stem, blob)
    return _parse_lesson(text, path, stem, blob)


# --------------------------------------------------------------------------- python


def _txt(node) -> str:
    return node.text.decode("utf-8")


def _first_error(node):
    """The first ERROR or MISSING node in document order, or None."""
    if node.type == "ERROR" or node.is_missing:
        return node
    if not node.has_error:
        return None
    for child in node.children:
        found = _first_error(child)
        if found is not None:
            return found
    return node


def _problem(path: str, stem: str, node, reason: str) -> ParseProblem:
    row, col = node.start_point
    return ParseProblem(path, row + 1, col + 1, reason, stem)


def _parse_program(text: str, data: bytes, path: str, stem: str, blob: str) -> Parsed:
    tree = parser().parse(data)
    root = tree.root_node
    syntax = _python_syntax(text)  # exact wording and place; tree-sitter is lenient about a few things
    if root.has_error:
        err = _first_error(root)
        row, col = err.start_point
        if syntax is None:
            syntax = (f"missing {err.type!r}" if err.is_missing else "syntax error", row + 1, col + 1)
        return ParseProblem(path, syntax[1] or row + 1, syntax[2] or col + 1, syntax[0], stem)
    if syntax is not None:
        return ParseProblem(path, syntax[1], syntax[2], syntax[0], stem)
    # The safety policy speaks first, so an unsafe line is named before any format problem; its
    # "define the function" rule waits for this module's own, better-worded signature checks.
    violations, _ = check_source(text, file=f"skills/{stem}.py", function=stem)
    unsafe = [v for v in violations if v.rule not in _SIGNATURE_RULES]
    if unsafe:
        return _violation(path, stem, unsafe[0])

    docstring_node = None
    metadata_node = None
    functions: list[Any] = []
    imports: list[str] = []
    skill_imports: dict[str, str] = {}  # local name -> skill name
    warnings: list[str] = []
    statements = [n for n in root.named_children if n.type != "comment"]
    for index, node in enumerate(statements):
        if node.type == "expression_statement" and node.named_child_count == 1:
            inner = node.named_children[0]
            if inner.type == "string" and index == 0:
                docstring_node = inner
                continue
            if inner.type == "assignment":
                left = inner.child_by_field_name("left")
                if left is not None and left.type == "identifier" and _txt(left) == METADATA_NAME:
                    if metadata_node is not None:
                        return _problem(path, stem, inner, f"{METADATA_NAME} is assigned twice")
                    metadata_node = inner.child_by_field_name("right")
                    continue
        if node.type in ("import_statement", "import_from_statement"):
            problem = _read_import(node, path, stem, imports, skill_imports)
            if problem:
                return problem
            continue
        if node.type == "function_definition":
            functions.append(node)
        elif node.type == "decorated_definition":
            definition = node.child_by_field_name("definition")
            if definition is not None and definition.type == "function_definition":
                functions.append(definition)
        elif node.type == "class_definition":
            name = _txt(node.child_by_field_name("name"))
            if not name.startswith("_"):
                return _problem(path, stem, node, f"public class {name!r}: a skill exports one function; "
                                "make helpers private (leading underscore)")

    if docstring_node is None:
        return ParseProblem(path, 1, 1, "no module docstring: its first line must describe the skill", stem)
    try:
        docstring = pyast.literal_eval(_txt(docstring_node))
    except (ValueError, SyntaxError):
        return _problem(path, stem, docstring_node, "module docstring is not a plain string")
    if not isinstance(docstring, str):
        return _problem(path, stem, docstring_node, "module docstring is not text")
    description, sections = split_docstring(docstring)
    if not description:
        return _problem(path, stem, docstring_node, "module docstring's first line (the description) is empty")

    metadata: dict[str, Any] = {}
    if metadata_node is not None:
        try:
            metadata = pyast.literal_eval(_txt(metadata_node))
        except (ValueError, SyntaxError, TypeError, MemoryError, RecursionError):
            return _problem(path, stem, metadata_node, f"{METADATA_NAME} must be a dict of literals "
                            "(strings, numbers, lists, dicts)")
        problem = _check_metadata(metadata, path, stem, metadata_node)
        if problem:
            return problem
    else:
        warnings.append(f"no {METADATA_NAME} metadata block")

    public = [f for f in functions if not _txt(f.child_by_field_name("name")).startswith("_")]
    if not public:
        return ParseProblem(path, 0, 0, f"no public function: define {stem}(robot, ...)", stem)
    if len(public) > 1:
        names = ", ".join(_txt(f.child_by_field_name("name")) for f in public)
        return _problem(path, stem, public[1], f"more than one public function ({names}); "
                        "a skill exports one, make the others private")
    func = public[0]
    fname = _txt(func.child_by_field_name("name"))
    if fname != stem:
        return _problem(path, stem, func, f"public function is {fname!r} but the file is {stem}.py; "
                        "they must match")
    params = _read_params(func.child_by_field_name("parameters"))
    if not params or params[0].name != "robot":
        return _problem(path, stem, func, f"{fname}() must take robot as its first parameter")
    ret = func.child_by_field_name("return_type")
    signature = f"{fname}({', '.join(p.render() for p in params)})" + (f" -> {_txt(ret)}" if ret else "")

    calls = sorted({skill_imports[_txt(c.child_by_field_name('function'))]
                    for c in _walk_type(root, "call")
                    if c.child_by_field_name("function") is not None
                    and c.child_by_field_name("function").type == "identifier"
                    and _txt(c.child_by_field_name("function")) in skill_imports})
    unused = sorted(set(skill_imports.values()) - set(calls))
    calls = sorted(set(calls) | set(unused))
    declared = set(str(d) for d in metadata.get("depends_on", []))
    if metadata_node is not None and set(calls) - declared:
        warnings.append("depends_on omits imported skills: " + ", ".join(sorted(set(calls) - declared)))
    if stem in declared or stem in calls:
        return ParseProblem(path, 0, 0, f"{stem} depends on itself", stem)
    if violations:
        return _violation(path, stem, violations[0])
    return ProgramSkill(
        name=stem, path=path, description=description, docstring=docstring, sections=sections,
        params=params, signature=signature, metadata=metadata, calls=calls,
        imports=sorted(set(imports)), blob=blob, warnings=warnings)


_SIGNATURE_RULES = frozenset({"no-function", "no-run"})


def _violation(path: str, stem: str, v: Violation) -> ParseProblem:
    """The safety policy's verdict as a skill-file problem, so a skill that indexes is one that runs."""
    return ParseProblem(path, v.line, v.column, f"{v.message} [{v.rule}]", stem)


def _python_syntax(text: str) -> tuple[str, int, int] | None:
    """Python's own verdict on the syntax (parsing only): (reason, line, column) or None."""
    try:
        pyast.parse(text)
    except SyntaxError as e:
        return (f"syntax error: {e.msg}", e.lineno or 0, e.offset or 0)
    except (ValueError, MemoryError, RecursionError) as e:
        return (f"syntax error: {e}", 0, 0)
    return None


def _walk_type(node, type_name: str):
    stack = [node]
    while stack:
        current = stack.pop()
        if current.type == type_name:
            yield current
        stack.extend(reversed(current.children))


def _read_import(node, path: str, stem: str, imports: list[str], skill_imports: dict[str, str]):
    """Record an import the safety policy allowed; skills must come as ``from skills.NAME import NAME``."""
    if node.type == "import_statement":
        for child in node.named_children:
            target = child.child_by_field_name("name") if child.type == "aliased_import" else child
            module = _txt(target)
            if module.split(".")[0] == SKILL_PACKAGE:
                return _problem(path, stem, node, f"import skills as 'from skills.NAME import NAME' (got {module!r})")
            imports.append(module)
        return None
    module = _txt(node.child_by_field_name("module_name"))
    if module.split(".")[0] != SKILL_PACKAGE:
        imports.append(module)  # math or numpy: the policy has judged it already
        return None
    parts = module.split(".")
    if len(parts) != 2:
        return _problem(path, stem, node, f"import skills as 'from skills.NAME import NAME' (got {module!r})")
    skill = parts[1]
    for child in node.named_children[1:]:
        if child.type == "wildcard_import":
            return _problem(path, stem, node, "wildcard imports are not allowed")
        target = child.child_by_field_name("name") if child.type == "aliased_import" else child
        alias = child.child_by_field_name("alias") if child.type == "aliased_import" else child
        if _txt(target) != skill:
            return _problem(path, stem, node, f"from skills.{skill} import only {skill} (got {_txt(target)!r})")
        skill_imports[_txt(alias)] = skill
    imports.append(module)
    return None


def _read_params(node) -> list[Param]:
    params: list[Param] = []
    keyword_only = False
    if node is None:
        return params
    for child in node.named_children:
        t = child.type
        if t == "identifier":
            params.append(Param(_txt(child), kind="keyword" if keyword_only else "positional"))
        elif t in ("default_parameter", "typed_default_parameter"):
            ann = child.child_by_field_name("type")
            params.append(Param(_txt(child.child_by_field_name("name")),
                                _txt(child.child_by_field_name("value")),
                                _txt(ann) if ann is not None else None,
                                "keyword" if keyword_only else "positional"))
        elif t == "typed_parameter":
            ann = child.child_by_field_name("type")
            inner = child.named_children[0]
            if inner.type == "list_splat_pattern":
                params.append(Param(_txt(inner.named_children[0]), None, _txt(ann), "varargs"))
                keyword_only = True
            elif inner.type == "dictionary_splat_pattern":
                params.append(Param(_txt(inner.named_children[0]), None, _txt(ann), "varkw"))
            else:
                params.append(Param(_txt(inner), None, _txt(ann) if ann is not None else None,
                                    "keyword" if keyword_only else "positional"))
        elif t == "list_splat_pattern":
            params.append(Param(_txt(child.named_children[0]), kind="varargs"))
            keyword_only = True
        elif t == "dictionary_splat_pattern":
            params.append(Param(_txt(child.named_children[0]), kind="varkw"))
        elif t == "keyword_separator":
            keyword_only = True
    return params


def _check_metadata(metadata: Any, path: str, stem: str, node) -> ParseProblem | None:
    if not isinstance(metadata, dict):
        return _problem(path, stem, node, f"{METADATA_NAME} must be a dict")
    for key, expected in METADATA_TYPES.items():
        if key in metadata and not isinstance(metadata[key], expected):
            names = expected.__name__ if isinstance(expected, type) else " or ".join(t.__name__ for t in expected)
            return _problem(path, stem, node, f"{METADATA_NAME}[{key!r}] must be a {names}")
    deps = metadata.get("depends_on", [])
    bad = [d for d in deps if not isinstance(d, str) or not NAME_RE.match(d)]
    if bad:
        return _problem(path, stem, node, f"depends_on has bad skill names: {bad!r}")
    return None


def split_docstring(doc: str) -> tuple[str, dict[str, str]]:
    """Split a docstring into (first paragraph as one line, {section: text})."""
    lines = _dedent(doc).splitlines()
    while lines and not lines[0].strip():
        lines.pop(0)
    first: list[str] = []
    while lines and lines[0].strip():
        first.append(lines.pop(0).strip())
    description = " ".join(first)
    sections: dict[str, str] = {}
    current = "body"
    body: list[str] = []
    for line in lines:
        header = re.match(r"^([A-Za-z][A-Za-z /-]{1,30}):\s*$", line)
        if header and not line.startswith((" ", "\t")):
            if "\n".join(body).strip():
                sections[current] = _dedent("\n".join(body)).strip()
            key = header.group(1).strip().lower()
            current = SECTION_ALIASES.get(key, key.replace(" ", "_").replace("-", "_"))
            body = []
        else:
            body.append(line)
    if "\n".join(body).strip():
        sections[current] = _dedent("\n".join(body)).strip()
    return description, sections


def _dedent(text: str) -> str:
    import inspect

    return inspect.cleandoc(text)


def _squash(text: str) -> str:
    return " ".join(text.split())


def _human(size: int) -> str:
    if size >= 1024 * 1024:
        return f"{size / (1024 * 1024):.1f} MB"
    return f"{size // 1024} KB"


# --------------------------------------------------------------------------- markdown


def _parse_lesson(text: str, path: str, stem: str, blob: str) -> Parsed:
    lines = text.splitlines()
    metadata: dict[str, Any] = {}
    start = 0
    if lines and lines[0].strip() == "---":
        for i in range(1, len(lines)):
            if lines[i].strip() == "---":
                start = i + 1
                break
            m = re.match(r"^([A-Za-z_][\w-]*)\s*:\s*(.*)$", lines[i])
            if not m:
                if lines[i].strip():
                    return ParseProblem(path, i + 1, 1, "front matter lines must be 'key: value'", stem)
                continue
            metadata[m.group(1).replace("-", "_")] = _front_value(m.group(2))
        else:
            return ParseProblem(path, 1, 1, "front matter starts with '---' but never ends", stem)
    title = ""
    sections: dict[str, str] = {}
    section_lines: dict[str, int] = {}
    current = None
    body: list[str] = []
    in_fence = False
    for i in range(start, len(lines)):
        line = lines[i]
        if line.lstrip().startswith("```"):
            in_fence = not in_fence
        if not in_fence and line.startswith("# ") and not title:
            title = line[2:].strip()
            continue
        if not in_fence and line.startswith("## "):
            if current:
                sections[current] = "\n".join(body).strip()
            key = line[3:].strip().rstrip(":").lower()
            current = SECTION_ALIASES.get(key, key.replace(" ", "_"))
            section_lines[current] = i + 1
            body = []
            continue
        if current:
            body.append(line)
        elif line.strip() and title and "summary" not in sections:
            sections["summary"] = line.strip()
    if current:
        sections[current] = "\n".join(body).strip()
    if in_fence:
        return ParseProblem(path, len(lines), 1, "a ``` code block is never closed", stem)
    if not title:
        return ParseProblem(path, start + 1, 1, "no '# title' line: the title is the lesson's description", stem)
    for needed in ("failure_signature", "when_it_applies", "repair_strategy"):
        if not sections.get(needed):
            label = needed.replace("_", " ").capitalize()
            return ParseProblem(path, 0, 0, f"missing section '## {label}'", stem)
    failure: dict[str, str] = {}
    for line in sections["failure_signature"].splitlines():
        m = re.match(r"^\s*[-*]\s*([A-Za-z _]+?)\s*:\s*(.+)$", line)
        if m:
            failure[m.group(1).strip().lower().replace(" ", "_")] = m.group(2).strip().strip("`")
    if "error" not in failure:
        return ParseProblem(path, section_lines["failure_signature"], 1,
                            "failure signature needs a '- error: ErrorType' line", stem)
    sketch = ""
    if sections.get("code_sketch"):
        m = re.search(r"```(?:python|py)?\s*\n(.*?)```", sections["code_sketch"], re.S)
        sketch = m.group(1) if m else ""
        syntax = _python_syntax(sketch) if sketch else None
        if syntax:
            line = section_lines["code_sketch"] + 1 + syntax[1]
            return ParseProblem(path, line, syntax[2], f"code sketch: {syntax[0]}", stem)
    for key in ("category", "embodiment", "version"):
        if key in metadata and isinstance(metadata[key], (dict,)):
            return ParseProblem(path, 1, 1, f"front matter {key!r} must be a plain value", stem)
    return Lesson(name=stem, path=path, description=title, sections=sections, failure=failure,
                  metadata=metadata, sketch=sketch, blob=blob)


def _front_value(raw: str) -> Any:
    raw = raw.strip()
    if raw.startswith("[") and raw.endswith("]"):
        return [v.strip().strip("'\"") for v in raw[1:-1].split(",") if v.strip()]
    if re.fullmatch(r"-?\d+", raw):
        return int(raw)
    return raw.strip("'\"")
