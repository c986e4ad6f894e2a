"""The test command a mutant faces: the everyday run, then (if it survived that) the robustness battery.

Its exit status says whether the mutant was killed; its last line says by which run, for the report.
"""

import subprocess
import sys

EVERYDAY = ["behave", "--tags=-real", "--format=null", "--stop"]
BATTERY = ["behave", "--tags=robustness", "-D", "robustness=on", "--format=null", "--stop"]
RUNS = {"everyday": [("everyday", EVERYDAY)], "both": [("everyday", EVERYDAY), ("battery", BATTERY)]}


def main(which="both"):
    """Run the runs in turn; stop at the first that fails (the mutant is killed) and name it."""
    for name, command in RUNS[which]:
        done = subprocess.run(command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, check=False)
        if done.returncode != 0:
            sys.stdout.write(done.stdout.decode(errors="replace")[-2000:])
            print(f"\nkilled by: {name}")
            return 1
    print("survived: " + ", ".join(name for name, _ in RUNS[which]))
    return 0


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:2]))
