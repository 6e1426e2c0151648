"""pybullet, imported once with its C-level chatter silenced.

pybullet prints its build time and URDF warnings straight to file
descriptor 1, which would corrupt `--json` output and the TUI; `quiet()`
points fds 1 and 2 at /dev/null for the length of a noisy call.
"""

from __future__ import annotations

import contextlib
import os
import sys


@contextlib.contextmanager
def quiet():
    """Silence C-level stdout/stderr for the duration (Python-level output too)."""
    try:
        sys.stdout.flush()
        sys.stderr.flush()
    except (OSError, ValueError):
        pass
    try:
        saved = [os.dup(1), os.dup(2)]
    except OSError:  # no fds to save (a closed stdout): nothing to silence
        yield
        return
    null = os.open(os.devnull, os.O_WRONLY)
    try:
        os.dup2(null, 1)
        os.dup2(null, 2)
        yield
    finally:
        os.dup2(saved[0], 1)
        os.dup2(saved[1], 2)
        for fd in (*saved, null):
            os.close(fd)


with quiet():
    import pybullet as p  # noqa: E402
    import pybullet_data  # noqa: E402

__all__ = ["p", "pybullet_data", "quiet"]
