"""The errors the live API's Node process throws, with the stack text its error handler answers with."""

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


_ZLIB_FRAMES = ("Zlib.zlibOnError [as onerror] (node:zlib:189:17)",)
_ENCODING_FRAMES = (
    f"contentstream ({_BODY_PARSER}/read.js:157:13)",
    f"read ({_BODY_PARSER}/read.js:66:14)",
    f"jsonParser ({_BODY_PARSER}/types/json.js:135:5)",
    *_LIMIT_FRAMES[4:],
)
_STRINGIFY_FRAMES = (
    "JSON.stringify (<anonymous>)",
    "stringify (/app/node_modules/express/lib/response.js:1159:12)",
    "ServerResponse.jsonp (/app/node_modules/express/lib/response.js:314:14)",
    f"router.render ({_SERVER}/index.js:57:9)",
    f"{_SERVER}/index.js:91:12",
    *_LIMIT_FRAMES[4:9],
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


def json_syntax_error(message):
    """The SyntaxError body-parser passes on from JSON.parse (the message is V8's, from `v8json`)."""
    return NodeError("SyntaxError", message, _PARSE_FRAMES)


def zlib_error(message):
    """Node's zlib error for a bad gzip or deflate request body (zlib's own message, or 'unexpected end of file')."""
    return NodeError("Error", message, _ZLIB_FRAMES)


def unsupported_encoding(coding):
    """body-parser's error for a Content-Encoding other than identity, gzip and deflate."""
    return NodeError("UnsupportedMediaTypeError", f'unsupported content encoding "{coding}"', _ENCODING_FRAMES)


def stack_overflow():
    """V8's RangeError when JSON.stringify (Express's res.json) meets a value nested too deep."""
    return NodeError("RangeError", "Maximum call stack size exceeded", _STRINGIFY_FRAMES)


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
