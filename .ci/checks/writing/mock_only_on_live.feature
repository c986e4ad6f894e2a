Feature: On the live API, a Given only the mock can arrange skips its scenario (none of these is tagged @mock_only)
  Run with -D target=live at a live_url where nothing listens: each scenario whose Given only the mock can arrange
  is skipped before its first step, saying why; the last one, which any deployment can run, fails to reach it.
  .ci/checks/writing/refusals.py runs them; the Gherkin lint names each untagged one.

  Scenario: a slow service
    Skipped saying: mock-only: "Given the users service takes 3 seconds to answer" (line 8): the live API cannot be given a fault
    Given the users service takes 3 seconds to answer
    When I list all users
    Then I get 10 users

  Scenario: a service that fails once then recovers
    Skipped saying: the live API cannot be given a fault
    Given the users service fails once then recovers
    When I list all users
    Then I get 10 users

  Scenario: a brief rate limit
    Skipped saying: the live API cannot be given a fault
    Given the users service is rate limiting for 10 ms
    When I list all users
    Then I get 10 users

  Scenario: a service that is down
    Skipped saying: the live API cannot be given a fault
    Given the app does not ask again
    And the users service is down
    When I list all users
    Then I get 10 users

  Scenario: the users a scenario chooses
    Skipped saying: the live API's users cannot be chosen by a scenario
    Given the users service knows only these users:
      | name        |
      | Ada Lovelace |
    When I list all users
    Then I get 1 user

  Scenario: an answer a scenario chooses
    Skipped saying: the live API's answers cannot be chosen by a scenario
    Given the users service answers "/users/1" with:
      """
      {"id": 1, "name": "Ada Lovelace"}
      """
    When I look up user 1
    Then user 1's name is "Ada Lovelace"

  Scenario: a mock of my own
    Skipped saying: a mock of my own is a mock, never the live API
    Given a mock of my own
    When I stop my mock
    Then it stopped within 1 second

  Scenario: a hostile server
    Skipped saying: only the mock can be made a hostile server
    Given the users service sends an answer that never ends
    When I list all users
    Then I am told the answer was too large

  @real
  Scenario: a fault in a scenario that talks to the live API by its tag
    Skipped saying: the live API cannot be given a fault
    Given the users service answers slowly
    When I list all users
    Then I get 10 users

  Scenario: the directory, which any deployment holds
    Fails saying: The live API at http://127.0.0.1:9 cannot be reached
    When I list all users
    Then I get 10 users
