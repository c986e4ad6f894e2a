"""Mutation testing of the helpers that decide the Thens' verdicts, with cosmic-ray (requirements-mutation-cli.txt).

The helpers: steps/support/ judging, matching/ (matchers, collection_matchers, request_matchers), outcome, answer_parts,
tables and user_fields. cosmic-ray plants one bug (a mutant) at a time in them; each is run against the
everyday run (behave --tags=-real) and the negative twins (.ci/checks/writing/negative_twins.py), and is killed if
either fails. A mutant whose module no longer imports is not competent and is not counted. A fixed, seeded
sample of the competent mutants is run (the whole population takes about two hours on two cores).

    python .ci/checks/writing/then_mutants.py init [--sample N] [--seed S]   # a session in reports/mutation/
    python .ci/checks/writing/then_mutants.py exec                           # runs the sample (mutates the files in place:
                                                                     # run it in a copy of the work tree)
    python .ci/checks/writing/then_mutants.py report [--survivors]           # killed and survived, by file
    python .ci/checks/writing/then_mutants.py test                           # cosmic-ray's test command, for one mutant
"""

import argparse
import importlib
import json
import os
import random
import re
import subprocess
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]
HELPERS = ("judging", "matching/matchers", "matching/collection_matchers", "matching/request_matchers", "outcome",
           "answer_parts", "tables", "user_fields")
SESSION = ROOT / "reports" / "mutation" / "then-helpers.sqlite"
CONFIG = ROOT / "reports" / "mutation" / "then-helpers.toml"
SAMPLE, SEED = 120, 20261207
TIMEOUT = 300  # seconds one mutant's runs may take: cosmic-ray counts a mutant that takes longer as killed
WORDS = {"INCOMPETENT": "does not import", "EVERYDAY": "killed by the everyday run",
         "TWINS": "killed by the negative twins alone", "SURVIVED": "survived"}


def config_text():
    """cosmic-ray's configuration: the helpers, this script's test command, one mutant at a time."""
    paths = ", ".join(f'"steps/support/{name}.py"' for name in HELPERS)
    return (f'[cosmic-ray]\nmodule-path = [{paths}]\ntimeout = {TIMEOUT}.0\nexcluded-modules = []\n'
            f'test-command = "{sys.executable} .ci/checks/writing/then_mutants.py test"\n\n'
            '[cosmic-ray.distributor]\nname = "local"\n')


def init(sample, seed):
    """A new session of every mutant, then all but a seeded sample of them marked skipped."""
    from cosmic_ray.work_db import WorkDB, use_db
    from cosmic_ray.work_item import WorkerOutcome, WorkResult

    SESSION.parent.mkdir(parents=True, exist_ok=True)
    SESSION.unlink(missing_ok=True)
    CONFIG.write_text(config_text(), encoding="utf-8")
    subprocess.run(["cosmic-ray", "init", str(CONFIG), str(SESSION)], cwd=ROOT, check=True)
    with use_db(str(SESSION), WorkDB.Mode.open) as db:
        jobs = sorted(item.job_id for item in db.work_items)
        kept = set(random.Random(seed).sample(jobs, min(sample, len(jobs))))
        skipped = WorkResult(worker_outcome=WorkerOutcome.SKIPPED, output="not in the sample")
        db.set_multiple_results([job for job in jobs if job not in kept], skipped)
    print(f"{len(jobs)} mutants of the helpers; a sample of {len(kept)} (seed {seed}) to run: {SESSION}")


def run_exec():
    """Run the sample's mutants (cosmic-ray exec)."""
    return subprocess.run(["cosmic-ray", "exec", str(CONFIG), str(SESSION)], cwd=ROOT).returncode


