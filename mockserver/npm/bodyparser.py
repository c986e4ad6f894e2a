"""body-parser 1.19.0 as json-server 0.16 mounts it: the JSON parser (10 MB, strict), then urlencoded (100 KB).

Each step as the live API's lock file has the engine's modules take it: type-is 1.6.18 with media-typer 0.3.0
decides whether a parser reads the body, content-type 1.0.4 finds the charset, raw-body 2.4.0 checks the limit
(the declared length first, then the bytes as they come, inflated ones included), iconv-lite 0.4.24 decodes
(`iconv`), then body-parser's strict check of the first character and JSON.parse (V8's, `v8json`).
"""

import re
import zlib

from . import iconv
from ..node import jsrt, nodeerrors, v8json
from .urlparams import form_parameter_count, parse_form

JSON_LIMIT = 10 * 1024 * 1024  # bytes.parse('10mb')
FORM_LIMIT = 100 * 1024  # the urlencoded parser's default
INFLATE_PIECE = 16 * 1024  # zlib's output is taken in pieces this size, so the limit is checked as it grows

_TOKEN = r"[!#$%&'*+\-.0-9A-Z^_`a-z|~]+"
# media-typer 0.3.0 (type-is's parser): strict about parameters, so `application/json;` is no media type at all
_MT_TYPE = re.compile(r"^ *([A-Za-z0-9][A-Za-z0-9!#$&^_-]{0,126})/([A-Za-z0-9][A-Za-z0-9!#$&^_.+-]{0,126}) *\Z")
_MT_PARAM = re.compile(r"; *(" + _TOKEN + r') *= *("(?:[ !\u0023-\u005b\u005d-\u007e\u0080-\u00ff]|\\[\u0020-\u007e])*"|'
                       + _TOKEN + ") *")
_MT_NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9!#$&^_-]{0,126}")
_MT_SUBTYPE = re.compile(r"[A-Za-z0-9][A-Za-z0-9!#$&^_.-]{0,126}")
# content-type 1.0.4 (body-parser's charset reader)
_CT_TYPE = re.compile("^" + _TOKEN + "/" + _TOKEN + r"\Z")
_CT_PARAM = re.compile(r"; *(" + _TOKEN + r') *= *("(?:[\u000b\u0020\u0021\u0023-\u005b\u005d-\u007e\u0080-\u00ff]|'
                       r'\\[\u000b\u0020-\u00ff])*"|' + _TOKEN + ") *")
_CT_QESC = re.compile(r"\\([\u000b\u0020-\u00ff])")
# body-parser 1.19.0's FIRST_CHAR_REGEXP, /^[\x20\x09\x0a\x0d]*(.)/: JavaScript's `.` is one UTF-16 code unit but a
# line end, and the greedy run of blanks gives characters back until one matches (" \n" gives " "; "\n" nothing)
_FIRST_CHAR = re.compile("[\x20\x09\x0a\x0d]*([^\n\r\u2028\u2029])")


def parse_body(request):
    """req.body after both parsers: the parsed JSON or form, or {} for anything else (or no body)."""
    if not request.has_body:
        return {}
    media = media_type(request.headers.get("content-type"))
    if media == "application/json":
        return _parse_json(request, charset_of(request.headers.get("content-type")) or "utf-8")
    if media == "application/x-www-form-urlencoded":
        return _parse_form(request, charset_of(request.headers.get("content-type")) or "utf-8")
    return {}


def media_type(value):
    """type-is's normalized type/subtype(+suffix) in lower case, or None where media-typer throws."""
    if not value:
        return None
    index = value.find(";")
    match = _MT_TYPE.match((value[:index] if index >= 0 else value).lower())
    if match is None:
        return None
    if index >= 0:
        while (param := _MT_PARAM.match(value, index)) is not None and param.end() > index:
            index = param.end()
        if index != len(value):
            return None
    kind, subtype = match.groups()
    suffix = None
    if "+" in subtype:
        subtype, suffix = subtype[: subtype.rindex("+")], subtype[subtype.rindex("+") + 1 :]
    if not _MT_SUBTYPE.fullmatch(subtype) or (suffix and not _MT_NAME.fullmatch(suffix)):
        return None  # media-typer's format() refuses what its parse() let through
    return f"{kind}/{subtype}" + (f"+{suffix}" if suffix else "")


