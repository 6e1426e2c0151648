"""Reading a program out of a model's reply, forgivingly.

Small local models rarely answer in the form asked: code in the wrong fence or
none, prose between the lines, a reply cut off by its token limit, the body of
the skeleton the write prompt ends with, a ``run`` that takes other parameters,
a function of their own instead of ``run``, or bare robot and skill calls at
top level. `program_in` makes a whole program of what it finds, which still
goes through the static check and the sandbox like any other; a reply with
none gets a one-line reason from `no_program_reason`.
"""

from __future__ import annotations

import ast
import re
import textwrap

from aspire_tui import pyast
from aspire_tui.agent.coder import FENCE, extract_code


def program_in(reply: str, require: str = "run", skeleton: str = "") -> str | None:
    """The program in a model's reply, read forgivingly; None when there is none.

    First what `extract_code` finds; else each fenced block (whatever its language), all of them
    together, and the reply with its prose lines dropped, each cut back to its longest start that parses
    (a reply cut off by its token limit). A candidate that begins indented is the body of ``skeleton``
    (the lines the write prompt ends with) and gets it back; one that reads ``ARGS`` without defining it
    gets the skeleton's. For ``run`` only: a ``run`` that cannot be called as ``run(robot)`` gets that
    signature (its other parameters read ``ARGS`` by name, else None); a program without one gets a
    ``run(robot)`` made of its top-level statements that use the robot or a skill, else one that calls
    its last function taking ``robot`` first. The result is a whole program, checked like any other.
    """
    exact = extract_code(reply, require)
    head = _given_args(skeleton)
    for text in [exact] if exact is not None else _candidates(reply, skeleton):
        parsed = _parsed_start(text)
        if parsed is None:
            continue
        text, tree = parsed
        if require == "run" and head and _args_keys(tree) is None and (
                any(isinstance(n, ast.Name) and n.id == "ARGS" for n in ast.walk(tree))
                or not any(isinstance(n, ast.FunctionDef) and n.name == "run" for n in tree.body)):
            text = head + "\n\n" + text  # the skeleton's ARGS, which the reply reads or may need for a call
            tree = pyast.parse(text)
        program = _with_function(text, tree, require)
        if program is not None:
            return program
    return None


def no_program_reason(reply: str, require: str = "run") -> str:
    """Why `program_in` found no program in ``reply``, in a few words."""
    if not reply.strip():
        return "empty reply"
    candidates = _candidates(reply, "")
    if not FENCE.search(reply) and not any(line.strip() for c in candidates for line in c.splitlines()):
        return "prose, no code"
    if not any(_parsed_start(c) for c in candidates):
        return "code that does not parse"
    if require == "run":
        return "code without run(robot), robot calls or a function taking the robot"
    return f"code without {require}()"


# Compound statements open with these words and end their first line with ":"; prose lines may start with them.
_COMPOUND = re.compile(r"(?:def|class|for|while|if|elif|else|try|except|finally|with|async)\b")
_SIMPLE = re.compile(r"(?:from\s+[\w.]+\s+import\b|import\s+[\w.]+\s*(?:as\s+\w+\s*)?(?:,|$)|"
                     r"(?:return|pass|raise|assert|del|break|continue)\b|"
                     r"[A-Za-z_][\w.]*(?:\[[^\]]*\])?\s*(?:=|\+=|-=|\*=|/=|\(|,))")


def _code_line(line: str) -> bool:
    """Whether a line of an unfenced reply reads as Python rather than prose."""
    stripped = line.strip()
    if not stripped or line[0] in " \t" or stripped.startswith(("#", "@", ")", "]", "}")):
        return True
    if _COMPOUND.match(stripped):
        return stripped.endswith(":")
    return _SIMPLE.match(stripped) is not None


