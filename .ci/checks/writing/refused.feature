Feature: What the suite refuses (every scenario here must fail, saying why)
  Scenarios a product owner might write that must never pass: each fails, and its failure holds the words
  under its name. .ci/checks/writing/refusals.py runs them and checks each (docs/what-the-suite-refuses.md).

  Scenario: a search on a field no user has
    Fails saying: the field "citty" is not one I can search by; I can search by: id, name, username
    When I look for users whose citty is "Atlantis"
    Then I get 10 users

  Scenario: a search for either of two values of a field no user has
    Fails saying: the field "citty" is not one I can search by; I can search by: id, name, username
    When I look for users whose citty is "Atlantis" or "Gwenborough"
    Then I get 10 users

  Scenario: a search by pattern on a field no user has
    Fails saying: the field "nickname" is not one I can search by; I can search by: id, name, username
    When I look for users whose nickname matches "^B"
    Then I get 10 users

  Scenario: an id with a leading zero
    Fails saying: the user's id should be '03'; it was 3
    When I look up user 3
    Then user 3's id is "03"

  Scenario: an id with a decimal point
    Fails saying: the user's id should be '3.0'; it was 3
    When I look up user 3
    Then user 3's id is "3.0"

  Scenario: an id with a space before it
    Fails saying: the user's id should be ' 3'; it was 3
    When I look up user 3
    Then user 3's id is " 3"

  Scenario: an id with a leading zero in a table
    Fails saying: row 1: the user's id should be '03'; it was 3
    When I look up user 3
    Then I get these users:
      | id | name            |
      | 03 | Clementine Bauch |

  Scenario: a user named by a number with a leading zero
    Fails saying: "03" is not a whole number as the API writes one
    When I look up user 3
    Then user 03's name is "Clementine Bauch"

  Scenario: a count with a leading zero
    Fails saying: "02" is not a whole number as the API writes one
    When I look for users whose city is "Gwenborough" or "Wisokyburgh"
    Then I get 02 users

  Scenario: a count with a sign
    Fails saying: "+2" is not a whole number as the API writes one
    When I look for users whose city is "Gwenborough" or "Wisokyburgh"
    Then I get +2 users

  Scenario: record numbers with a leading zero
    Fails saying: "01" is not a whole number as the API writes one
    When I look for users whose city is "Gwenborough" or "Wisokyburgh"
    Then I get the users numbered 01 and 2

  Scenario: a status with a leading zero
    Fails saying: "0418" is not a whole number as the API writes one
    Given the users service answers "/users/3" with status 418:
      """
      {"error": "I'm a teapot"}
      """
    When I look up user 3
    Then I am told the API answered 0418, a status the app does not expect

  Scenario: a total in another base
    Fails saying: "0xA" is not a whole number as the API writes one
    When I ask the API for "/users?_page=1&_limit=2"
    Then I am told there are 0xA in all

  Scenario: a wait with a leading zero
    Fails saying: "0120" is not a number as the API writes one
    Given the users service is rate limiting
    When I list all users
    Then I am told to try again in 0120 seconds

  Scenario: a partial table with a wrong city names its row, not only the count
    Fails saying: 10 users came back, the table has 3 rows | row 2: user 2's city should be 'Atlantis'; it was 'Wisokyburgh' | past the table's end came
    When I list all users
    Then I get these users:
      | name             | city          |
      | Leanne Graham    | Gwenborough   |
      | Ervin Howell     | Atlantis      |
      | Clementine Bauch | McKenziehaven |

  Scenario: a table longer than what came back names the rows left over
    Fails saying: 2 users came back, the table has 3 rows | row 3: no user came back in its place
    When I look for users whose city is "Gwenborough" or "Wisokyburgh"
    Then I get these users:
      | name             |
      | Leanne Graham    |
      | Ervin Howell     |
      | Clementine Bauch |

  Scenario: a subset of users with a wrong cell
    Fails saying: row 2: no user that came back is like it; the closest, Ervin Howell: user 2's city should be 'Atlantis'; it was 'Wisokyburgh'
    When I list all users
    Then the users include:
      | name          | city        |
      | Leanne Graham | Gwenborough |
      | Ervin Howell  | Atlantis    |

  Scenario: a subset that lists one user twice
    Fails saying: row 2: it is Leanne Graham, whom an earlier row describes already
    When I list all users
    Then the users include:
      | name          |
      | Leanne Graham |
      | Leanne Graham |

  Scenario: a subset with a column no user has
    Fails saying: the column "nickname" is not one I can check; I can check: id, name
    When I list all users
    Then the users include:
      | name          | nickname |
      | Leanne Graham | Lea      |

  Scenario: a sort on a field no user has
    Fails saying: the field "citty" is not one I can sort by; I can sort by: id, name, username
    When I list the users sorted by citty
    Then the users are numbered 1 to 10 in order
