"""The deck built from the seeds, read back the way a reader sees it."""

from __future__ import annotations

import re
from pathlib import Path

from pptx.oxml.ns import qn
from pptx.util import Emu

from briefing.cleaner import convert_script

from .conftest import PINYIN_ANNOTATION, slide_texts, slide_title

DISTRICTS = ["金山区", "嘉定区", "松江区", "杨浦区"]


def _district_slides(prs, district):  # type: ignore[no-untyped-def]
    return [s for s in prs.slides if slide_title(s).startswith(district)]


def test_slide_order_title_districts_comparison_sources(seeds_prs) -> None:  # type: ignore[no-untyped-def]
    titles = [slide_title(s) for s in seeds_prs.slides]
    assert titles[0] == "区级党政会议要情简报"
    firsts = [next(i for i, t in enumerate(titles) if t.startswith(d)) for d in DISTRICTS]
    assert firsts == sorted(firsts), titles
    assert titles.index("各区比较") > max(firsts)
    assert titles[-1] == "资料来源"


def test_title_slide_has_meeting_date_range(seeds_prs) -> None:  # type: ignore[no-untyped-def]
    text = "\n".join(slide_texts(seeds_prs.slides[0]))
    assert "各区会议要点与横向比较" in text
    assert "2021年7月" in text and "2025年3月17日" in text


def test_each_district_slide_shows_meeting_name_date_and_leaders(seeds_prs) -> None:  # type: ignore[no-untyped-def]
    expected = {
        "金山区": ["区委六届六次全会", "2023年7月10日", "刘健", "李泽龙", "区委五届十三次全会", "胡卫国"],
        "嘉定区": ["区委七届九次全会", "2024年末", "陆方舟", "高香"],
        "松江区": ["2025年初", "陈吉宁"],
        "杨浦区": ["区委常委会扩大会议", "2025年3月17日", "薛侃", "周海鹰"],
    }
    for district, needles in expected.items():
        slides = _district_slides(seeds_prs, district)
        assert slides, district
        text = "\n".join(t for s in slides for t in slide_texts(s))
        for needle in needles:
            assert needle in text, (district, needle)


def test_jinshan_meetings_newest_first(seeds_prs) -> None:  # type: ignore[no-untyped-def]
    text = "\n".join(t for s in _district_slides(seeds_prs, "金山区") for t in slide_texts(s))
    assert text.index("区委六届六次全会") < text.index("区委五届十三次全会")


def test_district_slides_have_four_to_seven_points_per_meeting(seeds_summary) -> None:  # type: ignore[no-untyped-def]
    for meeting in seeds_summary["meetings"]:
        if meeting["name"].startswith(("区委", "松江")):
            assert 4 <= len(meeting["points"]) <= 7, meeting["name"]


def test_comparison_slide_lists_districts_and_key_figures(seeds_prs) -> None:  # type: ignore[no-untyped-def]
    slide = next(s for s in seeds_prs.slides if slide_title(s) == "各区比较")
    text = "\n".join(slide_texts(slide))
    for district in DISTRICTS:
        assert district in text
    assert "3000亿元" in text and "1736家" in text


def test_no_noise_anywhere_on_slides(seeds_prs) -> None:  # type: ignore[no-untyped-def]
    for i, slide in enumerate(seeds_prs.slides, 1):
        text = "\n".join(slide_texts(slide))
        assert not PINYIN_ANNOTATION.search(text), (i, PINYIN_ANNOTATION.search(text))
        assert convert_script(text, "zh-Hans") == text, f"slide {i} has Traditional characters"
        assert "?" not in text and "\ufffd" not in text, i
        for noise in ("Copyright", "责任编辑", "http", "www.", "扫一扫", "</", "&rdquo", "rdquo;"):
            assert noise not in text, (i, noise)


