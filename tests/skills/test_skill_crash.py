"""One writer at a time, and a writer killed with SIGKILL loses nothing and leaves git clean."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from aspire_tui.skills.library import Library
from aspire_tui.skills.lock import LockTimeout, WriterLock

from .conftest import fsck_clean, git, skill_source

ROOT = Path(__file__).resolve().parents[2]


def spawn(code: str, lib_root: Path) -> subprocess.Popen:
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    return subprocess.Popen([sys.executable, "-c", code, str(lib_root)], env=env, cwd=ROOT,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def wait_for(predicate, timeout: float = 20.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return
        time.sleep(0.02)
    raise AssertionError("timed out")


HOLD = """
import sys, time
from aspire_tui.skills.lock import WriterLock
from pathlib import Path
with WriterLock(Path(sys.argv[1]) / ".aspire" / "write.lock", "holding for a test"):
    print("held", flush=True)
    time.sleep(60)
"""


def test_second_writer_waits_then_gets_a_clear_message(lib):
    proc = spawn(HOLD, lib.root)
    try:
        assert proc.stdout.readline().strip() == "held"
        with pytest.raises(LockTimeout, match=rf"pid {proc.pid} \(holding for a test"):
            with WriterLock(lib.state_dir / "write.lock", "second", timeout=0.3):
                pass
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        lock = WriterLock(lib.state_dir / "write.lock", "after", timeout=2)
        with lock:
            assert lock.stale and lock.stale["pid"] == proc.pid  # the dead holder is detected
        with WriterLock(lib.state_dir / "write.lock", "clean", timeout=2) as again:
            assert again.stale is None
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()


def test_threads_of_one_process_take_turns(lib):
    import threading

    order = []

    def worker(tag):
        with WriterLock(lib.state_dir / "write.lock", tag):
            order.append(f"{tag}-in")
            time.sleep(0.05)
            order.append(f"{tag}-out")

    threads = [threading.Thread(target=worker, args=(str(i),)) for i in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    for i in range(0, 8, 2):
        assert order[i].split("-")[0] == order[i + 1].split("-")[0]


DIE_MID_COMMIT = """
import os, signal, sys
from pathlib import Path
from aspire_tui.skills import journal
from aspire_tui.skills.library import Library
from aspire_tui.skills.repo import AGENT, Identity, format_message
from tests.skills.conftest import skill_source
lib = Library.open(sys.argv[1])
with lib.lock("save wave"):
    rel = "skills/wave.py"
    data = skill_source("wave", "Wave, saved by a process that dies.").encode()
    from aspire_tui.skills.skillfile import blob_hash
    with journal.pending(lib.state_dir, "commit", blobs={rel: blob_hash(data)}, message=format_message(
            "Add skill wave", "killed mid-commit", {"Aspire-Change": "new"}), author=list(AGENT)):
        (lib.root / rel).write_bytes(data)
        lib.repo.repo.git.add("--", rel)
        (lib.repo.git_dir / "index.lock").write_text("")  # git was mid-write of its index
        os.kill(os.getpid(), signal.SIGKILL)
"""


def test_sigkill_in_the_middle_of_a_commit_is_recovered(lib):
    proc = spawn(DIE_MID_COMMIT, lib.root)
    proc.wait(timeout=60)
    assert proc.returncode == -signal.SIGKILL, proc.stderr.read()
    assert (lib.repo.git_dir / "index.lock").exists()
    again = Library.open(lib.root)
    again.save("wave2", skill_source("wave2", "Wave again."))
    subjects = git(lib.root, "log", "--format=%an|%s").splitlines()
    assert subjects[:2] == ["aspire-agent|Add skill wave2", "aspire-agent|Add skill wave"]
    assert "Wave, saved by a process that dies." in git(lib.root, "show", "HEAD~1:skills/wave.py")
    assert git(lib.root, "status", "--porcelain") == ""
    assert not (lib.repo.git_dir / "index.lock").exists()
    fsck_clean(lib.root)


SAVE_FOREVER = """
import sys
from aspire_tui.skills.library import Library
from tests.skills.conftest import skill_source
lib = Library.open(sys.argv[1])
i = 0
while True:
    i += 1
    lib.save("counter", skill_source("counter", f"Count to {i}."), change="refine")
    print(i, flush=True)
"""


@pytest.mark.timeout(240)
def test_random_sigkills_during_real_commits_leave_git_clean(lib):
    lib.save("counter", skill_source("counter", "Count to 0."))
    rng = random.Random(7)
    for _ in range(4):
        proc = spawn(SAVE_FOREVER, lib.root)
        proc.stdout.readline()  # at least one save went through
        time.sleep(rng.uniform(0.0, 0.3))
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        survivor = Library.open(lib.root)
        survivor.reindex()  # takes the lock: recovery runs here
        fsck_clean(lib.root)
        git(lib.root, "status", "--porcelain")
        on_disk = (lib.skills_dir / "counter.py").read_text()
        committed = git(lib.root, "show", "HEAD:skills/counter.py")
        assert on_disk == committed, "a written edit was neither committed nor recovered"
        assert survivor.search("count to")[0].name == "counter"
        survivor.close()
