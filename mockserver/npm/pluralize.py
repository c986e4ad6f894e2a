"""pluralize 8.0 (the npm package json-server names things with): its rules, applied as it applies them.

json-server calls it to name a nested route's foreign key (`POST /USERS/1/posts` sets `USERId`,
`/people/1/posts` sets `personId`) and to find the collection `_expand=user` points at (`users`).
The rules are pluralize's own, last rule first, with its case restoration (`USERS` -> `USER`).
"""

import re

from ..node.nodeerrors import NodeError

_IRREGULAR = (
    ("I", "we"), ("me", "us"), ("he", "they"), ("she", "they"), ("them", "them"), ("myself", "ourselves"),
    ("yourself", "yourselves"), ("itself", "themselves"), ("herself", "themselves"), ("himself", "themselves"),
    ("themself", "themselves"), ("is", "are"), ("was", "were"), ("has", "have"), ("this", "these"),
    ("that", "those"), ("echo", "echoes"), ("dingo", "dingoes"), ("volcano", "volcanoes"), ("tornado", "tornadoes"),
    ("torpedo", "torpedoes"), ("genus", "genera"), ("viscus", "viscera"), ("stigma", "stigmata"), ("stoma", "stomata"),
    ("dogma", "dogmata"), ("lemma", "lemmata"), ("schema", "schemata"), ("anathema", "anathemata"), ("ox", "oxen"),
    ("axe", "axes"), ("die", "dice"), ("yes", "yeses"), ("foot", "feet"), ("eave", "eaves"), ("goose", "geese"),
    ("tooth", "teeth"), ("quiz", "quizzes"), ("human", "humans"), ("proof", "proofs"), ("carve", "carves"),
    ("valve", "valves"), ("looey", "looies"), ("thief", "thieves"), ("groove", "grooves"), ("pickaxe", "pickaxes"),
    ("passerby", "passersby"),
)
_PLURAL_RULES = (
    (r"s?$", "s"), (r"[^\u0000-\u007F]$", "$0"), (r"([^aeiou]ese)$", "$1"), (r"(ax|test)is$", "$1es"),
    (r"(alias|[^aou]us|t[lm]as|gas|ris)$", "$1es"), (r"(e[mn]u)s?$", "$1s"),
    (r"([^l]ias|[aeiou]las|[ejzr]as|[iu]am)$", "$1"),
    (r"(alumn|syllab|vir|radi|nucle|fung|cact|stimul|termin|bacill|foc|uter|loc|strat)(?:us|i)$", "$1i"),
    (r"(alumn|alg|vertebr)(?:a|ae)$", "$1ae"), (r"(seraph|cherub)(?:im)?$", "$1im"), (r"(her|at|gr)o$", "$1oes"),
    (r"(agend|addend|millenni|dat|extrem|bacteri|desiderat|strat|candelabr|errat|ov|symposi|curricul|automat|quor)"
     r"(?:a|um)$", "$1a"),
    (r"(apheli|hyperbat|periheli|asyndet|noumen|phenomen|criteri|organ|prolegomen|hedr|automat)(?:a|on)$", "$1a"),
    (r"sis$", "ses"), (r"(?:(kni|wi|li)fe|(ar|l|ea|eo|oa|hoo)f)$", "$1$2ves"), (r"([^aeiouy]|qu)y$", "$1ies"),
    (r"([^ch][ieo][ln])ey$", "$1ies"), (r"(x|ch|ss|sh|zz)$", "$1es"),
    (r"(matr|cod|mur|sil|vert|ind|append)(?:ix|ex)$", "$1ices"), (r"\b((?:tit)?m|l)(?:ice|ouse)$", "$1ice"),
    (r"(pe)(?:rson|ople)$", "$1ople"), (r"(child)(?:ren)?$", "$1ren"), (r"eaux$", "$0"), (r"m[ae]n$", "men"),
    (r"^thou$", "you"),
)
_SINGULAR_RULES = (
    (r"s$", ""), (r"(ss)$", "$1"), (r"(wi|kni|(?:after|half|high|low|mid|non|night|[^\w]|^)li)ves$", "$1fe"),
    (r"(ar|(?:wo|[ae])l|[eo][ao])ves$", "$1f"), (r"ies$", "y"),
    (r"\b([pl]|zomb|(?:neck|cross)?t|coll|faer|food|gen|goon|group|lass|talk|goal|cut)ies$", "$1ie"),
    (r"\b(mon|smil)ies$", "$1ey"), (r"\b((?:tit)?m|l)ice$", "$1ouse"), (r"(seraph|cherub)im$", "$1"),
    (r"(x|ch|ss|sh|zz|tto|go|cho|alias|[^aou]us|t[lm]as|gas|(?:her|at|gr)o|[aeiou]ris)(?:es)?$", "$1"),
    (r"(analy|diagno|parenthe|progno|synop|the|empha|cri|ne)(?:sis|ses)$", "$1sis"),
    (r"(movie|twelve|abuse|e[mn]u)s$", "$1"), (r"(test)(?:is|es)$", "$1is"),
    (r"(alumn|syllab|vir|radi|nucle|fung|cact|stimul|termin|bacill|foc|uter|loc|strat)(?:us|i)$", "$1us"),
    (r"(agend|addend|millenni|dat|extrem|bacteri|desiderat|strat|candelabr|errat|ov|symposi|curricul|quor)a$", "$1um"),
    (r"(apheli|hyperbat|periheli|asyndet|noumen|phenomen|criteri|organ|prolegomen|hedr|automat)a$", "$1on"),
    (r"(alumn|alg|vertebr)ae$", "$1a"), (r"(cod|mur|sil|vert|ind)ices$", "$1ex"), (r"(matr|append)ices$", "$1ix"),
    (r"(pe)(rson|ople)$", "$1rson"), (r"(child)ren$", "$1"), (r"(eau)x?$", "$1"), (r"men$", "man"),
)
_UNCOUNTABLE_WORDS = frozenset(
    "adulthood advice agenda aid aircraft alcohol ammo analytics anime athletics audio bison blood bream buffalo "
    "butter carp cash chassis chess clothing cod commerce cooperation corps debris diabetes digestion elk energy "
    "equipment excretion expertise firmware flounder fun gallows garbage graffiti hardware headquarters health "
    "herpes highjinks homework housework information jeans justice kudos labour literature machinery mackerel mail "
    "media mews moose music mud manga news only personnel pike plankton pliers police pollution premises rain "
    "research rice salmon scissors series sewage shambles shrimp software species staff swine tennis traffic "
    "transportation trout tuna wealth welfare whiting wildebeest wildlife you".split()
)
_FRAMES = ("/app/node_modules/pluralize/pluralize.js:102:24", "pluralize (/app/node_modules/pluralize/pluralize.js:182:7)",
           "/app/node_modules/json-server/lib/server/router/plural.js:42:22", "Array.forEach (<anonymous>)",
           "expand (/app/node_modules/json-server/lib/server/router/plural.js:41:27)")
