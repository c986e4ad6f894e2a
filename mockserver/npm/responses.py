"""Express 4.17.1's response side as the live API uses it: res.jsonp and res.send (ETag, 304), compression 1.7.4,
URLs (encodeurl 1.0.2), and express.static's one answer (serve-static 1.14.1's redirect of its folder)."""

import html
import posixpath
import re
import zlib
from urllib.parse import quote

from ..node import jsrt
from ..node.messages import Reply, ResponseHeaders, etag
from .negotiator import preferred_encoding
from .urlparams import URIError, decode_uri_component, parse_url_parts, url_origin

GZIP_THRESHOLD = 1024
SUPPORTED_ENCODINGS = ("gzip", "deflate", "identity")  # compression 1.7.4's: no Brotli on the live API


def render(data, callback=None):
    """res.jsonp: (body, content type), JavaScript when req.query.callback (decoded by qs) names a function."""
    body = jsrt.stringify(data)
    if isinstance(callback, list):
        callback = callback[0] if callback else None
    if isinstance(callback, str) and callback:
        name = re.sub(r"[^\[\]\w$.]", "", callback, flags=re.ASCII)
        body = body.replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")
        body = f"/**/ typeof {name} === 'function' && {name}({body});"
        return body.encode("utf-8"), "text/javascript; charset=utf-8"
    return body.encode("utf-8"), "application/json; charset=utf-8"


def send(request, headers, status, body, content_type):
    """res.send: Content-Type, Content-Length, ETag, the 304 check, then compression."""
    headers.set("Content-Type", content_type)
    headers.set("Content-Length", str(len(body)))
    tag = etag(body)
    headers.set("ETag", tag)
    reads = request.method in ("GET", "HEAD")
    if reads and (200 <= status < 300) and fresh(request.headers, tag):
        headers.remove("Content-Type")
        headers.remove("Content-Length")
        return Reply(304, headers.items())
    return compress(request, headers, status, body)


def compress(request, headers, status, body):
    """The compression middleware: Vary on Accept-Encoding, then gzip or deflate from 1 KB on, as negotiated."""
    headers.vary("Accept-Encoding")
    if request.method == "HEAD":
        return Reply(status, headers.items())
    coding = accepted_encoding(request.headers.get("accept-encoding")) if len(body) >= GZIP_THRESHOLD else None
    if coding:
        body = gzip(body) if coding == "gzip" else zlib.compress(body)
        headers.set("Content-Encoding", coding)
        headers.remove("Content-Length")
        headers.set("Transfer-Encoding", "chunked")
    return Reply(status, headers.items(), body)


def fresh(request_headers, response_etag):
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


def accepted_encoding(header):
    """The coding compression picks for an Accept-Encoding header (None: send the body as it is)."""
    if not header:
        return None
    coding = preferred_encoding(header, SUPPORTED_ENCODINGS)
    if coding == "deflate" and preferred_encoding(header, ("gzip",)):  # "we really don't prefer deflate"
        coding = preferred_encoding(header, ("gzip", "identity"))
    return None if coding == "identity" else coding


def encode_url(url):
    """encodeurl 1.0.2 (Express 4.17.1's res.location, serve-static 1.14.1): each run of what may not stand in
    a URL (`|`, `^`, `\\`, `{`, `}`, spaces, non-ASCII...) or of bad escapes (`%` not followed by two hex digits,
    with the one or two characters it ate) goes through encodeURI, which keeps `#` and `$` and good escapes."""
    return _NOT_URL.sub(lambda m: quote(m.group(), safe=_ENCODE_URI_KEEPS), url)


_NOT_URL = re.compile(r"(?:[^\x21\x25\x26-\x3B\x3D\x3F-\x5B\x5D\x5F\x61-\x7A\x7E]"
                      r"|%(?:[^0-9A-Fa-f]|[0-9A-Fa-f][^0-9A-Fa-f]|\Z))+")
_ENCODE_URI_KEEPS = ";,/?:@&=+$#!*'()"  # with letters, digits and -_.~, what encodeURI leaves as it is


def gzip(body):
    """A gzip member of the body."""
    compressor = zlib.compressobj(6, zlib.DEFLATED, 31)
    return compressor.compress(body) + compressor.flush()


def static_redirect(request, headers, target):
    """express.static over json-server's front folder: a path that names the folder itself, without a trailing
    slash, is sent to the same path with one (301); None for any other path (it falls through to the router)."""
    origin = url_origin(target)  # serve-static reads the pathname of an absolute target too, and keeps its origin
    if request.method not in ("GET", "HEAD") or not (target.startswith("/") or origin):
        return None
    path, query, fragment = parse_url_parts(target)
    try:
        decoded = decode_uri_component(path)
    except URIError:
        return None
    if path.endswith("/") or "\0" in decoded or posixpath.normpath("./" + decoded) != ".":
        return None
    location = "/" + (path + "/").lstrip("/") if path.startswith("//") else path + "/"
    location = encode_url(origin + location + (f"?{query}" if query is not None else "") + (fragment or ""))
    escaped = html.escape(location, quote=True).replace("&#x27;", "&#39;")
    body = _REDIRECT_PAGE.format(escaped, escaped).encode("utf-8")
    headers.set("Content-Type", "text/html; charset=UTF-8")
    headers.set("Content-Length", str(len(body)))
    headers.set("Content-Security-Policy", "default-src 'none'")
    headers.set("X-Content-Type-Options", "nosniff")
    headers.set("Location", location)
    return compress(request, headers, 301, body)


_REDIRECT_PAGE = ('<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n<title>Redirecting</title>\n'
                  "</head>\n<body>\n<pre>Redirecting to <a href=\"{}\">{}</a></pre>\n</body>\n</html>\n")


def cors_headers(request):
    """The headers Express and json-server's cors middleware set on every answer, in their order."""
    headers = ResponseHeaders()
    headers.set("X-Powered-By", "Express")
    origin = request.headers.get("origin")
    if origin:
        headers.set("Access-Control-Allow-Origin", origin)
    headers.vary("Origin")
    headers.set("Access-Control-Allow-Credentials", "true")
    return headers


def no_cache(headers):
    """json-server's noCache middleware (its defaults mount it after the static files): never cache an answer."""
    headers.set("Cache-Control", "no-cache")
    headers.set("Pragma", "no-cache")
    headers.set("Expires", "-1")
