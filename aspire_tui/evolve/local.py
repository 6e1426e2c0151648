"""The default backend: the runner's warm simulation workers in local processes, one episode per worker."""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from concurrent.futures import FIRST_COMPLETED, ThreadPoolExecutor, wait
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

from aspire_tui.evolve.evaluate import EpisodeResult, Job, SearchError, run_episode


@dataclass
class Snapshot:
    """The library as of one commit: what every candidate is evaluated against."""

    root: Path
    sha: str


def snapshot(library) -> Snapshot:
    """The library's HEAD commit (a person's uncommitted edits are not part of the search)."""
    sha = library.repo.head_sha()
    if sha is None:
        raise SearchError(f"the library at {library.root} has no commit to search from")
    return Snapshot(Path(library.root), sha)


def export_commit(root: Path, sha: str, dest: Path) -> Path:
    """Write the commit's ``skills/`` into ``dest`` (``git archive``); returns ``dest/skills``."""
    dest.mkdir(parents=True, exist_ok=True)
    archive = subprocess.run(["git", "-C", str(root), "archive", "--format=tar", sha, "skills"],
                             capture_output=True, check=False)
    if archive.returncode != 0:
        raise SearchError(f"cannot export library commit {sha[:8]}: {archive.stderr.decode()[:200].strip()}")
    subprocess.run(["tar", "-x", "-C", str(dest)], input=archive.stdout, check=True)
    return dest / "skills"


class LocalBackend:
    """Episodes on ``workers`` local simulation workers (the runner's `WorkerPool`).

    Args:
        workers: how many episodes run at once (one simulation process each).
        runs_dir: where traces go (the library's ``runs/``).
        timeout: each program's wall-clock limit, in seconds.
    """

    name = "local"

    def __init__(self, workers: int = 2, *, runs_dir: Path, timeout: float = 60.0) -> None:
        from aspire_tui.runner import WorkerPool

        if workers < 1:
            raise SearchError("--workers must be at least 1")
        self.workers = workers
        self.runs_dir = Path(runs_dir)
        self.timeout = timeout
        self.pool = WorkerPool(workers)
        self._tmp = Path(tempfile.mkdtemp(prefix="aspire-evolve-"))
        self.skills_dir: Path | None = None
        self.sha = ""

    def start(self, snap: Snapshot) -> None:
        """Evaluate against ``snap`` from now on (exported once per commit)."""
        if snap.sha != self.sha:
            self.skills_dir = export_commit(snap.root, snap.sha, self._tmp / snap.sha[:12])
            self.sha = snap.sha

    def evaluate(self, jobs: list[Job], on_result: Callable[[EpisodeResult], None] | None = None) -> list[EpisodeResult]:
        """Run every job, ``workers`` at a time; ``on_result`` sees each result as it lands."""
        if self.skills_dir is None:
            raise SearchError("the backend was not started with a library snapshot")
        results: list[EpisodeResult] = []
        executor = ThreadPoolExecutor(self.workers, thread_name_prefix="aspire-evolve")
        try:
            pending = {executor.submit(run_episode, job, skills_dir=self.skills_dir, runs_dir=self.runs_dir,
                                       pool=self.pool, timeout=self.timeout) for job in jobs}
            while pending:
                done, pending = wait(pending, return_when=FIRST_COMPLETED)
                for future in done:
                    result = future.result()
                    results.append(result)
                    if on_result is not None:
                        on_result(result)
        finally:
            # on an interrupt, queued episodes never start; running ones end with the pool
            executor.shutdown(wait=False, cancel_futures=True)
        return results

    def close(self) -> None:
        self.pool.close()
        shutil.rmtree(self._tmp, ignore_errors=True)
