"""The test command a mutant faces: the everyday run, then (if it survived that) the robustness battery.

    python -m mutation.suite RUNS [FILE]     RUNS: everyday or both; FILE: the file of services/ the mutant is in

Each run is every feature, as behave runs them, stopping at the first failure; with FILE, the features that state
that file's rules (FIRST) run first, so a mutant there is usually killed in its first seconds. The order changes
nothing else: every feature runs until one fails, so a mutant is killed exactly when the whole run would fail.
Its exit status says whether the mutant was killed; its last line says by which run, for the report.
"""

import os
import subprocess
import sys
from pathlib import Path

EVERYDAY = ["behave", "--tags=-real", "--format=null", "--stop"]
BATTERY = ["behave", "--tags=robustness", "-D", "robustness=on", "--format=null", "--stop"]
RUNS = {"everyday": [("everyday", EVERYDAY)], "both": [("everyday", EVERYDAY), ("battery", BATTERY)]}
FEATURES = Path("features")
_REFERENCE = "features/api_reference/"
# The features that state a file's rules (docs/mutation-testing.md, "What pins the client down"), run first.
FIRST = {
    "services/client.py": ("what_the_app_takes_as_an_answer", "what_the_app_is_told_for_each_status"),
    "services/config.py": ("how_the_app_is_configured",),
    "services/errors.py": ("what_the_app_is_told_for_each_status", "what_the_app_takes_as_an_answer"),
    "services/redirects.py": ("how_the_app_follows_redirects",),
    "services/resilience.py": ("how_the_app_asks_again", "how_long_the_app_waits"),
    "services/transport.py": ("how_long_the_app_waits", "how_much_the_app_reads", "how_the_app_closes_its_connections",
                              "how_the_app_goes_through_a_proxy"),
}


def features():
    """Every feature file, in the order behave runs the features folder (a folder's files, then its folders)."""
    found = []
    for folder, folders, files in os.walk(FEATURES):
        folders.sort()
        found += [Path(folder, name).as_posix() for name in sorted(files) if name.endswith(".feature")]
    return found


def first_for(file):
    """The feature files FIRST names for a file of services/ (none for another file)."""
    return [f"{_REFERENCE}{name}.feature" for name in FIRST.get(file, ())]


def ordered(file=None):
    """Every feature file once: those stating the file's rules first, then the rest in behave's order."""
    first = first_for(file)
    return first + [feature for feature in features() if feature not in first]


def main(which="both", file=None):
    """Run the runs in turn; stop at the first that fails (the mutant is killed) and name it."""
    paths = ordered(file) if file else []
    for name, command in RUNS[which]:
        done = subprocess.run(command + paths, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, check=False)
        if done.returncode != 0:
            sys.stdout.write(done.stdout.decode(errors="replace")[-2000:])
            print(f"\nkilled by: {name}")
            return 1
    print("survived: " + ", ".join(name for name, _ in RUNS[which]))
    return 0


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:3]))
