"""python -m fidelity: the corpus sent to the mock and to the live API's engine; the share of equal answers.

The engine is json-server 0.16.0 on Express 4.17, set up as JSONPlaceholder runs it (fidelity/engine),
installed once with `npm ci --prefix fidelity/engine` and run with the machine's `node`. The cases go to both
side by side; what waited out the clock is asked again with less beside it (fidelity/parallel.py).
"""

import argparse
import gzip
import json
import random
import subprocess
import sys
import time
import zlib
from pathlib import Path

from fidelity import families
from fidelity.parallel import Sender
from mockserver import MockServer

ROOT = Path(__file__).resolve().parent
DATA = ROOT.parent / "mockserver" / "data" / "jsonplaceholder.json"
START_TIMEOUT = 20.0
IGNORED = {"date"}  # the clock differs between two answers


def parse_args(argv):
    """The command line (argparse's clear errors for a wrong option)."""
    parser = argparse.ArgumentParser(prog="python -m fidelity", description=__doc__.split("\n")[0])
    parser.add_argument("--families", default=",".join(families.FAMILIES),
                        help="comma-separated families to send (default: all): " + ", ".join(families.FAMILIES))
    parser.add_argument("--engine-port", type=int, help="an engine already listening on this loopback port")
    parser.add_argument("--seed", type=int, default=12, help="the seed of the random part of the corpus (default 12)")
    parser.add_argument("--show", type=int, default=3, metavar="N", help="differences shown per family (default 3)")
    parser.add_argument("--min", type=float, default=99.5, metavar="PERCENT",
                        help="fail unless at least this share of answers agree (default 99.5)")
    parser.add_argument("--timeout", type=float, default=1.0, help="seconds to wait for one answer (default 1)")
    args = parser.parse_args(argv)
    unknown = set(args.families.split(",")) - set(families.FAMILIES)
    if unknown:
        parser.error(f"unknown families {', '.join(sorted(unknown))}: the families are {', '.join(families.FAMILIES)}")
    if not 0 < args.min <= 100 or args.timeout <= 0 or args.show < 0:
        parser.error("--min is a percentage above 0, --timeout a number of seconds above 0, --show 0 or more")
    return args


def unlike_the_lock():
    """The packages of fidelity/engine/node_modules whose version is not the one package-lock.json pins (the live
    API's: an `npm install` of today resolves body-parser 1.20 where the live API runs 1.19.0), as "name x, locked y"."""
    engine = ROOT / "engine"
    locked = json.loads((engine / "package-lock.json").read_text(encoding="utf-8")).get("packages", {})
    wrong = []
    for path, entry in locked.items():
        manifest = engine / path / "package.json"
        version = json.loads(manifest.read_text(encoding="utf-8")).get("version") if manifest.is_file() else "missing"
        if path and not entry.get("optional") and version != entry.get("version"):
            wrong.append(f"{path.rpartition('node_modules/')[2]} {version}, locked {entry.get('version')}")
    return wrong


def require_engine(package):
    """Exit with advice unless fidelity/engine/node_modules holds the package, as its package-lock.json pins it all."""
    if not (ROOT / "engine" / "node_modules" / package).is_dir():
        sys.exit("the engine is not installed: run `npm ci --prefix fidelity/engine` (needs node and npm)")
    if wrong := unlike_the_lock():
        sys.exit(f"fidelity/engine/node_modules is not what its package-lock.json pins ({'; '.join(wrong[:5])}): "
                 "run `npm ci --prefix fidelity/engine`")


def start_engine(data=DATA):
    """The engine over a data file, as a child process on a free port: (process, port); exits with advice if it
    cannot start or is not the engine the lock file pins."""
    require_engine("json-server")
    try:
        process = subprocess.Popen(["node", str(ROOT / "engine" / "server.js"), str(data)], stdout=subprocess.PIPE,
                                   stderr=subprocess.DEVNULL, text=True)
    except FileNotFoundError:
        sys.exit("node is not installed: the engine runs on Node.js (20, as the live API)")
    deadline = time.monotonic() + START_TIMEOUT
    line = process.stdout.readline()  # "listening PORT", printed once the engine accepts connections
    if not line.startswith("listening ") or time.monotonic() > deadline:
        process.kill()
        sys.exit(f"the engine did not start: {line!r}")
    return process, int(line.split()[1])


