"""python -m bench.serve mock|seed|bare: one server in its own process; prints its port, stops when stdin closes."""

import http.server
import socketserver
import sys
import threading

from mockserver import MockServer
from mockserver.node.messages import Request
from mockserver.transport.wire import encode_reply

PATHS = ("/users", "/users/1")


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
