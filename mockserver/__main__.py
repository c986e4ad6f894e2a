"""python -m mockserver: the JSONPlaceholder mock on a local port, for front-end work and exploring."""

import argparse
import ctypes
import difflib
import errno
import os
import signal
import socket
import sys
import threading

from .controls import journal
from .jsonserver import app
from .node.regexp import jsregex
from .controls.faults import DESCRIPTIONS, KINDS, error_status, seconds
from .server import MockServer


def parse_args(argv):
    """The command line, with argparse's clear errors (exit 2) for a wrong option or value."""
    parser = argparse.ArgumentParser(prog="python -m mockserver", description=__doc__.split(": ", 1)[1],
                                     formatter_class=argparse.RawDescriptionHelpFormatter, epilog=_epilog())
    parser.add_argument("--host", default="127.0.0.1",
                        help="address to listen on (default 127.0.0.1, loopback only; 0.0.0.0 exposes it)")
    parser.add_argument("--port", type=_port_option, default=3000,
                        help="port to listen on (default 3000; 0 picks a free one)")
    parser.add_argument("--read-only", action="store_true",
                        help="refuse POST, PUT, PATCH and DELETE with 405 (the live API has no such mode)")
    parser.add_argument("--quiet", action="store_true",
                        help="no line per request (the banner and errors are still printed)")
    parser.add_argument("--journal-entries", type=_count_option, default=journal.MAX_ENTRIES, metavar="N",
                        help=f"requests kept in memory, the most recent (default {journal.MAX_ENTRIES:,}; 0: none)")
    parser.add_argument("--journal-body-bytes", type=_count_option, default=journal.MAX_BODY_BYTES, metavar="N",
                        help=f"bytes kept of each request's body (default {journal.MAX_BODY_BYTES:,})")
    add_fault_options(parser)
    args, unknown = parser.parse_known_args(argv)
    if unknown:
        parser.error(_unknown_words(parser, unknown))
    if args.retry_after is not None and not args.status:
        parser.error("--retry-after goes with a forced status: add --status 429 (or 503)")
    return args


def _unknown_words(parser, unknown):
    """argparse's "unrecognized arguments", with the option meant for a near miss (--readonly: --read-only)."""
    known = [option for action in parser._actions for option in action.option_strings if option.startswith("--")]
    plain = {option.strip("-").replace("-", "").replace("_", "").lower(): option for option in known}
    for word in unknown:
        name = word.split("=", 1)[0]
        if name.startswith("-"):
            meant = plain.get(name.strip("-").replace("-", "").replace("_", "").lower()) or next(
                iter(difflib.get_close_matches(name, known, n=1, cutoff=0.75)), None)
            if meant:
                return f"unrecognized argument {name}: did you mean {meant}?"
    return f"unrecognized arguments: {' '.join(unknown)}"


def _epilog():
    """What --help says after the options: each fault kind, and what the mock keeps in memory."""
    kinds = "\n".join(f"  {kind.replace('_', '-'):<11} {DESCRIPTIONS.get(kind, '(not described)')}"
                      for kind in KINDS if kind not in ("delay", "status"))
    mib = 1024 * 1024
    return (f"fault kinds (--fault KIND[:PATH]):\n{kinds}\n\n"
            "what it keeps in memory (least recently used out first, so it stays flat however long it runs):\n"
            f"  the journal of requests: the last --journal-entries, the first --journal-body-bytes of each body,\n"
            f"  {journal.MAX_BYTES // mib} MiB in all; rendered answers {app.RENDERED_BYTES // mib} MiB and whole replies "
            f"{app.REPLY_BYTES // mib} MiB, none with a body\n  over {app.MAX_KEPT_REPLY // 1024} KiB; "
            f"compiled _like patterns {jsregex.MAX_KEPT} at most, {jsregex.MAX_KEPT_COST:,} regex pieces in all "
            "(about 15 MB at worst)\n\n"
            "each request is logged as json-server logs it: METHOD ADDRESS STATUS TIME ms - BYTES")


def _port_option(text):
    """A TCP port number from 0 to 65535, for argparse."""
    try:
        port = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"a port must be a whole number, not {text!r}") from None
    if not 0 <= port <= 65535:
        raise argparse.ArgumentTypeError(f"a port must be between 0 and 65535, not {text}")
    return port


def _count_option(text):
    """A whole number from 0 up, for argparse."""
    if not text.isdigit():
        raise argparse.ArgumentTypeError(f"must be a whole number from 0 up, not {text!r}")
    return int(text)


# -- faults: every request they target misbehaves for as long as the mock runs ---------------

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
                       help=f"one of {', '.join(FAULT_KINDS)} (see below), on every path or on PATH only; repeatable")


