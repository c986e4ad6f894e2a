""""Did you mean" in a product owner's words: natural phrasings of steps that do not exist, and the step each means.

Each phrasing is how someone who has not read the step dictionary might write a line; the step it means is the
dictionary's heading. The check asks livedocs.suggest for each, as a run does for an undefined step, and fails
unless the meant step comes first for at least 9 in 10 of them, and unless no phrasing gets a step of the opposite
effect first (`--show` prints every answer).
"""

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]
sys.path.insert(0, str(ROOT))

from livedocs import stepdoc, suggest  # noqa: E402 - after the project's folder is on the path

REQUIRED = 0.9
# (keyword, the line as written, the step it means as the dictionary heads it)
PHRASINGS = (
    # listing and looking up
    ("when", "I fetch user 2", "When I look up user {user_id}"),
    ("when", "I get user 2", "When I look up user {user_id}"),
    ("when", "I open user 5", "When I look up user {user_id}"),
    ("when", "I retrieve user 3", "When I look up user {user_id}"),
    ("when", "I view the profile of user 1", "When I look up user {user_id}"),
    ("when", "I open user 4's profile", "When I look up user {user_id}"),
    ("when", "I fetch all users", "When I list all users"),
    ("when", "I get the list of users", "When I list all users"),
    ("when", "I request every user", "When I list all users"),
    ("then", "I should see 10 users", "Then I get {count} {kind}"),
    ("then", "I should receive 10 users", "Then I get {count} {kind}"),
    ("then", "I see a user named \"Leanne Graham\" with username \"Bret\"",
     "Then I get the user \"{name}\" with username \"{username}\""),
    ("then", "user 1's city should be \"Gwenborough\"", "Then {who}'s {field} is \"{value}\""),
    ("then", "every user should have an email", "Then every user has an {field}"),
    ("then", "I am told that user 11 doesn't exist", "Then I am told user \"{user_id}\" does not exist"),
    # finding
    ("when", "I search for users named \"Ann\"", "When I look for users whose {field} is \"{value}\""),
    ("when", "I filter users by city \"Gwenborough\"", "When I look for users whose {field} is \"{value}\""),
    ("when", "I find the users living in \"Gwenborough\"", "When I look for users whose {field} is \"{value}\""),
    ("then", "I should get no users", "Then I get no users"),
    ("then", "I should see these users:", "Then I get these users:"),
    # changing users
    ("when", "I remove user 3", "When I delete user {user_id}"),
    ("when", "I erase user 7", "When I delete user {user_id}"),
    ("when", "I add a user named \"Ann\" with username \"ann\" and email \"ann@example.com\"",
     "When I create a user named \"{name}\" with username \"{username}\" and email \"{email}\""),
    ("when", "I rename user 1 to \"Ann\"", "When I change the name of user {user_id} to \"{name}\""),
    ("when", "I update the name of user 1 to \"Ann\"", "When I change the name of user {user_id} to \"{name}\""),
    ("then", "the new user should get id 11", "Then the new user gets id {user_id}"),
    ("then", "user 3 should still be \"Clementine Bauch\"", "Then user {user_id} is still \"{name}\""),
    # their content
    ("when", "I get user 1's todos", "When I ask for the {kind} of user {user_id}"),
    ("when", "I fetch the posts of user 2", "When I ask for the {kind} of user {user_id}"),
    # when the service misbehaves
    ("given", "the users service is offline", "Given the users service is down"),
    ("given", "the users service is unreachable", "Given the users service is down"),
    ("given", "the API is down", "Given the users service is down"),
    ("given", "the users service is throttling", "Given the users service is rate limiting"),
    ("given", "the users service is overloaded", "Given the users service is rate limiting"),
    ("given", "the users service answers with status 500", "Given the users service fails with {failure}"),
    ("given", "the users service returns an internal server error", "Given the users service fails with {failure}"),
    ("given", "the server responds with a 502", "Given the users service fails with {failure}"),
    ("given", "the users service is under maintenance", "Given the users service fails with {failure}"),
    ("given", "the users service times out", "Given the users service answers slowly"),
    ("given", "the users service is slow", "Given the users service answers slowly"),
    ("given", "the users service closes the connection", "Given the users service hangs up without answering"),
    ("given", "the users service returns invalid JSON", "Given the users service answers with something that is not JSON"),
    ("given", "the users service returns an empty response", "Given the users service answers with nothing"),
    ("given", "the users service recovers after one failure", "Given the users service fails once then recovers"),
    ("then", "I see a message that the users service timed out", "Then I am told the users service is too slow"),
    ("then", "I am told the request timed out", "Then I am told the users service is too slow"),
    ("then", "I should be told that the users service is overloaded", "Then I am told the users service is busy"),
    ("then", "I see an error that the service is offline", "Then I am told the users service is unavailable"),
    ("then", "I am told the user service is too slow", "Then I am told the users service is too slow"),
    ("then", "I am told the response is empty", "Then I am told the answer was empty"),
    ("then", "I am told the response was not JSON", "Then I am told the answer was not JSON"),
    ("then", "I am told to retry in 120 seconds", "Then I am told to try again in {seconds}"),
    ("then", "I am told the users service failed with an internal server error",
     "Then I am told the users service failed with {failure}"),
    # written after the rules above, before any was added for them: 20 of these 24 came first then
    ("when", "I look at user 6", "When I look up user {user_id}"),
    ("when", "I show all the users", "When I list all users"),
    ("when", "I ask for all users", "When I list all users"),
    ("when", "I look for users whose city is Gwenborough", "When I look for users whose {field} is \"{value}\""),
    ("when", "I search users by username \"Bret\"", "When I look for users whose {field} is \"{value}\""),
    ("when", "I delete the user 5", "When I delete user {user_id}"),
    ("when", "I create a new user named \"Ann\" with username \"ann\" and email \"a@b.c\"",
     "When I create a user named \"{name}\" with username \"{username}\" and email \"{email}\""),
    ("when", "I get the albums of user 3", "When I ask for the {kind} of user {user_id}"),
    ("then", "I receive 5 posts", "Then I get {count} {kind}"),
    ("then", "the city of user 1 is \"Gwenborough\"", "Then {who}'s {field} is \"{value}\""),
    ("then", "Bret's email should be \"Sincere@april.biz\"", "Then {who}'s {field} is \"{value}\""),
    ("then", "the list is empty", "Then I get no users"),
    ("then", "I get only Leanne Graham", "Then I get only \"{name}\""),
    ("given", "the service is not available", "Given the users service is down"),
    ("given", "the users service rate limits requests", "Given the users service is rate limiting"),
    ("given", "the users service gives a bad gateway error", "Given the users service fails with {failure}"),
    ("given", "the users service returns 503", "Given the users service fails with {failure}"),
    ("given", "the users service resets connections", "Given the users service resets the connection"),
    ("then", "an error says the users service is not reachable", "Then I am told the users service is unavailable"),
    ("then", "I am told the service is busy", "Then I am told the users service is busy"),
    ("then", "the app tells me the answer was cut off", "Then I am told the answer was cut short"),
    ("then", "the app asked for user 3 only once", "Then the app asked for user {user_id} {times}"),
    ("then", "nothing was written to the API", "Then no write reached the API"),
    ("given", "the users service knows just these users:", "Given the users service knows only these users:"),
    # the data a scenario chooses
    ("given", "the users service has only these users:", "Given the users service knows only these users:"),
    ("given", "there are no users", "Given the users service knows no users"),
    ("given", "the users service has 25 users", "Given the users service knows {count} user"),
)
# Steps that must never come first for a phrasing of the opposite effect.
NEVER_FIRST = {"I fetch user 2": "When I delete user {user_id}", "I should get no users": "Then I get {count} {kind}"}


def main(argv):
    """Ask for every phrasing; report the misses; exit 1 below the required share or on an opposite first."""
    stepdoc.load_definitions()
    suggest._steps.cache_clear()
    suggest._weights.cache_clear()
    hits, problems = 0, []
    for keyword, text, meant in PHRASINGS:
        found = suggest.suggestions(keyword, text)
        first = found[0][2] if found else None
        hits += first == meant
        if first != meant:
            problems.append(f"{keyword.title()} {text}\n    meant: {meant}\n    first: {first}")
        if first is not None and NEVER_FIRST.get(text) == first:
            problems.append(f"{keyword.title()} {text}: the opposite step came first: {first}")
        if "--show" in argv:
            print(f"{keyword.title()} {text}\n  -> " + "\n     ".join(f"{s}{n}" for s, n, _ in found))
    share = hits / len(PHRASINGS)
    for problem in problems:
        print("miss:", problem)
    print(f"did you mean: the meant step first for {hits} of {len(PHRASINGS)} phrasings ({share:.0%}; "
          f"at least {REQUIRED:.0%} required)")
    opposite = any("opposite step came first" in p for p in problems)
    return 0 if share >= REQUIRED and not opposite else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
