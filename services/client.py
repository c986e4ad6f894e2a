"""The users API client: one session, a (connect, read) timeout on every request, typed errors."""

import email.utils
import http.cookiejar
import ipaddress
import re
import time
import urllib.parse
from typing import NamedTuple

import json as _json_module

import requests

from . import errors, transport
from .config import settings as default_settings
from .redirects import follow, is_redirect
from .resilience import Deadline, pause_before_retry, read_body

_USER_FIELDS = ("id", "name", "username", "email")
# The client keeps no cookies, as Node's http and fetch keep none: a requests.Session would store every Set-Cookie
# and send it on every later call, to this API and any other the session talks to (a cookie policy of no domain).
_NO_COOKIES = http.cookiejar.DefaultCookiePolicy(allowed_domains=[])


class Answer(NamedTuple):
    """An answer exactly as it came: for documenting the HTTP contract itself (a tuple: it cannot be changed)."""

    status: int
    headers: dict
    text: str
    url: str

    def json(self):
        """The body decoded as JSON; NotJson if it is not."""
        return _decoded(lambda: _json_module.loads(self.text), {"url": self.url, "status": self.status})


class UsersClient:
    """Calls the users endpoint of a JSONPlaceholder deployment named by its settings."""

    def __init__(self, settings=None, session=None, sleep=time.sleep):
        self.settings = settings if settings is not None else default_settings
        self.sleep = sleep  # how the client pauses between tries (a scenario notes the pauses through it)
        self.session = transport.mount(session or requests.Session())  # every read ends by the call's deadline
        self.session.cookies.set_policy(_NO_COOKIES)
        self._trust_env = self.session.trust_env

    def close(self):
        """Close the pooled connections."""
        self.session.close()

    # -- reads ----------------------------------------------------------------------------------

    def get_users(self):
        """Every user, as a list of dicts."""
        return _list_of_objects(self._call("GET", "/users"))

    def get_user(self, user_id):
        """One user by id; UserNotFound if there is none."""
        return _one_user(self._call("GET", f"/users/{user_id}", not_found=user_id))

    def find_users(self, filters=None, **fields):
        """The users whose fields equal the given values (dotted paths such as address.city work)."""
        params = {**(filters or {}), **fields}
        return _list_of_objects(self._call("GET", "/users", params=params))

    def get_user_posts(self, user_id):
        """The posts a user wrote (an empty list for a user that does not exist, as the API answers)."""
        return _list_of_objects(self._call("GET", f"/users/{user_id}/posts"))

    def get_user_todos(self, user_id):
        """The todos of a user."""
        return _list_of_objects(self._call("GET", f"/users/{user_id}/todos"))

    def get_user_albums(self, user_id):
        """The albums of a user."""
        return _list_of_objects(self._call("GET", f"/users/{user_id}/albums"))

    # -- writes (the API fakes them: nothing is kept) -----------------------------------------------

    def create_user(self, user):
        """Create a user; returns what the API echoes back, with the id it assigned."""
        return _object(self._call("POST", "/users", json=user, expect=(201,)))

    def replace_user(self, user_id, user):
        """Replace a user as a whole (PUT)."""
        return _object(self._call("PUT", f"/users/{user_id}", json=user))

    def update_user(self, user_id, changes):
        """Change some fields of a user (PATCH)."""
        return _object(self._call("PATCH", f"/users/{user_id}", json=changes))

    def delete_user(self, user_id):
        """Delete a user; returns the API's (empty) answer."""
        return _object(self._call("DELETE", f"/users/{user_id}"))

    # -- the HTTP contract ----------------------------------------------------------------------

    def exchange(self, method, path, *, params=None, headers=None, data=None, json=None):
        """Any request, answered as it came (no status is an error, no redirect is followed; the transport's are)."""
        response = self._send(method, self._url(path), params=params, headers=headers, data=data, json=json)
        return Answer(response.status_code, dict(response.headers), response.text, response.url)

    # -- transport ------------------------------------------------------------------------------

    def _url(self, path):
        """The address of a path at the API."""
        return self.settings.base_url.rstrip("/") + path

    def _send(self, method, url, deadline=None, **options):
        """Send one request and read its answer within the deadline (the call's, or a fresh one); typed errors."""
        # The environment's proxies (HTTP_PROXY...) are for reaching other machines: a request to this one's
        # loopback (the mock) never goes through one. requests reads the environment only while trust_env is on.
        self.session.trust_env = self._trust_env and not on_loopback(self.settings.base_url)
        deadline = deadline or Deadline(self.settings.total_timeout)
        if deadline.passed():  # a redirect or a pause took the last of it: no attempt could end in time
            raise errors.ApiTimeout(f"{url} was not asked: the call's total timeout of {deadline.seconds:g} s passed",
                                    url=url)
        connect, read = timeout = deadline.timeout(self.settings)
        with transport.within(deadline):  # no socket read, head or body, waits past the deadline
            try:
                response = self.session.request(method, url, timeout=timeout, stream=True, allow_redirects=False,
                                                **options)
            except requests.RequestException as exc:
                raise transport.failure(exc, url, deadline, connect, read) from exc
            # A bare ValueError comes only from a redirect's Location, which requests parses even when it does not
            # follow it: every address of its own it prepares, and a bad one is InvalidURL, a RequestException.
            except ValueError as exc:
                raise errors.BadRedirect(f"{method} {url} was redirected to something that is not an address: {exc}",
                                         url=url) from exc
            try:
                return read_body(response, deadline, self.settings.max_body_bytes)
            finally:
                response.close()  # back to the pool if read whole, else the connection is closed

    def _call(self, method, path, *, params=None, json=None, expect=(200,), not_found=None):
        """One call: its JSON body or a typed error (a read asked again after 429/503, or redirected: redirects.py)."""
        deadline, retries_done, url, hops = Deadline(self.settings.total_timeout), 0, self._url(path), []
        while True:
            response = self._send(method, url, deadline, params=params, json=json)
            if is_redirect(response):  # within the API's origin, for a read, a few times; else a typed error
                url, params = follow(response, method, hops), None
                continue
            if response.status_code in expect:
                return _json_body(response)
            asked = retry_after_seconds(response.headers.get("Retry-After"))
            pause = pause_before_retry(self.settings, method, response.status_code, asked, retries_done, deadline)
            if pause is None:
                raise _status_error(response, not_found)
            self.sleep(pause)  # bounded by retry_max_wait and by the call's deadline
            retries_done += 1


