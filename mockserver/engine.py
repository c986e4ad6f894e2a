"""The live API's request pipeline (Express + json-server 0.16 in fake-write mode), as a pure function."""

import base64
import collections
import hashlib
import re
import threading
import zlib
from dataclasses import dataclass, field
from email.utils import formatdate

from . import jsrt, nodeerrors, query
from .jsrt import UNDEFINED
from .urlparams import URIError, decode_uri_component, form_parameter_count, parse_form, parse_query

JSON_LIMIT = 10 * 1024 * 1024
FORM_LIMIT = 100 * 1024
GZIP_THRESHOLD = 1024
CORS_METHODS = "GET,HEAD,PUT,PATCH,POST,DELETE"
WRITE_METHODS = ("POST", "PUT", "PATCH", "DELETE")
# The methods Node's HTTP parser accepts; any other is refused before the app sees it.
NODE_METHODS = frozenset(
    "ACL BIND CHECKOUT CONNECT COPY DELETE GET HEAD LINK LOCK M-SEARCH MERGE MKACTIVITY MKCALENDAR MKCOL "
    "MOVE NOTIFY OPTIONS PATCH POST PROPFIND PROPPATCH PURGE PUT REBIND REPORT SEARCH SOURCE SUBSCRIBE "
    "TRACE UNBIND UNLINK UNLOCK UNSUBSCRIBE".split()
)
HOME_PAGE = (
    b"<!DOCTYPE html>\n<html>\n<head><meta charset=\"utf-8\"><title>JSONPlaceholder mock</title></head>\n"
    b"<body><p>JSONPlaceholder mock: try <a href=\"/users\">/users</a> or <a href=\"/db\">/db</a>.</p></body>\n"
    b"</html>\n"
)
_HOME_MTIME = "Tue, 24 Nov 2026 00:00:00 GMT"
_NESTED = re.compile(r"^/([^/]+?)/([^/]+?)/([^/]+?)/?$", re.IGNORECASE)
_ONE = re.compile(r"^/([^/]+?)/?$", re.IGNORECASE)
_DB = re.compile(r"^/db/?$", re.IGNORECASE)
_UNROUTED = "x-mock-unrouted"  # internal markers, never sent
_DELAY = "x-mock-delay"
_MAX_TIMEOUT_MS = 2**31 - 1  # Node's setTimeout treats anything longer (or NaN, or < 1) as 1 ms


@dataclass
class Request:
    """One HTTP request as the transport read it."""

    method: str
    target: str
    headers: dict = field(default_factory=dict)  # lower-case names; repeated headers joined by ", "
    body: bytes = b""
    has_body: bool = False  # a Content-Length or Transfer-Encoding was sent
    declared_length: int = 0  # the Content-Length, or the bytes seen of a chunked body
    truncated: bool = False  # the transport stopped reading an oversized body


@dataclass
class Reply:
    """One HTTP answer: status, ordered headers and body bytes (empty for HEAD and 304)."""

    status: int
    headers: list
    body: bytes = b""
    routed: bool = True  # False when no route of the API matched (the 404 `{}` for unknown paths)
    delay: float = 0.0  # seconds to wait before answering: json-server's `?_delay=<ms>` on resource routes
    wire: dict = field(default_factory=dict, init=False, repr=False, compare=False)  # encoded bytes, by the transport


class _Headers:
    """Response headers as Node keeps them: insertion order, case-insensitive names."""

    def __init__(self):
        self._items = {}

    def set(self, name, value):
        key = name.lower()
        self._items[key] = (self._items[key][0] if key in self._items else name, value)

    def get(self, name):
        item = self._items.get(name.lower())
        return item[1] if item else None

    def remove(self, name):
        self._items.pop(name.lower(), None)

    def vary(self, token):
        current = self.get("Vary")
        if current is None:
            self.set("Vary", token)
        elif token.lower() not in [t.strip().lower() for t in current.split(",")]:
            self.set("Vary", f"{current}, {token}")

    def items(self):
        return list(self._items.values())


def etag(body):
    """Express's weak ETag: W/"<length in hex>-<first 27 characters of the base64 SHA-1>"."""
    digest = base64.b64encode(hashlib.sha1(body).digest()).decode("ascii")[:27]
    return f'W/"{len(body):x}-{digest}"'


