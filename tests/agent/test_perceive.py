"""Each part of the goal checked against the camera's detections in the trace. Fast (made-up traces)."""

from __future__ import annotations

from aspire_tui.agent.coder import OfflineCoder
from aspire_tui.agent.goal import Goal as Tree, read_condition
from aspire_tui.agent.instruction import Goal
from aspire_tui.agent.perceive import check_parts, held_at_start, resting_at_start
from aspire_tui.runner.trace import CallRecord, Trace


def det(name, x, y, z=0.02, size=(0.04, 0.04, 0.04)):
    color, kind = name.split("_")[:2]
    return {"name": name, "kind": kind, "color": color, "position": [x, y, z], "size": list(size)}


BOWL = (0.12, 0.12, 0.05)


def trace(*looks, held=None):
    """A run that looked at the table once per ``looks`` (a list of detections each) and returned."""
    records = [CallRecord(index=i, call="scan", args=[], kwargs={}, status="ok", result=look,
                          overlay={"detections": look}, held_object=held if i == len(looks) - 1 else None)
               for i, look in enumerate(looks)]
    return Trace(run_id="r", task="t", seed=0, records=records, outcome="failed",
                 failure_reason="the program returned but the task is not done")


def goal(condition, **ids):
    return Goal(text=condition, slots={}, tree=Tree(condition, read_condition(condition)),
                ids={k.replace("_", " "): v for k, v in ids.items()})


def test_a_block_beside_the_bowl_is_named_with_the_measured_distance():
    start = [det("blue_block", 0.4, 0.2), det("green_bowl", 0.55, 0.0, 0.025, BOWL)]
    end = [det("blue_block", 0.55, 0.11), det("green_bowl", 0.55, 0.0, 0.025, BOWL)]
    (part,) = check_parts(goal("in(blue block, green bowl)"), trace(start, end))
    assert part.held is False
    assert part.detail == "blue block is 0.11 m from the green bowl's centre; inside means within 0.05 m"


def test_the_referent_is_chosen_as_the_scene_was_at_the_start():
    """The block nearest the red bowl at the start went elsewhere; the other one landed in the green bowl."""
    start = [det("red_bowl", 0.45, 0.2, 0.025, BOWL), det("blue_block", 0.52, 0.18), det("yellow_block", 0.5, -0.2),
             det("green_bowl", 0.55, -0.02, 0.025, BOWL)]
    end = [det("red_bowl", 0.45, 0.2, 0.025, BOWL), det("blue_block", 0.52, 0.18), det("yellow_block", 0.55, -0.02),
           det("green_bowl", 0.55, -0.02, 0.025, BOWL)]
    parts = check_parts(goal("all(in(nearest(block, red bowl), green bowl), unmoved(yellow block))"), trace(start, end))
    assert [(p.part, p.held) for p in parts] == [("in(nearest(block, red bowl), green bowl)", False),
                                                 ("unmoved(yellow block)", False)]
    assert parts[0].detail.startswith("blue block is 0.20 m from the green bowl's centre")
    assert parts[1].detail == "yellow block moved 0.19 m; unmoved means under 0.02 m"


def test_a_tower_and_a_shift_are_measured():
    start = [det("red_block", 0.4, 0.0), det("blue_block", 0.5, 0.1), det("green_block", 0.6, -0.1)]
    end = [det("red_block", 0.4, 0.0), det("blue_block", 0.4, 0.0, 0.06), det("green_block", 0.6, -0.1)]
    tower, shift = check_parts(goal("then(stacked(3 blocks), moved(green block, left, 0.2))"), trace(start, end))
    assert tower.held is False and "green block" in tower.detail
    assert shift.held is False and shift.detail == "green block moved 0.00 m left; asked 0.2 m (within 0.06 m)"


