"""Dependency-aware concurrent execution: run each step once its upstream steps are done."""

from __future__ import annotations

from collections.abc import Callable
from concurrent.futures import FIRST_COMPLETED, Future, ThreadPoolExecutor, wait

from helpers.execute import Outcome
from helpers.plan import Step

Work = Callable[[Step, int, int], Outcome]
ABORT_GRACE = 20.0  # seconds the running steps get to return once their kernels are killed


def run_steps(
    steps: list[Step],
    deps: dict[str, set[str]],
    work: Work,
    jobs: int = 1,
    on_done: Callable[[Outcome], None] = lambda outcome: None,
    on_abort: Callable[[], object] = lambda: None,
) -> list[Outcome]:
    """Outcomes of ``work(step, slot, sharing)`` in ``steps`` order, at most ``jobs`` at once.

    A step starts when every upstream step that is among ``steps`` has finished; upstream
    steps outside ``steps`` count as done. After a failure nothing new starts (running steps
    finish), so the result lacks the steps never started. ``slot`` is the number of steps
    running when this one started (a progress-bar position); ``sharing`` is how many steps run
    while it starts, itself and those starting with it included (they share the CPUs).

    When the wait is interrupted (KeyboardInterrupt, or the exception a SIGTERM handler
    raises), ``on_abort`` is called to stop the running steps (it kills their kernels), the
    threads are given ``ABORT_GRACE`` seconds to return, and the exception propagates."""
    selected = {s.name for s in steps}
    pending = {s.name: s for s in steps}
    done: dict[str, Outcome] = {}
    running: dict[Future, str] = {}
    pool = ThreadPoolExecutor(max(1, jobs))
    try:
        while pending or running:
            failed = any(o.status == "failed" for o in done.values())
            free = max(1, jobs) - len(running)  # start only what runs now: sharing is exact
            ready = [] if failed else _ready(pending, deps, done, selected)[: max(0, free)]
            sharing = len(running) + len(ready)
            for step in ready:
                del pending[step.name]
                running[pool.submit(work, step, len(running), sharing)] = step.name
            if not running:
                break
            finished, _ = wait(running, return_when=FIRST_COMPLETED)
            for future in finished:
                outcome = future.result()
                done[running.pop(future)] = outcome
                on_done(outcome)
    except BaseException:
        on_abort()
        pool.shutdown(wait=False, cancel_futures=True)
        wait(running, timeout=ABORT_GRACE)
        raise
    pool.shutdown()
    return [done[s.name] for s in steps if s.name in done]


def _ready(
    pending: dict[str, Step], deps: dict[str, set[str]], done: dict, selected: set[str]
) -> list[Step]:
    return [
        s for s in pending.values()
        if all(d in done or d not in selected for d in deps.get(s.name, ()))
    ]  # fmt: skip
