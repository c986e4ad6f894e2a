@mock_only
Feature: When the users service misbehaves
  Whoever uses the app must be told clearly, and quickly, when the users service is
  down, slow or answers garbage, instead of waiting for ever or seeing a crash. The
  live API cannot be made to misbehave on demand, so these run against the mock only.

  Scenario: the service is down
    Given the users service is down
    When I list all users
    Then I am told the users service is unavailable
    And I was told in under 1 second

  Scenario: the service hangs up without answering
    Given the users service hangs up without answering
    When I look up user 3
    Then I am told the users service is unavailable

  Scenario: the service resets the connection
    Given the users service resets the connection
    When I look up user 3
    Then I am told the users service is unavailable

  Scenario: the service is too slow to answer
    Given the users service answers slowly
    And the app waits at most 10 ms for an answer
    When I list all users
    Then I am told the users service is too slow
    And I was told in under 1 second

  Scenario: a slow answer within the app's patience still arrives
    Given the users service takes 10 ms to answer
    When I look up user 3
    Then I get the user "Clementine Bauch" with username "Samantha"

  Scenario: an answer that trickles in too slowly is given up on
    Given the users service sends its answers very slowly
    And the app waits at most 20 ms for a whole answer
    When I list all users
    Then I am told the users service is too slow
    And I was told in under 1 second

  Scenario Outline: the service fails on its side
    Given the users service fails with <failure>
    When I list all users
    Then I am told the users service failed with <failure>

    Examples:
      | failure             |
      | an internal error   |
      | a bad gateway       |
      | a maintenance break |

  Scenario: an answer cut short
    Given the users service cuts its answers short
    When I list all users
    Then I am told the answer was cut short

  Scenario: an answer that is not JSON
    Given the users service answers with something that is not JSON
    When I look up user 3
    Then I am told the answer was not JSON

  Scenario: an answer labelled as a web page
    Given the users service labels its answers as a web page
    When I look up user 3
    Then I am told the answer was not JSON

  Scenario: an empty answer
    Given the users service answers with nothing
    When I list all users
    Then I am told the answer was empty
