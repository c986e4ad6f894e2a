@mock_only @robustness
Feature: Starting and stopping the mock
  Test code starts and stops mocks from fixtures, hooks and threads of its own. Stopping is safe
  from any thread, any number of times; starting a mock twice, or again after it stopped, is refused
  with a clear message instead of a thread dying in the background.

  Scenario: many threads stopping the same mock at once
    When 50 mocks are each stopped by 8 threads at once
    Then every stop returned without an error
    And no thread of those mocks is still running

  Scenario: a stopped mock cannot start again
    Given a mock of my own that has been stopped
    When I start it again
    Then I am told it has stopped and cannot start again
    And none of its threads is still running

  Scenario: a serving mock cannot be started twice
    Given a mock of my own
    When I start it again
    Then I am told it is serving already
    And it has one thread accepting connections
