"""The evaluation package holds its code in a module of its own; ``__init__`` only names what it exports."""

from __future__ import annotations

import ast
from pathlib import Path

import aspire_tui.evaluation as evaluation
from aspire_tui.evaluation import suite


def test_the_package_init_holds_no_code():
    tree = ast.parse(Path(evaluation.__file__).read_text())
    body = tree.body[1:] if ast.get_docstring(tree) else tree.body
    for node in body:
        assert isinstance(node, (ast.Import, ast.ImportFrom)) or (
            isinstance(node, ast.Assign) and [t.id for t in node.targets] == ["__all__"]), ast.dump(node)[:80]


def test_every_public_name_of_the_module_is_importable_from_the_package():
    public = {name for name, value in vars(suite).items() if not name.startswith("_")
              and getattr(value, "__module__", suite.__name__) == suite.__name__ and not isinstance(value, type(ast))}
    public -= {"annotations"}
    assert public == set(evaluation.__all__)
    for name in evaluation.__all__:
        assert getattr(evaluation, name) is getattr(suite, name)
