"""python -m bench: the suite's and the mock's speed, as medians of several runs and ratios measured together."""

import argparse
import os
import platform
import sys
import time

from . import median
from .load import cpus_apart, generator_name, run_load
from .serve import PATHS, ServerProcess, mock_bodies
from .suite import Bench, per_scenario_ms, start_stop_ms, suite_figures, workspace

CLIENTS = (1, 16, 64)


def parse_args(argv):
    """The options: runs per figure, seconds per load point, which load generator."""
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__.split(": ", 1)[1])
    parser.add_argument("--runs", type=_positive(int), default=5, help="runs per process figure (default 5)")
    parser.add_argument("--load-runs", type=_positive(int), default=5, help="runs per load point (default 5)")
    parser.add_argument("--duration", type=_positive(float), default=1.0, help="seconds per load run (default 1)")
    parser.add_argument("--load-generator", choices=("auto", "wrk", "python"), default="auto",
                        help="auto: wrk when installed, else the Python generator")
    parser.add_argument("--no-pin", action="store_true", help="leave the servers and the load unpinned")
    parser.add_argument("--skip-load", action="store_true", help="only the suite figures")
    return parser.parse_args(argv)


def _positive(kind):
    """An argparse type: a number of the kind, above 0."""

    def convert(text):
        try:
            value = kind(text)
        except ValueError:
            value = 0
        if not value > 0:
            raise argparse.ArgumentTypeError(f"expected a {'whole ' if kind is int else ''}number above 0, got {text!r}")
        return value

    return convert


def load_figures(args, generator, cpus):
    """{(design, path, clients): median figures}, the mock, the seed design and the bare loop in turn each round; the
    mock / bare ratio taken round by round. Each figure carries the server's CPU time per request."""
    lengths = {path: len(body) for path, body in mock_bodies().items()}
    load_cpu, server_cpu = cpus or (None, None)
    samples = {}
    for _ in range(args.load_runs):
        for design in ("mock", "seed", "bare"):
            with ServerProcess(design, server_cpu) as server:
                for path in PATHS:
                    for clients in CLIENTS:
                        before = server.cpu_seconds()
                        result = run_load(generator, server.port, path, clients, args.duration, lengths[path],
                                          load_cpu)
                        result["cpu"] = (server.cpu_seconds() - before) / max(result["requests"], 1)
                        samples.setdefault((design, path, clients), []).append(result)
    figures = {key: {name: median([r[name] for r in runs]) if name not in ("requests", "errors")
                     else sum(r[name] for r in runs) for name in runs[0]} for key, runs in samples.items()}
    for path in PATHS:
        for clients in CLIENTS:
            pairs = zip(samples[("mock", path, clients)], samples[("bare", path, clients)], strict=True)
            figures[("mock", path, clients)]["of_bare"] = median([m["rps"] / b["rps"] for m, b in pairs])
    return figures


# The everyday run's targets: its wall time against behave's floor for the same features, its peak memory, and the
# cost of one more scenario (medians).
TARGET_OF_BEHAVE = 2.2
TARGET_PEAK_MIB = 50.0
TARGET_MARGINAL_MS = 0.7


