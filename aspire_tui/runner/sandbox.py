"""Kernel-level confinement of the untrusted program process.

`lock_down` runs in the freshly forked program process after it has read its
program and skill sources and before any of that code runs. It assumes the
static check was bypassed and the process is fully hostile from then on
(ctypes through numpy, raw syscalls, forged pipe messages). Layers, in the
order applied:

1. File descriptors (`isolate_fds`, called just before): only fd 3 (its
   socket to the simulation worker) and 0/1/2 on /dev/null stay open.
2. ``setsid`` (its own session and process group, so one ``killpg`` ends it
   and anything it started) and ``PR_SET_NO_NEW_PRIVS``.
3. Landlock (any architecture, Linux >= 5.13, unprivileged): a ruleset that
   handles every filesystem right and grants none, so no path can be opened,
   created or removed; with ABI >= 4 TCP bind/connect are denied; with
   ABI >= 6 it may signal only processes in its own domain and reach no
   abstract unix socket.
4. rlimits, soft = hard: ``RLIMIT_NOFILE=4`` (no new descriptor at all
   while 0-3 are open), ``RLIMIT_CPU`` (the wall-clock limit plus two
   seconds), ``RLIMIT_AS`` (2 GiB by default: numpy fits, a memory bomb gets
   MemoryError), ``RLIMIT_NPROC=0`` (no fork, not even a thread),
   ``RLIMIT_FSIZE=0``, ``RLIMIT_CORE=0``, ``RLIMIT_MEMLOCK=0``,
   ``RLIMIT_MSGQUEUE=0``.
5. When started as root: a uid and gid of its own (``1_900_000_000 + pid``,
   no supplementary groups), so it holds no capabilities, RLIMIT_NPROC binds,
   and it may signal no other process.
6. ``PR_SET_PDEATHSIG(SIGKILL)`` (set after the uid change, which clears it:
   it dies with its zygote, which dies with its worker, which dies with the
   caller) and ``PR_SET_DUMPABLE=0`` (no ptrace of it, no /proc/<pid>/mem).
7. seccomp (x86_64): an allowlist filter (read/write on open fds, memory,
   futex, clocks, signal handling, signals to itself only, exit); everything
   else fails with EPERM (clone3 with ENOSYS), so open/openat, socket/connect,
   fork/clone/vfork/execve, ptrace, kill/tgkill of any other pid, prlimit64,
   io_uring, bpf, setsid and the rest are refused. It is installed with
   TSYNC, for all threads (the zygote runs numpy with one BLAS thread).

Fallback: on other architectures seccomp is skipped (``Report.skipped`` says
why and the trace's ``sandbox`` list shows what was active). Landlock then
still denies files, TCP and signals; without Landlock too (old kernels), the
uid drop (root only), RLIMIT_NPROC and RLIMIT_NOFILE remain, and a program
that closes stdin can open one world-readable file (tested in
tests/runner/test_sandbox_unit.py).

What stays possible: computing, reading and writing its own memory, talking
to the worker over fd 3 (which validates everything) and ``stat`` of paths
(metadata only; contents cannot be read).

`probe()` says which layers this machine supports; it never locks anything.
"""

from __future__ import annotations

import ctypes
import os
import platform
import resource
import signal
import struct
from dataclasses import dataclass, field

PR_SET_PDEATHSIG = 1
PR_SET_DUMPABLE = 4
PR_SET_NO_NEW_PRIVS = 38

SYS_SECCOMP_X86_64 = 317
SECCOMP_SET_MODE_FILTER = 1
SECCOMP_FILTER_FLAG_TSYNC = 1

SYS_LANDLOCK_CREATE_RULESET = 444  # the same number on every architecture
SYS_LANDLOCK_RESTRICT_SELF = 446
LANDLOCK_CREATE_RULESET_VERSION = 1

SANDBOX_UID_BASE = 1_900_000_000

