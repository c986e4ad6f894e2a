"""CI check: the mock answers the fidelity corpus of `bodies` and `wire` exactly as the engine answered it.

engine_answers.json holds, for every request of those two families (seed 12), what json-server 0.16.0 on
Node 20 answered: status, reason, headers in order (Date left out), a SHA-1 of the body, interim answers and
whether the connection closed, normalized as `python -m fidelity` does. It is recorded with `--record` where
node and the engine are installed (`npm ci --prefix fidelity/engine`); the check itself needs neither: it
sends the same bytes to an in-process mock and compares. This is what proves the llhttp reader
(mockserver/reader.py) and body-parser (mockserver/bodyparser.py) right in CI.
"""

import hashlib
import json
import random
import sys
import time
from pathlib import Path

from fidelity import families, rawwire
from fidelity.__main__ import normal, start_engine
from mockserver import MockServer

GOLDEN = Path(__file__).with_suffix(".json")
FAMILIES = ("bodies", "wire")
SEED = 12
TIMEOUT = 5.0  # seconds for one answer, generous: the machine may be busy
WAITING = 0.3  # seconds for a request the engine left waiting (a chunk never finished): no answer from the mock either


def digest(answer, case):
    """normal() of the answer, with the body replaced by its SHA-1 (JSON-friendly)."""
    shape = normal(answer, case)
    if shape[0] == "no answer":
        return [shape[0], shape[1], shape[2].decode("latin-1")]
    status, reason, headers, body, interim, ended = shape
    return [status, reason, [list(h) for h in headers], hashlib.sha1(body).hexdigest(), list(interim), ended]


def corpus():
    """(family, case) for every case of the two families, as the harness makes them."""
    for name, module in families.load(FAMILIES).items():
        for case in module.cases(random.Random(f"{SEED}:{name}")):
            yield name, case


def main(argv):
    """Compare the mock with the recording, or record the engine anew (`--record`)."""
    if argv[1:] == ["--record"]:
        process, port = start_engine()
        try:
            answers = [[c.name, digest(rawwire.exchange(port, c.data, c.method, TIMEOUT), c)] for _, c in corpus()]
        finally:
            process.terminate()
            process.wait(5)
        GOLDEN.write_text(json.dumps(answers, ensure_ascii=True), encoding="ascii")
        print(f"recorded {len(answers)} answers")
        return 0
    recorded = json.loads(GOLDEN.read_text(encoding="ascii"))
    started, wrong, total = time.monotonic(), [], 0
    with MockServer() as mock:
        for (family, case), (name, expected) in zip(corpus(), recorded, strict=True):
            total += 1
            timeout = WAITING if expected[:2] == ["no answer", "timeout"] else TIMEOUT
            mine = digest(rawwire.exchange(mock.port, case.data, case.method, timeout), case)
            if name != case.name or mine != expected:
                wrong.append(f"  {family}: {case.name[:90]}\n    engine: {str(expected)[:240]}\n    mock:   {str(mine)[:240]}")
    print(f"{total - len(wrong)} of {total} requests of bodies and wire answered as the engine answered them "
          f"({time.monotonic() - started:.1f} s)")
    print("\n".join(wrong[:10]))
    return 1 if wrong else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