def normal(answer, case):
    """What must be equal between two answers: the clock, stack frames and the home page's body left out."""
    if answer.status is None:
        return ("no answer", answer.ended, answer.garbage[:200])
    headers = [(name, value) for name, value in answer.headers if name.lower() not in IGNORED]
    body = _decoded(answer)
    content_type = answer.header("Content-Type") or ""
    target = case.data.split(b" ", 2)[1] if case.data.count(b" ") >= 2 else b""
    if answer.status == 500 and content_type.startswith("text/html"):
        body = body.split(b"\n", 1)[0]  # the error's name and message; the frames depend on paths and versions
        headers = [(k, v) for k, v in headers if k.lower() not in ("content-length", "etag")]
    elif target.split(b"?")[0] == b"/" and answer.status in (200, 304):  # the home page is the mock's own
        body = b"(home page)"
        headers = [(k, v) for k, v in headers if k.lower() not in ("content-length", "etag")]
    return (answer.status, answer.reason, tuple(headers), body, tuple(answer.interim), answer.ended)


def _decoded(answer):
    """The body with its Content-Encoding undone (both servers use zlib, but framing may differ)."""
    coding = (answer.header("Content-Encoding") or "").lower()
    try:
        if coding == "gzip":
            return b"gzip:" + gzip.decompress(answer.body)
        if coding == "deflate":
            return b"deflate:" + zlib.decompress(answer.body)
    except (OSError, zlib.error, EOFError):
        return b"undecodable:" + answer.body
    return answer.body


def compare(args, sender):
    """Send every case to both (fidelity.parallel); {family: (agreeing, total, [differences])}."""
    results = {}
    for name, module in families.load(args.families.split(",")).items():
        rng = random.Random(f"{args.seed}:{name}")  # each family's cases are the same whichever others run
        cases = list(module.cases(rng))
        agree, diffs = 0, []
        for case, (mine, theirs) in zip(cases, sender.answers(cases), strict=True):
            mine, theirs = normal(mine, case), normal(theirs, case)
            if mine == theirs:
                agree += 1
            else:
                diffs.append((case, theirs, mine))
        results[name] = (agree, len(cases), diffs)
    return results


def describe(case, theirs, mine):
    """One difference, briefly: the request, then what each side answered where they differ."""
    lines = [f"  - {case.name[:100]}"]
    labels = ("status", "reason", "headers", "body", "interim", "ended")
    if theirs[0] == "no answer" or mine[0] == "no answer":
        lines += [f"      engine: {str(theirs)[:300]}", f"      mock:   {str(mine)[:300]}"]
        return "\n".join(lines)
    for label, a, b in zip(labels, theirs, mine, strict=True):
        if a != b:
            if label == "headers":
                a, b = [h for h in a if h not in b], [h for h in b if h not in a]
                a, b = a or "(same, other order)", b or "(same, other order)"
            lines += [f"      {label} engine: {str(a)[:300]}", f"      {label} mock:   {str(b)[:300]}"]
    return "\n".join(lines)


def main(argv=None):
    """Run the corpus; print each family's agreement and the differences; exit 1 below --min."""
    args = parse_args(sys.argv[1:] if argv is None else argv)
    process, port = (None, args.engine_port) if args.engine_port else start_engine()
    try:
        with MockServer() as mock, Sender(mock.port, port, args.timeout) as sender:
            results = compare(args, sender)
    finally:
        if process is not None:
            process.terminate()
            process.wait(5)
    agree_all = total_all = 0
    for name, (agree, total, diffs) in results.items():
        agree_all, total_all = agree_all + agree, total_all + total
        print(f"{name:18} {agree:5} of {total:5} agree ({100 * agree / max(total, 1):5.1f} %)")
        for case, theirs, mine in diffs[: args.show]:
            print(describe(case, theirs, mine))
    share = 100 * agree_all / max(total_all, 1)
    if sender.again:
        print(f"asked again: {sender.again} cases that waited out the {args.timeout:g} s timeout beside others "
              f"({sender.alone} of them then alone, as one case at a time)")
    print(f"fidelity: {agree_all} of {total_all} answers equal to the engine's ({share:.2f} %; at least {args.min:g} % wanted)")
    return 0 if share >= args.min else 1


if __name__ == "__main__":
    sys.exit(main())
