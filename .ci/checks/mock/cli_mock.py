"""The mock's command line as the checks of this folder start it, and the one request they time."""

import http.client
import subprocess
import sys
import time


def start(**popen):
    """`python -m mockserver --port 0 --quiet` (Popen options as given): (process, port) once its banner is out."""
    mock = subprocess.Popen([sys.executable, "-m", "mockserver", "--port", "0", "--quiet"], stdout=subprocess.PIPE,
                            text=True, **popen)
    return mock, int(mock.stdout.readline().split(" on ")[1].split()[0].rsplit(":", 1)[1])


def served_in(port):
    """Seconds until GET /users/1 on a new connection is answered 200 (None if it is not, within 10 s)."""
    started = time.monotonic()
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    try:
        conn.request("GET", "/users/1")
        ok = conn.getresponse().status == 200
    except OSError:
        ok = False
    finally:
        conn.close()
    return time.monotonic() - started if ok else None
