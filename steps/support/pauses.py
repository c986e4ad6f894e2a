"""The pauses the app's client takes between its tries, noted as it takes them (and still taken, for real)."""

import time

from behave import fixture

import services

from .judging import Reading
from .outcome import Via


@fixture
def pauses_noted(context):
    """For one scenario, the shared client pauses through a sleep that notes each pause in context.app_pauses."""
    client, noted = services.default_client(), []
    saved = client.sleep

    def noting_sleep(seconds):
        """Note the pause, then take it."""
        noted.append(seconds)
        time.sleep(seconds)

    client.sleep, context.app_pauses = noting_sleep, noted
    try:
        yield noted
    finally:
        client.sleep = saved


PAUSES = Reading("the pauses the app took between its tries",
                 "a When that calls the users service through the app, with the app's pauses noted (any Given that "
                 "sets how the app pauses)",
                 lambda context, came: getattr(context, "app_pauses", None) if came.via is Via.APP else None)
