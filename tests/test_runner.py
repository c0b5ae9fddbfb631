"""The runner's parts on their own: scheduler, run cache and the staged site."""

from __future__ import annotations

import os
import threading
from pathlib import Path

import pytest

from helpers.corpus import raw_files
from helpers.execute import Outcome
from helpers.paths import REPO_ROOT, declared_file, declared_path, project_paths
from helpers.plan import Step, upstream
from helpers.publish import count_articles
from helpers.runcache import RunCache
from helpers.scheduler import run_steps


def _steps(tmp_path: Path) -> list[Step]:
    nb = tmp_path / "nb.ipynb"
    nb.write_text("{}")
    return [
        Step("a", nb, "A", "", outputs=("data/processed/a.csv",)),
        Step("b", nb, "B", "", inputs=("data/processed/a.csv",), outputs=("out/b.csv",)),
        Step("c", nb, "C", "", inputs=("data/raw",), outputs=("out/c.csv",)),
    ]


def _recorder(fail: str = ""):
    order: list[str] = []
    lock = threading.Lock()

    def work(step: Step, slot: int, sharing: int = 1) -> Outcome:
        with lock:
            order.append(step.name)
        status = "failed" if step.name == fail else "ok"
        return Outcome(step.name, status, 0.0, Path(f"{step.name}.ipynb"))

    return order, work


def test_scheduler_runs_a_step_after_its_upstream_and_keeps_plan_order(tmp_path):
    steps = _steps(tmp_path)
    order, work = _recorder()
    seen: list[str] = []
    outcomes = run_steps(
        steps, upstream(steps), work, jobs=2, on_done=lambda o: seen.append(o.name)
    )
    assert [o.name for o in outcomes] == ["a", "b", "c"]
    assert order.index("a") < order.index("b")
    assert sorted(seen) == ["a", "b", "c"]


def test_steps_starting_together_know_they_share_the_machine(tmp_path):
    nb = tmp_path / "nb.ipynb"
    nb.write_text("{}")
    steps = [
        Step("a", nb, "A", "", outputs=("data/processed/a.csv",)),
        Step("b", nb, "B", "", inputs=("data/processed/a.csv",), outputs=("out/b.csv",)),
        Step("c", nb, "C", "", inputs=("data/processed/a.csv",), outputs=("out/c.csv",)),
    ]
    seen: dict[str, int] = {}

    def work(step: Step, slot: int, sharing: int) -> Outcome:
        seen[step.name] = sharing
        return Outcome(step.name, "ok", 0.0, Path(f"{step.name}.ipynb"))

    run_steps(steps, upstream(steps), work, jobs=2)
    assert seen == {"a": 1, "b": 2, "c": 2}
    run_steps(steps, upstream(steps), work, jobs=1)
    assert seen == {"a": 1, "b": 1, "c": 1}  # one at a time: each has the machine


def test_a_kernel_gets_its_share_of_the_cpus_unless_the_user_set_workers(monkeypatch):
    from helpers.pipeline import kernel_environment

    monkeypatch.setattr(os, "cpu_count", lambda: 2)
    assert kernel_environment(1, {}) == {"HELPERS_WORKERS": "2"}
    assert kernel_environment(2, {}) == {"HELPERS_WORKERS": "1"}
    assert kernel_environment(3, {}) == {"HELPERS_WORKERS": "1"}
    assert kernel_environment(2, {"HELPERS_WORKERS": "4"}) == {}


def test_scheduler_starts_nothing_after_a_failure(tmp_path):
    steps = _steps(tmp_path)
    order, work = _recorder(fail="a")
    outcomes = run_steps(steps, upstream(steps), work, jobs=1)
    assert "b" not in order
    assert [o.status for o in outcomes if o.name == "a"] == ["failed"]


def test_scheduler_treats_unselected_upstream_as_done(tmp_path):
    steps = _steps(tmp_path)
    order, work = _recorder()
    outcomes = run_steps(steps[1:], upstream(steps), work)
    assert [o.name for o in outcomes] == ["b", "c"]


