"""Out of threads, the mock closes each connection it cannot serve with one line on stderr, serves again once
threads can start, and SIGTERM still stops it with exit status 0.

Runs `python -m mockserver --quiet`, then lowers its address-space limit (prlimit RLIMIT_AS) to what it uses
plus 4 MiB: a new thread's stack (8 MiB) no longer fits, so no connection can get a thread. Sends a request on
each of 5 connections, which must be closed unanswered; raises the limit again and times the next answer; then
sends SIGTERM. Before, each refused connection printed an 11-line traceback and stop() failed with
"RuntimeError: cannot join thread before it is started" (exit status 1).
"""

import resource
import signal
import socket
import subprocess
import sys

import cli_mock

MARGIN = 4 * 1024 * 1024  # bytes of address space left to the mock: less than one thread's stack
REFUSED = 5  # connections sent while no thread can start
PATIENCE = 5.0  # seconds for a refused connection to be closed, or for the mock to stop
SERVE_LIMIT = 2.0  # seconds for a new request to be answered once threads can start again
LINE = "no thread to serve it"


def start_cli():
    """The CLI mock on a free port, its log lines kept: (process, port) once its banner is out."""
    return cli_mock.start(stderr=subprocess.PIPE)


def address_space(pid):
    """The process's virtual memory size in bytes (VmSize in /proc/PID/status)."""
    with open(f"/proc/{pid}/status", encoding="ascii") as status:
        line = next(line for line in status if line.startswith("VmSize:"))
    return int(line.split()[1]) * 1024


def closed_unanswered(port):
    """Whether a GET on a new connection is closed (EOF or reset) with no byte of answer, within PATIENCE."""
    with socket.create_connection(("127.0.0.1", port), timeout=PATIENCE) as sock:
        sock.sendall(b"GET /users/1 HTTP/1.1\r\nHost: mock\r\n\r\n")
        try:
            return sock.recv(1024) == b""
        except ConnectionResetError:
            return True
        except OSError:  # a timeout: the connection is held, unanswered and open
            return False


def main():
    """Starve the mock of threads, send requests, let it have threads again, stop it; judge each step."""
    mock, port = start_cli()
    try:
        _, hard = resource.prlimit(mock.pid, resource.RLIMIT_AS)
        resource.prlimit(mock.pid, resource.RLIMIT_AS, (address_space(mock.pid) + MARGIN, hard))
        refused = sum(closed_unanswered(port) for _ in range(REFUSED))
        resource.prlimit(mock.pid, resource.RLIMIT_AS, (hard, hard))
        took = cli_mock.served_in(port)
        mock.send_signal(signal.SIGTERM)
        status = mock.wait(PATIENCE)
    except subprocess.TimeoutExpired:
        status = "none: still running"
    finally:
        mock.kill()
        errors = mock.stderr.read()
        mock.wait()
    lines = errors.splitlines()
    noted = sum(LINE in line for line in lines)
    checks = (
        (refused == REFUSED, f"out of threads, {refused} of {REFUSED} connections closed unanswered"),
        (noted == REFUSED and len(lines) == REFUSED,
         f"one line on stderr for each ({noted} saying '{LINE}', {len(lines)} lines in all)"),
        (took is not None and took < SERVE_LIMIT, "threads available again, a new request was answered in "
         + (f"{took:.3f} s" if took is not None else "no time: it was not answered") + f" (limit {SERVE_LIMIT:g} s)"),
        (status == 0, f"SIGTERM stopped it with exit status {status}"),
    )
    for ok, words in checks:
        print(f"{'ok  ' if ok else 'FAIL'} {words}")
    if not all(ok for ok, _ in checks):
        print("its stderr:\n" + errors[-3000:])
    return 0 if all(ok for ok, _ in checks) else 1


if __name__ == "__main__":
    sys.exit(main())
