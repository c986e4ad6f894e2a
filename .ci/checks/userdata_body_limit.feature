@mock_only
Feature: The body limit comes from behave userdata
  .ci/run runs this with -D max_body_bytes=1000 and expects it to PASS (with behave.ini's
  16 MiB the list of users, 5,645 bytes, would arrive whole, failing the Then).

  Scenario: the list of users is larger than the limit given on the command line
    When I list all users
    Then I am told the answer was too large
