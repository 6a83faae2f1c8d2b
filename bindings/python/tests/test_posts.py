"""A forum thread's posts: Result.posts, Post, and their dict and JSON forms."""

from __future__ import annotations

import json

import extractor
from conftest import DATA


def _thread():
    html = (DATA / "forums" / "discourse-noscript.html").read_bytes()
    return extractor.extract(html, url="https://forum.example/t/backup-job-fails/8812")


def test_posts_give_author_date_and_text():
    r = _thread()
    assert r.page_type == "forum"
    assert [(p.author, p.date[:10]) for p in r.posts] == [
        ("mkoval", "2024-02-19"), ("dana_ops", "2024-02-19"), ("mkoval", "2024-02-20")]
    first = r.posts[0]
    assert first.text.startswith("Since the upgrade to 4.2")
    assert isinstance(first, extractor.Post)
    assert first.text in "\n".join(b.text for b in r.blocks[first.first_block:first.end_block])
    # The page's author and date are the first post's.
    assert r.authors == ["mkoval"] and r.date == first.date


def test_posts_round_trip():
    r = _thread()
    d = r.to_dict()
    assert d["posts"][1] == {"author": "dana_ops", "date": r.posts[1].date,
                             "text": r.posts[1].text, "first_block": r.posts[1].first_block,
                             "end_block": r.posts[1].end_block}
    assert extractor.Result.from_dict(d) == r
    j = json.loads(r.to_json(full=True))
    assert j["posts"] == d["posts"]
    assert "posts" not in json.loads(r.to_json())


def test_an_article_has_no_posts(example_bytes):
    assert extractor.extract(example_bytes).posts == []
