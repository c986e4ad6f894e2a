"""The mock's command line speaks: a line per request, --quiet, a banner that lists the
faults, --help that explains each fault kind and what the mock keeps, and clear errors (exit 2) for bad options,
a bad host blamed on the host; piped to a reader that has gone, it serves and stops with no traceback.

The command lines that end by themselves (--help, each bad option) run in a process of their own forked from
this one, which has imported the command line's module once: each runs mockserver.__main__.main() with its
arguments, as `python -m mockserver` does, its output and exit status its own, without starting Python and
importing the mock again (0.2 s of CPU each). One bad option also runs as `python -m mockserver` itself.
"""

import http.client
import os
import re
import selectors
import signal
import subprocess
import sys
import time
import traceback

from mockserver import __main__ as command_line
from mockserver.controls.faults import DESCRIPTIONS, KINDS

CLI = [sys.executable, "-m", "mockserver"]
PATIENCE = 10.0  # seconds for any line of output (they come in milliseconds)
LOG_LINE = re.compile(r"(?P<method>[A-Z]+) (?P<address>\S+) (?P<status>\d{3}|-) (?P<ms>\d+\.\d{3}) ms - "
                      r"(?P<bytes>\d+|-)(?: \((?P<note>.+)\))?")
RESULTS = []


def check(ok, what):
    """Print one result line and remember it."""
    RESULTS.append(ok)
    print(f"{'ok  ' if ok else 'FAIL'} {what}")


class Running:
    """The CLI on a free port, its stdout read line by line with a deadline."""

    def __init__(self, *options):
        self.process = subprocess.Popen([*CLI, "--port", "0", *options], stdout=subprocess.PIPE)
        self._buffer = b""
        self.banner = self.line()
        self.port = int(self.banner.split(" on ")[1].split()[0].rsplit(":", 1)[1])

    def line(self):
        """The next line of output ('' if none comes within PATIENCE seconds or the process ended)."""
        deadline = time.monotonic() + PATIENCE
        with selectors.DefaultSelector() as selector:
            selector.register(self.process.stdout, selectors.EVENT_READ)
            while b"\n" not in self._buffer and selector.select(max(0.0, deadline - time.monotonic())):
                chunk = os.read(self.process.stdout.fileno(), 65536)
                if not chunk:
                    break
                self._buffer += chunk
        line, _, self._buffer = self._buffer.partition(b"\n")
        return line.decode()

    def ask(self, method, address, body=None):
        """Send one request; the status (None if the connection closed without an answer)."""
        conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=PATIENCE)
        try:
            conn.request(method, address, body, {"Content-Type": "application/json"} if body else {})
            return conn.getresponse().status
        except (OSError, http.client.HTTPException):
            return None
        finally:
            conn.close()

    def stop(self):
        """SIGTERM, then everything it printed after the lines already read."""
        self.process.terminate()
        rest, _ = self.process.communicate(timeout=PATIENCE)
        return (self._buffer + rest).decode()


def run(*options):
    """(exit code, output) of `python -m mockserver` run with options that should end it by itself."""
    done = subprocess.run([*CLI, *options], capture_output=True, text=True, timeout=PATIENCE)
    return done.returncode, done.stdout + done.stderr


def forked(*options):
    """(exit code, output) of mockserver.__main__.main(options) in a forked process, as `python -m mockserver`
    would end with them: SystemExit's code as the exit status, an escaping exception's traceback and status 1."""
    sys.stdout.flush()  # what this process printed is not the child's to print again
    sys.stderr.flush()
    reader, writer = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child: its standard output and error go to the pipe; it never returns
        os.close(reader)
        os.dup2(writer, 1)
        os.dup2(writer, 2)
        code = 1
        try:
            code = command_line.main(list(options))
        except SystemExit as end:  # as Python ends with it: a number is the status, anything else is printed
            code = end.code if end.code is None or isinstance(end.code, int) else 1
            if code == 1 and not isinstance(end.code, int):
                print(end.code, file=sys.stderr)
        except BaseException:  # noqa: BLE001  (what Python does with an exception that escapes: print it, status 1)
            traceback.print_exc()
        finally:
            sys.stdout.flush()
            sys.stderr.flush()
            os._exit(code or 0)
    os.close(writer)
    output, deadline = b"", time.monotonic() + PATIENCE
    with selectors.DefaultSelector() as selector:
        selector.register(reader, selectors.EVENT_READ)
        while selector.select(max(0.0, deadline - time.monotonic())):
            chunk = os.read(reader, 65536)
            if not chunk:
                break
            output += chunk
    os.close(reader)
    if time.monotonic() > deadline:
        os.kill(pid, signal.SIGKILL)
    _, status = os.waitpid(pid, 0)
    return os.waitstatus_to_exitcode(status), output.decode()


