"""Library holds its parts (issue 21): checks, reindexer and writer are objects, with no import circle."""

from __future__ import annotations

import ast
from pathlib import Path

SKILLS = Path(__file__).resolve().parents[2] / "aspire_tui" / "skills"


def _imports(module: str) -> set[str]:
    tree = ast.parse((SKILLS / f"{module}.py").read_text(encoding="utf-8"))
    return {node.module.rsplit(".", 1)[-1] for node in ast.walk(tree)
            if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("aspire_tui.skills.")}


def test_the_library_parts_never_import_the_library():
    """library.py, reindex.py and writes.py imported each other in a circle (mixins typed `self: "Library"`)."""
    for part in ("folder", "checks", "reindex", "writes"):
        assert "library" not in _imports(part), part
    assert "reindex" not in _imports("checks") | _imports("folder")
    assert "writes" not in _imports("reindex") | _imports("checks") | _imports("folder")


def test_a_library_holds_its_checks_reindexer_and_writer(tmp_path):
    from aspire_tui.skills.library import Library

    lib = Library.open(tmp_path / "lib")
    try:
        assert lib.writer.reindexer is lib.reindexer and lib.reindexer.checks is lib.checks
        assert lib.writer.folder is lib and lib.checks.folder is lib
        assert not any(cls.__module__.endswith(("reindex", "writes", "checks")) for cls in type(lib).__mro__)
    finally:
        lib.close()
