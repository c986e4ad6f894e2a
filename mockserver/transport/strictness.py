"""Where Node 20's llhttp (9.3) reads a header value otherwise than the llhttp that httptools bundles.

Both are strict llhttp 9, but they part on a tab after a value that llhttp reads itself (measured against
Node 20.20 with `python -m fidelity`, family `wire`):

- `Content-Length: 2<TAB>`: Node answers 400 ("Invalid character in Content-Length"; a trailing space is
  allowed, a tab anywhere is not), httptools' llhttp reads 2.
- `Connection: close<TAB>` (or `keep-alive`, `upgrade`; `Proxy-Connection` too): for Node the token ends
  only at a comma or at the line's end, after spaces alone, so `close<TAB>` is some other token and the
  connection stays open (on HTTP/1.0 `keep-alive<TAB>` does not keep it); httptools' llhttp takes the tab
  for a space. A tab before a token (`keep-alive,<TAB>close`) is leading whitespace for both.
"""

_CONNECTION_HEADERS = (b"connection", b"proxy-connection")
_TOKENS = (b"close", b"keep-alive")


def refuses_length(name, value):
    """Whether Node refuses this header line: a Content-Length whose value holds a tab."""
    return b"\t" in value and name.lower() == b"content-length"


def node_keep_alive(version, fields):
    """Whether Node keeps the connection after this request, when its Connection headers hold a tab (else None:
    httptools' llhttp reads them as Node does)."""
    values = [value for name, value in fields if name.lower() in _CONNECTION_HEADERS]
    if not any(b"\t" in value for value in values):
        return None
    tokens = set()
    for value in values:
        for item in value.split(b","):
            token = item.lstrip(b" \t").rstrip(b" ").lower()  # a tab after the token makes it another token
            if token in _TOKENS:
                tokens.add(token)
    if version == "1.1":
        return b"close" not in tokens
    return b"keep-alive" in tokens and b"close" not in tokens
