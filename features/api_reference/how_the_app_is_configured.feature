@api_reference
Feature: How the app is configured
  Whoever runs the app points it at a users service and sets its patience and its limits in the
  environment (the JSONPLACEHOLDER_* variables). A value it cannot use stops it at once, naming the
  variable, what it must be, and what it was given.

  # These read the app's settings alone: no request goes to the API, live or mock.

  Scenario: the settings the app starts with
    Given the environment sets none of the app's settings
    When the app reads its settings
    Then the app's settings are:
      | setting                           | value                                |
      | users service                     | https://jsonplaceholder.typicode.com |
      | time to connect                   | 3.05 s                               |
      | time to wait for an answer        | 10 s                                 |
      | time for a whole call             | 30 s                                 |
      | retries of a read                 | 2                                    |
      | first pause before asking again   | 0.5 s                                |
      | longest pause before asking again | 5 s                                  |
      | largest answer                    | 16777216 bytes                       |

  Scenario: a variable set to nothing is as good as not set
    Given the environment sets every one of the app's settings to ""
    When the app reads its settings
    Then the app's settings are the ones it starts with

  Scenario Outline: a setting from its variable
    Given the environment sets <variable> to "<text>"
    When the app reads its settings
    Then the app's <setting> is <value>

    Examples:
      | variable                        | text                   | setting                           | value                  |
      | JSONPLACEHOLDER_URL             | http://users.example:8 | users service                     | http://users.example:8 |
      | JSONPLACEHOLDER_CONNECT_TIMEOUT | 0.25                   | time to connect                   | 0.25 s                 |
      | JSONPLACEHOLDER_READ_TIMEOUT    | 7                      | time to wait for an answer        | 7 s                    |
      | JSONPLACEHOLDER_TOTAL_TIMEOUT   | 12.5                   | time for a whole call             | 12.5 s                 |
      | JSONPLACEHOLDER_RETRIES         | 4                      | retries of a read                 | 4                      |
      | JSONPLACEHOLDER_RETRY_BACKOFF   | 0.75                   | first pause before asking again   | 0.75 s                 |
      | JSONPLACEHOLDER_RETRY_MAX_WAIT  | 2.5                    | longest pause before asking again | 2.5 s                  |
      | JSONPLACEHOLDER_MAX_BODY_BYTES  | 1000                   | largest answer                    | 1000 bytes             |

    Examples: the least each setting may be
      | variable                       | text | setting                           | value   |
      | JSONPLACEHOLDER_RETRIES        | 0    | retries of a read                 | 0       |
      | JSONPLACEHOLDER_RETRY_BACKOFF  | 0    | first pause before asking again   | 0 s     |
      | JSONPLACEHOLDER_RETRY_MAX_WAIT | 0    | longest pause before asking again | 0 s     |
      | JSONPLACEHOLDER_MAX_BODY_BYTES | 1    | largest answer                    | 1 byte  |
      | JSONPLACEHOLDER_READ_TIMEOUT   | 0.01 | time to wait for an answer        | 10 ms   |

  Scenario Outline: a value the app cannot use
    Given the environment sets <variable> to "<text>"
    When the app reads its settings
    Then the app refuses <variable>: it must be <rule>

    Examples: not a number
      | variable                       | text | rule                     |
      | JSONPLACEHOLDER_READ_TIMEOUT   | soon | a number of seconds      |
      | JSONPLACEHOLDER_RETRIES        | two  | a whole number from 0 up |
      | JSONPLACEHOLDER_RETRIES        | 1.5  | a whole number from 0 up |
      | JSONPLACEHOLDER_RETRIES        | -1   | a whole number from 0 up |
      | JSONPLACEHOLDER_RETRIES        | ３    | a whole number from 0 up |
      | JSONPLACEHOLDER_MAX_BODY_BYTES | lots | a whole number from 1 up |

    Examples: out of range
      | variable                        | text | rule                                 |
      | JSONPLACEHOLDER_CONNECT_TIMEOUT | 0    | a finite number, more than 0 seconds |
      | JSONPLACEHOLDER_READ_TIMEOUT    | -0.5 | a finite number, more than 0 seconds |
      | JSONPLACEHOLDER_TOTAL_TIMEOUT   | inf  | a finite number, more than 0 seconds |
      | JSONPLACEHOLDER_TOTAL_TIMEOUT   | nan  | a finite number, more than 0 seconds |
      | JSONPLACEHOLDER_RETRY_BACKOFF   | -0.5 | a finite number, 0 seconds or more   |
      | JSONPLACEHOLDER_RETRY_MAX_WAIT  | inf  | a finite number, 0 seconds or more   |
      | JSONPLACEHOLDER_MAX_BODY_BYTES  | 0    | a whole number from 1 up             |
