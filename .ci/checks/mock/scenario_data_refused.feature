@mock_only
Feature: Bad scenario data is refused while the Given runs, with the reason
  .ci/run expects EVERY scenario here to FAIL at its Given, each with its own message (it runs them one
  by one with --name and looks for the words): nothing a product owner writes wrong is served quietly.

  Scenario: refused: a column no user field has
    Given the users service knows only these users:
      | name      | shoe size |
      | Zoë Ärger | 38        |
    Then I get no users

  Scenario: refused: an id given twice
    Given the users service knows only these users:
      | id | name      |
      | 3  | Zoë Ärger |
      | 3  | Ana Núñez |
    Then I get no users

  Scenario: refused: an id a live user already has
    Given the users service knows these users as well:
      | id | name      |
      | 10 | Zoë Ärger |
    Then I get no users

  Scenario: refused: an id that is not a number
    Given the users service knows only these users:
      | id  | name      |
      | abc | Zoë Ärger |
    Then I get no users

  Scenario: refused: more users than a scenario may give
    Given the users service knows 10001 users
    Then I get no users

  Scenario: refused: an answer that is not JSON
    Given the users service answers "/users/3" with:
      """
      {"id": 3,
       "name" "Zoë Ärger"}
      """
    Then I get no users

  Scenario: refused: a status that is not a number
    Given the users service answers "/users/3" with status teapot:
      """
      {}
      """
    Then I get no users

  Scenario: refused: a status past 599
    Given the users service answers "/users/3" with status 600:
      """
      {}
      """
    Then I get no users

  Scenario: refused: a header the mock must set itself
    Given the users service answers "/users/3" with the headers:
      | header         | value |
      | Content-Length | 5     |
    Then I get no users
