# Mock only: the live API cannot be made slow on demand. In the robustness battery: each waits a few tenths of a
# second, so that the beginning of the answer surely arrives before the app's patience runs out, however busy
# the machine.
@mock_only @robustness
Feature: The client tells a slow answer apart
  An answer that began and then came too slowly is told apart from one that never began: the
  app says whether the whole call's time ran out while the answer was still coming, or the
  answer stopped part way for longer than the app waits for more of it.

  Scenario: a body that trickles in is cut off when the whole call's time runs out
    Given the users service sends its answers very slowly
    And the app waits at most 300 ms for a whole answer
    When I list all users
    Then I am told the users service was still sending its answer when the whole call's 300 ms ran out

  Scenario: an answer that stops part way for longer than the app waits
    Given the users service pauses part way through each answer
    And the app waits at most 300 ms for an answer
    When I list all users
    Then I am told the users service stopped sending its answer part way
