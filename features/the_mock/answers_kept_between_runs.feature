@mock_only
Feature: The mock's largest answers kept between runs
  The whole data set and every photo take the mock 30 to 60 ms to render and compress, and every run asks for them
  again. The mock keeps them on disk, and answers from there only while they are exactly what it would compute.

  Scenario: an answer kept by another version of the mock is not used
    Given the mock keeps answers on disk, where "/users" was kept by another version of the mock
    When I ask the API for "/users"
    Then I get the users numbered 1 to 10

  Scenario: an answer altered on disk after it was kept is not used
    Given the mock keeps answers on disk, where "/users" was altered after it was written
    When I ask the API for "/users"
    Then I get the users numbered 1 to 10

  @robustness
  Scenario: the mock keeps at most 64 answers on disk, the newest among them
    Given the mock keeps answers on disk, in a folder of its own
    When the API is asked for 100 different large answers
    Then the mock keeps 64 answers on disk, the last one asked for among them
