@api_reference @mock_only
Feature: How long the app waits
  Whoever uses the app is told in time when the users service is slow: the app waits so long
  to be connected, so long for an answer to begin, and so long for a whole call, and says
  which ran out. The live API cannot be made slow on demand, so: the mock only. (An answer cut off
  part way needs its beginning to arrive in time: the robustness battery has those, as
  features/the_mock/the_client_tells_a_slow_answer_apart.feature.)

  Scenario: a service that never takes the call
    Given the users service never takes the app's call
    And the app waits at most 10 ms to connect
    When I look up user 3
    Then I am told the users service did not take the call within 10 ms

  Scenario: the whole call's time also bounds connecting
    Given the users service never takes the app's call
    And the app waits at most 30 ms for a whole answer
    When I look up user 3
    Then I am told the users service did not take the call within 30 ms

  Scenario: a service that refuses the call is told apart from a slow one
    Given the users service is down
    When I look up user 3
    Then I am told the users service refused the connection

  Scenario: an answer that does not begin in time
    Given the users service answers slowly
    And the app waits at most 10 ms for an answer
    When I look up user 3
    Then I am told the users service did not answer within 10 ms

  Scenario: the whole call's time runs out first
    Given the users service answers slowly
    And the app waits at most 10 ms for a whole answer
    When I look up user 3
    Then I am told the users service had not answered when the whole call's 10 ms ran out

  Scenario: a head that stops part way is cut off when the whole call's time runs out
    Given the users service sends the beginning of each answer's head, then nothing
    And the app waits at most 10 ms for a whole answer
    When I look up user 3
    Then I am told the users service had not answered when the whole call's 10 ms ran out

  Scenario: a head that trickles in is cut off when the whole call's time runs out
    Given the users service sends the head of each answer a byte at a time
    And the app waits at most 10 ms for a whole answer
    When I look up user 3
    Then I am told the users service had not answered when the whole call's 10 ms ran out

  Scenario: an app given settings of its own keeps to them
    Given the users service answers slowly
    When an app with settings of its own, waiting at most 10 ms for an answer, looks up user 3
    Then I am told the users service did not answer within 10 ms
