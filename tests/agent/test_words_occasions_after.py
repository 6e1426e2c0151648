"""When the task is wanted, or what it is for, said after it ("... by teatime", "... for the inspection"): set
apart and named in a note, never read as an object; and a hesitation is never mended out of a word."""

from __future__ import annotations

import pytest

from aspire_tui.agent.words import read

from .readings import refusal, tree, want


@pytest.mark.parametrize("text, goal, said", [
    ("put the yellow ball on the white plate by teatime", "on(yellow ball, white plate)", "by teatime"),
    ("stack the red cube on the blue cube before the inspection", "on(red block, blue block)", "before the inspection"),
    ("could you drop the green block into the tray for the exhibition?", "in(green block, tray)", "for the exhibition"),
    ("move the pink ball next to the bowl this afternoon", "next_to(pink ball, bowl)", "this afternoon"),
])
def test_an_occasion_after_the_task_is_set_apart_and_named(text: str, goal: str, said: str) -> None:
    assert tree(text) == want(goal)
    assert any(said in note for note in read(text).notes)


def test_an_occasion_naming_what_the_simulator_lacks_is_still_refused_as_that() -> None:
    assert refusal("put the red block in the bowl for the banana") == "unknown_kind"


def test_words_not_read_where_the_place_goes_leave_no_task() -> None:
    assert refusal("put the red block at the flimflam") == "unreadable"


def test_a_hesitation_is_never_mended_out_of_a_word() -> None:
    assert not [n for n in read("put the red block in the green bowl, my career depends on it").notes
                if "care er" in n]
