"""Encodings and file kinds a user will feed in."""

from __future__ import annotations

from pathlib import Path

import pytest

from briefing.errors import InputError
from briefing.reader import collect_inputs, read_source

TEXT = "中共嘉定區第七屆委員會第九次全體會議舉行。全會審議通過決議，部署2025年經濟社會發展目標任務。"


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "utf-16", "gb18030", "big5"])
def test_encodings_detected(tmp_path: Path, encoding: str) -> None:
    path = tmp_path / "r.txt"
    path.write_bytes(TEXT.encode(encoding))
    assert read_source(path).text == TEXT


def test_gbk_simplified(tmp_path: Path) -> None:
    text = "金山区委书记刘健就深化落实南北转型战略要求和做好下半年工作作了讲话。"
    path = tmp_path / "r.txt"
    path.write_bytes(text.encode("gbk"))
    assert read_source(path).text == text


def test_binary_file_is_an_input_error(tmp_path: Path) -> None:
    path = tmp_path / "r.txt"
    path.write_bytes(bytes(range(256)) * 8)
    with pytest.raises(InputError, match="binary"):
        read_source(path)


@pytest.mark.parametrize("content", [b"", b"   \n\t  \n"])
def test_empty_file_is_an_input_error(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "r.txt"
    path.write_bytes(content)
    with pytest.raises(InputError, match="empty"):
        read_source(path)


def test_html_article_extracted(tmp_path: Path) -> None:
    html = """<html><head><title>金山区委全会召开</title></head><body>
    <div class="nav">首页 | 新闻 | 视频</div>
    <article><h1>金山区委全会召开</h1>
    <p>7月10日下午，中国共产党上海市金山区第六届委员会第六次全体会议在区会议中心举行。全会审议通过了实施方案。</p>
    <p>全会指出，要聚焦五大重点区域，全力攻坚突破，努力把滨海地区打造成为滨海花园城市。</p></article>
    <footer>Copyright 2023 版权所有</footer></body></html>"""
    path = tmp_path / "page.html"
    path.write_text(html, "utf-8")
    source = read_source(path)
    assert source.format == "html"
    assert "第六届委员会第六次全体会议" in source.text
    assert "首页" not in source.text and "Copyright" not in source.text


def test_folder_expands_to_sorted_reports(tmp_path: Path) -> None:
    for name in ("b.txt", "a.md", "c.html", "d.pdf", "e.docx", "skip.xlsx"):
        (tmp_path / name).write_text("x", "utf-8")
    skipped: list[tuple[Path, list[Path]]] = []
    found = collect_inputs([tmp_path], lambda folder, files: skipped.append((folder, files)))
    assert [p.name for p in found] == ["a.md", "b.txt", "c.html", "d.pdf", "e.docx"]
    assert skipped == [(tmp_path, [tmp_path / "skip.xlsx"])]


def test_missing_path_is_an_input_error(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no such file"):
        collect_inputs([tmp_path / "nope"])


def test_markdown_is_read_as_its_text(tmp_path: Path) -> None:
    path = tmp_path / "report.md"
    path.write_text(
        "# 金山区委全会召开\n\n**会议**审议通过《方案》。要加快[转型](https://example.com/a)发展，\n"
        "推进产业升级。\n\n- 完成290项改革任务\n- 二是![图片](a.png)加强党建\n\n```\ncode()\n```\n\n"
        "<div class=\"clip\"><p>要守牢安全底线。</p><script>track()</script></div>\n",
        encoding="utf-8",
    )
    text = read_source(path).text
    assert text.splitlines()[0] == "金山区委全会召开"
    assert "会议审议通过《方案》。要加快转型发展，" in text
    assert "完成290项改革任务" in text and "二是加强党建" in text and "要守牢安全底线。" in text
    for markup in ("#", "**", "](", "https://", "a.png", "code()", "- ", "<", "track()"):
        assert markup not in text, markup


def test_a_page_too_deep_for_the_extractor_is_still_read(tmp_path: Path) -> None:
    report = "金山区委全会召开，审议通过《方案》。要加快转型发展，完成290项改革任务。"
    path = tmp_path / "deep.html"
    path.write_text("<html><head><title>t</title><script>var x;</script></head><body>"
                    + "<div>" * 3000 + f"<p>{report}</p>" + "</div>" * 3000 + "</body></html>", encoding="utf-8")
    source = read_source(path)
    assert report in source.text and "var x" not in source.text
    assert source.notes and "read all of its text" in source.notes[0]


def test_a_page_with_no_text_is_an_error(tmp_path: Path) -> None:
    path = tmp_path / "empty.html"
    path.write_text("<html><head><title>x</title></head><body><script>var a = 1;</script></body></html>",
                    encoding="utf-8")
    with pytest.raises(InputError, match="no article text"):
        read_source(path)
