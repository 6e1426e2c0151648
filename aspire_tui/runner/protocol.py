"""The wire between the untrusted program process and the simulation worker.

One message is a 4-byte big-endian length and that many bytes of UTF-8 JSON
object. Nothing is ever pickled on this wire. The worker reads with a size cap
and a deadline, and `parse_request` checks every field of what the program
sends; anything off is a `ProtocolError` and ends the run.

Program -> worker::

    {"op": "hello", "sandbox": [...], "skipped": {...}}      once, before program code runs
    {"op": "call", "name": "move_to", "args": [..], "kwargs": {..}, "where": "program.py:12", "out": ".."}
    {"op": "done", "out": ".."}
    {"op": "raised", "type": "ValueError", "message": "..", "where": "..", "traceback": "..",
     "robot_error": bool, "out": ".."}

Worker -> program::

    {"op": "start", "program": src, "skills": {name: src}, "calls": [..]}   (before lock-down)
    {"ok": true, "value": <encoded>}  |  {"ok": false, "error": {...}, "raise": "robot|TypeError|ValueError"}

Values are encoded with a ``kind`` tag so the proxy can rebuild them:
``value`` (JSON scalar), ``list``, ``detection``, ``pose``, ``image``
(``shape`` + base64 of the raw uint8 bytes).

This module only imports the standard library (the program process loads it).
"""

from __future__ import annotations

import json
import math
import os
import select
import struct
import time
from typing import Any

HEADER = struct.Struct(">I")
MAX_FROM_PROGRAM = 1 << 20      # one request from the program (args + printed text)
MAX_TO_PROGRAM = 64 << 20       # one reply or the start message
MAX_STR = 2000                  # any string argument
MAX_ITEMS = 1000                # any list argument
MAX_DEPTH = 4
MAX_OUT = 64 << 10              # printed text kept per run


class ProtocolError(Exception):
    """The other side sent something that is not a well-formed message."""


class Closed(ProtocolError):
    """The other side closed the connection."""


class Deadline(Exception):
    """No complete message arrived before the deadline."""


def encode(message: dict[str, Any]) -> bytes:
    body = json.dumps(message, separators=(",", ":"), allow_nan=False).encode()
    return HEADER.pack(len(body)) + body


def _wait(fd: int, events: int, timeout: float) -> bool:
    """True when ``fd`` is ready (or closed) within ``timeout`` seconds."""
    poller = select.poll()
    poller.register(fd, events)
    return bool(poller.poll(max(0, int(timeout * 1000) + 1)))


def send(fd: int, message: dict[str, Any], deadline: float | None = None) -> None:
    """Write one message; with a deadline, raise `Deadline` rather than block past it.

    The worker passes a deadline so that a program which stops reading its
    replies cannot stall it.
    """
    data = memoryview(encode(message))
    while data:
        if deadline is not None:
            left = deadline - time.monotonic()
            if left <= 0 or not _wait(fd, select.POLLOUT, left):
                raise Deadline()
        try:
            n = os.write(fd, data)  # the worker's end is non-blocking: a partial write returns
        except BlockingIOError:
            continue
        data = data[n:]


def _read_exact(fd: int, n: int, deadline: float | None) -> bytes:
    chunks, got = [], 0
    while got < n:
        if deadline is not None:
            left = deadline - time.monotonic()
            if left <= 0:
                raise Deadline()
            if not _wait(fd, select.POLLIN, left):
                raise Deadline()
        try:
            chunk = os.read(fd, min(n - got, 1 << 20))
        except BlockingIOError:
            continue
        except ConnectionResetError:
            chunk = b""
        if not chunk:
            raise Closed("connection closed")
        chunks.append(chunk)
        got += len(chunk)
    return b"".join(chunks)