# x86_64 syscall numbers that a locked program process may make.
_X86_64_ALLOWED = {
    "read": 0, "write": 1, "close": 3, "fstat": 5, "poll": 7, "lseek": 8, "mmap": 9,
    "mprotect": 10, "munmap": 11, "brk": 12, "rt_sigaction": 13, "rt_sigprocmask": 14,
    "rt_sigreturn": 15, "pread64": 17, "readv": 19, "writev": 20, "select": 23,
    "sched_yield": 24, "mremap": 25, "madvise": 28, "dup": 32, "nanosleep": 35,
    "getpid": 39, "exit": 60, "uname": 63, "fcntl": 72, "gettimeofday": 96,
    "getrlimit": 97, "getrusage": 98, "sysinfo": 99, "times": 100, "getuid": 102,
    "getgid": 104, "geteuid": 107, "getegid": 108, "getppid": 110, "getpgrp": 111,
    "sigaltstack": 131, "gettid": 186, "futex": 202, "sched_getaffinity": 204,
    "restart_syscall": 219, "clock_gettime": 228, "clock_getres": 229,
    "clock_nanosleep": 230, "exit_group": 231, "newfstatat": 262, "pselect6": 270,
    "ppoll": 271, "set_robust_list": 273, "getrandom": 318, "rseq": 334,
}
# Signals only to itself: kill(pid, sig), tkill(tid, sig), tgkill(tgid, tid, sig).
_X86_64_SELF_SIGNAL = {"kill": 62, "tkill": 200, "tgkill": 234}
_X86_64_ENOSYS = {"clone3": 435}
AUDIT_ARCH_X86_64 = 0xC000003E

EPERM, ENOSYS = 1, 38


@dataclass
class Limits:
    """Resource limits for one program process."""

    cpu_seconds: int = 61
    address_space: int = 2 << 30
    uid_base: int = SANDBOX_UID_BASE
    disable: tuple[str, ...] = ()  # tests only: "seccomp", "landlock" to see the fallback hold

    def to_dict(self) -> dict:
        return {"cpu_seconds": self.cpu_seconds, "address_space": self.address_space,
                "uid_base": self.uid_base, "disable": list(self.disable)}

    @classmethod
    def from_dict(cls, data: dict) -> "Limits":
        return cls(int(data.get("cpu_seconds", 61)), int(data.get("address_space", 2 << 30)),
                   int(data.get("uid_base", SANDBOX_UID_BASE)),
                   tuple(str(x) for x in data.get("disable", ())))


@dataclass
class Report:
    """Which layers `lock_down` applied (``active``) and why others were skipped."""

    active: list[str] = field(default_factory=list)
    skipped: dict[str, str] = field(default_factory=dict)


class SandboxError(RuntimeError):
    """A layer that must hold could not be applied; the program must not run."""


def _libc():
    libc = ctypes.CDLL(None, use_errno=True)
    libc.syscall.restype = ctypes.c_long
    libc.prctl.restype = ctypes.c_int
    libc.prctl.argtypes = [ctypes.c_int, ctypes.c_ulong, ctypes.c_ulong, ctypes.c_ulong, ctypes.c_ulong]
    return libc


def prctl(option: int, arg: int = 0) -> None:
    """Call prctl(2); raise OSError on failure."""
    if _libc().prctl(option, arg, 0, 0, 0) != 0:
        err = ctypes.get_errno()
        raise OSError(err, f"prctl({option}): {os.strerror(err)}")


def set_parent_death_signal(sig: int = signal.SIGKILL) -> None:
    """Die with the parent (used by workers and zygotes too)."""
    prctl(PR_SET_PDEATHSIG, int(sig))


# -- Landlock -----------------------------------------------------------------
def landlock_abi() -> int:
    """The Landlock ABI version the kernel offers, 0 when it has none."""
    try:
        libc = _libc()
    except OSError:
        return 0
    r = libc.syscall(SYS_LANDLOCK_CREATE_RULESET, None, ctypes.c_size_t(0),
                     ctypes.c_uint32(LANDLOCK_CREATE_RULESET_VERSION))
    return int(r) if r > 0 else 0


