"""Sort objects into containers of the same colour: each block goes into the matching bowl.

When to use:
    "Put every block in the bowl of its colour", "sort the cubes by colour":
    several objects and as many coloured containers on the table.

Preconditions:
    - an arm embodiment (panda); objects and containers visible from home
    - for each object there is a container whose colour matches

Postconditions:
    - every object with a matching container is inside it; returns the names
      of the objects that had none

Evidence:
    Composed from place_in (pick_place_bowl reference, foundation issue);
    sorts the sort_by_color family's development seeds 0-4.
"""

from skills.place_in import place_in

ASPIRE = {
    "task_type": "sort",
    "embodiment": "panda",
    "depends_on": ["place_in"],
    "version": 1,
    "tags": ["sort", "colour", "color", "many objects"],
    "achieves": "sorted_into(object_kind, container_kind)",
    "validation": {"task": "sort_by_color", "seeds": [0, 1, 2], "args": {}},
}


def sort_by_color(robot, object_kind="block", container_kind="bowl"):
    """Place each visible ``object_kind`` into the ``container_kind`` of the same colour."""
    robot.home()
    seen = robot.scan()
    objects = [d for d in seen if d.kind == object_kind]
    containers = {d.color: d for d in seen if d.kind == container_kind}
    unmatched = []
    for item in objects:
        bowl = containers.get(item.color)
        if bowl is None:
            unmatched.append(item.name)
            continue
        place_in(robot, f"{item.color} {object_kind}", f"{bowl.color} {container_kind}")
    return unmatched
