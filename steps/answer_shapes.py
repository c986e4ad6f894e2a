"""Steps that judge how the app is told an answer has the wrong shape: JSON, but not what the call expects."""

from behave import register_type, then
from hamcrest import assert_that
from steps.support.judging import APP_TOLD, judges
from steps.support.matching.matchers import a_service_error

import services

SHAPES = {"a list of objects": "expected a list of objects", "an object": "expected an object",
          "a user": "expected a user"}  # each with the words the error says



def parse_shape(text):
    """the shape a call expects: a list of objects, an object, or a user."""
    return text


parse_shape.pattern = "|".join(SHAPES)
register_type(Shape=parse_shape)


@then("I am told the answer was not {shape:Shape}")
@judges(APP_TOLD)
def told_wrong_shape(context, shape):
    """The call failed with the client's wrong-shape error, saying the shape it expected."""
    expected = a_service_error(services.WrongShape, saying=(SHAPES[shape],))
    assert_that(APP_TOLD(context), expected, f"what the app was told of an answer that is not {shape}")


@then("I am told the answer was not a user: it has no {fields}")
@judges(APP_TOLD)
def told_not_a_user(context, fields):
    """The call failed with the client's wrong-shape error, naming the fields every user has that it lacks."""
    expected = a_service_error(services.WrongShape, saying=(f"expected a user, got an object without {fields}",))
    assert_that(APP_TOLD(context), expected, "what the app was told of an object that is not a whole user")


@then('I am told the answer was labelled "{label}", not JSON')
@judges(APP_TOLD)
def told_labelled_otherwise(context, label):
    """The call failed with the client's not-JSON error, naming the Content-Type the answer had instead."""
    expected = a_service_error(services.NotJson, status=200, saying=(f"answered {label}, not JSON",),
                               but_not=services.EmptyBody)
    assert_that(APP_TOLD(context), expected, "what the app was told of an answer labelled as something other than JSON")
