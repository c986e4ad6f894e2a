"""What the API answered, judged in domain words: which records, how many in all, failures, creations."""

import json
import re

from steps.support import parse_types  # noqa: F401  (registers the Kind and Ids field types)
from behave import then
from hamcrest import assert_that, empty, ends_with, has_entries, has_key, is_not, starts_with
from steps.support.judging import (ANSWER, DATA_SET, JSON_ANSWER, NEW_RECORD, ONE_POST, ONE_USER, RECORDS, USERS, WRITTEN_USER,
                     from_where, judges)
from steps.support.matching.matchers import a_user_with, equals
from steps.support.outcome import asked_again
from steps.support.tables import StepMisread, json_in_order, rows_of, takes
from steps.support.user_fields import WHOLE, as_written

import services

USER_FIELDS = ("id", "name", "username", "email", "address", "phone", "website", "company")
RELS = {"first": "first", "previous": "prev", "next": "next", "last": "last"}


@then("I get the {kind:Kind} numbered {ids:Ids}")
@judges(RECORDS)
def records_numbered(context, kind, ids):
    """Exactly these records came back, by number, in this order (one user looked up counts as a list of one)."""
    records = USERS(context) if kind == "users" else RECORDS(context, kind=kind)
    numbers = [record.get("id") for record in records]
    assert_that(numbers, equals(ids), from_where(context, f"the numbers of the {kind} that came back"))


@then("I am told there are {total:d} in all")
@judges(ANSWER)
def total_count(context, total):
    """X-Total-Count gives the number before paging, and browsers may read it."""
    headers = ANSWER(context).headers
    assert_that(headers, has_entries({"X-Total-Count": str(total)}), "the total-count header")
    assert_that(headers.get("Access-Control-Expose-Headers", ""), starts_with("X-Total-Count"), "the headers browsers may read")


@then("I am not told how many there are in all")
@judges(ANSWER)
def no_total_count(context):
    """No X-Total-Count header (only paging and slicing set one)."""
    assert_that(ANSWER(context).headers.get("X-Total-Count"), equals(None), "the total-count header")


@then("I am given links to these pages")
@then("I am given links to these pages:")
@takes("table", "link", "page")
@judges(ANSWER)
def page_links(context):
    """The Link header points at exactly the table's pages (link: first, previous, next or last; page: a number)."""
    expected = [(_rel(row["link"]), _number(row["page"])) for row in rows_of(context, "link", "page")]
    links = re.findall(r'<[^>]*[?&]_page=(\d+)[^>]*>; rel="(\w+)"', ANSWER(context).headers.get("Link", ""))
    assert_that([(rel, int(page)) for page, rel in links], equals(expected), "the Link header's pages")


@then('the link to the {rel} page is "{url}"')
@judges(ANSWER)
def page_link(context, rel, url):
    """The Link header's link of that kind (first, previous, next, last) is exactly this URL."""
    if rel not in RELS:
        raise StepMisread(f'"{rel}" is not a kind of page link; the kinds are: {", ".join(RELS)}')
    links = re.findall(r'<([^>]*)>; rel="(\w+)"', ANSWER(context).headers.get("Link", ""))
    assert_that(dict((r, u) for u, r in links).get(RELS[rel]), equals(url), f"the {rel} page's link")


@then("I am given no links to other pages")
@judges(ANSWER)
def no_page_links(context):
    """A Link header is sent, and it is empty (everything fit on the page, or the page is past the end)."""
    assert_that(ANSWER(context).headers, has_entries({"Link": ""}), "the Link header")


@then("the API fails with a {error}")
@judges(ANSWER)
def api_fails_with(context, error):
    """500 with an HTML body whose first line names the error (the live API shows its stack trace)."""
    came = ANSWER(context)
    assert_that((came.status, came.headers.get("Content-Type")), equals((500, "text/html; charset=utf-8")),
                f"the status and type of the answer from {came.where}: {came.said()}")
    assert_that(came.text, starts_with(f"{error}: "), "the error the API reports")


@then('the API fails, saying "{first_line}"')
@judges(ANSWER)
def api_fails_saying(context, first_line):
    """500 with an HTML body whose first line is exactly that error and message, as the engine words it."""
    came = ANSWER(context)
    assert_that((came.status, came.headers.get("Content-Type")), equals((500, "text/html; charset=utf-8")),
                f"the status and type of the answer from {came.where}: {came.said()}")
    assert_that((came.text or "").split("\n", 1)[0], equals(first_line), "the error the API reports")


@then("the request is refused as too large")
@judges(ANSWER)
def refused_too_large(context):
    """431 Request Header Fields Too Large, and no body."""
    came = ANSWER(context)
    assert_that((came.status, came.text), equals((431, "")), f"the answer from {came.where}")


@then("the request is refused as malformed")
@judges(ANSWER)
def refused_malformed(context):
    """400 Bad Request, and no body."""
    came = ANSWER(context)
    assert_that((came.status, came.text), equals((400, "")), f"the answer from {came.where}")


@then('it is created as number {number:d}, found at "{path}"')
@judges(NEW_RECORD)
def created_at(context, number, path):
    """201 Created, the record has the new number, and Location ends with the new record's address."""
    came = NEW_RECORD(context)
    assert_that(came.status, equals(201), f"the status of the answer from {came.where}")
    assert_that(came.records, has_entries(id=number), "the created record")
    assert_that(came.headers.get("Location", ""), ends_with(path), "the Location header")


