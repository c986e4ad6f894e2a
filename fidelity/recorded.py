"""python -m fidelity.recorded (CI): the mock answers the corpus of `bodies` and `wire` as the engine answered it.

recorded.json holds, for every request of those two families (seed 12: 1,394 and 723), what the engine
answered: status, reason, headers in order (Date left out), a SHA-1 of the body (of a 500's first line, the
error's name and message), interim answers and whether the connection closed, normalized as `python -m
fidelity` does. The engine is fidelity/engine as the live API's lock file pins it (`npm ci --prefix
fidelity/engine`: json-server 0.16.0, Express 4.17.1, body-parser 1.19.0, raw-body 2.4.0, http-errors 1.7.2,
statuses 1.5.0, iconv-lite 0.4.24, type-is 1.6.18, content-type 1.0.4, qs 6.7.0) on Node 20 (recorded on
20.20.2). Re-record with `python -m fidelity.recorded --record` where node and the engine
are installed; like every comparison with the engine, it refuses an install unlike the lock file (an `npm install`
of today resolves body-parser 1.20). The check itself needs neither: it sends the
same bytes to an in-process mock and compares. This is what proves the llhttp reader (mockserver/transport/reader.py)
and body-parser (mockserver/npm/bodyparser.py, mockserver/npm/iconv.py) right in CI.
"""

import hashlib
import json
import random
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from . import families, rawwire
from .__main__ import normal, start_engine
from .parallel import exchanges
from mockserver import MockServer

GOLDEN = Path(__file__).with_suffix(".json")
FAMILIES = ("bodies", "wire")
SEED = 12
TIMEOUT = 5.0  # seconds for one answer, generous: the machine may be busy
WAITING = 0.3  # seconds for a request the engine left waiting (a chunk never finished): no answer from the mock either
WORKERS = 8  # requests in flight at once
FIELDS = ("status", "reason", "headers", "body SHA-1", "interim answers", "connection")


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
    recorded, cases = json.loads(GOLDEN.read_text(encoding="ascii")), list(corpus())
    if len(recorded) != len(cases):
        print(f"the recording holds {len(recorded)} answers for a corpus of {len(cases)} requests: record it again")
        return 1
    started, wrong, total = time.monotonic(), [], len(cases)
    with MockServer() as mock:
        answers = _answers(mock.port, cases, [expected for _, expected in recorded])
    for (family, case), (name, expected), mine in zip(cases, recorded, answers, strict=True):
        if name != case.name or mine != expected:
            wrong.append(f"  {family}: {case.name[:90]}\n" + _difference(name, case.name, expected, mine))
    print(f"{total - len(wrong)} of {total} requests of bodies and wire answered as the engine answered them "
          f"({time.monotonic() - started:.1f} s)")
    print("\n".join(wrong[:10]))
    return 1 if wrong else 0


def _answers(port, cases, expected):
    """The mock's digest() for every case. Each case is a fresh connection and the mock keeps no state between them,
    so they run side by side (fidelity.parallel); then the ones the engine left waiting, all at once (each waits
    WAITING seconds for an answer that must not come, and a wait takes no work from the mock)."""
    waits = [answer[:2] == ["no answer", "timeout"] for answer in expected]
    answers = [None] * len(cases)
    for group, workers in ((False, WORKERS), (True, max(1, sum(waits)))):
        chosen = [at for at in range(len(cases)) if waits[at] is group]
        with ThreadPoolExecutor(workers, thread_name_prefix="recorded") as pool:
            sent = exchanges(pool, [(port, cases[at][1], WAITING if group else TIMEOUT) for at in chosen])
        for at, answer in zip(chosen, sent, strict=True):
            answers[at] = digest(answer, cases[at][1])
    return answers


def _difference(recorded_name, name, expected, mine):
    """Where the mock's answer differs from the recorded one, field by field."""
    if recorded_name != name:
        return f"    the recording is of another request ({recorded_name[:90]!r}): record it again"
    if len(expected) != len(mine):
        return f"    engine: {str(expected)[:240]}\n    mock:   {str(mine)[:240]}"
    return "\n".join(f"    {field}: engine {str(a)[:200]}, mock {str(b)[:200]}"
                     for field, a, b in zip(FIELDS, expected, mine, strict=True) if a != b)


if __name__ == "__main__":
    sys.exit(main(sys.argv))
