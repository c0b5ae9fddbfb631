"""Dependency-aware concurrent execution: run each step once its upstream steps are done."""

from __future__ import annotations

from collections.abc import Callable
from concurrent.futures import FIRST_COMPLETED, Future, ThreadPoolExecutor, wait

from helpers.execute import Outcome
from helpers.plan import Step

Work = Callable[[Step, int], Outcome]


def run_steps(
    steps: list[Step],
    deps: dict[str, set[str]],
    work: Work,
    jobs: int = 1,
    on_done: Callable[[Outcome], None] = lambda outcome: None,
) -> list[Outcome]:
    """Outcomes of ``work(step, slot)`` in ``steps`` order, at most ``jobs`` at once.

    A step starts when every upstream step that is among ``steps`` has finished; upstream
    steps outside ``steps`` count as done. After a failure nothing new starts (running steps
    finish), so the result lacks the steps never started. ``slot`` is the number of steps
    running when this one started (a progress-bar position)."""
    selected = {s.name for s in steps}
    pending = {s.name: s for s in steps}
    done: dict[str, Outcome] = {}
    running: dict[Future, str] = {}
    with ThreadPoolExecutor(max(1, jobs)) as pool:
        while pending or running:
            failed = any(o.status == "failed" for o in done.values())
            for step in [] if failed else _ready(pending, deps, done, selected):
                del pending[step.name]
                running[pool.submit(work, step, len(running))] = step.name
            if not running:
                break
            finished, _ = wait(running, return_when=FIRST_COMPLETED)
            for future in finished:
                outcome = future.result()
                done[running.pop(future)] = outcome
                on_done(outcome)
    return [done[s.name] for s in steps if s.name in done]


def _ready(
    pending: dict[str, Step], deps: dict[str, set[str]], done: dict, selected: set[str]
) -> list[Step]:
    return [
        s for s in pending.values()
        if all(d in done or d not in selected for d in deps.get(s.name, ()))
    ]  # fmt: skip
