"""One thread of numeric work per aspire process.

numpy's BLAS starts a thread per core that spins after each call. aspire's processes share the cores among
themselves (a command, its workers, their program processes), so each keeps one: the `aspire` command took
40 ms of CPU from its starting workers at numpy's import alone.
"""

THREAD_ENV = {"OPENBLAS_NUM_THREADS": "1", "OMP_NUM_THREADS": "1", "MKL_NUM_THREADS": "1"}