def test_a_part_that_holds_and_one_that_is_not_measured():
    look = [det("red_block", 0.5, 0.0, 0.032), det("white_plate", 0.5, 0.0, 0.006, (0.17, 0.17, 0.012))]
    on, beside = check_parts(goal("all(on(red block, white plate), facing(red block, white plate))"),
                             trace(look, look))
    assert on.held is True
    assert beside.held is None and "not measured" in beside.detail


def test_sides_and_beside_are_measured_edge_to_edge_with_numbers_for_the_repair():
    plate = det("white_plate", 0.5, 0.0, 0.006, (0.17, 0.17, 0.012))
    end = [det("red_block", 0.5, 0.125), det("blue_ball", 0.5, -0.25, 0.025, (0.05, 0.05, 0.05)), plate]
    left, far_right, beside = check_parts(goal(
        "all(left_of(red block, white plate), right_of(blue ball, white plate, 0.3), next_to(blue ball, white plate))"),
        trace(end, end))
    assert left.held is True and "edges 0.02 m apart" in left.detail
    assert far_right.held is False and far_right.numbers["along"] == 0.25 and far_right.numbers["least"] == 0.3
    assert beside.held is False and "edges 0.14 m apart; beside means edges within 0.07 m" in beside.detail


def test_a_line_and_its_order_are_measured():
    row = [det("red_block", 0.5, 0.1), det("green_block", 0.5, 0.0), det("blue_block", 0.51, -0.1)]
    (ordered,) = check_parts(goal("in_line([red block, green block, blue block], left_to_right)"), trace(row, row))
    (wrong,) = check_parts(goal("in_line([blue block, green block, red block], left_to_right)"), trace(row, row))
    assert ordered.held is True and wrong.held is False and "broken" in wrong.detail


def test_the_diagnosis_names_the_failed_part_and_its_numbers():
    coder = OfflineCoder()
    coder.goal = goal("in(blue block, green bowl)")
    start = [det("blue_block", 0.4, 0.2), det("green_bowl", 0.55, 0.0, 0.025, BOWL)]
    end = [det("blue_block", 0.55, 0.11), det("green_bowl", 0.55, 0.0, 0.025, BOWL)]
    d = coder.diagnose(trace(start, end), [])
    assert d.error_type == "NotDone" and d.failed_part == "in(blue block, green bowl)"
    assert d.message == ("in(blue block, green bowl) does not hold: blue block is 0.11 m from the green bowl's "
                         "centre; inside means within 0.05 m")
    assert d.evidence["measured"].startswith("blue block is 0.11 m")


def test_without_a_tree_the_diagnosis_is_as_before():
    coder = OfflineCoder()
    coder.goal = Goal(text="x")
    d = coder.diagnose(trace([det("blue_block", 0.4, 0.2)]), [])
    assert d.message == "the program returned but the task is not done" and d.parts == []


def test_what_the_words_did_not_name_is_unknown_not_a_crash():
    """A task file's check may name its distractors; the camera check says it does not measure them."""
    look = [det("red_block", 0.5, 0.0), det("green_bowl", 0.55, 0.0, 0.025, BOWL)]
    tree = Tree("x", read_condition("all(in(red block, green bowl), unmoved(distractors))"))
    (inside, kept) = check_parts(Goal(text="x", slots={}, tree=tree, ids={}), trace(look, look))
    assert kept.held is None and "not an object the words named" in kept.detail


def test_a_referent_measured_from_the_robot_needs_no_robot_in_view():
    start = [det("red_ball", 0.4, 0.0), det("blue_ball", 0.65, 0.1), det("white_tray", 0.5, -0.2, 0.015, BOWL)]
    end = [det("red_ball", 0.4, 0.0), det("blue_ball", 0.5, -0.2, 0.03), det("white_tray", 0.5, -0.2, 0.015, BOWL)]
    (part,) = check_parts(goal("in(farthest(ball, robot), white tray)"), trace(start, end))
    assert part.held is True and part.detail.startswith("blue ball is inside the white tray")


