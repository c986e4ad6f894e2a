"""Whole-process figures for the suite, each against its yardsticks in the same rounds: the import floor, behave's
floor for the same features, the no-op twin (bench/twin.py), start+stop, and the cost per scenario (the suite's and its
twin's)."""

import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from mockserver import MockServer

from . import median
from .twin import build

ROOT = Path(__file__).resolve().parent.parent
FLOOR = [sys.executable, "-c", "import behave, requests, hamcrest"]
EVERYDAY = ["--tags=-real"]
SUITE = [sys.executable, "-m", "behave", *EVERYDAY]
WITH_BATTERY = SUITE + ["-D", "robustness=on"]  # and the robustness battery, whose waits for timeouts are on purpose
# behave's own floor for the same features: every scenario of features/ run with one step definition that matches any
# line and does nothing; no hooks, no HTTP; output captured and printed as the everyday run's (behave.ini's [behave]).
NOOP_STEPS = '''"""One step definition for every line: behave's own cost of running the features, and nothing else."""

from behave import step, use_step_matcher

use_step_matcher("re")


@step(".*")
def any_line(context):
    """Do nothing."""
'''
FLOOR_CONFIG = """[behave]
paths = features
default_format = progress
show_skipped = false
summary = true
"""
SCENARIO = """
  Scenario: looking up user {n}
    When I look up user 3
    Then I get the user "Clementine Bauch" with username "Samantha"
"""


