"""Every package the suite installs is pinned exactly in requirements.txt, and installed at its pin.

Walks the dependencies of each package pinned in requirements.txt, as the installed packages declare them
(importlib.metadata; a dependency only for an extra, or whose marker excludes this Python, is left out) and fails naming any that has no exact pin of its own, or whose installed version is not its pin: a
fresh install must be the same install everywhere.

    python .ci/checks/pins.py [REQUIREMENTS]
"""

import os
import platform
import re
import sys
from importlib import metadata
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PIN = re.compile(r"^([A-Za-z0-9][A-Za-z0-9._-]*)==(\S+)")
NAME = re.compile(r"^\s*([A-Za-z0-9][A-Za-z0-9._-]*)")
COMPARISON = re.compile(r"""([a-z_]+)\s*(<=|>=|==|!=|<|>|~=)\s*(["'])(.*?)\3""")
ENVIRONMENT = {  # PEP 508's marker variables, for this Python
    "python_version": ".".join(platform.python_version_tuple()[:2]), "python_full_version": platform.python_version(),
    "sys_platform": sys.platform, "platform_system": platform.system(), "os_name": os.name,
    "platform_machine": platform.machine(), "platform_python_implementation": platform.python_implementation(),
    "implementation_name": sys.implementation.name, "platform_release": platform.release(),
}


def canonical(name):
    """A project's name as pip compares them (PEP 503)."""
    return re.sub(r"[-_.]+", "-", name).lower()


def pins(path):
    """{canonical name: version} of the file's exact pins."""
    found = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        match = PIN.match(line.strip())
        if match:
            found[canonical(match[1])] = match[2]
    return found


def _version(text):
    """A version's leading numbers, for comparing (3.11 > 3.9)."""
    return tuple(int(part) for part in re.findall(r"\d+", text)[:3])


def _holds(comparison):
    """One marker comparison (a re match of COMPARISON) on this Python."""
    variable, operator, _, value = comparison.groups()
    if variable not in ENVIRONMENT:
        raise ValueError(f"a marker this check cannot read: {comparison[0]}")
    mine = ENVIRONMENT[variable]
    if variable.endswith("_version"):
        mine, value = _version(mine), _version(value)
    operator = ">=" if operator == "~=" else operator
    return {"<": mine < value, "<=": mine <= value, ">": mine > value, ">=": mine >= value, "==": mine == value,
            "!=": mine != value}[operator]


def applies(marker):
    """Whether a requirement's marker (the text after ';') holds on this Python; an extra's never does here."""
    if not marker.strip():
        return True
    if "extra" in marker:
        return False
    words = COMPARISON.sub(lambda comparison: f" {_holds(comparison)} ", marker)
    if not re.fullmatch(r"[\s()]*(?:(?:True|False|and|or|not)[\s()]*)*", words):
        raise ValueError(f"a marker this check cannot read: {marker.strip()}")
    return eval(words)  # noqa: S307 (only True, False, and, or, not and brackets are left: checked above)


def needs(name):
    """The canonical names a package declares it needs on this Python (extras' needs left out)."""
    found = []
    for requirement in metadata.requires(name) or []:
        if not applies(requirement.partition(";")[2]):
            continue
        match = NAME.match(requirement)
        if match:
            found.append(canonical(match[1]))
    return found


def problems(pinned):
    """Each package reached from the pins that is unpinned or installed at another version, in words."""
    found, seen, todo = [], set(), list(pinned)
    while todo:
        name = todo.pop()
        if name in seen:
            continue
        seen.add(name)
        try:
            installed = metadata.version(name)
        except metadata.PackageNotFoundError:
            if name in pinned:
                found.append(f"{name}=={pinned[name]} is pinned but not installed")
            continue  # a dependency its marker leaves out on this Python
        if name not in pinned:
            found.append(f"{name} {installed} is installed (needed by the pinned packages) but has no exact pin")
        elif installed != pinned[name]:
            found.append(f"{name} is installed at {installed}, not at its pin {pinned[name]}")
        todo.extend(needs(name))
    return found, len(seen)


def main(argv):
    """Check the file's pins; exit 1 naming each problem."""
    path = Path(argv[0]) if argv else ROOT / "requirements.txt"
    found, walked = problems(pins(path))
    for problem in found:
        print(f"  PROBLEM {problem}")
    print(f"pins: {walked} packages reached from {path.name}'s pins, {len(found)} problem(s)")
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
