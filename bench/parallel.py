"""python -m bench.parallel [-j N] [behave options]: the features shared among N behave processes at once."""

import argparse
import os
import re
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SUMMARY = re.compile(r"^(\d+) scenarios? passed, (\d+) failed(?:, (\d+) error)?(?:, (\d+) skipped)?", re.MULTILINE)


TIMEOUT = 600  # seconds for all the shards together


def _positive(text):
    """-j's value: a whole number of processes, at least 1."""
    if not text.isdigit() or int(text) < 1:
        raise argparse.ArgumentTypeError(f"expected a number of processes of at least 1, got {text!r}")
    return int(text)


def shards(features, count):
    """The feature files in `count` groups of about equal size (largest first, each to the lightest group)."""
    groups = [[0, []] for _ in range(min(count, len(features)))]
    for feature in sorted(features, key=lambda f: f.stat().st_size, reverse=True):
        lightest = min(groups, key=lambda g: g[0])
        lightest[0] += feature.stat().st_size
        lightest[1].append(str(feature.relative_to(ROOT)))
    return [files for _, files in groups]


def main(argv=None):
    """Run the shards at once (each with its own mocks on its own ports); print each and the totals."""
    parser = argparse.ArgumentParser(prog="python -m bench.parallel", description=__doc__.split(": ", 1)[1])
    parser.add_argument("-j", "--jobs", type=_positive, default=os.cpu_count() or 2, help="processes (default: cores)")
    args, behave_args = parser.parse_known_args(sys.argv[1:] if argv is None else argv)
    began = time.perf_counter()
    groups = shards(sorted((ROOT / "features").glob("**/*.feature")), args.jobs)
    children = [subprocess.Popen([sys.executable, "-m", "behave", *behave_args, *files], cwd=ROOT, text=True,
                                 stdout=subprocess.PIPE, stderr=subprocess.STDOUT) for files in groups]
    totals, status = [0, 0, 0], 0
    try:
        outputs = [child.communicate(timeout=max(1.0, began + TIMEOUT - time.perf_counter()))[0] for child in children]
    except subprocess.TimeoutExpired:
        for child in children:
            child.kill()
            child.communicate()
        print(f"the shards did not finish within {TIMEOUT} s: stopped")
        return 1
    for files, child, output in zip(groups, children, outputs, strict=True):
        match = list(SUMMARY.finditer(output))
        counts = [int(n or 0) for n in match[-1].groups()] if match else [0, 1, 0, 0]
        totals = [totals[0] + counts[0], totals[1] + counts[1] + counts[2], totals[2] + counts[3]]
        if child.returncode != 0:
            status = 1
            print(output)
        print(f"shard of {len(files)} features: exit {child.returncode}, {match[-1].group(0) if match else 'no summary'}")
    print(f"{len(groups)} processes, {time.perf_counter() - began:.2f} s wall")
    print(f"scenarios: {totals[0]} passed, {totals[1]} failed, {totals[2]} skipped")
    return status


if __name__ == "__main__":
    sys.exit(main())