class Bench:
    """Where the benchmarked processes run: a temporary folder for the twins, the generated features and the
    bytecode cache, and the environment every child gets."""

    def __init__(self, directory):
        self.directory = Path(directory)
        # Python caches compiled modules, as on any developer's machine; here in a folder of the bench's own, so
        # nothing is written into the project (and PYTHONDONTWRITEBYTECODE, if set, would measure compiling).
        self.env = {**os.environ, "PYTHONPYCACHEPREFIX": str(self.directory / "pycache"),
                    "PYTHONPATH": os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")]))}
        self.env.pop("PYTHONDONTWRITEBYTECODE", None)

    def run(self, argv, cwd=ROOT, timeout=300):
        """(wall seconds, CPU seconds, peak resident MiB) of one child process, which must exit 0."""
        began = time.perf_counter()
        child = subprocess.Popen(argv, cwd=cwd, env=self.env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        try:
            _, status, usage = _wait4(child, timeout)  # wait4 gives this child's own CPU time and ru_maxrss
        finally:
            error = child.stderr.read().decode(errors="replace")
            child.stderr.close()
        wall = time.perf_counter() - began
        if os.waitstatus_to_exitcode(status) != 0:
            raise RuntimeError(f"{' '.join(map(str, argv))} (in {cwd}) exited {os.waitstatus_to_exitcode(status)}:\n"
                               f"{error[-2000:]}")
        return wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024

    def twin(self, name, behave_args, features=ROOT / "features"):
        """The no-op twin of `behave behave_args`: recorded from a real run (which also warms the caches), built."""
        plan = self.directory / f"{name}.plan.json"
        self.run([sys.executable, "-m", "bench.twin", "record", str(plan), "--", "--format=null", *behave_args])
        return build(self.directory / name, plan, features)

    def behave_floor(self):
        """A folder where `behave` runs the project's features with one no-op step definition (NOOP_STEPS)."""
        folder = self.directory / "behave-floor"
        (folder / "steps").mkdir(parents=True, exist_ok=True)
        (folder / "steps" / "noop.py").write_text(NOOP_STEPS)
        (folder / "behave.ini").write_text(FLOOR_CONFIG)
        if not (folder / "features").exists():
            (folder / "features").symlink_to(ROOT / "features")
        return folder

    def replayed(self, twin):
        """How many requests the twin's last run sent again, failed to, or found no step for ({} if none ran)."""
        summary = Path(twin) / "summary.json"
        return json.loads(summary.read_text()) if summary.exists() else {}


def _wait4(child, timeout):
    """os.wait4 on the child, killing it past the timeout."""
    deadline = time.monotonic() + timeout
    while True:
        pid, status, usage = os.wait4(child.pid, os.WNOHANG)
        if pid:
            child.returncode = os.waitstatus_to_exitcode(status)
            return pid, status, usage
        if time.monotonic() > deadline:
            child.kill()
        time.sleep(0.002)


def suite_figures(bench, runs):
    """Medians of the import floor, behave's floor, the twin, the everyday run and the run with the battery, run in turn
    each round; the ratios are taken round by round (so a machine that slows down mid-way moves both sides of each)."""
    twin = bench.twin("twin", EVERYDAY)
    twin_command = [sys.executable, "-m", "behave", *EVERYDAY]
    commands = {"floor": (FLOOR, ROOT), "behave": (twin_command, bench.behave_floor()), "twin": (twin_command, twin),
                "suite": (SUITE, ROOT), "battery": (WITH_BATTERY, ROOT)}
    for argv, cwd in commands.values():  # warm: bytecode cached, files in the page cache
        bench.run(argv, cwd)
    samples = {name: [] for name in commands}
    for _ in range(runs):
        for name, (argv, cwd) in commands.items():
            samples[name].append(bench.run(argv, cwd))
    figures = {name: tuple(median([s[i] for s in found]) for i in range(3)) for name, found in samples.items()}
    ratios = {f"{a}/{b}": median([x[0] / y[0] for x, y in zip(samples[a], samples[b], strict=True)])
              for a, b in (("suite", "twin"), ("suite", "floor"), ("twin", "floor"), ("battery", "floor"),
                           ("suite", "behave"), ("twin", "behave"))}
    return figures, ratios, bench.replayed(twin)


def start_stop_ms(runs, per_run=200):
    """Median over runs of the mean milliseconds one MockServer takes to construct, start and stop."""
    MockServer().start().stop()  # warm: the data set is loaded once per process
    samples = []
    for _ in range(runs):
        began = time.perf_counter()
        for _ in range(per_run):
            MockServer().start().stop()
        samples.append((time.perf_counter() - began) / per_run * 1000)
    return median(samples)


def _generated(bench, count):
    """A folder with a generated feature of `count` scenarios, steps/ and environment.py linked: (command, cwd)."""
    folder = bench.directory / f"generated{count}"
    (folder / "features").mkdir(parents=True)
    text = "Feature: generated for the benchmark\n" + "".join(SCENARIO.format(n=n) for n in range(count))
    (folder / "features" / "generated.feature").write_text(text)
    for name in ("steps", "environment.py", "behave.ini"):
        (folder / name).symlink_to(ROOT / name)
    return [sys.executable, "-m", "behave", "--format=null", "--no-summary", "features"], folder


def per_scenario_ms(bench, runs, small=10, large=1000):
    """{"suite"|"twin": (small wall, large wall, marginal milliseconds per scenario)} from generated features: the
    suite's steps and hooks, and their twin's, in turn each round; medians."""
    commands = {}
    for count in (small, large):
        argv, folder = _generated(bench, count)
        commands[("suite", count)] = (argv, folder)
        twin = bench.twin(f"twin{count}", ["--no-summary", str(folder / "features")], folder / "features")
        commands[("twin", count)] = (argv, twin)
    for argv, cwd in commands.values():
        bench.run(argv, cwd)
    walls = {key: [] for key in commands}
    for _ in range(runs):
        for key, (argv, cwd) in commands.items():
            walls[key].append(bench.run(argv, cwd)[0])
    figures = {}
    for kind in ("suite", "twin"):
        low, high = median(walls[(kind, small)]), median(walls[(kind, large)])
        figures[kind] = (low, high, (high - low) / (large - small) * 1000)
    figures["replayed"] = bench.replayed(commands[("twin", large)][1])
    return figures


def workspace():
    """A temporary folder for one bench run (removed after it)."""
    return tempfile.TemporaryDirectory(prefix="bench-")
