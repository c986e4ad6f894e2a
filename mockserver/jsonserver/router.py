"""json-server 0.16's router in fake-write mode, as Express 4.17.1 runs it: layer by layer, on the URL it rewrites.

The layers, in json-server's order: method-override, body-parser, `GET /db`, the nested router
(`/:resource/:id/:nested` rewrites the URL to `/:nested` and adds the parent key), one router per
collection (`/` and `/:id`), then the 404. Paths match case-insensitively with an optional trailing
slash; every route parameter is decoded when its layer matches, whatever the method (a bad escape is a
500); a POST made OPTIONS by method-override gets Express's automatic answer from the router it reaches. What
JavaScript throws on the way (a query value that cannot be made a string) is a 500 too, as json-server's
error handler answers it.
"""

import re
from dataclasses import dataclass, field

from . import query
from ..node import jsobjects, jsrt, nodeerrors
from ..npm import pluralize
from ..npm.bodyparser import parse_body
from ..node.jsrt import _JS_WS, UNDEFINED
from ..npm.responses import encode_url
from ..npm.urlparams import URIError, decode_uri_component, parse_url

NODE_METHODS = frozenset(
    "ACL BIND CHECKOUT CONNECT COPY DELETE GET HEAD LINK LOCK M-SEARCH MERGE MKACTIVITY MKCALENDAR MKCOL "
    "MOVE NOTIFY OPTIONS PATCH POST PROPFIND PROPPATCH PURGE PUT REBIND REPORT SEARCH SOURCE SUBSCRIBE "
    "TRACE UNBIND UNLINK UNLOCK UNSUBSCRIBE".split()
)  # the methods Node's HTTP parser accepts; any other is refused before the app sees it
_OVERRIDES = frozenset(m.lower() for m in NODE_METHODS | {"QUERY"})  # the `methods` package: Node 20's http.METHODS
_FLAGS = re.IGNORECASE | re.ASCII  # path-to-regexp's /i: ASCII letters only, as JavaScript folds them
_DB = re.compile(r"/db/?\Z", _FLAGS)
_NESTED = re.compile(r"/([^/]+?)/([^/]+?)/([^/]+?)/?\Z", _FLAGS)
_LIST = re.compile(r"/?\Z", _FLAGS)
_ONE = re.compile(r"/([^/]+?)/?\Z", _FLAGS)
_MAX_TIMEOUT_MS = 2**31 - 1  # Node's setTimeout treats anything longer (or NaN, or < 1) as 1 ms


@dataclass
class Findings:
    """What routing found besides the status and the data: the headers its routes set (Location, Link,
    X-Total-Count...), json-server's `_delay` in seconds, and whether any route of the API matched."""

    headers: list = field(default_factory=list)
    delay: float = 0.0
    routed: bool = True


@dataclass(frozen=True)
class Allowed:
    """Express's automatic answer to OPTIONS: the methods the matching routes handle (`Allow` and the body)."""

    methods: str


def method_override(request, headers):
    """method-override: on POST only, the first value of X-HTTP-Method-Override if it names a known method."""
    if request.method != "POST":
        return request.method
    headers.vary("X-HTTP-Method-Override")
    header = request.headers.get("x-http-method-override")
    value = header.split(",", 1)[0].strip(_JS_WS) if header else ""
    return value.upper() if value and value.lower() in _OVERRIDES else "POST"


def route(data, request, params, found):
    """(status, data) for the request (its method already overridden): json-server's router, layer by layer;
    what else it finds goes into found (a Findings)."""
    try:
        return _route(data, request, params, found)
    except jsobjects.JsError as error:  # thrown in a handler: Express passes it to json-server's error handler
        raise nodeerrors.NodeError(error.name, str(error), _THROWN_FRAMES) from None


_THROWN_FRAMES = ("list (/app/node_modules/json-server/lib/server/router/plural.js:124:24)",)  # representative


