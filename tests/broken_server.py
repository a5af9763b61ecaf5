"""A server that breaks its contract in one chosen way: the contract test must notice."""

from __future__ import annotations

import json
from contextlib import AbstractContextManager
from typing import Any

from werkzeug.wrappers import Request, Response

from doc2openapi.contract.mock import MockAPI
from doc2openapi.contract.serving import serving

DEFECTS = ("drop-required-field", "string-for-integer", "server-error", "wrong-content-type")


class BrokenAPI:
    """The mock of a spec, with one defect applied to every successful answer."""

    def __init__(self, spec: dict[str, Any], defect: str) -> None:
        assert defect in DEFECTS
        self._mock = MockAPI(spec)
        self._defect = defect

    def __call__(self, environ: dict[str, Any], start_response: Any) -> Any:
        response = self._mock.handle(Request(environ))
        if response.status_code < 300 and response.mimetype == "application/json":
            response = self._break(response)
        return response(environ, start_response)

    def _break(self, response: Response) -> Response:
        body = json.loads(response.get_data())
        if self._defect == "server-error":
            return Response('{"error_msg": "boom"}', 500, content_type="application/json")
        if self._defect == "wrong-content-type":
            return Response(response.get_data(), response.status_code, content_type="text/html")
        key = "count" if "count" in body else "size"
        if self._defect == "drop-required-field":
            del body[key]
        else:
            body[key] = str(body[key])
        return Response(json.dumps(body), response.status_code, content_type="application/json")


def broken_server(spec: dict[str, Any], defect: str) -> AbstractContextManager[str]:
    return serving(BrokenAPI(spec, defect))
