"""The curriculum: easier families first, and proposed variants that load as real task files."""

from __future__ import annotations

from aspire_tui.search.curriculum import curriculum_tasks, ordered_families, propose_variant


def test_easier_families_come_first_so_their_skills_feed_harder_ones():
    order = ordered_families()
    assert len(order) == 17
    assert order.index("pick_place_bowl") < order.index("stack_two") < order.index("stack_three")
    assert order.index("stack_two") < order.index("sort_by_color") < order.index("arrange_line")
    assert order[:2] == ["navigate_goal", "navigate_to_object"]


def test_a_variant_has_new_words_and_wider_perturbations(tmp_path):
    """The variant loads as a task, keeps the success condition, says new things and perturbs more."""
    from sim.episode import make_episode
    from sim.tasks import get_task
    from sim.taskspec import load_task_file

    base = get_task("pick_place_bowl")
    path = propose_variant("pick_place_bowl", tmp_path, 1)
    variant = load_task_file(path)
    assert variant.name == "pick_place_bowl_v1" and variant.success_text == base.success_text
    assert set(base.instructions) < set(variant.instructions)
    for key, (lo, hi) in ((k, v) for k, v in base.perturb.items() if isinstance(v, list)):
        new_lo, new_hi = variant.perturb[key]
        assert new_lo < lo and new_hi > hi
    assert variant.perturb["camera_jitter"] > base.perturb["camera_jitter"]
    episode = make_episode(path, 3)
    try:
        assert episode.instruction
    finally:
        episode.close()


def test_all_lists_every_family_then_the_variants(lib):
    items = curriculum_tasks(lib, all_families=True, variants=2)
    assert [scene for _, scene in items[:17]] == ordered_families()
    assert all(scene.endswith(".toml") and "runs/evolve/variants" in scene for _, scene in items[17:])
    assert len(items) == 19 and all(text for text, _ in items)
