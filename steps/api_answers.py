"""What the API answered, judged in domain words: which records, how many in all, failures, creations."""

import json
import re

import parse_types  # noqa: F401  (registers the Kind and Ids field types)
from behave import then
from hamcrest import assert_that, contains_exactly, ends_with, equal_to, has_entries, has_key, starts_with
from outcome import answer_of, result_of

import services

USERNAMES = {1: "Bret"}
RELS = {"first": "first", "previous": "prev", "next": "next", "last": "last"}


@then("I get the {kind:Kind} numbered {ids:Ids}")
def records_numbered(context, kind, ids):
    """The answer is a list of exactly these records, by id, in this order."""
    numbers = [record.get("id") for record in result_of(context)]
    assert_that(numbers, equal_to(ids), f"the ids of the {kind} {context.answer.url} answered")


@then("I am told there are {total:d} in all")
def total_count(context, total):
    """X-Total-Count gives the number before paging, and browsers may read it."""
    headers = answer_of(context).headers
    assert_that(headers, has_entries({"X-Total-Count": str(total)}), "the total-count header")
    assert_that(headers.get("Access-Control-Expose-Headers", ""), starts_with("X-Total-Count"), "exposed headers")


@then("I am not told how many there are in all")
def no_total_count(context):
    """No X-Total-Count header (only paging and slicing set one)."""
    assert_that(answer_of(context).headers.get("X-Total-Count"), equal_to(None), "the total-count header")


@then("I am given links to these pages")
@then("I am given links to these pages:")
def page_links(context):
    """The Link header points at exactly these pages (first, previous, next, last), in that order."""
    expected = [(RELS[row["link"]], row["page"]) for row in context.table]
    links = re.findall(r'<[^>]*[?&]_page=(\d+)[^>]*>; rel="(\w+)"', answer_of(context).headers.get("Link", ""))
    assert_that([(rel, page) for page, rel in links], equal_to(expected), "the Link header's pages")


@then("I am given no links to other pages")
def no_page_links(context):
    """A Link header is sent, and it is empty (everything fit on the page, or the page is past the end)."""
    assert_that(answer_of(context).headers, has_entries({"Link": ""}), "the Link header")


@then("the API fails with a {error}")
def api_fails_with(context, error):
    """500 with an HTML body whose first line names the error (the live API shows its stack trace)."""
    answer = answer_of(context)
    assert_that((answer.status, answer.headers.get("Content-Type")), equal_to((500, "text/html; charset=utf-8")),
                f"{answer.url} answered {answer.text[:60]!r}")
    assert_that(answer.text, starts_with(f"{error}: "), "the error the API reports")


@then('the API fails, saying "{first_line}"')
def api_fails_saying(context, first_line):
    """500 with an HTML body whose first line is exactly that error and message, as the engine words it."""
    answer = answer_of(context)
    assert_that((answer.status, answer.headers.get("Content-Type")), equal_to((500, "text/html; charset=utf-8")),
                f"{answer.url} answered {answer.text[:60]!r}")
    assert_that(answer.text.split("\n", 1)[0], equal_to(first_line), "the error the API reports")


@then("the request is refused as too large")
def refused_too_large(context):
    """431 Request Header Fields Too Large, and no body."""
    answer = answer_of(context)
    assert_that((answer.status, answer.text), equal_to((431, "")), f"{answer.url[:60]}...")


@then("the request is refused as malformed")
def refused_malformed(context):
    """400 Bad Request, and no body."""
    answer = answer_of(context)
    assert_that((answer.status, answer.text), equal_to((400, "")), answer.url)


@then('it is created as number {number:d}, found at "{path}"')
def created_at(context, number, path):
    """201 Created, the body has the new id, Location ends with the new record's path."""
    answer = answer_of(context)
    assert_that(answer.status, equal_to(201), f"{answer.url} answered {answer.text[:60]!r}")
    assert_that(result_of(context), has_entries(id=number), "the created record")
    assert_that(answer.headers.get("Location", ""), ends_with(path), "the Location header")


@then("the answer is exactly")
@then("the answer is exactly:")
def exactly(context):
    """The JSON body equals the step's JSON, keys in the same order."""
    ordered = json.loads(answer_of(context).text, object_pairs_hook=list)
    assert_that(ordered, equal_to(json.loads(context.text, object_pairs_hook=list)), "the body, in key order")


@then('I get the same answer as for "{address}"')
def same_as(context, address):
    """Status and body equal those of another address (asked for right after)."""
    first = answer_of(context)
    second = services.exchange("GET", address)
    assert_that((first.status, first.text), equal_to((second.status, second.text)), f"{first.url} vs {address}")


@then("I get a web page")
def web_page(context):
    """200 with an HTML body."""
    answer = answer_of(context)
    assert_that((answer.status, answer.headers.get("Content-Type", "")[:9]), equal_to((200, "text/html")), answer.url)


@then("I get the whole data set")
@then("I get the whole data set:")
def whole_data_set(context):
    """One object holding every collection, with the table's counts."""
    counts = {name: len(records) for name, records in result_of(context).items()}
    assert_that(counts, equal_to({row["collection"]: int(row["count"]) for row in context.table}), "/db")


@then("every one of the {kind:Kind} comes with {count:d} {other:Kind} of their own")
def each_comes_with(context, kind, count, other):
    """Each record of the list carries that many embedded records, all pointing back at it."""
    key = kind[:-1] + "Id"
    for record in result_of(context):
        assert_that(record, has_key(other), f"{kind[:-1]} {record.get('id')}")
        assert_that([item.get(key) for item in record[other]], equal_to([record["id"]] * count),
                    f"the {other} embedded in {kind[:-1]} {record.get('id')}")


@then("user {number:d} comes with {count:d} {other:Kind} of their own")
def user_comes_with(context, number, count, other):
    """The user carries that many embedded records, all pointing back at them."""
    user = result_of(context)
    assert_that([item.get("userId") for item in user.get(other, [])], equal_to([number] * count),
                f"the {other} embedded in user {number}")


@then('the post comes with its author, "{name}"')
def post_with_author(context, name):
    """The post carries its user record."""
    assert_that(result_of(context), has_entries(user=has_entries(name=name)), "the expanded post")


@then("I get the users in this order")
@then("I get the users in this order:")
def users_in_order(context):
    """The users' names, in the table's order."""
    names = [user.get("name") for user in result_of(context)]
    assert_that(names, contains_exactly(*(row["name"] for row in context.table)), "users in the API's order")


@then("user {number:d}'s record comes back with id {new_id}")
def id_changed(context, number, new_id):
    """The answer is the user's record, but with the id the update sent (a number, or null)."""
    expected = None if new_id == "null" else int(new_id)
    assert_that(result_of(context), has_entries(id=expected, username=USERNAMES[number]), f"user {number} updated")
