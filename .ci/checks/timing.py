"""Two timing checks of the client, run as a user would: the client against a dead port and a slow mock CLI.

The call is timed inside the fresh process, around services.get_users() alone: Python's own start-up is no part
of the client's timeouts, and on a loaded machine it can take most of a second by itself.
"""

import os
import subprocess
import sys
import time

CALL = [sys.executable, "-c", """
import sys, time
import services
started = time.monotonic()
try:
    services.get_users()
finally:
    print(time.monotonic() - started)
"""]


def timed_call(**env):
    """Run services.get_users() in a fresh process with env added; (seconds the call took, last line of stderr)."""
    done = subprocess.run(CALL, env={**os.environ, **env}, capture_output=True, text=True, timeout=30)
    try:
        seconds = float(done.stdout.split()[-1])
    except (IndexError, ValueError):
        seconds = float("inf")  # the call never got to say how long it took: a failure, shown with its stderr
    return seconds, (done.stderr.strip().splitlines() or ["(no error)"])[-1]


def check(name, seconds, error, wanted, limit):
    """Print the figure; False if the error is not the wanted one or it took too long."""
    ok = error.startswith(f"services.errors.{wanted}:") and seconds < limit
    print(f"{'ok  ' if ok else 'FAIL'} {name}: {seconds:.3f} s (limit {limit} s) -> {error}")
    return ok


def main():
    """Both checks; exit 1 if either fails."""
    seconds, error = timed_call(JSONPLACEHOLDER_URL="http://127.0.0.1:1")
    ok = check("dead port", seconds, error, "ApiUnavailable", 1.0)
    mock = subprocess.Popen([sys.executable, "-m", "mockserver", "--port", "0", "--delay", "5"],
                            stdout=subprocess.PIPE, text=True)
    try:
        url = mock.stdout.readline().split(" on ")[1].split()[0]
        seconds, error = timed_call(JSONPLACEHOLDER_URL=url, JSONPLACEHOLDER_READ_TIMEOUT="0.2")
        ok = check("mock --delay 5, read timeout 0.2", seconds, error, "ApiTimeout", 1.0) and ok
    finally:
        started = time.monotonic()
        mock.terminate()
        mock.wait(timeout=5)
        print(f"     the mock CLI stopped {time.monotonic() - started:.3f} s after SIGTERM, a delayed answer pending")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
