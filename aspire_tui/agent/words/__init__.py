"""Read an instruction into a goal tree: words -> tags -> a grammar's phrases -> predicates.

``read("put the red block in the green bowl")`` gives a `Goal` whose
condition is ``in(red block, green bowl)``. Three steps, a module each:

1. `tagging.tag` turns the words into tagged tokens with the one vocabulary
   in `sim.vocabulary` (colours, kinds, relations, places) plus the verbs of
   the `lexicon`; slips are mended first (`mending`) and ways of saying a
   task rewritten as plain words (`rewrites`); filler words drop out, words
   it does not know are kept so an error can name them; a correction ("the
   red, no, the blue block") replaces the words it takes back.
2. `grammar.phrases`: a `lark` grammar over the tags reads the phrases:
   object references ("the red, blue and green blocks", "the block closest
   to the red bowl", "the second block from the right"), amounts ("10 cm",
   "a lot") and orders; `chart` finds the grammar's best reading of each run.
3. `clauses.read` reads each clause (`splitting` splits them at "then",
   full stops, "and" before a verb) as a verb with its objects, relation and
   place, and builds the predicates: sequences become ``then``, constraints
   ``unmoved`` or ``never_lifted``, clauses in the present tense ("the red
   block is in the bowl") start states; `referents` resolves "it" and "the
   blue one", `asides` drops remarks and refuses words not known, `steps`
   tidies the steps read, and `checks` refuses what cannot be done.

Only words are read here: never a scene, never ground truth. Errors are one
line (`InstructionError`, with a `reason` for benchmarks: empty, unreadable,
impossible, unknown_kind, unknown_color, contradiction, ambiguous).
"""

from aspire_tui.agent.words import compiled

compiled.load()  # the patterns compiled by earlier commands, before the modules below compile theirs

from aspire_tui.agent.words.checks import AmbiguousWord  # noqa: E402
from aspire_tui.agent.words.clauses import read  # noqa: E402
from aspire_tui.agent.words.grammar import phrases  # noqa: E402
from aspire_tui.agent.words.lexicon import InstructionError  # noqa: E402
from aspire_tui.agent.words.tagging import tag  # noqa: E402

compiled.remember()  # the patterns the modules above compiled, for the next command

__all__ = ["AmbiguousWord", "InstructionError", "phrases", "read", "tag"]
