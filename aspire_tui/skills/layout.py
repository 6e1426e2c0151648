"""Where a library lives and what its folders hold.

Layout of a library (a git repository of its own)::

    <root>/skills/<name>.py      program skills        (committed)
    <root>/lessons/<name>.md     lessons               (committed)
    <root>/conflicts/...         the other side of a merge conflict (committed)
    <root>/tasks/<name>.toml     task files made from people's words that skills validated on (committed)
    <root>/index.db              the index             (git-ignored, rebuildable)
    <root>/runs/                 traces                (git-ignored; pruned to a size, ``retention.py``)
    <root>/.aspire/              writer lock, pending-commit journal (git-ignored)
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

ENV_HOME = "ASPIRE_HOME"
SKILLS_DIR = "skills"
LESSONS_DIR = "lessons"
CONFLICTS_DIR = "conflicts"
STATE_DIR = ".aspire"
RUNS_DIR = "runs"
TASKS_DIR = "tasks"
GITIGNORE = """# aspire: derived state, never committed
/index.db
/index.db-*
/index.db.corrupt-*
/runs/
/.aspire/
__pycache__/
*.pyc
"""


def default_library_path() -> Path:
    """``$ASPIRE_HOME`` or the user data directory (platformdirs)."""
    home = os.environ.get(ENV_HOME)
    if home:
        return Path(home).expanduser()
    import platformdirs

    return Path(platformdirs.user_data_dir("aspire", appauthor=False))


def seed_dir() -> Path:
    """The ``skills_repo`` package: seed skills and lessons copied into a new library."""
    import skills_repo

    return Path(skills_repo.__file__).parent


def is_skill_file(rel: str) -> bool:
    """Whether a library-relative path names a program skill or a lesson (not an editor's temp file)."""
    parts = rel.split("/")
    if len(parts) != 2:
        return False
    folder, name = parts
    if name.startswith((".", "_", "#")) or name.endswith("~"):
        return False
    return (folder == SKILLS_DIR and name.endswith(".py")) or (folder == LESSONS_DIR and name.endswith(".md"))


def scan_skill_files(root: Path) -> dict[str, os.stat_result]:
    """rel path -> stat for every skill and lesson file in the working tree at ``root``."""
    found: dict[str, os.stat_result] = {}
    for folder, suffix in ((SKILLS_DIR, ".py"), (LESSONS_DIR, ".md")):
        try:
            entries = os.scandir(root / folder)
        except FileNotFoundError:
            continue
        with entries:
            for entry in entries:
                name = entry.name
                if not name.endswith(suffix) or name[0] in "._#":
                    continue
                st = entry.stat(follow_symlinks=False)
                if stat.S_ISREG(st.st_mode):
                    found[f"{folder}/{name}"] = st
    return found


def write_gitignore(root: Path) -> None:
    """Keep the index, traces and lock state out of the library's commits."""
    path = root / ".gitignore"
    if not path.exists():
        path.write_text(GITIGNORE, "utf-8")


def safe_rel(rel: str) -> bool:
    """A relative path that stays inside the library (journal entries are not trusted blindly)."""
    return not rel.startswith("/") and ".." not in Path(rel).parts