def test_a_stack_the_words_never_mentioned_is_seen_at_the_start():
    """The camera's first look finds what rests on a block the goal names; the end of the run does not count."""
    start = [det("green_block", 0.5, 0.1, 0.02), det("red_block", 0.505, 0.102, 0.06), det("blue_block", 0.4, -0.1)]
    end = [det("green_block", 0.5, 0.1, 0.02), det("red_block", 0.3, 0.2, 0.02), det("blue_block", 0.4, -0.1)]
    assert resting_at_start(goal("in_corner(green block, back_right)"), trace(start, end)) == [("red block",
                                                                                              "green block")]
    assert resting_at_start(goal("in_corner(blue block, back_right)"), trace(start, end)) == []
    beside = [det("green_block", 0.5, 0.1, 0.02), det("red_block", 0.56, 0.1, 0.02)]  # beside it, not on it
    assert resting_at_start(goal("in_corner(green block, back_right)"), trace(beside)) == []


def test_what_held_before_the_run_moved_anything_is_read_from_the_first_look():
    """A tower standing at the start (its bottom block seen narrow: the top hides it) held then; a bowl that
    was empty at the start did not."""
    start = [det("white_block", 0.5, 0.0, 0.02, size=(0.025, 0.03, 0.04)), det("purple_block", 0.505, 0.004, 0.06),
             det("red_block", 0.4, 0.2), det("green_bowl", 0.5, -0.2, 0.025, BOWL)]
    end = [det("white_block", 0.5, 0.0, 0.02), det("purple_block", 0.6, 0.1, 0.02),
           det("red_block", 0.5, -0.2, 0.03), det("green_bowl", 0.5, -0.2, 0.025, BOWL)]
    tower_and_bowl = goal("all(in(red block, green bowl), on(purple block, white block))")
    assert held_at_start(tower_and_bowl, trace(start, end)) == ["on(purple block, white block)"]
    assert [p.held for p in check_parts(tower_and_bowl, trace(start, end))] == [True, False]


def test_the_corner_nearest_an_object_is_measured_from_where_the_object_started():
    start = [det("red_block", 0.5, -0.1), det("white_bowl", 0.6, 0.2, 0.025, BOWL)]
    near = [det("red_block", 0.66, 0.26), det("white_bowl", 0.6, 0.2, 0.025, BOWL)]
    far = [det("red_block", 0.34, 0.26), det("white_bowl", 0.6, 0.2, 0.025, BOWL)]
    tree = goal("at_place(red block, nearest(corner, white bowl))")
    (part,) = check_parts(tree, trace(start, near))
    assert part.held is True and "front left" in part.detail
    (part,) = check_parts(tree, trace(start, far))
    assert part.held is False and part.numbers["off"] > part.numbers["limit"]


def test_a_line_of_members_not_listed_may_stand_in_any_order_but_must_run_the_way_said():
    across = [det("red_block", 0.5, -0.1), det("green_block", 0.5, 0.1), det("blue_block", 0.5, 0.0)]
    along = [det("red_block", 0.4, 0.0), det("green_block", 0.5, 0.0), det("blue_block", 0.6, 0.0)]
    (any_order,) = check_parts(goal("in_line(all blocks, left_to_right)"), trace(across, across))
    (other_way,) = check_parts(goal("in_line(all blocks, left_to_right)"), trace(along, along))
    assert any_order.held is True and other_way.held is False


def test_objects_in_the_corners_are_measured_for_a_repair():
    end = [det("red_ball", 0.66, 0.26), det("blue_ball", 0.66, -0.26), det("green_ball", 0.34, 0.26),
           det("white_ball", 0.37, -0.23)]
    (corners,) = check_parts(goal("in_corners(4 balls)"), trace(end, end))
    assert corners.held is False and "white ball is 0.10 m from the back right corner" in corners.detail
    assert corners.numbers["off"] > corners.numbers["limit"] == 0.08
