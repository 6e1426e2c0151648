"""Push an object along the table to a point with one fingertip, never lifting it.

When to use:
    "Slide the bowl 10 cm to the left", "push the block next to the plate",
    "nudge the tray towards the front": the object must move along the table
    without being lifted (it is too big to grasp, like a bowl, a plate or a
    tray, or the words forbid picking it up). The fingertip shoves it to the
    point in a few short pushes; ``push_to_zone`` uses it to reach a zone.

Preconditions:
    - an arm embodiment (panda)
    - the object is visible to robot.detect and taller than a few millimetres
    - (x, y) lies within the arm's pushing area (x 0.30-0.72 m, |y| < 0.3 m)

Postconditions:
    - the object's centre is within ``tolerance`` of (x, y), or ``max_pushes``
      straight pushes were spent, or after a push no next one starts within the
      arm's reach; the arm is back home
    - pushes go straight to the goal, or along one axis first when another
      object is in the way, or a short push sideways first when a neighbour leaves
      no room to put the fingertip down behind the object

Evidence:
    The pushing half of push_to_zone (the push_to_zone reference program,
    foundation issue), with the goal a point instead of a zone's centre. Flat
    objects (a plate) are pushed with the fingertip 1 cm up (lower, it catches
    the table).
    Version 2: a block pushed to the far side of a bowl first came to rest against the bowl; then every
    leg counted as blocked (the block already nearer the bowl than the room a leg keeps) and it was
    pushed straight through the bowl. A leg now only has to keep the object from coming nearer to
    what it already stands close to; and where the arm cannot reach the start of the first choice of
    leg (near the robot, the fingers turned across), the next choice is pushed instead of failing; and
    the way round what stands between may go farther out (up to 24 cm), or by way of a point of the
    pushing area from where the goal is clear; a plate, which the camera sees 8 mm high, was no
    obstacle (under 1 cm), and a block pushed to its side shoved it along (development set, pushes).
    Version 3: a plate the camera saw 4.7 mm high fell under the 5 mm taken for a painted zone, and a
    block was pushed straight through it: zones are told apart by kind now. A ball went 5 cm past
    every push's end, wedged on by the fingertip rising against its lower half: the fingertip draws
    back 2 cm before it rises. A block to go left of a bowl, with another block beyond the bowl, was
    pushed to and fro (a push out of the way whose rest was blocked too): a push out of the way now
    needs the rest of the way clear, and the way round may take several turns, the shortest found over
    a grid of the pushing area (development set, pushes).
    Version 4: "put the red plate in front of the green plate" pushed the plate straight through the
    other one: the push along the table's length first began with the fingertip 31.5 cm from the base,
    just under the 32 cm the pushing area began at, so no leg was clear and the last resort went
    straight. The arm reaches 30 cm there (the runs show it), so the area begins at 30 cm; a start it
    cannot reach still falls to the next leg (development set, relations).
    Version 5: "move the tray to the middle" stopped the fingertip 13 cm (its widest half) short of the
    tray's centre while pushing it 3 cm across its 21 cm width, short of its edge, seven times: the
    fingertip stops behind a box's side in the push's direction, not its widest half (development set,
    sequences).
    Version 6: the fingertip stops where the push's line meets the side, not past its widest half (slantwise
    pushes stopped short seven times); where the arm cannot rise straight up after a push, it goes home.
    Version 7: near the base the arm reaches a leg's start with the hand turned the other half-turn where
    it cannot with the first (the fingers lie on the same line); that turn is tried before the next leg.
    A push along one axis first needs the rest of the way clear: a block pushed out of a blocked line was
    pushed back into it, to and fro for seven pushes (development set, pushes).
    Version 8: an object pushed 5 cm past its point, towards the base, left no start for the fingertip
    behind it, and the IKError failed a run whose object already stood where asked: once a push is made, a
    next one the arm cannot start ends the pushes there, for the caller's check (development set).
"""

import math