def charset_of(value):
    """(contentType.parse(req).parameters.charset || '').toLowerCase(), or None where content-type throws."""
    if not value:
        return None
    index = value.find(";")
    if not _CT_TYPE.match((value[:index] if index >= 0 else value).strip(jsrt._JS_WS)):
        return None
    params = {}
    if index >= 0:
        while (param := _CT_PARAM.match(value, index)) is not None:
            index = param.end()
            text = param.group(2)
            if text.startswith('"'):
                text = _CT_QESC.sub(r"\1", text[1:-1])
            params[param.group(1).lower()] = text
        if index != len(value):
            return None
    return params.get("charset", "").lower()


def _parse_json(request, charset):
    """The JSON parser: charset first, then raw-body; an empty body is {}, a body must start with { or [."""
    if not charset.startswith("utf-"):
        raise nodeerrors.unsupported_charset(charset, request.method)
    text, inflated = _read(request, JSON_LIMIT, charset)
    if not text:
        return {}
    units = v8json.code_units(text)  # JavaScript's regular expressions and indexes count UTF-16 code units
    first = _FIRST_CHAR.match(units)
    if first is None:
        raise nodeerrors.no_first_character(inflated)  # FIRST_CHAR_REGEXP.exec(str)[1] on null
    if first.group(1) not in "{[":
        raise nodeerrors.strict_syntax_error(*_strict_violation(units, first.group(1)), inflated)
    try:
        return v8json.parse(text)
    except v8json.JsonSyntaxError as error:
        raise nodeerrors.json_syntax_error(error.message, inflated) from None


def _strict_violation(units, char):
    """body-parser 1.19's createStrictSyntaxError: JSON.parse of the text up to the character's first place and one
    '#'; (that message, the same with its first '#' replaced by the character: the text quoted is the stand-in)."""
    partial = units[: units.index(char)] + "#"
    thrown = v8json.error_message(partial)
    return thrown, v8json.as_text(thrown.replace("#", char, 1))  # one character: `$` alone is no pattern


def _parse_form(request, charset):
    """The urlencoded parser (extended: false): flat keys, repeated keys become arrays."""
    if charset != "utf-8":
        raise nodeerrors.unsupported_charset(charset, request.method, "urlencoded")
    text, inflated = _read(request, FORM_LIMIT, "utf-8", "urlencoded")
    if text and form_parameter_count(text) > 1000:
        raise nodeerrors.too_many_parameters(inflated)
    return jsrt.js_object(parse_form(text).items())


def _read(request, limit, charset, parser="json"):
    """read() and raw-body, in their order: the content coding, the declared length, the charset's decoder, the
    bytes as they come (inflated ones included) against the limit; (the text, the coding inflated or None)."""
    coding = (request.headers.get("content-encoding") or "identity").lower()
    if coding not in ("identity", "gzip", "deflate"):
        raise nodeerrors.unsupported_encoding(coding, request.method, parser)
    declared = coding == "identity" and "content-length" in request.headers  # only the request itself has a length
    if declared and request.declared_length > limit:
        raise nodeerrors.payload_too_large(request.method, parser)
    codec = iconv.codec(charset)
    if codec is None:
        raise nodeerrors.unknown_charset(charset)
    inflated = None if coding == "identity" else coding
    if request.truncated:  # the transport kept none of a body past the JSON limit
        raise nodeerrors.payload_too_large_streamed(inflated)
    body = request.body if inflated is None else _inflate(request.body, coding, limit)
    if len(body) > limit:
        raise nodeerrors.payload_too_large_streamed(inflated)
    return iconv.decode(body, codec), inflated


def _inflate(data, coding, limit):
    """zlib.createGunzip() or createInflate(), piece by piece: past `limit` bytes out, PayloadTooLargeError."""
    gzip = coding == "gzip"
    stream, out, total = zlib.decompressobj(31 if gzip else 15), [], 0
    try:
        while True:
            piece = stream.decompress(data, INFLATE_PIECE)
            total += len(piece)
            if total > limit:
                raise nodeerrors.payload_too_large_streamed(coding)
            out.append(piece)
            data = stream.unconsumed_tail
            if stream.eof:
                data = stream.unused_data
                if not (gzip and data and data[0] != 0):
                    break  # done; trailing zero bytes are padding (Node's gunzip)
                stream = zlib.decompressobj(31)  # another gzip member follows, or garbage that fails as one
            elif not data and len(piece) < INFLATE_PIECE:  # a full piece may leave output still to come
                raise nodeerrors.zlib_error("unexpected end of file")
    except zlib.error as error:
        raise nodeerrors.zlib_error(str(error).rpartition(": ")[2]) from None
    return b"".join(out)