def http_date():
    """The Date header value."""
    return formatdate(usegmt=True)


def _media_type(value):
    """(type/subtype in lower case, charset or None) of a Content-Type header."""
    if not value:
        return None, None
    parts = value.split(";")
    charset = None
    for param in parts[1:]:
        name, _, val = param.strip().partition("=")
        if name.strip().lower() == "charset":
            charset = val.strip().strip('"').lower()
    return parts[0].strip().lower(), charset


def _fresh(request_headers, response_etag):
    """The `fresh` module's If-None-Match check, as Express applies it to GET and HEAD."""
    none_match = request_headers.get("if-none-match")
    modified_since = request_headers.get("if-modified-since")
    if not none_match and not modified_since:
        return False
    if re.search(r"(?:^|,)\s*?no-cache\s*?(?:,|$)", request_headers.get("cache-control", "")):
        return False
    if none_match and none_match != "*":
        tokens = [t for t in re.split(r"[ ,]+", none_match) if t]
        if not any(t in (response_etag, "W/" + response_etag) or "W/" + t == response_etag for t in tokens):
            return False
    return not modified_since


def _accepted_encoding(header):
    """Which compression the compression middleware picks for an Accept-Encoding header."""
    if not header:
        return None
    weights = {}
    for part in header.split(","):
        name, _, params = part.strip().partition(";")
        q = 1.0
        match = re.search(r"q=([0-9.]+)", params)
        if match:
            try:
                q = float(match.group(1))
            except ValueError:
                q = 0.0
        if name:
            weights[name.strip().lower()] = q
    for coding in ("gzip", "deflate"):
        if weights.get(coding, weights.get("*", 0)) > 0:
            return coding
    return None


