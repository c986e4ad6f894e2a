"""Mutation testing of the app's client (services/) with cosmic-ray: which planted bugs the suite catches.

    python3 -m mutation                       every mutant of services/, against the everyday run and the battery
    python3 -m mutation services/config.py    one file's mutants (the machine stays usable: one file at a time)
    python3 -m mutation --runs everyday       against the everyday run alone
    python3 -m mutation --sample 20 --check   CI: a fixed sample; fails if a sampled mutant survives unlisted

Each mutant is planted in a copy of the working tree (your files are never touched; a copy a core, a mutant in
each at a time), then the suite runs (mutation/suite.py). A mutant that does not compile is not counted; one
listed in mutation/equivalent.toml (no test could tell it from the original, with the reason) is not run; one
listed in mutation/survivors.toml is a known gap, still run and counted, but it does not fail --check. See
docs/mutation-testing.md.
"""

import argparse
import compileall
import difflib
import hashlib
import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
import tomllib
import warnings
from pathlib import Path

import parso
from cosmic_ray.ast import get_ast
from cosmic_ray.mutating import mutate_code
from cosmic_ray.plugins import get_operator, operator_names

from . import suite

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
TIMEOUT = 60.0  # seconds one mutant's runs may take: past it the mutant counts as killed (it hung the suite)
# Mutants run at once, one a core, each in a copy of the tree of its own: a mutant's runs use about one core, and
# each gets one, as when they ran one at a time (more at once would slow the suite's timed scenarios down).
WORKERS = os.cpu_count() or 1
# Their mutants start first: one there may leave the client waiting until a scenario's deadline (10 s) ends it, and
# the longest started last would leave the other cores idle meanwhile.
WAITING = ("services/resilience.py", "services/transport.py")


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
    stale = [feature for file in every for feature in suite.first_for(file) if not (ROOT / feature).is_file()]
    if stale:
        parser.error(f"mutation/suite.py runs {stale[0]} first, but there is no such feature: correct FIRST")
    listed = {name: _listed(HERE / f"{name}.toml") for name in ("equivalent", "survivors")}
    with tempfile.TemporaryDirectory(prefix="mutation-") as scratch:
        tree = _copy_tree(Path(scratch) / "tree")
        mutants = _mutants(tree, files, listed, args.sample)
        _run(tree, mutants, args.runs, verbose=args.verbose)
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
    parser.add_argument("--verbose", action="store_true", help="a line per mutant as it is done: its fate, seconds")
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


def _mutants(tree, files, listed, sample=0):
    """{file: every mutant cosmic-ray plants in it, each with its change and its state (to run, or why not)}.

    With a sample, only the first `sample` mutants that can run, in the order of a hash of each one's place (file,
    operator, the line's text, the column), are planted; the rest are left out unplanted (planting costs a parse).
    A mutant to run carries its code ("code") until it has run.
    """
    sources, found = {file: (tree / file).read_text() for file in files}, {file: [] for file in files}
    items = [(spec, file) for file in files for spec in _places(sources[file])]
    if sample:
        items.sort(key=lambda pair: _place(pair[0], pair[1], sources[pair[1]]))
    runnable = 0
    for (operator, occurrence, (line, _)), file in items:
        mutant = {"job": f"{file}:{operator}:{occurrence}", "file": file, "line": line, "operator": operator,
                  "was": "", "now": "", "listed": None, "state": "left out", "why": "not in the sample"}
        found[file].append(mutant)
        if sample and runnable >= sample:
            continue
        try:
            mutated = mutate_code(sources[file], get_operator(operator)(), occurrence)
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
            mutant["state"], mutant["why"], mutant["code"], runnable = "to run", None, mutated, runnable + 1
    for mutants in found.values():
        mutants.sort(key=lambda m: m["line"])
    return found


