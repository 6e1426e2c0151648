"""Lower the held object onto a spot (a bowl, another block, the table) and let go gently.

When to use:
    The second half of pick-and-place moves: after pick, to set the held object
    down at (x, y) on a surface whose top is at ``surface_z``, e.g. into a bowl,
    onto a stack, or on a free patch of table.

Preconditions:
    - an object is held, as returned by pick ({"yaw", "grip", ...})
    - (x, y) is within the arm's reach

Postconditions:
    - the object rests at (x, y) on the surface (or inside the container), the
      gripper is open and ``clear`` metres above the drop point

Evidence:
    The placing half of the pick_place_bowl and stack_two reference programs
    (foundation issue).
"""

ASPIRE = {
    "task_type": "pick_place",
    "embodiment": "panda",
    "depends_on": [],
    "version": 1,
    "tags": ["place", "release", "arm"],
}


def release_above(robot, held, x, y, surface_z, support=None, approach=0.12, gap=0.006, clear=0.12,
                  speed=0.1):
    """Set the ``held`` object down at (x, y) on a surface whose top is at ``surface_z``.

    ``support`` names the object underneath (it may be touched on the way down);
    ``gap`` is how high above the surface the object's bottom is when let go.
    """
    yaw = held.get("yaw", 0.0)
    grip = held.get("grip", 0.02)
    robot.move_to(x, y, surface_z + grip + approach, yaw=yaw)
    robot.move_to(x, y, surface_z + grip + gap, yaw=yaw, speed=speed, allow_contact=support)
    robot.release()
    robot.move_to(x, y, surface_z + grip + clear, yaw=yaw)
    return True