class Engine:
    """Answers requests exactly as the live JSONPlaceholder app does, over one immutable data set."""

    def __init__(self, data):
        self.data = data
        jsrt.remember_seed(data)
        self._cache = collections.OrderedDict()
        self._cache_lock = threading.Lock()
        self._replies = {}  # whole replies to reads, by what in the request shapes them (see _reply_key)

    # -- the pipeline ---------------------------------------------------------------------------

    def handle(self, request):
        """The reply for one request (Node's own 400/431 answers are the transport's job)."""
        key = _reply_key(request)
        if key is None:
            return self._handle(request)
        reply = self._replies.get(key)
        if reply is None:
            reply = self._handle(request)
            if len(reply.body) <= MAX_KEPT_REPLY:
                with self._cache_lock:
                    if len(self._replies) >= MAX_KEPT_REPLIES:
                        self._replies.clear()
                    self._replies[key] = reply
        return reply

    def _handle(self, request):
        """The reply for one request, computed."""
        headers = _Headers()
        headers.set("X-Powered-By", "Express")
        origin = request.headers.get("origin")
        if origin:
            headers.set("Access-Control-Allow-Origin", origin)
        headers.vary("Origin")
        headers.set("Access-Control-Allow-Credentials", "true")
        if request.method == "OPTIONS":
            return self._preflight(request, headers)
        path, query_string = _split_target(request.target)
        if request.method in ("GET", "HEAD") and path.lower() in ("/", "/index.html"):
            return self._home(request, headers)
        headers.set("Cache-Control", "no-cache")
        headers.set("Pragma", "no-cache")
        headers.set("Expires", "-1")
        cacheable = request.method in ("GET", "HEAD") and not request.has_body
        key = (path, query_string, request.headers.get("host", "") if "page" in query_string else "")
        rendered = self._cached(key) if cacheable else None
        if rendered is None:
            extra = []
            try:
                status, data = self._route(request, headers, path, query_string, extra)
            except nodeerrors.NodeError as error:
                return self._send(request, headers, 500, error.stack.encode("utf-8"), "text/html; charset=utf-8")
            rendered = (status, extra, *self._render(data, query_string))
            if cacheable:
                self._remember(key, rendered)
        status, extra, body, content_type = rendered
        for name, value in extra:
            if name not in (_UNROUTED, _DELAY):
                headers.set(name, value)
        headers.set("X-Content-Type-Options", "nosniff")
        reply = self._send(request, headers, status, body, content_type)
        reply.routed = (_UNROUTED, "") not in extra
        reply.delay = next((value for name, value in extra if name == _DELAY), 0.0)
        return reply

    def _cached(self, key):
        """A rendered answer computed before for the same read (the data never changes)."""
        with self._cache_lock:
            hit = self._cache.get(key)
            if hit is not None:
                self._cache.move_to_end(key)
            return hit

    def _remember(self, key, rendered):
        """Keep a rendered answer, the 1024 most recent at most."""
        with self._cache_lock:
            self._cache[key] = rendered
            if len(self._cache) > 1024:
                self._cache.popitem(last=False)

    def refuse_write(self, request):
        """The read-only mock's answer to a write: 405 with the methods it allows (the live API has no such mode)."""
        headers = _Headers()
        headers.set("X-Powered-By", "Express")
        headers.set("Allow", "GET, HEAD, OPTIONS")
        body = jsrt.stringify({"error": f"read-only mock: {request.method} is not allowed"}).encode("utf-8")
        return self._send(request, headers, 405, body, "application/json; charset=utf-8")

    def _preflight(self, request, headers):
        """The cors middleware's answer to OPTIONS: 204, the methods, the requested headers echoed."""
        headers.set("Access-Control-Allow-Methods", CORS_METHODS)
        headers.vary("Access-Control-Request-Headers")
        requested = request.headers.get("access-control-request-headers")
        if requested:
            headers.set("Access-Control-Allow-Headers", requested)
        headers.set("Content-Length", "0")
        return Reply(204, headers.items())

    def _home(self, request, headers):
        """express.static's answer for the home page."""
        headers.set("Accept-Ranges", "bytes")
        headers.set("Cache-Control", "public, max-age=0")
        headers.set("Last-Modified", _HOME_MTIME)
        tag = f'W/"{len(HOME_PAGE):x}-19bc1a63c00"'
        headers.set("ETag", tag)
        headers.set("Content-Type", "text/html; charset=UTF-8")
        if _fresh(request.headers, tag):
            return Reply(304, headers.items())
        headers.set("Content-Length", str(len(HOME_PAGE)))
        return self._compress(request, headers, 200, HOME_PAGE)

    # -- routing ----------------------------------------------------------------------------------

    def _route(self, request, headers, path, query_string, extra):
        """(status, data) for the request: json-server's router, layer by layer."""
        method = request.method
        if method == "POST":
            headers.vary("X-HTTP-Method-Override")
            override = request.headers.get("x-http-method-override")
            if override and override.upper() in NODE_METHODS:
                method = override.upper()
        body = self._parse_body(request)
        reads = method in ("GET", "HEAD")
        if reads and _DB.match(path):
            return 200, self.data
        params = parse_query(query_string) if query_string else {}
        nested = _NESTED.match(path)
        if nested:
            resource, parent_id, child = (_decode_param(p) for p in nested.groups())
            if reads or method == "POST":
                key = query.singular(resource) + "Id"
                if reads:
                    params[key] = parent_id
                else:
                    body = jsrt.spread(body)
                    body[key] = parent_id
                path = "/" + child.split("?")[0]
        for name in self.data:
            mount = re.match(rf"^/{re.escape(name)}/?(?=/|$)", path, re.IGNORECASE)
            if mount:
                extra.append((_DELAY, _delay_seconds(params.pop("_delay", UNDEFINED))))
                result = self._resource(request, headers, method, name, path[mount.end():] or "/", params, body, extra)
                if result is not None:
                    return result
        extra.append((_UNROUTED, ""))
        return 404, {}

    def _resource(self, request, headers, method, name, sub_path, params, body, extra):
        """One collection's routes: '/' (list, create) and '/:id' (show, update, destroy)."""
        if not sub_path.startswith("/"):
            sub_path = "/" + sub_path
        if re.match(r"^/?$", sub_path):
            if method in ("GET", "HEAD"):
                full_url = f"http://{request.headers.get('host', '')}{request.target}"
                records, list_headers = query.list_records(self.data, name, params, full_url)
                extra.extend(list_headers)
                return 200, records
            if method == "POST":
                return self._create(request, name, body, extra)
            return None
        one = _ONE.match(sub_path)
        if not one:
            return None
        record_id = _decode_param(one.group(1))
        if method in ("GET", "HEAD"):
            found = query.find_by_id(self.data[name], record_id)
            if found is UNDEFINED:
                return 404, {}
            found = query.embed(self.data, name, found, params.get("_embed", UNDEFINED))
            return 200, query.expand(self.data, found, params.get("_expand", UNDEFINED))
        if method in ("PUT", "PATCH"):
            found = query.find_by_id(self.data[name], record_id)
            if method == "PATCH":
                return 200, jsrt.spread({} if found is UNDEFINED else found, body)
            if found is UNDEFINED:
                raise nodeerrors.put_on_missing()
            return 200, jsrt.spread(body, {"id": found["id"]})
        if method == "DELETE":
            return 200, {}
        return None

    def _create(self, request, name, body, extra):
        """POST: the body with the next id (never stored), 201 and a Location built from the request URL."""
        next_id = max((r["id"] for r in self.data[name] if isinstance(r.get("id"), (int, float))), default=0) + 1
        created = jsrt.spread(body, {"id": next_id})
        host = request.headers.get("host")
        root = f"http://{host}" if host else "http:"  # url.format({protocol, host: undefined})
        extra.append(("Access-Control-Expose-Headers", "Location"))
        extra.append(("Location", _encode_url(f"{root}{request.target}/{next_id}")))
        return 201, created

    # -- bodies -----------------------------------------------------------------------------------

    def _parse_body(self, request):
        """body-parser's json (10 MB, strict) then urlencoded (100 KB) parsers; anything else is {}."""
        if not request.has_body:
            return {}
        media, charset = _media_type(request.headers.get("content-type"))
        if media == "application/json":
            return self._parse_json(request, charset)
        if media == "application/x-www-form-urlencoded":
            return self._parse_form(request, charset)
        return {}

    def _read(self, request, limit, charset):
        """raw-body's read: the limit first, then the charset, then the text (a BOM is dropped)."""
        if request.truncated or request.declared_length > limit or len(request.body) > limit:
            raise nodeerrors.payload_too_large()
        charset = charset or "utf-8"
        if not charset.startswith("utf-"):
            raise nodeerrors.unsupported_charset(charset)
        body = _inflate(request)
        try:
            text = body.decode(charset, "replace")
        except LookupError:
            raise nodeerrors.unsupported_charset(charset) from None
        return text[1:] if text.startswith("\ufeff") else text

    def _parse_json(self, request, charset):
        """The JSON parser: an empty body is {}, a body must start with { or [."""
        text = self._read(request, JSON_LIMIT, charset)
        if not text:
            return {}
        error = nodeerrors.json_syntax_error(text)
        if error:
            raise error
        return jsrt.parse_json(text)

    def _parse_form(self, request, charset):
        """The urlencoded parser (extended: false): flat keys, repeated keys become arrays."""
        if charset and charset != "utf-8":
            raise nodeerrors.unsupported_charset(charset)
        text = self._read(request, FORM_LIMIT, "utf-8")
        if text and form_parameter_count(text) > 1000:
            raise nodeerrors.too_many_parameters()
        return jsrt.js_object(parse_form(text).items())

    # -- writing ----------------------------------------------------------------------------------

    def _render(self, data, query_string):
        """res.jsonp: (body, content type), JavaScript when a `callback` parameter names a function."""
        body = jsrt.stringify(data)
        callback = parse_query(query_string).get("callback") if "callback" in query_string else None
        if isinstance(callback, list):
            callback = callback[0] if callback else None
        if isinstance(callback, str) and callback:
            name = re.sub(r"[^\[\]\w$.]", "", callback, flags=re.ASCII)
            body = body.replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")
            body = f"/**/ typeof {name} === 'function' && {name}({body});"
            return body.encode("utf-8"), "text/javascript; charset=utf-8"
        return body.encode("utf-8"), "application/json; charset=utf-8"

    def _send(self, request, headers, status, body, content_type):
        """res.send: Content-Type, Content-Length, ETag, the 304 check, then compression."""
        headers.set("Content-Type", content_type)
        headers.set("Content-Length", str(len(body)))
        tag = etag(body)
        headers.set("ETag", tag)
        reads = request.method in ("GET", "HEAD")
        if reads and (200 <= status < 300) and _fresh(request.headers, tag):
            headers.remove("Content-Type")
            headers.remove("Content-Length")
            return Reply(304, headers.items())
        return self._compress(request, headers, status, body)

    def _compress(self, request, headers, status, body):
        """The compression middleware: Vary on Accept-Encoding, gzip (or deflate) from 1 KB on."""
        headers.vary("Accept-Encoding")
        if request.method == "HEAD":
            return Reply(status, headers.items())
        coding = _accepted_encoding(request.headers.get("accept-encoding")) if len(body) >= GZIP_THRESHOLD else None
        if coding:
            body = _gzip(body) if coding == "gzip" else zlib.compress(body)
            headers.set("Content-Encoding", coding)
            headers.remove("Content-Length")
            headers.set("Transfer-Encoding", "chunked")
        return Reply(status, headers.items(), body)


