@read_only_mock
Feature: The read-only mock refuses writes
  To prove that an app only ever reads, run it against the mock in read-only mode:
  every write gets 405 Method Not Allowed. The live API has no such mode (it accepts
  and fakes every write), so these scenarios run only against the mock.

  Scenario Outline: a write is refused
    When I try to <write>
    Then I am told the service does not accept changes
    And no write reached the API

    Examples:
      | write          |
      | create a user  |
      | replace user 1 |
      | change user 1  |
      | delete user 1  |

  Scenario: reading still works
    When I look up user 3
    Then I get the user "Clementine Bauch" with username "Samantha"
