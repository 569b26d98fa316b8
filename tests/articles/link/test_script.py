"""Tests for articles.link.script: word boundaries by script."""

from articles.link.script import is_cjk, is_prefixed, is_word

KANDAHAR = "\u0642\u0646\u062f\u0647\u0627\u0631"  # قندهار
WA = "\u0648"  # و "and"


def test_is_word_letters_digits_and_combining_marks():
    assert is_word("a")
    assert is_word("7")
    assert is_word("\u064e")  # Arabic fatha
    assert is_word("\u093e")  # Devanagari vowel sign aa


def test_is_word_rejects_spaces_and_punctuation():
    assert not is_word(" ")
    assert not is_word("-")
    assert not is_word("\u060c")  # Arabic comma


def test_is_prefixed_joined_conjunction_before_arabic_name():
    text = f" {WA}{KANDAHAR}"
    assert is_prefixed(text, 2)


def test_is_prefixed_false_inside_a_longer_word():
    text = f"\u0645{WA}{KANDAHAR}"  # a letter before "wa": not a prefix
    assert not is_prefixed(text, 2)


def test_is_prefixed_false_for_latin_or_unprefixed_names():
    assert not is_prefixed("wKabul", 1)
    assert not is_prefixed(f" {KANDAHAR}", 1)


def test_is_cjk_chinese_but_not_latin_or_arabic():
    assert is_cjk("\u5df4")  # 巴
    assert not is_cjk("a")
    assert not is_cjk(WA)
