"""Reading articles: files found, text normalised, metadata from the text's own lines, manifest."""

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from quotes.documents import (
    _DATE_LINE,
    _LABEL_WORD,
    _OUTLET_LINE,
    find_files,
    iter_files,
    read_article,
    text_metadata,
)

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
CRADLE_URL = (
    "https://thecradle.co/articles/"
    "intense-efforts-from-iraqi-govt-pressured-kataib-hezbollah-to-stop-attacks-on-us-troops"
)

# What each seed's own text says, read by hand: (title, outlet, url, published, dateline).
SEED_METADATA = {
    # headline; "Courtesy: The Cradle Co" line; no link, no date; "BAGHDAD:" opens the body
    "000_d4b36f4aa373779f.txt": (
        "Iraq says ‘no contact’ with US after latest attack", "The Cradle", None, None, "BAGHDAD",
    ),
    # mailing-list subject with [Salon] prefix; the link's domain names the outlet; no date
    "001_68c158046f949bac.txt": (
        "Intense efforts’ from Iraqi govt pressured Kataib Hezbollah to stop attacks on US troops",
        "The Cradle", CRADLE_URL, None, None,
    ),
    # no headline: the first line is the body's first sentence; nothing names the outlet
    "002_960d807f7b20fe82.txt": (None, None, None, None, "BAGHDAD"),
    # "Updated: February 08, 2024, 7:11 PM" at the foot; "AP" there is only a photo credit
    "003_718dd8dd841ef608.txt": (
        "Iraq urges US to resume dialogue over future of international coalition forces",
        None, None, "2024-02-08", None,
    ),
    # agency line "AFP , Thursday 18 Jan 2024"; the caption's "January 17, 2024" is no publication date
    "004_b2f01543d6d57b4f.txt": (
        "Iraqi leader again demands US-led coalition leave", "AFP", None, "2024-01-18", None,
    ),
}


@pytest.mark.parametrize("name", sorted(SEED_METADATA))
def test_seed_metadata(name):
    article = read_article(SEEDS / name)
    got = (article.title, article.outlet, article.url, article.published, article.dateline)
    assert got == SEED_METADATA[name]
    assert article.name == name
    assert article.encoding == "utf-8"
    assert article.warnings == ()
    assert set(article.provenance.values()) <= {"text"}
    assert {k for k in ("title", "outlet", "url", "published", "dateline") if getattr(article, k)} == set(
        article.provenance
    )


def test_seed_body_is_the_file_text():
    path = SEEDS / "004_b2f01543d6d57b4f.txt"
    article = read_article(path)
    assert article.body == path.read_text("utf-8")
    assert len(article.sha256) == 64


def test_find_files_sorted_recursive_and_files_as_given(tmp_path):
    (tmp_path / "b").mkdir()
    for name in ("b/2.txt", "b/1.txt", "a.txt", "notes.md"):
        (tmp_path / name).write_text("x")
    given = tmp_path / "notes.md"
    found = find_files([tmp_path, given])
    assert found == [tmp_path / "a.txt", tmp_path / "b/1.txt", tmp_path / "b/2.txt", given]
    assert find_files([tmp_path]) == find_files([str(tmp_path)])


def test_iter_files_walks_in_the_order_of_sorted_rglob(tmp_path):
    """Paths sort part by part, not as strings: `a/` files come before `a-b/` and `a.txt`."""
    for name in (
        "a/b.txt", "a/a/deep/x.txt", "a-b/c.txt", "a.txt", "a b.txt", "Z.txt", "é.txt", ".hidden.txt",
        "b.txt/inside.txt", "c/notes.md", "C.TXT", "c/0.txt",
    ):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("x")
    (tmp_path / "linked.txt").symlink_to(tmp_path / "a.txt")
    (tmp_path / "broken.txt").symlink_to(tmp_path / "nowhere.txt")
    (tmp_path / "folder-link").symlink_to(tmp_path / "a", target_is_directory=True)
    walked = iter_files([tmp_path])
    assert next(walked) == tmp_path / ".hidden.txt"  # a generator, not a list
    assert [tmp_path / ".hidden.txt", *walked] == sorted(p for p in tmp_path.rglob("*.txt") if p.is_file())
    assert find_files([tmp_path]) == list(iter_files([tmp_path]))


