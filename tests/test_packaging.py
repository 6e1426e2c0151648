"""pyproject.toml metadata that installs without setuptools deprecation warnings."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

PYPROJECT = Path(__file__).resolve().parents[1] / "pyproject.toml"


def test_license_is_an_spdx_expression_and_the_build_needs_a_setuptools_that_reads_it():
    data = tomllib.loads(PYPROJECT.read_text(encoding="utf-8"))
    assert data["project"]["license"] == "Apache-2.0"  # a table is deprecated (PEP 639)
    assert not any(c.startswith("License ::") for c in data["project"].get("classifiers", []))
    floors = [re.match(r"setuptools\s*>=\s*(\d+)", r) for r in data["build-system"]["requires"]]
    assert any(m and int(m.group(1)) >= 77 for m in floors), "SPDX license strings need setuptools>=77"
