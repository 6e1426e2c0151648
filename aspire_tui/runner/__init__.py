"""Running untrusted robot programs: static check, sandbox, tracing, trace store.

Names load on first use so that the program process (which imports
`aspire_tui.runner.proxy`) pulls in nothing it does not need.

    from aspire_tui.runner import run_program, WorkerPool
    trace = run_program(source, "pick_place_bowl", seed=3)
"""

from __future__ import annotations

import importlib
from typing import Any

_EXPORTS = {
    "run_program": "aspire_tui.runner.pool",
    "WorkerPool": "aspire_tui.runner.pool",
    "RunnerError": "aspire_tui.runner.pool",
    "Cancelled": "aspire_tui.runner.pool",
    "LiveFrame": "aspire_tui.runner.pool",
    "LiveRuns": "aspire_tui.runner.pool",
    "default_pool": "aspire_tui.runner.pool",
    "start_default_pool": "aspire_tui.runner.pool",
    "Trace": "aspire_tui.runner.trace",
    "CallRecord": "aspire_tui.runner.trace",
    "Violation": "aspire_tui.runner.check",
    "CheckReport": "aspire_tui.runner.check",
    "check_program": "aspire_tui.runner.check",
    "default_runs_dir": "aspire_tui.runner.paths",
    "find_run": "aspire_tui.runner.paths",
}

__all__ = sorted(_EXPORTS)


def __getattr__(name: str) -> Any:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'aspire_tui.runner' has no attribute {name!r}")
    return getattr(importlib.import_module(module), name)