MAX_KEPT_REPLY = 256 * 1024  # bytes of body; larger answers (/db) are re-encoded from the render cache
MAX_KEPT_REPLIES = 4096
_SHAPING_HEADERS = ("origin", "accept-encoding", "if-none-match", "if-modified-since", "cache-control")


def _reply_key(request):
    """What makes two reads get the same reply, or None when the reply must be computed (a body, a long URL)."""
    if request.method not in ("GET", "HEAD") or request.has_body or len(request.target) > 2048:
        return None
    headers = request.headers
    host = headers.get("host") if "page" in request.target else None  # Link headers name the host
    return (request.method, request.target, host, *(headers.get(name) for name in _SHAPING_HEADERS))


def _split_target(target):
    """(path, query string) of a request target, as parseurl splits it."""
    target = target.split("#", 1)[0]
    if target.startswith(("http://", "https://")):
        target = "/" + target.split("://", 1)[1].partition("/")[2]
    path, _, query_string = target.partition("?")
    return path, query_string


def _delay_seconds(value):
    """connect-pause's wait for `?_delay=`: parseFloat milliseconds, 1 ms when absent or out of range."""
    text = jsrt.to_string(value) if value is not UNDEFINED else ""
    match = re.match(r"[+-]?(Infinity|\d+\.?\d*(?:[eE][+-]?\d+)?|\.\d+(?:[eE][+-]?\d+)?)", text.lstrip(jsrt._JS_WS))
    millis = float(match.group().replace("Infinity", "inf")) if match else 1.0
    return (millis if 1 <= millis <= _MAX_TIMEOUT_MS else 1.0) / 1000


