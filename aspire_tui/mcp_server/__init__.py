"""``aspire mcp``: aspire's actions for any MCP client (Claude Code, Codex, Cursor, ...), over stdio.

``actions.py`` holds what each tool does, as plain functions over the library
(the same calls the CLI makes); ``server.py`` serves them with the official
``mcp`` SDK. Programs from a client run only in the sandbox, as ``aspire exec``.
"""
