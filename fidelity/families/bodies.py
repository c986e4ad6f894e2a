"""body-parser: V8's JSON.parse messages, zlib's messages, content types, charsets and encodings."""

import gzip
import zlib

from fidelity.cases import Case, json_write, request

FAMILY = "bodies"
BAD_JSON = ("{", "[", '{"a":', '{"a" 1}', "{'a': 1}", '{"a": 1,}', "[1,]", "nul", "{} x", '{"a": 01}', '"\\x"',
            '{"a": "\\u12"}', "\ufeff{", '{"a": NaN}', " ", "1", '"text"', "true", '{"a":1}}')
TYPES = ("application/json;", "application/json; charset=utf-32", "application/json; charset=latin1",
         "APPLICATION/JSON", "application/vnd.api+json", "application/json; charset=UTF-8", "text/json",
         "application/x-www-form-urlencoded", "application/json ; charset=utf-8", "application/json; charset=\"utf-8\"")


def cases(rng):
    """Bad JSON (plain and chunked), odd content types on PUT /users/2, gzip and deflate bodies."""
    for text in BAD_JSON:
        yield json_write(FAMILY, "POST", "/users", text)
        chunked = f"{len(text.encode()):x}\r\n".encode() + text.encode() + b"\r\n0\r\n\r\n"
        yield Case(FAMILY, f"chunked {text!r}", request("POST", "/users", [
            ("Content-Type", "application/json"), ("Transfer-Encoding", "chunked")], chunked), "POST")
    for content_type in TYPES:
        yield Case(FAMILY, f"PUT with {content_type!r}", request("PUT", "/users/2", [("Content-Type", content_type)],
                                                                 '{"name": "Jane"}'), "PUT")
    for coding, packed in (("gzip", gzip.compress(b'{"name": "Jane"}')), ("deflate", zlib.compress(b'{"a": 1}')),
                           ("gzip", b""), ("gzip", b"not gzip"), ("", b'{"a": 1}'), ("identity", b'{"a": 1}'),
                           ("br", b'{"a": 1}'), ("GZIP", gzip.compress(b"[1]")), ("gzip", gzip.compress(b"{")[:-8])):
        yield Case(FAMILY, f"POST Content-Encoding {coding!r} {packed[:10]!r}", request("POST", "/users", [
            ("Content-Type", "application/json"), ("Content-Encoding", coding)], packed), "POST")
    for _ in range(60):
        text = "".join(rng.choice('{}[]:,"a1 \\tnule.-') for _ in range(rng.randint(1, 12)))
        yield json_write(FAMILY, rng.choice(("POST", "PUT", "PATCH")), rng.choice(("/users", "/users/1")), text)
