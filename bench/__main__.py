"""python -m bench: the suite's and the mock's speed, as medians of several runs and ratios measured together."""

import argparse
import platform
import subprocess
import sys
import time

from . import median
from .load import generator_name, run_load
from .serve import PATHS, mock_bodies
from .suite import per_scenario_ms, start_stop_ms, suite_figures

CLIENTS = (1, 16, 64)


def parse_args(argv):
    """The options: runs per figure, seconds per load point, which load generator."""
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__.split(": ", 1)[1])
    parser.add_argument("--runs", type=_positive(int), default=5, help="runs per process figure (default 5)")
    parser.add_argument("--load-runs", type=_positive(int), default=3, help="runs per load point (default 3)")
    parser.add_argument("--duration", type=_positive(float), default=2.0, help="seconds per load run (default 2)")
    parser.add_argument("--load-generator", choices=("auto", "wrk", "python"), default="auto",
                        help="auto: wrk when installed, else the Python generator")
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


class ServerProcess:
    """A benchmarked server in a child process (python -m bench.serve), stopped by closing its stdin."""

    def __init__(self, kind):
        self.process = subprocess.Popen([sys.executable, "-m", "bench.serve", kind], stdin=subprocess.PIPE,
                                        stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
        line = self.process.stdout.readline()  # the port, or nothing if the server could not start
        if not line.strip().isdigit():
            self.process.kill()
            self.process.wait(5)
            raise RuntimeError(f"python -m bench.serve {kind} did not start (exit {self.process.returncode}); "
                               f"run it by hand to see why")
        self.port = int(line)

    def __enter__(self):
        return self

    def __exit__(self, *exc_info):
        self.process.stdin.close()
        try:
            self.process.wait(10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait(5)
        self.process.stdout.close()


def load_figures(args, generator):
    """{(design, path, clients): median figures}, the mock, the seed design and the bare loop alternating run by run."""
    lengths = {path: len(body) for path, body in mock_bodies().items()}
    samples = {}
    for _ in range(args.load_runs):
        for design in ("mock", "seed", "bare"):
            with ServerProcess(design) as server:
                for path in PATHS:
                    for clients in CLIENTS:
                        result = run_load(generator, server.port, path, clients, args.duration, lengths[path])
                        samples.setdefault((design, path, clients), []).append(result)
    return {key: {name: median([r[name] for r in runs]) if name not in ("requests", "errors")
                  else sum(r[name] for r in runs) for name in runs[0]} for key, runs in samples.items()}


def print_suite(args):
    """The whole-process, start+stop and per-scenario figures."""
    figures = suite_figures(args.runs)
    (floor_wall, floor_mem) = figures["floor"]
    print(f"\n## The suite (median of {args.runs} runs, whole process)\n")
    print("| command | wall time | peak memory |\n|---|---|---|")
    print(f"| import floor: python -c \"import behave, requests, hamcrest\" | {floor_wall * 1000:.0f} ms | {floor_mem:.1f} MiB |")
    for label, (wall, mem) in (("behave --tags=-real", figures["suite"]),
                               ("behave --tags=-real -D robustness=on (with the battery)", figures["battery"])):
        print(f"| {label} | {wall * 1000:.0f} ms ({wall / floor_wall:.1f} x the floor) "
              f"| {mem:.1f} MiB (+{mem - floor_mem:.1f}) |")
    print(f"\nMock start+stop: {start_stop_ms(args.runs):.2f} ms (construct, start, stop; mean of 200, median of {args.runs}; target < 10 ms)")
    small, large, marginal = per_scenario_ms(args.runs)
    print(f"Generated feature: 10 scenarios {small * 1000:.0f} ms, 1,000 scenarios {large * 1000:.0f} ms: "
          f"{marginal:.2f} ms per extra scenario (target about 1 ms)")


def print_load(args):
    """The mock against the seed design under 1, 16 and 64 keep-alive clients."""
    generator = generator_name(args.load_generator)
    figures = load_figures(args, generator)
    print(f"\n## The mock under load ({generator}; {args.duration:g} s per point, median of {args.load_runs}; "
          "errors summed over all runs)\n")
    print("| path | clients | mock req/s | mock p50 / p99 | seed req/s | seed p50 / p99 | mock / seed "
          "| errors mock / seed | bare loop req/s | mock / bare |")
    print("|---|---|---|---|---|---|---|---|---|---|")
    for path in PATHS:
        for clients in CLIENTS:
            mock, seed, bare = (figures[(design, path, clients)] for design in ("mock", "seed", "bare"))
            print(f"| {path} | {clients} | {mock['rps']:,.0f} | {_ms(mock['p50'])} / {_ms(mock['p99'])} "
                  f"| {seed['rps']:,.0f} | {_ms(seed['p50'])} / {_ms(seed['p99'])} "
                  f"| {mock['rps'] / seed['rps']:.2f} x | {mock['errors']} / {seed['errors']} "
                  f"| {bare['rps']:,.0f} | {mock['rps'] / bare['rps']:.2f} |")
    print("\nbare loop: the mock's own design (the standard library's threaded server, keep-alive, the mock's "
          "bytes) with no HTTP logic at all, the ceiling of that design on this machine.")


def _ms(seconds):
    """Seconds as milliseconds with two decimals."""
    return f"{seconds * 1000:.2f} ms"


def main(argv=None):
    """Print every figure; a few minutes on a 2-core machine."""
    args = parse_args(sys.argv[1:] if argv is None else argv)
    began = time.monotonic()
    print(f"# python -m bench ({platform.python_implementation()} {platform.python_version()}, "
          f"{platform.machine()}, {time.strftime('%Y-%m-%d')})")
    print_suite(args)
    if not args.skip_load:
        print_load(args)
    print(f"\nbench took {time.monotonic() - began:.0f} s")


if __name__ == "__main__":
    main()
