"""Headers set before an error stay on the 500; Link and Location built from Host; Accept-Encoding as negotiator reads it."""

from fidelity.cases import Case, get, request

FAMILY = "headers"
ENCODINGS = ("gzip;q=-1", "gzip;q=abc", "gzip;q=0", "gzip;q=0.001", "*", "*;q=0", "identity", "gzip, identity;q=0",
             "deflate", "deflate, gzip", "GZIP", "br", "gzip;q=1.5", "gzip ; q=0.5", "x-gzip", ";q=1", "gzip;Q=0")


def cases(rng):
    """The issue's examples, then paged and created URLs under odd Hosts, then Accept-Encoding values."""
    yield get(FAMILY, "/posts?_limit=2&_expand=post")
    yield get(FAMILY, "/posts?_page=2&_expand=post")
    for host in ("", "a", "a:1", "[::1]:3000", "a b", "jsonplaceholder.test:80"):
        yield Case(FAMILY, f"paged with Host {host!r}", request("GET", "/users?_page=2&_limit=3", host=host))
        yield Case(FAMILY, f"created with Host {host!r}", request(
            "POST", "/users", [("Content-Type", "application/json")], "{}", host=host), "POST")
    yield Case(FAMILY, "two Host headers", b"GET /users?_page=1&_limit=2 HTTP/1.1\r\nHost: a\r\nHost: b\r\n\r\n")
    yield get(FAMILY, "http://other.example/users?_page=1&_limit=2", name="absolute-form target")
    for chars in ("{}", "|", "^", "`", "<>", "%7C", "\"", "'"):
        yield get(FAMILY, f"/users?_page=1&_limit=2&x={chars}")
    for value in ENCODINGS:
        yield get(FAMILY, "/users", [("Accept-Encoding", value)])
    for _ in range(40):
        value = ", ".join(f"{rng.choice(('gzip', 'deflate', 'identity', '*', 'br'))};q={rng.choice(('0', '1', '0.5', '-1', 'x', ''))}"
                          for _ in range(rng.randint(1, 3)))
        yield get(FAMILY, "/posts", [("Accept-Encoding", value)])
