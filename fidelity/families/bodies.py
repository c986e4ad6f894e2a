"""body-parser: V8's JSON.parse messages, zlib's messages, content types, charsets, encodings and deep nesting."""

import gzip
import zlib

from fidelity.cases import Case, json_write, request

FAMILY = "bodies"
BAD_JSON = ("{", "[", '{"a":', '{"a" 1}', "{'a': 1}", '{"a": 1,}', "[1,]", "nul", "{} x", '{"a": 01}', '"\\x"',
            '{"a": "\\u12"}', "\ufeff{", '{"a": NaN}', " ", "1", '"text"', "true", '{"a":1}}', "[1 2]", '{"a" "b"}',
            '{"a":1, "b" 2}', "[-]", "[1.]", "[1e]", "[1e+]", "[.5]", "[+1]", '["\\', '["a', '["\t"]', '["\\u00e9\\uD83D"]',
            '{"\\uD83D\\uDE00": 1, x}', "[tru]", "[trux]", "[nulL]", "[1, 2, 3, 4, 5, 6, 7, 8, 9, x, 10, 11, 12]",
            "[😀]", "[\"😀\", x]", '{"name": "Zoë", "x": 1 2}', "\r\n\t[1,,2]", "[Infinity]", "[-Infinity]", "[undefined]",
            "{\"a\":1}\x00", "[\"a\"\u2028]", "   x", "\t\n  \"abc\"", "[1][2]", "{}{}", "[0x10]", "[00]", "[-01]")
VALID = ('{"name": "Jane", "username": "jdoe", "tags": ["a", "b"], "n": -1.5e3, "ok": true, "none": null}',
         '[{"a": {"b": [1, 2, {"c": "d\\u00e9\\n"}]}}, 3]', '{"id": 99, "address": {"city": "Gwen", "geo": [1.5, -2]}}')
PIECES = ('{', '}', '[', ']', ':', ',', '"', 'a', '1', '0', '-', '+', '.', 'e', 'E', ' ', '\n', 't', 'r', 'u', 'n', 'l',
          'f', '\\', 'x', 'é', '😀', '\t', '"a"', '"b":', 'true', 'null', '12', '-0.5e+3', '\\u12', '\\n')
TYPES = ("application/json;", "application/json; charset=utf-32", "application/json; charset=latin1",
         "APPLICATION/JSON", "application/vnd.api+json", "application/json; charset=UTF-8", "text/json",
         "application/x-www-form-urlencoded", "application/json ; charset=utf-8", "application/json; charset=\"utf-8\"",
         "application/json;charset=utf-8", "application/json; charset=utf-8;", "application/json; charset=", "application/json+",
         "application/json; charset=utf-8; foo=bar", "application/json; foo", "application/json;;", " application/json",
         "application/json\t", "application/ json", "application/json; charset=utf8", "application/json; charset=UTF-8x",
         "application/json; charset=\"utf-8", "application/json; charset=utf-16", "application/json; charset=us-ascii",
         "application/json; charset=iso-8859-1", "application/*", "*/*", "application/json, text/plain", "json",
         "application/JSON; Charset=UTF-8", "application/json; charset='utf-8'", "application/json; charset=\"utf\\-8\"",
         "application/x-www-form-urlencoded; charset=utf-8", "application/x-www-form-urlencoded; charset=latin1",
         "application/x-www-form-urlencoded;", "text/plain", "multipart/form-data", "", "application/merge-patch+json")
ENCODINGS = ("gzip", "deflate", "GZIP", "identity", "Identity", "", "br", "x-gzip", "gzip, identity", " gzip", "compress")


def _gz(data):
    """gzip with no time stamp in its header, so the corpus is the same bytes every run."""
    return gzip.compress(data, mtime=0)


def _chunked(data):
    """The bytes as two chunks (or the last chunk alone for an empty body)."""
    half = len(data) // 2
    parts = [part for part in (data[:half], data[half:]) if part]
    return b"".join(f"{len(p):x}\r\n".encode() + p + b"\r\n" for p in parts) + b"0\r\n\r\n"


def _post(name, headers, body, method="POST", target="/users"):
    """A write with the given headers; Content-Length is added for the body."""
    return Case(FAMILY, name, request(method, target, headers, body), method)


def cases(rng):
    """Bad JSON plain and chunked, random and mutated JSON, content types, charsets, codings, deep nesting."""
    yield from _bad_json(rng)
    yield from _content_types()
    yield from _codings(rng)
    yield from _nesting()


def _bad_json(rng):
    """Every kind of bad JSON, in one piece and in chunks; random texts; valid documents with a few changes."""
    for text in BAD_JSON:
        yield json_write(FAMILY, "POST", "/users", text.encode("utf-8"), name=f"POST /users {text!r}")
        yield _post(f"chunked {text!r}", [("Content-Type", "application/json"), ("Transfer-Encoding", "chunked")],
                    _chunked(text.encode("utf-8")))
    for _ in range(220):
        text = "".join(rng.choice(PIECES) for _ in range(rng.randint(1, rng.choice((6, 14, 40)))))
        method, target = rng.choice((("POST", "/users"), ("PUT", "/users/1"), ("PATCH", "/users/1")))
        yield json_write(FAMILY, method, target, text.encode("utf-8"), name=f"{method} {target} {text!r}")
    for _ in range(160):
        text = list(rng.choice(VALID))
        for _ in range(rng.randint(1, 3)):
            at, roll = rng.randrange(len(text) + 1), rng.random()
            if roll < 0.4 and text:
                del text[min(at, len(text) - 1)]
            elif roll < 0.8:
                text.insert(at, rng.choice(PIECES))
            else:
                text = text[:max(at, 1)]
        body = "".join(text).encode("utf-8")
        yield json_write(FAMILY, "POST", "/users", body, name=f"mutated {body[:60]!r}")


