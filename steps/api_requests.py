"""Requests the API reference features make: any address, bodies of every kind, browser-style requests."""

import gzip
import zlib

from behave import when
from steps.support.judging import Reading
from steps.support.outcome import send
from steps.support.tables import StepMisread, takes, text_of

# What "the fingerprint I was given" reads: the ETag of the answer before.
FINGERPRINT = Reading("the fingerprint (ETag) of the answer before", "a When that got an answer with one",
                      lambda context, came: came.headers.get("ETag"))

JSON = {"Content-Type": "application/json"}
PIECE = b"x" * 65536  # the filler of a large document, sent piece by piece: never built whole


class LargeDocument:
    """A valid JSON document of `size` bytes, `{"filler":"xxx..."}`, sent a piece at a time (requests streams any
    body it can iterate, with the Content-Length its len() gives), so an upload of megabytes holds 64 KiB."""

    def __init__(self, size):
        self.head, self.tail = b'{"filler":"', b'"}'
        self.filler = size - len(self.head) - len(self.tail)

    def __len__(self):
        return len(self.head) + self.filler + len(self.tail)

    def __iter__(self):
        yield self.head
        whole, rest = divmod(self.filler, len(PIECE))
        for _ in range(whole):
            yield PIECE
        yield PIECE[:rest] + self.tail

    def beginning(self, size):
        """Its first `size` bytes, for reports (livedocs/exchanges.py) and the record of what was sent."""
        return (self.head + PIECE[: max(0, size - len(self.head))])[:size]



@when('I ask the API for "{address}" accepting compressed answers')
def ask_compressed(context, address):
    """Read an address, saying gzip is welcome."""
    send(context, "GET", address, headers={"Accept-Encoding": "gzip"})


@when('I ask the API for "{address}" refusing compressed answers')
def ask_uncompressed(context, address):
    """Read an address, saying only uncompressed answers are welcome."""
    send(context, "GET", address, headers={"Accept-Encoding": "identity"})


@when("I ask the API for a users address with a query of {length:d} characters")
def ask_long_query(context, length):
    """Read /users with a query string of that many characters (a parameter the API does not know)."""
    send(context, "GET", "/users?x=" + "a" * (length - 2))


@when('I ask only for the headers of "{address}"')
def ask_headers_only(context, address):
    """HEAD: the headers an answer would have, without its body."""
    send(context, "HEAD", address)


@when('I ask again for "{address}" with the fingerprint I was given')
def ask_again_with_fingerprint(context, address):
    """Read an address again, sending the ETag of the previous answer."""
    fingerprint = FINGERPRINT(context)
    send(context, "GET", address, headers={"If-None-Match": fingerprint})


@when('I ask for "{address}" with the fingerprint {fingerprint}')
def ask_with_fingerprint(context, address, fingerprint):
    """Read an address, sending a given ETag."""
    send(context, "GET", address, headers={"If-None-Match": fingerprint})


@when('a page from "{origin}" asks the API for "{address}"')
def page_asks(context, origin, address):
    """A browser page from another origin reads an address (the request carries Origin)."""
    send(context, "GET", address, headers={"Origin": origin})


@when('a browser with the cookie "{cookie}" asks the API for "{address}"')
def browser_with_cookie_asks(context, cookie, address):
    """A browser that holds a cookie for the API's host reads an address (the request carries Cookie)."""
    send(context, "GET", address, headers={"Cookie": cookie})


@when('a page from "{origin}" asks whether it may send a {method} with a "{header}" header to "{address}"')
def page_preflight(context, origin, method, header, address):
    """The CORS preflight a browser sends before a cross-origin request."""
    preflight = {"Origin": origin, "Access-Control-Request-Method": method, "Access-Control-Request-Headers": header}
    send(context, "OPTIONS", address, headers=preflight)


@when('a client asks which methods "{address}" allows')
def ask_options(context, address):
    """OPTIONS without an Origin."""
    send(context, "OPTIONS", address)


