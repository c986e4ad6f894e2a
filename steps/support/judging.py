"""What each Then reads of what came back, and after which Whens there is such a thing: one reading per kind.

A Then declares its reading with ``@judges(READING)`` (the step dictionary prints it) and reads with
``READING(context)``: the thing it judges, or a failure in one sentence saying what the Then checks, after
which Whens it belongs, and what its When got instead.
"""

from dataclasses import dataclass

from .outcome import NOT_JSON, CannotJudge, Via, came_back, sentence

USERS_WHENS = "a When that lists, looks up, looks for, creates, replaces or changes users, or asks for a users address"
APP_WHENS = ("a When that calls the users service through the app (listing, looking up, looking for, creating, "
             "replacing, changing or deleting users, or asking for a user's posts, todos or albums)")
OWNERS = {"user": ("posts", "todos", "albums"), "post": ("comments",), "album": ("photos",)}


@dataclass(frozen=True)
class Reading:
    """What a Then reads: what it checks, after which Whens, and how it is picked (None: there is none)."""

    what: str
    after: str
    pick: object  # pick(context, came, **wanted) -> the thing judged, or None

    def __call__(self, context, **wanted):
        """The thing this Then judges, from what came back; fails with the sentence if there is none."""
        came = came_back(context)
        found = self.pick(context, came, **wanted)
        if found is None:
            raise CannotJudge(sentence(context, self.what.format(**wanted), self.after.format(**wanted), came))
        return found


def from_where(context, what):
    """A failure's first line: what was checked, and where it came from ("... from the mock at http://...")."""
    where = came_back(context).where
    return f"{what} from {where}" if where else what


def judges(reading):
    """Declare, under a Then's decorators, what it reads (the step dictionary says so for every Then)."""
    def declared(func):
        func.judges = reading
        return func
    return declared


def _users(context, came):
    """The users that came back: a list of users, or one user as a list of one (None: no users came)."""
    if came.kind != "users" or came.records is None:
        return None
    return came.records if isinstance(came.records, list) else ([came.records] if came.records else None)


def _written(methods, kind=None):
    """A pick of the record a write (by the method the API acted on) echoed back, of a kind if given."""
    def pick(context, came):
        """The echoed record, or None."""
        if came.acted not in methods or not isinstance(came.records, dict) or came.error is not None:
            return None
        return came.records if kind is None or came.kind == kind else None
    return pick


def _one(kind):
    """A pick of the one record of a kind that came back."""
    def pick(context, came):
        """The record, or None."""
        return came.records if came.kind == kind and isinstance(came.records, dict) and came.records else None
    return pick


def _data_set(context, came):
    """The whole data set (an object of lists, from an address of no collection), or None."""
    document = came.document
    if came.kind is None and isinstance(document, dict) and document and all(isinstance(v, list)
                                                                            for v in document.values()):
        return document
    return None


def _journal(context, came):
    """The requests the scenario's mock received, when the scenario talks to it (None for the live API)."""
    mock = getattr(context, "mock", None)
    return mock.journal.entries() if mock is not None and getattr(context, "api_url", None) == mock.base_url else None


USERS = Reading("the users that came back", USERS_WHENS, _users)
NEW_USER = Reading("the user a When created", "a When that creates a user", _written(("POST",), "users"))
NEW_RECORD = Reading("the record a When created", "a When that creates (a user, or anything at an address)",
                     lambda context, came: came if _written(("POST",))(context, came) is not None else None)
WRITTEN_USER = Reading("the user a write echoed back", "a When that creates, replaces or changes a user",
                       _written(("POST", "PUT", "PATCH"), "users"))
ONE_RECORD = Reading("the one record that came back", "a When that looks up, creates, replaces or changes one record",
                     lambda context, came: came.records if isinstance(came.records, dict) else None)
ONE_USER = Reading("the one user that came back", "a When that looks up a user or asks for a user's address",
                   _one("users"))
ONE_POST = Reading("the one post that came back", "a When that asks for a post's address", _one("posts"))
DELETION = Reading("the answer to a deletion", "a When that deletes a user or an address",
                   lambda context, came: came if came.acted == "DELETE" and came.status is not None else None)
RECORDS = Reading("the {kind} that came back", "a When that asks for {kind} (through the app or at an address)",
                  lambda context, came, kind: came.records if came.kind == kind and isinstance(came.records, list)
                  else None)
A_LIST = Reading("the list that came back", "a When that asks for a list (users, a user's posts, todos or albums, "
                 "or any address of a list)", lambda context, came: came.records if isinstance(came.records, list)
                 else None)
OWNED = Reading("the records that came back and whose they are", "a When that asks for posts, todos or albums "
                "(a user's), comments (a post's) or photos (an album's)",
                lambda context, came, owner: came.records if came.kind in OWNERS[owner]
                and isinstance(came.records, list) else None)
KEPT_ON_DISK = Reading("the answers the mock keeps on disk", "'When the API is asked for N different large answers'",
                      lambda context, came: came.measured.kept_on_disk)
DATA_SET = Reading("the whole data set", 'a When that asks for "/db"', _data_set)
ANSWER = Reading("the answer's status, headers and body", "any When that got an answer from the API (through the "
                 "app, at an address, or as a raw client)", lambda context, came: came if came.status is not None
                 else None)
JSON_ANSWER = Reading("the JSON body that came back", "any When that got a JSON answer",
                      lambda context, came: came if came.document is not NOT_JSON else None)
RAW_ANSWER = Reading("the answer a raw client got, and whether the connection was closed",
                     "a When in which a client sends its own bytes ('When a client sends ...')",
                     lambda context, came: came if came.via is Via.RAW_CLIENT and came.status is not None else None)
OPEN_CONNECTION = Reading("the connection a client left open", "'When a client sends half a request and goes silent' "
                          "or 'When a client reads user 1 and then keeps the connection open in silence'",
                          lambda context, came: came if came.connection is not None else None)
UNANSWERED = Reading("whether the mock closed a connection before its request was complete", "a When in which a "
                     "client sends a request it never completes ('When a client trickles in a request ...')",
                     lambda context, came: came if came.via is Via.RAW_CLIENT and came.status is None
                     and not came.answers else None)
CROWD = Reading("the answers a crowd of clients got", "'When N clients each ask for user 1 ... at once'",
                lambda context, came: came.answers or None)
APP_TOLD = Reading("what the app was told", APP_WHENS, lambda context, came: came if came.via is Via.APP else None)
TIMING = Reading("how long the When took", "any When that times its call (one that talks to the API)",
                 lambda context, came: came if came.elapsed is not None else None)
STOPPING = Reading("how long stopping the scenario's own mock took", "'When I stop my mock'",
                   lambda context, came: came if came.measured.stopped else None)
SENT_USER = Reading("the user a When sent to be created", "a When that creates a user through the app",
                    lambda context, came: came.sent if came.acted == "POST" and isinstance(came.sent, dict) else None)
JOURNAL = Reading("the requests the mock received", "any When, against the scenario's mock (not the live API)",
                  _journal)
OWN_MOCK = Reading("the scenario's own mock", "'Given a mock of my own' (any When)",
                   lambda context, came: getattr(context, "own", None))
NOW = Reading("the API as it answers now (it asks again)", "any When", lambda context, came: True)
