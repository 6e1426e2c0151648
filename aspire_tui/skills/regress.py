"""Regression runs: re-run program skills on their validation seeds and compare with the past.

A program skill says how to validate it in its metadata::

    ASPIRE = {..., "validation": {"task": "pick_place_bowl", "seeds": [0, 1, 2, 3, 4],
                                  "args": {"obj": "{block}", "container": "{bowl}"}}}

``args`` values are instruction templates filled from each seed's scene, so
the call names the objects that scene holds. A value that is one whole slot
(``"{blocks}"``) takes the slot as ``aspire run`` binds it
(``runner.program_args.slot_args``): a group becomes a list of phrases
(["red block", "blue block"]), never one string a skill would read letter by
letter. Each (skill, seed) becomes a
two-line program run in the sandbox (``aspire_tui.runner.run_program``) by a
pool of parallel workers. Results go to the index's statistics. A skill has
*regressed* when its success rate is below its baseline: the
``Aspire-Success`` trailer of the last commit that changed it, or else the
first test of the same file content in which every seed passed. A test with
failures never becomes a baseline: a skill without one that fails is
*failing*, and `skills test` exits non-zero for it as for a regression.

``validations`` is what `skills list` shows: each skill's latest validation
of its current content, with the run ids that produced it.
"""

from __future__ import annotations

import os
import string
import threading
import time
import uuid
from concurrent.futures import ThreadPoolExecutor
from dataclasses import asdict, dataclass, field
from typing import Any, Callable

from aspire_tui.skills.library import Library, LibraryError, UnknownSkill
from aspire_tui.skills.skillfile import ParseProblem, ProgramSkill, parse_file


@dataclass
class SkillResult:
    """One skill's regression verdict."""

    name: str
    task: str = ""
    seeds: list[int] = field(default_factory=list)
    successes: int = 0
    runs: int = 0
    failures: list[dict[str, Any]] = field(default_factory=list)
    baseline: dict[str, Any] | None = None
    verdict: str = "ok"  # ok | regressed | failing | improved | new-baseline | no-validation | error
    message: str = ""

    @property
    def rate(self) -> float | None:
        return self.successes / self.runs if self.runs else None

    @property
    def rate_text(self) -> str:
        return f"{self.successes}/{self.runs}" if self.runs else "-"

    @property
    def baseline_text(self) -> str:
        if not self.baseline:
            return "-"
        return f"{self.baseline['successes']}/{self.baseline['runs']} ({self.baseline['source']})"

    def to_dict(self) -> dict[str, Any]:
        return asdict(self) | {"rate": self.rate}


def parse_seeds(text: str) -> list[int]:
    """``"0:5"`` -> [0..4]; ``"1,4,7"`` -> [1, 4, 7]."""
    try:
        if ":" in text:
            lo, hi = text.split(":", 1)
            return list(range(int(lo), int(hi)))
        return [int(s) for s in text.split(",") if s.strip()]
    except ValueError as e:
        raise LibraryError(f"bad seeds {text!r}: use START:STOP or a comma list") from e


def validation_of(skill: ProgramSkill) -> tuple[str, list[int], dict[str, Any]] | None:
    spec = skill.metadata.get("validation")
    if not isinstance(spec, dict) or not spec.get("task"):
        return None
    seeds = [int(s) for s in spec.get("seeds", [0, 1, 2])]
    args = spec.get("args", {}) if isinstance(spec.get("args", {}), dict) else {}
    return str(spec["task"]), seeds, args


def program_for(name: str, args: dict[str, Any]) -> str:
    """The program that calls one skill with literal arguments."""
    return (f"from skills.{name} import {name}\n\n"
            f"ARGS = {args!r}\n\n\n"
            f"def run(robot):\n    {name}(robot, **ARGS)\n")


class _SceneWords:
    """Fills ``{slot}`` templates from a (task, seed) scene, building each scene once."""

    def __init__(self) -> None:
        self._cache: dict[tuple[str, int], tuple[dict[str, str], dict[str, Any]]] = {}
        self._lock = threading.Lock()

    def fill(self, task: str, seed: int, args: dict[str, Any]) -> dict[str, Any]:
        """``args`` with every ``{slot}`` in its strings (also inside lists) filled in."""
        if "{" not in repr(args):
            return dict(args)
        slots, bound = self._slots(task, seed)

        class Slots(dict):
            def __missing__(self, key: str) -> str:
                raise LibraryError(f"validation args name {{{key}}}, which task {task!r} does not have")

        def one(value: Any) -> Any:
            if isinstance(value, str):
                whole = value.strip()
                if whole.startswith("{") and whole.endswith("}") and whole[1:-1] in bound:
                    return bound[whole[1:-1]]  # a group stays a list, as `aspire run` binds it
                return string.Formatter().vformat(value, (), Slots(slots))
            if isinstance(value, list):
                return [one(v) for v in value]
            return value

        return {key: one(value) for key, value in args.items()}

    def _slots(self, task: str, seed: int) -> tuple[dict[str, str], dict[str, Any]]:
        """The scene's slots as words (for templates) and as ``aspire run`` binds them (for whole values)."""
        with self._lock:
            if (task, seed) not in self._cache:
                from aspire_tui.runner.program_args import slot_args
                from sim import make_episode

                episode = make_episode(task, seed)
                try:
                    self._cache[(task, seed)] = ({k: str(v) for k, v in episode.scene.slots.items()},
                                                 slot_args(episode))
                finally:
                    episode.close()
            return self._cache[(task, seed)]


