"""json-server's query language over one collection: filters, q, sort, slicing, paging, embed, expand."""

import functools
import math
import re

from . import jsregex, jsrt, nodeerrors
from .jsrt import UNDEFINED

_OPERATOR = re.compile(r"(_lte|_gte|_ne|_like)$")
_RESERVED = ("q", "_start", "_end", "_sort", "_order", "_limit", "_embed", "_expand")


def path_of(path):
    """lodash castPath: `address.geo.lat` and `a[0]` become lists of keys."""
    return re.findall(r"[^.[\]]+", path) if ("." in path or "[" in path) else [path]


def get_path(obj, path):
    """lodash _.get(obj, path): undefined where any key along the way is missing."""
    if isinstance(obj, dict) and path in obj:
        return obj[path]
    value = obj
    for key in path_of(path):
        if isinstance(value, dict) and key in value:
            value = value[key]
        elif isinstance(value, (list, str)) and key == "length":
            value = len(value)
        elif isinstance(value, (list, str)) and key.isdigit() and int(key) < len(value):
            value = value[int(key)]
        else:
            return UNDEFINED
    return value


def has_path(obj, path):
    """lodash _.has(obj, path): whether every key along the path is an own property."""
    return get_path(obj, path) is not UNDEFINED


def singular(name):
    """pluralize.singular for the names the data set uses (posts -> post)."""
    return name[:-1] if name.endswith("s") and len(name) > 1 else name


def plural(name):
    """pluralize() for the names the data set uses (user -> users)."""
    return name if name.endswith("s") else name + "s"


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
    found = get_path(element, path)
    if found is None or found is UNDEFINED:
        return False
    text = jsrt.to_string(found)
    results = [_compare(key, value, found, text) for value in values]  # every value, as `map` does: each may throw
    return all(results) if key.endswith("_ne") else any(results)


def _compare(key, value, found, text):
    """One value of a filter against a record's value, by the key's operator."""
    if key.endswith("_gte"):
        return jsrt.less_or_equal(value, found)
    if key.endswith("_lte"):
        return jsrt.less_or_equal(found, value)
    if key.endswith("_ne"):
        return not isinstance(value, str) or value != text
    if key.endswith("_like"):
        return jsregex.test(jsrt.to_string(value), text)
    return isinstance(value, str) and value == text


def _compare_ascending(value, other):
    """lodash compareAscending, with undefined and null ordered as lodash orders them."""
    if value is other or (type(value) is type(other) and value == other):
        return 0
    val_defined, oth_defined = value is not UNDEFINED, other is not UNDEFINED
    if (other is not None and jsrt.less_than(other, value)) or (value is None and oth_defined) or not val_defined:
        return 1
    if (value is not None and jsrt.less_than(value, other)) or (other is None and val_defined) or not oth_defined:
        return -1
    return 0


def _order_by(items, keys, orders):
    """lodash orderBy: a stable sort on several property paths, each ascending unless 'desc'."""

    def compare(left, right):
        for index, key in enumerate(keys):
            result = _compare_ascending(get_path(left, key), get_path(right, key))
            if result:
                descending = index < len(orders) and orders[index] == "desc"
                return -result if descending else result
        return 0

    return sorted(items, key=functools.cmp_to_key(compare))


def _known_keys(records, query):
    """Drop the query keys no record has, as json-server does (operators, callback and _ stay)."""
    kept = {}
    for key, value in query.items():
        if key in ("callback", "_") or _OPERATOR.search(key) or any(has_path(r, key) for r in records):
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


def embed(db, name, resource, names):
    """?_embed=: attach each named collection's records that point back at the resource."""
    if not jsrt.truthy(names):
        return resource
    resource = dict(resource)
    foreign_key = singular(name) + "Id"
    for other in names if isinstance(names, list) else [names]:
        if not isinstance(other, str):
            continue
        records = db.get(other)
        resource[other] = [r for r in records if isinstance(r, dict) and r.get(foreign_key, UNDEFINED) == resource.get("id")
                           and type(r.get(foreign_key)) is type(resource.get("id"))] if isinstance(records, list) else []
    return resource


