@api_reference @mock_only
Feature: How the app asks again
  A read that meets a busy or briefly unavailable service is asked again after a pause that
  doubles each time, never longer than the app takes, and as long as the service asks if that
  is longer; a pause the app cannot take means it gives up at once. The mock only: the live
  API cannot be made busy.

  Scenario: each pause is twice the one before
    Given the users service fails with a maintenance break
    And the app pauses 1 ms before asking again the first time
    When I look up user 3
    Then the app paused 1 ms, then 2 ms before asking again

  Scenario: no pause is longer than the longest the app takes
    Given the users service fails with a maintenance break
    And the app pauses 1 ms before asking again the first time
    And the app pauses at most 1.5 ms between tries
    When I look up user 3
    Then the app paused 1 ms, then 1.5 ms before asking again

  Scenario: the service asks for a longer pause than the app's own
    Given the users service is rate limiting for 3 ms
    And the app pauses 1 ms before asking again the first time
    When I look up user 3
    Then the app paused 3 ms before asking again

  Scenario: the service asks for exactly the longest pause the app takes
    Given the users service is rate limiting for 3 ms
    And the app pauses 1 ms before asking again the first time
    And the app pauses at most 3 ms between tries
    When I look up user 3
    Then the app paused 3 ms before asking again

  Scenario: the service asks for a longer pause than the app takes
    Given the users service is rate limiting for 4 ms
    And the app pauses 1 ms before asking again the first time
    And the app pauses at most 3 ms between tries
    When I look up user 3
    Then the app did not pause

  Scenario: a pause asked for until a date to come
    Given the users service is rate limiting until 2 minutes from now
    When I look up user 3
    Then I am told to try again in about 2 minutes

  Scenario: a pause asked for until a date already past
    Given the users service was rate limiting until 2 minutes ago
    And the app pauses 1 ms before asking again the first time
    When I look up user 3
    Then the app paused 1 ms before asking again

  Scenario: a date already past is a pause of no time at all
    Given the users service is rate limiting, asking the app to wait until 2 minutes ago
    And the app does not ask again
    When I look up user 3
    Then I am told to try again in 0 seconds

  Scenario: a pause asked for in words the app cannot read
    Given the users service is rate limiting and says to come back "soon"
    And the app pauses 1 ms before asking again the first time
    When I look up user 3
    Then the app paused 1 ms, then 2 ms before asking again

  Scenario: a service that cannot say when is reported as busy, without a pause
    Given the users service is rate limiting and says to come back "soon"
    When I look up user 3
    Then I am told the users service is busy, but not for how long

  Scenario: no pause is taken past the whole call's time
    Given the users service fails with a maintenance break
    And the app waits at most 50 ms for a whole answer
    And the app pauses 100 ms before asking again the first time
    When I look up user 3
    Then the app did not pause
