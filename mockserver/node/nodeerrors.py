"""The errors the live API's Node process throws, with the stack text its error handler answers with."""

_BODY_PARSER = "/app/node_modules/body-parser/lib"
_EXPRESS = "/app/node_modules/express/lib/router"
_SERVER = "/app/node_modules/json-server/lib/server/router"

# The frames below are body-parser 1.19.0's, raw-body 2.4.0's and http-errors 1.7.2's (the live API's lock file),
# on Node 20 (the internal line numbers are Node 20.20's, as `python -m fidelity`'s engine shows them).
_RAW_BODY = "/app/node_modules/raw-body/index.js"


def _read_done(inflated=None):
    """raw-body's callback once the whole body is in, where body-parser's parse() runs; the stream that ended is the
    request itself, or the Gunzip or Inflate stream it was piped through."""
    stream = {"gzip": "Gunzip", "deflate": "Inflate"}.get(inflated, "IncomingMessage")
    return (
        f"{_BODY_PARSER}/read.js:121:18",
        f"invokeCallback ({_RAW_BODY}:224:16)",
        f"done ({_RAW_BODY}:213:7)",
        f"{stream}.onEnd ({_RAW_BODY}:273:7)",
        f"{stream}.emit (node:events:524:28)",
        "endReadableNT (node:internal/streams/readable:1698:12)",
        "process.processTicksAndRejections (node:internal/process/task_queues:82:21)",
    )


_LAYER = (
    f"Layer.handle [as handle_request] ({_EXPRESS}/layer.js:95:5)",
    f"trim_prefix ({_EXPRESS}/index.js:317:13)",
    f"{_EXPRESS}/index.js:284:7",
    f"Function.process_params ({_EXPRESS}/index.js:335:12)",
    f"next ({_EXPRESS}/index.js:275:10)",
)
_STREAMED = (  # raw-body's onData, past the limit as the bytes come (the request's own, or zlib's output)
    "emit (node:events:524:28)",
    "addChunk (node:internal/streams/readable:561:12)",
    "readableAddChunkPushByteMode (node:internal/streams/readable:512:3)",
    "Readable.push (node:internal/streams/readable:392:5)",
)
_ZLIB_FRAMES = (
    "genericNodeError (node:internal/errors:984:15)",
    "wrappedFn (node:internal/errors:538:14)",
    "Zlib.zlibOnError [as onerror] (node:zlib:189:17)",
)


