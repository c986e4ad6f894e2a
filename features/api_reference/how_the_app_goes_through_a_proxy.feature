@api_reference @mock_only
Feature: How the app goes through a proxy
  On many networks the way out is a proxy named in the environment (HTTP_PROXY and the like).
  The app goes through it to reach a users service elsewhere, and never to reach one on this
  machine. The mock plays the service here, and the proxy too.

  Scenario: a service on this machine is reached directly, whatever the environment's proxy
    Given the environment names a proxy that does not answer
    When I look up user 3
    Then I get the user "Clementine Bauch" with username "Samantha"

  Scenario: a service on this machine named "localhost" is reached directly
    Given the environment names a proxy that does not answer
    And the app is pointed at the users service by the name "localhost"
    When I look up user 3
    Then I get the user "Clementine Bauch" with username "Samantha"

  Scenario Outline: a service elsewhere is reached through the environment's proxy
    Given the app reaches the users service as "<address>", a name only the environment's proxy knows
    When I look up user 3
    Then I get the user "Clementine Bauch" with username "Samantha"

    Examples:
      | address                   |
      | http://users.invalid      |
      | http://api.users.invalid  |
      | http://localhost.invalid  |

  Scenario: an answer through the proxy is cut off when the whole call's time runs out
    Given the app reaches the users service by a name only the environment's proxy knows
    And the users service sends the beginning of each answer's head, then nothing
    And the app waits at most 10 ms for a whole answer
    When I look up user 3
    Then I am told the users service had not answered when the whole call's 10 ms ran out

  Scenario: a redirect naming the standard port stays on the same server
    Given the app reaches the users service by a name only the environment's proxy knows
    And the users service redirects user 3 to user 4, naming the standard port, with "moved permanently"
    When I look up user 3
    Then I get the user "Patricia Lebsack" with username "Karianne"

  Scenario: a redirect to another port of the same name is another server
    Given the app reaches the users service by a name only the environment's proxy knows
    And the users service redirects user 3 to its own server on another port with "temporary redirect"
    When I look up user 3
    Then I am told the users service sent the app to another server, naming the app's own

  Scenario: a redirect from "localhost" to 127.0.0.1 is another server
    Given the app is pointed at the users service by the name "localhost"
    And the users service sends the app to another server
    When I look up user 3
    Then I am told the users service sent the app to another server
