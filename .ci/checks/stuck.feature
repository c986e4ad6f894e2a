@mock_only
Feature: A scenario that would hang fails at its deadline instead
  .ci/run runs this with -D scenario_deadline=0.3 -D read_timeout=60 and expects it to FAIL
  within a second, naming the step it was stuck in.

  Scenario: the app waits a minute for a service that answers in two seconds
    Given the users service answers slowly
    When I list all users
    Then I am told the users service is too slow
