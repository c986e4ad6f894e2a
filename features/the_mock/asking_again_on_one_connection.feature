Feature: Asking again on one connection
  A polling app or a browser keeps its connection open and asks for the same address again and again. The mock
  answers every such read as if it were the first: each is in its journal, and what a scenario plans in between
  (an answer of its own, a fault) applies to the very next read.

  Scenario: every read asked again is in the journal
    When a client asks for user 1 3 times on one connection
    Then the API answered 3 requests
    And I get the user "Leanne Graham" with username "Bret"

  # mock-only: the live API's answers cannot be chosen by a scenario
  @mock_only
  Scenario: an answer chosen between two reads is the next read's answer
    Given a client keeps its connection open after asking for user 1
    And the users service answers "/users/1" with:
      """
      {"id": 1, "name": "Someone Else"}
      """
    When the client asks for user 1 again on that connection
    Then the answer is exactly:
      """
      {"id": 1, "name": "Someone Else"}
      """

  # mock-only: the live API cannot be given a fault
  @mock_only
  Scenario: a fault planned between two reads applies to the next read
    Given a client keeps its connection open after asking for user 1
    And the users service fails with an internal error
    When the client asks for user 1 again on that connection
    Then the client is told the service failed with an internal error

  # mock-only: the live API's clock is not this machine's; robustness: it asks for up to a second, until the second turns
  @mock_only @robustness
  Scenario: every answer to a read asked again is dated when it was given
    When a client asks for user 1 again and again on one connection until the clock's second turns
    Then every answer is dated the second it was given
