"""Whole-process figures for the suite: wall time and peak memory, the floor, start+stop, cost per scenario."""

import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from mockserver import MockServer

from . import median

ROOT = Path(__file__).resolve().parent.parent
FLOOR = [sys.executable, "-c", "import behave, requests, hamcrest"]
SUITE = [sys.executable, "-m", "behave", "--tags=-real"]
WITH_BATTERY = SUITE + ["-D", "robustness=on"]  # and the robustness battery, whose waits for timeouts are on purpose
SCENARIO = """
  Scenario: looking up user {n}
    When I look up user 3
    Then I get the user "Clementine Bauch" with username "Samantha"
"""


def run_process(argv, timeout=300):
    """(wall seconds, peak resident memory in MiB) of one child process, which must exit 0."""
    began = time.perf_counter()
    child = subprocess.Popen(argv, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(child.pid, 0)  # wait4 gives this child's own ru_maxrss
    wall = time.perf_counter() - began
    child.returncode = os.waitstatus_to_exitcode(status)
    error = child.stderr.read().decode(errors="replace")
    child.stderr.close()
    if child.returncode != 0:
        raise RuntimeError(f"{' '.join(argv)} exited {child.returncode}:\n{error[-2000:]}")
    return wall, usage.ru_maxrss / 1024


def suite_figures(runs):
    """Medians of the suite and of the import floor, run alternately in the same run."""
    samples = {"floor": [], "suite": [], "battery": []}
    for _ in range(runs):
        for name, command in (("floor", FLOOR), ("suite", SUITE), ("battery", WITH_BATTERY)):
            samples[name].append(run_process(command))
    return {name: (median([w for w, _ in runs]), median([m for _, m in runs])) for name, runs in samples.items()}


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


def _generated_run(directory, count):
    """A behave command over a generated feature of `count` scenarios in its own features directory."""
    features = Path(directory) / f"features{count}"
    features.mkdir()
    text = "Feature: generated for the benchmark\n" + "".join(SCENARIO.format(n=n) for n in range(count))
    (features / "generated.feature").write_text(text)
    return [sys.executable, "-m", "behave", "--format=null", "--no-summary", str(features)]


def per_scenario_ms(runs, small=10, large=1000):
    """(small wall, large wall, marginal milliseconds per scenario) from generated features, medians."""
    with tempfile.TemporaryDirectory(prefix="bench-features-") as directory:
        for name in ("steps", "environment.py"):
            (Path(directory) / name).symlink_to(ROOT / name)
        commands = {count: _generated_run(directory, count) for count in (small, large)}
        walls = {small: [], large: []}
        for _ in range(runs):
            for count, command in commands.items():
                walls[count].append(run_process(command)[0])
    low, high = median(walls[small]), median(walls[large])
    return low, high, (high - low) / (large - small) * 1000
