"""Out of file descriptors, the mock's accept loop backs off instead of spinning, and serves again once some
are free.

Runs `python -m mockserver` with RLIMIT_NOFILE at 64, holds 100 connections to it, reads the CPU time the mock
spends in one second while it cannot accept (from /proc), then lets the connections go and times how long a
new request takes to be answered.
"""

import os
import resource
import socket
import sys
import time

import cli_mock

DESCRIPTORS = 64
HELD = 100
WINDOW = 1.0  # seconds of CPU time measured while the mock is out of descriptors
CPU_LIMIT = 0.1  # of those: a spinning accept loop burns the whole second
SERVE_LIMIT = 2.0  # seconds for a new request to be answered once the held connections are gone
PATIENCE = 10.0  # seconds for the mock to run out of descriptors (it takes milliseconds)


def start_cli():
    """The CLI mock with 64 descriptors at most, on a free port: (process, port) once its banner is out."""
    def limit():
        resource.setrlimit(resource.RLIMIT_NOFILE, (DESCRIPTORS, DESCRIPTORS))
    return cli_mock.start(preexec_fn=limit)


def cpu_seconds(pid):
    """User plus system CPU time of a process so far, from /proc/PID/stat."""
    with open(f"/proc/{pid}/stat", encoding="ascii") as stat:
        fields = stat.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def open_descriptors(pid):
    """How many file descriptors the process has open."""
    return len(os.listdir(f"/proc/{pid}/fd"))


def main():
    """Exhaust the mock's descriptors, measure its CPU time, free them, time the next answer."""
    mock, port = start_cli()
    held = []
    try:
        held = [socket.create_connection(("127.0.0.1", port), timeout=10) for _ in range(HELD)]
        deadline = time.monotonic() + PATIENCE
        while open_descriptors(mock.pid) < DESCRIPTORS and time.monotonic() < deadline:
            time.sleep(0.01)  # polling /proc for the mock to fill its table, with a deadline
        exhausted = open_descriptors(mock.pid)
        before = cpu_seconds(mock.pid)
        time.sleep(WINDOW)  # the measurement window itself, not a wait for an event
        spent = cpu_seconds(mock.pid) - before
        for sock in held:
            sock.close()
        took = cli_mock.served_in(port)
    finally:
        for sock in held:
            sock.close()
        mock.terminate()
        mock.wait(timeout=10)
    ok_cpu = exhausted >= DESCRIPTORS and spent < CPU_LIMIT * WINDOW
    ok_serve = took is not None and took < SERVE_LIMIT
    print(f"{'ok  ' if ok_cpu else 'FAIL'} out of descriptors ({exhausted} of {DESCRIPTORS} open, {HELD} connections "
          f"held): {spent:.3f} s of CPU in {WINDOW:g} s (limit {CPU_LIMIT * WINDOW:g} s)")
    print(f"{'ok  ' if ok_serve else 'FAIL'} once they were let go, a new request was answered in "
          + (f"{took:.3f} s" if took is not None else "no time: it was not answered") + f" (limit {SERVE_LIMIT:g} s)")
    return 0 if ok_cpu and ok_serve else 1


if __name__ == "__main__":
    sys.exit(main())
