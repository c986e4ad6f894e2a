@mock_only
Feature: The mock's largest answers kept between runs
  The whole data set and every photo take the mock 30 to 60 ms to render and compress, and every run asks for them
  again. The mock keeps them on disk, and answers from there only while they are exactly what it would compute.

  Scenario: an answer kept by another version of the mock is not used
    Given the mock's largest answers are kept on disk, where "/db" was kept by another version of the mock
    When I ask the API for "/db"
    Then I get the whole data set:
      | collection | count |
      | posts      | 100   |
      | comments   | 500   |
      | albums     | 100   |
      | photos     | 5000  |
      | users      | 10    |
      | todos      | 200   |

  Scenario: an answer altered on disk after it was kept is not used
    Given the mock's largest answers are kept on disk, where "/db" was altered after it was written
    When I ask the API for "/db"
    Then I get the whole data set:
      | collection | count |
      | posts      | 100   |
      | comments   | 500   |
      | albums     | 100   |
      | photos     | 5000  |
      | users      | 10    |
      | todos      | 200   |
