"""Task variants: a family's task file with new words, wider perturbation ranges and more clutter.

A variant is how the library meets scenes it was not built on: new
instructions (everyday synonyms for the objects, so parsing and retrieval
meet new words), perturbation ranges (sizes, friction, mass, camera jitter)
widened on each side and, when asked, more distractors. It names the family
it varies (``variant_of``), so what is known about the family carries over.
The success condition is copied unchanged.
"""

from __future__ import annotations

import re
from pathlib import Path

SYNONYMS = {"block": "cube", "bowl": "dish", "plate": "saucer", "tray": "bin", "ball": "sphere",
            "zone": "area", "hook": "stick", "marker": "spot", "barrel": "drum"}
WIDEN = 0.25     # a variant's perturbation ranges grow by this fraction of their width on each side


def propose_variant(family: str, out_dir: Path, n: int = 1, *, widen: float = WIDEN, clutter: int = 0) -> Path:
    """Write variant ``n`` of ``family``: synonym instructions and widened perturbation ranges.

    Args:
        widen: how far each perturbation range grows on each side, as a fraction of its width.
        clutter: distractors added to the most the family's scenes hold.
    """
    from sim.tasks import HERE
    from sim.taskspec import load_task_file

    text = (HERE / f"{family}.toml").read_text()
    name = f"{family}_v{n}"
    text = re.sub(r'(?m)^name = ".*"$', f'name = "{name}"\nvariant_of = "{family}"', text, count=1)
    text = _synonym_instructions(text)
    text = _widen_perturbations(text, widen)
    text = _add_clutter(text, clutter)
    path = Path(out_dir) / f"{name}.toml"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text)
    load_task_file(path)  # a variant that does not load is a bug here, not a task to search
    return path


def _synonym_instructions(text: str) -> str:
    """Each instruction template again with everyday words for its objects ("{block}" stays a slot)."""
    m = re.search(r"(?ms)^instructions = \[\n(.*?)^\]", text)
    if not m:
        return text
    lines = [ln for ln in m.group(1).splitlines() if ln.strip()]
    extra = []
    for line in lines:
        swapped = re.sub(r"\b(" + "|".join(SYNONYMS) + r")\b(?![^{]*\})", lambda w: SYNONYMS[w.group(1)], line)
        swapped = swapped.replace("pick up", "grab").replace("put the", "set the", 1)
        if swapped != line:
            extra.append(swapped if swapped.rstrip().endswith(",") else swapped.rstrip() + ",")
    body = "\n".join(extra + [ln if ln.rstrip().endswith(",") else ln.rstrip() + "," for ln in lines])
    return text[:m.start(1)] + body + "\n" + text[m.end(1):]


def _widen_perturbations(text: str, widen: float) -> str:
    """Every ``key = [lo, hi]`` range and ``camera_jitter`` in ``[perturb]``, wider."""
    m = re.search(r"(?ms)^\[perturb\]\n(.*?)(?=^\[|\Z)", text)
    if not m:
        return text

    def grow(r: re.Match) -> str:
        lo, hi = float(r.group(2)), float(r.group(3))
        pad = (hi - lo) * widen
        new_lo = max(lo - pad, 0.05 if lo > 0 else lo)  # scales and friction stay positive
        return f"{r.group(1)}[{round(new_lo, 4)}, {round(hi + pad, 4)}]"

    body = re.sub(r"(?m)^(\w+ = )\[\s*(-?[\d.]+)\s*,\s*(-?[\d.]+)\s*\]", grow, m.group(1))
    body = re.sub(r"(?m)^(camera_jitter = )([\d.]+)$",
                  lambda r: f"{r.group(1)}{round(float(r.group(2)) * (1 + 2 * widen), 4)}", body)
    return text[:m.start(1)] + body + text[m.end(1):]


def _add_clutter(text: str, extra: int) -> str:
    """``[distractors] count = [lo, hi]`` with ``hi`` raised by ``extra``."""
    if extra <= 0:
        return text
    return re.sub(r"(?ms)^(\[distractors\]\n(?:(?!^\[).)*?^count = \[\s*\d+\s*,\s*)(\d+)",
                  lambda r: f"{r.group(1)}{int(r.group(2)) + extra}", text, count=1)
