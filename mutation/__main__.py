"""Mutation testing of the app's client (services/) with cosmic-ray: which planted bugs the suite catches.

    python3 -m mutation                       every mutant of services/, against the everyday run and the battery
    python3 -m mutation services/config.py    one file's mutants (the machine stays usable: one file at a time)
    python3 -m mutation --runs everyday       against the everyday run alone
    python3 -m mutation --sample 20 --check   CI: a fixed sample; fails if a sampled mutant survives unlisted

Each mutant is planted in a copy of the working tree (your files are never touched), then the suite runs
(mutation/suite.py). A mutant that does not compile is not counted; one listed in mutation/equivalent.toml
(no test could tell it from the original, with the reason) is not run; one listed in mutation/survivors.toml
is a known gap, still run and counted, but it does not fail --check. See docs/mutation-testing.md.
"""

import argparse
import compileall
import difflib
import hashlib
import json
import shutil
import subprocess
import sys
import tempfile
import tomllib
import warnings
from pathlib import Path

from cosmic_ray.mutating import mutate_code
from cosmic_ray.plugins import get_operator
from cosmic_ray.work_db import WorkDB, use_db
from cosmic_ray.work_item import TestOutcome, WorkerOutcome, WorkResult

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
SESSION = ("mutation.toml", "mutation.sqlite")  # cosmic-ray's configuration and session, in the copy of the tree
TIMEOUT = 60.0  # seconds one mutant's runs may take: past it the mutant counts as killed (it hung the suite)
CONFIG = """[cosmic-ray]
module-path = {modules}
timeout = {timeout}
excluded-modules = []
test-command = "{python} -m mutation.suite {runs}"

[cosmic-ray.distributor]
name = "local"
"""


def main(argv=None):
    """Plant the mutants of the files asked for, run the suite against each, report; exit 1 on --check failure."""
    parser = _parser()
    args = parser.parse_args(argv)
    every = sorted(p.relative_to(ROOT).as_posix() for p in (ROOT / "services").glob("*.py"))
    files = [Path(f).as_posix() for f in args.files] or every
    unknown = [f for f in files if f not in every]
    if unknown:
        parser.error(f"{unknown[0]} is not a module of services/; its modules are: {', '.join(every)}")
    if args.sample < 0:
        parser.error(f"--sample must be a number of mutants from 1 up (0: all), not {args.sample}")
    listed = {name: _listed(HERE / f"{name}.toml") for name in ("equivalent", "survivors")}
    with tempfile.TemporaryDirectory(prefix="mutation-") as scratch:
        tree = _copy_tree(Path(scratch) / "tree")
        mutants = _mutants(tree, files, args.runs, listed, args.sample)
        _run(tree, mutants, verbose=args.verbose)
    report = _report(mutants, args.runs)
    print(report)
    if args.json:
        Path(args.json).write_text(json.dumps(mutants, indent=1) + "\n")
    unlisted = [m for found in mutants.values() for m in found
                if m["state"] in ("survived", "error") and not m["listed"]]
    if args.check and unlisted:
        print(f"\n{len(unlisted)} mutant(s) survived that mutation/survivors.toml does not list: a scenario is "
              "missing (or, if no test could tell it apart, list it in mutation/equivalent.toml with the reason)")
        return 1
    return 0


def _parser():
    """The command line."""
    parser = argparse.ArgumentParser(prog="python3 -m mutation", description=__doc__.split("\n")[0])
    parser.add_argument("files", nargs="*", help="files of services/ to mutate (default: all)")
    parser.add_argument("--runs", choices=("everyday", "both"), default="both",
                        help="the everyday run alone, or it and then the robustness battery (default)")
    parser.add_argument("--sample", type=int, default=0, metavar="N",
                        help="run only N mutants, the same ones every time for the same code (by a hash of each)")
    parser.add_argument("--check", action="store_true", help="exit 1 if a mutant survives that survivors.toml does "
                        "not list")
    parser.add_argument("--json", metavar="FILE", help="write every mutant and its fate to FILE")
    parser.add_argument("--verbose", action="store_true", help="show cosmic-ray's own output")
    return parser


