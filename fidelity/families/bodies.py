"""body-parser 1.19.0: V8's JSON.parse messages, its strict first character, zlib's messages, content types,
charsets (iconv-lite 0.4.24's decoders), encodings and deep nesting."""

import base64
import gzip
import zlib

from fidelity.cases import Case, json_write, mutated, request

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
    """Bad JSON plain and chunked, random and mutated JSON, content types, charsets, codings, deep nesting; then the
    corners of body-parser 1.19.0's sources: the first character, the charset parameter, iconv-lite's decoders."""
    yield from _bad_json(rng)
    yield from _content_types()
    yield from _codings(rng)
    yield from _nesting()
    yield from _first_characters(rng)
    yield from _every_route()
    yield from _replacement_patterns()
    yield from _charset_parameters()
    yield from _decoders(rng)
    yield from _numbers(rng)


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
        body = mutated(rng, VALID, PIECES, shortest=1).encode("utf-8")
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


# body-parser 1.19.0's FIRST_CHAR_REGEXP is /^[\x20\x09\x0a\x0d]*(.)/ (`.` is no line end, and the run of blanks
# gives characters back), and createStrictSyntaxError parses the text up to that character and one '#'
LEADS = (" ", "\t", "\n", "\r", "\r\n", "\u2028", "\u2029", "\u00a0", "\ufeff", "\u000b", "\u0085", "x", "1", "-", "#", "$",
         "$&", '"', "\\", "n", "t", "😀", "é", "{", "[", "]", "}", "\x00", "\x1f", "/", "'")


def _first_characters(rng):
    """Blanks, line ends and other first characters before (or instead of) JSON, plain, chunked and in UTF-16."""
    fixed = (" ", "\t", "\r", " \n", "\n ", "\t\r\n", "\r\n \t\n", "\t \t\n", "\u2028", " \u2028", "\u2029\n",
             "\u2028{}", "\u2029[1]", " \u00a0{}", "\ufeff", "\ufeff\ufeff{}", "\ufeff \n", " " * 30 + "x", "\n" * 25 + '"a"',
             "\t" * 40 + "😀", " " * 19 + "$", " " * 20 + "$&", "\r\n" * 12 + "nul", "#", "##", " #{}", "\\", "😀{}", "\u0085[]")
    texts = list(fixed) + ["".join(rng.choice(LEADS) for _ in range(rng.randint(1, 12))) for _ in range(70)]
    for number, text in enumerate(texts):
        body = text.encode("utf-8")
        if number % 3 == 0:
            yield _post(f"first character, chunked {text!r}", [("Content-Type", "application/json"),
                                                                ("Transfer-Encoding", "chunked")], _chunked(body))
        else:
            method, target = (("POST", "/users"), ("PUT", "/users/1"), ("PATCH", "/users/2"))[number % 3]
            yield json_write(FAMILY, method, target, body, name=f"first character, {method} {text!r}")
    for text in fixed[:12]:
        yield _post(f"first character in UTF-16LE {text!r}", [("Content-Type", "application/json; charset=utf-16le")],
                    text.encode("utf-16-le"))


def _every_route():
    """body-parser runs before any route: a body is read (and refused) on reads, deletes, /db and unknown paths too."""
    for method, target in (("GET", "/users"), ("GET", "/users/1"), ("HEAD", "/users"), ("DELETE", "/users/1"),
                           ("GET", "/db"), ("POST", "/nothing"), ("GET", "/users/1/posts"), ("POST", "/users/1/posts"),
                           ("OPTIONS", "/users"), ("GET", "/users?_limit=2"), ("DELETE", "/posts/1")):
        for label, content_type, coding, body in (("bad JSON", "application/json", None, b'{"a" 1}'),
                                                  ("not an object", "application/json", None, b"nul"),
                                                  ("charset", "application/json; charset=latin1", None, b"{}"),
                                                  ("coding", "application/json", "br", b"{}")):
            headers = [("Content-Type", content_type)] + ([("Content-Encoding", coding)] if coding else [])
            yield _post(f"{label} on {method} {target}", headers, body, method, target)


def _replacement_patterns():
    r"""normalizeJsonSyntaxError puts the message back with String.replace, so `$'`, `$&`, `$$` and `$\`` quoted from
    the body in V8's message are replacement patterns: `$'` brings in the stack's frames, `$$` is one `$`."""
    for text in ("{\"a\": $'}", "[$$]", '["$&", x]', "[$`]", "[1, $1]", '{"$\'": 1 x}', "[$<a>]", "[$$$'']", "[$",
                 "[" + "$'" * 12 + "]", " $'", "$$", "\n$&", '["' + "a" * 30 + "$'" + '" x]', "{$'", "[$&$`$'$$]"):
        yield json_write(FAMILY, "POST", "/users", text.encode("utf-8"), name=f"replacement pattern {text!r}")
        yield _post(f"replacement pattern, chunked {text!r}", [("Content-Type", "application/json"),
                                                               ("Transfer-Encoding", "chunked")], _chunked(text.encode()))


