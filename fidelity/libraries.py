"""python -m fidelity.libraries: the mock's JavaScript rooms against the engine's own libraries, input by input.

qs.parse (as Express 4.17.1 calls it: its own prototypes and String() of each value too), lodash's _.get and _.has, pluralize and pluralize.singular,
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

from fidelity.__main__ import require_engine
from mockserver.node import jsobjects
from mockserver.npm import lodash, negotiator, pluralize, qs, urlparams
from mockserver.node.jsrt import UNDEFINED

MODULES = Path(__file__).resolve().parent / "engine" / "node_modules"
DATA = Path(__file__).resolve().parent.parent / "mockserver" / "data" / "jsonplaceholder.json"
USER = json.loads(DATA.read_text())["users"][0]  # the record the lodash paths are read from
_NODE = {
    "qs": "const qs = require(M + '/qs');"
          "const desc = v => { if (v === null || typeof v !== 'object') return v; let o;"
          " if (Array.isArray(v)) { o = []; for (let i = 0; i < v.length; i++) o.push(i in v ? desc(v[i]) : '<hole>') }"
          " else { o = {}; for (const k of Object.keys(v)) o[k] = desc(v[k]) }"
          " const p = Object.getPrototypeOf(v);"
          " return p === Object.prototype || p === Array.prototype ? o : {'<own>': o, '<proto>': desc(p)} };"
          "const str = v => { try { return String(v) } catch (e) { return e.name } };"
          "out = x => { const r = qs.parse(x, {allowPrototypes: true});"
          " return JSON.stringify([desc(r), Object.keys(r).map(k => str(r[k]))]) }",
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


def _describe(value):
    """A parsed query as the Node side describes it: own properties, holes, and a prototype of its own."""
    if isinstance(value, list):
        return ["<hole>" if item is jsobjects.HOLE else _describe(item) for item in value]
    if isinstance(value, dict):
        own = {key: _describe(item) for key, item in value.items()}
        return {"<own>": own, "<proto>": _describe(value.proto)} if isinstance(value, jsobjects.JsObject) else own
    return value


def _string(value):
    """String(value) as the Node side writes it, or the name of the error it throws."""
    try:
        return jsobjects.to_string(value)
    except jsobjects.JsError as error:
        return error.name


def _qs(query):
    """[req.query described, String() of each of its values]."""
    parsed = qs.parse(query)
    return _json([_describe(parsed), [_string(value) for value in parsed.values()]])


def _get_has(path):
    """[_.get(user 1, path) shown, _.has(user 1, path)], TypeError where JavaScript throws."""
    try:
        got = _show(lodash.get(USER, path))
    except jsobjects.JsTypeError:
        got = "TypeError"
    return _json([got, lodash.has(USER, path)])


PYTHON = {
    "qs": _qs,
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
        loose = _pieces(rng, ("a", "id", "[", "]", "[]", "[0]", "[1]", "[a]", "=", "&", "%5B", "%5d", "+", "%", "%41",
                              "__proto__", "[__proto__]", "[20]", "[21]", "..", ".", "[[", "]]", "%26", "toString", "[b][c]",
                              "]=", "x"), count - count // 2 - len(_QS_FIXED), 10)
        return list(_QS_FIXED) + loose + [_qs_query(rng) for _ in range(count // 2)]
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


_QS_FIXED = ("a[__proto__][]=1&a[length]=1e9", "a[__proto__][]=1&a[length]=3", "a[__proto__][2]=x", "a[b]=1&a=2",
             "a[__proto__][toString]=1", "a[toString]=x", "a=1&a[b]=2", "0[]=a&0=b", "a[]=1&a=", "a=&a[b]=1")


def _qs_query(rng):
    """A query of 1-5 parts whose keys nest groups qs 6.7.0 treats apart: prototypes, indexes around arrayLimit
    (20), the names ToString reads (toString, valueOf, join, length), arrays, and a parent met twice."""
    groups = ("[]", "[0]", "[2]", "[20]", "[21]", "[__proto__]", "[toString]", "[valueOf]", "[join]", "[length]", "[b]",
              "[1e1]", "[01]", "[-1]", "[ 1]", "")
    values = ("1", "x", "", "3", "%E2%80%A8", "%ZZ", "a+b", "99", "1e9", "__proto__", "toString")
    parts = []
    for _ in range(rng.randint(1, 5)):
        key = rng.choice(("a", "a", "__proto__", "0", "[a]", "length")) + "".join(rng.choice(groups) for _ in range(rng.randint(0, 4)))
        parts.append(key if rng.random() < 0.1 else f"{key}={rng.choice(values)}")
    return "&".join(parts)


def compare(name, values):
    """[(input, Node's answer, the mock's)] where they differ."""
    script = (f"const M = {json.dumps(str(MODULES))}, D = {json.dumps(str(DATA))}; let out; {_NODE[name]};"
              "for (const line of require('fs').readFileSync(0, 'utf8').split('\\n')) if (line) console.log(out(JSON.parse(line)));")
    node = subprocess.run(["node", "-e", script], input="\n".join(json.dumps(v) for v in values), capture_output=True,
                          text=True, timeout=300, check=True).stdout.split("\n")[:-1]  # not splitlines: U+2028 is no line end here
    return [(v, theirs, mine) for v, theirs in zip(values, node, strict=True)
            if _json(json.loads(theirs)) != (mine := PYTHON[name](v))]


def main(argv=None):
    """Compare each library on --count inputs; print the differences; exit 1 if any."""
    parser = argparse.ArgumentParser(prog="python -m fidelity.libraries", description=__doc__.split("\n")[0])
    parser.add_argument("--count", type=int, default=3000, help="inputs per library (default 3000)")
    parser.add_argument("--seed", type=int, default=12)
    args = parser.parse_args(argv)
    require_engine("qs")  # the libraries as the live API's lock file pins them, not as npm resolves them today
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
