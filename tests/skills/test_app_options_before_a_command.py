"""The app's options typed before a command (`aspire --library L skills list`) are that command's own where it
has them, and refused in one line where it has none: never silently dropped."""

from __future__ import annotations

import json

from click.testing import CliRunner

from aspire_tui.cli import cli


def test_a_library_before_the_command_is_the_one_it_uses(lib, tmp_path):
    out = CliRunner().invoke(cli, ["--library", str(lib.root), "skills", "list", "--json"], catch_exceptions=False)
    assert out.exit_code == 0, out.output
    assert "place_in" in {s["name"] for s in json.loads(out.output)["skills"]}
    elsewhere = tmp_path / "never-made"
    out = CliRunner().invoke(cli, ["--library", str(elsewhere), "skills", "--library", str(lib.root), "list",
                                   "--json"], catch_exceptions=False)
    assert out.exit_code == 0 and not elsewhere.exists()  # typed after the command, it wins


def test_an_option_the_command_does_not_have_is_refused_in_one_line():
    for args, flag in ((["--resume", "tasks"], "--resume"), (["-m", "offline", "tasks"], "--model")):
        out = CliRunner().invoke(cli, args)
        assert out.exit_code == 2
        line = out.output.strip().splitlines()[-1]
        assert line.startswith(f"Error: {flag} is an option of the app") and "aspire tasks --help" in line
