"""An object said to be on something and then "taken off" comes off that thing; lifted out onto the table, it
leaves what it was in, as "put it on the table" says; one object "swapped" onto another place is moved there."""

from __future__ import annotations

from .readings import start_states, tree, want


def test_taking_it_off_takes_it_off_what_it_was_said_to_be_on() -> None:
    text = "the gray ball is resting on the plate, please take it off"
    assert tree(text) == want("not(on(gray ball, plate))")
    assert start_states(text) == [want("on(gray ball, plate)")]


def test_taking_it_off_and_leaving_it_is_still_off() -> None:
    assert tree("the cyan block sits on the white block, take it off and leave it on the table") == \
        want("not(on(cyan block, white block))")


def test_lifting_it_out_onto_the_table_takes_it_out() -> None:
    text = "the black cube is in the bowl, lift it onto the table"
    assert tree(text) == want("not(in(black block, bowl))")
    assert start_states(text) == [want("in(black block, bowl)")]


def test_a_start_said_as_stacked_is_not_said_twice() -> None:
    text = "the pink cube is stacked on the brown cube, take it off and put it left of the brown cube"
    assert len(start_states(text)) == 1


def test_one_object_swapped_onto_a_place_is_moved_there() -> None:
    text = "the cyan ball is in the red bowl, switch it into the blue bowl"
    assert tree(text) == want("in(cyan ball, blue bowl)")
    assert start_states(text) == [want("in(cyan ball, red bowl)")]