ASPIRE = {
    "task_type": "push",
    "embodiment": "panda",
    "depends_on": [],
    "version": 8,
    "tags": ["push", "slide", "shove", "nonprehensile", "move"],
    "achieves": ["at(obj, x, y)", "never_lifted(obj)"],
    "takes": {"obj": ["block", "ball", "bowl", "plate", "tray"]},
}

_FINGER = 0.055  # from the grasp point to the middle of each fingertip, along the fingers
_TIP = 0.015     # half a fingertip's thickness


def _pusher_path(start, end, half, side):
    """Grasp-point start and end, yaw and side normal for pushing a block of half-width ``half``.

    The fingers lie across the push; the grasp point is shifted sideways so that one
    fingertip is centred behind the block and the other passes beside it on ``side`` (+1 left).
    """
    d = math.hypot(end[0] - start[0], end[1] - start[1])
    ux, uy = (end[0] - start[0]) / d, (end[1] - start[1]) / d
    nx, ny = -uy * side, ux * side
    back = half + _TIP + 0.02
    s = (start[0] - back * ux + _FINGER * nx, start[1] - back * uy + _FINGER * ny)
    e = (end[0] - (half + _TIP) * ux + _FINGER * nx, end[1] - (half + _TIP) * uy + _FINGER * ny)
    yaw = math.atan2(-nx, ny)
    if yaw > math.pi / 2:
        yaw -= math.pi
    if yaw < -math.pi / 2:
        yaw += math.pi
    return s, e, yaw, (nx, ny)


def _behind(half, box, start, end):
    """How far behind the object's centre the fingertip stops: a box (``box``: its half sizes along x and
    y, seen square to the table's axes) reaches out along the push's line to the first side it meets; a
    round object as far every way, ``half``."""
    if box is None:
        return half
    d = math.hypot(end[0] - start[0], end[1] - start[1]) or 1.0
    ux, uy = abs(end[0] - start[0]) / d, abs(end[1] - start[1]) / d
    return min(box[0] / ux if ux > 1e-6 else math.inf, box[1] / uy if uy > 1e-6 else math.inf)


def _leg_is_clear(start, end, half, side, obstacles, margin=0.03, box=None):
    """Both fingertips keep ``margin`` from every obstacle, the pushed object clears them (or, where it
    starts closer, comes no nearer), and the arm can reach."""
    s, e, _, (nx, ny) = _pusher_path(start, end, _behind(half, box, start, end), side)
    if not all(0.30 <= p[0] <= 0.72 and abs(p[1]) <= 0.3 for p in (s, e)):
        return False
    room = [min(r + half + 0.01, math.hypot(ox - start[0], oy - start[1]) - 0.005) for ox, oy, r in obstacles]
    for k in range(11):
        t = k / 10
        px, py = s[0] + (e[0] - s[0]) * t, s[1] + (e[1] - s[1]) * t
        bx, by = start[0] + (end[0] - start[0]) * t, start[1] + (end[1] - start[1]) * t
        for (ox, oy, r), least in zip(obstacles, room):
            if math.hypot(ox - bx, oy - by) < least:
                return False
            for f in (-_FINGER, _FINGER):
                if math.hypot(ox - px - f * nx, oy - py - f * ny) < r + margin:
                    return False
    return True


def _lands_clear(start, end, half, side, obstacles, box=None):
    """Neither fingertip comes down on an obstacle at the start of the push."""
    s, _, _, (nx, ny) = _pusher_path(start, end, _behind(half, box, start, end), side)
    return all(math.hypot(ox - s[0] - f * nx, oy - s[1] - f * ny) >= r + _TIP + 0.01
               for ox, oy, r in obstacles for f in (-_FINGER, _FINGER))


def _either_side(start, end, half, obstacles, margin, box=None):
    """Whether a push from ``start`` to ``end`` is clear with the fingers on one side or the other (or is
    no push at all: the two within 2 cm)."""
    return math.hypot(end[0] - start[0], end[1] - start[1]) <= 0.02 or \
        any(_leg_is_clear(start, end, half, sd, obstacles, margin, box) for sd in (1, -1))


