"""URLs and forms as Express reads them: parseurl (pathname and query), decodeURIComponent, querystring forms.

The query string itself is parsed by `qs.py`.
"""

import re

_PERCENT_RUN = re.compile(r"(?:%[0-9A-Fa-f]{2})+")


class URIError(ValueError):
    """decodeURIComponent met a malformed escape (JavaScript's URIError)."""


def decode_uri_component(text):
    """decodeURIComponent: strict UTF-8 percent-decoding, raising URIError as JavaScript does."""
    if "%" not in text:
        return text
    out, last = [], 0
    for match in _PERCENT_RUN.finditer(text):
        if "%" in text[last:match.start()]:
            raise URIError("URI malformed")
        out.append(text[last:match.start()])
        try:
            out.append(bytes.fromhex(match.group().replace("%", "")).decode("utf-8"))
        except UnicodeDecodeError as exc:
            raise URIError("URI malformed") from exc
        last = match.end()
    if "%" in text[last:]:
        raise URIError("URI malformed")
    out.append(text[last:])
    return "".join(out)


def _combine(existing, value):
    """A repeated form key collects its values into an array."""
    left = existing if isinstance(existing, list) else [existing]
    right = value if isinstance(value, list) else [value]
    return left + right


def _unescape_form(text):
    """querystring.unescape: '+' is a space, a malformed escape is kept byte for byte."""
    text = text.replace("+", " ")
    try:
        return decode_uri_component(text)
    except URIError:
        raw = re.sub(r"%([0-9A-Fa-f]{2})", lambda m: chr(int(m.group(1), 16)), text)
        return raw.encode("latin-1", "replace").decode("utf-8", "replace")


def parse_form(body):
    """Node's querystring.parse, as body-parser's urlencoded({extended: false}) applies it."""
    result = {}
    if not body:
        return result
    for part in body.split("&"):
        if not part:
            continue
        key, _, value = part.partition("=")
        key, value = _unescape_form(key), _unescape_form(value)
        if key in result:
            result[key] = _combine(result[key], value)
        else:
            result[key] = value
    return result


def form_parameter_count(body):
    """How many parameters body-parser counts in a form body (it refuses more than 1000)."""
    return body.count("&") + 1


_FAST_BREAK = frozenset("\t\n\f\r #\u00a0\ufeff")  # parseurl leaves a URL with these to url.parse
_AUTO_ESCAPE = {c: f"%{ord(c):02X}" for c in "\t\n\r \"'<>\\^`{|}"}
_PROTOCOL = re.compile(r"[a-z0-9.+-]+:", re.I)
_SIMPLE_PATH = re.compile(r"(//?(?!/)[^?\t\n\v\f\r \u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff]*)"
                          r"(\?[^\t\n\v\f\r \u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff]*)?\Z")
_NON_HOST = frozenset("\t\n\r \"%';<>\\^`{|}")
_SLASHED = ("http:", "https:", "ftp:", "gopher:", "file:", "ws:", "wss:")


def parse_url(url):
    """(pathname, query) of req.url as parseurl reads it (query None when there is none)."""
    return parse_url_parts(url)[:2]


def parse_url_parts(url):
    """(pathname, query, hash) of a URL as parseurl reads it: its fast path, else Node's url.parse."""
    if url.startswith("/") and not any(char in _FAST_BREAK for char in url):
        path, mark, query = url.partition("?")
        return path, (query if mark else None), None
    return _legacy_parse(url)


_ABSOLUTE = re.compile(r"([a-z0-9.+-]+:)//([^/?#]*)", re.I)


def url_origin(url):
    """What url.format(url.parse(url)) writes before the pathname of an absolute URL (scheme://host/...): the
    protocol in lower case, the user info, the host name in lower case and a port if one is given; "" for any other
    request target."""
    absolute = _ABSOLUTE.match(_trim_and_unslash(url))
    if absolute is None:
        return ""
    protocol, authority = absolute.group(1).lower(), absolute.group(2)
    auth, at, host = authority.rpartition("@")
    hostname, port = re.fullmatch(r"(.*?)(?::([0-9]*))?", host).groups()
    return f"{protocol}//{auth}{at}{hostname.lower()}{':' + port if port else ''}"


def _legacy_parse(url):
    """Node's url.parse(url) for the pathname, query and hash: trimmed, backslashes, host, auto-escaping."""
    rest = _trim_and_unslash(url)
    if "#" not in rest and "@" not in rest.split("?")[0]:
        simple = _SIMPLE_PATH.match(rest)
        if simple:
            query = simple.group(2)
            return simple.group(1), (query[1:] if query is not None else None), None
    protocol = _PROTOCOL.match(rest)
    protocol = protocol.group().lower() if protocol else None
    if protocol:
        rest = rest[len(protocol):]
    slashes, hostname = False, ""
    if (protocol or re.match(r"//[^@/]+@[^@/]+", rest)) and rest.startswith("//") and protocol != "javascript:":
        rest, slashes = rest[2:], True
    if slashes or (protocol and protocol not in _SLASHED and protocol != "javascript:"):
        rest, hostname = _split_host(rest)
    if protocol != "javascript:":
        rest = "".join(_AUTO_ESCAPE.get(char, char) for char in rest)
    rest, hash_mark, fragment = rest.partition("#")
    path, mark, query = rest.partition("?")
    if not path and hostname and protocol in _SLASHED:
        path = "/"
    return (path or None), (query if mark else None), (hash_mark + fragment if hash_mark else None)


def _trim_and_unslash(url):
    """url.parse's first pass: white space trimmed at both ends, backslashes before ? or # made slashes."""
    space = "".join(chr(c) for c in range(33)) + "\u00a0\ufeff"
    url = url.strip(space)
    head_end = min((i for i in (url.find("?"), url.find("#")) if i >= 0), default=len(url))
    return url[:head_end].replace("\\", "/") + url[head_end:]


def _split_host(rest):
    """(what follows the host, the host) of `host/path...`, as url.parse cuts and checks the host."""
    end = next((i for i, char in enumerate(rest) if char in "#/?"), len(rest))
    at = rest.rfind("@", 0, end)
    start = at + 1 if at >= 0 else 0
    non_host = next((i for i in range(start, end) if rest[i] in _NON_HOST), end)
    host, rest = rest[start:non_host], rest[non_host:]
    hostname = re.sub(r":[0-9]*\Z", "", host)
    if not hostname.startswith("["):
        bad = next((i for i, char in enumerate(hostname) if char in "/\\#?:"), -1)
        if bad >= 0:
            rest = "/" + hostname[bad:] + rest
            hostname = hostname[:bad]
    return rest, hostname
