"""Input history kept in memory and persisted to ``$ASPIRE_HOME/history`` (one entry a line)."""

from __future__ import annotations

from pathlib import Path

MAX_ENTRIES = 1000


class History:
    """Entries oldest first; ``previous``/``next`` walk them like a shell."""

    def __init__(self, path: Path | None) -> None:
        self.path = path
        self.entries: list[str] = []
        self._pos = 0
        if path is not None:
            try:
                self.entries = [line for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
            except OSError:
                self.entries = []
        self.entries = self.entries[-MAX_ENTRIES:]
        self._pos = len(self.entries)

    def add(self, entry: str) -> None:
        entry = entry.replace("\n", " ").strip()
        if not entry:
            return
        if not self.entries or self.entries[-1] != entry:
            self.entries.append(entry)
            del self.entries[:-MAX_ENTRIES]   # a long session keeps what a new one would load, no more
            if self.path is not None:
                try:
                    self.path.parent.mkdir(parents=True, exist_ok=True)
                    with self.path.open("a", encoding="utf-8") as f:
                        f.write(entry + "\n")
                except OSError:
                    pass  # history is a convenience; never stop the app for it
        self._pos = len(self.entries)

    def previous(self) -> str | None:
        if not self.entries or self._pos == 0:
            return None
        self._pos -= 1
        return self.entries[self._pos]

    def next(self) -> str:
        if self._pos < len(self.entries):
            self._pos += 1
        return self.entries[self._pos] if self._pos < len(self.entries) else ""