def _landlock(abi: int) -> list[str]:
    fs = (1 << 13) - 1  # ABI 1: execute, read/write files, read dirs, make/remove anything
    if abi >= 2:
        fs |= 1 << 13  # REFER
    if abi >= 3:
        fs |= 1 << 14  # TRUNCATE
    if abi >= 5:
        fs |= 1 << 15  # IOCTL_DEV
    net = 0b11 if abi >= 4 else 0  # BIND_TCP, CONNECT_TCP
    scoped = 0b11 if abi >= 6 else 0  # ABSTRACT_UNIX_SOCKET, SIGNAL
    if abi >= 6:
        attr = struct.pack("=QQQ", fs, net, scoped)
    elif abi >= 4:
        attr = struct.pack("=QQ", fs, net)
    else:
        attr = struct.pack("=Q", fs)
    buf = ctypes.create_string_buffer(attr, len(attr))
    libc = _libc()
    fd = libc.syscall(SYS_LANDLOCK_CREATE_RULESET, buf, ctypes.c_size_t(len(attr)), ctypes.c_uint32(0))
    if fd < 0:
        err = ctypes.get_errno()
        raise OSError(err, f"landlock_create_ruleset: {os.strerror(err)}")
    try:
        if libc.syscall(SYS_LANDLOCK_RESTRICT_SELF, ctypes.c_int(fd), ctypes.c_uint32(0)) != 0:
            err = ctypes.get_errno()
            raise OSError(err, f"landlock_restrict_self: {os.strerror(err)}")
    finally:
        os.close(fd)
    layers = ["landlock-fs"]
    if net:
        layers.append("landlock-net")
    if scoped:
        layers.append("landlock-scope")
    return layers


# -- seccomp ------------------------------------------------------------------
def seccomp_supported() -> bool:
    """True where `seccomp_filter` knows the syscall table (x86_64 Linux)."""
    return platform.system() == "Linux" and platform.machine() in ("x86_64", "AMD64")


def _bpf(code: int, jt: int, jf: int, k: int) -> bytes:
    return struct.pack("=HBBI", code, jt, jf, k & 0xFFFFFFFF)


def seccomp_filter(pid: int) -> bytes:
    """The BPF program (x86_64): allowlist, signals only to ``pid``, EPERM otherwise."""
    LD_W_ABS, JEQ_K, JGE_K, RET_K = 0x20, 0x15, 0x35, 0x06
    ALLOW, KILL = 0x7FFF0000, 0x80000000
    errno = lambda e: 0x00050000 | e  # noqa: E731
    out = [
        _bpf(LD_W_ABS, 0, 0, 4),                         # arch
        _bpf(JEQ_K, 1, 0, AUDIT_ARCH_X86_64),
        _bpf(RET_K, 0, 0, KILL),
        _bpf(LD_W_ABS, 0, 0, 0),                         # syscall number
        _bpf(JGE_K, 0, 1, 0x40000000),                   # x32 ABI: refuse
        _bpf(RET_K, 0, 0, errno(EPERM)),
    ]
    for nr in sorted(_X86_64_ALLOWED.values()):
        out += [_bpf(JEQ_K, 0, 1, nr), _bpf(RET_K, 0, 0, ALLOW)]
    for nr in _X86_64_ENOSYS.values():
        out += [_bpf(JEQ_K, 0, 1, nr), _bpf(RET_K, 0, 0, errno(ENOSYS))]
    for nr in _X86_64_SELF_SIGNAL.values():
        # if nr matches: arg0 (low word) == pid and arg0 (high word) == 0 -> allow
        out += [
            _bpf(JEQ_K, 0, 6, nr),
            _bpf(LD_W_ABS, 0, 0, 16),
            _bpf(JEQ_K, 0, 3, pid),
            _bpf(LD_W_ABS, 0, 0, 20),
            _bpf(JEQ_K, 0, 1, 0),
            _bpf(RET_K, 0, 0, ALLOW),
            _bpf(RET_K, 0, 0, errno(EPERM)),
        ]
    out.append(_bpf(RET_K, 0, 0, errno(EPERM)))
    return b"".join(out)


def _seccomp(pid: int) -> None:
    prog = seccomp_filter(pid)
    n = len(prog) // 8
    filt = ctypes.create_string_buffer(prog, len(prog))

    class SockFprog(ctypes.Structure):
        _fields_ = [("len", ctypes.c_ushort), ("filter", ctypes.c_void_p)]

    fprog = SockFprog(n, ctypes.cast(filt, ctypes.c_void_p))
    libc = _libc()
    r = libc.syscall(SYS_SECCOMP_X86_64, ctypes.c_uint(SECCOMP_SET_MODE_FILTER),
                     ctypes.c_uint(SECCOMP_FILTER_FLAG_TSYNC), ctypes.byref(fprog))
    if r != 0:
        err = ctypes.get_errno()
        raise OSError(err, f"seccomp: {os.strerror(err)}")


