@mock_only
Feature: Recovering from passing trouble
  A service that is busy or briefly unavailable often answers a moment later, so the
  app asks again when it only reads, waiting as long as the service asks, but never
  sends a change twice. The live API cannot be made to do this, so: the mock only.

  Scenario: a passing failure goes unnoticed when reading
    Given the users service fails once then recovers
    When I list all users
    Then I get 10 users
    And the app asked for the list of users exactly twice

  Scenario: a change is never sent twice
    Given the users service fails once then recovers
    When I create a user named "Jane Doe" with username "jdoe" and email "jane@example.com"
    Then I am told the users service failed with a maintenance break
    And the app sent the new user exactly once

  Scenario: a brief rate limit is waited out as asked
    Given the users service is rate limiting for 10 ms
    When I look up user 3
    Then I get the user "Clementine Bauch" with username "Samantha"
    And the app waited 10 ms before asking again

  Scenario: a long rate limit is reported at once
    Given the users service is rate limiting
    When I look up user 3
    Then I am told the users service is busy
    And I am told to try again in 120 seconds
    And the app asked for user 3 exactly once

  Scenario: a lasting failure is reported after a few tries
    Given the users service fails with a maintenance break
    When I look up user 3
    Then I am told the users service failed with a maintenance break
    And the app asked for user 3 3 times

  Scenario: an app that does not ask again reports the first failure
    Given the users service fails once then recovers
    And the app does not ask again
    When I list all users
    Then I am told the users service failed with a maintenance break

  Scenario: a failure for one user leaves the others readable
    Given the users service fails with an internal error for user 3
    When I look up user 2
    Then I get the user "Ervin Howell" with username "Antonette"
    And the app asked for user 2 exactly once

  Scenario: the failing user is reported
    Given the users service fails with an internal error for user 3
    When I look up user 3
    Then I am told the users service failed with an internal error