def _candidates(reply: str, skeleton: str) -> list[str]:
    """Texts that may hold the program: each fenced block, all of them joined, the reply without prose."""
    blocks = [body for _, body in FENCE.findall(reply)]
    texts = blocks + (["\n".join(blocks)] if len(blocks) > 1 else [])
    texts.append("\n".join(line for line in reply.splitlines() if _code_line(line)))
    out = []
    for text in texts:
        text = text.strip("\n")
        if not text.strip():
            continue
        if skeleton and text[0] in " \t":  # the body of the skeleton's last line
            text = skeleton.rstrip() + "\n" + text
        out.append(text + "\n")
    return out


def _parsed_start(text: str) -> tuple[str, ast.Module] | None:
    """The longest run of whole first lines of ``text`` that parses, with its tree (None if none does)."""
    lines = text.splitlines()
    for n in range(len(lines), 0, -1):
        start = "\n".join(lines[:n]).strip("\n") + "\n"
        try:
            tree = pyast.parse(start)
        except (SyntaxError, ValueError):
            continue
        if tree.body:
            return start, tree
    return None


def _with_function(text: str, tree: ast.Module, require: str) -> str | None:
    """``text`` as a program that defines ``require`` (see `program_in`), or None."""
    found = next((n for n in tree.body if isinstance(n, ast.FunctionDef) and n.name == require), None)
    if require != "run":
        return text if found is not None else None
    keys = _args_keys(tree) or set()
    defined = {n.name for n in tree.body if isinstance(n, (ast.FunctionDef, ast.AsyncFunctionDef))}
    entry = [n for n in tree.body if _entry_point(n, defined, found is not None)]
    if entry:  # the loop calls run(robot) itself; a script's own entry point would run first, without the robot
        lines = text.splitlines()
        for node in reversed(entry):
            del lines[node.lineno - 1:node.end_lineno]
        text = "\n".join(lines).strip("\n") + "\n"
        tree = pyast.parse(text)
        found = next((n for n in tree.body if isinstance(n, ast.FunctionDef) and n.name == require), None)
    if found is not None:
        return _callable_run(text, found, keys)
    lines = text.splitlines()
    moved = [n for n in tree.body if not _module_level(n)]
    if any(_uses_robot(n, _skill_names(tree)) for n in moved):
        kept = [n for n in tree.body if _module_level(n)]
        body = "\n".join(_source(lines, n) for n in moved)
        head = "\n".join(_source(lines, n) for n in kept)
        return (head + "\n\n\n" if head else "") + "def run(robot):\n" + textwrap.indent(body, "    ") + "\n"
    for node in reversed(tree.body):
        params = node.args.posonlyargs + node.args.args if isinstance(node, ast.FunctionDef) else []
        needed = params[1:len(params) - len(node.args.defaults)] if params else []
        if params and params[0].arg == "robot" and all(p.arg in keys for p in needed) \
                and all(d is not None for d in node.args.kw_defaults):
            call = ", ".join(["robot"] + [f"{p.arg}=ARGS[{p.arg!r}]" for p in needed])
            return text.rstrip("\n") + f"\n\n\ndef run(robot):\n    {node.name}({call})\n"
    return None


def _callable_run(text: str, run: ast.FunctionDef, keys: set[str]) -> str:
    """``text`` with ``run``'s parameters changed, if need be, so that ``run(robot)`` can be called."""
    args = run.args
    positional = args.posonlyargs + args.args
    first_default = len(positional) - len(args.defaults)
    required = [p for i, p in enumerate(positional) if 0 < i < first_default]
    required += [p for p, d in zip(args.kwonlyargs, args.kw_defaults) if d is None]
    if (positional or args.vararg) and not required:
        return text
    if run.body[0].lineno == run.lineno:  # a one-line def: left as it is, and its run says why it fails
        return text

    def value(name: str, default: ast.expr | None) -> str:
        if default is not None:
            return ast.unparse(default)
        return f"ARGS[{name!r}]" if name in keys else "None"

    defaults = [None] * first_default + list(args.defaults)
    parts = [positional[0].arg if positional else "robot"]
    parts += [f"{p.arg}={value(p.arg, d)}" for p, d in list(zip(positional, defaults))[1:]]
    if args.vararg:
        parts.append(f"*{args.vararg.arg}")
    elif args.kwonlyargs:
        parts.append("*")
    parts += [f"{p.arg}={value(p.arg, d)}" for p, d in zip(args.kwonlyargs, args.kw_defaults)]
    if args.kwarg:
        parts.append(f"**{args.kwarg.arg}")
    lines = text.splitlines()
    lines[run.lineno - 1:run.body[0].lineno - 1] = [f"def run({', '.join(parts)}):"]
    return "\n".join(lines) + "\n"


