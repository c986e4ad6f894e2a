"""A step's table or docstring read in full: every column known, every row read, or a sentence naming the known."""

import json

from .user_fields import UnknownField, field_path


class StepMisread(AssertionError):
    """A table or docstring a step cannot read whole: the message names what it can read."""


def takes(what, *columns, any_of=False):
    """Declare that a step takes a table (with these columns, or any_of them) or a "docstring".

    environment.py refuses a table or docstring given to a step that does not declare one: the step would
    silently ignore it. The step dictionary lists what each step takes.
    """
    def declared(func):
        func.takes = (what, columns, any_of)
        return func
    return declared


def rows_of(context, *columns, verb="check"):
    """The step's table as one dict per row, every row; fails on an unknown or missing column, or no row."""
    table = _table(context, ", ".join(columns))
    unknown = [heading for heading in table.headings if heading not in columns]
    if unknown:
        raise StepMisread(f'the column "{unknown[0]}" is not one I can {verb}; I can {verb}: {", ".join(columns)}')
    missing = [column for column in columns if column not in table.headings]
    if missing:
        raise StepMisread(f'the table has no "{missing[0]}" column; its columns are: {", ".join(columns)}')
    return [dict(zip(table.headings, row.cells, strict=True)) for row in table.rows]


def user_rows(context, verb="check"):
    """A table whose columns are user fields (name, city, address.geo.lat...): one {path: text} per row."""
    table = _table(context, "name, city, company... (any field of a user)")
    try:
        paths = [field_path(heading, "column", verb) for heading in table.headings]
    except UnknownField as unknown:
        raise StepMisread(str(unknown)) from None
    if len(set(paths)) < len(paths):
        raise StepMisread(f"two columns name the same field: {', '.join(table.headings)}")
    return [dict(zip(paths, row.cells, strict=True)) for row in table.rows]


def text_of(context, what):
    """The step's docstring (the text between triple quotes under it); fails saying the step takes one."""
    if context.text is None:
        raise StepMisread(f'this step takes {what} as a docstring: between lines of """ under it')
    return context.text


def json_in_order(context):
    """The step's docstring read as JSON, objects as lists of (key, value) in order; fails where it is not JSON."""
    text = text_of(context, "the JSON")
    try:
        return json.loads(text, object_pairs_hook=list)
    except ValueError as error:
        raise StepMisread(f"the step's text is not JSON ({error}): {text[:80]!r}") from None


def _table(context, columns):
    """The step's table, with at least one row; fails saying which columns it takes."""
    if context.table is None:
        raise StepMisread(f"this step takes a table under it, with the columns: {columns}")
    if not context.table.rows:
        raise StepMisread(f"the table under this step has a heading ({', '.join(context.table.headings)}) but no rows")
    return context.table
