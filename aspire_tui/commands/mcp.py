"""``aspire mcp``: serve aspire's actions to an MCP client over stdio."""

from __future__ import annotations

import click


@click.command("mcp")
@click.option("--library", type=click.Path(file_okay=False), envvar="ASPIRE_LIBRARY",
              help="The skill library the tools use (default: $ASPIRE_HOME or the user data dir).")
def mcp(library: str | None) -> None:
    """Serve aspire over MCP on stdin/stdout: tasks, understand, skills, run a task, execute, replay.

    Add it to a client's MCP configuration as the command `aspire mcp`; it runs until the client
    closes the connection.
    """
    from aspire_tui.mcp_server.server import serve  # the mcp SDK is paid for only by this command

    serve(library)
