"""to_dict / from_dict / to_json / pickle."""

from __future__ import annotations

import json
import pickle

import pytest

import extractor
from conftest import EXAMPLE, fixture_names, read


def _results():
    pages = [read(n) for n in fixture_names()] + [EXAMPLE.read_bytes()]
    return extractor.extract_many(pages, include_comments=True, include_links=True)


def test_to_dict_round_trip_through_json():
    for r in _results():
        d = r.to_dict()
        again = json.loads(json.dumps(d, ensure_ascii=False))
        assert again == d
        back = extractor.Result.from_dict(again)
        assert back == r
        assert back.to_dict() == d
        assert back.to_json(full=True, blocks=True) == r.to_json(full=True, blocks=True)


def test_to_dict_has_every_attribute():
    r = _results()[0]
    d = r.to_dict()
    for key, value in d.items():
        if key == "blocks":
            assert value == [b.to_dict() for b in r.blocks]
        elif key == "posts":
            assert value == [p.to_dict() for p in r.posts]
        else:
            assert getattr(r, key) == value, key
    assert {"text", "markdown", "html", "title", "author", "authors", "date", "date_modified",
            "site_name", "language", "url", "blocks", "error", "sources", "page_type",
            "page_type_confidence", "article_probability"} <= set(d)
    block = d["blocks"][0]
    assert set(block) == {"kind", "label", "level", "quote_depth", "ordered", "text", "spans",
                          "src", "score", "reason", "path"}


def test_to_json_agrees_with_to_dict():
    for r in _results():
        j = json.loads(r.to_json(full=True, blocks=True))
        d = r.to_dict()
        for key, value in j.items():
            if key == "blocks":
                for jb, db in zip(value, d["blocks"]):
                    assert jb["score"] == pytest.approx(db["score"], abs=1e-3)
                    assert jb["text"] == db["text"] and jb["label"] == db["label"]
            elif key == "comments":
                assert (value or "") == d["comments"]
            elif key in ("page_type_confidence", "article_probability"):
                assert value == pytest.approx(d[key], abs=1e-3), key
            else:
                assert value == d[key], key
        # The JSON of a Result read back from it is the same JSON, byte for byte.
        assert extractor.Result.from_dict(j).to_json() == r.to_json()


def test_to_json_options(example_bytes):
    r = extractor.extract(example_bytes)
    compact = r.to_json()
    assert "\n" not in compact
    assert list(json.loads(compact)) == ["url", "title", "author", "authors", "date",
                                         "site_name", "language", "page_type", "text"]
    assert json.loads(r.to_json(pretty=True)) == json.loads(compact)
    assert r.to_json(pretty=True).startswith('{\n  "url"')
    assert list(json.loads(r.to_json(source="a.html")))[0] == "source"
    assert "markdown" in json.loads(r.to_json(full=True))
    assert "blocks" in json.loads(r.to_json(blocks=True))


def test_error_results_round_trip():
    (r,) = extractor.extract_many([3])
    assert r.error
    d = r.to_dict()
    assert extractor.Result.from_dict(d) == r
    j = json.loads(r.to_json(source="x"))
    assert j["error"] == r.error and j["source"] == "x"
    pretty = r.to_json(pretty=True)
    assert json.loads(pretty)["error"] == r.error


def test_pickle():
    for r in _results()[:3]:
        assert pickle.loads(pickle.dumps(r)) == r
    ex = extractor.Extractor(focus="recall", format="markdown")
    again = pickle.loads(pickle.dumps(ex))
    assert again.options == ex.options


def test_from_dict_is_strict_about_keys():
    assert extractor.Result.from_dict({}) == extractor.Result()
    with pytest.raises(extractor.Error, match="unknown key 'titel'"):
        extractor.Result.from_dict({"titel": "x"})
    with pytest.raises(extractor.Error):
        extractor.Result.from_dict({"blocks": [{"kind": "sonnet"}]})
    with pytest.raises(TypeError):
        extractor.Result.from_dict({"title": 3})
    with pytest.raises(TypeError):
        extractor.Result.from_dict([])


def test_equality():
    a, b = _results()[:2]
    assert a == a and a != b
    assert a != "not a result"
