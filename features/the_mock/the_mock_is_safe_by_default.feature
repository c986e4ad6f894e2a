@mock_only @robustness
Feature: The mock is safe by default
  The mock runs on developers' machines and in CI. Out of the box it is reachable from this
  machine only, serves nothing but the API, bounds what a client can make it hold, and never
  shows its own code to a client.

  Scenario: it listens on this machine only
    Given a mock of my own
    Then it listens on the loopback address only, as the command line does unless told otherwise

  Scenario Outline: nothing is served from the file system
    When a client asks for "<address>" exactly as written
    Then it is told there is no such thing

    Examples:
      | address                                |
      | /../../../../etc/passwd                |
      | /%2e%2e/%2e%2e/%2e%2e/etc/passwd       |
      | /mockserver/data/jsonplaceholder.json  |
      | /environment.py                        |
      | /users/../README.md                    |

  Scenario: a connection left idle after its answer is closed
    Given the mock drops a silent client after 0.2 seconds
    When a client reads user 1 and then keeps the connection open in silence
    Then the mock closes that connection

  Scenario: a failure inside the mock shows the client no traceback
    Given a mock of my own that fails while answering
    When a client reads user 1 from it
    Then the client is told the mock failed, with no traceback
    And the answer shows no Python traceback
    And the traceback is kept for the scenario's report

  Scenario: a failure inside the mock while it reads a request is kept for the report, not passed off as a bad request
    Given a mock of my own that fails while reading requests
    When a client offers a new user to it
    Then it is hung up on without an answer
    And the failure while reading is kept for the scenario's report