def on_loopback(base_url):
    """Whether a base URL names this machine's loopback interface (127.0.0.0/8, ::1 or localhost)."""
    host = urllib.parse.urlsplit(base_url).hostname or ""
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def _status_error(response, not_found):
    """The typed error for a status the call did not expect."""
    url, status = response.url, response.status_code
    context = {"url": url, "status": status, "response": response}
    if status == 404 and not_found is not None:
        return errors.UserNotFound(not_found, url=url, response=response)
    if status == 405:
        allowed = [m.strip() for m in response.headers.get("Allow", "").split(",") if m.strip()]
        return errors.WriteRefused(f"{url} refused {response.request.method} (allowed: {', '.join(allowed)})",
                                   allowed=allowed, **context)
    if status == 429:
        retry_after = retry_after_seconds(response.headers.get("Retry-After"))
        return errors.RateLimited(f"{url} is rate limiting (429, retry after {retry_after} s)",
                                  retry_after=retry_after, **context)
    if status >= 500:
        return errors.ServerError(f"{url} failed with {status} {response.reason}", **context)
    return errors.UnexpectedResponse(f"{url} answered {status} {response.reason}", **context)


def retry_after_seconds(value):
    """Seconds to wait from a Retry-After header (delta-seconds, fractions accepted, or an HTTP date), or None."""
    if not value:
        return None
    if re.fullmatch(r"\d+(\.\d+)?", value.strip()):  # a fraction is not RFC 9110, but harmless to honour
        return float(value.strip())
    try:
        return max(0.0, email.utils.parsedate_to_datetime(value).timestamp() - time.time())
    except ValueError:  # not an HTTP date either (the value is a header's text, so never of another type)
        return None


def _json_body(response):
    """The decoded JSON body; NotJson when it is declared or written as something else."""
    context = {"url": response.url, "status": response.status_code, "response": response}
    content_type = response.headers.get("Content-Type", "")
    if not response.content:
        raise errors.EmptyBody(f"{response.url} answered {response.status_code} with an empty body", **context)
    if "json" not in content_type:
        raise errors.NotJson(f"{response.url} answered {content_type or 'no Content-Type'}, not JSON", **context)
    return _decoded(response.json, context)


def _decoded(decode, context):
    """What decode() reads as JSON; NotJson, naming the address, when it is not JSON or nested too deeply to read."""
    try:
        return decode()
    except ValueError as exc:
        raise errors.NotJson(f"{context['url']} answered a body that is not valid JSON: {exc}", **context) from exc
    except RecursionError as exc:  # the JSON decoder recurses once per level of nesting
        raise errors.NotJson(f"{context['url']} answered JSON nested too deeply to read", **context) from exc


def _list_of_objects(body):
    """The body if it is a list of JSON objects, else WrongShape."""
    if not isinstance(body, list) or not all(isinstance(item, dict) for item in body):
        raise errors.WrongShape(f"expected a list of objects, got {type(body).__name__}")
    return body


def _object(body):
    """The body if it is a JSON object, else WrongShape."""
    if not isinstance(body, dict):
        raise errors.WrongShape(f"expected an object, got {type(body).__name__}")
    return body


def _one_user(body):
    """The body if it is an object with the fields every user has, else WrongShape."""
    missing = [name for name in _USER_FIELDS if name not in _object(body)]
    if missing:
        raise errors.WrongShape(f"expected a user, got an object without {', '.join(missing)}")
    return body