def _charset_parameters():
    """The charset as content-type 1.0.4 reads it and iconv-lite names it: quoted, escaped, years, unknown `utf-`."""
    body = '{"name": "Zoë"}'
    for charset in ("utf-8:2022", "utf-16-le", "utf-16_le", "utf-7-imap", "utf-", "utf-1", "utf-32le", "utf-ebcdic",
                    "utf-8-bom", "utf-8.", "utf-8:12345", "utf-16:1234", "utf_8", "UTF-16BE", "utf-7:2000", "utf--8",
                    "utf-unicode11utf8", "utf-ucs2", "utf-cesu8", "utf-16le2"):
        for quoted in (False, True):
            value = f'"{charset}"' if quoted or ":" in charset else charset
            codec = "utf-16-le" if "16" in charset.replace("16le2", "") else "utf-8"
            yield _post(f"JSON with charset={value}", [("Content-Type", f"application/json; charset={value}")],
                        body.encode(codec))
    for content_type in ('application/json; charset="utf\\-8"', 'application/json; charset="utf-\x0b8"',
                         'application/json; charset="\\u\\t\\f\\-\\8"', "application/json;\tcharset=utf-8",
                         "application/json; charset=utf-8 ; charset=utf-16le", "application/json; charset=utf-16le; charset=utf-8",
                         "application/json; CHARSET=UTF-16LE", "application/json; charset = utf-16le",
                         'application/json; charset="utf-16le"; x="\x0b"', "application/json; x=\"\xe9\"; charset=utf-16le",
                         "application/json \t; charset=utf-16le", "\tapplication/json; charset=utf-16le",
                         "application/json; charset=utf-16le;", "Application/Json ; Charset=utf-16le"):
        for body_codec in ("utf-8", "utf-16-le"):
            yield _post(f"JSON in {body_codec} as {content_type!r}", [("Content-Type", content_type)],
                        body.encode(body_codec))
    for charset, framing in (("utf-32", "chunked"), ("utf-32", "gzip"), ("latin1", "chunked"), ("utf-", "gzip"),
                             ("utf-16le", "gzip"), ("utf-7", "chunked")):
        headers = [("Content-Type", f"application/json; charset={charset}")]
        data = body.encode("utf-16-le" if "16" in charset else "utf-8")
        if framing == "gzip":
            yield _post(f"gzip JSON with charset={charset}", headers + [("Content-Encoding", "gzip")], _gz(data))
        else:
            yield _post(f"chunked JSON with charset={charset}", headers + [("Transfer-Encoding", "chunked")], _chunked(data))
    form = "application/x-www-form-urlencoded"
    for charset in ("utf-8", "UTF-8", '"utf-8"', "utf8", "utf-16le", "utf-8:2022", "us-ascii"):
        yield _post(f"form with charset={charset}", [("Content-Type", f"{form}; charset={charset}")], b"name=Jane&a=%C3%A9")
    big = b"name=" + b"J" * (100 * 1024)  # past the urlencoded parser's 100 KB
    yield _post("form of over 100 KB", [("Content-Type", form)], big)
    yield _post("form of over 100 KB, PUT", [("Content-Type", form)], big, "PUT", "/users/1")
    yield _post("form of over 100 KB, chunked", [("Content-Type", form), ("Transfer-Encoding", "chunked")], _chunked(big))
    yield _post("form of over 100 KB, gzip", [("Content-Type", form), ("Content-Encoding", "gzip")], _gz(big))
    yield _post("form in br", [("Content-Type", form), ("Content-Encoding", "br")], b"name=Jane")
    yield _post("form in deflate, PATCH", [("Content-Type", form), ("Content-Encoding", "deflate")], zlib.compress(b"name=Jane"),
                "PATCH", "/users/3")
    for body_text in ("\ufeffname=Jane", "name=Jane&&a=1", "a=1&" * 999 + "b=2", "a=1&" * 1000 + "b=2", "&" * 1000, "&" * 999):
        yield _post(f"form {body_text[:40]!r} ({len(body_text)} characters)", [("Content-Type", form)],
                    body_text.encode("utf-8"))


