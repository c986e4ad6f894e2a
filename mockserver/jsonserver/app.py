"""The live API's request pipeline (Express + json-server 0.16 in fake-write mode), as a pure function.

The rooms it calls: `messages` (requests, replies, headers), `bodyparser` (body-parser), `router`
(json-server's routes), `query` (its query language), `responses` (Express's res.send, compression).
"""

import dataclasses

from . import router
from ..node import jsrt, nodeerrors
from ..node.regexp import jsregex
from ..npm import qs, responses
from ..npm.bodyparser import JSON_LIMIT
from .lru import ByteLRU
from ..node.messages import Reply, Request, ResponseHeaders, http_date
from .router import NODE_METHODS, Findings
from ..npm.urlparams import parse_url

__all__ = ["CORS_METHODS", "JSON_LIMIT", "NODE_METHODS", "WRITE_METHODS", "App", "Reply", "Request", "http_date"]

CORS_METHODS = "GET,HEAD,PUT,PATCH,POST,DELETE"
WRITE_METHODS = ("POST", "PUT", "PATCH", "DELETE")
HOME_PAGE = (
    b"<!DOCTYPE html>\n<html>\n<head><meta charset=\"utf-8\"><title>JSONPlaceholder mock</title></head>\n"
    b"<body><p>JSONPlaceholder mock: try <a href=\"/users\">/users</a> or <a href=\"/db\">/db</a>.</p></body>\n"
    b"</html>\n"
)


class App:
    """Answers requests exactly as the live JSONPlaceholder app does, over one immutable data set."""

    def __init__(self, data, *, remember=True, caches=None):
        self.data = data
        if remember:  # a scenario's own data (remember=False) is not kept once the scenario ends
            jsrt.remember_seed(data)
        # Rendered answers (/db: 1.4 MB) and whole replies to reads, by what in the request shapes them (_reply_key).
        # Engines over the same immutable data may share them (new_caches(); MockServer does for the seed).
        self._cache, self._replies = caches if caches is not None else new_caches()
        self.pattern_time_limit = jsregex.TIME_LIMIT  # seconds the `_like` patterns of one request may take in all

    # -- the pipeline ---------------------------------------------------------------------------

    def handle(self, request):
        """The reply for one request (Node's own 400/431 answers are the transport's job)."""
        key = _reply_key(request)
        if key is None:
            return self._handle(request)
        reply = self._replies.get(key)
        if reply is None:
            reply = self._handle(request)
            if len(reply.body) <= MAX_KEPT_REPLY and not reply.cut_off:  # a cut-off depends on the moment
                self._replies.put(key, reply, _reply_size(key, reply))
        return reply

    def _handle(self, request):
        """The reply for one request, computed."""
        headers = responses.cors_headers(request)
        if request.method == "OPTIONS":
            return self._preflight(request, headers)
        redirect = responses.static_redirect(request, headers, request.target)
        if redirect is not None:
            return redirect
        responses.no_cache(headers)
        path, query_string = parse_url(request.target)
        if request.method in ("GET", "HEAD") and path == "/" and request.target.startswith("/"):  # the mock's own
            return responses.send(request, headers, 200, HOME_PAGE, "text/html; charset=utf-8")
        method = router.method_override(request, headers)
        if method != request.method:
            request = dataclasses.replace(request, method=method)
        return self._routed(request, headers, query_string)

    def _routed(self, request, headers, query_string):
        """json-server's router and res.jsonp, the rendering kept for reads (the data never changes)."""
        cacheable = request.method in ("GET", "HEAD") and not request.has_body
        key = (request.target, request.headers.get("host", "") if _names_page(request.target) else "")
        rendered = self._cache.get(key) if cacheable else None
        if rendered is None:
            params, found = qs.parse(query_string), Findings()
            try:
                with jsregex.time_limit(self.pattern_time_limit):
                    status, data = router.route(self.data, request, params, found)
            except nodeerrors.NodeError as error:
                return self._failed(request, headers, found, error)
            if isinstance(data, router.Allowed):  # Express's automatic answer to OPTIONS: text, no nosniff
                headers.set("Allow", data.methods)
                return responses.send(request, headers, 200, data.methods.encode("utf-8"), "text/html; charset=utf-8")
            try:
                rendered = (status, found, *responses.render(data, params.get("callback")))
            except jsrt.StackOverflow:  # res.json threw after the route had set its headers (Location...)
                return self._failed(request, headers, found, nodeerrors.stack_overflow())
            if cacheable:
                self._cache.put(key, rendered, _rendered_size(key, rendered))
        status, found, body, content_type = rendered
        for name, value in found.headers:
            headers.set(name, value)
        headers.set("X-Content-Type-Options", "nosniff")
        reply = responses.send(request, headers, status, body, content_type)
        reply.routed, reply.delay = found.routed, found.delay
        return reply

    def _failed(self, request, headers, found, error):
        """json-server's error handler: 500 with the stack as text/html, headers set before the error kept."""
        for name, value in found.headers:
            headers.set(name, value)
        reply = responses.send(request, headers, 500, error.stack.encode("utf-8"), "text/html; charset=utf-8")
        reply.delay = found.delay
        reply.cut_off = getattr(error, "pattern", "")  # a `_like` pattern stopped at the time limit (jsregex)
        return reply

    def refuse_write(self, request):
        """The read-only mock's answer to a write: 405 with the methods it allows (the live API has no such mode)."""
        headers = ResponseHeaders()
        headers.set("X-Powered-By", "Express")
        headers.set("Allow", "GET, HEAD, OPTIONS")
        body = jsrt.stringify({"error": f"read-only mock: {request.method} is not allowed"}).encode("utf-8")
        return responses.send(request, headers, 405, body, "application/json; charset=utf-8")

    def _preflight(self, request, headers):
        """The cors middleware's answer to OPTIONS: 204, the methods, the requested headers echoed."""
        headers.set("Access-Control-Allow-Methods", CORS_METHODS)
        headers.vary("Access-Control-Request-Headers")
        requested = request.headers.get("access-control-request-headers")
        if requested:
            headers.set("Access-Control-Allow-Headers", requested)
        headers.set("Content-Length", "0")
        return Reply(204, headers.items())