_UNCOUNTABLE_RULES = (r"pok[eéÉ]mon$", r"[^aeiou]ese$", r"deer$", r"fish$", r"measles$", r"o[iu]s$", r"pox$", r"sheep$")


def _compile(rules):
    """Rules as pluralize keeps them: JavaScript's /.../i (ASCII \\w and \\b), uncountables added last."""
    own = [(re.compile(pattern.replace("$", r"\Z"), re.I | re.A), replacement) for pattern, replacement in rules]
    return own + [(re.compile(pattern.replace("$", r"\Z"), re.I | re.A), "$0") for pattern in _UNCOUNTABLE_RULES]


_PLURALS = _compile(_PLURAL_RULES)
_SINGULARS = _compile(_SINGULAR_RULES)
_SINGLE_TO_PLURAL = {single.lower(): plural.lower() for single, plural in _IRREGULAR}
_PLURAL_TO_SINGLE = {plural.lower(): single.lower() for single, plural in _IRREGULAR}


def _restore_case(word, token):
    """Give the token the case of the word: exact, lower, upper, or title case."""
    if word == token:
        return token
    if word == word.lower():
        return token.lower()
    if word == word.upper():
        return token.upper()
    if word[:1] == word[:1].upper():
        return token[:1].upper() + token[1:].lower()
    return token.lower()


def _replace(word, rule):
    """word.replace(rule, ...) for the first match, with `$n` interpolated and the case restored."""
    pattern, replacement = rule
    match = pattern.search(word)
    groups = (match.group(), *match.groups())
    result = re.sub(r"\$(\d{1,2})", lambda m: (groups[int(m.group(1))] if int(m.group(1)) < len(groups) else "") or "",
                    replacement)
    if match.group() == "":
        return word[:match.start()] + _restore_case(word[match.start() - 1], result) + word[match.end():]
    return word[:match.start()] + _restore_case(match.group(), result) + word[match.end():]


def _sanitize(token, word, rules):
    """The last rule that matches the word, applied; the word itself when uncountable or no rule matches."""
    if not token or token in _UNCOUNTABLE_WORDS:
        return word
    for rule in reversed(rules):
        if rule[0].search(word):
            return _replace(word, rule)
    return word


def _replace_word(word, replace_map, keep_map, rules):
    """pluralize's replaceWord: words kept, irregular words swapped, the rules for the rest."""
    if not isinstance(word, str):  # `_expand[a]=user` hands it an object
        raise NodeError("TypeError", "word.toLowerCase is not a function", _FRAMES)
    token = word.lower()
    if token in keep_map:
        return _restore_case(word, token)
    if token in replace_map:
        return _restore_case(word, replace_map[token])
    return _sanitize(token, word, rules)


def plural(word):
    """pluralize(word): `user` -> `users`, `person` -> `people`, `USER` -> `USERS`."""
    return _replace_word(word, _SINGLE_TO_PLURAL, _PLURAL_TO_SINGLE, _PLURALS)


def singular(word):
    """pluralize.singular(word): `posts` -> `post`, `people` -> `person`, `USERS` -> `USER`."""
    return _replace_word(word, _PLURAL_TO_SINGLE, _SINGLE_TO_PLURAL, _SINGULARS)
