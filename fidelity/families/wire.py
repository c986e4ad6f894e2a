"""Node's HTTP parser and server (llhttp): request lines, versions, line endings, header bytes, framing."""

from fidelity.cases import Case

FAMILY = "wire"
H = b"Host: jsonplaceholder.test\r\n"
J = b"Content-Type: application/json\r\n"
CH = b"POST /users HTTP/1.1\r\n" + H + J + b"Transfer-Encoding: chunked\r\n\r\n"
RAW = {
    "CONNECT": b"CONNECT jsonplaceholder.test:80 HTTP/1.1\r\n" + H + b"\r\n",
    "QUERY method": b"QUERY /users HTTP/1.1\r\n" + H + b"\r\n",
    "target without a slash": b"GET users HTTP/1.1\r\n" + H + b"\r\n",
    "bare LF line endings": b"GET /users/1 HTTP/1.1\n" + H.replace(b"\r\n", b"\n") + b"\n",
    "control byte in a header value": b"GET /users/1 HTTP/1.1\r\n" + H + b"X-A: a\x01b\r\n\r\n",
    "bare CR in a header value": b"GET /users/1 HTTP/1.1\r\n" + H + b"Origin: http://a\rSet-Cookie: x=1\r\n\r\n",
    "HTTP/2.0": b"GET /users/1 HTTP/2.0\r\n" + H + b"\r\n",
    "no version": b"GET /users/1\r\n\r\n",
    "HTTP/1.0 without Host": b"GET /users/1 HTTP/1.0\r\n\r\n",
    "chunk size -1": b"POST /users HTTP/1.1\r\n" + H + b"Transfer-Encoding: chunked\r\n\r\n-1\r\n",
    "chunk size +8": b"POST /users HTTP/1.1\r\n" + H + b"Transfer-Encoding: chunked\r\n\r\n+8\r\n12345678\r\n0\r\n\r\n",
    "chunk size 0x8": b"POST /users HTTP/1.1\r\n" + H + b"Transfer-Encoding: chunked\r\n\r\n0x8\r\n12345678\r\n0\r\n\r\n",
    "no CRLF after chunk data": b"POST /users HTTP/1.1\r\n" + H + b"Transfer-Encoding: chunked\r\n\r\n2\r\n{}XX0\r\n\r\n",
    "Content-Length +5": b"POST /users HTTP/1.1\r\n" + H + b"Content-Length: +5\r\n\r\n{}   ",
    "Expect: 100-continue": b"POST /users HTTP/1.1\r\n" + H + b"Content-Type: application/json\r\n"
    b"Content-Length: 2\r\nExpect: 100-continue\r\n\r\n{}",
    "Expect: something": b"GET /users/1 HTTP/1.1\r\n" + H + b"Expect: something\r\n\r\n",
    # versions and request lines
    "HTTP/1.2": b"GET /users/1 HTTP/1.2\r\n" + H + b"\r\n",
    "HTTP/3.0": b"GET /users/1 HTTP/3.0\r\n" + H + b"\r\n",
    "HTTP/0.9 spelled out": b"GET /users/1 HTTP/0.9\r\n" + H + b"\r\n",
    "HTTP/1.10": b"GET /users/1 HTTP/1.10\r\n" + H + b"\r\n",
    "lower-case http/1.1": b"GET /users/1 http/1.1\r\n" + H + b"\r\n",
    "no version, then a header": b"GET /users/1\r\n" + H + b"\r\n",
    "no version, HEAD": b"HEAD /users/1\r\n\r\n",
    "two spaces after the method": b"GET  /users/1 HTTP/1.1\r\n" + H + b"\r\n",
    "tab after the method": b"GET\t/users/1 HTTP/1.1\r\n" + H + b"\r\n",
    "space before the line end": b"GET /users/1 HTTP/1.1 \r\n" + H + b"\r\n",
    "lower-case method": b"get /users/1 HTTP/1.1\r\n" + H + b"\r\n",
    "leading blank lines": b"\r\n\r\nGET /users/1 HTTP/1.1\r\n" + H + b"\r\n",
    "leading bare LF": b"\nGET /users/1 HTTP/1.1\r\n" + H + b"\r\n",
    "PRI (HTTP/2 preface)": b"PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n",
    "OPTIONS *": b"OPTIONS * HTTP/1.1\r\n" + H + b"\r\n",
    "GET *": b"GET * HTTP/1.1\r\n" + H + b"\r\n",
    "absolute-form target": b"GET http://jsonplaceholder.test/users/1 HTTP/1.1\r\n" + H + b"\r\n",
    "fragment in the target": b"GET /users/1#top HTTP/1.1\r\n" + H + b"\r\n",
    "HTTP/1.0 keep-alive": b"GET /users/1 HTTP/1.0\r\nConnection: keep-alive\r\n\r\n",
    "Connection: close, then another request": b"GET /users/1 HTTP/1.1\r\n" + H + b"Connection: close\r\n\r\n"
    b"GET /users/2 HTTP/1.1\r\n" + H + b"\r\n",
    "garbage after a whole request": b"GET /users/1 HTTP/1.1\r\n" + H + b"\r\nHELLO\r\n\r\n",
    "Upgrade to websocket": b"GET /users/1 HTTP/1.1\r\n" + H + b"Connection: Upgrade\r\nUpgrade: websocket\r\n\r\n",
    "Upgrade to h2c": b"GET /users/1 HTTP/1.1\r\n" + H + b"Connection: Upgrade, HTTP2-Settings\r\nUpgrade: h2c\r\n"
    b"HTTP2-Settings: AAMAAABkAAQAAP__\r\n\r\n",
    # headers
    "folded header line": b"GET /users/1 HTTP/1.1\r\n" + H + b"X-A: a\r\n b\r\n\r\n",
    "space before the colon": b"GET /users/1 HTTP/1.1\r\n" + H + b"X-A : a\r\n\r\n",
    "empty header name": b"GET /users/1 HTTP/1.1\r\n" + H + b": a\r\n\r\n",
    "tab in a header value": b"GET /users/1 HTTP/1.1\r\n" + H + b"Origin: http://a\tb\r\n\r\n",
    "high bytes in a header value": b"GET /users/1 HTTP/1.1\r\n" + H + b"Origin: http://caf\xc3\xa9\r\n\r\n",
    "DEL in a header value": b"GET /users/1 HTTP/1.1\r\n" + H + b"Origin: a\x7fb\r\n\r\n",
    "trailing spaces in a header value": b"GET /users/1 HTTP/1.1\r\n" + H + b"Origin: http://a \t \r\n\r\n",
    "two Host headers": b"GET /users?_page=1&_limit=2 HTTP/1.1\r\n" + H + b"Host: other.test\r\n\r\n",
    "two Origin headers": b"GET /users/1 HTTP/1.1\r\n" + H + b"Origin: http://a\r\nOrigin: http://b\r\n\r\n",
    "empty Host on HTTP/1.1": b"GET /users/1 HTTP/1.1\r\nHost:\r\n\r\n",
    "Host with a space": b"GET /users/1 HTTP/1.1\r\nHost: a b\r\n\r\n",
    # body framing
    "Content-Length with leading zeros": b"POST /users HTTP/1.1\r\n" + H + J + b"Content-Length: 0002\r\n\r\n{}",
    "two equal Content-Lengths": b"POST /users HTTP/1.1\r\n" + H + J + b"Content-Length: 2\r\nContent-Length: 2\r\n\r\n{}",
    "two different Content-Lengths": b"POST /users HTTP/1.1\r\n" + H + J + b"Content-Length: 2\r\nContent-Length: 3\r\n\r\n{}",
    "Content-Length 2, 2": b"POST /users HTTP/1.1\r\n" + H + J + b"Content-Length: 2, 2\r\n\r\n{}",
    "Content-Length with a space inside": b"POST /users HTTP/1.1\r\n" + H + J + b"Content-Length: 1 2\r\n\r\n{}",
    "Content-Length -1": b"POST /users HTTP/1.1\r\n" + H + J + b"Content-Length: -1\r\n\r\n",
    "empty Content-Length": b"POST /users HTTP/1.1\r\n" + H + J + b"Content-Length:\r\n\r\n",
    "Content-Length on a GET": b"GET /users/1 HTTP/1.1\r\n" + H + b"Content-Length: 2\r\n\r\n{}",
    "Transfer-Encoding gzip, chunked": b"POST /users HTTP/1.1\r\n" + H + J + b"Transfer-Encoding: gzip, chunked\r\n\r\n0\r\n\r\n",
    "Transfer-Encoding chunked, gzip": b"POST /users HTTP/1.1\r\n" + H + J + b"Transfer-Encoding: chunked, gzip\r\n\r\n0\r\n\r\n",
    "Transfer-Encoding identity": b"POST /users HTTP/1.1\r\n" + H + J + b"Transfer-Encoding: identity\r\n\r\n{}",
    "Transfer-Encoding CHUNKED": b"POST /users HTTP/1.1\r\n" + H + J + b"Transfer-Encoding: CHUNKED\r\n\r\n2\r\n{}\r\n0\r\n\r\n",
    "two Transfer-Encoding headers": b"POST /users HTTP/1.1\r\n" + H + J + b"Transfer-Encoding: chunked\r\n"
    b"Transfer-Encoding: chunked\r\n\r\n2\r\n{}\r\n0\r\n\r\n",
    "chunked on HTTP/1.0": b"POST /users HTTP/1.0\r\n" + J + b"Transfer-Encoding: chunked\r\n\r\n2\r\n{}\r\n0\r\n\r\n",
    "chunk size in upper case": CH + b"A\r\n{\"a\": 123}\r\n0\r\n\r\n",
    "chunk size with leading zeros": CH + b"0002\r\n{}\r\n0\r\n\r\n",
    "space after the chunk size": CH + b"2 \r\n{}\r\n0\r\n\r\n",
    "tab after the chunk size": CH + b"2\t\r\n{}\r\n0\r\n\r\n",
    "chunk extension": CH + b"2;name=value\r\n{}\r\n0\r\n\r\n",
    "quoted chunk extension": CH + b"2;name=\"a b\"\r\n{}\r\n0\r\n\r\n",
    "empty chunk extension": CH + b"2;\r\n{}\r\n0\r\n\r\n",
    "trailer after the last chunk": CH + b"2\r\n{}\r\n0\r\nX-Trailer: 1\r\n\r\n",
    "bare LF after the chunk size": CH + b"2\n{}\r\n0\r\n\r\n",
    "bare LF after the chunk data": CH + b"2\r\n{}\n0\r\n\r\n",
    "chunk size overflowing 64 bits": CH + b"10000000000000000\r\n{}\r\n0\r\n\r\n",
    "chunk data longer than its size": CH + b"1\r\n{}\r\n0\r\n\r\n",
    "no last chunk": CH + b"2\r\n{}\r\n",
    "Expect: 100-Continue": b"POST /users HTTP/1.1\r\n" + H + J + b"Content-Length: 2\r\nExpect: 100-Continue\r\n\r\n{}",
    "Expect: 100-continue, foo": b"POST /users HTTP/1.1\r\n" + H + J + b"Content-Length: 2\r\nExpect: 100-continue, foo\r\n\r\n{}",
    "Expect on HTTP/1.0": b"POST /users HTTP/1.0\r\n" + J + b"Content-Length: 2\r\nExpect: magic\r\n\r\n{}",
    "Expect: 100-continue without a body": b"GET /users/1 HTTP/1.1\r\n" + H + b"Expect: 100-continue\r\n\r\n",
    "Expect: magic on a POST": b"POST /users HTTP/1.1\r\n" + H + J + b"Content-Length: 2\r\nExpect: magic\r\n\r\n{}",
    "Expect: magic, Connection: close": b"GET /users/1 HTTP/1.1\r\n" + H + b"Connection: close\r\nExpect: magic\r\n\r\n",
}
METHODS = ("ACL", "BIND", "CHECKOUT", "COPY", "LINK", "LOCK", "M-SEARCH", "MERGE", "MKACTIVITY", "MKCALENDAR", "MKCOL",
           "MOVE", "NOTIFY", "PROPFIND", "PROPPATCH", "PURGE", "REBIND", "REPORT", "SEARCH", "SOURCE", "SUBSCRIBE", "TRACE",
           "UNBIND", "UNLINK", "UNLOCK", "UNSUBSCRIBE", "QUERY", "DESCRIBE", "ANNOUNCE", "SETUP", "PLAY", "PAUSE",
           "TEARDOWN", "GET_PARAMETER", "SET_PARAMETER", "REDIRECT", "RECORD", "FLUSH", "FOO", "GETS", "PATC", "DELET")


