"""Headers set before an error stay on the 500; Link and Location built from Host; Accept-Encoding as negotiator reads it."""

from fidelity.cases import Case, get, request

FAMILY = "headers"
ENCODINGS = ("gzip;q=-1", "gzip;q=abc", "gzip;q=0", "gzip;q=0.001", "*", "*;q=0", "identity", "gzip, identity;q=0",
             "deflate", "deflate, gzip", "GZIP", "br", "gzip;q=1.5", "gzip ; q=0.5", "x-gzip", ";q=1", "gzip;Q=0",
             "gzip, deflate, br", "br;q=0.9, gzip", "identity;q=0", "*;q=0.5, gzip;q=0", "br;q=0, *", "gzip;q=NaN",
             "gzip;q=Infinity", "gzip;q=1e-9", "gzip;q=.5, deflate;q=.5", "deflate;q=1, gzip;q=1", "compress", "",
             "gzip;level=9", "gzip;q", "gzip;q=", "br, gzip;q=1", " gzip ", "gzip,,deflate", "*;q=0.1, identity;q=0")
HOSTS = ("", "a", "a:1", "[::1]:3000", "a b", "jsonplaceholder.test:80", "A.Example", "page=2.example", "x%y", "a/b",
         "a?b", "a#b", "user@host", "h\u00e9", "\"q\"", "{h}", "a|b^c", "127.0.0.1:3000",
         # encodeurl 1.0.2 (res.location): a bad escape takes the one or two characters after its '%' along
         "a%zz", "a%4", "a%4g", "a%%41", "a%41b", "a%", "x$y", "a`b", "a<b>", "a\\b", "\u00ff\u00e9")
QUERY_CHARS = ("{}", "|", "^", "`", "<>", "%7C", "\"", "'", "\\", "%", "%zz", "[]", "~!$", "a b".replace(" ", "+"),
               "%E2%82%AC", ";,:@", "&&", "==", "#", "%4", "%4g", "%%41", "%%", "%41%", "$#x", "%25", "%E2%82", "%g1")
FAILING = ("/posts?_limit=2&_expand=post", "/posts?_page=2&_expand=post", "/posts?_start=1&_end=3&_expand=post",
           "/todos?_page=1&_limit=5&_expand=todo", "/albums?_limit=1&_expand=album", "/comments?_page=3&_limit=2&_expand=comment",
           "/posts?_page=2&_limit=5&_expand[a]=user", "/users?_limit=3&_expand[]=x&_expand[b]=y", "/posts?_end=2&_expand=posts",
           "/users?_page=2&_limit=3&q[a]=x", "/users?_limit=2&_sort[a]=id", "/posts?_page=9&_expand=post",
           "/posts?_page=99&_limit=5&_expand=post", "/posts?_page=1&_limit=100&_expand=post", "/posts/1?_expand[a]=user")


def cases(rng):
    """The issue's examples, then paged and created URLs under odd Hosts, then Accept-Encoding values."""
    for target in FAILING:
        yield get(FAMILY, target)
        yield get(FAMILY, target, [("Origin", "http://app.example")])
    for host in HOSTS:
        yield Case(FAMILY, f"paged with Host {host!r}", request("GET", "/users?_page=2&_limit=3", host=host))
        yield Case(FAMILY, f"created with Host {host!r}", request(
            "POST", "/users", [("Content-Type", "application/json")], "{}", host=host), "POST")
        yield Case(FAMILY, f"nested created with Host {host!r}", request("POST", "/users/1/posts", host=host), "POST")
    yield Case(FAMILY, "two Host headers", b"GET /users?_page=1&_limit=2 HTTP/1.1\r\nHost: a\r\nHost: b\r\n\r\n")
    yield Case(FAMILY, "two Host headers on a create",
               b"POST /users HTTP/1.1\r\nHost: a\r\nHost: b\r\nContent-Length: 0\r\n\r\n", "POST")
    yield Case(FAMILY, "HTTP/1.0 without Host, paged", b"GET /users?_page=2&_limit=4 HTTP/1.0\r\n\r\n")
    yield Case(FAMILY, "HTTP/1.0 without Host, created", b"POST /users HTTP/1.0\r\nContent-Length: 0\r\n\r\n", "POST")
    yield get(FAMILY, "http://other.example/users?_page=1&_limit=2", name="absolute-form target")
    for target in ("http://other.example/users?_page=2&_limit=3", "HTTP://Other.Example/users?_page=3&_limit=4",
                   "http://other.example:8080/posts?_page=2", "http://other.example/users/1/posts?_page=2&_limit=3"):
        yield get(FAMILY, target, name=f"absolute-form {target}")
        yield Case(FAMILY, f"absolute-form create {target}", request("POST", target.split("?")[0] + "?x={}|",
                                                                      [("Content-Length", "0")]), "POST")
    for chars in QUERY_CHARS:
        yield get(FAMILY, f"/users?_page=1&_limit=2&x={chars}")
        yield Case(FAMILY, f"created with {chars!r} in the query", request("POST", f"/users?x={chars}",
                                                                            [("Content-Length", "0")]), "POST")
    for value in ENCODINGS:
        yield get(FAMILY, "/users", [("Accept-Encoding", value)])
        yield get(FAMILY, "/users/1", [("Accept-Encoding", value)])
        yield Case(FAMILY, f"HEAD /users Accept-Encoding {value!r}", request("HEAD", "/users", [("Accept-Encoding", value)]),
                   "HEAD")
    for _ in range(120):
        value = ", ".join(f"{rng.choice(('gzip', 'deflate', 'identity', '*', 'br', 'GZip', 'x'))}"
                          f";q={rng.choice(('0', '1', '0.5', '-1', 'x', '', '0.0001', '1.0'))}"
                          for _ in range(rng.randint(1, 3)))
        target = rng.choice(("/posts", "/users", "/todos?_limit=5", "/users/1?_embed=posts", "/albums?_page=2"))
        yield get(FAMILY, target, [("Accept-Encoding", value)])