@when('I create through "{address}" the JSON')
@when('I create through "{address}" the JSON:')
@takes("docstring")
def create_json(context, address):
    """POST the step's text (between triple quotes under it) as a JSON body, as it is."""
    send(context, "POST", address, data=text_of(context, "the JSON").encode("utf-8"), headers=JSON)


@when('I create through "{address}" the JSON in chunks')
@when('I create through "{address}" the JSON in chunks:')
@takes("docstring")
def create_json_chunked(context, address):
    """POST the step's text as JSON in two chunks (Transfer-Encoding: chunked), as a streaming client sends it."""
    text = text_of(context, "the JSON").encode("utf-8")
    pieces = [piece for piece in (text[: len(text) // 2], text[len(text) // 2 :]) if piece]
    send(context, "POST", address, data=iter(pieces), headers=JSON)


@when('I create through "{address}" the JSON compressed with {coding}')
@when('I create through "{address}" the JSON compressed with {coding}:')
@takes("docstring")
def create_json_compressed(context, address, coding):
    """POST the step's text as JSON compressed with gzip or deflate, saying so in Content-Encoding."""
    packers = {"gzip": gzip.compress, "deflate": zlib.compress}
    if coding not in packers:
        raise StepMisread(f"cannot compress with {coding!r}: the steps know {' and '.join(packers)}")
    send(context, "POST", address, data=packers[coding](text_of(context, "the JSON").encode("utf-8")),
         headers={**JSON, "Content-Encoding": coding})


# The Unicode encodings a JSON body may be written in, as the steps name them: (charset sent, Python codec)
ENCODINGS = {"UTF-16LE": ("utf-16le", "utf-16-le"), "UTF-16BE": ("utf-16be", "utf-16-be"), "UTF-16": ("utf-16", "utf-16"),
             "UTF-7": ("utf-7", "utf-7")}


@when('I create through "{address}" the JSON written in {encoding}')
@when('I create through "{address}" the JSON written in {encoding}:')
@takes("docstring")
def create_json_encoded(context, address, encoding):
    """POST the step's text as JSON written in UTF-16LE, UTF-16BE, UTF-16 (with its byte order mark) or UTF-7,
    naming that charset in Content-Type."""
    if encoding not in ENCODINGS:
        raise StepMisread(f"cannot write JSON in {encoding!r}: the steps know {', '.join(ENCODINGS)}")
    charset, codec = ENCODINGS[encoding]
    send(context, "POST", address, data=text_of(context, "the JSON").encode(codec),
         headers={"Content-Type": f"application/json; charset={charset}"})


@when('I create through "{address}" a JSON body of nothing but {count:d} line ends')
def create_line_ends(context, address, count):
    """POST a JSON body of that many line ends (LF) and nothing else."""
    send(context, "POST", address, data=b"\n" * count, headers=JSON)


@when('I create through "{address}" the JSON, labelled with an empty content coding')
@when('I create through "{address}" the JSON, labelled with an empty content coding:')
@takes("docstring")
def create_json_empty_coding(context, address):
    """POST the step's text as JSON with a Content-Encoding header that is present but empty."""
    send(context, "POST", address, data=text_of(context, "the JSON").encode("utf-8"),
         headers={**JSON, "Content-Encoding": ""})


@when('I create through "{address}" an empty body said to be compressed with gzip')
def create_empty_gzip(context, address):
    """POST no bytes at all as JSON, with Content-Encoding: gzip."""
    send(context, "POST", address, data=b"", headers={**JSON, "Content-Encoding": "gzip", "Content-Length": "0"})


@when('I create through "{address}" the form "{form}"')
def create_form(context, address, form):
    """POST an HTML-form body (application/x-www-form-urlencoded)."""
    send(context, "POST", address, data=form, headers={"Content-Type": "application/x-www-form-urlencoded"})


@when('I create through "{address}" the plain text "{text}"')
def create_text(context, address, text):
    """POST a text/plain body."""
    send(context, "POST", address, data=text, headers={"Content-Type": "text/plain"})


@when('I create through "{address}" with an empty request')
def create_empty(context, address):
    """POST with no body at all."""
    send(context, "POST", address)


@when('I create through "{address}" a JSON document of {megabytes:d} MB')
def create_big(context, address, megabytes):
    """POST a valid JSON document of that many mebibytes (its filler, plus 13 bytes of JSON), streamed."""
    send(context, "POST", address, data=LargeDocument(megabytes * 1024 * 1024 + 13), headers=JSON)


@when('I replace "{address}" with the JSON')
@when('I replace "{address}" with the JSON:')
@takes("docstring")
def replace_json(context, address):
    """PUT the step's text (between triple quotes under it) as a JSON body, as it is."""
    send(context, "PUT", address, data=text_of(context, "the JSON").encode("utf-8"), headers=JSON)


@when('I replace "{address}" with this body, sent as "{content_type}"')
@when('I replace "{address}" with this body, sent as "{content_type}":')
@takes("docstring")
def replace_typed(context, address, content_type):
    """PUT the step's text with exactly that Content-Type header."""
    send(context, "PUT", address, data=text_of(context, "the body").encode("utf-8"), headers={"Content-Type": content_type})


@when('I replace "{address}" with an empty request')
def replace_empty(context, address):
    """PUT with no body."""
    send(context, "PUT", address)


@when('I update "{address}" with the JSON')
@when('I update "{address}" with the JSON:')
@takes("docstring")
def update_json(context, address):
    """PATCH the step's text (between triple quotes under it) as a JSON body, as it is."""
    send(context, "PATCH", address, data=text_of(context, "the JSON").encode("utf-8"), headers=JSON)


@when('I update "{address}" through a POST that says it is a PATCH, with the JSON')
@when('I update "{address}" through a POST that says it is a PATCH, with the JSON:')
@takes("docstring")
def update_by_override(context, address):
    """POST the step's JSON with X-HTTP-Method-Override: PATCH (for clients that can only POST)."""
    send(context, "POST", address, data=text_of(context, "the JSON").encode("utf-8"),
         headers={**JSON, "X-HTTP-Method-Override": "PATCH"})


@when('I delete "{address}"')
def delete_address(context, address):
    """DELETE an address."""
    send(context, "DELETE", address)


@when('I send a "{method}" request to "{address}"')
def send_method(context, method, address):
    """Any method, even one HTTP does not know."""
    send(context, method, address)


@when('I call the API "{host}" and ask for "{address}"')
def ask_by_name(context, host, address):
    """Read an address, naming the API by another name (the Host header) than the one it listens on."""
    send(context, "GET", address, headers={"Host": host})


@when('I call the API by no name and ask for "{address}"')
def ask_by_no_name(context, address):
    """Read an address with an empty Host header."""
    send(context, "GET", address, headers={"Host": ""})


@when('I call the API "{host}" and create through "{address}" with an empty request')
def create_by_name(context, host, address):
    """POST with no body, naming the API by another name (the Host header)."""
    send(context, "POST", address, headers={"Host": host})


@when('I call the API by no name and create through "{address}" with an empty request')
def create_by_no_name(context, address):
    """POST with no body and an empty Host header."""
    send(context, "POST", address, headers={"Host": ""})


@when('I ask the API for "{address}" with "{codings}" accepted')
def ask_with_codings(context, address, codings):
    """Read an address with this Accept-Encoding header, as a client writes it."""
    send(context, "GET", address, headers={"Accept-Encoding": codings})


@when('I send a {method:w} to "{address}" that says it is a "{other}"')
def send_overridden(context, method, address, other):
    """A request with no body carrying X-HTTP-Method-Override (what clients that can only POST send)."""
    send(context, method, address, headers={"X-HTTP-Method-Override": other})


@when('I ask again for "{address}" through a POST that says it is a GET, with the fingerprint I was given')
def ask_again_overridden(context, address):
    """A POST standing for a GET (X-HTTP-Method-Override), sending the ETag of the previous answer."""
    fingerprint = FINGERPRINT(context)
    send(context, "POST", address, headers={"X-HTTP-Method-Override": "GET", "If-None-Match": fingerprint})
