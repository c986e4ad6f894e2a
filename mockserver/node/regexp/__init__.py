"""V8's regular expressions without the `u` flag (Node 20), for json-server's `_like`: parsed as V8 parses them,
matched by the `regex` package, bounded in time and memory. The entry is `jsregex`."""