@pytest.mark.parametrize(
    "text, expected",
    [
        # headline, byline with agency and date, dateline with agency
        (
            "Storm closes harbour for a week\n\nReuters | Jan. 18, 2024\n\n"
            "LISBON (Reuters) - The port authority said on Monday the harbour would stay shut.",
            {"title": "Storm closes harbour for a week", "outlet": "Reuters", "published": "2024-01-18",
             "dateline": "LISBON"},
        ),
        # wire datelines with a date, or a release wire in slashes: a known agency is the outlet
        (
            "Oil rises on supply fears\n\nLONDON, Nov 4 (Reuters) - Oil prices rose on Monday.",
            {"title": "Oil rises on supply fears", "outlet": "Reuters", "dateline": "LONDON"},
        ),
        (
            "Acme names new chief\n\nNEW YORK, Jan. 5, 2024 /PRNewswire/ -- Acme Corp named a new chief.",
            {"title": "Acme names new chief", "dateline": "NEW YORK"},  # an unknown wire is no outlet
        ),
        # link line on top, then headline; the domain names the outlet; ISO date line
        (
            "https://www.arabnews.com/node/12345/world\n\nFarmers block roads in protest\n\n2024-03-05\n\n"
            "Farmers blocked roads on Tuesday.",
            {"title": "Farmers block roads in protest", "url": "https://www.arabnews.com/node/12345/world",
             "outlet": "Arab News", "published": "2024-03-05"},
        ),
        # an unknown domain still names where the article came from
        (
            "Source: https://news.example.org/a/1\n\nSchool reopens\n\nThe school reopened on Monday.",
            {"title": "School reopens", "url": "https://news.example.org/a/1", "outlet": "news.example.org"},
        ),
        # courtesy line wins over the link's domain; a published label wins over a later update
        (
            "Courtesy of Middle East Eye\n\nPublished: 18 January 2024\n\nBridge opens after delay\n\n"
            "Body text here.\n\nLast updated: 20 January 2024",
            {"title": "Bridge opens after delay", "outlet": "Middle East Eye", "published": "2024-01-18"},
        ),
        # a byline with people and an agency, a weekday and a time zone
        (
            "Talks stall in Geneva\nBy Jane Roe and John Doe, AFP, Friday, 19 Jan 2024 10:30 GMT\n\n"
            "GENEVA — Diplomats said the talks had stalled.",
            {"title": "Talks stall in Geneva", "outlet": "AFP", "published": "2024-01-19", "dateline": "GENEVA"},
        ),
        # mailing-list prefixes are not part of the headline
        (
            "Re: [news-list] [Salon] Mayor resigns\n\nThe mayor resigned.",
            {"title": "Mayor resigns"},
        ),
        # a first line that is a sentence of the body is no headline; a date in prose is no publication date
        (
            "The mayor resigned on January 17, 2024 after a long dispute with the council.\n\nMore text.",
            {},
        ),
        # a caption with a date in it dates the photo, not the article
        (
            "Leaders meet in Davos\n\nThe president speaks in Davos on January 17, 2024. AFP\n\nBody.",
            {"title": "Leaders meet in Davos"},
        ),
        # an agency unknown to outlets.toml, named by its acronym in the dateline
        (
            "KUWAIT CITY (KUNA) -- The minister said so.",
            {"dateline": "KUWAIT CITY", "outlet": "KUNA"},
        ),
        # an all-caps place with its region, and an em dash
        (
            "WASHINGTON, D.C. — Officials said nothing.",
            {"dateline": "WASHINGTON"},
        ),
        # a headline that opens with an all-caps word and colon is a dateline, not a title
        (
            "BREAKING: Dam bursts after heavy rain\n\nWater flooded the valley.",
            {},
        ),
    ],
)
def test_metadata_forms(text, expected):
    assert text_metadata(text) == expected