def recv(fd: int, *, limit: int, deadline: float | None = None) -> dict[str, Any]:
    """Read one message of at most ``limit`` bytes; raise on EOF, garbage or deadline."""
    (size,) = HEADER.unpack(_read_exact(fd, HEADER.size, deadline))
    if size > limit:
        raise ProtocolError(f"message of {size} bytes (limit {limit})")
    body = _read_exact(fd, size, deadline)
    try:
        message = json.loads(body.decode("utf-8"), parse_constant=_no_constant)
    except (UnicodeDecodeError, ValueError, RecursionError) as e:
        raise ProtocolError(f"malformed JSON: {str(e)[:80]}") from None
    if not isinstance(message, dict):
        raise ProtocolError("message is not a JSON object")
    return message


def _no_constant(name: str) -> Any:
    raise ValueError(f"{name} is not a number here")


# -- checking what the program sends -------------------------------------------
def _text(value: Any, what: str, limit: int = MAX_STR) -> str:
    if not isinstance(value, str):
        raise ProtocolError(f"{what} is not a string")
    return value[:limit]


def check_value(value: Any, depth: int = 0) -> Any:
    """Accept only JSON scalars and lists of them, within the size caps."""
    if value is None or isinstance(value, bool):
        return value
    if isinstance(value, int):
        if abs(value) > 1 << 53:
            raise ValueError("integer argument too large")
        return value
    if isinstance(value, float):
        if not math.isfinite(value):
            raise ValueError("numbers must be finite")
        return value
    if isinstance(value, str):
        if len(value) > MAX_STR:
            raise ValueError(f"string argument longer than {MAX_STR} characters")
        return value
    if isinstance(value, list):
        if depth >= MAX_DEPTH:
            raise ValueError("argument nested too deeply")
        if len(value) > MAX_ITEMS:
            raise ValueError(f"list argument longer than {MAX_ITEMS} items")
        return [check_value(v, depth + 1) for v in value]
    raise ValueError(f"arguments must be numbers, strings or lists, not {type(value).__name__}")


def parse_request(message: dict[str, Any], calls: frozenset[str]) -> dict[str, Any]:
    """Validate a message from the program; raise `ProtocolError` for malformed ones.

    A call whose arguments are of the wrong kind is returned with ``bad_args``
    set to the reason, so the program sees an ordinary ValueError.
    """
    op = message.get("op")
    out = message.get("out", "")
    clean: dict[str, Any] = {"op": op, "out": _text(out, "out", MAX_OUT) if out else ""}
    if op == "call":
        name = message.get("name")
        if not isinstance(name, str) or name not in calls:
            raise ProtocolError(f"unknown robot call {str(name)[:40]!r}")
        args, kwargs = message.get("args", []), message.get("kwargs", {})
        if not isinstance(args, list) or not isinstance(kwargs, dict) or len(args) > 16 or len(kwargs) > 16:
            raise ProtocolError("call arguments are not a list and an object")
        clean.update(name=name, where=_text(message.get("where") or "", "where", 200), bad_args=None)
        try:
            clean["args"] = [check_value(a) for a in args]
            clean["kwargs"] = {}
            for key, val in kwargs.items():
                if not key.isidentifier() or key.startswith("_"):
                    raise ValueError(f"bad keyword argument {key[:40]!r}")
                clean["kwargs"][key] = check_value(val)
        except ValueError as e:
            clean.update(args=[], kwargs={}, bad_args=f"robot.{name}: {e}")
        return clean
    if op == "done":
        return clean
    if op == "raised":
        clean.update(
            type=_text(message.get("type", "Exception"), "type", 100),
            message=_text(message.get("message", ""), "message", MAX_STR),
            where=_text(message.get("where") or "", "where", 200),
            traceback=_text(message.get("traceback", ""), "traceback", 8000),
            robot_error=message.get("robot_error") is True,
        )
        return clean
    if op == "hello":
        sandbox = message.get("sandbox", [])
        skipped = message.get("skipped", {})
        if not isinstance(sandbox, list) or not isinstance(skipped, dict):
            raise ProtocolError("bad hello")
        clean.update(sandbox=[_text(s, "layer", 40) for s in sandbox[:20]],
                     skipped={_text(k, "layer", 40): _text(v, "why", 200) for k, v in list(skipped.items())[:20]})
        return clean
    raise ProtocolError(f"unknown message {str(op)[:40]!r}")
