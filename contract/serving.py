"""Serving a WSGI app (the mock, or a test's own) on a threaded HTTP server that logs no
query strings or headers."""

from __future__ import annotations

import logging
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from werkzeug.serving import BaseWSGIServer, WSGIRequestHandler, make_server

log = logging.getLogger("doc2openapi.mock")


class _QuietHandler(WSGIRequestHandler):
    """Logs method, path and status only: query strings and headers may carry secrets."""

    def log_request(self, code: int | str = "-", size: int | str = "-") -> None:
        path = self.path.split("?", 1)[0]
        log.info("%s %s %s", self.command, path, code)

    def log(self, type: str, message: str, *args: Any) -> None:
        log.debug(message, *args)


def threaded_server(app: Any, host: str, port: int) -> BaseWSGIServer:
    """A server answering each request in its own thread; port 0 picks a free port."""
    return make_server(host, port, app, threaded=True, request_handler=_QuietHandler)


@contextmanager
def serving(app: Any, host: str = "127.0.0.1", port: int = 0) -> Iterator[str]:
    """Serve a WSGI `app` in a background thread for the `with` block; yields its base URL."""
    httpd = threaded_server(app, host, port)
    thread = threading.Thread(target=httpd.serve_forever, name="doc2openapi-serving", daemon=True)
    thread.start()
    try:
        yield f"http://{host}:{httpd.server_port}"
    finally:
        httpd.shutdown()
        httpd.server_close()
        thread.join()