def test_every_run_carries_east_asian_face_and_language(seeds_prs) -> None:  # type: ignore[no-untyped-def]
    runs = 0
    for slide in seeds_prs.slides:
        for r in slide.shapes._spTree.iter(qn("a:r")):
            if not re.search(r"[\u4e00-\u9fff]", r.findtext(qn("a:t")) or ""):
                continue
            r_pr = r.find(qn("a:rPr"))
            assert r_pr is not None
            assert r_pr.get("lang") == "zh-CN"
            assert r_pr.find(qn("a:ea")).get("typeface") == "Microsoft YaHei"
            assert r_pr.find(qn("a:latin")).get("typeface") == "Arial"
            assert r_pr.get("sz") is not None
            runs += 1
    assert runs > 50


def test_shapes_stay_on_the_slide(seeds_prs) -> None:  # type: ignore[no-untyped-def]
    width, height = seeds_prs.slide_width, seeds_prs.slide_height
    for slide in seeds_prs.slides:
        for shape in slide.shapes:
            assert shape.left >= 0 and shape.top >= 0
            assert shape.left + shape.width <= width + Emu(10)
            assert shape.top + shape.height <= height + Emu(10)


def test_content_slides_have_notes_with_source_sentences(seeds_prs) -> None:  # type: ignore[no-untyped-def]
    for slide in list(seeds_prs.slides)[1:]:
        assert slide.has_notes_slide
        notes = slide.notes_slide.notes_text_frame.text
        assert notes.strip()
        if slide_title(slide).startswith(tuple(DISTRICTS)):
            assert "原文：" in notes and ".txt" in notes


def test_slide_numbers_and_footer(seeds_prs) -> None:  # type: ignore[no-untyped-def]
    total = len(seeds_prs.slides)
    for i, slide in enumerate(list(seeds_prs.slides)[1:], 2):
        numbers = [s.text_frame.text for s in slide.shapes if s.name == "Slide Number"]
        assert numbers == [f"{i} / {total}"]


def test_every_slide_has_a_title_placeholder(seeds_prs) -> None:  # type: ignore[no-untyped-def]
    """Outline view, the navigation pane and screen readers find each slide's title."""
    from pptx.enum.shapes import PP_PLACEHOLDER

    for slide in seeds_prs.slides:
        title = slide.shapes.title
        assert title is not None and title.text_frame.text.strip()
        assert title.placeholder_format.type in (PP_PLACEHOLDER.TITLE, PP_PLACEHOLDER.CENTER_TITLE)
        # The title is the only placeholder, and is styled by the engine, not the master.
        assert [s for s in slide.shapes if s.is_placeholder] == [title]
        assert title.text_frame._txBody.find(qn("a:bodyPr")).find(qn("a:noAutofit")) is not None


def test_articles_are_counted_apart_and_shown_after_meetings(seeds_prs) -> None:  # type: ignore[no-untyped-def]
    cover = "\n".join(slide_texts(seeds_prs.slides[0]))
    assert "4 个区 · 6 次会议 · 1 篇文章" in cover  # 松江's essay is no meeting
    [slide] = _district_slides(seeds_prs, "松江区")
    [tag] = [s.text_frame.text for s in slide.shapes if s.name == "Tag"]
    assert tag.startswith("1 篇文章") and "次会议" not in tag


def test_summary_slide_says_who_met_what_they_share_and_what_sets_them_apart(seeds_prs, seeds_summary) -> None:  # type: ignore[no-untyped-def]
    slide = seeds_prs.slides[1]
    assert slide_title(slide) == "要情概览"
    body = next(s.text_frame.text for s in slide.shapes if s.name == "Body")
    lines = body.split("\n")
    assert 3 <= len(lines) <= 6
    assert lines[0].startswith("金山区、嘉定区、松江区、杨浦区于") and "共召开 6 次会议" in lines[0]
    shares = {row["district"]: [t["theme"] for t in row["themes"][:3]] for row in seeds_summary["districts"]}
    top = max({t for ts in shares.values() for t in ts}, key=lambda t: sum(t in ts for ts in shares.values()))
    assert any(line.startswith("共同关注：") and top in line for line in lines)
    jinshan = [t["term"] for row in seeds_summary["districts"] if row["district"] == "金山区"
               for t in row["distinctive"][:2]]
    assert any(line.startswith("特色：") and "金山区 " + "、".join(jinshan) in line for line in lines)
    assert any(line.startswith("关键数字：") and "3726.3亿元" in line for line in lines)
    notes = slide.notes_slide.notes_text_frame.text
    assert "属地规上工业产值 3726.3亿元：" in notes and "金山区“" in notes  # each line's evidence