def request_lines():
    """One line per request, as json-server logs them, with why a request got no answer."""
    mock = Running("--fault", "drop:/users/1", "--status", "503:/posts")
    try:
        fault_lines = [mock.line(), mock.line(), mock.line()]
        check(fault_lines == ["faults, the first that matches a request applies:",
                              f"  status 503 on /posts: {DESCRIPTIONS['status']}",
                              f"  drop on /users/1: {DESCRIPTIONS['drop']}"],
              f"the banner lists the faults: {fault_lines}")
        asked = [("GET", "/users?_limit=2", None, "200"), ("GET", "/users/1", None, "-"),
                 ("GET", "/posts", None, "503"), ("POST", "/users", b'{"name": "Ada"}', "201")]
        for method, address, body, status in asked:
            mock.ask(method, address, body)
            line = mock.line()
            match = LOG_LINE.fullmatch(line)
            ok = bool(match) and (match["method"], match["address"], match["status"]) == (method, address, status)
            if ok and status == "-":
                ok = match["note"] == "no answer: the drop fault"
            check(ok, f"{method} {address} is logged with status {status} and its time: {line!r}")
    finally:
        mock.stop()


def quiet():
    """--quiet: the banner, and no line for a request."""
    mock = Running("--quiet")
    status = mock.ask("GET", "/users/1")
    rest = mock.stop()
    check(status == 200 and rest.strip() == "stopped", f"--quiet logs no request (after the banner: {rest!r})")


def help_text():
    """--help explains every fault kind in the one table, and what the mock keeps in memory."""
    code, text = forked("--help")
    kinds = [kind for kind in KINDS if kind not in ("delay", "status")]
    missing = [kind for kind in kinds if f"{kind.replace('_', '-'):<11} {DESCRIPTIONS.get(kind)}" not in text]
    check(code == 0 and not missing, f"--help explains each fault kind ({len(kinds)}); missing: {missing}")
    check("what it keeps in memory" in text and "--journal-entries" in text, "--help says what the mock keeps")


def bad_options():
    """Each bad option or value: exit 2 and a message that names what is wrong."""
    cases = [
        (["--host", "999.1.1.1", "--port", "0"], "--host 999.1.1.1 is not a host name or address"),
        (["--host", "192.0.2.1", "--port", "0"], "--host 192.0.2.1 is not an address of this machine"),
        (["--port", "abc"], "a port must be a whole number, not 'abc'"),
        (["--port", "70000"], "a port must be between 0 and 65535, not 70000"),
        (["--delay", "-1"], "SECONDS must be between 0 and 3600 seconds"),
        (["--fault", "nope"], "unknown fault 'nope'"),
        (["--fault", "drop:users"], "the PATH after ':' must start with '/'"),
        (["--status", "200"], "a forced status must be an error status from 400 to 599"),
        (["--retry-after", "5"], "--retry-after goes with a forced status"),
        (["--journal-entries", "-1"], "must be a whole number from 0 up, not '-1'"),
        (["--journal-body-bytes", "lots"], "must be a whole number from 0 up, not 'lots'"),
        (["--readonly"], "unrecognized argument --readonly: did you mean --read-only?"),
        (["--journal_entries=5"], "unrecognized argument --journal_entries: did you mean --journal-entries?"),
        (["--colour"], "unrecognized arguments: --colour"),
    ]
    for n, (options, wanted) in enumerate(cases):
        code, text = (run if n == 2 else forked)(*options)  # "--port abc" as `python -m mockserver` itself
        blamed_port = options[0] == "--host" and "--port" in text
        check(code == 2 and wanted in text and not blamed_port,
              f"{' '.join(options)}: exit {code}, {text.strip().splitlines()[-1]!r}")
    mock = Running("--quiet")
    try:
        code, text = forked("--port", str(mock.port))
        check(code == 2 and f"port {mock.port} on 127.0.0.1 is already in use" in text,
              f"a port in use: exit {code}, {text.strip()!r}")
    finally:
        mock.stop()


def reader_gone():
    """Its output piped to a reader that has gone (`| head -1`): served, and stopped by SIGTERM, with no traceback."""
    mock = subprocess.Popen([*CLI, "--port", "0"], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    banner = mock.stdout.readline()
    mock.stdout.close()  # the reader goes, as `head -1` does after its line
    port = int(banner.split(" on ")[1].split()[0].rsplit(":", 1)[1])
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=PATIENCE)
    connection.request("GET", "/users/1")
    status = connection.getresponse().status  # its log line goes to the closed pipe
    connection.close()
    mock.terminate()
    try:
        code = mock.wait(PATIENCE)
    except subprocess.TimeoutExpired:
        mock.kill()
        code = mock.wait()
    errors = mock.stderr.read()
    mock.stderr.close()
    check(status == 200 and code == 0 and not errors.strip(),
          f"its reader gone: GET /users/1 {status}, stopped by SIGTERM with exit {code}, stderr {errors.strip()[-120:]!r}")


def main():
    """Every check; exit 1 if any failed."""
    request_lines()
    quiet()
    help_text()
    bad_options()
    reader_gone()
    return 0 if all(RESULTS) else 1


if __name__ == "__main__":
    sys.exit(main())
