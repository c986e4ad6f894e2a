"""python -m fidelity.libraries: the mock's JavaScript rooms against the engine's own libraries, input by input.

qs.parse (as Express 4.22 calls it), lodash's _.get and _.has, pluralize and pluralize.singular,
negotiator's Accept-Encoding choice (as compression 1.7.4 asks it) and parseurl are each fed thousands of
seeded random inputs in Node (fidelity/engine/node_modules, `npm ci --prefix fidelity/engine`) and in the
mock's Python; every difference is printed. Exit 1 if any.
"""

import argparse
import json
import random
import subprocess
import sys
from pathlib import Path

from mockserver import jsobjects, lodash, negotiator, pluralize, qs, urlparams
from mockserver.jsrt import UNDEFINED

MODULES = Path(__file__).resolve().parent / "engine" / "node_modules"
DATA = Path(__file__).resolve().parent.parent / "mockserver" / "data" / "jsonplaceholder.json"
USER = json.loads(DATA.read_text())["users"][0]  # the record the lodash paths are read from
_NODE = {
    "qs": "const qs = require(M + '/qs'); out = x => JSON.stringify(qs.parse(x, {allowPrototypes: true, arrayLimit: 1000}))",
    "lodash": "const _ = require(M + '/lodash'); const user = require(D).users[0];"
              "const protos = new Map([[Object.prototype, 'Object'], [Array.prototype, 'Array'], [String.prototype, 'String'],"
              " [Number.prototype, 'Number'], [Boolean.prototype, 'Boolean']]);"
              "const show = v => v === undefined ? 'undefined' : typeof v === 'function' ? 'fn:' + String(v) + ':' + v.length"
              " : (v !== null && typeof v === 'object' && protos.has(v)) ? 'proto:' + protos.get(v)"
              " : (typeof v === 'number' && !isFinite(v)) ? 'num:' + v : JSON.stringify(v);"
              "out = x => { let g, h; try { g = show(_.get(user, x)) } catch (e) { g = 'TypeError' }"
              " try { h = _.has(user, x) } catch (e) { h = 'TypeError' } return JSON.stringify([g, h]) }",
    "pluralize": "const p = require(M + '/pluralize'); out = x => JSON.stringify([p(x), p.singular(x)])",
    "negotiator": "const N = require(M + '/negotiator'); out = x => JSON.stringify(new N({headers: {'accept-encoding': x}})"
                  ".encoding(['gzip', 'deflate', 'identity']) || null)",
    "parseurl": "const p = require(M + '/parseurl'); out = x => { const r = p({url: x}); return JSON.stringify([r.pathname, r.query]) }",
}


def _show(value):
    """The Python side of the lodash comparison, written as the Node side writes it."""
    if value is UNDEFINED:
        return "undefined"
    if isinstance(value, jsobjects.JsFunction) or value is jsobjects.FUNCTION_PROTOTYPE:
        length = value.length if isinstance(value, jsobjects.JsFunction) else 0
        return f"fn:{jsobjects.to_string(value)}:{length}"
    if isinstance(value, jsobjects.JsPrototype):
        return "proto:" + value.kind
    if isinstance(value, float) and (value != value or value in (float("inf"), float("-inf"))):
        return "num:" + jsobjects.to_string(value)
    return _json(value)


def _json(value):
    """JSON.stringify's compact form."""
    return json.dumps(value, separators=(",", ":"), ensure_ascii=False)


def _get_has(path):
    """[_.get(user 1, path) shown, _.has(user 1, path)], TypeError where JavaScript throws."""
    try:
        got = _show(lodash.get(USER, path))
    except jsobjects.JsTypeError:
        got = "TypeError"
    return _json([got, lodash.has(USER, path)])


PYTHON = {
    "qs": lambda x: _json(qs.parse(x)),
    "lodash": _get_has,
    "pluralize": lambda x: _json([pluralize.plural(x), pluralize.singular(x)]),
    "negotiator": lambda x: _json(negotiator.preferred_encoding(x, ("gzip", "deflate", "identity"))),
    "parseurl": lambda x: _json(list(urlparams.parse_url(x))),
}


