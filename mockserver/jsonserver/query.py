"""json-server's query language over one collection: filters, q, sort, slicing, paging, embed, expand."""

import math
import re

from ..node import jsobjects, jsrt, nodeerrors
from ..node.regexp import jsregex
from ..npm import lodash, pluralize
from ..node.jsrt import UNDEFINED

_OPERATOR = re.compile(r"(_lte|_gte|_ne|_like)$")
_RESERVED = ("q", "_start", "_end", "_sort", "_order", "_limit", "_embed", "_expand")


def _deep_query(value, needle):
    """json-server's deepQuery: a case-insensitive substring anywhere in a (nested) value."""
    if not jsrt.truthy(value) or not needle:
        return False
    if isinstance(value, list):
        return any(_deep_query(item, needle) for item in value)
    if isinstance(value, dict):
        return any(_deep_query(item, needle) for item in value.values())
    return needle in jsrt.to_string(value).lower()


def _matches(element, key, values):
    """Whether one record passes one filter key: its values OR-ed, except `_ne`, whose values are AND-ed."""
    path = _OPERATOR.sub("", key)
    found = lodash.get(element, path)
    if found is None or found is UNDEFINED:
        return False
    text = found if isinstance(found, str) else jsobjects.to_string(found)  # elementValue.toString()
    results = [_compare(key, value, found, text) for value in values]  # arr.map: every value (each may throw), then reduce
    return all(results) if key.endswith("_ne") else any(results)


def _compare(key, value, found, text):
    """One value of a filter against a record's value, by the key's operator."""
    if key.endswith("_gte"):
        return jsrt.less_or_equal(jsobjects.primitive(value), jsobjects.primitive(found))
    if key.endswith("_lte"):
        return jsrt.less_or_equal(jsobjects.primitive(found), jsobjects.primitive(value))
    if key.endswith("_ne"):
        return not isinstance(value, str) or value != text
    if key.endswith("_like"):
        return jsregex.test(jsobjects.to_string(value), text)
    return isinstance(value, str) and value == text


def _known_keys(records, query):
    """Drop the query keys no record has, as json-server does (operators, callback and _ stay)."""
    kept = {}
    for key, value in query.items():
        if key in ("callback", "_") or _OPERATOR.search(key) or any(lodash.has(r, key) for r in records):
            kept[key] = value
    return kept


def _page(items, page, per_page):
    """json-server's utils.getPage: the slice and its first/prev/next/last page numbers."""
    start, end = int((page - 1) * per_page), int(page * per_page)
    sliced = _js_slice(items, start, end)
    links = {}
    if not sliced:
        return sliced, links
    if page > 1:
        links["prev"] = page - 1
    if end < len(items):
        links["next"] = page + 1
    if len(sliced) != len(items):
        links = {"first": 1, **links, "current": page, "last": math.ceil(len(items) / per_page)}
    return sliced, links


def _js_slice(items, start, end):
    """Array.prototype.slice / lodash slice with integer bounds."""
    return items[start:end]


def _page_links(full_url, links):
    """The Link header value Express's res.links() writes for json-server's page numbers."""
    current = links.get("current")
    parts = []
    for rel in ("first", "prev", "next", "last"):
        if jsrt.truthy(links.get(rel)):
            target = full_url.replace(f"page={jsrt.number_to_string(current) if current is not None else 'undefined'}",
                                      f"page={jsrt.number_to_string(links[rel])}", 1)
            parts.append(f'<{target}>; rel="{rel}"')
    return ", ".join(parts)


def _matching(collection, foreign_key, wanted):
    """lodash filter(collection, {foreignKey: id}): the objects among its elements (or values) holding that id."""
    items = collection if isinstance(collection, list) else list(collection.values()) if isinstance(collection, dict) else []
    return [r for r in items if isinstance(r, dict) and foreign_key in r and type(r[foreign_key]) is type(wanted)
            and r[foreign_key] == wanted]


def embed(db, name, resource, names):
    """?_embed=: under each name, the records of the collection at that lodash path that point back here."""
    if not jsrt.truthy(names):
        return resource
    resource = dict(resource)
    foreign_key = pluralize.singular(name) + "Id"
    for other in names if isinstance(names, list) else [names]:
        key = jsobjects.to_string(other)
        if key != "__proto__":  # resource.__proto__ = [...] sets its prototype: no property appears
            resource[key] = _matching(lodash.get(db, other), foreign_key, resource.get("id"))
    return resource