def plan_faults(server, args):
    """Add the faults the command line asks for to the server's plan, forced statuses first."""
    for status, path in args.status:
        retry_after = None if args.retry_after is None else f"{args.retry_after:g}"
        server.faults.status(status, retry_after=retry_after, path=path)
    for kind, path in args.fault:
        getattr(server.faults, kind)(path=path)  # each kind's method, with its defaults (a trickle's pause...)
    if args.delay:
        server.faults.delay(args.delay)


def describe_fault(fault):
    """One line of the banner for a planned fault: what, where, and what the kind does."""
    what = fault.kind.replace("_", "-")
    if fault.kind == "delay":
        what = f"delay {fault.seconds:g} s"
    elif fault.kind == "status":
        what = f"status {fault.status}" + (f" (Retry-After: {fault.retry_after})" if fault.retry_after else "")
    where = f"on {fault.path}" if fault.path else "on every path"
    return f"  {what} {where}: {DESCRIPTIONS.get(fault.kind, '')}"


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


# -- running -----------------------------------------------------------------------------------------


def cannot_listen(host, port, exc):
    """Why the mock cannot listen on host:port, blaming the host or the port as the error says."""
    if isinstance(exc, socket.gaierror):
        return f"--host {host} is not a host name or address this machine can resolve ({exc.strerror})"
    if exc.errno == errno.EADDRNOTAVAIL:
        return f"--host {host} is not an address of this machine ({exc.strerror}); try 127.0.0.1"
    if exc.errno == errno.EADDRINUSE:
        return f"port {port} on {host} is already in use; pick another with --port (0 picks a free one)"
    if exc.errno == errno.EACCES:
        return f"port {port} needs privileges this user lacks ({exc.strerror}); pick one from 1024 up with --port"
    return f"cannot listen on {host}:{port} ({exc.strerror or exc})"


def request_log(stream):
    """A log function writing one line per request to stream; a stream that breaks (a closed pipe) ends the log."""
    lock, broken = threading.Lock(), []

    def log(line):
        """Write the line at once (the mock serves from many threads), unless the stream has broken."""
        with lock:
            if broken:
                return
            try:
                stream.write(line + "\n")
                stream.flush()
            except (OSError, ValueError):
                broken.append(True)  # keep serving; the requests just go unlogged
    return log


def give_big_blocks_back():
    """With glibc, serve every block of 128 KiB or more from mmap, so that it goes back to the system when freed.

    glibc raises that threshold after the first big block is freed, and from then on serves big blocks from
    its heaps, where freed memory stays with the process: a mock that rendered a few big answers on several
    threads at once would keep that peak for as long as it runs (measured: +65 MB against +29 MB
    after 80 distinct 14 KB `_like` patterns from 4 clients). mallopt(3) with a fixed value stops the raising.
    And one heap (arena) for every thread, as the suite's hooks set it (environment.py): with a heap per thread that
    allocates while another does, each keeps its own free memory, and the peak of 5 MB writes from 4 clients was
    +4 to +9 MB higher. Elsewhere (macOS, musl) this does nothing.
    """
    try:
        mallopt = ctypes.CDLL(None).mallopt
    except (OSError, AttributeError):
        return
    mallopt(-3, 128 * 1024)  # M_MMAP_THRESHOLD
    mallopt(-8, 1)  # M_ARENA_MAX: set before the mock starts a thread


def main(argv=None):
    """Serve until Ctrl-C or SIGTERM, then stop cleanly; exit 2 with a clear message if it cannot listen."""
    args = parse_args(sys.argv[1:] if argv is None else argv)
    give_big_blocks_back()
    try:
        server = MockServer(args.host, args.port, read_only=args.read_only, journal_entries=args.journal_entries,
                            journal_body_bytes=args.journal_body_bytes,
                            log=None if args.quiet else request_log(sys.stdout))
    except OSError as exc:
        print(f"python -m mockserver: {cannot_listen(args.host, args.port, exc)}", file=sys.stderr)
        return 2
    stopping = threading.Event()
    for signum in (signal.SIGINT, signal.SIGTERM):  # explicit, so Ctrl-C works even where SIGINT was ignored
        signal.signal(signum, lambda *_: stopping.set())
    plan_faults(server, args)
    with server:
        faults = server.faults.faults()
        mode = (" (read-only)" if args.read_only else "") + (" with faults" if faults else "")
        say(f"JSONPlaceholder mock{mode} on {server.base_url} - Ctrl-C stops it")
        if faults:
            say("faults, the first that matches a request applies:", *map(describe_fault, faults))
        while not stopping.wait(0.5):
            pass
    say("stopped")
    return 0


def say(*lines):
    """Print lines at once; a standard output whose reader has gone (`| head -1`) is no error, and no traceback: the
    mock serves, and stops, without it."""
    try:
        print(*lines, sep="\n", flush=True)
    except (OSError, ValueError):
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())  # nor at exit, when Python flushes it again


if __name__ == "__main__":
    sys.exit(main())