def _route(data, request, params, found):
    """The layers themselves (route() turns what JavaScript throws in them into json-server's 500)."""
    method = request.method
    url = request.target
    path = parse_url(url)[0]
    body = parse_body(request)
    reads = method in ("GET", "HEAD")
    if reads and path is not None and _DB.match(path):
        return 200, data
    found.delay = _delay_seconds(params.pop("_delay", UNDEFINED))  # the nested router's delay layer
    nested = _NESTED.match(path) if path is not None else None
    if nested:
        resource, parent_id, child = (_decode_param(p) for p in nested.groups())
        if method == "OPTIONS":
            return 200, Allowed("GET,HEAD,POST")
        if reads or method == "POST":
            key = pluralize.singular(resource) + "Id"
            if reads:
                params[key] = parent_id
            else:
                body = jsrt.spread(body)
                body[key] = parent_id
            url = "/" + child
            path = parse_url(url)[0]
    for name in data:
        mount = re.match(rf"/{re.escape(name)}/?(?=/|\Z)", path, _FLAGS) if path is not None else None
        if mount:
            result = _collection(data, request, name, _trim(url, mount.group()), params, body, found.headers)
            if result is not None:
                return result
    found.routed = False
    return 404, {}


def _trim(url, layer_path):
    """Express's trim_prefix: the URL a mounted router sees (the mount path cut off, a leading slash kept)."""
    protohost = _protohost(url)
    rest = url[len(protohost) + len(layer_path):]
    if not protohost and not rest.startswith("/"):
        rest = "/" + rest
    return protohost + rest


def _protohost(url):
    """Express's getProtohost: `http://host` of an absolute-form URL, else ''."""
    if not url or url.startswith("/"):
        return ""
    search = url.find("?")
    fqdn = url[: search if search >= 0 else len(url)].find("://")
    if fqdn < 0:
        return ""
    end = url.find("/", 3 + fqdn)
    return url[:end] if end >= 0 else ""


def _collection(data, request, name, url, params, body, route_headers):
    """One collection's router: '/' (list, create) and '/:id' (show, update, destroy); None when neither fits."""
    method = request.method
    path = parse_url(url)[0]
    if path is None:
        return None
    if _LIST.match(path):
        if method in ("GET", "HEAD"):
            return 200, query.list_records(data, name, params, full_url(request), route_headers)
        if method == "POST":
            return _create(data, request, name, body, route_headers)
        return (200, Allowed("GET,POST,HEAD")) if method == "OPTIONS" else None
    one = _ONE.match(path)
    if not one:
        return None
    record_id = _decode_param(one.group(1))
    if method in ("GET", "HEAD"):
        found = query.find_by_id(data[name], record_id)
        if found is UNDEFINED:
            return 404, {}
        found = query.embed(data, name, found, params.get("_embed", UNDEFINED))
        return 200, query.expand(data, found, params.get("_expand", UNDEFINED))
    if method in ("PUT", "PATCH"):
        found = query.find_by_id(data[name], record_id)
        if method == "PATCH":
            return 200, jsrt.spread({} if found is UNDEFINED else found, body)
        if found is UNDEFINED:
            raise nodeerrors.put_on_missing()
        return 200, jsrt.spread(body, {"id": found["id"]})
    if method == "DELETE":
        return 200, {}
    return (200, Allowed("GET,PUT,PATCH,DELETE,HEAD")) if method == "OPTIONS" else None


def full_url(request):
    """json-server's getFullURL: url.format({protocol: 'http', host: req.get('host')}) + req.originalUrl."""
    host = request.headers.get("host")
    return (f"http://{host}" if host else "http:") + request.target


def _create(data, request, name, body, route_headers):
    """POST: the body with the next id (never stored), 201 and a Location built from the request URL."""
    next_id = max((r["id"] for r in data[name] if isinstance(r.get("id"), (int, float))), default=0) + 1
    created = jsrt.spread(body, {"id": next_id})
    route_headers.append(("Access-Control-Expose-Headers", "Location"))
    route_headers.append(("Location", encode_url(f"{full_url(request)}/{next_id}")))
    return 201, created


def _delay_seconds(value):
    """connect-pause's wait for `?_delay=`: parseFloat milliseconds, 1 ms when absent or out of range."""
    text = jsobjects.to_string(value) if value is not UNDEFINED else ""
    match = re.match(r"[+-]?(Infinity|\d+\.?\d*(?:[eE][+-]?\d+)?|\.\d+(?:[eE][+-]?\d+)?)", text.lstrip(jsrt._JS_WS))
    millis = float(match.group().replace("Infinity", "inf")) if match else 1.0
    return (millis if 1 <= millis <= _MAX_TIMEOUT_MS else 1.0) / 1000


def _decode_param(raw):
    """Express's decode_param: decodeURIComponent, or a URIError that becomes a 500."""
    try:
        return decode_uri_component(raw)
    except URIError:
        raise nodeerrors.bad_param(raw) from None