def _places(source):
    """(operator, occurrence, start position) of every mutant cosmic-ray's operators plant in a module's source.

    What `cosmic-ray init` finds, in its order and with its numbering (each operator's positions counted over the
    parse tree's nodes in order), but with the nodes listed once, not walked again by each of its 213 operators.
    """
    nodes, stack = [], [get_ast(source)]
    while stack:  # the nodes in the order cosmic_ray.ast.ast_nodes yields them (depth first, children in order)
        node = stack.pop()
        nodes.append(node)
        if isinstance(node, parso.tree.BaseNode):
            stack.extend(reversed(node.children))
    places = []
    for name in operator_names():
        operator = get_operator(name)
        if operator.arguments():
            continue  # operators that need arguments are planted only when configured (none are)
        operator = operator()
        positions = (start for node in nodes for start, _ in operator.mutation_positions(node))
        places += [(name, occurrence, start) for occurrence, start in enumerate(positions)]
    return places


def _place(place, file, source):
    """A hash of where a mutant is planted, the same while its line is: the order a fixed sample takes them in."""
    operator, _, (line, column) = place
    text = source.splitlines()[line - 1].strip()
    return hashlib.sha256(f"{file}|{operator}|{text}|{column}".encode()).hexdigest()


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


def _run(tree, mutants, runs, verbose, workers=WORKERS):
    """Run the suite against each mutant to run, WORKERS at a time (each in a copy of the tree of its own); note
    each one's fate (killed by which run, or survived)."""
    every = [m for found in mutants.values() for m in found]
    queue = sorted((m for m in every if m["state"] == "to run"), key=lambda m: m["file"] not in WAITING)
    print(f"== {len(queue)} mutants of {', '.join(mutants)}: the suite runs against each, {workers} at a time",
          file=sys.stderr, flush=True)
    trees = [tree] + [tree.with_name(f"{tree.name}-{n}") for n in range(1, min(workers, len(queue)))]
    for copy in trees[1:]:
        shutil.copytree(tree, copy, symlinks=True)  # its bytecode too, still matching its sources
    lock = threading.Lock()

    def worker(where):
        """Take the next mutant until none is left: plant it in this copy, run the suite, put the file back."""
        while True:
            with lock:
                if not queue:
                    return
                mutant = queue.pop(0)
            path = where / mutant["file"]
            original = path.read_text()
            path.write_text(mutant.pop("code"))
            began = time.monotonic()
            try:
                _fate(mutant, *_suite(where, runs, mutant["file"]))
            except OSError as error:  # the suite could not be started: neither killed nor survived
                mutant["state"], mutant["why"] = "error", f"the suite could not run: {error}"
            finally:
                path.write_text(original)
                mutant["seconds"] = round(time.monotonic() - began, 2)
            if verbose:
                print(f"   {mutant['state']:8} {mutant['seconds']:6.2f} s  {mutant['file']}:{mutant['line']} "
                      f"{mutant['operator']}", file=sys.stderr, flush=True)

    threads = [threading.Thread(target=worker, args=(where,)) for where in trees]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()


def _suite(where, runs, file):
    """(whether the suite failed, its output) for a mutant of `file` planted in the tree at `where`: mutation/suite.py
    in its own session, so that past TIMEOUT every process it started is killed (the mutant counts as killed: it
    hung the suite)."""
    env = {**os.environ, "PYTHONDONTWRITEBYTECODE": "1"}  # a mutant's bytecode is never cached
    process = subprocess.Popen([sys.executable, "-m", "mutation.suite", runs, file], cwd=where, env=env,
                               stdout=subprocess.PIPE, stderr=subprocess.STDOUT, start_new_session=True)
    try:
        output, _ = process.communicate(timeout=TIMEOUT)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        process.communicate()
        return True, "timeout"
    return process.returncode != 0, output.decode(errors="replace")


def _fate(mutant, killed, output):
    """Note a mutant's fate from its suite's outcome: survived, or killed by the everyday run, the battery, a hang."""
    if not killed:
        mutant["state"] = "survived"
        return
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