def print_suite(args, bench):
    """The whole-process figures against the floors and the twin, start+stop and the cost per scenario."""
    figures, ratios, replayed = suite_figures(bench, args.runs)
    floor = figures["floor"]
    print(f"\n## The suite (median of {args.runs} runs, whole process, each round: import floor, behave's floor, twin, "
          f"suite, battery)\n")
    print("| command | wall time | CPU time | peak memory |\n|---|---|---|---|")
    rows = (("import floor: python -c \"import behave, requests, hamcrest\"", "floor", ""),
            ("behave's floor: the same features, one no-op step for every line, no hooks", "behave", ""),
            ("the no-op twin of the everyday run (bench/twin.py)", "twin",
             f" ({ratios['twin/behave']:.2f} x behave's floor, {ratios['twin/floor']:.1f} x the import floor)"),
            ("behave --tags=-real (the everyday run)", "suite",
             f" (**{ratios['suite/behave']:.2f} x behave's floor**, {ratios['suite/twin']:.2f} x the twin, "
             f"{ratios['suite/floor']:.1f} x the import floor)"),
            ("behave --tags=-real -D robustness=on (with the battery)", "battery",
             f" ({ratios['battery/floor']:.1f} x the import floor)"))
    for label, name, ratio in rows:
        wall, cpu, mem = figures[name]
        extra = f" (+{mem - floor[2]:.1f})" if name != "floor" else ""
        print(f"| {label} | {wall * 1000:.0f} ms{ratio} | {cpu * 1000:.0f} ms | {mem:.1f} MiB{extra} |")
    suite_peak = figures["suite"][2]
    print(f"\nThe everyday run: {ratios['suite/behave']:.2f} x behave's floor (target at most {TARGET_OF_BEHAVE:g} x: "
          f"{_verdict(ratios['suite/behave'] <= TARGET_OF_BEHAVE)}); peak {suite_peak:.1f} MiB (target at most "
          f"{TARGET_PEAK_MIB:g} MiB: {_verdict(suite_peak <= TARGET_PEAK_MIB)}).")
    print(f"The twin sent {replayed.get('sent', 0)} requests again ({replayed.get('failed', 0)} failed, "
          f"{replayed.get('unplanned', 0)} steps had none recorded); ratios are medians of the rounds' ratios.")
    print(f"Mock start+stop: {start_stop_ms(args.runs):.2f} ms (construct, start, stop; mean of 200, median of "
          f"{args.runs}; target < 10 ms)")
    marginal = per_scenario_ms(bench, args.runs)
    replayed = marginal["replayed"]
    print(f"(the twin of the 1,000 scenarios sent {replayed.get('sent', 0)} requests again, "
          f"{replayed.get('failed', 0)} failed)")
    for kind, label in (("suite", "the suite's steps and hooks"), ("twin", "their no-op twin")):
        small, large, per = marginal[kind]
        target = (f" (target at most {TARGET_MARGINAL_MS:g} ms: {_verdict(per <= TARGET_MARGINAL_MS)})"
                  if kind == "suite" else "")
        print(f"Generated feature, {label}: 10 scenarios {small * 1000:.0f} ms, 1,000 scenarios {large * 1000:.0f} ms: "
              f"{per:.2f} ms per extra scenario{target}")


def _verdict(met):
    """A target's verdict in one word."""
    return "met" if met else "not met"


def print_load(args):
    """The mock against the seed design and the bare loop under 1, 16 and 64 keep-alive clients."""
    generator = generator_name(args.load_generator)
    cpus = None if args.no_pin else cpus_apart()
    figures = load_figures(args, generator, cpus)
    where = f"load on CPU {cpus[0]}, server on CPU {cpus[1]}" if cpus else "unpinned"
    print(f"\n## The mock under load ({generator}, {where}; {args.duration:g} s per point, median of "
          f"{args.load_runs}; errors summed over all runs)\n")
    print("| path | clients | mock req/s | mock p50 / p99 | mock CPU / request | seed req/s | seed p50 / p99 "
          "| mock / seed | errors mock / seed | bare loop req/s | bare CPU / request | mock / bare |")
    print("|---|---|---|---|---|---|---|---|---|---|---|---|")
    for path in PATHS:
        for clients in CLIENTS:
            mock, seed, bare = (figures[(design, path, clients)] for design in ("mock", "seed", "bare"))
            print(f"| {path} | {clients} | {mock['rps']:,.0f} | {_ms(mock['p50'])} / {_ms(mock['p99'])} "
                  f"| {mock['cpu'] * 1e6:.1f} us | {seed['rps']:,.0f} | {_ms(seed['p50'])} / {_ms(seed['p99'])} "
                  f"| {mock['rps'] / seed['rps']:.2f} x | {mock['errors']} / {seed['errors']} "
                  f"| {bare['rps']:,.0f} | {bare['cpu'] * 1e6:.1f} us | {mock['of_bare']:.2f} |")
    print("\nbare loop: the mock's own design (the standard library's threaded server, keep-alive, the mock's "
          "bytes) with no HTTP logic at all, the ceiling of that design on this machine. mock / bare: the median of "
          "the rounds' ratios. CPU / request: the server's user and system time over the requests it answered.")


def _ms(seconds):
    """Seconds as milliseconds with two decimals."""
    return f"{seconds * 1000:.2f} ms"


def main(argv=None):
    """Print every figure; a few minutes on a 2-core machine."""
    args = parse_args(sys.argv[1:] if argv is None else argv)
    began = time.monotonic()
    load = os.getloadavg() if hasattr(os, "getloadavg") else None
    print(f"# python -m bench ({platform.python_implementation()} {platform.python_version()}, "
          f"{platform.machine()}, {os.cpu_count()} CPUs, {time.strftime('%Y-%m-%d')}"
          + (f", load average {load[0]:.1f} at the start)" if load else ")"))
    with workspace() as directory:
        print_suite(args, Bench(directory))
    if not args.skip_load:
        print_load(args)
    load = os.getloadavg() if hasattr(os, "getloadavg") else None
    print(f"\nbench took {time.monotonic() - began:.0f} s" + (f"; load average {load[0]:.1f} at the end" if load else ""))


if __name__ == "__main__":
    main()
