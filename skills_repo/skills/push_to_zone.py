"""Push an object across the table into a target zone with one fingertip, never lifting it.

When to use:
    "Slide the block onto the blue area", "push the puck into the goal zone":
    the object should move along the table without being lifted (too big, too
    heavy, or the task forbids picking it up). A zone is a flat coloured
    square painted on the table (a marked target area); the fingertip nudges
    or shoves the object over to it in a few short pushes.

Preconditions:
    - an arm embodiment (panda)
    - the object and the zone (a flat marker) are visible to robot.detect
    - the zone lies within the arm's pushing area (x 0.32-0.72 m, |y| < 0.3 m)

Postconditions:
    - the object's centre is within ``tolerance`` of the zone's centre, or
      ``max_pushes`` straight pushes were spent; the arm is back home
    - pushes go straight to the goal, or along one axis first when another
      object is in the way, or a short push sideways first when a neighbour leaves
      no room to put the fingertip down behind the object

Evidence:
    The push_to_zone reference program (foundation issue), parameterized;
    the pushing itself is push_to's (version 4).
    On seed 619 a fingertip came down on a distractor close behind the block
    (CollisionError); a sidestep push makes room now. On seed 7 the rise off
    the block brushed it (CollisionError on the pushed block itself); that is
    allowed now.
"""

from skills.push_to import push_to

ASPIRE = {
    "task_type": "push",
    "embodiment": "panda",
    "depends_on": ["push_to"],
    "version": 4,
    "tags": ["push", "slide", "zone", "nonprehensile"],
    "achieves": ["in(obj, zone)", "never_lifted(obj)"],
    "validation": {"task": "push_to_zone", "seeds": [0, 1, 2, 3, 4], "args": {"obj": "{block}", "zone": "{zone}"}},
}


def push_to_zone(robot, obj, zone, tolerance=0.025, max_pushes=5, clear=0.12, low=0.02, speed=0.08,
                 margin=0.03):
    """Slide the object matching ``obj`` into the zone matching ``zone`` without lifting it.

    ``margin`` is the room a fingertip's path keeps from other objects.
    """
    robot.home()
    goal = robot.detect(zone)[0].position
    return push_to(robot, obj, goal[0], goal[1], tolerance=tolerance, max_pushes=max_pushes, clear=clear, low=low,
                   speed=speed, margin=margin)