Runner = Callable[..., Any]


def _default_runner(workers: int):
    from aspire_tui.runner import WorkerPool, run_program

    pool = WorkerPool(workers)

    def run(source: str, task: str, seed: int, **kwargs: Any):
        return run_program(source, task, seed, pool=pool, keyframes=False, **kwargs)

    return run, pool


def run_regression(lib: Library, names: list[str] | None = None, *, workers: int = 2,
                   seeds: list[int] | None = None, progress: Callable[[str], None] | None = None,
                   runner: Runner | None = None) -> list[SkillResult]:
    """Re-run program skills (all, or ``names``) on their validation seeds.

    Args:
        workers: how many episodes run at once.
        seeds: override every skill's validation seeds.
        runner: ``run_program``-compatible callable (tests pass a fake).

    Returns:
        One ``SkillResult`` per skill, regressions marked ``verdict="regressed"``.
    """
    rows = {r["name"]: r for r in lib.index.all("program")}
    if names:
        missing = [n for n in names if n not in rows]
        if missing:
            raise UnknownSkill(f"no program skill named {', '.join(map(repr, missing))}")
        chosen = list(dict.fromkeys(names))
    else:
        chosen = sorted(rows)
    results: dict[str, SkillResult] = {}
    jobs: list[tuple[str, str, int, str, dict[str, Any]]] = []
    words = _SceneWords()
    for name in chosen:
        skill = parse_file(lib.root / rows[name]["path"], rows[name]["path"])
        if isinstance(skill, ParseProblem):
            results[name] = SkillResult(name, verdict="error", message=str(skill))
            continue
        spec = validation_of(skill)
        if spec is None:
            results[name] = SkillResult(name, verdict="no-validation",
                                        message="no validation task in its ASPIRE metadata")
            continue
        task, skill_seeds, args = spec
        run_seeds = seeds if seeds is not None else skill_seeds
        results[name] = SkillResult(name, task, list(run_seeds))
        for seed in run_seeds:
            jobs.append((name, task, seed, skill.blob, args))

    pool = None
    if jobs and runner is None:
        runner, pool = _default_runner(max(1, workers))
    outcomes: list[tuple[str, int, bool, float | None, str, str, str]] = []
    lock = threading.Lock()

    def one(job: tuple[str, str, int, str, dict[str, Any]]) -> None:
        name, task, seed, blob, args = job
        try:
            filled = words.fill(task, seed, args)
            trace = runner(program_for(name, filled), task, seed, skills_dir=lib.skills_dir,
                           runs_dir=lib.runs_dir)
            ok = getattr(trace, "outcome", "") == "succeeded"
            reason = "" if ok else f"{getattr(trace, 'outcome', '?')}: {getattr(trace, 'failure_reason', '')}"
            run_id = str(getattr(trace, "run_id", ""))
            duration = getattr(trace, "duration", None)
        except Exception as e:  # noqa: BLE001 - one broken run must not stop the others
            ok, reason, run_id, duration = False, f"error: {type(e).__name__}: {e}", "", None
        with lock:
            outcomes.append((name, seed, ok, duration, reason, run_id, blob))
        if progress:
            progress(f"{name} {task} seed {seed}: {'ok' if ok else reason}")

    try:
        if jobs:
            with ThreadPoolExecutor(max_workers=max(1, workers)) as executor:
                list(executor.map(one, jobs))
    finally:
        if pool is not None:
            pool.close()

    commit_of: dict[str, str] = {}
    batch = time.strftime("%Y%m%dT%H%M%S") + f"-{os.getpid()}-{uuid.uuid4().hex[:6]}"  # one per test
    with lib.lock("record regression results"):
        for name, seed, ok, duration, reason, run_id, blob in sorted(outcomes, key=lambda o: (o[0], o[1])):
            result = results[name]
            result.runs += 1
            result.successes += int(ok)
            if not ok:
                result.failures.append({"seed": seed, "reason": reason, "run_id": run_id})
        for name, result in results.items():
            if not result.runs:
                continue
            rel = rows[name]["path"]
            last = lib.repo.log(rel, limit=1)
            commit_of[name] = last[0].sha if last else ""
            result.baseline = _baseline(lib, name, rows[name]["blob"], last[0] if last else None)
            result.verdict = _verdict(result)
        for name, seed, ok, duration, reason, run_id, blob in outcomes:
            lib.index.record_use(name, ok, duration, blob=blob, commit_sha=commit_of.get(name),
                                 task=results[name].task, seed=seed, run_id=run_id, source="regress",
                                 batch=batch)
    return [results[n] for n in chosen]


