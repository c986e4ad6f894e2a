"""A fault never blocks: reset() and stop() cut a delayed or trickling answer short, and no thread outlives stop()."""

import socket
import sys
import threading
import time

from mockserver import MockServer

PATIENCE = 0.5  # far below the faults' 5 s: a wait that was not cut short fails the check


def send_request(mock):
    """Open a connection, send GET /users and return the socket (its answer is what the fault holds)."""
    sock = socket.create_connection((mock.host, mock.port), timeout=10)
    sock.sendall(b"GET /users HTTP/1.1\r\nHost: x\r\n\r\n")
    return sock


def mock_threads():
    """The mock's own threads still alive."""
    return [t for t in threading.enumerate() if t.name.startswith("mock-")]


def held_then_freed(mock, cut_short):
    """Seconds until the mock's connection threads are gone after cut_short(), with a request held by a fault."""
    sock = send_request(mock)
    deadline = time.monotonic() + PATIENCE
    while not mock.journal.entries() and time.monotonic() < deadline:
        time.sleep(0.001)  # polling for the request to arrive, with a deadline: not hiding a race
    started = time.monotonic()
    cut_short()
    while [t for t in mock_threads() if t.name == "mock-connection"] and time.monotonic() - started < PATIENCE:
        time.sleep(0.001)
    sock.close()
    return time.monotonic() - started


def accepts_after_a_failing_tick():
    """A mock whose tick (closing stuck connections) raises still accepts and answers, and records the failure."""
    mock = MockServer()
    mock.idle_timeout = 0.04  # a tick every 10 ms
    failing = mock._httpd.close_stuck

    def fail_once(cutoff, calls=[]):  # noqa: B006 - counts its calls
        calls.append(cutoff)
        if len(calls) == 1:
            raise RuntimeError("dictionary changed size during iteration (planted)")
        return failing(cutoff)

    mock._httpd.close_stuck = fail_once
    with mock:
        deadline = time.monotonic() + PATIENCE
        while not mock.errors and time.monotonic() < deadline:
            time.sleep(0.005)  # polling for the failing tick, with a deadline: not hiding a race
        try:
            with socket.create_connection((mock.host, mock.port), timeout=2) as sock:
                sock.sendall(b"GET /users/1 HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
                answer = sock.recv(65536)
        except OSError as error:  # no thread accepts any more: the connection waits in the backlog
            answer = f"nothing ({type(error).__name__})".encode()
        errors = mock.take_errors()
    ok = answer.startswith(b"HTTP/1.1 200") and [e.split("\n")[0] for e in errors] == ["closing stuck connections"]
    print(f"{'ok  ' if ok else 'FAIL'} a failing tick: still answered {answer[:15]!r}, recorded {[e.split(chr(10))[0] for e in errors]}")
    return ok


def main():
    """reset() then stop(), each with a delayed and a trickling answer pending."""
    ok = True
    for fault in ("delay", "trickle"):
        mock = MockServer().start()
        getattr(mock.faults, fault)(seconds=5)
        took = held_then_freed(mock, mock.reset)
        ok &= took < PATIENCE
        print(f"{'ok  ' if took < PATIENCE else 'FAIL'} reset() freed a pending {fault} in {took:.3f} s")
        getattr(mock.faults, fault)(seconds=5)
        took = held_then_freed(mock, mock.stop)
        left = mock_threads()
        ok &= took < PATIENCE and not left
        print(f"{'ok  ' if took < PATIENCE and not left else 'FAIL'} stop() with a pending {fault}: {took:.3f} s, "
              f"threads left: {[t.name for t in left]}")
    ok &= accepts_after_a_failing_tick()
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
