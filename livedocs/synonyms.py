"""A product owner's words for the steps' words: the rewrites "did you mean" tries on an undefined step.

Each rule is (the keywords it applies to, a regular expression, its replacement), tried in order on the step as
written (any case); the rewritten step is then matched against the real steps, so a rule only has to bring a
sentence to the steps' words, never to guess what follows from them. Quoted values and numbers are left as they
are. A rule belongs here when a reader would use the word for the same thing: fetch, get, open, retrieve for
looking up; remove for deleting; search, filter for looking for; offline, unreachable for down; throttling for
rate limiting; timed out for too slow; overloaded for busy; a status 500 or an internal server error for failing
with an internal error; should see, receive for get.
"""

import functools
import re

GIVEN, WHEN, THEN = "given", "when", "then"
ANY = (GIVEN, WHEN, THEN)
_VIEW = r"(?:fetch|get|open|retrieve|view|read|load|request|show|display|access|pull up|pull|see|check|visit)"
_SERVER_ERROR = (r"(?:an? )?(?:http )?(?:(?:status|error|code|status code|error code) )?"
                 r"(?:500(?: error| status)?|internal server error|internal error|server error)")
_BAD_GATEWAY = r"(?:an? )?(?:http )?(?:(?:status|error|code) )?(?:502(?: error)?|bad gateway(?: error)?)"
_MAINTENANCE = r"(?:an? )?(?:http )?(?:(?:status|error|code) )?(?:503(?: error)?|service unavailable(?: error)?)"
_ANSWERS = r"(?:answers|returns|responds|replies|gives|throws|sends|fails|errors|crashes)(?: with| back)?"

