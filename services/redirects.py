"""What the client does with a redirect: a read follows it within the API's origin, a few times; all else is an error.

A redirect to another origin (scheme, host or port) is never followed: the client talks to the API it was given,
and nothing it sends (a user's data) goes anywhere else. A write is never sent again on a redirect, not even to
the same origin, as it is never sent again after a failure. A read (GET, HEAD) follows a redirect within the
origin up to MAX_REDIRECTS times, within the call's one deadline; an address seen before is a loop, named at once.
"""

import urllib.parse

from requests.exceptions import RequestException
from requests.models import PreparedRequest
from requests.utils import DEFAULT_PORTS

from . import errors

REDIRECT_STATUSES = (301, 302, 303, 307, 308)
MAX_REDIRECTS = 5  # a read follows this many redirects at most (requests' own default is 30)
FOLLOWED_METHODS = ("GET", "HEAD")


def is_redirect(response):
    """Whether the answer sends the client elsewhere: a redirect status with a Location."""
    return response.status_code in REDIRECT_STATUSES and "Location" in response.headers


def follow(response, method, hops):
    """The next address for a redirect a read may follow (noting the hop in hops), or the typed error saying why not."""
    here, status = response.url, response.status_code
    there = _absolute(here, response.headers["Location"])
    context = {"url": here, "status": status, "response": response, "location": there}
    if there is None:
        raise errors.BadRedirect(f"{method} {here} was redirected ({status}) to {response.headers['Location']!r}, "
                                 "which is not an address", **context)
    if origin(there) != origin(here):
        raise errors.RedirectElsewhere(f"{method} {here} was redirected ({status}) to another server, {there}: the "
                                       f"client follows redirects only within {_origin_text(here)}", **context)
    if method not in FOLLOWED_METHODS:
        raise errors.RedirectedWrite(f"{method} {here} was redirected ({status}) to {there}: the client never sends "
                                     "a change again", **context)
    way = [*hops, here, there]
    if there in way[:-1]:
        raise errors.RedirectLoop(f"the redirects go round in a loop: {' -> '.join(way)}", urls=way, **context)
    if len(hops) >= MAX_REDIRECTS:
        raise errors.RedirectLoop(f"redirected more than {MAX_REDIRECTS} times: {' -> '.join(way)}", urls=way, **context)
    hops.append(here)
    return there


def origin(url):
    """(scheme, host, port) of a URL, the port filled in for http and https."""
    parts = urllib.parse.urlsplit(url)
    scheme = parts.scheme.lower()
    return scheme, (parts.hostname or "").lower(), parts.port or DEFAULT_PORTS.get(scheme)  # requests' own: http 80, https 443


def _absolute(base, location):
    """The Location resolved against the address asked, as requests would send it; None if it is no valid URL."""
    try:
        prepared = PreparedRequest()
        prepared.prepare_url(urllib.parse.urljoin(base, location), None)
        origin(prepared.url)  # a port that is not a number raises ValueError here
        return prepared.url
    except (ValueError, RequestException):
        return None


def _origin_text(url):
    """scheme://host:port of a URL."""
    scheme, host, port = origin(url)
    return f"{scheme}://{host}:{port}"
