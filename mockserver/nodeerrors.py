"""The errors the live API's Node process throws, with the stack text its error handler answers with."""

import json
import re

from .jsrt import parse_json

_BODY_PARSER = "/app/node_modules/body-parser/lib"
_EXPRESS = "/app/node_modules/express/lib/router"
_SERVER = "/app/node_modules/json-server/lib/server/router"

_PARSE_FRAMES = (
    "JSON.parse (<anonymous>)",
    f"parse ({_BODY_PARSER}/types/json.js:89:19)",
    f"{_BODY_PARSER}/read.js:128:18",
    "AsyncResource.runInAsyncScope (node:async_hooks:203:9)",
    "invokeCallback (/app/node_modules/raw-body/index.js:231:16)",
    "done (/app/node_modules/raw-body/index.js:220:7)",
    "IncomingMessage.onEnd (/app/node_modules/raw-body/index.js:280:7)",
    "IncomingMessage.emit (node:events:517:28)",
    "endReadableNT (node:internal/streams/readable:1400:12)",
    "process.processTicksAndRejections (node:internal/process/task_queues:82:21)",
)
_ROUTE_FRAMES = (
    f"Layer.handle [as handle_request] ({_EXPRESS}/layer.js:95:5)",
    f"next ({_EXPRESS}/route.js:137:13)",
    f"Route.dispatch ({_EXPRESS}/route.js:112:3)",
    f"Layer.handle [as handle_request] ({_EXPRESS}/layer.js:95:5)",
    f"{_EXPRESS}/index.js:281:22",
    f"param ({_EXPRESS}/index.js:354:14)",
    f"param ({_EXPRESS}/index.js:365:14)",
    f"Function.process_params ({_EXPRESS}/index.js:410:3)",
    f"next ({_EXPRESS}/index.js:275:10)",
)
_DECODE_FRAMES = (
    "decodeURIComponent (<anonymous>)",
    f"decode_param ({_EXPRESS}/layer.js:172:12)",
    f"Layer.match ({_EXPRESS}/layer.js:148:15)",
    f"matchLayer ({_EXPRESS}/index.js:574:18)",
    f"next ({_EXPRESS}/index.js:220:15)",
    f"Function.handle ({_EXPRESS}/index.js:174:3)",
    f"router ({_EXPRESS}/index.js:47:12)",
    f"Layer.handle [as handle_request] ({_EXPRESS}/layer.js:95:5)",
    f"trim_prefix ({_EXPRESS}/index.js:328:13)",
    f"{_EXPRESS}/index.js:286:9",
)
_LIMIT_FRAMES = (
    "readStream (/app/node_modules/raw-body/index.js:155:17)",
    "getRawBody (/app/node_modules/raw-body/index.js:108:12)",
    f"read ({_BODY_PARSER}/read.js:77:3)",
    f"jsonParser ({_BODY_PARSER}/types/json.js:135:5)",
    f"Layer.handle [as handle_request] ({_EXPRESS}/layer.js:95:5)",
    f"trim_prefix ({_EXPRESS}/index.js:317:13)",
    f"{_EXPRESS}/index.js:284:7",
    f"Function.process_params ({_EXPRESS}/index.js:335:12)",
    f"next ({_EXPRESS}/index.js:275:10)",
    "methodOverride (/app/node_modules/method-override/index.js:65:14)",
)


class NodeError(Exception):
    """An error thrown inside the live app; json-server answers 500 with its stack as text/html."""

    def __init__(self, name, message, frames):
        super().__init__(f"{name}: {message}")
        self.name, self.message, self.frames = name, message, frames

    @property
    def stack(self):
        """The text of `err.stack`, which is the whole body of the 500 answer."""
        return "\n".join([f"{self.name}: {self.message}", *(f"    at {frame}" for frame in self.frames)])


def json_syntax_error(text):
    """The SyntaxError body-parser's strict JSON parser raises for this body, or None if it parses."""
    first = re.match(r"[\x20\x09\x0a\x0d]*([^\x20\x09\x0a\x0d])", text)
    if first is None or first.group(1) not in "{[":
        char = first.group(1) if first else None
        partial = text[: first.start(1)] + "#" if first else ""
        message = _v8_parse_message(partial)
        if char is not None:
            message = message.replace("#", char, 1)
        return NodeError("SyntaxError", message, _PARSE_FRAMES)
    try:
        parse_json(text)
    except (ValueError, RecursionError):
        return NodeError("SyntaxError", _v8_parse_message(text), _PARSE_FRAMES)
    return None


