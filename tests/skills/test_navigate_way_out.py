"""navigate_to plans around what the scan sees, and finds a way out where the full safety circles close it."""

from __future__ import annotations

import sys
from pathlib import Path
from types import SimpleNamespace

SEEDS = Path(__file__).resolve().parents[2] / "skills_repo"


class _Base:
    """A husky at the origin among crates, as seed 665 of "Navigate the robot to the red marker" drew them."""

    def __init__(self, crates):
        self.crates = [SimpleNamespace(name=n, position=(x, y, 0.2), size=(0.44, 0.44, 0.37)) for n, x, y in crates]

    def scan(self):
        return list(self.crates)


def test_three_crates_round_the_start_still_leave_a_route():
    """With 0.62 m circles the three crates enclosed the start, plan_route gave just the goal, and the base
    drove straight into the gray crate (NavigationError, seed 665)."""
    sys.path.insert(0, str(SEEDS))
    try:
        from skills.navigate_to import _crosses, _route
    finally:
        sys.path.remove(str(SEEDS))
        for mod in [m for m in sys.modules if m == "skills" or m.startswith("skills.")]:
            del sys.modules[mod]  # as programs import them; other tests import their own
    robot = _Base([("gray", 1.081, 0.084), ("brown", -0.875, 0.530), ("purple", -0.745, -0.703)])
    legs = _route(robot, (0.0, 0.0), (2.66, 0.33), "red_marker", 0.62, 0.08)
    assert len(legs) > 1 and legs[-1] == (2.66, 0.33)
    gray = [(1.081, 0.084, 0.31)]  # the crate's own half-diagonal: no leg passes through it
    here = (0.0, 0.0)
    for leg in legs:
        assert not _crosses(here, leg, gray)
        here = leg
