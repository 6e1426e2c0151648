"""What can go wrong with a library, each said in one line (the CLI prints ``str(e)``)."""

from __future__ import annotations

from aspire_tui.skills.skillfile import ParseProblem


class LibraryError(Exception):
    """A problem with the library, said in one line."""


class SkillInvalid(LibraryError):
    """A skill file (or the change it makes) does not pass the checks."""

    def __init__(self, problems: list[ParseProblem]) -> None:
        self.problems = problems
        super().__init__("; ".join(str(p) for p in problems))


class SkillConflict(LibraryError):
    """The change would clobber someone's work (an uncommitted edit, an existing skill)."""


class UnknownSkill(LibraryError):
    """No skill or lesson has this name."""
