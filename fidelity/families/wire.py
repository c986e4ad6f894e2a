"""Node's HTTP parser and server (llhttp): request lines, versions, line endings, header bytes, framing."""

from fidelity.cases import Case

FAMILY = "wire"
H = b"Host: jsonplaceholder.test\r\n"
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
}


def cases(rng):
    """The issue's examples, then header lines of random bytes and request lines of random shapes."""
    for name, data in RAW.items():
        method = data.split(b" ", 1)[0].decode()
        yield Case(FAMILY, name, data, method if method in ("HEAD", "POST") else "GET")
    for _ in range(150):
        value = bytes(rng.choice(b"ab \t\x00\x01\x7f\x80\xff\r:;=") for _ in range(rng.randint(1, 8)))
        yield Case(FAMILY, f"header value {value!r}", b"GET /users/1 HTTP/1.1\r\n" + H + b"X-Test: " + value + b"\r\n\r\n")
    for _ in range(80):
        target = bytes(rng.choice(b"/users1?&=%#[]{}|^`\\\"<> \x7f\xc3\xa9") for _ in range(rng.randint(1, 12)))
        yield Case(FAMILY, f"target {target!r}", b"GET " + target + b" HTTP/1.1\r\n" + H + b"\r\n")