@then('the new record is announced at "{url}"')
@judges(NEW_RECORD)
def announced_at(context, url):
    """201 Created, and the Location header is exactly this URL."""
    came = NEW_RECORD(context)
    assert_that((came.status, came.headers.get("Location")), equals((201, url)), from_where(context, "the answer"))


@then('I am told the address allows "{methods}"')
@judges(ANSWER)
def allows(context, methods):
    """200 with Express's own answer to OPTIONS: the methods as a web page's text, and in an Allow header."""
    came = ANSWER(context)
    told = (came.status, came.headers.get("Content-Type"), came.headers.get("Allow"), came.text)
    assert_that(told, equals((200, "text/html; charset=utf-8", methods, methods)), from_where(context, "the answer"))


@then('user {number:d} comes with an empty list under "{key}"')
@judges(ONE_USER)
def empty_list_under(context, number, key):
    """The user record, with an extra field of that name holding an empty list."""
    assert_that(ONE_USER(context), has_entries({"id": number, key: []}), f"user {number} with {key!r}")


@then("user {number:d} comes with no more than their own fields")
@judges(ONE_USER)
def own_fields_only(context, number):
    """The user record has exactly the fields every user has, nothing added."""
    user = ONE_USER(context)
    assert_that(sorted(user), equals(sorted(USER_FIELDS)), f"the fields of user {number}")
    assert_that(user, has_entries(id=number), f"the id of user {number}'s record")


@then("the answer is exactly")
@then("the answer is exactly:")
@takes("docstring")
@judges(JSON_ANSWER)
def exactly(context):
    """The JSON body equals the step's JSON, keys in the same order."""
    expected, came = json_in_order(context), JSON_ANSWER(context)
    assert_that(json.loads(came.text, object_pairs_hook=list), equals(expected), "the body, in key order")


@then('I get the same answer as for "{address}"')
@judges(ANSWER)
def same_as(context, address):
    """Status and body equal those of another address (asked for right after)."""
    first, second = ANSWER(context), asked_again(services.exchange, "GET", address)
    assert_that((first.status, first.text), equals((second.status, second.text)), f"the answer for {first.address} against the one for {address}")


@then("I get a web page")
@judges(ANSWER)
def web_page(context):
    """200 with an HTML body."""
    came = ANSWER(context)
    assert_that((came.status, came.headers.get("Content-Type", "")[:9]), equals((200, "text/html")), came.said())


@then("I get the whole data set")
@then("I get the whole data set:")
@takes("table", "collection", "count")
@judges(DATA_SET)
def whole_data_set(context):
    """One object holding every collection, each with the table's count (every row checked, no other collection)."""
    expected = {row["collection"]: _number(row["count"]) for row in rows_of(context, "collection", "count")}
    counts = {name: len(records) for name, records in DATA_SET(context).items()}
    assert_that(counts, equals(expected), "the collections of the data set and their sizes")


@then("every one of the {kind:Kind} comes with {count:d} {other:Kind} of their own")
@judges(RECORDS)
def each_comes_with(context, kind, count, other):
    """At least one record came back, and each carries that many embedded records, all pointing back at it."""
    records, key = RECORDS(context, kind=kind), kind[:-1] + "Id"
    assert_that(records, is_not(empty()), from_where(context, f"the {kind} that came back"))
    for record in records:
        assert_that(record, has_key(other), f"what {kind[:-1]} {record.get('id')} comes with")
        assert_that([item.get(key) for item in record[other]], equals([record.get("id")] * count),
                    f"the {other} embedded in {kind[:-1]} {record.get('id')}")


@then("user {number:d} comes with {count:d} {other:Kind} of their own")
@judges(ONE_USER)
def user_comes_with(context, number, count, other):
    """User N came back, carrying that many embedded records, all pointing back at them."""
    user = ONE_USER(context)
    assert_that(user.get("id"), equals(number), from_where(context, "the user that came back"))
    assert_that([item.get("userId") for item in user.get(other, [])], equals([number] * count),
                f"the {other} embedded in user {number}")


@then('the post comes with its author, "{name}"')
@judges(ONE_POST)
def post_with_author(context, name):
    """The post that came back carries its user record, with that name."""
    assert_that(ONE_POST(context), has_entries(user=has_entries(name=name)), "the expanded post")


@then("user {number:d}'s record comes back with id {new_id}")
@judges(WRITTEN_USER)
def id_changed(context, number, new_id):
    """A write echoed user N's record (the stored username), with the id it sent (a number, or null)."""
    if new_id != "null" and not new_id.lstrip("-").isdigit():
        raise StepMisread(f'the id is a number or null, not "{new_id}"')
    stored = asked_again(services.get_user, number)
    expected = {"id": None if new_id == "null" else as_written("id", new_id), "username": stored["username"]}
    assert_that(WRITTEN_USER(context), a_user_with(expected), f"user {number}, written")


def _rel(link):
    """A link's name in the table (first, previous, next, last) as the Link header names it."""
    if link not in RELS:
        raise StepMisread(f'the link "{link}" is not one I can check; I can check: {", ".join(RELS)}')
    return RELS[link]


def _number(text):
    """A table cell that must be a whole number, written as the API writes it ("10", not "010" or " 10")."""
    if not WHOLE.fullmatch(text):
        raise StepMisread(f'"{text}" is not a whole number as the API writes one (such as 3 or 10)')
    return int(text)
