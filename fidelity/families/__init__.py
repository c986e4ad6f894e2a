"""The corpus, one module per family of requests; each module's cases(rng) yields fidelity.cases.Case."""

import importlib

FAMILIES = (
    "ordinary",  # requests every front end sends: they agree today and must keep agreeing
    "like_patterns",  # `_like` as V8's new RegExp(value, 'i')
    "bodies",  # body-parser: JSON and zlib errors, content types, charsets, encodings
    "wire",  # Node's HTTP parser: request lines, versions, header bytes, framing
    "paths_and_queries",  # lodash paths, inherited properties, qs brackets, decoded keys
    "headers",  # headers kept on errors, URLs built from Host, Accept-Encoding as negotiator reads it
    "method_override",  # method-override on POST
    "routing",  # small routing corners
    "dot_segments",  # express.static's redirect for the front folder: dot segments, absolute targets
    "sort_arrays",  # _sort, _order and q as arrays beside failing filters: what fails first
)


def load(names=FAMILIES):
    """{family name: its module}."""
    return {name: importlib.import_module(f"fidelity.families.{name}") for name in names}