def _given_args(skeleton: str) -> str:
    """The ``ARGS = ...`` statement of a skeleton ("" when it has none or does not parse)."""
    try:
        tree = pyast.parse(skeleton.rstrip() + "\n    ...\n")
    except SyntaxError:
        return ""
    lines = skeleton.splitlines()
    return next((_source(lines, n) for n in tree.body if isinstance(n, ast.Assign)
                 and any(isinstance(t, ast.Name) and t.id == "ARGS" for t in n.targets)), "")


def _args_keys(tree: ast.Module) -> set[str] | None:
    """The keys of the module-level ``ARGS = {...}`` literal (None when the program assigns no ``ARGS``)."""
    for node in tree.body:
        if isinstance(node, ast.Assign) and any(isinstance(t, ast.Name) and t.id == "ARGS" for t in node.targets) \
                and isinstance(node.value, ast.Dict):
            return {k.value for k in node.value.keys if isinstance(k, ast.Constant) and isinstance(k.value, str)}
        if isinstance(node, (ast.Assign, ast.AnnAssign)) and "ARGS" in {
                t.id for t in (node.targets if isinstance(node, ast.Assign) else [node.target])
                if isinstance(t, ast.Name)}:
            return set()
    return None


def _entry_point(node: ast.stmt, defined: set[str], has_run: bool) -> bool:
    """Whether a top-level statement is a script's entry point: ``if __name__ == ...:``, or a call of one of
    its own functions (``main()``, ``run(robot)``); without a ``run``, one that passes the robot is rather
    the work that ``run`` is made of."""
    if isinstance(node, ast.Expr) and isinstance(node.value, ast.Call):
        return isinstance(node.value.func, ast.Name) and node.value.func.id in defined \
            and (has_run or not _uses_robot(node, set()))
    return isinstance(node, ast.If) and any(isinstance(n, ast.Name) and n.id == "__name__" for n in ast.walk(node.test))


def _module_level(node: ast.stmt) -> bool:
    """Whether a top-level statement stays at module level when the rest becomes ``run``'s body: imports,
    definitions, the docstring and UPPERCASE constants (``ARGS``) that do not use the robot."""
    if isinstance(node, (ast.Import, ast.ImportFrom, ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
        return True
    if isinstance(node, ast.Expr) and isinstance(node.value, ast.Constant) and isinstance(node.value.value, str):
        return True
    targets = node.targets if isinstance(node, ast.Assign) else [node.target] if isinstance(node, ast.AnnAssign) else []
    return bool(targets) and all(isinstance(t, ast.Name) and t.id.isupper() for t in targets) \
        and not _uses_robot(node, set())


def _skill_names(tree: ast.Module) -> set[str]:
    """Names the program imports from the skill library."""
    return {a.asname or a.name for n in tree.body if isinstance(n, ast.ImportFrom) and n.module
            and n.module.split(".")[0] == "skills" for a in n.names}


def _uses_robot(node: ast.AST, skills: set[str]) -> bool:
    """Whether a statement names the robot or calls a skill."""
    return any(isinstance(n, ast.Name) and (n.id == "robot" or n.id in skills) for n in ast.walk(node))


def _source(lines: list[str], node: ast.stmt) -> str:
    """A top-level statement's lines, decorators included."""
    start = min([node.lineno] + [d.lineno for d in getattr(node, "decorator_list", [])])
    return "\n".join(lines[start - 1:node.end_lineno])
