"""The reader's regular expressions kept compiled between commands, as Python keeps bytecode.

The reader reads words through several hundred regular expressions. Python compiles each one the first time
a process uses it, in pure Python, and a command that reads one instruction spends about a tenth of a second
doing so: more than half the time before its first robot call. So `load` puts the compiled form of the
patterns an earlier command used into `re`'s own cache, and the process writes the patterns it compiled
itself when it ends (`save`), the way the first command after an install writes `__pycache__`.

The compiled form is the regex engine's code, a list of numbers that `_sre.compile` checks before it uses
it; the file is marshal data (no code runs when it is read) named by the Python version and the engine's
magic number, so another Python never reads it. Anything amiss (no file, a broken one, another engine) only
means patterns compile as usual: the cache changes how fast words are read, never how they are read.
"""

from __future__ import annotations

import atexit
import marshal
import os
import re
import sys
import tempfile
from pathlib import Path

import _sre

# the most patterns the file keeps: the reader's own (about 550) and room for more
KEPT = 900
# fewer new patterns than this are built from one instruction's own words, and seldom come again: not worth
# writing the file for
WORTH_WRITING = 16
# (pattern, flags) -> what `_sre.compile` takes, for every pattern in the file read or written
_entries: dict[tuple[str, int], tuple] = {}
# patterns compiled while the reader was imported, noted by `remember`
_remembered: list[tuple[str, int]] = []


def cache_dir() -> Path:
    """``$ASPIRE_CACHE``, else the user cache directory: what the reader keeps between commands."""
    import platformdirs

    return Path(os.environ.get("ASPIRE_CACHE") or platformdirs.user_cache_dir("aspire", appauthor=False))


def cache_file() -> Path:
    """Where the compiled patterns live: the cache directory, per Python and regex engine."""
    version = "".join(map(str, sys.version_info[:2]))
    return cache_dir() / f"patterns-py{version}-sre{_sre.MAGIC}.marshal"


def write_whole(path: Path, data: bytes) -> None:
    """Write ``data`` to a temporary file beside ``path``, then put it in place: a command ended half-way
    leaves the old file or the new one, never a broken one."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.NamedTemporaryFile(dir=path.parent, prefix=path.name, delete=False) as out:
        try:
            out.write(data)
            out.close()
            os.replace(out.name, path)
        except BaseException:
            Path(out.name).unlink(missing_ok=True)  # a disk full, a kill: no half-written file left behind
            raise


def load() -> int:
    """Put the patterns compiled by earlier commands into `re`'s cache; how many. Registers `save` to run
    when the process ends."""
    atexit.register(save)
    try:
        entries = marshal.loads(cache_file().read_bytes())
        cache = re._cache  # noqa: SLF001 - the cache `re.sub` and `re.compile` look in first
        for pattern, flags, engine in entries:
            if (str, pattern, flags) not in cache:
                cache[str, pattern, flags] = _sre.compile(pattern, *engine)
            _entries[pattern, flags] = engine
    except Exception:  # noqa: BLE001 - no cache yet, or one this Python cannot use: patterns compile as usual
        return 0
    return len(_entries)


def remember() -> None:
    """Note the patterns `re` holds now (the reader's, compiled as its modules were imported), so that `save`
    writes them although the patterns of a read push them out of `re`'s cache before the process ends."""
    _remembered.extend(key for key in _held() if key not in _entries)


def _held() -> list[tuple[str, int]]:
    """The text patterns in `re`'s cache, oldest first (none where a Python keeps no such cache)."""
    return [(key[1], key[2]) for key in list(getattr(re, "_cache", {}))
            if isinstance(key, tuple) and len(key) == 3 and key[0] is str]


def save() -> None:
    """Write the file again when this process compiled at least `WORTH_WRITING` patterns it lacked (a reader
    changed, or a first command): the patterns it held, in the order first used, then the new ones. `re`
    holds 512 patterns and drops the oldest first, so the patterns loaded in that order are dropped only
    once used: the reader compiles more than 512, a third of them at import, where its modules keep them
    (`remember` notes those). Past `KEPT`, those `re` no longer holds go first. Written whole
    (`write_whole`)."""
    held = list(dict.fromkeys(_remembered + _held()))
    new = [key for key in held if key not in _entries]
    if len(new) < (WORTH_WRITING if _entries else 1):
        return
    try:
        for pattern, flags in new:
            _entries[pattern, flags] = _engine_code(pattern, flags)
        keys = list(_entries)
        if len(keys) > KEPT:
            still = set(held)
            dropped = set([key for key in keys if key not in still][:len(keys) - KEPT])
            keys = [key for key in keys if key not in dropped][-KEPT:]
        write_whole(cache_file(), marshal.dumps([(pattern, flags, _entries[pattern, flags]) for pattern, flags in keys]))
    except Exception:  # noqa: BLE001 - a cache not written costs the next command its compiling, nothing else
        return


def _engine_code(pattern: str, flags: int) -> tuple:
    """What `_sre.compile` takes for ``pattern``: its flags, code, group count and group names (as
    `re._compiler.compile` gives them)."""
    from re import _compiler, _parser

    parsed = _parser.parse(pattern, flags)
    groupindex = dict(parsed.state.groupdict)
    indexgroup = [None] * parsed.state.groups
    for name, index in groupindex.items():
        indexgroup[index] = name
    code = [int(op) for op in _compiler._code(parsed, flags)]  # noqa: SLF001 - opcodes are named ints
    return int(flags | parsed.state.flags), code, parsed.state.groups - 1, groupindex, tuple(indexgroup)