def _way_round(at, goal, half, obstacles, margin, step=0.03, reach=0.13, per_push=0.05, box=None):
    """The first points of the shortest ways to the goal through the pushing area, the best first: a
    grid of points ``step`` apart, pushes between points at most ``reach`` apart, each push costing
    ``per_push`` metres more (fewer, longer pushes win). Needed when what stands between takes more than
    one turn to go round (a bowl with a block beyond it)."""
    nodes = [(0.34 + step * i, -0.27 + step * j) for i in range(13) for j in range(19)]
    cost = {n: math.hypot(goal[0] - n[0], goal[1] - n[1]) + per_push for n in nodes
            if _either_side(n, goal, half, obstacles, margin, box)}
    done, frontier = set(), dict(cost)
    while frontier:  # Dijkstra from the goal backwards, each leg checked only when it is needed
        v = min(frontier, key=frontier.get)
        del frontier[v]
        done.add(v)
        for u in nodes:
            if u in done or math.hypot(u[0] - v[0], u[1] - v[1]) > reach:
                continue
            c = cost[v] + math.hypot(u[0] - v[0], u[1] - v[1]) + per_push
            if c < cost.get(u, math.inf) and _leg_is_clear(u, v, half, 1, obstacles, margin, box) or \
                    c < cost.get(u, math.inf) and _leg_is_clear(u, v, half, -1, obstacles, margin, box):
                cost[u] = frontier[u] = c
    ways = []
    for via, rest in cost.items():
        if math.hypot(via[0] - at[0], via[1] - at[1]) > 0.02:
            first = [sd for sd in (1, -1) if _leg_is_clear(at, via, half, sd, obstacles, margin, box)]
            if first:
                ways.append((math.hypot(via[0] - at[0], via[1] - at[1]) + rest, via, first[0]))
    return [(via, sd) for _, via, sd in sorted(ways)]


def _next_legs(at, goal, half, obstacles, margin=0.03, sidestep=0.08, box=None):
    """The (end, side) choices for the next push, the best first: straight to the goal, or along one axis
    first when blocked and the rest is clear from there, or out of the way of what blocks both, or along
    one axis anyway, or along the shortest way round through the pushing area.

    When no leg is clear the push goes straight anyway, unless a fingertip would come down on
    a neighbour standing close behind the block: then the block is first pushed ``sidestep``
    away in whichever clear direction leaves it nearest the goal, to make room behind it.
    """
    axes = [via for via in ((at[0], goal[1]), (goal[0], at[1])) if math.hypot(via[0] - at[0], via[1] - at[1]) > 0.02]
    # along one axis first where the rest of the way is clear from there; where it is not, only after a push out
    # of the way (else the next push, planned afresh, would push the object back into the blocked line)
    rest_clear = [via for via in axes if _either_side(via, goal, half, obstacles, margin, box)]
    straight = [(goal[0], goal[1])] if math.hypot(goal[0] - at[0], goal[1] - at[1]) > 0.02 else []
    for via in straight + rest_clear:
        for side in (1, -1):
            if _leg_is_clear(at, via, half, side, obstacles, margin, box):
                yield via, side
    # something stands between (the object it is to end up beside): first a push out of its way, from
    # where the rest of the way (along the other axis, then on to the goal) is clear
    for d in (0.1, -0.1, 0.13, -0.13, 0.16, -0.16, 0.2, -0.2, 0.24, -0.24):
        for via, then in (((at[0] + d, at[1]), (at[0] + d, goal[1])), ((at[0], at[1] + d), (goal[0], at[1] + d))):
            for side in (1, -1):
                if _leg_is_clear(at, via, half, side, obstacles, margin, box) and \
                        _either_side(via, then, half, obstacles, margin, box) and \
                        _either_side(then, goal, half, obstacles, margin, box):
                    yield via, side
    for via in axes:
        if via not in rest_clear:
            for side in (1, -1):
                if _leg_is_clear(at, via, half, side, obstacles, margin, box):
                    yield via, side
    # nothing along the axes: the shortest way round, by the points of the pushing area
    for via, sd in _way_round(at, goal, half, obstacles, margin, box=box)[:2]:
        yield via, sd
    side = 1 if at[1] < 0 else -1
    if not _lands_clear(at, goal, half, side, obstacles, box):
        steps = [(at[0] + sidestep * math.cos(k * math.pi / 4), at[1] + sidestep * math.sin(k * math.pi / 4))
                 for k in range(8)]
        steps.sort(key=lambda p: math.hypot(goal[0] - p[0], goal[1] - p[1]))
        for via in steps:
            for s in (1, -1):
                if _leg_is_clear(at, via, half, s, obstacles, margin, box):
                    yield via, s
    yield goal, side


