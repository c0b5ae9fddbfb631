"""helpers.executors: partitions, the scheduler choice, and the same rows from every executor."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from helpers import executors
from helpers.corpus import ingest_corpus
from helpers.errors import InputError
from helpers.executors import (
    POOL_THRESHOLD,
    SCHEDULER_ENV,
    WORKERS_ENV,
    check_scheduler,
    map_documents,
    partitions,
    scheduler_environment,
    worker_count,
)
from helpers.pipeline import main
from helpers.synthetic import write_synthetic
from helpers.tokenize import sentences_for_corpus, tokens_for_corpus


def test_partitions_are_contiguous_nearly_equal_and_cover_everything():
    assert partitions(list(range(10)), 4) == [[0, 1], [2, 3, 4], [5, 6], [7, 8, 9]]
    assert partitions([1, 2], 8) == [[1], [2]]
    assert partitions([], 3) == []


@pytest.mark.parametrize("value", ["auto", "inprocess", "pool", "dask", "tcp://10.0.0.5:8786"])
def test_known_schedulers_are_accepted(value):
    assert check_scheduler(value) == value


@pytest.mark.parametrize("value", ["threads", "tcp://", "Pool", ""])
def test_an_unknown_scheduler_is_a_one_line_error_listing_the_choices(value):
    with pytest.raises(InputError, match=r"is not one of auto, inprocess, pool, dask, tcp://"):
        check_scheduler(value)


def test_the_runner_rejects_an_unknown_scheduler_before_running(workspace, capsys):
    assert main(["--root", str(workspace), "--scheduler", "threads"]) == 2
    assert "error: scheduler 'threads' is not one of" in capsys.readouterr().err
    assert not (workspace / "data" / "processed").exists()


def test_worker_count_reads_the_environment(monkeypatch):
    monkeypatch.setenv(WORKERS_ENV, "3")
    assert worker_count() == 3
    monkeypatch.setenv(WORKERS_ENV, "none")
    with pytest.raises(InputError, match=r"HELPERS_WORKERS='none': expected a positive"):
        worker_count()


def test_scheduler_environment_sets_the_variable_only_inside(monkeypatch):
    monkeypatch.delenv(SCHEDULER_ENV, raising=False)
    import os

    with scheduler_environment("pool") as value:
        assert value == "pool" and os.environ[SCHEDULER_ENV] == "pool"
    assert SCHEDULER_ENV not in os.environ


def _sentences_and_tokens(scheduler: str, monkeypatch, corpus) -> tuple[pd.DataFrame, ...]:
    monkeypatch.setenv(SCHEDULER_ENV, scheduler)
    sentences = sentences_for_corpus(corpus.texts, corpus.paragraphs)
    return sentences, tokens_for_corpus(corpus.texts, sentences)


def test_pool_and_in_process_give_identical_tables(tmp_path, monkeypatch):
    write_synthetic(tmp_path, 7, seed=3)
    corpus = ingest_corpus(tmp_path / "data" / "raw")
    here = _sentences_and_tokens("inprocess", monkeypatch, corpus)
    pooled = _sentences_and_tokens("pool", monkeypatch, corpus)
    assert len(here[1]) > 1000 and here[0]["doc_id"].nunique() == 7
    for a, b in zip(here, pooled, strict=True):
        pd.testing.assert_frame_equal(a, b)


def test_map_documents_keeps_the_order_of_groups(monkeypatch):
    monkeypatch.setenv(SCHEDULER_ENV, "pool")
    groups = [(f"doc-{i}", "x" * i) for i in range(9)]
    assert map_documents(_label, groups) == [f"doc-{i}:{i}" for i in range(9)]


def _label(doc_id: str, text: str) -> str:
    return f"{doc_id}:{len(text)}"


def _processed(root: Path) -> dict[str, bytes]:
    folder = root / "data" / "processed"
    return {p.name: p.read_bytes() for p in sorted(folder.glob("*.csv"))}


@pytest.mark.pipeline
def test_every_executor_writes_byte_identical_processed_tables(tmp_path):
    """The real runner on one small generated corpus, once per executor."""
    written = {}
    for scheduler in ("inprocess", "pool", "dask"):
        root = tmp_path / scheduler
        write_synthetic(root, 4, seed=5)
        assert main(["--root", str(root), "--scheduler", scheduler]) == 0, scheduler
        written[scheduler] = _processed(root)
    names = set(written["inprocess"])
    assert {"sentences.csv", "tokens.csv", "timeline.csv", "mentions.csv"} <= names
    assert {"positions.csv", "summaries.csv"} <= names
    assert written["pool"] == written["inprocess"]
    assert written["dask"] == written["inprocess"]


def _square(x: int) -> int:
    return x * x


def test_auto_computes_in_the_kernel_when_its_share_is_one_worker(monkeypatch):
    groups = [(i,) for i in range(POOL_THRESHOLD)]
    monkeypatch.setenv(WORKERS_ENV, "1")
    monkeypatch.setattr(executors, "_pool", lambda module: pytest.fail("a pool was started"))
    assert map_documents(_square, groups, "auto") == [i * i for i in range(POOL_THRESHOLD)]