def _method_override(method):
    """method-override's frame: it calls next() on line 79 for a POST and returns early on line 65 for any other
    method (the method body-parser sees stands for the one sent: an overridden POST is the rare exception)."""
    line = "79:5" if method == "POST" else "65:14"
    return f"methodOverride (/app/node_modules/method-override/index.js:{line})"


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
_STRINGIFY_FRAMES = (
    "JSON.stringify (<anonymous>)",
    "stringify (/app/node_modules/express/lib/response.js:1122:12)",  # Express 4.17.1
    "ServerResponse.jsonp (/app/node_modules/express/lib/response.js:303:14)",
    f"router.render ({_SERVER}/index.js:57:9)",
    f"{_SERVER}/index.js:91:12",
    *_LAYER,
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


class NormalizedSyntaxError(NodeError):
    """JSON.parse's SyntaxError after body-parser's normalizeJsonSyntaxError: `error.stack =
    stack.replace(error.message, message)`, where the new message is a JavaScript replacement pattern (so `$'` in
    it brings in the frames, `$&` the old message, `$$` is one `$`)."""

    def __init__(self, thrown, message, frames):
        super().__init__("SyntaxError", message, frames)
        self.thrown = thrown  # the message JSON.parse threw with

    @property
    def stack(self):
        """The stack V8 wrote for the thrown message, its first match of that message replaced as JavaScript does."""
        stack = "\n".join([f"{self.name}: {self.thrown}", *(f"    at {frame}" for frame in self.frames)])
        at = stack.find(self.thrown)
        return stack[:at] + _substitution(self.message, stack, at, at + len(self.thrown)) + stack[at + len(self.thrown):]


def _substitution(replacement, text, start, end):
    """ECMAScript's GetSubstitution for a string pattern (no captures): $$, $&, $` and $' expand, all else stays."""
    expand = {"$": "$", "&": text[start:end], "`": text[:start], "'": text[end:]}
    out, i = [], 0
    while i < len(replacement):
        if replacement[i] == "$" and i + 1 < len(replacement) and replacement[i + 1] in expand:
            out.append(expand[replacement[i + 1]])
            i += 2
        else:
            out.append(replacement[i])
            i += 1
    return "".join(out)


def json_syntax_error(message, inflated=None):
    """The SyntaxError body-parser passes on from JSON.parse (the message is V8's, from `v8json`), normalized."""
    frames = ("JSON.parse (<anonymous>)", f"parse ({_BODY_PARSER}/types/json.js:89:19)", *_read_done(inflated))
    return NormalizedSyntaxError(message, message, frames)


def strict_syntax_error(thrown, message, inflated=None):
    """body-parser 1.19's createStrictSyntaxError: JSON.parse of a stand-in threw `thrown`; `message` is put in."""
    frames = ("JSON.parse (<anonymous>)", f"createStrictSyntaxError ({_BODY_PARSER}/types/json.js:158:10)",
              f"parse ({_BODY_PARSER}/types/json.js:83:15)", *_read_done(inflated))
    return NormalizedSyntaxError(thrown, message, frames)


def no_first_character(inflated=None):
    """body-parser 1.19's firstchar() on a body of line ends and blanks its regular expression finds no character in."""
    frames = (f"firstchar ({_BODY_PARSER}/types/json.js:176:37)", f"parse ({_BODY_PARSER}/types/json.js:79:19)",
              *_read_done(inflated))
    return NodeError("TypeError", "Cannot read properties of null (reading '1')", frames)


def zlib_error(message):
    """Node's zlib error for a bad gzip or deflate request body (zlib's own message, or 'unexpected end of file')."""
    return NodeError("Error", message, _ZLIB_FRAMES)


def unsupported_encoding(coding, method, parser="json"):
    """body-parser's error for a Content-Encoding other than identity, gzip and deflate."""
    frames = (f"contentstream ({_BODY_PARSER}/read.js:174:13)", f"read ({_BODY_PARSER}/read.js:54:14)")
    if parser == "json":
        frames += (f"jsonParser ({_BODY_PARSER}/types/json.js:135:5)", *_LAYER, _method_override(method), _LAYER[0])
    else:
        frames += (f"urlencodedParser ({_BODY_PARSER}/types/urlencoded.js:116:5)", *_LAYER,
                   f"jsonParser ({_BODY_PARSER}/types/json.js:119:7)", _LAYER[0])
    return NodeError("UnsupportedMediaTypeError", f'unsupported content encoding "{coding}"', frames)


def stack_overflow():
    """V8's RangeError when JSON.stringify (Express's res.json) meets a value nested too deep."""
    return NodeError("RangeError", "Maximum call stack size exceeded", _STRINGIFY_FRAMES)


def payload_too_large(method, parser="json"):
    """raw-body's error for a body whose declared length is over the limit (thrown before a byte is read), under
    the JSON parser (10 MB) or the urlencoded one (100 KB), which the JSON parser's next() called."""
    frames = (f"readStream ({_RAW_BODY}:155:17)", f"getRawBody ({_RAW_BODY}:108:12)", f"read ({_BODY_PARSER}/read.js:77:3)")
    if parser == "json":
        frames += (f"jsonParser ({_BODY_PARSER}/types/json.js:135:5)", *_LAYER, _method_override(method))
    else:
        frames += (f"urlencodedParser ({_BODY_PARSER}/types/urlencoded.js:116:5)", *_LAYER,
                   f"jsonParser ({_BODY_PARSER}/types/json.js:119:7)")
    return NodeError("PayloadTooLargeError", "request entity too large", frames)


def payload_too_large_streamed(inflated):
    """raw-body's error once the bytes read pass the limit: a chunked body's, or zlib's output for an inflated one."""
    emitter = "Gunzip" if inflated == "gzip" else "Inflate" if inflated else "IncomingMessage"
    source = "Zlib.processCallback (node:zlib:525:32)" if inflated else "HTTPParser.parserOnBody (node:_http_common:130:24)"
    frames = (f"{emitter}.onData ({_RAW_BODY}:246:12)", f"{emitter}.{_STREAMED[0]}", *_STREAMED[1:], source)
    return NodeError("PayloadTooLargeError", "request entity too large", frames)


def too_many_parameters(inflated=None):
    """body-parser's error for a form body of more than 1000 parameters."""
    frames = (f"queryparse ({_BODY_PARSER}/types/urlencoded.js:263:13)", f"parse ({_BODY_PARSER}/types/urlencoded.js:75:9)",
              *_read_done(inflated))
    return NodeError("PayloadTooLargeError", "too many parameters", frames)


def unsupported_charset(charset, method, parser="json"):
    """body-parser's error for a charset its parser refuses before reading (json: not `utf-`; urlencoded: not utf-8)."""
    if parser == "json":
        frames = (f"jsonParser ({_BODY_PARSER}/types/json.js:127:12)", *_LAYER, _method_override(method), *_LAYER[:3])
    else:
        frames = (f"urlencodedParser ({_BODY_PARSER}/types/urlencoded.js:108:12)", *_LAYER,
                  f"jsonParser ({_BODY_PARSER}/types/json.js:119:7)", *_LAYER[:3])
    return NodeError("UnsupportedMediaTypeError", f'unsupported charset "{charset.upper()}"', frames)


def unknown_charset(charset):
    """body-parser's error when iconv-lite has no decoder for a `utf-` charset (raised in raw-body's callback)."""
    frames = (f"{_BODY_PARSER}/read.js:83:18", f"invokeCallback ({_RAW_BODY}:224:16)",
              "process.processTicksAndRejections (node:internal/process/task_queues:77:11)")
    return NodeError("UnsupportedMediaTypeError", f'unsupported charset "{charset.upper()}"', frames)


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