def test_manifest_wins_and_provenance_is_recorded(tmp_path):
    article = tmp_path / "story.txt"
    article.write_text("Mayor resigns\n\nReuters, 18 January 2024\n\nThe mayor resigned.\n", "utf-8")
    (tmp_path / "sources.toml").write_text(
        '["story.txt"]\nurl = "https://example.com/mayor"\noutlet = "Example Gazette"\npublished = 2024-01-17\n',
        "utf-8",
    )
    got = read_article(article)
    assert (got.title, got.url, got.outlet, got.published) == (
        "Mayor resigns", "https://example.com/mayor", "Example Gazette", "2024-01-17",
    )
    assert got.provenance == {"title": "text", "url": "manifest", "outlet": "manifest", "published": "manifest"}


def test_manifest_given_by_the_caller(tmp_path):
    article = tmp_path / "story.txt"
    article.write_text("Mayor resigns\n\nThe mayor resigned.\n", "utf-8")
    manifest = {"story.txt": {"published": "Jan. 17, 2024", "title": ""}, "other.txt": {"url": "x"}}
    got = read_article(article, manifest)
    assert (got.title, got.published) == (None, "2024-01-17")
    assert got.provenance == {"title": "manifest", "published": "manifest"}


def test_manifest_bad_values_are_warned_about(tmp_path):
    article = tmp_path / "story.txt"
    article.write_text("Mayor resigns\n\nBody.\n", "utf-8")
    got = read_article(article, {"story.txt": {"published": "soon", "author": "Jane"}})
    assert got.published is None
    assert len(got.warnings) == 2 and all("story.txt" in w for w in got.warnings)


def test_html_is_stripped_to_paragraphs_with_its_meta(tmp_path):
    page = tmp_path / "page.html"
    page.write_text(
        """<!DOCTYPE html><html><head><title>Mayor resigns | Gazette</title>
        <meta property="og:site_name" content="Reuters">
        <link rel="canonical" href="https://example.com/mayor">
        <meta property="article:published_time" content="2024-01-18T09:00:00Z">
        <script>var x = "not text";</script></head>
        <body><nav>Home | World</nav><h1>Mayor resigns</h1>
        <p>LONDON &mdash; &ldquo;I am done,&rdquo; the mayor said.</p>
        <p>The council<br>met later.</p></body></html>""",
        "utf-8",
    )
    got = read_article(page)
    assert got.body == "Mayor resigns\n\nLONDON — “I am done,” the mayor said.\n\nThe council\n\nmet later."
    assert (got.title, got.outlet, got.url, got.published, got.dateline) == (
        "Mayor resigns", "Reuters", "https://example.com/mayor", "2024-01-18", "LONDON",
    )


def test_html_content_in_a_txt_file_is_recognised(tmp_path):
    page = tmp_path / "saved.txt"
    page.write_text("<html><body><p>One.</p><p>Two.</p></body></html>", "utf-8")
    assert read_article(page).body == "One.\n\nTwo."


def test_text_with_angle_brackets_is_not_html(tmp_path):
    page = tmp_path / "plain.txt"
    page.write_text("Profits rose <5% this year.\n", "utf-8")
    assert read_article(page).body == "Profits rose <5% this year.\n"


_LABELS = ["first published", "published on", "posted at", "last updated", "updated", "date", "dated", "courtesy",
           "courtesy of", "source", "via", "credit", "ſource", "FIRST", "publish", "sources"]


@given(
    spaces=st.text(alphabet=" \t\u00a0", max_size=12),
    label=st.sampled_from(_LABELS).flatmap(lambda w: st.sampled_from([w, w.upper(), w.title(), w.swapcase()])),
    rest=st.text(alphabet=st.sampled_from(list(" \t\u00a0:;,.-–AbcZé19 20")), max_size=40),
)
def test_a_date_or_source_line_opens_on_a_label_word(spaces, label, rest):
    """text_metadata tries the two patterns only on lines _LABEL_WORD matches: it must hold every line they do."""
    line = spaces + label + rest
    if _DATE_LINE.match(line) or _OUTLET_LINE.match(line):
        assert _LABEL_WORD.match(line)
