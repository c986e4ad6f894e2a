"""json-server 0.16's router in fake-write mode: /db, nested routes, each collection's list and record routes."""

import re

from . import jsrt, nodeerrors, query
from .bodyparser import parse_body
from .jsrt import UNDEFINED
from .responses import encode_url
from .urlparams import URIError, decode_uri_component, parse_query

NODE_METHODS = frozenset(
    "ACL BIND CHECKOUT CONNECT COPY DELETE GET HEAD LINK LOCK M-SEARCH MERGE MKACTIVITY MKCALENDAR MKCOL "
    "MOVE NOTIFY OPTIONS PATCH POST PROPFIND PROPPATCH PURGE PUT REBIND REPORT SEARCH SOURCE SUBSCRIBE "
    "TRACE UNBIND UNLINK UNLOCK UNSUBSCRIBE".split()
)  # the methods Node's HTTP parser accepts; any other is refused before the app sees it
UNROUTED = "x-mock-unrouted"  # internal markers in the extra headers, never sent
DELAY = "x-mock-delay"
_NESTED = re.compile(r"^/([^/]+?)/([^/]+?)/([^/]+?)/?$", re.IGNORECASE)
_ONE = re.compile(r"^/([^/]+?)/?$", re.IGNORECASE)
_DB = re.compile(r"^/db/?$", re.IGNORECASE)
_MAX_TIMEOUT_MS = 2**31 - 1  # Node's setTimeout treats anything longer (or NaN, or < 1) as 1 ms


def route(data, request, headers, path, query_string, extra):
    """(status, data) for the request: json-server's router, layer by layer."""
    method = request.method
    if method == "POST":
        headers.vary("X-HTTP-Method-Override")
        override = request.headers.get("x-http-method-override")
        if override and override.upper() in NODE_METHODS:
            method = override.upper()
    body = parse_body(request)
    reads = method in ("GET", "HEAD")
    if reads and _DB.match(path):
        return 200, data
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
    for name in data:
        mount = re.match(rf"^/{re.escape(name)}/?(?=/|$)", path, re.IGNORECASE)
        if mount:
            extra.append((DELAY, _delay_seconds(params.pop("_delay", UNDEFINED))))
            result = _resource(data, request, headers, method, name, path[mount.end():] or "/", params, body, extra)
            if result is not None:
                return result
    extra.append((UNROUTED, ""))
    return 404, {}


def _resource(data, request, headers, method, name, sub_path, params, body, extra):
    """One collection's routes: '/' (list, create) and '/:id' (show, update, destroy)."""
    if not sub_path.startswith("/"):
        sub_path = "/" + sub_path
    if re.match(r"^/?$", sub_path):
        if method in ("GET", "HEAD"):
            full_url = f"http://{request.headers.get('host', '')}{request.target}"
            records, list_headers = query.list_records(data, name, params, full_url)
            extra.extend(list_headers)
            return 200, records
        if method == "POST":
            return _create(data, request, name, body, extra)
        return None
    one = _ONE.match(sub_path)
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
    return None


def _create(data, request, name, body, extra):
    """POST: the body with the next id (never stored), 201 and a Location built from the request URL."""
    next_id = max((r["id"] for r in data[name] if isinstance(r.get("id"), (int, float))), default=0) + 1
    created = jsrt.spread(body, {"id": next_id})
    host = request.headers.get("host")
    root = f"http://{host}" if host else "http:"  # url.format({protocol, host: undefined})
    extra.append(("Access-Control-Expose-Headers", "Location"))
    extra.append(("Location", encode_url(f"{root}{request.target}/{next_id}")))
    return 201, created


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

