"""python -m mockserver: the JSONPlaceholder mock on a local port, for front-end work and exploring."""

import argparse
import errno
import signal
import sys
import threading

from .server import MockServer


def parse_args(argv):
    """The command line, with argparse's clear errors for a wrong option or value."""
    parser = argparse.ArgumentParser(prog="python -m mockserver", description=__doc__.split(": ", 1)[1])
    parser.add_argument("--host", default="127.0.0.1",
                        help="address to listen on (default 127.0.0.1, loopback only; 0.0.0.0 exposes it)")
    parser.add_argument("--port", type=int, default=3000, help="port to listen on (default 3000; 0 picks a free one)")
    parser.add_argument("--read-only", action="store_true",
                        help="refuse POST, PUT, PATCH and DELETE with 405 (the live API has no such mode)")
    args = parser.parse_args(argv)
    if not 0 <= args.port <= 65535:
        parser.error(f"--port must be between 0 and 65535, not {args.port}")
    return args


def main(argv=None):
    """Serve until Ctrl-C or SIGTERM, then stop cleanly; exit 2 with a clear message if the port is taken."""
    args = parse_args(sys.argv[1:] if argv is None else argv)
    try:
        server = MockServer(args.host, args.port, read_only=args.read_only)
    except OSError as exc:
        reason = "is already in use" if exc.errno == errno.EADDRINUSE else f"cannot be used ({exc.strerror})"
        print(f"python -m mockserver: {args.host}:{args.port} {reason}; pick another with --port", file=sys.stderr)
        return 2
    stopping = threading.Event()
    for signum in (signal.SIGINT, signal.SIGTERM):  # explicit, so Ctrl-C works even where SIGINT was ignored
        signal.signal(signum, lambda *_: stopping.set())
    with server:
        mode = " (read-only)" if args.read_only else ""
        print(f"JSONPlaceholder mock{mode} on {server.base_url} - Ctrl-C stops it", flush=True)
        while not stopping.wait(0.5):
            pass
    print("stopped", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
