@mock_only @robustness
Feature: The mock stands up to bad clients
  Tools, load tests and broken clients get pointed at the mock. Whatever they send, it gives the
  live API's answer or closes the connection, and it keeps serving everyone else meanwhile.

  Scenario Outline: a malformed request gets the answer the live API gives
    When a client sends <a malformed request>
    Then it is <answered>
    And the answer shows no Python traceback
    And the mock still serves other clients

    Examples: refused by the HTTP parser, before the API sees them
      | a malformed request                 | answered                     |
      | a request line with no version      | turned away as a bad request |
      | a line of garbage                   | turned away as a bad request |
      | an unknown method                   | turned away as a bad request |
      | an HTTP version that does not exist | turned away as a bad request |
      | raw non-ASCII bytes in the address  | turned away as a bad request |
      | a request without a Host header     | turned away as a bad request |
      | a header line without a colon       | turned away as a bad request |
      | a header name with a space in it    | turned away as a bad request |
      | a body length that is not a number  | turned away as a bad request |
      | both a body length and chunks       | turned away as a bad request |
      | a chunk size that is not a number   | turned away as a bad request |
      | headers over 16 KB                  | told its request is too large |
      | an address over 16 KB               | told its request is too large |

    Examples: answered by the API with its own error
      | a malformed request                    | answered                                           |
      | bad percent-encoding in the address    | told the API failed with a URIError                |
      | a user in invalid JSON                 | told the API failed with a SyntaxError             |
      | a user in JSON announced as over 10 MB | told the API failed with a PayloadTooLargeError    |

  Scenario: a client that sends half a request and goes silent is dropped
    Given the mock drops a silent client after 0.2 seconds
    When a client sends half a request and goes silent
    Then the mock closes that connection

  Scenario: a client that trickles its request in is dropped at the deadline
    Given the mock gives a request at most 0.5 seconds to arrive
    When a client trickles in a request one byte every 0.1 seconds
    Then the mock closes the connection before the request is complete

  Scenario: silent clients do not hold up anyone else
    Given 20 clients have sent half a request and gone silent
    When I look up user 3
    Then I get the user "Clementine Bauch" with username "Samantha"

  Scenario: clients that hang up during json-server's delay free their threads at once
    When 200 clients ask for every user, delayed by 2147483647 ms, and hang up before the answer
    Then within 1 second the mock has no thread left for them
    And the mock still serves other clients

  Scenario: clients that hang up while the service is slow free their threads at once
    Given the users service takes 3600 seconds to answer
    When 200 clients ask for every user and hang up before the answer
    Then within 1 second the mock has no thread left for them

  Scenario: a crowd of clients at once all get the right answers
    When 32 clients each ask for user 1 and for every user 20 times at once
    Then every one of the 1280 answers is right

  Scenario: a silent client cannot keep the mock from stopping
    Given a mock of my own
    And a client has sent half a request to it and gone silent
    When I stop my mock
    Then it stopped without waiting out a timeout
    And the silent client finds its connection closed
    And none of its threads is still running
    And a new mock can listen on its port at once
