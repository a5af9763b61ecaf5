"""A curl command in an example block, read as the request it sends."""

from __future__ import annotations

import pytest

from doc2openapi.scraper.interpret.curl_examples import as_http


@pytest.mark.parametrize(
    ("command", "expected"),
    [
        ("curl https://h/v1/jobs?limit=10", "GET https://h/v1/jobs?limit=10"),
        ("curl -X DELETE -H 'X-Auth-Token: t' https://h/v1/jobs/1", "DELETE https://h/v1/jobs/1"),
        (
            "curl 'https://h/v1/jobs' \\\n  --data-raw '{\"a\": 1}'",
            'POST https://h/v1/jobs\n\n{"a": 1}',
        ),
        ("curl --request PUT https://h/v1/x -d '[1]'", "PUT https://h/v1/x\n\n[1]"),
        ("GET https://h/v1/jobs", None),  # no curl command
        ('curl -d \'{"a": 1}', None),  # an unclosed quote: no command shlex can split
        ("curl -H 'Accept: */*'", None),  # no URL
    ],
)
def test_a_curl_command_becomes_its_request_line_and_body(
    command: str, expected: str | None
) -> None:
    assert as_http(command) == expected