def expand(db, resource, names):
    """?_expand=: add the parent record the resource points at (pluralize's plural names the collection)."""
    if not jsrt.truthy(names):
        return resource
    resource = dict(resource)
    for inner in names if isinstance(names, list) else [names]:
        collection = lodash.get(db, pluralize.plural(inner))
        if not jsrt.truthy(collection):
            continue
        parent_id = resource.get(inner + "Id", UNDEFINED)
        items = collection if isinstance(collection, list) else []
        if parent_id is UNDEFINED or parent_id is None:
            if any(isinstance(r, dict) and "id" in r for r in items):
                raise nodeerrors.expand_without_key()
            continue
        resource[inner] = find_by_id(items, jsrt.to_string(parent_id))
    return resource


def find_by_id(records, wanted):
    """lodash-id getById: the record whose id, as a string, equals the wanted id; undefined if none."""
    for record in records:
        if isinstance(record, dict) and "id" in record and jsobjects.to_string(record["id"]) == wanted:
            return record
    return UNDEFINED


def list_records(db, name, query, full_url, headers):
    """GET /<name>: the records json-server answers; the headers it sets are added to `headers` as it sets them."""
    records = db[name]
    query = dict(query)
    params = {key: query.pop(key, UNDEFINED) for key in _RESERVED}
    page = query.get("_page", UNDEFINED)
    query = _known_keys(records, query)
    chain = records
    q, needle = params["q"], None
    if jsrt.truthy(q):  # the array's first value is searched for even when it is empty
        q = q[0] if isinstance(q, list) else q
        if not isinstance(q, str):
            raise nodeerrors.not_a_function("q.toLowerCase")
        needle = q.lower()
    # json-server builds a lodash chain, which runs its filters (q, _like's RegExp...) only when it is read
    # (chain.size(), chain.value()): _sort.split and _order.split run, and fail, before any of them.
    order = _sort_order(params["_sort"], params["_order"])
    if needle is not None:
        chain = [r for r in chain if any(_deep_query(v, needle) for v in r.values())]
    for key, value in query.items():
        if key in ("callback", "_"):
            continue
        values = value if isinstance(value, list) else [value]
        chain = [r for r in chain if _matches(r, key, values)]
    if order is not None:
        chain = lodash.order_by(chain, *order)
    end, limit, start = params["_end"], params["_limit"], params["_start"]
    if jsrt.truthy(end) or jsrt.truthy(limit) or jsrt.truthy(page):
        headers.append(("X-Total-Count", str(len(chain))))
        exposed = "X-Total-Count, Link" if jsrt.truthy(page) else "X-Total-Count"
        headers.append(("Access-Control-Expose-Headers", exposed))
    if jsrt.truthy(page):
        number = _parse_int(page)
        number = number if number >= 1 else 1
        per_page = _parse_int(limit)
        per_page = per_page if jsrt.truthy(per_page) else 10
        chain, links = _page(chain, number, per_page)
        headers.append(("Link", _page_links(full_url, links)))
    elif jsrt.truthy(end):
        first = _parse_int(start)
        chain = _js_slice(chain, jsrt.to_integer(first if jsrt.truthy(first) else 0), jsrt.to_integer(_parse_int(end)))
    elif jsrt.truthy(limit):
        first = _parse_int(start)
        first = first if jsrt.truthy(first) else 0
        chain = _js_slice(chain, jsrt.to_integer(first), jsrt.to_integer(first + _parse_int(limit)))
    chain = [expand(db, embed(db, name, r, params["_embed"]), params["_expand"]) for r in chain]
    return chain


def _parse_int(value):
    """parseInt(value, 10) for a query value: NaN when absent, objects made strings as JavaScript does."""
    return jsrt.parse_int(jsobjects.to_string(value)) if value is not UNDEFINED else math.nan


def _sort_order(sort, order):
    """?_sort=a,b&_order=asc,desc as json-server splits them for lodash orderBy: (keys, orders), or None unsorted."""
    if not jsrt.truthy(sort):
        return None
    if not isinstance(sort, str):
        raise nodeerrors.not_a_function("_sort.split")
    if order is not UNDEFINED and jsrt.truthy(order) and not isinstance(order, str):
        raise nodeerrors.not_a_function("(_order || \"\").split")
    return sort.split(","), [o.lower() for o in (order if jsrt.truthy(order) else "").split(",")]