def push_to(robot, obj, x, y, tolerance=0.025, max_pushes=7, clear=0.12, low=0.02, speed=0.08, margin=0.03,
            backoff=0.02):
    """Slide the object matching ``obj`` until its centre is at (x, y), without lifting it.

    ``low`` is the fingertip's height for an object taller than twice it; ``margin`` is the room a
    fingertip's path keeps from other objects; ``backoff`` is how far the fingertip draws back from the
    object after each push before it rises.
    """
    goal = (x, y)
    for pushed in range(max_pushes):
        robot.home()
        seen = robot.scan()
        target = robot.detect(obj)[0]
        at = target.position
        if math.hypot(goal[0] - at[0], goal[1] - at[1]) < tolerance:
            break
        half = max(target.size[0], target.size[1]) / 2
        height = min(low, max(0.01, target.size[2] / 2))  # a plate is pushed at its rim, not over it
        # a painted zone is no obstacle; a plate is, though the camera sees it only 4-9 mm high (told
        # apart by kind, not height): the pushed object would shove it along
        obstacles = [(o.position[0], o.position[1], max(o.size[0], o.size[1]) / 2)
                     for o in seen if o.name != target.name and o.kind != "zone"]
        error = None
        # a box's fingertip stands behind its side, nearer than its widest half: a leg the arm reaches
        box = (target.size[0] / 2, target.size[1] / 2) if target.kind in ("tray", "block") else None
        for tried, (end, side) in enumerate(_next_legs(at, goal, half, obstacles, margin, box=box)):
            if tried == 4:
                break
            s, e, yaw, _ = _pusher_path(at, end, _behind(half, box, at, end), side)
            # the fingers lie on the same line with the hand turned half a turn more, which the arm may reach
            # where it cannot the first (near its base); neither: the next leg
            for turn in (yaw, yaw - math.copysign(math.pi, yaw)):
                try:
                    robot.move_to(s[0], s[1], clear, yaw=turn)
                    robot.move_to(s[0], s[1], height, yaw=turn, speed=0.15)
                    yaw, error = turn, None
                    break
                except Exception as failed:
                    error = failed
                    robot.home()
            if error is None:
                break
        if error is not None:
            if pushed:  # pushes have brought it where none towards the point starts within reach (a tray
                break   # pushed past its point, near the base): it stays there, and the caller's check judges it
            raise error
        robot.move_to(e[0], e[1], height, yaw=yaw, speed=speed, allow_contact=target.name)
        # back off before rising: a fingertip that rises against a ball's lower half wedges it on by 5 cm
        d = math.hypot(e[0] - s[0], e[1] - s[1])
        bx, by = e[0] - backoff * (e[0] - s[0]) / d, e[1] - backoff * (e[1] - s[1]) / d
        robot.move_to(bx, by, height, yaw=yaw, speed=speed, allow_contact=target.name)
        # the fingertip may still brush the object while rising: that is expected
        try:
            robot.move_to(bx, by, clear, yaw=yaw, allow_contact=target.name)
        except Exception:  # close to the base, the fingers turned, the arm cannot rise straight up: home
            pass           # (the next push, or the end, starts there)
    robot.home()
    return True
