"""body-parser as json-server 0.16 mounts it: the JSON parser (10 MB, strict), then urlencoded (100 KB)."""

import zlib

from . import jsrt, nodeerrors
from .urlparams import form_parameter_count, parse_form

JSON_LIMIT = 10 * 1024 * 1024
FORM_LIMIT = 100 * 1024


def parse_body(request):
    """req.body after both parsers: the parsed JSON or form, or {} for anything else (or no body)."""
    if not request.has_body:
        return {}
    media, charset = media_type(request.headers.get("content-type"))
    if media == "application/json":
        return _parse_json(request, charset)
    if media == "application/x-www-form-urlencoded":
        return _parse_form(request, charset)
    return {}


def media_type(value):
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


def _read(request, limit, charset):
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


def _parse_json(request, charset):
    """The JSON parser: an empty body is {}, a body must start with { or [."""
    text = _read(request, JSON_LIMIT, charset)
    if not text:
        return {}
    error = nodeerrors.json_syntax_error(text)
    if error:
        raise error
    return jsrt.parse_json(text)


def _parse_form(request, charset):
    """The urlencoded parser (extended: false): flat keys, repeated keys become arrays."""
    if charset and charset != "utf-8":
        raise nodeerrors.unsupported_charset(charset)
    text = _read(request, FORM_LIMIT, "utf-8")
    if text and form_parameter_count(text) > 1000:
        raise nodeerrors.too_many_parameters()
    return jsrt.js_object(parse_form(text).items())


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