def _head_of(counted):
    """A GET whose request target and header names and values add up to `counted` bytes, as Node counts them."""
    host = b"jsonplaceholder.test"
    fixed = len(b"/users?x=") + len(b"Host") + len(host) + len(b"X-Pad")
    pad = counted - fixed - 8000
    return (b"GET /users?x=" + b"a" * 8000 + b" HTTP/1.1\r\nHost: " + host + b"\r\nX-Pad: " + b"b" * pad + b"\r\n\r\n")


def _framing_whitespace():
    """Spaces and tabs around the values of the headers llhttp reads itself (framing, connection, upgrade)."""
    for pad in (b" ", b"\t", b" \t", b"\t ", b"  "):
        shown = pad.decode().replace("\t", "<TAB>").replace(" ", "<SP>")
        yield f"Content-Length: 2{shown}", b"POST /users HTTP/1.1\r\n" + H + J + b"Content-Length: 2" + pad + b"\r\n\r\n{}"
        yield f"Content-Length: {shown}2", b"POST /users HTTP/1.1\r\n" + H + J + b"Content-Length:" + pad + b"2\r\n\r\n{}"
        yield f"Content-Length: 0{shown} on a GET", b"GET /users/1 HTTP/1.1\r\n" + H + b"Content-Length: 0" + pad \
            + b"\r\n\r\n"
        yield f"Transfer-Encoding: chunked{shown}", CH.replace(b"chunked\r\n", b"chunked" + pad + b"\r\n") \
            + b"2\r\n{}\r\n0\r\n\r\n"
        yield f"Transfer-Encoding: gzip,{shown}chunked", CH.replace(b"chunked\r\n", b"gzip," + pad + b"chunked\r\n") \
            + b"0\r\n\r\n"
        yield f"Connection: close{shown}", b"GET /users/1 HTTP/1.1\r\n" + H + b"Connection: close" + pad + b"\r\n\r\n" \
            + b"GET /users/2 HTTP/1.1\r\n" + H + b"\r\n"
        yield f"Connection: keep-alive{shown} on HTTP/1.0", b"GET /users/1 HTTP/1.0\r\nConnection: keep-alive" + pad \
            + b"\r\n\r\nGET /users/2 HTTP/1.0\r\n\r\n"
        yield f"Connection: upgrade{shown}", b"GET /users/1 HTTP/1.1\r\n" + H + b"Connection: upgrade" + pad \
            + b"\r\nUpgrade: websocket\r\n\r\n"
        yield f"Expect: 100-continue{shown}", b"POST /users HTTP/1.1\r\n" + H + J + b"Content-Length: 2\r\nExpect: " \
            b"100-continue" + pad + b"\r\n\r\n{}"
        yield f"Host: jsonplaceholder.test{shown}", b"GET /users?_page=1 HTTP/1.1\r\nHost: jsonplaceholder.test" + pad \
            + b"\r\n\r\n"
    yield "Content-Length: 2<VT>", b"POST /users HTTP/1.1\r\n" + H + J + b"Content-Length: 2\x0b\r\n\r\n{}"
    yield "Content-Length: 2<FF>", b"POST /users HTTP/1.1\r\n" + H + J + b"Content-Length: 2\x0c\r\n\r\n{}"
    yield "Content-Length: 2<NUL>", b"POST /users HTTP/1.1\r\n" + H + J + b"Content-Length: 2\x00\r\n\r\n{}"
    yield "Content-Length: 2<SP>2", b"POST /users HTTP/1.1\r\n" + H + J + b"Content-Length: 2 2\r\n\r\n{}"
    yield "Content-Length: 2<TAB>2", b"POST /users HTTP/1.1\r\n" + H + J + b"Content-Length: 2\t2\r\n\r\n{}"