# What the caches keep is bounded by bytes (least recently used out first), so a mock that
# serves distinct reads for days stays flat in memory. Both hold every answer the suite reads several times.
RENDERED_BYTES = 8 * 1024 * 1024  # rendered answers (status, headers from the route, body), by path and query
REPLY_BYTES = 8 * 1024 * 1024  # whole replies to reads, with the transport's encodings of them
MAX_KEPT_REPLY = 256 * 1024  # bytes of body; larger answers (/db unpacked) are compressed again from the rendering
# Renderings past this are not kept (/db: 1.4 MB, /photos: 1 MB): their compressed replies are (about 190 and 130 KB),
# and a client that asks for them whole, unpacked, has them rendered again (about 30 ms for /db).
MAX_KEPT_RENDERING = 256 * 1024
# The request headers that shape a read's reply, besides Host for a page: _reply_key reads these five.


def new_caches():
    """A pair of empty caches for an app: rendered answers, whole replies (bounded, see above)."""
    return ByteLRU(RENDERED_BYTES, max_item=MAX_KEPT_RENDERING), ByteLRU(REPLY_BYTES)


def _reply_key(request):
    """What makes two reads get the same reply, or None when the reply must be computed (a body, a long URL)."""
    if request.method not in ("GET", "HEAD") or request.has_body or len(request.target) > 2048:
        return None
    get = request.headers.get
    host = get("host") if _names_page(request.target) else None  # Link headers name the host
    return (request.method, request.target, host, get("origin"), get("accept-encoding"), get("if-none-match"),
            get("if-modified-since"), get("cache-control"))


def _names_page(target):
    """Whether a target may ask for a page (its Link names the Host), `_page` written plainly or escaped."""
    return "page" in target or "%" in target


def _rendered_size(key, rendered):
    """The bytes a rendered answer is charged: its body, its route's headers and its key."""
    _, found, body, _ = rendered
    return 512 + len(body) + sum(len(part) for part in key) + sum(len(n) + len(str(v)) + 64 for n, v in found.headers)


def _reply_size(key, reply):
    """The bytes a whole reply is charged: its head and body, three times (the transport encodes it twice at most:
    with and without keep-alive), and its key."""
    head = sum(len(name) + len(value) + 64 for name, value in reply.headers)
    return 1024 + 3 * (head + len(reply.body)) + sum(len(part) for part in key if isinstance(part, str))
