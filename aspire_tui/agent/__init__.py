"""The agent's loop: retrieve, write, check, run, diagnose, repair, validate, distill.

    from aspire_tui.agent.loop import run_task
    from aspire_tui.agent.coder import coder_for
"""
