"""Evolutionary search over robot programs (DESIGN.md, "The loop"; issue 7).

A population of program variants per task is scored on fixed development
debug seeds by the trusted simulation workers, bred from the fittest and
their failure traces through the coder's ``propose``, and the winner (chosen
on separate selection seeds) is distilled into the library. The evaluation
runs on local worker processes (`local.LocalBackend`) or on Ray
(`ray_backend.RayBackend`); both call the same `evaluate.run_episode`.
"""
