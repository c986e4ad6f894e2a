"""API coverage: which routes, methods, query operators and statuses of the API the features exercise.

It reads only the mock's journal (method, path, query string, status, routed) after each scenario that talked
to the mock, and compares what it saw with what the API offers: json-server 0.16's router as JSONPlaceholder
runs it (six resources, /db, nested routes for each owner and what points at it, Express's HEAD and CORS's
OPTIONS on every route) and its query language. Switched on with `-D api_coverage=on` (environment.py): the run
then ends with the summary line, and the HTML report (`-f living-docs`) gets the full table.
"""

from collections import defaultdict
from urllib.parse import parse_qsl, unquote

RESOURCES = ("users", "posts", "comments", "albums", "photos", "todos")
# Nested routes that hold something: /OWNER/:id/CHILD lists the CHILD records whose OWNERId is :id.
NESTED = (("users", "posts"), ("users", "albums"), ("users", "todos"), ("posts", "comments"), ("albums", "photos"))
METHODS = ("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS")
READS = ("GET", "HEAD", "OPTIONS")
OTHER_NESTED = "/:resource/:id/:nested (other pairs: always empty)"
NO_ROUTE = "(no route: 404, or refused before routing)"
OPERATORS = {
    "field=value": "a field equals a value", "a.b=value": "a nested field (dotted path) equals a value",
    "_gte": "at least", "_lte": "at most", "_ne": "not equal", "_like": "matches a regular expression",
    "q": "full-text search", "_sort": "sort by fields", "_order": "ascending or descending",
    "_start": "slice from", "_end": "slice to", "_limit": "at most this many", "_page": "a page (with _limit)",
    "_embed": "with the records that point at it", "_expand": "with the record it points at",
    "callback": "JSONP: wrapped in a script", "_delay": "answer after a delay (ms)",
}
SUFFIXES = ("_gte", "_lte", "_ne", "_like")
# Answered by the mock's HTTP parser before a request reaches the API, so never in the journal: the robustness
# battery (features/the_mock/the_mock_stands_up_to_bad_clients.feature) checks them on the wire instead.
UNJOURNALED = {400: "malformed HTTP", 431: "request line and headers over 16 KB"}
# Statuses the API answers with (the last three only when the mock is told to misbehave; 405 in read-only mode).
STATUSES = {200: "OK", 201: "Created", 204: "No Content", 304: "Not Modified",
            404: "Not Found", 405: "Method Not Allowed (read-only mock)", 500: "Internal Server Error", 429: "Too Many Requests (fault)", 502: "Bad Gateway (fault)",
            503: "Service Unavailable (fault)"}


def offered_routes():
    """Every (method, route) the API answers, in the order the table shows them."""
    offered = [(m, "/") for m in READS] + [(m, "/db") for m in READS]
    for resource in RESOURCES:
        offered += [(m, f"/{resource}") for m in READS + ("POST",)]
        offered += [(m, f"/{resource}/:id") for m in READS + ("PUT", "PATCH", "DELETE")]
        offered += [(m, f"/{owner}/:id/{child}") for owner, child in NESTED if owner == resource
                    for m in READS + ("POST",)]
    return offered


def route_of(path, routed=True):
    """The route a request's path took, as the table names it."""
    if not routed:
        return NO_ROUTE
    parts = [unquote(p).lower() for p in path.split("/") if p]
    if not parts:
        return "/"
    if parts == ["db"]:
        return "/db"
    if parts[0] in RESOURCES and len(parts) <= 2:
        return f"/{parts[0]}" + ("/:id" if len(parts) == 2 else "")
    if len(parts) == 3 and parts[0] in RESOURCES:
        return f"/{parts[0]}/:id/{parts[2]}" if (parts[0], parts[2]) in NESTED else OTHER_NESTED
    return NO_ROUTE


def operators_of(query_string):
    """The query operators a query string uses, as OPERATORS names them."""
    used = set()
    for name, _ in parse_qsl(query_string, keep_blank_values=True):
        name = name.split("[", 1)[0]  # qs's bracket syntax (a[]=1) names the same key
        if name in OPERATORS:
            used.add(name)
        elif name.endswith(SUFFIXES):
            used.add(next(s for s in SUFFIXES if name.endswith(s)))
        elif name:
            used.add("a.b=value" if "." in name else "field=value")
    return used


class Coverage:
    """What the scenarios made the mock do: for each route, operator and status, the scenarios that did it."""

    def __init__(self):
        self.routes = defaultdict(list)  # (method, route) -> [scenario, ...]
        self.operators = defaultdict(list)
        self.statuses = defaultdict(list)
        self.scenarios = 0  # scenarios that sent the mock at least one request

    def add(self, scenario, entries):
        """Count what one scenario's requests (journal entries) touched; scenario is (location, name)."""
        seen_routes, seen_operators, seen_statuses = set(), set(), set()
        for entry in entries:
            method = entry.method if entry.method in METHODS else "other"
            seen_routes.add((method, route_of(entry.path, entry.routed)))
            seen_operators |= operators_of(entry.query_string)
            if entry.status:
                seen_statuses.add(entry.status)
        for found, into in ((seen_routes, self.routes), (seen_operators, self.operators),
                            (seen_statuses, self.statuses)):
            for item in found:
                into[item].append(scenario)
        self.scenarios += 1 if entries else 0

    def untouched_routes(self):
        """Offered (method, route) pairs no scenario requested."""
        return [pair for pair in offered_routes() if pair not in self.routes]

    def untouched_operators(self):
        """Query operators no scenario used."""
        return [name for name in OPERATORS if name not in self.operators]

    def untouched_statuses(self):
        """Statuses the API gives that no scenario saw."""
        return [code for code in STATUSES if code not in self.statuses]

    def summary(self):
        """One line: how much of the API the run's scenarios touched."""
        offered = offered_routes()
        touched = sum(1 for pair in offered if pair in self.routes)
        operators = len(OPERATORS) - len(self.untouched_operators())
        statuses = len(STATUSES) - len(self.untouched_statuses())
        return (f"API coverage: {touched} of {len(offered)} method x route pairs, {operators} of {len(OPERATORS)} "
                f"query operators, {statuses} of {len(STATUSES)} statuses, by {self.scenarios} scenarios "
                f"({', '.join(map(str, UNJOURNALED))}: answered before the journal, checked on the wire)")