def _v8_parse_message(text):
    """The message V8's JSON.parse gives for this invalid text (the common cases)."""
    try:
        json.loads(text, parse_constant=lambda name: (_ for _ in ()).throw(ValueError(name)))
        return "Unexpected token"
    except json.JSONDecodeError as exc:
        position, reason = exc.pos, exc.msg
    except ValueError:
        position, reason = _constant_position(text), "Expecting value"
    if position >= len(text.rstrip("\x20\x09\x0a\x0d")) and reason != "Extra data":
        return "Unexpected end of JSON input"
    if reason == "Extra data":
        return f"Unexpected non-whitespace character after JSON at position {position}"
    if reason.startswith("Expecting property name"):
        return f"Expected property name or '}}' in JSON at position {position}"
    if reason == "Expecting ':' delimiter":
        return f"Expected ':' after property name in JSON at position {position}"
    if reason == "Invalid control character at":
        return f"Bad control character in string literal in JSON at position {position}"
    if reason == "Unterminated string starting at":
        return f"Unterminated string in JSON at position {len(text)}"
    if reason.startswith("Invalid \\escape") or reason.startswith("Invalid \\u"):
        return f"Bad escaped character in JSON at position {position}"
    if reason == "Expecting ',' delimiter":
        opener = _enclosing(text, position)
        closer = "}" if opener == "{" else "]"
        what = "property value" if opener == "{" else "array element"
        return f"Expected ',' or '{closer}' after {what} in JSON at position {position}"
    return _unexpected_token(text, position)


def _constant_position(text):
    """Where NaN, Infinity or -Infinity stands in a text that Python would otherwise accept."""
    match = re.search(r"-?(NaN|Infinity)", text)
    return match.start(1) if match else 0


def _enclosing(text, position):
    """The bracket that encloses a position, judged by a shallow scan (good enough for a message)."""
    depth, stack, in_string, escaped = 0, [], False, False
    for char in text[:position]:
        if in_string:
            escaped, in_string = (not escaped and char == "\\"), (in_string and (escaped or char != '"'))
            continue
        if char == '"':
            in_string = True
        elif char in "{[":
            stack.append(char)
        elif char in "}]" and stack:
            stack.pop()
        depth += 1
    return stack[-1] if stack else "{"


def _unexpected_token(text, position):
    """V8's 'Unexpected token' message with the source, cut to ten characters either side if long."""
    token = text[position]
    if len(text) < 21:
        return f"Unexpected token '{token}', \"{text}\" is not valid JSON"
    start, end = max(0, position - 10), min(len(text), position + 10)
    context = ("..." if start > 0 else "") + f'"{text[start:end]}"' + ("..." if end < len(text) else "")
    return f"Unexpected token '{token}', {context} is not valid JSON"


def payload_too_large():
    """body-parser's error for a JSON body over its 10 MB limit."""
    return NodeError("PayloadTooLargeError", "request entity too large", _LIMIT_FRAMES)


def too_many_parameters():
    """body-parser's error for a form body of more than 1000 parameters."""
    return NodeError("PayloadTooLargeError", "too many parameters", _LIMIT_FRAMES)


def unsupported_charset(charset):
    """body-parser's error for a body in a charset other than UTF-8."""
    return NodeError("UnsupportedMediaTypeError", f'unsupported charset "{charset.upper()}"', _LIMIT_FRAMES)


def bad_param(raw):
    """Express's error when a route parameter is not valid percent-encoding."""
    return NodeError("URIError", f"Failed to decode param '{raw}'", _DECODE_FRAMES)


def invalid_regex(pattern, reason):
    """V8's error for a `_like` value that is not a valid regular expression."""
    frames = ("new RegExp (<anonymous>)", f"{_SERVER}/plural.js:124:24", *(_ROUTE_FRAMES[:7]))
    return NodeError("SyntaxError", f"Invalid regular expression: /{pattern}/i: {reason}", frames)


def put_on_missing():
    """json-server's TypeError for PUT on an id that does not exist (fake mode reads `resource.id`)."""
    frames = (f"update ({_SERVER}/plural.js:260:24)", *_ROUTE_FRAMES)
    return NodeError("TypeError", "Cannot read properties of undefined (reading 'id')", frames)


def expand_without_key():
    """lodash-id's TypeError when `_expand` names a resource the records hold no key for."""
    frames = (
        "/app/node_modules/lodash-id/src/index.js:49:39",
        "/app/node_modules/lodash/lodash.js:4967:15",
        f"{_SERVER}/plural.js:45:14",
        *_ROUTE_FRAMES[:6],
    )
    return NodeError("TypeError", "Cannot read properties of undefined (reading 'toString')", frames)


def not_a_function(expression):
    """The TypeError when a query parameter that json-server treats as a string came as an array."""
    frames = (f"list ({_SERVER}/plural.js:92:11)", *_ROUTE_FRAMES)
    return NodeError("TypeError", f"{expression} is not a function", frames)
