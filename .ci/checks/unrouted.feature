@mock_only
Feature: A request no route matches is reported
  .ci/run expects this to FAIL: the app itself (not the scenario, by address) sent a
  request the API does not route, which the end of the scenario reports.

  Scenario: an id with a slash in it builds an address the API does not have
    When I look up user "1/foo"
    Then I am told user "1/foo" does not exist
