"""python -m fidelity.v8_json_errors (CI): mockserver.v8json words every bad JSON text as V8's JSON.parse (Node 20).

v8_json_errors.json holds seeded texts, bad and good, each with the message Node 20.20 gave for it (null:
it parses), recorded with `--record` on a machine with node. The check needs no node: it compares.
"""

import json
import random
import subprocess
import sys
from pathlib import Path

from mockserver.node import v8json

from .cases import mutated

GOLDEN = Path(__file__).with_suffix(".json")
PIECES = ['{', '}', '[', ']', ':', ',', '"', 'a', '1', '0', '-', '+', '.', 'e', 'E', ' ', '\n', 't', 'r', 'u', 'n',
          'l', 'f', '\\', 'x', '\x01', 'é', '😀', '\t', '"a"', '"b":', 'true', 'null', '12', '-0.5e+3', '\\u12', '#']
VALID = ('{"a": [1, 2, {"b": null}], "c": "d\\u00e9"}', '[true, false, -1.5e10, "x"]', '{"name": "Jane", "id": 3}')
NODE = "let d='';process.stdin.on('data',c=>d+=c).on('end',()=>process.stdout.write(JSON.stringify(" \
       "JSON.parse(d).map(s=>{try{JSON.parse(s);return null}catch(e){return e.message}}))))"


def corpus(rng):
    """Random strings of JSON's pieces, and valid documents with a few characters inserted, deleted or cut."""
    texts = ["".join(rng.choice(PIECES) for _ in range(rng.randint(0, rng.choice((4, 12, 30))))) for _ in range(2500)]
    texts += [mutated(rng, VALID, PIECES) for _ in range(1500)]
    return texts + ["[" * 3000 + "]" * 2999, '{"a":' * 3000 + "1" + "}" * 3000]


def main(argv):
    """Compare with the recorded messages, or record them anew with node (`--record`)."""
    if argv[1:] == ["--record"]:
        texts = corpus(random.Random(11))
        run = subprocess.run(["node", "-e", NODE], input=json.dumps(texts), capture_output=True, text=True, check=True)
        GOLDEN.write_text(json.dumps(list(zip(texts, json.loads(run.stdout), strict=True)), ensure_ascii=True), encoding="ascii")
        return 0
    cases = json.loads(GOLDEN.read_text(encoding="ascii"))
    wrong = []
    for text, message in cases:
        mine = v8json.error_message(text)
        if mine != (v8json.as_text(message) if message else message):
            wrong.append(f"  {ascii(text)[:80]}\n    V8:   {ascii(message)}\n    mock: {ascii(mine)}")
    print(f"{len(cases) - len(wrong)} of {len(cases)} texts worded as V8 words them "
          f"({sum(m is not None for _, m in cases)} of them bad JSON)")
    print("\n".join(wrong[:10]))
    return 1 if wrong else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
