"""python -m bench.serve mock|seed|bare: one server in its own process; prints its port, stops when stdin closes.

ServerProcess runs one (or the mock's own command line, `python -m mockserver --quiet`) for the benchmark."""

import http.server
import os
import socketserver
import subprocess
import sys
import threading

from mockserver import MockServer
from mockserver.node.messages import Request
from mockserver.transport.wire import encode_reply

from .load import pinned

PATHS = ("/users", "/users/1")
# The designs a ServerProcess runs: this module's three, and the mock as a person runs it from its command line.
KINDS = ("mock", "seed", "bare", "cli")
CLI = ("-m", "mockserver", "--quiet", "--port", "0")


def mock_replies():
    """The mock's reply to each benchmarked path."""
    with MockServer() as mock:
        return {path: mock.app.handle(Request("GET", path, {"host": "127.0.0.1"})) for path in PATHS}


def mock_bodies():
    """The bytes the mock answers for each benchmarked path (the seed server serves the same)."""
    return {path: reply.body for path, reply in mock_replies().items()}


class _BareServer(socketserver.ThreadingMixIn, socketserver.TCPServer):
    """The mock's design with nothing of HTTP in it: a thread per connection, a backlog as large as the mock's."""

    daemon_threads = True
    request_queue_size = 511


def bare_server():
    """The ceiling of the mock's design: its threaded server and keep-alive, the mock's bytes, no HTTP logic."""
    answers = {path.encode("ascii"): encode_reply(reply, keep_alive=True) for path, reply in mock_replies().items()}

    class BareHandler(socketserver.StreamRequestHandler):
        """Read a request line and the header lines after it; write the fixed answer for the path."""

        def handle(self):
            """Answer requests on this connection until the client closes it."""
            while line := self.rfile.readline(65537):
                while self.rfile.readline(65537) not in (b"\r\n", b""):
                    pass
                parts = line.split(b" ")
                self.wfile.write(answers.get(parts[1] if len(parts) > 1 else b"", b"HTTP/1.1 404 Not Found\r\n"
                                             b"Content-Length: 0\r\n\r\n"))

    return _BareServer(("127.0.0.1", 0), BareHandler)


def seed_server():
    """The seed tutorial's design: one thread, HTTP/1.0, one connection per request, two writes per answer."""
    bodies = mock_bodies()

    class SeedHandler(http.server.BaseHTTPRequestHandler):
        """The tutorial's handler, serving the mock's bytes; request logging off so only the design is measured."""

        def do_GET(self):
            """Answer a benchmarked path with the mock's bytes, anything else with 404."""
            body = bodies.get(self.path)
            self.send_response(200 if body is not None else 404)
            self.send_header("Content-Type", "application/json; charset=utf-8")
            self.send_header("Content-Length", str(len(body or b"")))
            self.end_headers()
            self.wfile.write(body or b"")

        def log_message(self, *args):
            """Silent."""

    return http.server.HTTPServer(("127.0.0.1", 0), SeedHandler)


class ServerProcess:
    """A benchmarked server in a child process, on that CPU when given: python -m bench.serve KIND (stopped by closing
    its stdin), or for "cli" the mock's command line (stopped as Ctrl-C stops it)."""

    def __init__(self, kind, cpu=None):
        self.kind = kind
        argv = [sys.executable, *CLI] if kind == "cli" else [sys.executable, "-m", "bench.serve", kind]
        self.process = subprocess.Popen(pinned(argv, cpu), stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                        stderr=subprocess.DEVNULL, text=True)
        line = self.process.stdout.readline()  # the port (the banner's address for cli), or nothing if it failed
        port = line.split(" on ")[1].split()[0].rsplit(":", 1)[1] if kind == "cli" and " on " in line else line.strip()
        if not port.isdigit():
            self.process.kill()
            self.process.wait(5)
            raise RuntimeError(f"{' '.join(argv[1:])} did not start (exit {self.process.returncode}); "
                               f"run it by hand to see why")
        self.port = int(port)

    def cpu_seconds(self):
        """The server's CPU time so far (user and system), from /proc (0 where there is none)."""
        try:
            fields = open(f"/proc/{self.process.pid}/stat").read().rsplit(")", 1)[1].split()
        except OSError:
            return 0.0
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")

    def __enter__(self):
        return self

    def __exit__(self, *exc_info):
        if self.kind == "cli":
            self.process.terminate()  # SIGTERM: the command line stops cleanly
        self.process.stdin.close()
        try:
            self.process.wait(10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait(5)
        self.process.stdout.close()


def main(kind):
    """Serve the chosen design on loopback until stdin reaches its end."""
    if kind == "mock":
        server = MockServer().start()
        port, stop = server.port, server.stop
    else:
        server = seed_server() if kind == "seed" else bare_server()
        thread = threading.Thread(target=server.serve_forever, name="seed", daemon=True)
        thread.start()
        port = server.server_address[1]

        def stop():
            """Stop the seed server and join its thread."""
            server.shutdown()
            server.server_close()
            thread.join(5)
    print(port, flush=True)
    sys.stdin.read()
    stop()


if __name__ == "__main__":
    main(sys.argv[1])
