"""The one vocabulary's word lookups: every colour word and every spelling of a kind finds its name."""

from __future__ import annotations

from sim import vocabulary as vocab


def test_every_word_and_plural_finds_its_simulator_name_as_the_tables_order_it():
    """Regression: the lookups scanned the tables on every call, dozens per instruction read; a dict built
    once must answer the same, the first table entry winning where two could."""
    for name, words in vocab.COLORS.items():
        for w in words:
            assert vocab.color_of(w) == next(n for n, ws in vocab.COLORS.items() if w in ws)
    for name, words in vocab.KINDS.items():
        for w in words:
            first = next(n for n, ws in vocab.KINDS.items() if w in ws or any(w in vocab.plurals(x) for x in ws))
            assert vocab.kind_of(w) == first
            assert vocab.kind_of(vocab.plurals(w)[0]) is not None
    assert vocab.kind_of("boxes") == "tray" and vocab.kind_of("cubes") == "block" and vocab.color_of("grey") == "gray"
    assert vocab.kind_of("banana") is None and vocab.color_of("gold") is None
