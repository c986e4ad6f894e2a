"""How When steps keep what a call gave (a value or a typed error) for the Then steps to judge."""

import time

import services


def attempt(context, call, *args):
    """Run a services call; keep its value in context.result or its error in context.error."""
    context.result, context.error = None, None
    if call is services.exchange:
        asked_for(context, args[0], args[1])
    started = time.monotonic()
    try:
        context.result = call(*args)
    except services.UsersApiError as error:
        context.error = error
    finally:
        context.elapsed = time.monotonic() - started  # how long the app took to answer or to give up


def result_of(context):
    """The value the last call returned; fails, quoting the error, if it raised instead."""
    if getattr(context, "error", None) is not None:
        raise AssertionError(f"the call failed instead: {type(context.error).__name__}: {context.error}")
    return context.result


def send(context, method, address, **options):
    """Send any request through the client; keep the raw answer and, if it is JSON, its decoded body."""
    context.answer, context.result, context.error = None, None, None
    asked_for(context, method, address)
    try:
        context.answer = services.exchange(method, address, **options)
    except services.UsersApiError as error:
        context.error = error
        return
    if context.answer.text and "json" in context.answer.headers.get("Content-Type", ""):
        context.result = context.answer.json()


def answer_of(context):
    """The raw answer the last request got; fails, quoting the error, if it got none."""
    if getattr(context, "answer", None) is None:
        raise AssertionError(f"no answer came back: {type(context.error).__name__}: {context.error}")
    return context.answer


def outcome_of(context):
    """What the last call gave: its error if it raised, else its value (for Then steps expecting an error)."""
    error = getattr(context, "error", None)
    return error if error is not None else getattr(context, "result", None)


def asked_for(context, method, address):
    """Note an address the scenario names itself: an answer from no route is then its point, not an app bug."""
    context.asked_explicitly = getattr(context, "asked_explicitly", ()) + ((method, address.split("?")[0]),)
