"""Held-out evaluation of the agent loop: cases, one case, a suite, under three conditions.

The code is in ``suite.py`` (what a case is, what its success means, the suites and the conditions); this
package names what the rest of aspire imports from it.
"""

from aspire_tui.evaluation.suite import (CONDITIONS, HARD, HELD_OUT, PHASES, SUITES, Case, CaseResult,
                                         ErrorOnlyCoder, ErrorOnlyTrace, EvaluationError, SuiteResult, case_goal,
                                         held_out_cases, open_library, paraphrases, run_case, run_suite,
                                         understood_as)

__all__ = ["CONDITIONS", "HARD", "HELD_OUT", "PHASES", "SUITES", "Case", "CaseResult", "ErrorOnlyCoder",
           "ErrorOnlyTrace", "EvaluationError", "SuiteResult", "case_goal", "held_out_cases", "open_library",
           "paraphrases", "run_case", "run_suite", "understood_as"]
