"""Scan around a mobile base and list the obstacles it must keep clear of, as inflated circles.

When to use:
    Before planning a drive with a mobile base (husky) through a room with crates,
    cones or other objects standing on the floor.

Preconditions:
    - a mobile embodiment that supports robot.scan()

Postconditions:
    - returns [(x, y, radius), ...]: each radius already includes the robot's own
      radius and a safety margin, so the base centre must stay outside every circle
    - flat things (floor markers and painted zones, thinner than 2 cm) are not obstacles

Evidence:
    Factored out of the navigate_goal and navigate_to_object reference programs
    (foundation issue), which reach the goal on development seeds.
    Version 2: an open crate 5 cm tall was seen 4.4 cm tall, under the old 5 cm line for flat
    things, and left off the obstacles; only what is thinner than 2 cm is driven over.
"""

import math

ASPIRE = {
    "task_type": "navigation",
    "embodiment": "husky",
    "depends_on": [],
    "version": 2,
    "tags": ["perception", "obstacles", "mobile"],
}


def scan_obstacles(robot, exclude="", robot_radius=0.62, margin=0.08, min_height=0.02):
    """Obstacles as (x, y, radius) circles, skipping the object named ``exclude``."""
    out = []
    for det in robot.scan():
        if det.name == exclude or det.size[2] < min_height:
            continue
        side = max(det.size[0], det.size[1])  # one face may be all the camera sees
        r = 0.5 * math.hypot(side, side)
        out.append((det.position[0], det.position[1], r + robot_radius + margin))
    return out
