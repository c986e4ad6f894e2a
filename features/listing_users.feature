Feature: Listing users
  Anyone building on the API needs the whole user directory in one call:
  ten people, each with a complete record.

  Scenario: the directory holds ten users
    When I list all users
    Then I get 10 users

  Scenario: every user has a complete record
    When I list all users
    Then every user has a complete record

  Scenario: users come in order of their number
    When I list all users
    Then the users are numbered 1 to 10 in order

  Scenario: everyone in the directory can be phoned
    When I list all users
    Then every user has a phone number

  Scenario: some of the directory, checked without listing everyone
    When I list all users
    Then the users include:
      | name             | city          | company            |
      | Clementine Bauch | McKenziehaven | Romaguera-Jacobson |
      | Leanne Graham    | Gwenborough   | Romaguera-Crona    |