RULES = (
    # -- who is spoken of
    (ANY, r"\bthe (?:user|users|api|backend|server|remote) service\b", "the users service"),
    (ANY, r"\b(?:user|api) service\b", "users service"),
    ((GIVEN,), r"^(?:the )?(?:api|backend|server|service)\b", "the users service"),
    ((THEN,), r"\btold (?:that )?the (?:api|backend|server|service)\b(?= (?:is|was|failed|fails))",
     "told the users service"),
    ((THEN,), r"\b(?:the )?(?:request|call|response|answer) (?=(?:timed|times|took|was too|is too))",
     "the users service "),
    ((THEN,), r"^(?:i )?(?:see|get|receive|am shown|am given|should see|should get|should receive|read)"
     r" (?:an? |the )?(?:error |warning |friendly )?(?:message|error|notice|warning|text)(?: message)?"
     r" (?:that |saying(?: that)?|telling me(?: that)?|which says(?: that)?)\s*", "I am told "),
    ((THEN,), r"^(?:i )?(?:should be|am|get|am being|should get) (?:told|informed|notified|warned)(?: that)?\b",
     "I am told"),
    # -- the service's trouble (Given) and what the app says of it (Then)
    ((GIVEN,), r"\b(?:is (?:offline|unreachable|not reachable|not available|unavailable|not running|"
     r"not responding|dead|out)|cannot be reached|can't be reached|goes down|went down)\b", "is down"),
    ((THEN,), r"\b(?:is|was) (?:down|offline|unreachable|not reachable|not available|dead)\b|\bcannot be reached\b",
     "is unavailable"),
    ((GIVEN,), r"\b(?:is throttling(?: requests)?|throttles(?: requests)?|is throttled|rate[- ]limits(?: requests)?|"
     r"is rate[- ]limited|is rate[- ]limiting|is overloaded|is busy|limits requests)\b", "is rate limiting"),
    ((THEN,), r"\b(?:is|was) (?:overloaded|throttling|throttled|rate[- ]limit(?:ed|ing)|busy)\b", "is busy"),
    ((GIVEN,), rf"\b{_ANSWERS} {_SERVER_ERROR}\b", "fails with an internal error"),
    ((GIVEN,), rf"\b{_ANSWERS} {_BAD_GATEWAY}\b", "fails with a bad gateway"),
    ((GIVEN,), rf"\b(?:{_ANSWERS} {_MAINTENANCE}|is (?:under|in|down for) maintenance|is being maintained)\b",
     "fails with a maintenance break"),
    ((THEN,), rf"\b(?:failed|fails|answered|returned|responded) with {_SERVER_ERROR}\b",
     "failed with an internal error"),
    ((THEN,), rf"\b(?:failed|fails|answered|returned|responded) with {_BAD_GATEWAY}\b", "failed with a bad gateway"),
    ((GIVEN,), r"\b(?:is slow|is too slow|responds slowly|replies slowly|answers late|is sluggish|times out|"
     r"timed out|takes too long(?: to answer)?|lags)\b", "answers slowly"),
    ((THEN,), r"\b(?:timed out|times out|timeout|took too long|takes too long|is slow|was slow|was too slow)\b",
     "is too slow"),
    ((GIVEN,), r"\b(?:closes|drops|hangs up|cuts) the connection(?: without (?:an answer|answering|replying))?\b",
     "hangs up without answering"),
    ((GIVEN,), r"\b(?:returns|answers with|responds with|sends|replies with) (?:invalid|broken|malformed|bad|garbled)"
     r" json\b|\b(?:returns|answers with|responds with|sends) (?:garbage|html)\b",
     "answers with something that is not JSON"),
    ((GIVEN,), r"\b(?:returns|answers with|responds with|sends|replies with) (?:an? )?(?:empty|blank)"
     r" (?:response|answer|body|reply)\b|\b(?:returns|sends) nothing\b", "answers with nothing"),
    ((GIVEN,), r"\b(?:fails (?:once|one time) (?:and )?(?:then )?recovers|recovers after (?:one|a single|a) failure)\b",
     "fails once then recovers"),
    ((THEN,), r"\b(?:the )?(?:response|reply|body) (?:is|was)\b", "the answer was"),
    ((THEN,), r"\bthe answer is (?=empty|not json|cut short)", "the answer was "),
    ((THEN,), r"\b(?:retry|try again|come back|ask again)(?: after| in)\b", "try again in"),
    # -- the data a scenario chooses (Given)
    ((GIVEN,), r"\b(?:has|contains|holds|serves|returns)(?: only)? these users\b", "knows only these users"),
    ((GIVEN,), r"^there are no users\b", "the users service knows no users"),
    ((GIVEN,), r"\b(?:has|holds|contains|serves) no users\b", "knows no users"),
    ((GIVEN,), r"^there are (\d+) users\b", r"the users service knows \1 users"),
    ((GIVEN,), r"\b(?:has|holds|contains|serves) (\d+) users\b", r"knows \1 users"),
    # -- what someone does (When)
    ((WHEN,), rf"\b(?:{_VIEW}|ask for) (?:(?:all|every|the list of|a list of|all the|all of the|the whole list of) users?|"
     r"(?:the )?users)\b(?! (?:named|called|whose|with|by|from|in|living|who))", "list all users"),
    ((WHEN,), r"\blist (?:the )?users\b", "list all users"),
    ((WHEN,), r"\b(?:search(?:es)? for|search|filter|query|find|look up|looks? for|fetch|get|retrieve)"
     r" (?:the )?(?:users?|people|persons) (?:named|called)\b", "look for users whose name is"),
    ((WHEN,), r"\b(?:search(?:es)? for|search|filter|query|find|look up|fetch|get|retrieve)"
     r" (?:the )?(?:users?|people|persons) (?:living|who live|based|located) in\b", "look for users whose city is"),
    ((WHEN,), r"\b(?:search(?:es)? for|search|filter|query|find|fetch|get|retrieve|look up) (?:the )?users"
     r" (?:by|with|where|whose) (?:their |the )?([\w ]+?) (?:is |of |equal to |equals |= )?(?=\")",
     r'look for users whose \1 is '),
    ((WHEN,), r"\b(?:search(?:es)? for|search|filter|query|find)\b", "look for"),
    ((WHEN,), rf"\b(?:{_VIEW}|look up) (?:the )?(posts|comments|albums|photos|todos|to-dos) (?:of|for|by|from) user\b",
     r"ask for the \1 of user"),
    ((WHEN,), rf"\b(?:{_VIEW}|look up) user (\d+)'s (posts|comments|albums|photos|todos)\b", r"ask for the \2 of user \1"),
    ((WHEN,), rf"\b(?:{_VIEW}|look up) (?:the )?(?:profile|details|record|data|page) of user\b", "look up user"),
    ((WHEN,), r"\buser (\d+)'s (?:profile|details|record|data|page)\b", r"user \1"),
    ((WHEN,), rf"\b{_VIEW}\b(?= (?:the )?user\b)", "look up"),
    ((WHEN,), r"\b(?:remove|erase|drop|destroy|delete)s?\b", "delete"),
    ((WHEN,), r"\b(?:add|register|insert|post|make|sign up)s?\b(?= (?:a |an )?(?:new )?user)", "create"),
    ((WHEN,), r"\bcreate a new user\b", "create a user"),
    ((WHEN,), r"\b(?:rename|renames) user (\d+) (?:to|as)\b", r"change the name of user \1 to"),
    ((WHEN,), r"\b(?:update|modify|edit|set|change)s? (?:the )?name of user\b", "change the name of user"),
    ((WHEN,), r"\b(?:update|modify|edit|set|change)s? user (\d+)'s name\b", r"change the name of user \1"),
    # -- what someone gets (Then)
    ((THEN,), r"^(?:i )?(?:should see|should get|should receive|should be given|receive|see|am shown|am given|"
     r"get back|obtain|can see)\b", "I get"),
    ((THEN,), r"\b(?:doesn't|does not|don't|do not) exist\b", "does not exist"),
    ((THEN,), r"^the ([a-z ]+?) of (user \d+|[A-Z][\w.]*(?: [A-Z][\w.]*)*) (is|should be)\b", r"\2's \1 \3"),
    ((THEN,), r"^(?:the (?:list|result|results|answer|search) (?:is|was|comes back) empty|(?:nobody|no one|no users?)"
     r" (?:is|are|was|were) (?:found|returned|listed))$", "I get no users"),
    ((THEN,), r"^(?:nothing|no (?:change|write|data|user)) (?:was|is|were|has been) (?:written|sent|saved|posted)"
     r" to the (?:api|users service|service|server)$", "no write reached the API"),
    ((THEN,), r"\bshould still be\b", "is still"),
    ((THEN,), r"\bshould (?:get|receive)\b", "gets"),
    ((THEN,), r"\bshould be\b", "is"),
    ((THEN,), r"\bshould have\b", "has"),
    ((THEN,), r"\b(?:has|have) (?:got )?an? ", "has an "),
)
_QUOTED = re.compile(r'"[^"]*"')


def rewritten(step_type, text):
    """The step in the steps' words, as far as the rules go (quoted values kept as written)."""
    quoted = _QUOTED.findall(text)
    shielded = _QUOTED.sub('"\0"', text)
    for kinds, pattern, replacement in _compiled():
        if step_type in kinds:
            shielded = pattern.sub(replacement, shielded)
    shielded = " ".join(shielded.split())
    values = iter(quoted)
    return re.sub('"\0"', lambda _: next(values, '""'), shielded)


@functools.cache
def _compiled():
    """The rules compiled, once, when a step is first rewritten: only a run with an undefined step (or the dictionary's
    checks) needs them, and compiling them costs every run's start-up about 10 ms."""
    return tuple((kinds, re.compile(pattern, re.IGNORECASE), replacement) for kinds, pattern, replacement in RULES)
