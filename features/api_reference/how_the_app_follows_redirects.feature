@api_reference @mock_only
Feature: How the app follows redirects
  An address of the users service may send the app to another. A read follows it within the
  service, a few times at most; a change is never sent again; and nothing is ever sent to
  another server. The live API never redirects its users addresses, so: the mock only.

  Scenario Outline: a read follows a redirect of any kind within the service
    Given the users service redirects user 3 to user 4 with "<redirect>"
    When I look up user 3
    Then I get the user "Patricia Lebsack" with username "Karianne"

    Examples:
      | redirect           |
      | moved permanently  |
      | found              |
      | see other          |
      | temporary redirect |
      | permanent redirect |

  Scenario: a choice of addresses is not followed
    Given the users service redirects user 3 to user 4 with "multiple choices"
    When I look up user 3
    Then I am told the API answered 300, a status the app does not expect

  Scenario: a redirect that does not say where is not followed
    Given the users service answers user 3 with "moved permanently" but says not where to
    When I look up user 3
    Then I am told the API answered 301, a status the app does not expect

  Scenario Outline: a redirect to something that is not an address
    Given the users service redirects user 3 to <place> with "found"
    When I look up user 3
    Then I am told the users service sent the app to something that is not an address

    Examples:
      | place                                 |
      | an address whose port is not a number |
      | an address with no server             |
      | an address with a broken IPv6 server  |

  Scenario Outline: another port or another scheme is another server
    Given the users service redirects user 3 to <place> with "temporary redirect"
    When I look up user 3
    Then I am told the users service sent the app to another server, naming the app's own

    Examples:
      | place                            |
      | the same address on another port |
      | the same address over https      |

  Scenario: a redirect back to the address asked is a loop
    Given the users service redirects user 3 to itself with "found"
    When I look up user 3
    Then I am told the redirects went round in a loop, naming the addresses

  Scenario: a loop further along the way
    Given the users service redirects user 3 to user 4 with "found"
    And the users service redirects user 4 to itself with "found"
    When I look up user 3
    Then I am told the redirects went round in a loop, naming the addresses

  Scenario: five redirects are followed
    Given the users service redirects the app 5 times before answering user 3
    When I look up user 3
    Then I get the user "Clementine Bauch" with username "Samantha"

  Scenario: a sixth redirect is one too many
    Given the users service redirects the app 6 times before answering user 3
    When I look up user 3
    Then I am told the app was redirected too many times, naming the addresses

  Scenario: a change redirected within the service is not sent again
    Given the users service redirects every change of user 3 within the service
    When I change the name of user 3 to "Clementine Smith"
    Then I am told a change is never sent again on a redirect
