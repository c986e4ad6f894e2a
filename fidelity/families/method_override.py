"""method-override: only on POST, only with one method it knows; the overridden method then rules."""

from fidelity.cases import Case, request

FAMILY = "method_override"
OVERRIDES = ("PATCH", "PUT", "DELETE", "GET", "HEAD", "OPTIONS", "PATCH, PUT", "patch", "FOO", "", " PATCH",
             "TRACE", "CONNECT", "POST")
KNOWN = ("ACL", "BIND", "CHECKOUT", "COPY", "LINK", "LOCK", "M-SEARCH", "MERGE", "MKACTIVITY", "MKCALENDAR", "MKCOL",
         "MOVE", "NOTIFY", "PROPFIND", "PROPPATCH", "PURGE", "QUERY", "REBIND", "REPORT", "SEARCH", "SOURCE",
         "SUBSCRIBE", "UNBIND", "UNLINK", "UNLOCK", "UNSUBSCRIBE")
ODD = ("Get", "gEt", "get ", "\tDELETE", "DELETE,", ",DELETE", "DELETE , PUT", "PUT;x", "PUT PATCH", "PATCH\u00a0",
       "G ET", "*", "get, head", "OPTIONS, GET")
TARGETS = ("/users", "/users/1", "/users/11", "/users/1/posts", "/posts/1/comments", "/db", "/unknown", "/users/1/posts/1",
           "/USERS/1/", "/users?_page=2&_limit=3", "/users/1?_embed=posts", "/users/%FF", "/users/1/%FF", "/")
BODIES = ("", '{"name": "Jane"}', "[1, 2]", '{"id": 5, "userId": 9}')  # valid JSON: JSON's errors are the bodies family's
ETAG = 'W/"1fd-+2Y3G3w049iSZtw5t1mzSnunngE"'  # GET /users/1
NOT_FOUND_ETAG = 'W/"2-vyGp6PvFo4RvsFtPoIWeCReyIC8"'  # the 404's `{}`: Express 4.17.1 checks freshness on GET/HEAD only
QS67 = ("/users?id[21]=1", "/users?id[20]=1", "/users?id[=1", "/users?_page[__proto__][]=2&_limit=3",
        "/users?name_like[toString]=x", "/users?id[b]=1&id=2", "/users?_limit=2&_embed[toString]=posts")


def _hint(value):
    """The answer's framing: none for a POST made HEAD (Content-Length kept, no body), as for HEAD."""
    first = value.split(",")[0].strip(" \t\u00a0").upper()
    return "HEAD" if first == "HEAD" else "POST"


def _post(target, value, body="", headers=()):
    """A POST carrying an override (and a JSON body when given)."""
    all_headers = [("X-HTTP-Method-Override", value), *headers]
    if body:
        all_headers.insert(0, ("Content-Type", "application/json"))
    return Case(FAMILY, f"POST {target} as {value!r} {body[:12]!r} {dict(headers)}",
                request("POST", target, all_headers, body), _hint(value))


def cases(rng):
    """Each override on POST /users and POST /users/1, then on other methods (where it must be ignored)."""
    for value in OVERRIDES:
        for target in ("/users", "/users/1"):
            yield Case(FAMILY, f"POST {target} as {value!r}", request(
                "POST", target, [("Content-Type", "application/json"), ("X-HTTP-Method-Override", value)],
                '{"name": "Jane"}'), "HEAD" if value.strip().upper() == "HEAD" else "POST")
        yield Case(FAMILY, f"PUT /users/1 as {value!r}", request(
            "PUT", "/users/1", [("Content-Type", "application/json"), ("X-HTTP-Method-Override", value)], "{}"), "PUT")
    yield Case(FAMILY, "override to GET with If-None-Match", request("POST", "/users/1", [
        ("X-HTTP-Method-Override", "GET"), ("If-None-Match", ETAG)]), "POST")
    for value in OVERRIDES + KNOWN + ODD:
        for target in TARGETS:
            yield _post(target, value)
    for method in ("GET", "PUT", "PATCH", "DELETE", "HEAD", "TRACE"):
        for value in ("POST", "GET", "DELETE", "OPTIONS"):
            yield Case(FAMILY, f"{method} /users/1 as {value!r}", request(
                method, "/users/1", [("X-HTTP-Method-Override", value)]), method)
    for value in ("GET", "HEAD"):
        for headers in ([("If-None-Match", ETAG)], [("If-None-Match", "*")], [("Accept-Encoding", "gzip")],
                        [("Accept-Encoding", "br")], [("Origin", "http://app.example")], [("If-None-Match", ETAG),
                                                                                          ("Cache-Control", "no-cache")]):
            yield _post(rng.choice(("/users", "/users/1", "/posts")), value, headers=headers)
    for value in ("QUERY", "SEARCH", "DELETE", "PUT", "PROPFIND"):
        for tag in (NOT_FOUND_ETAG, "*"):
            yield _post(rng.choice(("/users", "/users/1", "/unknown")), value, headers=[("If-None-Match", tag)])
    for target in QS67:  # the query of an overridden request, as qs 6.7.0 reads it
        for value in ("GET", "HEAD", "DELETE"):
            yield _post(target, value)
    yield Case(FAMILY, "two override headers", b"POST /users/1 HTTP/1.1\r\nHost: jsonplaceholder.test\r\n"
               b"X-HTTP-Method-Override: DELETE\r\nX-HTTP-Method-Override: PATCH\r\nContent-Length: 0\r\n\r\n", "POST")
    for _ in range(150):
        value = rng.choice(OVERRIDES + KNOWN + ODD)
        yield _post(rng.choice(TARGETS), value, rng.choice(BODIES))