def _cache_workspace(tmp_path: Path) -> tuple[RunCache, Step]:
    root = tmp_path / "ws"
    (root / "data" / "raw").mkdir(parents=True)
    (root / "data" / "raw" / "x.txt").write_text("one")
    (root / "out").mkdir()
    (root / "out" / "c.csv").write_text("c\n")
    source = tmp_path / "src"
    source.mkdir()
    (source / "m.py").write_text("x = 1\n")
    return RunCache(project_paths(root), source), _steps(tmp_path)[2]


def test_cache_key_follows_inputs_parameters_and_source(tmp_path):
    cache, step = _cache_workspace(tmp_path)
    key = cache.key(step, {"n": 1})
    assert cache.key(step, {"n": 1}) == key
    assert cache.key(step, {"n": 2}) != key
    (cache.paths.raw / "x.txt").write_text("two")
    assert cache.key(step, {"n": 1}) != key
    source = tmp_path / "src"
    (source / "m.py").write_text("x = 2\n")
    assert RunCache(cache.paths, source).key(step, {"n": 1}) != cache.key(step, {"n": 1})


def test_cache_is_fresh_only_with_the_same_outputs_and_the_page_it_rendered(tmp_path):
    cache, step = _cache_workspace(tmp_path)
    key = cache.key(step, {})
    staged = tmp_path / "staging" / "c.html"
    staged.parent.mkdir()
    staged.write_text("<p>c, this run</p>")
    cache.record(step, key, Outcome("c", "ok", 1.234, Path("c.ipynb"), cells=3), staged)
    cache.save()
    reloaded = RunCache(cache.paths, tmp_path / "src")
    previous = reloaded.take("c")
    assert previous["seconds"] == 1.23 and previous["cells"] == 3
    assert not reloaded.fresh(step, key, previous)  # no report published yet
    cache.paths.reports.mkdir()
    (cache.paths.reports / "c.html").write_text("<p>c, an earlier run</p>")
    assert not reloaded.fresh(step, key, previous)  # a page, but not the one this run rendered
    (cache.paths.reports / "c.html").write_text("<p>c, this run</p>")
    assert reloaded.fresh(step, key, previous)
    assert not reloaded.fresh(step, "other", previous)
    (cache.paths.root / "out" / "c.csv").write_text("changed\n")
    assert not reloaded.fresh(step, key, previous)
    assert reloaded.seconds("c") is None  # taken, not kept


def test_cache_hashes_the_file_a_file_parameter_names_under_root(tmp_path):
    cache, step = _cache_workspace(tmp_path)
    table = cache.paths.root / "data" / "reference" / "actors.csv"
    table.parent.mkdir(parents=True)
    table.write_text("actor,kind,aliases\nA,state,A\n")
    params = {"actors_file": "data/reference/actors.csv"}
    key = cache.key(step, params)
    table.write_text("actor,kind,aliases\nB,state,B\n")
    assert cache.key(step, params) != key


@pytest.mark.parametrize("name", ["", "data/reference/events.csv", "mine/events.csv", "/abs/e.csv"])
def test_declared_file_is_where_the_notebooks_read_a_file_parameter(tmp_path, name):
    from helpers.timeline import catalog_path  # 03_timeline resolves events_file with this

    assert declared_file(name, tmp_path, "events.csv") == catalog_path(name, tmp_path)


def test_declared_path_takes_reference_data_from_the_repository(tmp_path):
    assert (
        declared_path("data/reference/actors.csv", tmp_path)
        == REPO_ROOT / "data/reference/actors.csv"
    )
    assert declared_path("data/raw", tmp_path) == tmp_path / "data/raw"


def test_the_index_counts_articles_as_the_corpus_lists_them(tmp_path):
    raw = tmp_path / "raw"
    raw.mkdir()
    for name in ("a.txt", "B.TXT", "manifest.csv", "notes.md"):
        (raw / name).write_text("x")
    assert count_articles(raw) == len(raw_files(raw)) == 2
    assert count_articles(tmp_path / "missing") == 0
