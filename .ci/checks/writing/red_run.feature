Feature: A red run a product owner can read
  .ci/checks/writing/red_report.py runs this feature with the living-docs report and checks how its failures read there:
  each failing step's reason open under it, the wrong cell of a table marked with what came back, an undefined
  step answered with the closest step, no traceback for a verdict on the API. Every scenario fails on purpose.

  Scenario: a wrong email
    When I look up user 3
    Then user 3's email is "clementine@example.com"

  Scenario: a wrong city in a table
    When I look for users whose city is "Gwenborough" or "Wisokyburgh"
    Then I get these users:
      | name          | city        | company         |
      | Leanne Graham | Gwenborough | Romaguera-Crona |
      | Ervin Howell  | Paris       | Deckow-Crist    |

  Scenario: a step that does not exist yet
    When I fetch user 2
