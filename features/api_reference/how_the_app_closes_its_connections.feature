@api_reference @mock_only
Feature: How the app closes its connections
  The app keeps its connections to the users service open between calls, and closes them all
  when it is done (the test run's hooks do so after the last scenario); a later call opens new
  ones. The mock only: the live API does not say which connections it has open.

  Scenario: closing the app's connections leaves none open at the service
    Given the app has a connection open to the users service
    When the app closes its connections
    Then the users service has no connection from the app left open

  Scenario: the app closes its connections even while an answer it got is still kept
    Given the app has a connection open to the users service, and the answer it got is still kept
    When the app closes its connections
    Then the users service has no connection from the app left open

  Scenario: the app calls again after closing its connections
    Given the app has closed its connections
    When I look up user 3
    Then I get the user "Clementine Bauch" with username "Samantha"
