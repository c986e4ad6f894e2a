"""Load on a loopback server: wrk when installed, else a bounded Python generator; throughput, p50, p99, errors."""

import os
import re
import shutil
import socket
import subprocess
import threading
import time

SOCKET_TIMEOUT = 5.0
MAX_REQUESTS_PER_CLIENT = 200_000
_UNITS = {"us": 1e-6, "ms": 1e-3, "s": 1.0, "m": 60.0}
_ALLOWED = os.sched_getaffinity(0) if hasattr(os, "sched_getaffinity") else set()


def cpus_apart(pin=True):
    """(the CPU for the load, the CPU for the server), two of those this process may run on, or None.

    With each on a core of its own the figures hold still from run to run: unpinned, the server's threads and the
    load generator wander between the two cores of the project's machine and one server's CPU time per request
    tripled from one round to the next. taskset(1) pins them; without it, or with fewer than two CPUs, nothing is.
    """
    allowed = sorted(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else []
    if not pin or len(allowed) < 2 or not shutil.which("taskset"):
        return None
    return allowed[0], allowed[1]


def pinned(argv, cpu):
    """The command run on that CPU only (taskset), or as it is when cpu is None."""
    return argv if cpu is None else ["taskset", "-c", str(cpu), *argv]


def generator_name(choice="auto"):
    """Which load generator to use: 'wrk' if asked for or installed (auto), else 'python'."""
    if choice == "auto":
        return "wrk" if shutil.which("wrk") else "python"
    return choice


def run_load(generator, port, path, clients, duration, body_length, cpu=None):
    """{'rps', 'p50', 'p99', 'requests', 'errors'} for `clients` concurrent clients for `duration` seconds (the load on
    that CPU, when given)."""
    if generator == "wrk":
        return _wrk(port, path, clients, duration, cpu)
    if cpu is not None:
        os.sched_setaffinity(0, {cpu})  # the Python generator runs in this process: pin it, then let it go
    try:
        return _python_load(port, path, clients, duration, body_length)
    finally:
        if cpu is not None:
            os.sched_setaffinity(0, _ALLOWED)


def _seconds(text):
    """'458.00us' as seconds."""
    number, unit = re.fullmatch(r"([0-9.]+)([a-z]+)", text).groups()
    return float(number) * _UNITS[unit]


def _wrk(port, path, clients, duration, cpu=None):
    """One wrk run (one thread, keep-alive, latency percentiles); socket errors and non-2xx count as errors."""
    command = pinned(["wrk", "-t1", f"-c{clients}", f"-d{duration:g}s", "--timeout", "5s", "--latency",
               f"http://127.0.0.1:{port}{path}"], cpu)
    out = subprocess.run(command, capture_output=True, text=True, timeout=duration + 30, check=True).stdout
    percent = dict(re.findall(r"^\s+(50|99)%\s+(\S+)\s*$", out, re.MULTILINE))
    requests = int(re.search(r"(\d+) requests in", out).group(1))
    errors = sum(int(n) for n in re.findall(r"(?:connect|read|write|timeout) (\d+)", out))
    errors += int(re.search(r"Non-2xx or 3xx responses: (\d+)", out).group(1)) if "Non-2xx" in out else 0
    rps = float(re.search(r"Requests/sec:\s+([0-9.]+)", out).group(1))
    return {"rps": rps, "p50": _seconds(percent["50"]), "p99": _seconds(percent["99"]),
            "requests": requests, "errors": errors}


def _python_load(port, path, clients, duration, body_length):
    """Threads, each a keep-alive client (reconnecting when the server closes); every answer checked."""
    deadline = time.monotonic() + duration
    results = [([], [0]) for _ in range(clients)]
    threads = [threading.Thread(target=_client, args=(port, path, deadline, body_length, *r), daemon=True)
               for r in results]
    started = time.monotonic()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(duration + SOCKET_TIMEOUT * 2)
    elapsed = time.monotonic() - started
    latencies = sorted(x for r in results for x in r[0])
    errors = sum(r[1][0] for r in results) + sum(t.is_alive() for t in threads)
    pick = (lambda q: latencies[min(len(latencies) - 1, int(q * len(latencies)))]) if latencies else (lambda q: 0.0)
    return {"rps": len(latencies) / elapsed, "p50": pick(0.50), "p99": pick(0.99),
            "requests": len(latencies) + errors, "errors": errors}


def _client(port, path, deadline, body_length, latencies, errors):
    """Send GETs until the deadline; record each good answer's latency, count each bad one."""
    request = f"GET {path} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\n\r\n".encode("ascii")
    sock = None
    for _ in range(MAX_REQUESTS_PER_CLIENT):
        if time.monotonic() >= deadline:
            break
        began = time.perf_counter()  # before connecting: a design that reconnects pays for it
        try:
            if sock is None:
                sock = socket.create_connection(("127.0.0.1", port), timeout=SOCKET_TIMEOUT)
            sock.sendall(request)
            status, length, closing = _read_answer(sock)
            latencies.append(time.perf_counter() - began)
            if status != 200 or length != body_length:
                errors[0] += 1
            if closing:
                sock.close()
                sock = None
        except OSError:
            errors[0] += 1
            if sock is not None:
                sock.close()
            sock = None
    if sock is not None:
        sock.close()


def _read_answer(sock):
    """(status, body length, whether the server closes) of one answer read from the socket."""
    data = b""
    while b"\r\n\r\n" not in data:
        chunk = sock.recv(65536)
        if not chunk:
            raise ConnectionResetError("closed before the headers ended")
        data += chunk
    head, _, body = data.partition(b"\r\n\r\n")
    lines = head.decode("latin-1").split("\r\n")
    status = int(lines[0].split(" ")[1])
    fields = {k.strip().lower(): v.strip() for k, _, v in (line.partition(":") for line in lines[1:])}
    length = int(fields.get("content-length", "0"))
    while len(body) < length:
        chunk = sock.recv(65536)
        if not chunk:
            raise ConnectionResetError("closed inside the body")
        body += chunk
    closing = lines[0].startswith("HTTP/1.0") or fields.get("connection", "").lower() == "close"
    return status, len(body), closing
