"""The Ray backend: the same `run_episode` as Ray tasks, for when one machine is not enough.

The coordinator (this process) ships the library as one git commit: a git
bundle put once into Ray's object store. Each Ray worker process clones it,
checks out that commit, and keeps its own warm simulation worker (a
`WorkerPool` of one) for every episode it runs. Only episode results come
back; distilling the winner into the library happens here, in the
coordinator (the paper's coordinator and actors).

``address=None`` starts a Ray instance on this machine; ``"auto"`` joins the
one `ray start --head` made here; ``"HOST:PORT"`` (or ``"ray://HOST:PORT"``)
joins a cluster. Ray missing or the address unreachable is a `SearchError`:
nothing falls back to local processes behind the user's back.
"""

from __future__ import annotations

import os
import socket
import subprocess
import tempfile
from pathlib import Path
from typing import Any, Callable

from aspire_tui.evolve.evaluate import EpisodeResult, Job, SearchError
from aspire_tui.evolve.local import Snapshot

CONNECT_TIMEOUT = 5.0   # seconds to open a TCP connection to the cluster's head before giving up

# Per Ray worker process: its simulation worker pool and the library commits it has checked out.
_WORKER: dict[str, Any] = {"pool": None, "checkouts": {}}


def _check_reachable(address: str) -> None:
    """Fail in one line when HOST:PORT does not answer (Ray itself retries for minutes)."""
    target = address.split("://", 1)[-1]
    host, _, port = target.rpartition(":")
    if not host or not port.isdigit():
        raise SearchError(f"--address must be HOST:PORT, ray://HOST:PORT or auto, not {address!r}")
    try:
        with socket.create_connection((host, int(port)), timeout=CONNECT_TIMEOUT):
            pass
    except OSError as e:
        raise SearchError(f"cannot reach the Ray cluster at {address}: {e.strerror or e}") from None


def _checkout(sha: str, bundle: bytes) -> Path:
    """This Ray worker's checkout of library commit ``sha`` (cloned from the bundle once)."""
    known = _WORKER["checkouts"].get(sha)
    if known is not None:
        return known
    base = Path(tempfile.mkdtemp(prefix=f"aspire-lib-{sha[:8]}-"))
    bundle_path = base / "library.bundle"
    bundle_path.write_bytes(bundle)
    clone = base / "library"
    env = {**os.environ, "GIT_TERMINAL_PROMPT": "0"}
    subprocess.run(["git", "clone", "--quiet", "--no-checkout", str(bundle_path), str(clone)],
                   check=True, capture_output=True, env=env)
    subprocess.run(["git", "-C", str(clone), "checkout", "--quiet", sha], check=True, capture_output=True, env=env)
    _WORKER["checkouts"][sha] = clone
    return clone


def episode_on_worker(job: dict[str, Any], sha: str, bundle: bytes, timeout: float) -> dict[str, Any]:
    """What each Ray task runs: check out the commit, then `run_episode` on this worker's simulation."""
    from aspire_tui.runner import WorkerPool
    from aspire_tui.evolve.evaluate import run_episode

    clone = _checkout(sha, bundle)
    pool = _WORKER["pool"]
    if pool is None or pool.closed:
        pool = _WORKER["pool"] = WorkerPool(1)
    result = run_episode(Job(**job), skills_dir=clone / "skills", runs_dir=clone.parent / "runs", pool=pool,
                         timeout=timeout)
    return result.to_dict()


class RayBackend:
    """Episodes as Ray tasks.

    Args:
        workers: CPUs for a Ray instance started here (ignored when joining a cluster).
        address: None (start Ray here), ``"auto"``, ``"HOST:PORT"`` or ``"ray://HOST:PORT"``.
        timeout: each program's wall-clock limit, in seconds.
    """

    name = "ray"

    def __init__(self, workers: int = 2, *, address: str | None = None, timeout: float = 60.0) -> None:
        try:
            import ray
        except ImportError:
            raise SearchError("the Ray backend needs Ray, which is not installed: "
                              "pip install 'aspire-tui[ray]' (or use --backend local)") from None
        self.ray = ray
        self.timeout = timeout
        self.address = address
        if address and address != "auto":
            _check_reachable(address)
        try:
            if ray.is_initialized():
                ray.shutdown()
            if address:
                ray.init(address=address, log_to_driver=False, logging_level="error")
            else:
                ray.init(num_cpus=workers, include_dashboard=False, log_to_driver=False, logging_level="error")
        except Exception as e:  # noqa: BLE001 - Ray raises many kinds; all mean "no cluster"
            raise SearchError(f"cannot start or join Ray ({address or 'local'}): "
                              f"{type(e).__name__}: {str(e).splitlines()[0][:200]}") from None
        self.workers = int(ray.cluster_resources().get("CPU", workers))
        self._remote = ray.remote(num_cpus=1, max_retries=1)(episode_on_worker)
        self._bundle_ref = None
        self.sha = ""

    def start(self, snap: Snapshot) -> None:
        """Ship the library commit (a git bundle, put once into the object store)."""
        if snap.sha == self.sha:
            return
        with tempfile.TemporaryDirectory() as tmp:
            path = Path(tmp) / "library.bundle"
            made = subprocess.run(["git", "-C", str(snap.root), "bundle", "create", str(path), "HEAD"],
                                  capture_output=True, text=True)
            if made.returncode != 0:
                raise SearchError(f"cannot bundle library commit {snap.sha[:8]}: {made.stderr.strip()[:200]}")
            self._bundle_ref = self.ray.put(path.read_bytes())
        self.sha = snap.sha

    def evaluate(self, jobs: list[Job], on_result: Callable[[EpisodeResult], None] | None = None) -> list[EpisodeResult]:
        """Submit every job as a Ray task and collect results as they finish."""
        ray = self.ray
        if self._bundle_ref is None:
            raise SearchError("the backend was not started with a library snapshot")
        refs = {self._remote.remote(job.to_dict(), self.sha, self._bundle_ref, self.timeout): job for job in jobs}
        results: list[EpisodeResult] = []
        pending = list(refs)
        try:
            while pending:
                done, pending = ray.wait(pending, num_returns=1)
                for ref in done:
                    job = refs[ref]
                    try:
                        result = EpisodeResult.from_dict(ray.get(ref))
                    except ray.exceptions.RayError as e:
                        # the Ray worker itself died twice: the episode is marked, the search goes on
                        result = EpisodeResult(job.candidate, job.seed, "error", 0.0,
                                               headline=f"Ray task failed: {type(e).__name__}"[:200], crashed=True)
                    results.append(result)
                    if on_result is not None:
                        on_result(result)
        finally:
            for ref in pending:
                ray.cancel(ref, force=True)
        return results

    def close(self) -> None:
        self.ray.shutdown()