def _decode_param(raw):
    """Express's decode_param: decodeURIComponent, or a URIError that becomes a 500."""
    try:
        return decode_uri_component(raw)
    except URIError:
        raise nodeerrors.bad_param(raw) from None


def _encode_url(url):
    """encodeurl: percent-encode what may not stand in a URL, keep existing escapes."""
    return re.sub(r"%(?![0-9A-Fa-f]{2})|[^\x21\x23-\x3B\x3D\x3F-\x5F\x61-\x7A\x7C\x7E]",
                  lambda m: "".join(f"%{b:02X}" for b in m.group().encode("utf-8")), url)


def _gzip(body):
    """A gzip member of the body."""
    compressor = zlib.compressobj(6, zlib.DEFLATED, 31)
    return compressor.compress(body) + compressor.flush()


def _inflate(request):
    """The request body, inflated when it came with Content-Encoding gzip or deflate."""
    coding = request.headers.get("content-encoding", "identity").lower()
    if coding == "identity":
        return request.body
    if coding in ("gzip", "deflate"):
        try:
            return zlib.decompress(request.body, 47)
        except zlib.error:
            raise nodeerrors.NodeError("Error", "incorrect header check", ("Zlib.zlibOnError [as onerror] (node:zlib:189:17)",)) from None
    raise nodeerrors.NodeError("UnsupportedMediaTypeError", f'unsupported content encoding "{coding}"',
                               ("contentstream (/app/node_modules/body-parser/lib/read.js:157:13)",))
