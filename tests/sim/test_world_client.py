"""A world owns its pybullet client (issue 21): no id passed by hand, worlds kept apart."""

from __future__ import annotations

import re
from pathlib import Path

from sim import World
from sim.objects import add_table, build

SIM = Path(__file__).resolve().parents[2] / "sim"


def test_no_sim_module_passes_a_client_id_by_hand():
    """sim/ passed `physicsClientId=` by hand about 75 times; the world's BulletClient adds it."""
    hand_passed = [f"{path.relative_to(SIM)}:{n}" for path in SIM.rglob("*.py")
                   for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
                   if re.search(r"physicsClientId\s*=", line)]
    assert hand_passed == []


def test_two_worlds_in_one_process_keep_their_own_bodies():
    one, two = World(), World()
    try:
        add_table(one)
        build(one, "block", name="red_block", color="red", size=(0.04, 0.04, 0.04), position=(0.5, 0, 0.02))
        assert (one.p.getNumBodies(), two.p.getNumBodies()) == (2, 0)
        one.step(10)
        assert two.t_sim == 0.0 and one.t_sim > 0
    finally:
        one.close()
        two.close()


def test_closing_a_world_again_leaves_the_next_world_alone():
    """pybullet may give a closed client's id to the next one: a second close must not disconnect it."""
    old = World()
    old.close()
    new = World()
    try:
        old.close()
        assert new.p.isConnected()
        new.step(1)
    finally:
        new.close()
    assert not new.p.isConnected()
