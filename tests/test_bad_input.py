"""Whatever a newsroom hands over: old encodings, BOMs, CRLF, empty, binary and huge files."""

import unicodedata
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from quotes.documents import _CONTROL, BadInput, read_article

CLEAN = "Mayor resigns\n\nLONDON — “I’m done,” the mayor said on Monday.\n\nCafé owners cheered.\n"


def test_bom_and_crlf_give_the_body_of_the_clean_file(tmp_path):
    clean = tmp_path / "clean.txt"
    clean.write_bytes(CLEAN.encode("utf-8"))
    messy = tmp_path / "messy.txt"
    messy.write_bytes(b"\xef\xbb\xbf" + CLEAN.replace("\n", "\r\n").encode("utf-8"))
    old_mac = tmp_path / "cr.txt"
    old_mac.write_bytes(CLEAN.replace("\n", "\r").encode("utf-8"))
    bodies = {read_article(p).body for p in (clean, messy, old_mac)}
    assert bodies == {CLEAN}
    assert len({read_article(p).sha256 for p in (clean, messy, old_mac)}) == 1
    assert read_article(messy).warnings == ()


def test_cp1252_is_decoded_with_a_warning_naming_the_file(tmp_path):
    path = tmp_path / "old.txt"
    path.write_bytes(CLEAN.encode("cp1252"))
    article = read_article(path)
    assert article.body == CLEAN
    assert article.encoding == "cp1252"
    assert len(article.warnings) == 1 and str(path) in article.warnings[0]


def test_latin1_bytes_that_cp1252_lacks_still_decode(tmp_path):
    path = tmp_path / "latin.txt"
    text = "The caf\u00e9 \x81 opens again on Monday, the owner said.\n"
    path.write_bytes(text.encode("latin-1"))
    article = read_article(path)
    assert article.encoding == "latin-1" and article.body == text


def test_utf16_with_bom_is_text(tmp_path):
    path = tmp_path / "wide.txt"
    path.write_bytes(CLEAN.encode("utf-16"))
    assert read_article(path).body == CLEAN


def test_truncated_utf8_keeps_the_rest_as_utf8(tmp_path):
    path = tmp_path / "cut.txt"
    path.write_bytes("“Half” a download “".encode("utf-8")[:-1])
    article = read_article(path)
    assert article.body == "“Half” a download "
    assert article.encoding == "utf-8" and len(article.warnings) == 1


def test_empty_file_is_an_article_with_an_empty_body(tmp_path):
    path = tmp_path / "empty.txt"
    path.write_bytes(b"")
    article = read_article(path)
    assert article.body == "" and article.title is None and article.warnings == ()


def _assert_rejected(path: Path, reason_word: str) -> None:
    try:
        read_article(path)
    except BadInput as err:
        message = str(err)
        assert message.startswith(f"{path}: ") and reason_word in message
        assert "\n" not in message
    else:
        raise AssertionError(f"{path} was accepted")


def test_binary_files_are_rejected_with_one_line_naming_the_file(tmp_path):
    nul = tmp_path / "image.txt"
    nul.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    _assert_rejected(nul, "NUL")
    controls = tmp_path / "controls.txt"
    controls.write_bytes(bytes(range(1, 32)) * 20)
    _assert_rejected(controls, "control")


def test_the_control_characters_counted_are_unicodes_cc_but_tabs_and_line_ends():
    every = "".join(chr(c) for c in range(0x110000) if not 0xD800 <= c <= 0xDFFF)
    cc = [ch for ch in every if unicodedata.category(ch) == "Cc" and ch not in "\t\n\r\f\v"]
    assert _CONTROL.findall(every) == cc


def test_unreadable_path_is_bad_input(tmp_path):
    _assert_rejected(tmp_path / "missing.txt", "cannot read")
    _assert_rejected(tmp_path, "cannot read")


def test_broken_manifest_names_itself(tmp_path):
    (tmp_path / "sources.toml").write_text("[broken\n", "utf-8")
    path = tmp_path / "story.txt"
    path.write_text("Body.", "utf-8")
    try:
        read_article(path)
    except BadInput as err:
        assert str(err).startswith(str(tmp_path / "sources.toml") + ": invalid manifest")
    else:
        raise AssertionError("broken manifest accepted")


def test_a_20mb_paragraph_of_stray_marks_reads(tmp_path):
    unit = 'He said “ on Monday " and ‘ then ’ ” « » 7 February ““ "" “ '
    text = unit * (20_000_000 // len(unit))
    path = tmp_path / "huge.txt"
    path.write_text(text, "utf-8")
    article = read_article(path)
    assert article.body == text
    assert article.title is None


@settings(max_examples=300, suppress_health_check=[HealthCheck.function_scoped_fixture], deadline=None)
@given(data=st.binary(max_size=2000))
def test_random_bytes_raise_nothing_but_bad_input(tmp_path, data):
    path = tmp_path / "fuzz.txt"
    path.write_bytes(data)
    try:
        article = read_article(path, manifest={})
    except BadInput as err:
        assert "\n" not in str(err)
    else:
        assert "\r" not in article.body


@settings(max_examples=200, suppress_health_check=[HealthCheck.function_scoped_fixture], deadline=None)
@given(text=st.text(alphabet=st.characters(blacklist_categories=["Cs"]), max_size=500))
def test_any_utf8_text_reads(tmp_path, text):
    path = tmp_path / "fuzz.txt"
    path.write_bytes(text.encode("utf-8"))
    try:
        article = read_article(path, manifest={})
    except BadInput as err:
        assert "NUL" in str(err) or "control characters" in str(err)
    else:
        expected = text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
        if not expected.lstrip().startswith("<"):  # else it may be HTML, stripped to its text
            assert article.body == expected


@settings(max_examples=200, suppress_health_check=[HealthCheck.function_scoped_fixture], deadline=None)
@given(
    markup=st.lists(
        st.sampled_from(["<p>", "</p>", "<br/>", "<script>", "</div", "<!--", "&amp", "<meta content=x>", "“", "x y"]),
        max_size=40,
    )
)
def test_broken_html_reads(tmp_path, markup):
    path = tmp_path / "page.html"
    path.write_text("<html>" + "".join(markup), "utf-8")
    article = read_article(path, manifest={})
    assert "\r" not in article.body
    if "<!--" not in markup and "<script>" not in markup:  # an unclosed comment or script stays text
        assert "<p>" not in article.body