def expand(db, resource, names):
    """?_expand=: replace nothing, add the parent record the resource points at (or fail as live does)."""
    if not jsrt.truthy(names):
        return resource
    resource = dict(resource)
    for inner in names if isinstance(names, list) else [names]:
        if not isinstance(inner, str) or not db.get(plural(inner)):
            continue
        parent_id = resource.get(inner + "Id", UNDEFINED)
        if parent_id is UNDEFINED or parent_id is None:
            raise nodeerrors.expand_without_key()
        resource[inner] = find_by_id(db[plural(inner)], jsrt.to_string(parent_id))
    return resource


def find_by_id(records, wanted):
    """lodash-id getById: the record whose id, as a string, equals the wanted id; undefined if none."""
    for record in records:
        if "id" in record and jsrt.to_string(record["id"]) == wanted:
            return record
    return UNDEFINED


def list_records(db, name, query, full_url):
    """GET /<name>: the records json-server answers and the extra headers it sets, in its order."""
    records = db[name]
    query = dict(query)
    params = {key: query.pop(key, UNDEFINED) for key in _RESERVED}
    page = query.get("_page", UNDEFINED)
    query = _known_keys(records, query)
    chain = records
    q = params["q"]
    if jsrt.truthy(q):
        q = q[0] if isinstance(q, list) else q
        if not isinstance(q, str):
            raise nodeerrors.not_a_function("q.toLowerCase")
        needle = q.lower()
        chain = [r for r in chain if any(_deep_query(v, needle) for v in r.values())]
    for key, value in query.items():
        if key in ("callback", "_"):
            continue
        values = value if isinstance(value, list) else [value]
        chain = [r for r in chain if _matches(r, key, values)]
    chain = _sort(chain, params["_sort"], params["_order"])
    headers = []
    end, limit, start = params["_end"], params["_limit"], params["_start"]
    if jsrt.truthy(end) or jsrt.truthy(limit) or jsrt.truthy(page):
        headers.append(("X-Total-Count", str(len(chain))))
        exposed = "X-Total-Count, Link" if jsrt.truthy(page) else "X-Total-Count"
        headers.append(("Access-Control-Expose-Headers", exposed))
    if jsrt.truthy(page):
        number = jsrt.parse_int(page)
        number = number if number >= 1 else 1
        per_page = jsrt.parse_int(limit) if limit is not UNDEFINED else math.nan
        per_page = per_page if jsrt.truthy(per_page) else 10
        chain, links = _page(chain, number, per_page)
        headers.append(("Link", _page_links(full_url, links)))
    elif jsrt.truthy(end):
        first = jsrt.parse_int(start) if start is not UNDEFINED else math.nan
        chain = _js_slice(chain, jsrt.to_integer(first if jsrt.truthy(first) else 0), jsrt.to_integer(jsrt.parse_int(end)))
    elif jsrt.truthy(limit):
        first = jsrt.parse_int(start) if start is not UNDEFINED else math.nan
        first = first if jsrt.truthy(first) else 0
        chain = _js_slice(chain, jsrt.to_integer(first), jsrt.to_integer(first + jsrt.parse_int(limit)))
    chain = [expand(db, embed(db, name, r, params["_embed"]), params["_expand"]) for r in chain]
    return chain, headers


def _sort(chain, sort, order):
    """?_sort=a,b&_order=asc,desc as json-server applies it through lodash orderBy."""
    if not jsrt.truthy(sort):
        return chain
    if not isinstance(sort, str):
        raise nodeerrors.not_a_function("_sort.split")
    if order is not UNDEFINED and jsrt.truthy(order) and not isinstance(order, str):
        raise nodeerrors.not_a_function("(_order || \"\").split")
    orders = [o.lower() for o in (order if jsrt.truthy(order) else "").split(",")]
    return _order_by(chain, sort.split(","), orders)
