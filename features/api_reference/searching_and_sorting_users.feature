@api_reference
Feature: Searching and sorting users
  Besides exact filters, the API searches every field (q), matches regular expressions
  (_like), compares (_gte, _lte, _ne) and sorts (_sort, _order) any list.

  Scenario: a word anywhere in the record, in any case
    When I ask the API for "/users?q=clementine"
    Then I get only "Clementine Bauch"

  Scenario: a word nobody has
    When I ask the API for "/users?q=zzzz"
    Then I get no users

  # A search step refuses a field no user has (docs/what-the-suite-refuses.md): the API itself ignores it.
  Scenario: a filter on a field no user has is ignored, and every user comes back
    When I ask the API for "/users?nickname=Bret"
    Then I get 10 users

  Scenario Outline: a field's name with an operator after it: <filter>
    When I ask the API for "/users?<filter>"
    Then I get the users numbered <users>

    Examples: from a number on (_gte), up to a number (_lte)
      | filter   | users    |
      | id_gte=9 | 9 and 10 |
      | id_lte=2 | 1 and 2  |

    Examples: all but a value (_ne); repeated, each value excluded excludes more
      | filter          | users   |
      | id_ne=1&id_ne=2 | 3 to 10 |

    Examples: matching a pattern, in any case (_like; the patterns are JavaScript's, below)
      | filter       | users       |
      | name_like=^c | 3, 5 and 10 |

  Scenario Outline: a pattern is a JavaScript regular expression, in any case
    When I look for users whose name matches "<pattern>"
    Then I get the users numbered <users>

    Examples: JavaScript's own syntax
      | pattern                    | users                         |
      | (?<letter>[a-z])\k<letter> | 1, 2, 6, 7, 8 and 9           |
      | (?<=Mrs\. )\w+             | 6                             |
      | (?<!s)s\b                  | 6, 7 and 8                    |
      | [b-\d]                     | 3, 4 and 10                   |
      | \x4c                       | 1, 2, 3, 4, 5, 6, 8, 9 and 10 |

    Examples: a repeated group remembers its last round only
      | pattern        | users   |
      | ^(?:(l)\|e)+\1 | 1 and 2 |
      | (a\|e)*        | 1 to 10 |

  Scenario Outline: a pattern as JavaScript reads it, where other languages read it otherwise
    When I look for users whose name matches "<pattern>"
    Then I get no users

    Examples: escapes: \1 without a group is the character U+0001, \c a backslash and a c, a{,2} itself
      | pattern |
      | \1      |
      | \c      |
      | a{,2}   |

    Examples: letters whose capital is ASCII match only themselves: long s, dotless i, dotted I, Kelvin sign
      | pattern |
      | ſ       |
      | ı       |
      | İ       |
      | \u212A  |

  Scenario Outline: a pattern JavaScript cannot read is refused in JavaScript's words
    When I look for users whose name matches "<pattern>"
    Then the pattern is refused as JavaScript refuses it: "<reason>"

    Examples: Python's syntax, not JavaScript's
      | pattern  | reason            |
      | a*+      | Nothing to repeat |
      | (?i)a    | Invalid group     |
      | (?P<n>a) | Invalid group     |
      | (?       | Invalid group     |

    Examples: mistakes
      | pattern        | reason                                |
      | a)             | Unmatched ')'                         |
      | [a             | Unterminated character class          |
      | [z-a]          | Range out of order in character class |
      | a{2,1}         | numbers out of order in {} quantifier |
      | (?<=a)+        | Invalid quantifier                    |
      | (?<n>a)(?<n>b) | Duplicate capture group name          |
      | (?<n>a)\k<m>   | Invalid named capture referenced      |
      | a\             | \ at end of pattern                   |

  Scenario: sorted by name, last first
    When I ask the API for "/users?_sort=name&_order=desc"
    Then I get the users in this order:
      | name                     |
      | Patricia Lebsack         |
      | Nicholas Runolfsdottir V |
      | Mrs. Dennis Schulist     |
      | Leanne Graham            |
      | Kurtis Weissnat          |
      | Glenna Reichert          |
      | Ervin Howell             |
      | Clementine Bauch         |
      | Clementina DuBuque       |
      | Chelsey Dietrich         |

  Scenario: sorted by a detail inside the address
    When I ask the API for "/users?_sort=address.city&_limit=3"
    Then I get the users numbered 8, 9 and 1

  Scenario Outline: a filter reads a field as JavaScript does: <filter>
    When I ask the API for "/users?<filter>"
    Then I get the users numbered <users>

    Examples: a field's name has its case: a filter on Username filters nothing
      | filter        | users   |
      | Username=Bret | 1 to 10 |

    Examples: what every record inherits, and what a text holds
      | filter               | users   |
      | toString_ne=x        | 1 to 10 |
      | toString_like=native | 1 to 10 |
      | name.length=13       | 1       |
      | name.length_gte=20   | 6 and 8 |

    Examples: dots that name no field, in a filter or a sort
      | filter              | users   |
      | id.=1               | 1 to 10 |
      | .id=1               | 1 to 10 |
      | _sort=address..city | 1 to 10 |

    Examples: brackets around a name, or after it, make a list of values (numbered up to 20)
      | filter        | users   |
      | [id]=1        | 1       |
      | id[]=1&id[]=2 | 1 and 2 |
      | id%5B%5D=3    | 3       |
      | id[20]=4      | 4       |

    Examples: a bracket left open is part of the name, which no field has: nothing is filtered
      | filter         | users   |
      | id[=1          | 1 to 10 |
      | address[city=x | 1 to 10 |

    Examples: a value that inherits a list reads as that list
      | filter                        | users    |
      | id_gte[__proto__][]=9         | 9 and 10 |
      | _page[__proto__][]=2&_limit=3 | 4 to 6   |

  Scenario Outline: a value made a set of fields equals no field: <filter>
    When I ask the API for "/users?<filter>"
    Then I get no users

    Examples:
      | filter       |
      | id[b]=1      |
      | id[21]=1     |
      | id[b]=1&id=2 |

  Scenario Outline: a search JavaScript cannot run fails on the server with its error: <filter>
    When I ask the API for "/users?<filter>"
    Then the API fails with a <error>

    Examples: a pattern that is not a regular expression
      | filter      | error       |
      | name_like=( | SyntaxError |

    Examples: a value that cannot be made a text
      | filter                | error     |
      | name_like[toString]=x | TypeError |
