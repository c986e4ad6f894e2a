"""How When steps keep what a call gave (a value or a typed error) for the Then steps to judge."""

import time

import services


def attempt(context, call, *args):
    """Run a services call; keep its value in context.result or its error in context.error."""
    context.result, context.error = None, None
    if call is services.exchange:  # the scenario names the address itself: an unrouted answer is its point
        context.asked_explicitly = getattr(context, "asked_explicitly", ()) + ((args[0], args[1].split("?")[0]),)
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