def test_summary_slide_of_one_district(tmp_path) -> None:  # type: ignore[no-untyped-def]
    from pptx import Presentation

    from .conftest import SEEDS, run_cli

    deck = tmp_path / "one.pptx"
    assert run_cli("build", str(SEEDS / "000_d26088508ba062ac.txt"), "-o", str(deck), "-q").returncode == 0
    slide = Presentation(str(deck)).slides[1]
    body = next(s.text_frame.text for s in slide.shapes if s.name == "Body")
    assert body.split("\n")[0] == "金山区于2023年7月10日共召开 1 次会议：全会 1 次"
    assert "关注主题：产业转型" in body and "共同关注" not in body


def test_one_district_has_its_summary_instead_of_a_comparison(tmp_path) -> None:  # type: ignore[no-untyped-def]
    from pptx import Presentation

    from .conftest import SEEDS, run_cli

    deck = tmp_path / "one.pptx"
    done = run_cli("build", str(SEEDS), "--district", "金山", "-o", str(deck), "-q")
    assert done.returncode == 0, done.stderr
    titles = [slide_title(s) for s in Presentation(str(deck)).slides]
    assert "要情概览" in titles and not any(t.startswith(("各区比较", "主题强度对比")) for t in titles), titles
    # A template without the summary slide gets it where the comparison would have been.
    template = tmp_path / "t.yaml"
    template.write_text("slides: [title, districts, comparison, sources]\n", "utf-8")
    done = run_cli("build", str(SEEDS), "--district", "金山", "-t", str(template), "-o", str(deck), "-q")
    assert done.returncode == 0, done.stderr
    titles = [slide_title(s) for s in Presentation(str(deck)).slides]
    assert titles.count("要情概览") == 1 and titles.index("要情概览") == len(titles) - 2, titles


def test_counties_and_districts_are_counted_as_what_they_are(tmp_path) -> None:  # type: ignore[no-untyped-def]
    from pptx import Presentation

    from briefing.layout.summary import division_noun

    from .conftest import run_cli

    assert division_noun(["金山区", "西安市·新城区", "鄠邑区（原户县）"]) == "区"
    assert division_noun(["和县", "沁县"]) == "县"
    assert division_noun(["辽中区", "长白朝鲜族自治县", "未识别"]) == "区县"
    corpus = Path(__file__).parent / "corpus"
    deck = tmp_path / "mixed.pptx"
    pages = [str(next(corpus.glob(f"{n}_*.txt"))) for n in ("119", "124")]
    assert run_cli("build", *pages, "-o", str(deck), "-q").returncode == 0
    cover = "\n".join(s.text_frame.text for s in Presentation(str(deck)).slides[0].shapes if s.has_text_frame)
    assert "2 个区县 · 2 次会议" in cover


def test_a_headcount_is_no_key_figure() -> None:
    from pathlib import Path

    from briefing.comparer import headline_figures
    from briefing.model import KeyFigure, Meeting, MeetingDate, MeetingKind, SourceSentence

    def figure(value: str, number: float, unit: str, sentence: str) -> KeyFigure:
        return KeyFigure(value, number, unit, "", SourceSentence(Path("p.txt"), 0, sentence))

    meeting = Meeting("宜秀区", MeetingKind.PARTY_CONGRESS, "区第四次党代会", MeetingDate(), [], figures=[
        figure("206名", 206, "名", "大会应到代表206名，实到代表206名，符合法定人数。"),
        figure("45个", 45, "个", "完成45个市、区两级民生实事项目。"),
    ])
    assert [f.value for f in headline_figures([meeting])] == ["45个"]