def test():
    """One mutant: does the mutated helper import, does the everyday run fail, do the twins fail. Prints a verdict
    line that the report reads; exits 1 if the mutant is killed (or incompetent)."""
    sys.path.insert(0, str(ROOT))
    sys.dont_write_bytecode = True  # a mutant's bytecode never outlives it
    try:
        for name in HELPERS:
            importlib.import_module("steps.support." + name.replace("/", "."))
    except Exception as error:  # noqa: BLE001 - any failure to import makes the mutant incompetent
        print(f"VERDICT INCOMPETENT {type(error).__name__}: {error}")
        return 1
    env = {**os.environ, "PYTHONDONTWRITEBYTECODE": "1"}
    everyday = subprocess.run([sys.executable, "-m", "behave", "--tags=-real", "--format=null", "--no-summary"],
                              cwd=ROOT, env=env, capture_output=True, text=True)
    if everyday.returncode != 0:
        print("VERDICT EVERYDAY", (everyday.stdout + everyday.stderr)[-1500:])
        return 1
    twins = subprocess.run([sys.executable, ".ci/checks/writing/negative_twins.py"], cwd=ROOT, env=env, capture_output=True,
                           text=True)
    if twins.returncode != 0:
        print("VERDICT TWINS", twins.stdout[-1500:])
        return 1
    print("VERDICT SURVIVED")
    return 0


def results():
    """(file, line, operator, occurrence, verdict, diff) for each mutant of the sample that has run."""
    from cosmic_ray.work_db import WorkDB, use_db

    found = []
    with use_db(str(SESSION), WorkDB.Mode.open) as db:
        for item, result in db.completed_work_items:
            if result.output == "not in the sample":
                continue
            mutation = item.mutations[0]
            verdict = re.search(r"VERDICT (\w+)", result.output or "")
            verdict = verdict.group(1) if verdict else ("TIMEOUT" if result.test_outcome is not None
                                                        and result.test_outcome.name == "KILLED" else "ERROR")
            found.append(((ROOT / mutation.module_path).resolve().relative_to(ROOT / "steps" / "support").with_suffix("").as_posix(), mutation.start_pos[0], mutation.operator_name,
                          mutation.occurrence, verdict, result.diff or ""))
    return found


def report(survivors):
    """Killed and survived, by file; with --survivors, each survivor's diff."""
    found = results()
    by_file = Counter((f, v) for f, _, _, _, v, _ in found)
    print(f"{'file':22} {'run':>4} {'incompetent':>11} {'everyday':>8} {'+twins':>6} {'survived':>8} {'killed %':>8}")
    for name in (*HELPERS, "all"):
        count = Counter({v: n for (f, v), n in by_file.items() if f == name}) if name != "all" else \
            Counter(v for *_, v, _ in found)
        competent = sum(count.values()) - count["INCOMPETENT"]
        killed = count["EVERYDAY"] + count["TWINS"] + count["TIMEOUT"]
        share = f"{100 * killed / competent:.0f} %" if competent else "-"
        print(f"{name:22} {sum(count.values()):>4} {count['INCOMPETENT']:>11} "
              f"{count['EVERYDAY'] + count['TIMEOUT']:>8} {count['TWINS']:>6} {count['SURVIVED']:>8} {share:>8}")
    if survivors:
        for name, line, operator, occurrence, verdict, diff in sorted(found):
            if verdict in ("SURVIVED", "ERROR"):
                print(f"\n-- {verdict} {name}.py:{line} {operator} #{occurrence}\n{diff}")
    print(json.dumps({"ran": len(found)}))


def main(argv=None):
    """The subcommands."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("command", choices=("init", "exec", "report", "test"))
    parser.add_argument("--sample", type=int, default=SAMPLE, help=f"mutants to run (default {SAMPLE})")
    parser.add_argument("--seed", type=int, default=SEED, help="the sample's seed")
    parser.add_argument("--survivors", action="store_true", help="show each survivor's diff")
    args = parser.parse_args(argv)
    if args.command == "init":
        init(args.sample, args.seed)
    elif args.command == "exec":
        return run_exec()
    elif args.command == "report":
        report(args.survivors)
    else:
        return test()
    return 0


if __name__ == "__main__":
    sys.exit(main())