def _content_types():
    """Odd content types on PUT /users/2 and POST /users; charsets with bodies in those charsets."""
    for content_type in TYPES:
        for method, target in (("PUT", "/users/2"), ("POST", "/users")):
            body = b"name=Jane&a=1" if "urlencoded" in content_type else b'{"name": "Jane"}'
            yield _post(f"{method} with {content_type!r}", [("Content-Type", content_type)], body, method, target)
    text = '{"name": "Zoë 😀"}'
    for charset, codec in (("utf-16le", "utf-16-le"), ("utf-16be", "utf-16-be"), ("utf-16", "utf-16"),
                           ("utf-8", "utf-8"), ("utf-7", "utf-7"), ("UTF-16LE", "utf-16-le")):
        yield _post(f"JSON in {charset}", [("Content-Type", f"application/json; charset={charset}")],
                    text.encode(codec))
    for body in (b"\xef\xbb\xbf{\"a\": 1}", b"\xef\xbb\xbf", b"{\"a\": \"\xff\xfe\"}", b"{\"a\": \"\xc3\"}", b"   ", b"\n"):
        yield _post(f"JSON bytes {body!r}", [("Content-Type", "application/json")], body)
    yield _post("empty JSON body, length 0", [("Content-Type", "application/json"), ("Content-Length", "0")], b"")
    yield _post("empty chunked JSON body", [("Content-Type", "application/json"), ("Transfer-Encoding", "chunked")],
                b"0\r\n\r\n")


def _codings(rng):
    """gzip and deflate bodies: whole, cut, corrupted, padded, concatenated, mislabelled; unknown codings."""
    data = b'{"name": "Jane", "n": [1, 2, 3]}'
    packed = {"gzip": _gz(data), "deflate": zlib.compress(data)}
    raw = zlib.compressobj(6, zlib.DEFLATED, -15)
    raw_deflate = raw.compress(data) + raw.flush()
    bodies = []
    for coding in ENCODINGS:
        bodies.append((coding, packed.get(coding.strip().lower(), data)))
    for coding, body in packed.items():
        bodies += [(coding, body[:-4]), (coding, body[:5]), (coding, body[:1]), (coding, b""), (coding, body + b"\x00\x00"),
                   (coding, body + b"garbage"), (coding, body + body), (coding, b"not compressed")]
        for _ in range(6):
            spoiled = bytearray(body)
            spoiled[rng.randrange(len(spoiled))] ^= 1 << rng.randrange(8)
            bodies.append((coding, bytes(spoiled)))
    bodies += [("deflate", raw_deflate), ("deflate", packed["gzip"]), ("gzip", packed["deflate"]),
               ("gzip", _gz(b"{")), ("gzip", _gz(b"")), ("deflate", zlib.compress(b"x")),
               ("gzip", _gz(b"[1,2]")[:-8]), ("gzip", _gz("{\"a\": \"é\"}".encode("utf-16-le")))]
    for coding, body in bodies:
        yield _post(f"Content-Encoding {coding!r} {body[:12]!r}", [("Content-Type", "application/json"),
                                                                  ("Content-Encoding", coding)], body)
    yield _post("gzip in chunks", [("Content-Type", "application/json"), ("Content-Encoding", "gzip"),
                                   ("Transfer-Encoding", "chunked")], _chunked(packed["gzip"]))
    yield _post("two Content-Encoding headers", [("Content-Type", "application/json"), ("Content-Encoding", "gzip"),
                                                 ("Content-Encoding", "gzip")], packed["gzip"])
    yield _post("gzip form", [("Content-Type", "application/x-www-form-urlencoded"), ("Content-Encoding", "gzip")],
                _gz(b"name=Jane"))


def _nesting():
    """Nested arrays and objects, shallow to far past what JSON.stringify takes (clear of the edge near 4,180)."""
    for depth in (10, 300, 1000, 5000, 20000, 100000):  # answers of 2,000 levels or more run to megabytes
        for method, target in (("POST", "/users"), ("PUT", "/users/1"), ("PATCH", "/users/1"), ("DELETE", "/users/1")):
            for shape, body in (("arrays", b"[" * depth + b"]" * depth),
                                ("objects", b'{"a":' * depth + b"1" + b"}" * depth)):
                if depth > 1000 or method == "POST":
                    yield _post(f"{method} {target} {depth} nested {shape}", [("Content-Type", "application/json")],
                                body, method, target)
    for depth in (1000, 100000):
        yield _post(f"{depth} nested arrays, one bracket short", [("Content-Type", "application/json")],
                    b"[" * depth + b"]" * (depth - 1))
        yield _post(f"{depth} nested arrays, chunked", [("Content-Type", "application/json"),
                                                        ("Transfer-Encoding", "chunked")],
                    _chunked(b"[" * depth + b"]" * depth))
