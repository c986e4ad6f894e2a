"""method-override: only on POST, only with one method it knows; the overridden method then rules."""

from fidelity.cases import Case, request

FAMILY = "method_override"
OVERRIDES = ("PATCH", "PUT", "DELETE", "GET", "HEAD", "OPTIONS", "PATCH, PUT", "patch", "FOO", "", " PATCH",
             "TRACE", "CONNECT", "POST")


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
        ("X-HTTP-Method-Override", "GET"), ("If-None-Match", 'W/"1fd-+2Y3G3w049iSZtw5t1mzSnunngE"')]), "POST")
