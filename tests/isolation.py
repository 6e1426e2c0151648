"""Keep a test's git identity, library home and llm logs inside its temp dir; fixtures the suites share.

A suite's conftest imports ``isolated`` (autouse) and ``lib`` from here to use them.
"""

from __future__ import annotations

from pathlib import Path

import pytest

ENV_DROP = ("GIT_AUTHOR_NAME", "GIT_AUTHOR_EMAIL", "GIT_COMMITTER_NAME", "GIT_COMMITTER_EMAIL", "GIT_DIR",
            "GIT_WORK_TREE", "ASPIRE_LIBRARY", "ASPIRE_EMBEDDING_MODEL")


def isolate_env(tmp: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Point ASPIRE_HOME, llm's user dir and git's global config into ``tmp`` (a person named Ada Tester)."""
    gitconfig = tmp / "gitconfig"
    gitconfig.write_text("[user]\n\tname = Ada Tester\n\temail = ada@example.com\n"
                         "[init]\n\tdefaultBranch = main\n[commit]\n\tgpgsign = false\n")
    monkeypatch.setenv("GIT_CONFIG_GLOBAL", str(gitconfig))
    monkeypatch.setenv("GIT_CONFIG_NOSYSTEM", "1")
    monkeypatch.setenv("ASPIRE_HOME", str(tmp / "home"))
    monkeypatch.setenv("LLM_USER_PATH", str(tmp / "llm"))  # llm's logs.db and keys stay in the test
    for var in ENV_DROP:
        monkeypatch.delenv(var, raising=False)


@pytest.fixture(autouse=True)
def isolated(tmp_path, monkeypatch):
    """A temp ASPIRE_HOME and global git config for every test."""
    isolate_env(tmp_path, monkeypatch)
    return tmp_path


@pytest.fixture
def lib(tmp_path):
    """A fresh library seeded from skills_repo/."""
    from aspire_tui.skills.library import Library

    library = Library.open(tmp_path / "lib")
    yield library
    library.close()
