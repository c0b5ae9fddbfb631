"""One per-document function over a corpus: in this process, on a process pool, or on Dask.

``map_documents(fn, groups)`` is ``[fn(*group) for group in groups]``, computed by the executor
the ``HELPERS_SCHEDULER`` environment variable names. The runner's ``--scheduler`` sets it for
the notebook kernels it starts, so the notebooks are the same whichever executor runs them:

- ``auto`` (default): ``pool`` from ``POOL_THRESHOLD`` documents when it has more than one
  worker, else in this process (the runner gives each of two notebooks running at once on two
  cores one worker: their kernels already use both cores);
- ``inprocess``: a plain loop in this process;
- ``pool``: a process pool of ``HELPERS_WORKERS`` workers (default: one per CPU);
- ``tcp://host:port``: the Dask distributed scheduler at that address (``--scheduler dask``
  makes the runner start a ``LocalCluster`` and pass its address).

``groups`` is cut into a few contiguous partitions per worker, and each partition is one task,
so the per-task overhead is paid per partition, not per document; an argument shared by every
group (a compiled reference table) is pickled once per partition, since pickle writes a
repeated object once. Results come back in ``groups`` order, so every executor gives the same
rows in the same order, and the same bytes in data/processed/.
"""

from __future__ import annotations

import os
import signal
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from helpers.errors import InputError

if TYPE_CHECKING:  # imported when a pool starts: the runner's no-op path stays light
    from concurrent.futures import ProcessPoolExecutor

SCHEDULER_ENV = "HELPERS_SCHEDULER"
WORKERS_ENV = "HELPERS_WORKERS"
POOL_THRESHOLD = 100  # documents; below it starting workers costs more than they save
PARTITIONS_PER_WORKER = 4  # small enough tasks that a slow partition does not idle the others
CHOICES = ("auto", "inprocess", "pool", "dask", "tcp://host:port")


def map_documents(
    fn: Callable[..., Any], groups: Sequence[tuple], scheduler: str | None = None
) -> list[Any]:
    """``[fn(*group) for group in groups]`` on the chosen executor, in ``groups`` order.

    ``fn`` must be a module-level function (workers import it by name); ``scheduler``
    defaults to the ``HELPERS_SCHEDULER`` environment variable, else ``auto``."""
    choice = check_scheduler(scheduler or os.environ.get(SCHEDULER_ENV, "") or "auto")
    if choice == "auto":
        pays = len(groups) >= POOL_THRESHOLD and worker_count() > 1
        choice = "pool" if pays else "inprocess"
    if choice == "inprocess" or len(groups) <= 1:
        return run_partition(fn, list(groups))
    parts = partitions(list(groups), worker_count() * PARTITIONS_PER_WORKER)
    if choice == "pool":
        results = _pool(fn.__module__).map(run_partition, [fn] * len(parts), parts)
    elif choice == "dask":
        raise InputError(f"{SCHEDULER_ENV}=dask: only the runner starts a cluster; give an address")
    else:
        results = _on_dask(choice, fn, parts)
    return [row for part in results for row in part]


def run_partition(fn: Callable[..., Any], groups: list[tuple]) -> list[Any]:
    """``fn`` over one partition's groups (what one task does)."""
    return [fn(*group) for group in groups]


def partitions(items: list, count: int) -> list[list]:
    """``items`` in at most ``count`` contiguous, nearly equal, non-empty slices."""
    count = max(1, min(count, len(items)))
    bounds = [len(items) * k // count for k in range(count + 1)]
    return [items[a:b] for a, b in zip(bounds, bounds[1:], strict=False) if b > a]


def check_scheduler(value: str) -> str:
    """``value`` if it names an executor, else a one-line InputError listing the choices."""
    if value in CHOICES[:-1] or (value.startswith("tcp://") and ":" in value[6:]):
        return value
    raise InputError(f"scheduler {value!r} is not one of {', '.join(CHOICES)}")


def worker_count() -> int:
    """Workers of the process pool: ``HELPERS_WORKERS``, else one per CPU."""
    value = os.environ.get(WORKERS_ENV, "")
    if value and not (value.isdigit() and int(value) > 0):
        raise InputError(f"{WORKERS_ENV}={value!r}: expected a positive whole number")
    return int(value) if value else os.cpu_count() or 1


_POOLS: list[ProcessPoolExecutor] = []


def _pool(module: str) -> ProcessPoolExecutor:
    """This process's worker pool, started on first use and kept for later calls.

    Workers are forked from a fork server that imported pandas and ``module`` (the first
    function's) once: a kernel has threads running, which a plain ``fork`` must not copy."""
    if not _POOLS:
        import multiprocessing
        from concurrent.futures import ProcessPoolExecutor

        context = multiprocessing.get_context("forkserver")
        context.set_forkserver_preload(["pandas", "helpers.executors", module])
        pool = ProcessPoolExecutor(worker_count(), mp_context=context, initializer=_ignore_sigint)
        _POOLS.append(pool)
    return _POOLS[0]


def _ignore_sigint() -> None:
    """Workers leave Ctrl-C (and the SIGINT a kernel's process group gets when it is shut
    down) to the process that owns the pool, which stops them."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)


def _on_dask(address: str, fn: Callable[..., Any], parts: list[list]) -> list[list]:
    client = _client(address)
    futures = client.map(run_partition, [fn] * len(parts), parts, pure=False)
    return client.gather(futures)


@lru_cache(maxsize=4)
def _client(address: str):
    from distributed import Client  # optional extra: imported only when Dask is asked for

    return Client(address, set_as_default=False)


@contextmanager
def scheduler_environment(choice: str) -> Iterator[str]:
    """Set ``HELPERS_SCHEDULER`` for the kernels started inside; ``dask`` starts a local
    cluster for the duration and passes its address. Yields the value set."""
    choice = check_scheduler(choice)
    previous = os.environ.get(SCHEDULER_ENV)
    try:
        if choice == "dask":
            with _local_cluster() as address:
                os.environ[SCHEDULER_ENV] = address
                yield address
        else:
            os.environ[SCHEDULER_ENV] = choice
            yield choice
    finally:
        if previous is None:
            os.environ.pop(SCHEDULER_ENV, None)
        else:
            os.environ[SCHEDULER_ENV] = previous


@contextmanager
def _local_cluster() -> Iterator[str]:
    """A Dask LocalCluster of ``worker_count()`` single-threaded worker processes."""
    import logging

    try:
        from distributed import LocalCluster
    except ImportError:
        raise InputError("--scheduler dask needs Dask: pip install -e '.[dask]'") from None
    with LocalCluster(
        n_workers=worker_count(),
        threads_per_worker=1,
        processes=True,
        dashboard_address=None,
        silence_logs=logging.ERROR,
    ) as cluster:
        yield cluster.scheduler_address
