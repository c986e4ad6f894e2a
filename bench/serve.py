"""python -m bench.serve mock|seed: one server in its own process; prints its port, stops when stdin closes."""

import http.server
import sys
import threading

from mockserver import MockServer
from mockserver.engine import Request

PATHS = ("/users", "/users/1")


def mock_bodies():
    """The bytes the mock answers for each benchmarked path (the seed server serves the same)."""
    with MockServer() as mock:
        return {path: mock.engine.handle(Request("GET", path, {"host": "127.0.0.1"})).body for path in PATHS}


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
        server = seed_server()
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
