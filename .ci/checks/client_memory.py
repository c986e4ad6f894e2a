"""The client's memory stays bounded whatever comes back: each call runs in a fresh process whose peak RSS is read.

The cases run a core each at once, each with a mock of its own (its peak is its own process's, read with wait4).
"""

import concurrent.futures
import os
import subprocess
import sys
import tempfile
import time

from mockserver import MockServer

PEAK_LIMIT_MB = 200  # past the body limit, a typed error with the process under 200 MB
TIME_LIMIT = 10.0  # seconds; each case takes well under one
ADDRESS_SPACE = 1 << 30  # the child may map at most 1 GiB: a regression fails this check, not the machine
CHILD = f"""
import resource, sys
resource.setrlimit(resource.RLIMIT_AS, ({ADDRESS_SPACE}, {ADDRESS_SPACE}))
import services
try:
    if sys.argv[1] == "/users":
        services.get_users()
    else:
        services.exchange("GET", sys.argv[1]).json()
except services.UsersApiError as error:
    print(f"{{type(error).__name__}}: {{error}}")
else:
    print("ok")
"""


def run_client(url, path, **env):
    """Call the client for path in a fresh process; (peak RSS in MB, seconds, what it printed)."""
    with tempfile.TemporaryFile("w+") as out:
        started = time.monotonic()
        child = subprocess.Popen([sys.executable, "-c", CHILD, path], stdout=out, stderr=subprocess.STDOUT,
                                 env={**os.environ, "JSONPLACEHOLDER_URL": url, **env})
        status, usage = _wait(child, started + 3 * TIME_LIMIT)
        seconds = time.monotonic() - started
        out.seek(0)
        lines = out.read().strip().splitlines() or [f"(nothing; exit status {status})"]
    return usage.ru_maxrss / 1024, seconds, lines[-1]


def _wait(child, deadline):
    """(exit status, rusage) of the child alone (wait4); killed if it is still running at the deadline."""
    while True:
        pid, status, usage = os.wait4(child.pid, os.WNOHANG)
        if pid:
            child.returncode = os.waitstatus_to_exitcode(status)
            return child.returncode, usage
        if time.monotonic() > deadline:
            child.kill()  # the next wait4 reaps it, and the check fails on what it printed
        time.sleep(0.01)  # polling a child with a deadline: there is no wait4 with a timeout


def check(name, path, plan, wanted, **env):
    """Run one case against a mock of its own; (whether it printed the wanted outcome, stayed small and was quick,
    its line of figures)."""
    with MockServer() as mock:
        plan(mock.faults)
        peak, seconds, said = run_client(mock.base_url, path, **env)
    ok = said.startswith(wanted) and peak < PEAK_LIMIT_MB and seconds < TIME_LIMIT
    return ok, f"{'ok  ' if ok else 'FAIL'} {name}: peak {peak:.1f} MB (limit {PEAK_LIMIT_MB}), {seconds:.2f} s -> {said[:150]}"


CASES = [
    ("the users (the baseline)", "/users", lambda faults: None, "ok", {}),
    ("/db, the largest live answer (1.4 MB)", "/db", lambda faults: None, "ok", {}),
    ("an answer that unpacks to 1 GiB", "/users", lambda faults: faults.gzip_bomb(size=1 << 30), "BodyTooLarge", {}),
    ("an answer that never ends", "/users", lambda faults: faults.endless(), "BodyTooLarge", {}),
    ("JSONPLACEHOLDER_MAX_BODY_BYTES=1000 and the users", "/users", lambda faults: None, "BodyTooLarge: ",
     {"JSONPLACEHOLDER_MAX_BODY_BYTES": "1000"}),
    ("JSONPLACEHOLDER_MAX_BODY_BYTES=0 (refused)", "/users", lambda faults: None,
     "ValueError: JSONPLACEHOLDER_MAX_BODY_BYTES must be a whole number from 1 up",
     {"JSONPLACEHOLDER_MAX_BODY_BYTES": "0"}),
]


def main():
    """The cases, a core each at once; their lines in order; exit 1 if any fails."""
    with concurrent.futures.ThreadPoolExecutor(max_workers=os.cpu_count() or 1) as pool:
        done = [pool.submit(check, name, path, plan, wanted, **env) for name, path, plan, wanted, env in CASES]
    results = [future.result() for future in done]
    for _, line in results:
        print(line)
    return 0 if all(ok for ok, _ in results) else 1


if __name__ == "__main__":
    sys.exit(main())
