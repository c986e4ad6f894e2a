@api_reference
Feature: Caching and CORS for browser clients
  Web apps call the API from other origins and cache what they read. Every answer
  carries a fingerprint (a weak ETag); asking again with it gets "not modified".
  Any origin may read answers, with credentials. Large answers come compressed.

  Scenario Outline: answers are byte for byte the live API's: <address>
    A fingerprint is the answer's length in hexadecimal and a hash of its bytes, so here its exact
    text is the point: each one below is the live API's own, and the same fingerprint means the same bytes.

    When I ask the API for "<address>"
    Then the answer carries the fingerprint <fingerprint>

    Examples:
      | address              | fingerprint                          |
      | /users               | W/"160d-1eMSsxeJRfnVLRBmYJSbCiJZ1qQ" |
      | /users/1             | W/"1fd-+2Y3G3w049iSZtw5t1mzSnunngE"  |
      | /users?username=Bret | W/"22f-l/Eoj4zYmvire0cm5iBTWDS+4F8"  |
      | /users/11            | W/"2-vyGp6PvFo4RvsFtPoIWeCReyIC8"    |
      | /users?username=bret | W/"2-l9Fw4VUO7kr8CvBlt4zaMCqXZ0w"    |

  Scenario: asking again with the fingerprint
    When I ask the API for "/users/1"
    And I ask again for "/users/1" with the fingerprint I was given
    Then I am told it has not changed

  Scenario: a POST that stands for a GET is told it has not changed too
    When I ask the API for "/users/1"
    And I ask again for "/users/1" through a POST that says it is a GET, with the fingerprint I was given
    Then I am told it has not changed

  Scenario: asking with a stale fingerprint
    When I ask for "/users/1" with the fingerprint W/"1fd-stale"
    Then I get the full answer again

  Scenario: answers are JSON that browsers must not second-guess
    When I ask the API for "/users/1"
    Then the answer is JSON in UTF-8, not to be sniffed as anything else

  Scenario: caches keep one copy per origin and compression
    When I ask the API for "/users/1"
    Then caches are told the answer varies with "Origin, Accept-Encoding"

  Scenario: answers are not to be reused without asking
    When I ask the API for "/users/1"
    Then the answer must not be reused without asking again

  Scenario: a cookie a browser sends changes nothing
    When a browser with the cookie "session=abc123" asks the API for "/users/1"
    Then I get the same answer as for "/users/1"

  Scenario: a page from another origin may read answers
    When a page from "http://example.com" asks the API for "/users/1"
    Then the page may read the answer, credentials included

  Scenario: no origin, no CORS grant
    When I ask the API for "/users/1"
    Then the answer names no origin that may read it

  Scenario: a page may send writes with its own headers
    When a page from "http://example.com" asks whether it may send a POST with a "content-type" header to "/users"
    Then the page may send it

  Scenario: which methods an address allows
    When a client asks which methods "/users" allows
    Then the client is told the methods "GET,HEAD,PUT,PATCH,POST,DELETE" and nothing else

  Scenario Outline: an answer of 1 KB or more comes compressed, when compression is asked for: <address>, <asking>
    When I ask the API for "<address>" <asking> compressed answers
    Then the answer comes <how>

    Examples:
      | address  | asking    | how                  |
      | /users   | accepting | compressed with gzip |
      | /users/1 | accepting | uncompressed         |
      | /users   | refusing  | uncompressed         |

  @mock_only
  Scenario Outline: how a large answer comes when the client accepts "<accepted>"
    # On the live API, Cloudflare negotiates compression with the browser itself.
    When I ask the API for "/users" with "<accepted>" accepted
    Then the answer comes <how>

    Examples:
      | accepted          | how                     |
      | gzip, deflate, br | compressed with gzip    |
      | deflate, gzip     | compressed with gzip    |
      | deflate           | compressed with deflate |
      | *                 | compressed with gzip    |
      | gzip;q=-1         | uncompressed            |
      | gzip;q=abc        | uncompressed            |
      | identity;q=0      | uncompressed            |

  Scenario Outline: only the headers, with the size of the answer they stand for: <address>
    When I ask only for the headers of "<address>"
    Then I am told the answer would be <size> bytes, and get no body

    Examples:
      | address   | size |
      | /users    | 5645 |
      | /users/11 | 2    |

  Scenario Outline: a script for pages that load data with a script tag (JSONP): <address>
    When I ask the API for "<address>"
    Then the answer is a script that hands user 1 to "showUser"

    Examples:
      | address                                      |
      | /users/1?callback=showUser                   |
      | /users/1?callback%5B%5D=showUser             |
      | /users/1?callback[]=showUser&callback[]=none |