def _listed(path):
    """{(file, was, now): reason} from a list of mutants (equivalent.toml or survivors.toml)."""
    entries = tomllib.loads(path.read_text()) if path.exists() else {}
    return {(e["file"], e["was"], e["now"]): e["reason"] for e in entries.get("mutant", [])}


def _copy_tree(to):
    """A copy of the working tree's files that git knows of (as they are now, changes included)."""
    names = subprocess.run(["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"], cwd=ROOT,
                           capture_output=True, check=True).stdout.decode().split("\0")
    for name in filter(None, names):
        source = ROOT / name
        if source.is_file():
            (to / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, to / name)
    # Compiled once here: each run of the suite is told not to write bytecode (so a mutant is never cached), and
    # would otherwise compile every module again. A planted or restored file is newer than its bytecode, so read
    # from source.
    compileall.compile_dir(to, quiet=1, workers=1)
    return to


def _mutants(tree, files, runs, listed, sample=0):
    """{file: every mutant cosmic-ray plants in it, each with its change and its state (to run, or why not)}.

    With a sample, only the first `sample` mutants that can run, in the order of a hash of each one's place (file,
    operator, the line's text, the column), are planted; the rest are left out unplanted (planting costs a parse).
    """
    (tree / SESSION[0]).write_text(CONFIG.format(modules=json.dumps(files), timeout=TIMEOUT, python=sys.executable,
                                                 runs=runs))
    done = subprocess.run(["cosmic-ray", "init", *SESSION], cwd=tree, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise SystemExit(f"cosmic-ray init failed:\n{done.stderr[-2000:]}")
    sources, found = {file: (tree / file).read_text() for file in files}, {file: [] for file in files}
    with use_db(str(tree / SESSION[1]), WorkDB.Mode.open) as work_db:
        items = [(item, Path(item.mutations[0].module_path).as_posix()) for item in work_db.work_items]
    if sample:
        items.sort(key=lambda pair: _place(pair[0].mutations[0], pair[1], sources[pair[1]]))
    runnable = 0
    for item, file in items:
        spec = item.mutations[0]
        mutant = {"job": item.job_id, "file": file, "line": spec.start_pos[0], "operator": spec.operator_name,
                  "was": "", "now": "", "listed": None, "state": "left out", "why": "not in the sample"}
        found[file].append(mutant)
        if sample and runnable >= sample:
            continue
        try:
            mutated = mutate_code(sources[file], get_operator(spec.operator_name)(), spec.occurrence)
        except Exception:  # noqa: BLE001  (cosmic-ray 8.7 cannot replace a dotted name in an except clause)
            mutated = None
        mutant["was"], mutant["now"] = was, now = _change(sources[file], mutated)
        mutant["listed"] = listed["survivors"].get((file, was, now))
        reason = listed["equivalent"].get((file, was, now))
        if mutated is None or not _compiles(mutated):
            mutant["why"] = "cosmic-ray cannot plant it" if mutated is None else "does not compile"
        elif reason is not None:
            mutant["why"] = f"equivalent: {reason}"
        else:
            mutant["state"], mutant["why"], runnable = "to run", None, runnable + 1
    for mutants in found.values():
        mutants.sort(key=lambda m: m["line"])
    return found


def _place(spec, file, source):
    """A hash of where a mutant is planted, the same while its line is: the order a fixed sample takes them in."""
    line = source.splitlines()[spec.start_pos[0] - 1].strip()
    return hashlib.sha256(f"{file}|{spec.operator_name}|{line}|{spec.start_pos[1]}".encode()).hexdigest()


def _change(source, mutated):
    """(the lines as they were, the lines as the mutant has them), each stripped and joined: the mutant's identity."""
    if mutated is None:
        return "", ""
    was, now = [], []
    for line in difflib.ndiff(source.splitlines(), mutated.splitlines()):
        if line.startswith("- "):
            was.append(line[2:].strip())
        elif line.startswith("+ "):
            now.append(line[2:].strip())
    return " / ".join(was), " / ".join(now)


def _compiles(code):
    """Whether mutated code is Python at all (cosmic-ray plants some that are not: `*` for `/` in a signature)."""
    if code is None:
        return False
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # `is` with a literal, and the like: a mutant may be odd, yet compile
            compile(code, "<mutant>", "exec")
    except SyntaxError:
        return False
    return True


def _run(tree, mutants, verbose):
    """Run cosmic-ray on the mutants to run; note each one's fate (killed by which run, or survived)."""
    every = [m for found in mutants.values() for m in found]
    left_out = [m["job"] for m in every if m["state"] != "to run"]
    with use_db(str(tree / SESSION[1]), WorkDB.Mode.open) as work_db:
        if left_out:
            work_db.set_multiple_results(left_out, WorkResult(worker_outcome=WorkerOutcome.SKIPPED))
    print(f"== {len(every) - len(left_out)} mutants of {', '.join(mutants)}: the suite runs against each",
          file=sys.stderr, flush=True)
    subprocess.run(["cosmic-ray", "exec", *SESSION], cwd=tree, check=True,
                   stdout=None if verbose else subprocess.DEVNULL, stderr=None if verbose else subprocess.DEVNULL)
    with use_db(str(tree / SESSION[1]), WorkDB.Mode.open) as work_db:
        results = dict(work_db.results)
    for mutant in every:
        result = results.get(mutant["job"])
        if mutant["state"] != "to run":
            continue
        if result is None or result.worker_outcome != WorkerOutcome.NORMAL:
            mutant["state"], mutant["why"] = "error", (result.output if result else "no result")
        elif result.test_outcome == TestOutcome.SURVIVED:
            mutant["state"] = "survived"
        else:
            output = result.output or ""
            mutant["state"] = "killed"
            mutant["by"] = ("timeout" if output == "timeout" else "battery" if output.rstrip().endswith("battery")
                            else "everyday")
            mutant["why"] = output[-600:]


def _report(mutants, runs):
    """A table per file (killed by each run, survived, equivalent, not compiling), then every survivor."""
    lines = [f"{'file':24} {'mutants':>7} {'no compile':>10} {'equivalent':>10} {'run':>5} {'everyday':>8} "
             f"{'+battery':>8} {'survived':>8} {'everyday %':>10} {'both %':>7}"]
    totals = [0] * 7
    for file, found in mutants.items():
        counts = [len(found),
                  sum(m["why"] in ("does not compile", "cosmic-ray cannot plant it") for m in found),
                  sum(str(m["why"]).startswith("equivalent") for m in found),
                  sum(m["state"] in ("killed", "survived", "error") for m in found),
                  sum(m["state"] == "killed" and m["by"] in ("everyday", "timeout") for m in found),
                  sum(m["state"] == "killed" and m["by"] == "battery" for m in found),
                  sum(m["state"] in ("survived", "error") for m in found)]
        totals = [a + b for a, b in zip(totals, counts, strict=True)]
        lines.append(_row(file, counts))
    lines.append(_row("all", totals))
    survivors = [m for found in mutants.values() for m in found if m["state"] in ("survived", "error")]
    if survivors:
        lines.append(f"\nsurvivors ({'the everyday run' if runs == 'everyday' else 'both runs'}):")
        for m in survivors:
            note = " (listed in survivors.toml)" if m["listed"] else ""
            lines.append(f"  {m['file']}:{m['line']} {m['operator']}{note}\n      was: {m['was']}\n      now: {m['now']}")
    return "\n".join(lines)


def _row(name, counts):
    """One line of the table."""
    total, broken, equivalent, run, everyday, battery, survived = counts
    share = (lambda n: f"{100 * n / run:.1f}") if run else (lambda n: "-")
    return (f"{name:24} {total:>7} {broken:>10} {equivalent:>10} {run:>5} {everyday:>8} {battery:>8} {survived:>8} "
            f"{share(everyday):>10} {share(everyday + battery):>7}")


if __name__ == "__main__":
    sys.exit(main())
