"""What a step costs is mostly resting contacts: objects at rest sleep until touched, a bowl stands on its
foot, and the arm's IK ghost lives outside the stepped world. None of it may change what happens."""

from __future__ import annotations

import numpy as np

from sim import make_episode
from tests.sim.test_panda_motion import ONE_BLOCK


def test_a_bowl_stands_on_its_foot_not_on_every_wall(world):
    ep = make_episode("pick_place_bowl", 3, world=world)
    bowl, table = world.bodies[ep.scene.bindings["bowl"][0]], world.bodies["table"]
    for _ in range(3):
        world.p.changeDynamics(bowl.uid, -1, activationState=world.p.ACTIVATION_STATE_WAKE_UP)
        world.step(2)
        touching = world.p.getContactPoints(bodyA=bowl.uid, bodyB=table.uid)
        assert 0 < len(touching) <= 8  # the floor's corners; its 12 walls touched at 52 points


def test_the_stepped_world_holds_only_the_scene(world):
    """The IK ghost arm is in the scratch client, loaded at the first solve: the world steps the scene's
    bodies and nothing else."""
    ep = make_episode("pick_place_bowl", 3, world=world)
    assert world.p.getNumBodies() == len(world.bodies)
    assert world.scratch().getNumBodies() == 0  # a scene only built: no ghost yet
    ep.robot.move_to(0.45, 0.0, 0.2)
    assert world.p.getNumBodies() == len(world.bodies)
    assert ep.embodiment.ik is world.scratch() and world.scratch().getNumBodies() == 1


def test_a_sleeping_object_wakes_when_the_robot_touches_it(world):
    """Asleep from the start, the block is still pushed by the fingers: contact wakes it."""
    ep = make_episode(ONE_BLOCK, 0, world=world)
    block = ep.scene.bindings["block"][0]
    x, y, _ = world.pose(block)[0]
    robot = ep.robot
    robot.move_to(x, y - 0.09, 0.02)  # the open fingers lie along y: one of them pushes
    robot.move_to(x, y, 0.02, allow_contact=block)
    assert world.pose(block)[0][1] > y + 0.05


def test_an_object_put_in_the_air_falls(world):
    """Put by hand, a body is awake: left asleep it would hang where it was put."""
    ep = make_episode("pick_place_bowl", 3, world=world)
    block = ep.scene.bindings["block"][0]
    x, y, _ = world.pose(block)[0]
    world.put(block, [x, y, 0.2])
    world.settle(0.8)
    assert np.isclose(world.pose(block)[0][2], 0.02, atol=0.003)
