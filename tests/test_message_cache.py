"""The message catalogues' JSON cache (policy/messages.py) gives exactly what parsing the TOML
files gives, and never serves a stale or broken cache."""

from __future__ import annotations

import shutil
import tomllib

import pytest

from policy import messages


def _parsed(root, lang):
    merged = {}
    for path in sorted((root / lang).glob("*.toml")):
        merged.update(tomllib.loads(path.read_text(encoding="utf-8")))
    return merged


@pytest.fixture
def catalogue_copy(tmp_path, monkeypatch):
    root = tmp_path / "catalogue"
    shutil.copytree(messages._ROOT, root)
    monkeypatch.setattr(messages, "_ROOT", root)
    monkeypatch.setenv("JIXIAO_CACHE_DIR", str(tmp_path / "cache"))
    return root


def load(lang):
    return messages.catalogue.__wrapped__(lang)  # past the in-process cache


@pytest.mark.parametrize("lang", messages.LANGS)
def test_cached_catalogue_equals_the_toml_files(catalogue_copy, lang) -> None:
    first = load(lang)
    assert messages._cache_file(lang).is_file()
    second = load(lang)
    assert first == second == _parsed(catalogue_copy, lang)
    assert len(first) > 50


def test_an_edited_catalogue_is_read_again(catalogue_copy) -> None:
    load("en")
    path = min((catalogue_copy / "en").glob("*.toml"))
    path.write_text(path.read_text(encoding="utf-8") + '\n"test.cache.added" = "added {x}"\n', encoding="utf-8")
    assert load("en")["test.cache.added"] == "added {x}"


def test_a_broken_cache_is_ignored(catalogue_copy) -> None:
    load("zh")
    messages._cache_file("zh").write_bytes(b"{not json")
    assert load("zh") == _parsed(catalogue_copy, "zh")
    messages._cache_file("zh").write_text('{"key": [], "messages": {"x": "y"}}', encoding="utf-8")
    assert load("zh") == _parsed(catalogue_copy, "zh")


def test_a_duplicate_id_is_still_reported(catalogue_copy) -> None:
    load("en")
    files = sorted((catalogue_copy / "en").glob("*.toml"))
    some_id = next(iter(tomllib.loads(files[0].read_text(encoding="utf-8"))))
    files[1].write_text(files[1].read_text(encoding="utf-8") + f'\n"{some_id}" = "again"\n', encoding="utf-8")
    with pytest.raises(messages.MessageError, match="defined twice"):
        load("en")


def test_an_unwritable_cache_directory_costs_only_time(catalogue_copy, tmp_path, monkeypatch) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x", encoding="utf-8")
    monkeypatch.setenv("JIXIAO_CACHE_DIR", str(blocker / "cache"))
    assert load("zh") == _parsed(catalogue_copy, "zh")


def test_two_installed_copies_keep_separate_caches(tmp_path, monkeypatch) -> None:
    """Two checkouts sharing one user cache each keep their own entry, so running one never makes
    the other re-parse its TOML files (the cache is keyed by the catalogue's path)."""
    monkeypatch.setenv("JIXIAO_CACHE_DIR", str(tmp_path / "cache"))
    paths = []
    for name in ("one", "two"):
        root = tmp_path / name / "catalogue"
        shutil.copytree(messages._ROOT, root)
        monkeypatch.setattr(messages, "_ROOT", root)
        load("en")
        paths.append(messages._cache_file("en"))
    assert paths[0] != paths[1]
    assert all(p.is_file() for p in paths)
    stamp = paths[0].stat().st_mtime_ns
    monkeypatch.setattr(messages, "_ROOT", tmp_path / "one" / "catalogue")
    load("en")  # served from its own entry: not rewritten
    assert paths[0].stat().st_mtime_ns == stamp
