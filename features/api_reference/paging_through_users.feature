@api_reference
Feature: Paging through users
  A list view shows users a few at a time. The API slices any list with _limit,
  _start/_end or _page, and tells how many there are in all (X-Total-Count) so the view
  can draw its pager; _page also links to the first, previous, next and last pages.

  Scenario Outline: a slice of the list, and how many there are in all: <slice>
    When I ask the API for "/users?<slice>"
    Then I get the users numbered <users>
    And I am told there are <total> in all

    Examples: the first few, or from a start (counted from 0) to an end
      | slice           | users   | total |
      | _limit=2        | 1 and 2 | 10    |
      | _start=2&_end=4 | 3 and 4 | 10    |

    Examples: the total counts what the filter kept
      | slice             | users   | total |
      | id_gte=4&_limit=2 | 4 and 5 | 7     |

  Scenario: a start alone is ignored
    When I ask the API for "/users?_start=8"
    Then I get the users numbered 1 to 10
    And I am not told how many there are in all

  Scenario: a page in the middle links to its neighbours
    When I ask the API for "/users?_page=2&_limit=3"
    Then I get the users numbered 4, 5 and 6
    And I am told there are 10 in all
    And I am given links to these pages:
      | link     | page |
      | first    | 1    |
      | previous | 1    |
      | next     | 3    |
      | last     | 4    |

  Scenario: a page size of ten unless told otherwise
    When I ask the API for "/users?_page=1"
    Then I get the users numbered 1 to 10
    And I am given no links to other pages

  Scenario: a page past the end is empty
    When I ask the API for "/users?_page=5&_limit=3"
    Then I get no users
    And I am told there are 10 in all
    And I am given no links to other pages

  Scenario: a failure after counting still tells the count and the pages
    When I ask the API for "/posts?_page=2&_expand=post"
    Then the API fails with a TypeError
    And I am told there are 100 in all
    And I am given links to these pages:
      | link     | page |
      | first    | 1    |
      | previous | 1    |
      | next     | 3    |
      | last     | 10   |

  @mock_only
  Scenario Outline: the links name the API as the client called it: <name>
    # The live edge routes by that name, so only the app itself can be called by another one.
    When I call the API <name> and ask for "/users?_page=2&_limit=3"
    Then the link to the next page is "<next page>"

    Examples:
      | name                   | next page                                          |
      | "api.example.com"      | http://api.example.com/users?_page=3&_limit=3      |
      | "api.example.com:8080" | http://api.example.com:8080/users?_page=3&_limit=3 |
      | by no name             | http:/users?_page=3&_limit=3                       |

