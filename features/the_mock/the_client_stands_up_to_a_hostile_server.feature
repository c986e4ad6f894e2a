# Mock only: the live API cannot be made hostile on demand, and these answers would be an attack if it could.
@mock_only @robustness
Feature: The client stands up to a hostile server
  An app must never freeze, run out of memory or be fooled because a server answered badly,
  by accident or on purpose: whatever comes back, it is told in words what happened, within
  its patience and its memory, and nothing it sends goes anywhere it did not mean.

  Scenario: an answer that never ends is cut off at the app's limit
    Given the users service sends an answer that never ends
    And the app takes answers of at most 100000 bytes
    When I list all users
    Then I am told the answer was too large

  Scenario: an answer that unpacks to a gigabyte is cut off at the app's limit
    Given the users service sends an answer that unpacks to a gigabyte
    And the app takes answers of at most 100000 bytes
    When I list all users
    Then I am told the answer was too large
    And I was told in under 1 second

  Scenario: a broken gzip stream is named as such
    Given the users service sends answers packed with a broken gzip stream
    When I list all users
    Then I am told the answer could not be unpacked

  Scenario: JSON nested deeper than anyone writes it
    Given the users service sends JSON nested a hundred thousand levels deep
    When I list all users
    Then I am told the answer was nested too deeply to read

  Scenario: an answer with no status line
    Given the users service answers as HTTP/0.9 did, with no status or headers
    When I look up user 3
    Then I am told the answer was not HTTP

  Scenario: an answer with more headers than the app reads
    Given the users service sends more headers than the app reads
    When I look up user 3
    Then I am told the answer had more headers than the app reads

  Scenario: a head that trickles in a byte at a time is given up on in time
    Given the users service sends the head of each answer a byte at a time
    And the app waits at most 0.2 seconds for a whole answer
    When I look up user 3
    Then I am told the users service is too slow
    And I was told in under 1 second

  Scenario: an answer promised for ever and never sent is given up on in time
    Given the users service keeps saying it will answer but never does
    And the app waits at most 0.2 seconds for a whole answer
    When I look up user 3
    Then I am told the users service is too slow
    And I was told in under 1 second

  Scenario: slow redirects are given up on in time
    Given the users service sends the app from one of its addresses to the next, slowly
    And the app waits at most 0.2 seconds for a whole answer
    When I list all users
    Then I am told the users service is too slow
    And I was told in under 1 second

  Scenario: a read is never followed to another server
    Given the users service sends the app to another server
    When I look up user 3
    Then I am told the users service sent the app to another server
    And nothing reached the other server

  Scenario: a new user is never sent to another server
    Given the users service sends the app to another server
    When I create a user named "Jane Doe" with username "jdoe" and email "jane@example.com"
    Then I am told the users service sent the app to another server
    And the app sent the new user exactly once
    And nothing reached the other server

  Scenario: a new user is never sent again on a redirect, even within the service
    Given the users service sends the app from one of its addresses to the next, on and on
    When I create a user named "Jane Doe" with username "jdoe" and email "jane@example.com"
    Then I am told a change is never sent again on a redirect
    And the app sent the new user exactly once

  Scenario: a read redirected within the service is followed
    Given the users service has moved user 3 to another of its addresses
    When I look up user 3
    Then I get the user "Clementine Bauch" with username "Samantha"
    And the app asked for user 3 exactly twice

  Scenario: redirects that go round in a loop
    Given the users service sends the app round in a loop
    When I look up user 3
    Then I am told the redirects went round in a loop, naming the addresses

  Scenario: redirects that never end
    Given the users service sends the app from one of its addresses to the next, on and on
    When I look up user 3
    Then I am told the app was redirected too many times, naming the addresses

  Scenario: an answer whose length is negative is not read to the end of the connection
    Given the users service gives its answers a negative length
    When I list all users
    Then I am told the answer's length was not a number of bytes

  Scenario: an answer with two different lengths
    Given the users service gives its answers two different lengths
    When I list all users
    Then I am told the answer gave two different lengths

  Scenario: an answer with a length that comes in chunks as well
    Given the users service gives its answers a length and sends them in chunks too
    When I list all users
    Then I am told the answer gave both a length and chunks

  Scenario: a chunk longer than its size says
    Given the users service sends chunks longer than their sizes say
    When I list all users
    Then I am told a chunk of the answer was longer than its size said

  Scenario: a new user the service stops reading is given up on as too slow
    Given the users service stops reading what the app sends
    And the app waits at most 0.5 seconds for a whole answer
    When I create a user whose profile runs to 8 MB
    Then I am told the users service is too slow
    And I am told the users service had not taken all the app sent when its time ran out
    And I was told in under 2 seconds
