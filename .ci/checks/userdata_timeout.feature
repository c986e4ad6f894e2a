@mock_only
Feature: The read timeout comes from behave userdata
  .ci/run runs this with -D read_timeout=0.1 and expects it to PASS (with behave.ini's
  10 s the call would wait out the 2 s delay and succeed, failing the Then).

  Scenario: a slow service meets the read timeout given on the command line
    Given the users service answers slowly
    When I list all users
    Then I am told the users service is too slow
    And I was told in under 1 second
