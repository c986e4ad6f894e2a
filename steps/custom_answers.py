"""Steps that give an address of the users service an answer of the scenario's own: its JSON, status or headers."""

from behave import given
from known_users import DataRefused, mock_in_use
from steps.support.tables import rows_of, takes, text_of

from mockserver.controls.stubs import BadStub
from steps.support.selection import mock_only

CHOSEN = "the live API's answers cannot be chosen by a scenario"  # on the live API: skipped, saying so


@given('the users service answers "{address}" with')
@given('the users service answers "{address}" with:')
@takes("docstring")
@mock_only(CHOSEN)
def answers_with(context, address):
    """Reads of that address get the JSON under the step, as the API sends JSON (status 200); for this scenario."""
    _answer(context, address, json=text_of(context, "the answer's JSON"), status=200)


@given('the users service answers "{address}" with status {status}')
@given('the users service answers "{address}" with status {status}:')
@takes("docstring")
@mock_only(CHOSEN)
def answers_with_status(context, address, status):
    """Reads of that address get that status (200 to 599) and the JSON under the step (for 204, 304: no text)."""
    _answer(context, address, json=text_of(context, "the answer's JSON"), status=status)


@given('the users service answers "{address}" with the headers')
@given('the users service answers "{address}" with the headers:')
@takes("table", "header", "value")
@mock_only(CHOSEN)
def answers_with_headers(context, address):
    """The answer to reads of that address (the API's own, or one given above) carries these headers instead."""
    headers = [(row["header"], row["value"]) for row in rows_of(context, "header", "value", verb="use")]
    _answer(context, address, headers=headers)


def _answer(context, address, **answer):
    """Plan the custom answer on the mock; refuse, saying why, what cannot be sent."""
    mock = mock_in_use(context)
    if mock is None:
        return
    try:
        mock.stubs.answer(address, **answer)
    except BadStub as refused:
        raise DataRefused(_with_line(str(refused), answer.get("json"))) from None


def _with_line(message, text):
    """A JSON error's message with the line it names, as the scenario has it."""
    if text is None or " at line " not in message:
        return message
    number = int(message.rsplit(" at line ", 1)[1].split(",", 1)[0])
    lines = text.splitlines()
    return f"{message} of the text under the step: {lines[number - 1].strip()!r}" if number <= len(lines) else message
