"""python -m mockserver: the JSONPlaceholder mock on a local port, for front-end work and exploring."""

import argparse
import errno
import signal
import sys
import threading

from .faults import KINDS, error_status, seconds
from .server import MockServer


def parse_args(argv):
    """The command line, with argparse's clear errors for a wrong option or value."""
    parser = argparse.ArgumentParser(prog="python -m mockserver", description=__doc__.split(": ", 1)[1])
    parser.add_argument("--host", default="127.0.0.1",
                        help="address to listen on (default 127.0.0.1, loopback only; 0.0.0.0 exposes it)")
    parser.add_argument("--port", type=int, default=3000, help="port to listen on (default 3000; 0 picks a free one)")
    parser.add_argument("--read-only", action="store_true",
                        help="refuse POST, PUT, PATCH and DELETE with 405 (the live API has no such mode)")
    add_fault_options(parser)
    args = parser.parse_args(argv)
    if not 0 <= args.port <= 65535:
        parser.error(f"--port must be between 0 and 65535, not {args.port}")
    if args.retry_after is not None and not args.status:
        parser.error("--retry-after goes with a forced status: add --status 429 (or 503)")
    return args


# -- faults (issue 4): every request they target misbehaves for as long as the mock runs ---------------

FAULT_KINDS = [kind.replace("_", "-") for kind in KINDS if kind not in ("delay", "status")]


def add_fault_options(parser):
    """--delay, --status, --retry-after and --fault: faults for front-end work on error handling."""
    group = parser.add_argument_group("faults", "make the mock misbehave (PATH is a pattern such as /users/*)")
    group.add_argument("--delay", type=_seconds_option, metavar="SECONDS",
                       help="wait this long before every answer (0 to 3600)")
    group.add_argument("--status", type=_status_option, action="append", default=[], metavar="CODE[:PATH]",
                       help="answer with this error status (400-599), on every path or on PATH only; repeatable")
    group.add_argument("--retry-after", type=_seconds_option, metavar="SECONDS",
                       help="send Retry-After: SECONDS with every forced status (e.g. with --status 429)")
    group.add_argument("--fault", type=_fault_option, action="append", default=[], metavar="KIND[:PATH]",
                       help=f"one of {', '.join(FAULT_KINDS)}, on every path or on PATH only; repeatable")


def plan_faults(server, args):
    """Add the faults the command line asks for to the server's plan, forced statuses first."""
    for status, path in args.status:
        retry_after = None if args.retry_after is None else f"{args.retry_after:g}"
        server.faults.status(status, retry_after=retry_after, path=path)
    for kind, path in args.fault:
        getattr(server.faults, kind)(path=path)  # each kind's method, with its defaults (a trickle's pause...)
    if args.delay:
        server.faults.delay(args.delay)


def _seconds_option(text):
    """A number of seconds from 0 to an hour, for argparse."""
    try:
        return seconds(text, "SECONDS")
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def _split_path(text):
    """VALUE[:PATH] -> (VALUE, PATH or None), with a clear error for a PATH without a leading slash."""
    value, colon, path = text.partition(":")
    if colon and not path.startswith("/"):
        raise argparse.ArgumentTypeError(f"the PATH after ':' must start with '/', not {path!r}")
    return value, path or None


def _status_option(text):
    """CODE[:PATH] -> (status, path or None), for argparse."""
    code, path = _split_path(text)
    try:
        return error_status(code), path
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def _fault_option(text):
    """KIND[:PATH] -> (kind, path or None), for argparse."""
    kind, path = _split_path(text)
    if kind not in FAULT_KINDS:
        raise argparse.ArgumentTypeError(f"unknown fault {kind!r}: one of {', '.join(FAULT_KINDS)}")
    return kind.replace("-", "_"), path


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
    plan_faults(server, args)
    with server:
        mode = " (read-only)" if args.read_only else ""
        mode += " with faults" if server.faults.faults() else ""
        print(f"JSONPlaceholder mock{mode} on {server.base_url} - Ctrl-C stops it", flush=True)
        while not stopping.wait(0.5):
            pass
    print("stopped", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