def _extensions():
    """Chunk extensions at Node's limit of 16,384 counted bytes per chunk (names and values, quotes too, not ; or =)."""
    end = b"\r\n{}\r\n0\r\n\r\n"
    for n in (16383, 16384, 16385, 40000):
        yield f"extension name of {n} bytes", CH + b"2;" + b"a" * n + end
        yield f"extension a= and a value of {n - 1} bytes", CH + b"2;a=" + b"b" * (n - 1) + end
        yield f"quoted extension value, {n} bytes with its quotes", CH + b'2;a="' + b"b" * (n - 3) + b'"' + end
        yield f"{n // 2} extensions a=b", CH + b"2" + b";a=b" * (n // 2) + end
        yield f"extension of {n} bytes on the last chunk", CH + b"2\r\n{}\r\n0;" + b"a" * n + b"\r\n\r\n"
        yield f"extension of {n} bytes with no line end", CH + b"2;" + b"a" * n
        yield f"two chunks with {n // 2} bytes of extension each", CH + b"1;" + b"a" * (n // 2) + b"\r\n{\r\n1;" \
            + b"a" * (n // 2) + b"\r\n}\r\n0\r\n\r\n"
    yield "a control byte after 20,000 bytes of extension", CH + b"2;" + b"a" * 20000 + b"\x01" + end
    yield "a space after 20,000 bytes of extension", CH + b"2;" + b"a" * 20000 + b" " + end
    yield "a control byte after 20,000 bytes of quoted value", CH + b'2;a="' + b"b" * 20000 + b"\x01" + end
    yield "a control byte after 1,000 bytes of extension", CH + b"2;" + b"a" * 1000 + b"\x01" + end
    yield "a bad chunk size before 20,000 bytes of extension", CH + b"2x;" + b"a" * 20000 + end
    yield "an extension past the limit after a bad chunk", CH + b"2\r\n{}XX1;" + b"a" * 20000 + b"\r\n}\r\n0\r\n\r\n"
    yield "a quoted value with an escaped quote, past the limit", CH + b'2;a="' + b'\\"' * 9000 + b'"' + end
    yield "a quoted value with a tab and high bytes", CH + b'2;a="x\ty\xff"' + end
    yield "a quote in an extension name", CH + b'2;a"b=c' + end
    yield "an extension after a space", CH + b"2; a=b" + end
    yield "an extension after a tab", CH + b"2\t;a=b" + end
    yield "two semicolons", CH + b"2;;a" + end
    yield "a request after an extension past the limit", CH + b"2;" + b"a" * 20000 + end \
        + b"GET /users/1 HTTP/1.1\r\n" + H + b"\r\n"
    yield "a request before an extension past the limit", b"GET /users/1 HTTP/1.1\r\n" + H + b"\r\n" + CH \
        + b"2;" + b"a" * 20000 + end
    yield "an extension past the limit after a Content-Length body", b"POST /users HTTP/1.1\r\n" + H + J \
        + b"Content-Length: 2\r\n\r\n{}" + CH + b"2;" + b"a" * 20000 + end


def cases(rng):
    """The examples, methods, the 16 KB limit at its edge, random header bytes, random targets, random lines."""
    for name, data in RAW.items():
        method = data.lstrip(b"\r\n").split(b" ", 1)[0].decode("latin-1")
        yield Case(FAMILY, name, data, method if method in ("HEAD", "POST") else "GET")
    for method in METHODS:
        yield Case(FAMILY, f"method {method}", method.encode() + b" /users HTTP/1.1\r\n" + H + b"\r\n")
    for count in (999, 1000, 1001, 1500):  # Node keeps the first 1,000 header lines; the Origin comes last
        filler = b"".join(b"X-%d: 1\r\n" % i for i in range(count - 2))
        yield Case(FAMILY, f"{count} header lines, Origin last", b"GET /users/1 HTTP/1.1\r\n" + H + filler
                   + b"Origin: http://last.test\r\n\r\n")
    for name, data in (*_framing_whitespace(), *_extensions()):
        yield Case(FAMILY, name, data, "GET" if data.startswith(b"GET") else "POST")
    for counted in (16380, 16382, 16383, 16384, 16385, 16390):
        yield Case(FAMILY, f"head of {counted} counted bytes", _head_of(counted))
    for _ in range(150):
        value = bytes(rng.choice(b"ab \t\x00\x01\x7f\x80\xff\r:;=") for _ in range(rng.randint(1, 8)))
        yield Case(FAMILY, f"header value {value!r}", b"GET /users/1 HTTP/1.1\r\n" + H + b"X-Test: " + value + b"\r\n\r\n")
    for _ in range(80):
        name = bytes(rng.choice(b"aZ-_!#~ \t\x00\x7f\x80(),/:;<=>?@[]{}\"") for _ in range(rng.randint(1, 6)))
        yield Case(FAMILY, f"header name {name!r}", b"GET /users/1 HTTP/1.1\r\n" + H + name + b": v\r\n\r\n")
    for _ in range(120):
        target = bytes(rng.choice(b"/users1?&=%#[]{}|^`\\\"<> \x7f\xc3\xa9\t") for _ in range(rng.randint(1, 12)))
        yield Case(FAMILY, f"target {target!r}", b"GET " + target + b" HTTP/1.1\r\n" + H + b"\r\n")
    for _ in range(80):
        line = bytes(rng.choice(b"GETPOSHD /users1HTP.0\t\r\n") for _ in range(rng.randint(4, 24)))
        yield Case(FAMILY, f"request line {line!r}", line + b"\r\n" + H + b"\r\n")
    for _ in range(60):
        size = "".join(rng.choice("0123456789abcdefABCDEFxX+- ;=\t") for _ in range(rng.randint(1, 5)))
        body = CH + size.encode() + b"\r\n" + b"{}" + b"\r\n0\r\n\r\n"
        yield Case(FAMILY, f"chunk size {size!r}", body, "POST")
