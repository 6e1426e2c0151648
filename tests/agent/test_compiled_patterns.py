"""The reader's patterns kept compiled between commands (`words.compiled`): a second command compiles almost
none of them, reads the same goals, and a broken or foreign cache file only costs the compiling."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
WORDS = ["put the red block in the green bowl", "stack the red block on the blue one",
         "slide the yellow ball a bit to the left without lifting it", "put the blocks in the bowls of their colour"]

# counts the patterns `re` compiles while the reader is imported and reads, and prints the goals read
READ = """
import json, re._compiler as compiler, sys
compiled = []
engine = compiler.compile
compiler.compile = lambda pattern, flags=0: (compiled.append(pattern), engine(pattern, flags))[1]
from aspire_tui.agent.words import read
goals = [str(read(text).condition) for text in json.loads(sys.argv[1])]
print(json.dumps({"compiled": len(compiled), "goals": goals}))
"""


def _read(cache: Path, seed: str) -> dict:
    # each process orders its sets differently (PYTHONHASHSEED): the patterns must still be the same text
    env = {**os.environ, "ASPIRE_CACHE": str(cache), "PYTHONHASHSEED": seed}
    done = subprocess.run([sys.executable, "-c", READ, json.dumps(WORDS)], cwd=ROOT, env=env, capture_output=True,
                          text=True, timeout=120)
    assert done.returncode == 0, done.stderr[-2000:]
    return json.loads(done.stdout)


def test_a_second_command_compiles_almost_none_of_the_readers_patterns(tmp_path):
    first = _read(tmp_path, "1")
    assert first["compiled"] > 200  # nothing kept yet: the reader compiles its rules
    assert list(tmp_path.glob("patterns-*.marshal"))
    second = _read(tmp_path, "2")
    assert second["compiled"] < 20, second["compiled"]  # only a few built from one instruction's own words
    assert second["goals"] == first["goals"]


def test_a_broken_cache_file_is_read_past_and_written_again(tmp_path):
    first = _read(tmp_path, "3")
    (path,) = tmp_path.glob("patterns-*.marshal")
    path.write_bytes(b"\x00not marshal data")
    again = _read(tmp_path, "4")
    assert again["goals"] == first["goals"] and again["compiled"] > 200
    assert _read(tmp_path, "5")["compiled"] < 20  # the file was written again, whole


def test_a_file_of_another_engine_version_is_never_read(tmp_path):
    _read(tmp_path, "6")
    (path,) = tmp_path.glob("patterns-*.marshal")
    path.rename(path.with_name(path.name.replace("-sre", "-sre1")))  # as another Python's engine names it
    assert _read(tmp_path, "7")["compiled"] > 200
