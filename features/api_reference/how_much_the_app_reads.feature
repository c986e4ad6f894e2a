@api_reference @mock_only
Feature: How much the app reads
  The app reads an answer only up to its limits, so that no answer can exhaust it: a body of at
  most its largest answer, a head of at most 99 header lines of at most 64 KB each. An answer
  exactly at a limit is read; one past it is told as too large. The mock only: the live API's
  answers are small.

  # 99 header lines: Python's http.client reads 100 lines after the status line, the blank one
  # that ends the head among them.

  Scenario: a body exactly as large as the app takes is read
    Given the app takes answers no larger than user 3's record
    When I look up user 3
    Then I get the user "Clementine Bauch" with username "Samantha"

  Scenario: a body one byte larger than the app takes is too large
    Given the app takes answers one byte smaller than user 3's record
    When I look up user 3
    Then I am told the answer was too large

  Scenario: a head of exactly 99 header lines is read
    Given the users service answers with exactly 99 header lines
    When I look up user 3
    Then I get the user "Clementine Bauch" with username "Samantha"

  Scenario: a head of 100 header lines is too large
    Given the users service answers with exactly 100 header lines
    When I look up user 3
    Then I am told the answer had more headers than the app reads

  Scenario: a header line over 64 KB is too long
    Given the users service answers with a header line over 64 KB
    When I look up user 3
    Then I am told the answer had a header line longer than the app reads
