"""Talking to a SPARQL 1.1 server over HTTP: queries, updates, Graph Store PUTs.

One session per server, credentials from ``KG_SPARQL_USER``/``KG_SPARQL_PASSWORD`` or the
``~/.netrc`` entry of the host (``NETRC`` names another file), sent as Basic auth, or as Digest
when the server asks for it (Virtuoso's ``-auth`` endpoints do). Credentials never appear in a
message: URLs are shown without their user part. A 5xx answer, a refused connection or a timeout
is retried with exponential backoff; a 4xx is the caller's mistake and fails at once, as one line
with the server's own first line of explanation.
"""

from __future__ import annotations

import os
import re
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from urllib.parse import urlsplit, urlunsplit

import requests

from kg.errors import RemoteError
from kg.graph.queries import TRIPLE_COLUMNS, Result

ATTEMPTS = 6
FIRST_WAIT = 0.5  # seconds before the first retry; doubled each time (0.5 + 1 + ... + 8 = 15.5 s)
TIMEOUT = (10, 300)  # connect, read
RESULTS_JSON = "application/sparql-results+json"


def shown(url: str) -> str:
    """``url`` without any user:password part, for messages."""
    parts = urlsplit(url)
    host = parts.hostname or ""
    netloc = f"{host}:{parts.port}" if parts.port else host
    return urlunsplit((parts.scheme, netloc, parts.path, "", ""))


def credentials(url: str) -> tuple[str, str] | None:
    """(user, password) for ``url``: the environment first, then the netrc file."""
    user = os.environ.get("KG_SPARQL_USER")
    if user:
        return user, os.environ.get("KG_SPARQL_PASSWORD", "")
    return requests.utils.get_netrc_auth(url)


@dataclass
class Server:
    """A session with retries and auth; ``sleep`` is the backoff's clock."""

    url: str
    sleep: Callable[[float], None] = time.sleep
    session: requests.Session = field(default_factory=requests.Session)

    def __post_init__(self) -> None:
        self.session.trust_env = False  # kg reads netrc itself (requests would only do Basic)
        self.login = credentials(self.url)
        self.session.auth = self.login

    def request(self, method: str, url: str, what: str, **kwargs: object) -> requests.Response:
        """The response to a 2xx; retries 5xx and network errors, raises RemoteError otherwise."""
        wait, problem = FIRST_WAIT, ""
        for attempt in range(ATTEMPTS):
            if attempt:
                self.sleep(wait)
                wait *= 2
            try:
                response = self.session.request(method, url, timeout=TIMEOUT, **kwargs)
            except (requests.ConnectionError, requests.Timeout) as err:
                problem = _network_problem(err)
                continue
            if response.status_code == 401 and self._switch_to_digest(response):
                response = self.session.request(method, url, timeout=TIMEOUT, **kwargs)
            if response.status_code < 400:
                return response
            problem = f"{response.status_code} {response.reason}: {_first_line(response.text)}"
            if response.status_code < 500:
                raise RemoteError(f"{what} refused: {problem}", path=shown(url))
        raise RemoteError(f"{what} failed {ATTEMPTS} times, last: {problem}", path=shown(url))

    def _switch_to_digest(self, response: requests.Response) -> bool:
        challenge = response.headers.get("WWW-Authenticate", "").lower()
        if self.login is None or not challenge.startswith("digest") or \
                isinstance(self.session.auth, requests.auth.HTTPDigestAuth):
            return False
        self.session.auth = requests.auth.HTTPDigestAuth(*self.login)
        return True

    def select(self, url: str, query: str) -> dict:
        """A SELECT or ASK query's SPARQL JSON results."""
        response = self.request("POST", url, "query", data={"query": query},
                                headers={"Accept": RESULTS_JSON})
        return _results_json(response, url)


def _results_json(response: requests.Response, url: str) -> dict:
    try:
        return response.json()
    except ValueError:
        raise RemoteError(f"the answer is not SPARQL JSON results "
                          f"({response.headers.get('Content-Type', 'no type')})", path=shown(url)) from None


def _first_line(text: str) -> str:
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    return lines[0][:200] if lines else "(no explanation)"


def _network_problem(err: Exception) -> str:
    if isinstance(err, requests.Timeout):
        return "no answer in time"
    found = re.search(r"\[Errno -?\d+\] ([^'\")]+)", str(err))
    return found[1] if found else type(err).__name__


def run_remote(url: str, query: str, limit: int | None = None) -> Result:
    """Rows of ``query`` on a remote SPARQL endpoint, as kg.graph.queries formats them.

    Graph results (CONSTRUCT, DESCRIBE) come back as Turtle, sorted as run_rdflib sorts them.
    """
    from rdflib import Graph
    from rdflib.plugins.sparql.results.jsonresults import JSONResult

    server = Server(url)
    response = server.request("POST", url, "query", data={"query": query},
                              headers={"Accept": f"{RESULTS_JSON}, text/turtle;q=0.9"})
    kind = response.headers.get("Content-Type", "").split(";")[0].strip()
    if kind in ("text/turtle", "application/n-triples", "text/plain"):
        graph = Graph().parse(data=response.text, format="turtle")
        return Result(TRIPLE_COLUMNS, [list(t) for t in sorted(graph)][:limit])
    data = _results_json(response, url)
    if "boolean" in data:
        return Result([], [], ask=bool(data["boolean"]))
    parsed = JSONResult(data)  # rdflib terms, typed; the JSON parsed once
    return Result([str(v) for v in parsed.vars],
                  [[row.get(v) for v in parsed.vars] for row in parsed.bindings[:limit]])
