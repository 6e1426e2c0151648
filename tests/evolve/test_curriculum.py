"""The curriculum: easier families first, and proposed variants that load as real task files."""

from __future__ import annotations

from aspire_tui.evolve.curriculum import curriculum_tasks, ordered_families


def test_easier_families_come_first_so_their_skills_feed_harder_ones():
    order = ordered_families()
    assert len(order) == 17
    assert order.index("pick_place_bowl") < order.index("stack_two") < order.index("stack_three")
    assert order.index("stack_two") < order.index("sort_by_color") < order.index("arrange_line")
    assert order[:2] == ["navigate_goal", "navigate_to_object"]


def test_all_lists_every_family_then_the_variants(lib):
    items = curriculum_tasks(lib, all_families=True, variants=2)
    assert [scene for _, scene in items[:17]] == ordered_families()
    assert all(scene.endswith(".toml") and "runs/evolve/variants" in scene for _, scene in items[17:])
    assert len(items) == 19 and all(text for text, _ in items)
