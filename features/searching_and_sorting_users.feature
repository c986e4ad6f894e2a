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

  Scenario: names matching a pattern, in any case
    When I ask the API for "/users?name_like=^c"
    Then I get the users numbered 3, 5 and 10

  Scenario: a pattern that is not a valid regular expression
    When I ask the API for "/users?name_like=("
    Then the API fails with a SyntaxError

  Scenario: from a number on
    When I ask the API for "/users?id_gte=9"
    Then I get the users numbered 9 and 10

  Scenario: up to a number
    When I ask the API for "/users?id_lte=2"
    Then I get the users numbered 1 and 2

  Scenario: all but some, each excluded value excluding more
    When I ask the API for "/users?id_ne=1&id_ne=2"
    Then I get the users numbered 3 to 10

  Scenario: a filter whose name has the wrong case is ignored
    When I ask the API for "/users?Username=Bret"
    Then I get the users numbered 1 to 10

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

    Examples: what every record inherits, and what a text holds
      | filter                | users   |
      | toString_ne=x         | 1 to 10 |
      | toString_like=native  | 1 to 10 |
      | name.length=13        | 1       |
      | name.length_gte=20    | 6 and 8 |

    Examples: dots that name no field, in a filter or a sort
      | filter                | users   |
      | id.=1                 | 1 to 10 |
      | .id=1                 | 1 to 10 |
      | _sort=address..city   | 1 to 10 |

    Examples: brackets around a name, or after it, make a list of values (numbered up to 20)
      | filter                | users   |
      | [id]=1                | 1       |
      | id[]=1&id[]=2         | 1 and 2 |
      | id%5B%5D=3            | 3       |
      | id[20]=4              | 4       |

    Examples: a bracket left open is part of the name, which no field has: nothing is filtered
      | filter                | users   |
      | id[=1                 | 1 to 10 |
      | address[city=x        | 1 to 10 |

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

  Scenario: a value that cannot be made a text fails the search
    When I ask the API for "/users?name_like[toString]=x"
    Then the API fails with a TypeError

