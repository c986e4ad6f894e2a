"""python -m bench.ratio: the mock's throughput as a share of the bare loop's, one path under one load, pinned and not.

A focused figure, a few seconds a round: in each round every design answers the same wrk load in turn, each in a
process of its own started afresh, pinned (the load on one CPU, the server on the other) and unpinned; each design's
ratio to the bare loop is taken within the round, and the medians of the rounds are printed. The order of the
designs is reversed every other round, so a machine that slows down part-way weighs on both sides alike.

Beside the ratio of requests per second it prints the ratio of CPU time per request (the bare loop's over the
design's), read from /proc: on a machine busy with other work the throughput of a pinned server swings by a factor
of three from run to run, its CPU time per request far less. So does each design's best second of the rounds: other work only ever slows a server down, and the
best second is the one it was left alone the longest.
"""

import argparse
import http.client
import os
import sys

from . import median
from .load import cpus_apart, generator_name, run_load
from .serve import KINDS, PATHS, ServerProcess, mock_bodies

PIN_MODES = {"both": (True, False), "yes": (True,), "no": (False,)}


def parse_args(argv):
    """The path, the clients, the rounds, the designs and the pinning."""
    parser = argparse.ArgumentParser(prog="python -m bench.ratio", description=__doc__.split("\n")[0].split(": ", 1)[1])
    parser.add_argument("--path", default="/users", choices=PATHS, help="default /users")
    parser.add_argument("--clients", type=int, default=16, help="keep-alive connections (default 16)")
    parser.add_argument("--duration", type=float, default=1.0, help="seconds per load run (default 1)")
    parser.add_argument("--rounds", type=int, default=5, help="rounds; the figures are their medians (default 5)")
    parser.add_argument("--designs", default="cli,mock",
                        help=f"comma-separated, each against the bare loop: {', '.join(k for k in KINDS if k != 'bare')}"
                             " (default cli,mock: the command line and the library's mock)")
    parser.add_argument("--pin", choices=sorted(PIN_MODES), default="both", help="pinned, unpinned or both (default)")
    parser.add_argument("--load-generator", choices=("auto", "wrk", "python"), default="auto")
    args = parser.parse_args(argv)
    args.designs = [d for d in args.designs.split(",") if d]
    unknown = [d for d in args.designs if d not in KINDS or d == "bare"]
    if unknown or not args.designs:
        parser.error(f"--designs takes some of {', '.join(k for k in KINDS if k != 'bare')}, not {args.designs}")
    if args.clients < 1 or args.duration <= 0 or args.rounds < 1:
        parser.error("--clients, --duration and --rounds must be above 0")
    return args


def one_run(kind, cpus, args, generator, length):
    """{'rps', 'cpu' (server seconds per request), ...} of one fresh server of that design under one load run."""
    load_cpu, server_cpu = cpus or (None, None)
    with ServerProcess(kind, server_cpu) as server:
        connection = http.client.HTTPConnection("127.0.0.1", server.port, timeout=10)
        connection.request("GET", args.path)  # the first answer is rendered: not part of the load
        connection.getresponse().read()
        connection.close()
        before = server.cpu_seconds()
        result = run_load(generator, server.port, args.path, args.clients, args.duration, length, load_cpu)
        result["cpu"] = (server.cpu_seconds() - before) / max(result["requests"], 1)
    return result


def measure(args):
    """{(pinned?, design): [round results]}, with each round's ratio to the bare loop under 'of_bare'."""
    generator = generator_name(args.load_generator)
    length = len(mock_bodies()[args.path])
    samples = {}
    for round_ in range(args.rounds):
        for pin in PIN_MODES[args.pin]:
            cpus = cpus_apart(pin)
            if pin and cpus is None:
                sys.exit("python -m bench.ratio: cannot pin (needs taskset and two CPUs): use --pin no")
            designs = ["bare", *args.designs]
            results = {kind: one_run(kind, cpus, args, generator, length)
                       for kind in (designs if round_ % 2 == 0 else designs[::-1])}
            for kind, result in results.items():
                result["of_bare"] = result["rps"] / results["bare"]["rps"]
                result["cpu_of_bare"] = results["bare"]["cpu"] / result["cpu"] if result["cpu"] else 0.0
                samples.setdefault((pin, kind), []).append(result)
    return samples


def report(args, samples):
    """One table: each design's median req/s, CPU per request and ratio to the bare loop, pinned and unpinned."""
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    print(f"GET {args.path}, {args.clients} keep-alive clients, {args.duration:g} s a run, median of {args.rounds} "
          f"rounds (load average {load:.1f} at the end)\n")
    print("| pinned | design | req/s | CPU / request | errors | of the bare loop's req/s | each round "
          "| best of the rounds, of the bare loop's best | of its CPU / request |")
    print("|---|---|---|---|---|---|---|---|---|")
    for pin in PIN_MODES[args.pin]:
        best_bare = max(r["rps"] for r in samples[(pin, "bare")])
        for kind in ("bare", *args.designs):
            runs = samples[(pin, kind)]
            ratios = [r["of_bare"] for r in runs]
            print(f"| {'yes' if pin else 'no'} | {kind} | {median([r['rps'] for r in runs]):,.0f} "
                  f"| {median([r['cpu'] for r in runs]) * 1e6:.1f} us | {sum(r['errors'] for r in runs)} "
                  f"| **{median(ratios):.2f}** | {' '.join(f'{x:.2f}' for x in ratios)} "
                  f"| {max(r['rps'] for r in runs) / best_bare:.2f} | {median([r['cpu_of_bare'] for r in runs]):.2f} |")


def main(argv=None):
    """Measure and print."""
    args = parse_args(sys.argv[1:] if argv is None else argv)
    report(args, measure(args))


if __name__ == "__main__":
    main()
