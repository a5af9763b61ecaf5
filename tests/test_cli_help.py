"""Issue 21: help pages show every option's help and default, examples and the exit codes;
third-party advertising does not reach our output."""

from __future__ import annotations

import argparse

import pytest

from doc2openapi.cli import main, without_banners
from doc2openapi.cli_parser import build_parser

COMMANDS = ["scrape", "generate", "validate", "report", "mock", "contract"]


def _subcommands() -> dict[str, argparse.ArgumentParser]:
    parser = build_parser()
    (sub,) = [a for a in parser._actions if isinstance(a, argparse._SubParsersAction)]
    return dict(sub.choices)


def test_every_command_is_covered() -> None:
    assert sorted(_subcommands()) == sorted(COMMANDS)


@pytest.mark.parametrize("command", COMMANDS)
def test_help_has_examples_exit_codes_and_every_default(
    command: str, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as done:
        main([command, "--help"])
    assert done.value.code == 0
    out = capsys.readouterr().out
    text = " ".join(out.split())  # argparse wraps lines, at spaces and after hyphens
    bare = "".join(out.split())
    assert "examples: doc2openapi " + command in text
    assert "exit codes: 0 done 1 findings: --strict diagnostics" in text
    assert "2 usage or I/O error (one line naming the file and the reason)" in text
    for action in _subcommands()[command]._actions:
        if action.dest == "help":
            continue
        assert action.help, f"{command} {action.option_strings or action.dest}: no help"
        if action.option_strings and action.default not in (None, False, []):
            shown = "".join(f"(default: {action.default})".split())
            assert shown in bare, (command, action.dest)


def test_top_level_help_names_the_exit_codes(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["--help"])
    assert "exit codes:" in capsys.readouterr().out


def test_schemathesis_invitation_is_filtered_and_the_rest_kept() -> None:
    output = (
        "FAILURES\nGET /widgets: response violates schema\n\n"
        "Need more help?\n    Join our Discord server: https://discord.gg/abc\n\n"
        "1 failed\n"
    )
    cleaned = without_banners(output)
    assert "Discord" not in cleaned and "Need more help" not in cleaned
    assert cleaned.splitlines() == [
        "FAILURES",
        "GET /widgets: response violates schema",
        "",
        "1 failed",
    ]
