"""The malformed requests of the robustness battery: the one place where a sentence of the features becomes bytes."""

HOST = b"Host: 127.0.0.1\r\n"
JSON_TYPE = b"Content-Type: application/json\r\n"
_CHUNKED = b"POST /users HTTP/1.1\r\n" + HOST + JSON_TYPE + b"Transfer-Encoding: chunked\r\n\r\n"
MALFORMED = {
    "a request line with no version": b"GET /users\r\n\r\n",
    "a line of garbage": b"HELLO THERE\r\n\r\n",
    "an unknown method": b"FOO /users HTTP/1.1\r\n" + HOST + b"\r\n",
    "a method the API does not route": b"QUERY /users HTTP/1.1\r\n" + HOST + b"\r\n",
    "a request to open a tunnel": b"CONNECT 127.0.0.1:80 HTTP/1.1\r\n" + HOST + b"\r\n",
    "an HTTP version that does not exist": b"GET /users HTTP/1.2\r\n" + HOST + b"\r\n",
    "HTTP version 2.0 in a request line": b"GET /users HTTP/2.0\r\n" + HOST + b"\r\n",
    "an address that does not start with a slash": b"GET users HTTP/1.1\r\n" + HOST + b"\r\n",
    "raw non-ASCII bytes in the address": b"GET /users/caf\xc3\xa9 HTTP/1.1\r\n" + HOST + b"\r\n",
    "a request without a Host header": b"GET /users HTTP/1.1\r\n\r\n",
    "bare line feeds for line ends": b"GET /users HTTP/1.1\n" + HOST.replace(b"\r\n", b"\n") + b"\n",
    "a header line without a colon": b"GET /users HTTP/1.1\r\n" + HOST + b"Broken header\r\n\r\n",
    "a header name with a space in it": b"GET /users HTTP/1.1\r\n" + HOST + b"Bad Name: 1\r\n\r\n",
    "a carriage return inside a header value": b"GET /users HTTP/1.1\r\n" + HOST
    + b"Origin: http://a\rSet-Cookie: x=1\r\n\r\n",
    "a control character in a header value": b"GET /users HTTP/1.1\r\n" + HOST + b"X-Note: a\x01b\r\n\r\n",
    "a NUL byte in a header value": b"GET /users HTTP/1.1\r\n" + HOST + b"X-Note: a\x00b\r\n\r\n",
    "a body length that is not a number": b"POST /users HTTP/1.1\r\n" + HOST + b"Content-Length: abc\r\n\r\n",
    "a body length with a plus sign": b"POST /users HTTP/1.1\r\n" + HOST + JSON_TYPE + b"Content-Length: +2\r\n\r\n{}",
    "both a body length and chunks": b"POST /users HTTP/1.1\r\n" + HOST
    + b"Content-Length: 5\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n",
    "a chunk size that is not a number": _CHUNKED + b"zz\r\n",
    "a negative chunk size": _CHUNKED + b"-1\r\n",
    "a chunk size with a plus sign": _CHUNKED + b"+2\r\n{}\r\n0\r\n\r\n",
    "a chunk size written as 0x2": _CHUNKED + b"0x2\r\n{}\r\n0\r\n\r\n",
    "chunk data not followed by a line end": _CHUNKED + b"2\r\n{}XX0\r\n\r\n",
    "headers over 16 KB": b"GET /users HTTP/1.1\r\n" + HOST + b"X-Filler: " + b"a" * 17_000 + b"\r\n\r\n",
    "an address over 16 KB": b"GET /users?x=" + b"a" * 20_000 + b" HTTP/1.1\r\n" + HOST + b"\r\n",
    "bad percent-encoding in the address": b"GET /users/%FF HTTP/1.1\r\n" + HOST + b"\r\n",
    "a user in invalid JSON": b"POST /users HTTP/1.1\r\n" + HOST + JSON_TYPE + b"Content-Length: 13\r\n\r\n{\"name\": bad}",
    "a user in JSON announced as over 10 MB": b"POST /users HTTP/1.1\r\n" + HOST + JSON_TYPE
    + b"Content-Length: 20000000\r\n\r\n{\"name\": \"",
    "a user nested 100,000 arrays deep": b"POST /users HTTP/1.1\r\n" + HOST + JSON_TYPE
    + b"Content-Length: 200000\r\n\r\n" + b"[" * 100_000 + b"]" * 100_000,
}
