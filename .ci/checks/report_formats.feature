Feature: What the reports record
  .ci/run runs this feature once with every report format and -D live_url=http://127.0.0.1:9, where
  nothing listens, and checks what each format recorded (python -m livedocs.formats.results_check --fixture).
  The run is expected to FAIL: one step fails, one hook cannot reach the live API, one address is wrong.

  Background:
    Given the app waits at most 5 seconds for an answer

  Scenario: a table, passing
    When I look for users whose username is "Bret" or "Antonette"
    Then I get these users:
      | name          |
      | Leanne Graham |
      | Ervin Howell  |

  Scenario: a doc string, passing
    When I create through "/users" the JSON:
      """
      {"name": "Jane Doe"}
      """
    Then it is created as number 11, found at "/users/11"

  Scenario: a failing step
    When I look up user 3
    Then user 3's email is "clementine@example.com"

  @real
  Scenario: the live API cannot be reached: an error in the before-scenario hook
    When I look up user 1
    Then I get the user "Leanne Graham" with username "Bret"

  @real
  Scenario: the live API was not reached before: skipped, with the reason
    When I list all users
    Then every user has a complete record

  Scenario: an address the app builds wrongly: an error in the after-scenario hook
    When I look up user "1/foo"
    Then I am told user "1/foo" does not exist

  @robustness
  Scenario: the robustness battery is off: skipped, with the reason
    When I list all users
    Then every user has a complete record