# -- the whole lock-down ----------------------------------------------------------
def _rlimits(limits: Limits, nofile: int) -> None:
    def cap(which: int, value: int) -> None:
        soft, hard = resource.getrlimit(which)
        if hard != resource.RLIM_INFINITY:
            value = min(value, hard)
        resource.setrlimit(which, (value, value))

    cap(resource.RLIMIT_CORE, 0)
    cap(resource.RLIMIT_FSIZE, 0)
    cap(resource.RLIMIT_MEMLOCK, 0)
    cap(resource.RLIMIT_MSGQUEUE, 0)
    cap(resource.RLIMIT_NOFILE, nofile)
    cap(resource.RLIMIT_CPU, max(1, int(limits.cpu_seconds)))
    cap(resource.RLIMIT_AS, int(limits.address_space))
    cap(resource.RLIMIT_NPROC, 0)


def open_fds() -> list[int]:
    """The descriptors open in this process."""
    try:
        return sorted(int(n) for n in os.listdir("/proc/self/fd") if n.isdigit())
    except OSError:
        return [fd for fd in range(256) if _is_open(fd)]


def _is_open(fd: int) -> bool:
    try:
        os.fstat(fd)
        return True
    except OSError:
        return False


def isolate_fds(keep: int) -> None:
    """Move ``keep`` to fd 3, put /dev/null on 0-2 and close every other descriptor."""
    if keep != 3:
        os.dup2(keep, 3, inheritable=False)
        os.close(keep)
    null = os.open(os.devnull, os.O_RDWR)
    for fd in (0, 1, 2):
        os.dup2(null, fd)
    if null > 3:
        os.close(null)
    os.closerange(4, 1 << 20)
    left = [fd for fd in open_fds() if fd > 3]
    # listdir itself opened (and closed) a descriptor; anything else is a leak
    for fd in left:
        try:
            os.close(fd)
        except OSError:
            pass


def lock_down(limits: Limits, parent_pid: int) -> Report:
    """Confine this process for good; raise `SandboxError` when a required layer fails.

    Required: setsid, fd isolation (done by the caller with `isolate_fds`),
    rlimits, parent-death signal, no_new_privs, and the uid drop when root.
    Best effort (named in ``Report.skipped``): Landlock and seccomp where the
    kernel or the architecture lacks them.
    """
    report = Report()
    try:
        if os.getsid(0) != os.getpid():
            os.setsid()
        report.active.append("setsid")
        os.chdir("/")
        prctl(PR_SET_NO_NEW_PRIVS, 1)
        report.active.append("no_new_privs")
    except (OSError, ValueError) as e:
        raise SandboxError(f"sandbox setup failed: {e}") from None
    abi = 0 if "landlock" in limits.disable else landlock_abi()  # before RLIMIT_NOFILE: one more fd
    if abi:
        try:
            report.active.extend(_landlock(abi))
        except OSError as e:
            report.skipped["landlock"] = str(e)
    else:
        report.skipped["landlock"] = "kernel has no Landlock"
    try:
        _rlimits(limits, nofile=4)
        report.active.append("rlimits")
        if os.geteuid() == 0:
            uid = limits.uid_base + os.getpid()
            os.setgroups([])
            os.setresgid(uid, uid, uid)
            os.setresuid(uid, uid, uid)
            if 0 in os.getresuid():
                raise SandboxError("could not drop root")
            report.active.append("uid")
        else:
            report.skipped["uid"] = "not root; runs as the invoking user"
        set_parent_death_signal()  # after the uid change, which clears it
        if os.getppid() != parent_pid:
            os._exit(0)  # the zygote is already gone
        report.active.append("pdeathsig")
        prctl(PR_SET_DUMPABLE, 0)
        report.active.append("nodump")
    except SandboxError:
        raise
    except (OSError, ValueError) as e:
        raise SandboxError(f"sandbox setup failed: {e}") from None
    if "seccomp" in limits.disable:
        report.skipped["seccomp"] = "disabled"
    elif seccomp_supported():
        try:
            _seccomp(os.getpid())
            report.active.append("seccomp")
        except OSError as e:
            report.skipped["seccomp"] = str(e)
    else:
        report.skipped["seccomp"] = f"no syscall table for {platform.machine()}"
    return report


def probe() -> dict[str, object]:
    """What this machine offers, without confining anything."""
    return {
        "root": os.geteuid() == 0,
        "landlock_abi": landlock_abi(),
        "seccomp": seccomp_supported() and os.path.exists("/proc/sys/kernel/seccomp"),
        "machine": platform.machine(),
    }
