"""extractor.Error: misuse raises, a ValueError with a code."""

from __future__ import annotations

import pytest

import extractor
from conftest import article_page


def test_error_is_a_value_error():
    assert issubclass(extractor.Error, ValueError)
    assert extractor.Error.__module__ == "extractor"
    assert extractor.Error.__doc__


@pytest.mark.parametrize("kwargs", [
    {"foo": 1},
    {"include_comment": True},
    {"output_format": "txt"},
])
def test_unknown_option(kwargs):
    for make in (lambda: extractor.Extractor(**kwargs),
                 lambda: extractor.extract(article_page(), **kwargs),
                 lambda: extractor.extract_many([article_page()], **kwargs)):
        with pytest.raises(extractor.Error, match="unknown option") as e:
            make()
        assert e.value.code == "invalid_option"
        assert "include_comments" in str(e.value)  # says what the options are


@pytest.mark.parametrize("kwargs", [
    {"focus": "fast"},
    {"format": "pdf"},
    {"max_input_bytes": 0},
    {"max_input_bytes": -5},
    {"max_input_bytes": 1 << 80},
    {"max_depth": 3},
    {"max_depth": 1 << 40},
])
def test_bad_values(kwargs):
    with pytest.raises(extractor.Error) as e:
        extractor.Extractor(**kwargs)
    assert e.value.code == "invalid_option"


@pytest.mark.parametrize("kwargs", [
    {"include_comments": "yes"},
    {"include_tables": 1},
    {"focus": 2},
    {"max_depth": "10"},
    {"max_input_bytes": 1.5},
    {"max_depth": True},
])
def test_wrong_types(kwargs):
    with pytest.raises(TypeError):
        extractor.Extractor(**kwargs)


def test_input_too_large():
    page = article_page()
    with pytest.raises(extractor.Error, match="max_input_bytes") as e:
        extractor.Extractor(max_input_bytes=100).extract(page)
    assert e.value.code == "input_too_large"
    assert isinstance(e.value, ValueError)


def test_positional_options_are_refused():
    with pytest.raises(TypeError):
        extractor.Extractor("text")
    with pytest.raises(TypeError):
        extractor.extract(article_page(), None, "utf-8")


def test_docstrings_everywhere():
    public = [extractor, extractor.extract, extractor.extract_many, extractor.Error,
              extractor.Extractor, extractor.Result, extractor.Block, extractor.Span,
              extractor.Extractor.extract, extractor.Extractor.extract_many,
              extractor.Result.to_dict, extractor.Result.from_dict, extractor.Result.to_json]
    for obj in public:
        assert obj.__doc__ and obj.__doc__.strip(), obj
    for cls in (extractor.Result, extractor.Block, extractor.Span):
        for name, attr in vars(cls).items():
            if isinstance(attr, property):
                assert attr.__doc__, f"{cls.__name__}.{name}"