def _decoders(rng):
    """iconv-lite 0.4.24's utf8, utf16le, utf16be, utf16 (byte order from a BOM or the zero bytes), utf7 and
    utf7imap on seeded random text: lone surrogates, odd bytes, bad UTF-8, base64 runs cut anywhere."""
    units = [0x41, 0x7A, 0x20, 0xE9, 0x263A, 0xD83D, 0xDE00, 0xDC00, 0xD800, 0xFEFF, 0xFFFE, 0x0100, 0x2028, 0x00, 0x22,
             0x5C, 0x0A, 0x7F, 0xFFFF, 0x4E2D]
    for number in range(90):
        inner = [rng.choice(units) for _ in range(rng.randint(0, 12))]
        text_units = [ord(c) for c in '{"name": "'] + inner + [ord(c) for c in '", "n": 1}']
        order = ("le", "be")[number % 2]
        data = b"".join(u.to_bytes(2, "little" if order == "le" else "big") for u in text_units)
        bom = {"le": b"\xff\xfe", "be": b"\xfe\xff"}[order] if number % 3 == 0 else b""
        tail = b"\x7b" if number % 5 == 0 else b""
        charset = ("utf-16", f"utf-16{order}", "utf-16", "UTF-16")[number % 4]
        yield _post(f"UTF-16 {charset} {order} {len(inner)} units", [("Content-Type", f"application/json; charset={charset}")],
                    bom + data + tail)
    for size in (2, 8, 15, 16, 17, 31, 33, 64, 65, 70):
        ascii_first = '{"a": "' + "b" * size + '"}'
        yield _post(f"UTF-16 without a BOM, big-endian after {size} ASCII-looking units",
                    [("Content-Type", "application/json; charset=utf-16")],
                    "\u4e2d\u6587".encode("utf-16-be") * (size // 4) + ascii_first.encode("utf-16-be"))
    bytes_pool = (b"\xc3\xa9", b"\xc3", b"\xa9", b"\xed\xa0\x80", b"\xf0\x9f\x98", b"\xf0\x9f\x98\x80", b"\xff", b"\xfe",
                  b"\xef\xbb\xbf", b"\xe2\x80\xa8", b"\xc0\x80", b"\xf4\x90\x80\x80", b"a", b"\x80\x80")
    for _ in range(40):
        inner = b"".join(rng.choice(bytes_pool) for _ in range(rng.randint(1, 6)))
        yield json_write(FAMILY, "POST", "/users", b'{"name": "' + inner + b'"}', name=f"UTF-8 bytes {inner!r}")
    for number in range(70):
        imap = number % 3 == 2
        yield _post(f"UTF-7{'-IMAP' if imap else ''} #{number}",
                    [("Content-Type", f"application/json; charset={'utf-7-imap' if imap else 'utf-7'}")],
                    _utf7_body(rng, imap))


def _utf7_body(rng, imap):
    """A JSON object whose text is written in UTF-7 pieces: direct characters, base64 runs of random UTF-16 (closed
    by '-', by another character, or not at all), the escape of the shift character itself."""
    shift = "&" if imap else "+"
    pieces = ['{"name": "']
    for _ in range(rng.randint(1, 6)):
        roll = rng.random()
        if roll < 0.3:
            pieces.append(rng.choice(("Jane", " ", "a-b", "é", "=", ".", "x/y", "+", "&", ",", "-")))
        elif roll < 0.4:
            pieces.append(shift + "-")
        else:
            raw = b"".join(rng.choice((0x41, 0xE9, 0x263A, 0xD83D, 0xDE00, 0xFEFF, 0x22, 0x4E2D)).to_bytes(2, "big")
                           for _ in range(rng.randint(0, 5)))
            if rng.random() < 0.3:
                raw += bytes([rng.randrange(256)])
            run = base64.b64encode(raw).decode().rstrip("=")[: rng.choice((99, 99, 1, 2, 3, 5))]
            if imap:
                run = run.replace("/", ",")
            pieces.append(shift + run + rng.choice(("-", "-", "", '"', " ", "!")))
    pieces.append(rng.choice(('"}', '"}', '"', "")))
    return "".join(pieces).encode("utf-8")


# The largest double written out (309 digits), and the first integer that rounds up to Infinity (its ulp's half).
MAX_DOUBLE = "%d" % (2**1024 - 2**971)
FIRST_INFINITE = "%d" % (2**1024 - 2**970)


def _numbers(rng):
    """Number literals as V8's JSON.parse reads them at every size: exact ints, rounded ones, the largest double,
    Infinity (written back as null) past it, at 309, 310 and thousands of digits, either sign, in the three writes."""
    literals = ["9007199254740991", "9007199254740993", "-9007199254740993", "123456789012345678901234567890",
                MAX_DOUBLE, "%d" % (int(MAX_DOUBLE) + 1), "%d" % (int(FIRST_INFINITE) - 1), FIRST_INFINITE,
                "1" + "0" * 308, "1" + "0" * 309, "9" * 309, "1" * 310, "1" * 400, "7" * 4300, "3" * 4301, "1" * 20000,
                "1e308", "1e309", "-1e309", "1.7976931348623157e308", "1.7976931348623159e308", "0.1e310", "1" * 400 + ".5",
                "0." + "0" * 400 + "1", "1e-400", "-0", "-0.0", "2.2250738585072011e-308", "4.9e-324", "2e-324"]
    literals += ["".join(rng.choice("0123456789") for _ in range(rng.randint(290, 330))).lstrip("0") or "0"
                 for _ in range(12)]
    for literal in literals:
        for method, target in (("POST", "/users"), ("PUT", "/users/1"), ("PATCH", "/users/1")):
            for sign in ("", "-") if not literal.startswith("-") else ("",):
                body = f'{{"name": "Jane", "n": {sign}{literal}, "list": [{sign}{literal}]}}'.encode()
                yield json_write(FAMILY, method, target, body, name=f"{method} {target} number {sign}{literal[:24]} "
                                 f"({len(literal)} characters)")
