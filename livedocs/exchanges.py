"""Each step's HTTP exchanges, recorded from the client's session and embedded in the HTML report."""

BODY_LIMIT = 2000  # characters (bytes, of an upload) of a body shown in the report; the rest is counted, not shown


class Recorder:
    """Collects the responses the client's session receives while one step runs."""

    def __init__(self):
        self.responses = []

    def record(self, response, *args, **kwargs):
        """A requests response hook: keep the response (its request rides along) and leave it as it is."""
        self.responses.append(response)

    def take(self):
        """The responses recorded since the last take, oldest first."""
        taken, self.responses = self.responses, []
        return taken


def where(url, mock_url):
    """Where a request went, in words: 'mock' or 'live', with the base URL."""
    base = "/".join(url.split("/", 3)[:3])
    return f"mock {base}" if mock_url and url.startswith(mock_url) else f"live {base}"


def caption(response, mock_url):
    """A one-line title for an exchange: method, path, status and where it went."""
    request = response.request
    path = "/" + request.url.split("/", 3)[3] if request.url.count("/") >= 3 else request.url
    return f"HTTP {request.method} {path} -> {response.status_code} {response.reason} ({where(request.url, mock_url)})"


def transcript(response, mock_url):
    """The request and response as plain text, as they would read on the wire (bodies shortened)."""
    request = response.request
    lines = [f"Sent to the {where(request.url, mock_url)}", "", f"{request.method} {request.url}"]
    lines += [f"{name}: {value}" for name, value in request.headers.items()]
    lines += _body(request.body) + ["", f"HTTP/1.1 {response.status_code} {response.reason}"]
    lines += [f"{name}: {value}" for name, value in response.headers.items()]
    lines += _body(response.text)
    return "\n".join(lines)


def _body(body):
    """A body as lines: a blank line then the text, cut at BODY_LIMIT characters; nothing if empty."""
    if not body:
        return []
    if hasattr(body, "beginning"):  # a body sent a piece at a time, never held whole (steps/api_requests.py)
        return ["", f"{body.beginning(BODY_LIMIT).decode('utf-8', 'replace')}\n... ({len(body) - BODY_LIMIT} more bytes "
                    "not shown)"]
    if isinstance(body, bytes) and len(body) > BODY_LIMIT:  # only what is shown is decoded (an 11 MB upload)
        shown = body[:BODY_LIMIT].decode("utf-8", "replace")
        return ["", f"{shown}\n... ({len(body) - BODY_LIMIT} more bytes not shown)"]
    text = body.decode("utf-8", "replace") if isinstance(body, bytes) else str(body)
    if len(text) > BODY_LIMIT:
        text = text[:BODY_LIMIT] + f"\n... ({len(text) - BODY_LIMIT} more characters not shown)"
    return ["", text]


def embedders(context):
    """The run's formatters that take embeds (the HTML report, Allure, Cucumber JSON; none in the everyday run)."""
    return [f for f in context._runner.formatters if callable(getattr(f, "embed", None))]


def embed_all(context, responses, mock_url):
    """Embed each exchange in every formatter that takes embeds (the html-pretty formatter does)."""
    embedders_ = embedders(context)
    for response in responses:
        for formatter in embedders_:
            formatter.embed("text/plain", transcript(response, mock_url), caption(response, mock_url),
                            compress=False)


def embed_text(context, text, caption):
    """Embed a text (the data a scenario gave the mock) at the step that runs, in every formatter that takes embeds."""
    for formatter in context._runner.formatters:
        if callable(getattr(formatter, "embed", None)):
            formatter.embed("text/plain", text, caption, compress=False)
