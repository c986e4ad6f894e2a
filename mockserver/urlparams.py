"""URL and form decoding as Express does it: decodeURIComponent, the `qs` query parser, querystring forms."""

import re

_PERCENT_RUN = re.compile(r"(?:%[0-9A-Fa-f]{2})+")
_BRACKETS = re.compile(r"(\[[^[\]]*\])")
_QS_DEPTH = 5
_QS_ARRAY_LIMIT = 20
_PARAMETER_LIMIT = 1000


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


def _qs_decode(text):
    """qs's decoder: '+' is a space; a malformed escape leaves the text as it is."""
    text = text.replace("+", " ")
    try:
        return decode_uri_component(text)
    except URIError:
        return text


def _combine(existing, value):
    """qs utils.combine: a repeated key collects its values into an array."""
    left = existing if isinstance(existing, list) else [existing]
    right = value if isinstance(value, list) else [value]
    return left + right


def _key_chain(key):
    """The bracket segments of a qs key (`a[b][]` -> ['a', '[b]', '[]']), or None for an empty key."""
    if not key:
        return None
    first = _BRACKETS.search(key)
    parent = key[: first.start()] if first else key
    chain = [parent] if parent else []
    position, depth = (first.start() if first else len(key)), 0
    for segment in _BRACKETS.finditer(key):
        if depth >= _QS_DEPTH:
            break
        chain.append(segment.group())
        position, depth = segment.end(), depth + 1
    if first and position < len(key):
        chain.append("[" + key[position:] + "]")
    return chain


def _build(chain, value):
    """qs parseObject: nest the value under the chain of keys."""
    leaf = value
    for root in reversed(chain):
        if root == "[]":
            leaf = leaf if isinstance(leaf, list) else [leaf]
            continue
        clean = root[1:-1] if root.startswith("[") and root.endswith("]") else root
        if root != clean and clean.isdigit() and str(int(clean)) == clean and int(clean) <= _QS_ARRAY_LIMIT:
            leaf = [leaf]
        else:
            leaf = {clean: leaf}
    return leaf


def _merge(target, source):
    """qs utils.merge, for the shapes a query string produces."""
    if isinstance(target, dict) and isinstance(source, dict):
        merged = dict(target)
        for key, value in source.items():
            merged[key] = _merge(merged[key], value) if key in merged else value
        return merged
    if isinstance(target, list) and isinstance(source, list):
        return target + source
    if isinstance(target, list):
        return target + [source]
    if isinstance(source, list):
        return [target] + source
    if isinstance(target, dict):
        return {**target, str(source): True}
    return [target, source]


def parse_query(query):
    """Express's extended query parser (qs): repeated keys become arrays, brackets nest."""
    flat = {}
    for part in query.split("&")[:_PARAMETER_LIMIT]:
        equals = part.find("]=")
        position = part.find("=") if equals == -1 else equals + 1
        if position == -1:
            key, value = _qs_decode(part), ""
        else:
            key, value = _qs_decode(part[:position]), _qs_decode(part[position + 1:])
        flat[key] = _combine(flat[key], value) if key in flat else value
    result = {}
    for key, value in flat.items():
        chain = _key_chain(key)
        if chain is None:
            continue
        built = _build(chain, value)
        name, nested = (chain[0], built[chain[0]]) if isinstance(built, dict) and chain[0] in built else ("0", built)
        result[name] = _merge(result[name], nested) if name in result else nested
    return result


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
