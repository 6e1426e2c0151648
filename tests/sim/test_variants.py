"""Task variants: real task files with new words, wider ranges and more clutter, understood as their family."""

from __future__ import annotations

from sim.episode import make_episode
from sim.tasks import get_task
from sim.taskspec import load_task_file
from sim.variants import propose_variant


def test_a_variant_has_new_words_and_wider_perturbations(tmp_path):
    """The variant loads as a task, keeps the success condition, says new things and perturbs more."""
    base = get_task("pick_place_bowl")
    path = propose_variant("pick_place_bowl", tmp_path, 1)
    variant = load_task_file(path)
    assert variant.name == "pick_place_bowl_v1" and variant.success_text == base.success_text
    assert variant.variant_of == "pick_place_bowl" and variant.family == "pick_place_bowl"
    assert set(base.instructions) < set(variant.instructions)
    ranges = {k: v for k, v in base.perturb.items() if k != "camera_jitter"}
    assert ranges
    for key, (lo, hi) in ranges.items():
        new_lo, new_hi = variant.perturb[key]
        assert new_lo < lo and new_hi > hi
    assert variant.perturb["camera_jitter"] > base.perturb["camera_jitter"]
    assert variant.distractors["count"] == base.distractors["count"]
    episode = make_episode(path, 3)
    try:
        assert episode.instruction
    finally:
        episode.close()


def test_a_harder_variant_widens_further_and_adds_clutter(tmp_path):
    base = get_task("stack_two")
    mild = load_task_file(propose_variant("stack_two", tmp_path / "mild", 1))
    hard = load_task_file(propose_variant("stack_two", tmp_path / "hard", 1, widen=1.0, clutter=2))
    lo, hi = base.perturb["friction"]
    assert hard.perturb["friction"][1] - hard.perturb["friction"][0] > mild.perturb["friction"][1] - \
        mild.perturb["friction"][0] > hi - lo
    assert tuple(hard.distractors["count"]) == (base.distractors["count"][0], base.distractors["count"][1] + 2)
    counts = set()
    for seed in range(12):
        episode = make_episode(hard, seed)
        try:
            counts.add(len(episode.scene.bindings.get("distractors", [])))
        finally:
            episode.close()
    assert max(counts) > base.distractors["count"][1]


def test_a_task_file_without_variant_of_is_its_own_family():
    spec = get_task("stack_three")
    assert spec.variant_of == "" and spec.family == "stack_three"