def _baseline(lib: Library, name: str, blob: str, last_commit) -> dict[str, Any] | None:
    if last_commit is not None:
        trailer = last_commit.trailers.get("Aspire-Success", "")
        if "/" in trailer:
            try:
                succ, runs = (int(x) for x in trailer.split("/", 1))
                if runs > 0:
                    return {"successes": succ, "runs": runs, "source": f"commit {last_commit.sha[:8]}"}
            except ValueError:
                pass
    batches: dict[str, list[dict[str, Any]]] = {}
    for r in lib.index.runs(name, blob=blob, source="regress"):
        batches.setdefault(r["batch"], []).append(r)
    for batch in batches.values():  # oldest first; only a test that passed is a baseline
        if all(r["success"] for r in batch):
            return {"successes": len(batch), "runs": len(batch),
                    "source": f"first passing test {batch[0]['at'][:16]}"}
    return None


def _verdict(result: SkillResult) -> str:
    if result.baseline is None:
        if result.successes < result.runs:
            result.message = (f"{result.successes}/{result.runs}: no baseline stored "
                              "(only a test in which every seed passes becomes one)")
            return "failing"
        return "new-baseline"
    before = result.baseline["successes"] / result.baseline["runs"]
    now = result.rate or 0.0
    if now + 1e-9 < before:
        return "regressed"
    if now > before + 1e-9:
        return "improved"
    return "ok"


FAILED = ("regressed", "failing", "error")  # verdicts `skills test` exits non-zero for


def validations(lib, rows: list[dict[str, Any]] | None = None) -> dict[str, dict[str, Any]]:
    """Each program skill's latest validation of the content it has now.

    The last `skills test` of that content (its seeds and run ids), or else the
    ``Aspire-Success`` / ``Aspire-Run`` trailers of the last commit that changed
    the file (the agent's validation when it kept the skill). Skills never
    validated are left out.

    Returns:
        name -> {"successes", "runs", "run_ids", "seeds", "source", "at"}.
    """
    rows = rows if rows is not None else lib.index.all("program")
    blobs = {r["name"]: r.get("blob") for r in rows if r.get("kind") == "program"}
    out: dict[str, dict[str, Any]] = {}
    cur = lib.index.db.execute(
        "select name, blob, seed, success, run_id, batch, at from runs where source = 'regress' "
        "and batch is not null order by id")
    latest: dict[str, list[tuple]] = {}
    for name, blob, seed, success, run_id, batch, at in cur.fetchall():
        if name not in blobs or blob != blobs[name]:
            continue
        if latest.get(name) and latest[name][0][5] != batch:
            latest[name] = []
        latest.setdefault(name, []).append((name, blob, seed, success, run_id, batch, at))
    for name, batch in latest.items():
        batch.sort(key=lambda r: (r[2] is None, r[2] or 0))  # by seed
        out[name] = {"successes": sum(r[3] for r in batch), "runs": len(batch),
                     "run_ids": [r[4] or "" for r in batch], "seeds": [r[2] for r in batch],
                     "source": "skills test", "at": batch[0][6]}
    missing = [r for r in rows if r.get("kind") == "program" and r["name"] not in out]
    if missing:
        paths = {r["path"]: r["name"] for r in missing}
        try:
            commits = lib.repo.log(None, limit=5000)
        except Exception:  # noqa: BLE001 - a library with no history shows no validation
            commits = []
        for commit in commits:  # newest first: the first commit naming a path is its last change
            for path in commit.files:
                name = paths.pop(path, None)
                if name is None:
                    continue
                trailer = commit.trailers.get("Aspire-Success", "")
                succ, _, runs = trailer.partition("/")
                if succ.strip().isdigit() and runs.strip().isdigit() and int(runs) > 0:
                    run_ids = [x for x in commit.trailers.get("Aspire-Run", "").replace(",", " ").split() if x]
                    out[name] = {"successes": int(succ), "runs": int(runs), "run_ids": run_ids, "seeds": [],
                                 "source": f"commit {commit.sha[:8]}", "at": commit.date[:19]}
            if not paths:
                break
    return out
