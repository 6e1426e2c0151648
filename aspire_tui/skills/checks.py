"""Checks a change must pass before it is committed: duplicate names, missing dependencies, cycles.

``Library`` holds one ``DependencyChecks``; it reads the dependency graph
from the index, so the index must be up to date (writers reindex first).
"""

from __future__ import annotations

import json
from pathlib import Path

from aspire_tui.skills.folder import LibraryFolder
from aspire_tui.skills.layout import LESSONS_DIR, SKILLS_DIR
from aspire_tui.skills.skillfile import Lesson, ParseProblem, ProgramSkill

Graph = tuple[dict[str, list[str]], set[str]]


class DependencyChecks:
    """A library's consistency checks, read from its folder's index and repo."""

    def __init__(self, folder: LibraryFolder) -> None:
        self.folder = folder

    def _graph(self, replace: dict[str, list[str] | None] | None = None) -> Graph:
        """(program name -> depends_on for programs that depend on something, all program names),
        from the index, with ``replace`` applied (None deletes)."""
        db = self.folder.index.db
        names = {r[0] for r in db.execute("select name from skills where kind = 'program'").fetchall()}
        graph = {r[0]: json.loads(r[1] or "[]") for r in db.execute(
            "select name, depends_on from skills where kind = 'program' and depends_on not in ('[]', '')")}
        for name, deps in (replace or {}).items():
            if deps is None:
                graph.pop(name, None)
                names.discard(name)
            else:
                graph[name] = deps
                names.add(name)
        return graph, names

    def graph_around(self, names: set[str]) -> tuple[Graph, set[str]]:
        """The part of the graph that problems involving ``names`` can touch, and the skills to report on.

        Returns ((edges of every program reachable from ``names`` or their dependents, the programs among
        them), ``names`` plus their dependents). A cycle through any of those lies in the reachable part,
        so ``dependency_problems(only=..., graph=...)`` says the same as on the whole graph while reading
        a handful of rows instead of every program's (10k skills: 12 of the 26 ms of a one-edit reindex).
        """
        db = self.folder.index.db
        only = set(names)
        if names:
            likes = " or ".join("depends_on like ?" for _ in names)  # '_' in a name may match more: checked below
            for name, deps in db.execute(
                    f"select name, depends_on from skills where kind = 'program' and ({likes})",
                    [f'%"{n}"%' for n in names]).fetchall():
                if set(json.loads(deps or "[]")) & names:
                    only.add(name)
        graph: dict[str, list[str]] = {}
        seen: set[str] = set()
        frontier = set(only)
        while frontier:
            seen |= frontier
            marks = ",".join("?" for _ in frontier)
            for name, deps in db.execute(f"select name, depends_on from skills where kind = 'program' "
                                         f"and name in ({marks})", list(frontier)).fetchall():
                graph[name] = json.loads(deps or "[]")
            frontier = {d for n in frontier for d in graph.get(n, [])} - seen
        programs = set(graph)
        return ({n: deps for n, deps in graph.items() if deps}, programs), only

    def dependency_problems(self, replace: dict[str, list[str] | None] | None = None,
                            only: set[str] | None = None, graph: Graph | None = None) -> list[ParseProblem]:
        """Missing dependencies and depends_on cycles among program skills.

        Args:
            replace: name -> its depends_on as it would be after a change (None: deleted).
            only: report only problems that involve these skills.
            graph: a graph already read with ``_graph`` (saves reading it twice).
        """
        graph, names = graph if graph is not None else self._graph(replace)
        problems: list[ParseProblem] = []
        for name, deps in sorted(graph.items()):
            if only is not None and name not in only:
                continue
            for dep in deps:
                if dep not in names:
                    problems.append(ParseProblem(f"{SKILLS_DIR}/{name}.py", 0, 0,
                                                 f"depends on missing skill {dep!r}", name))
        for cycle in cycles(graph):
            if only is None or set(cycle) & only:
                problems.append(ParseProblem(f"{SKILLS_DIR}/{cycle[0]}.py", 0, 0,
                                             "dependency cycle: " + " -> ".join(cycle + [cycle[0]]), cycle[0]))
        return problems

    def dependents(self, name: str) -> list[str]:
        """Program skills that depend on ``name``."""
        return sorted(n for n, deps in self._graph()[0].items() if name in deps and n != name)

    def check_change(self, skill: ProgramSkill | Lesson | None, rel: str) -> list[ParseProblem]:
        """Problems the library would have if ``rel`` became ``skill`` (None: deleted)."""
        name = Path(rel).stem
        problems: list[ParseProblem] = []
        if skill is None:
            users = self.dependents(name)
            if users:
                problems.append(ParseProblem(rel, 0, 0, f"{name} is used by {', '.join(users)}", name))
            return problems
        other_rel = f"{LESSONS_DIR}/{name}.md" if skill.kind == "program" else f"{SKILLS_DIR}/{name}.py"
        if (self.folder.root / other_rel).exists() or self.folder.repo.tracked(other_rel):
            problems.append(ParseProblem(rel, 0, 0, f"duplicate name {name!r}: {other_rel} already uses it",
                                         name))
        if skill.kind == "program":
            problems += self.dependency_problems({name: skill.depends_on}, only={name})
        return problems


def cycles(graph: dict[str, list[str]]) -> list[list[str]]:
    """Each dependency cycle once (Tarjan's strongly connected components, iteratively)."""
    index_of: dict[str, int] = {}
    low: dict[str, int] = {}
    on_stack: set[str] = set()
    stack: list[str] = []
    found: list[list[str]] = []
    counter = 0
    for start in sorted(graph):
        if start in index_of:
            continue
        work = [(start, iter(sorted(graph.get(start, []))))]
        index_of[start] = low[start] = counter
        counter += 1
        stack.append(start)
        on_stack.add(start)
        while work:
            node, children = work[-1]
            advanced = False
            for child in children:
                if child not in graph:
                    continue
                if child not in index_of:
                    index_of[child] = low[child] = counter
                    counter += 1
                    stack.append(child)
                    on_stack.add(child)
                    work.append((child, iter(sorted(graph.get(child, [])))))
                    advanced = True
                    break
                if child in on_stack:
                    low[node] = min(low[node], index_of[child])
            if advanced:
                continue
            work.pop()
            if work:
                parent = work[-1][0]
                low[parent] = min(low[parent], low[node])
            if low[node] == index_of[node]:
                component = []
                while True:
                    item = stack.pop()
                    on_stack.discard(item)
                    component.append(item)
                    if item == node:
                        break
                if len(component) > 1 or node in graph.get(node, []):
                    found.append(sorted(component))
    return found