def _pieces(rng, atoms, count, longest):
    """count strings of 1..longest random atoms."""
    return ["".join(rng.choice(atoms) for _ in range(rng.randint(1, longest))) for _ in range(count)]


def inputs(name, rng, count):
    """Seeded random inputs for one library, around the corners its source handles."""
    if name == "qs":
        return _pieces(rng, ("a", "id", "[", "]", "[]", "[0]", "[1]", "[a]", "=", "&", "%5B", "%5d", "+", "%", "%41", "__proto__",
                             "[__proto__]", "[999]", "[1000]", "..", ".", "[[", "]]", "%26", "toString", "[b][c]"), count, 10)
    if name == "lodash":
        atoms = ("id", "name", "address", "geo", ".", "..", "[0]", "['a.b']", '["x"]', "length", "toString", "__proto__",
                 "constructor", "prototype", "call", "hasOwnProperty", "[", "]", "[-1]", "[1.5]", "caller", "charAt", "")
        return [""] + _pieces(rng, atoms, count, 5)
    if name == "pluralize":
        return [w for w in _pieces(rng, tuple("aeiousxyzchlfmnrtUSE\u00e9") + ("ies", "ves", "man", "ice", "um", "us"), count, 6)]
    if name == "negotiator":
        names = ("gzip", "GZIP", "deflate", "br", "identity", "*", "x-gzip", "", " ")
        params = ("", ";q=0", ";q=1", ";q=0.5", ";q=-1", ";q=abc", ";q=", ";q", ";Q=0", "; q=0.2", ";level=1;q=0", ";q=.5")
        return [", ".join(rng.choice(names) + rng.choice(params) for _ in range(rng.randint(1, 4))) for _ in range(count)]
    atoms = ("/", "/users", "?", "#", "\\", "@", "http://", "h", ":80", "a", "%20", "{", "|", "^", "`", '"', "'", "<", ";", "//", ".", "x=1")
    return [p if p.startswith("/") or rng.random() < 0.4 else "/" + p for p in _pieces(rng, atoms, count, 8)]


def compare(name, values):
    """[(input, Node's answer, the mock's)] where they differ."""
    script = (f"const M = {json.dumps(str(MODULES))}, D = {json.dumps(str(DATA))}; let out; {_NODE[name]};"
              "for (const line of require('fs').readFileSync(0, 'utf8').split('\\n')) if (line) console.log(out(JSON.parse(line)));")
    node = subprocess.run(["node", "-e", script], input="\n".join(json.dumps(v) for v in values), capture_output=True,
                          text=True, timeout=300, check=True).stdout.splitlines()
    return [(v, theirs, mine) for v, theirs in zip(values, node, strict=True)
            if _json(json.loads(theirs)) != (mine := PYTHON[name](v))]


def main(argv=None):
    """Compare each library on --count inputs; print the differences; exit 1 if any."""
    parser = argparse.ArgumentParser(prog="python -m fidelity.libraries", description=__doc__.split("\n")[0])
    parser.add_argument("--count", type=int, default=3000, help="inputs per library (default 3000)")
    parser.add_argument("--seed", type=int, default=12)
    args = parser.parse_args(argv)
    if not (MODULES / "qs").is_dir():
        sys.exit("the engine is not installed: run `npm ci --prefix fidelity/engine` (needs node and npm)")
    failed = 0
    for name in _NODE:
        values = inputs(name, random.Random(f"{args.seed}:{name}"), args.count)
        differences = compare(name, values)
        failed += len(differences)
        print(f"{name:11} {len(values) - len(differences):5} of {len(values):5} inputs answered as the library does")
        for value, theirs, mine in differences[:5]:
            print(f"  - {value!r}\n      node: {theirs}\n      mock: {mine}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
