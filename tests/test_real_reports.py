"""Reports beyond the seeds: other districts and cities, HTML clutter, Big5, two sources."""

from __future__ import annotations

import json

import pytest

from briefing.cleaner import clean_text

from .conftest import ROOT, SEEDS, run_cli

FIXTURES = ROOT / "tests" / "fixtures"


@pytest.fixture(scope="module")
def fixture_summary() -> dict:  # type: ignore[type-arg]
    done = run_cli("summarize", str(FIXTURES), str(SEEDS / "002_c877433114cd8e59.txt"), "--format", "json")
    assert done.returncode == 0, done.stderr
    data = json.loads(done.stdout)
    data["stderr"] = done.stderr
    return data


def _by_district(summary: dict, district: str) -> dict:  # type: ignore[type-arg]
    return next(m for m in summary["meetings"] if m["district"] == district)


def test_html_page_with_clutter(fixture_summary) -> None:  # type: ignore[no-untyped-def]
    m = _by_district(fixture_summary, "浦东新区")
    assert (m["kind"], m["name"], m["date"]["label"]) == ("全会", "区委五届六次全会", "2024年7月25日")
    assert {(x["role"], x["name"]) for x in m["leaders"]} == {("区委书记", "朱芝松"), ("区委副书记、区长", "吴金城")}
    assert any(d["adopted"] for d in m["documents"])
    assert "8213.5亿元" in {f["value"] for f in m["figures"]}
    text = json.dumps(m, ensure_ascii=False)
    for noise in ("首页", "Copyright", "相关新闻", "分享到", "ICP"):
        assert noise not in text
    source = next(s for s in fixture_summary["sources"] if s["path"].endswith("pudong_plenary.html"))
    assert source["published"] == "2024-07-26"


def test_district_of_another_city(fixture_summary) -> None:  # type: ignore[no-untyped-def]
    m = _by_district(fixture_summary, "璧山区")
    assert m["province"] == "重庆市"
    assert m["date"]["label"] == "2023年末（推断）"
    assert ("区委书记", "张智奎") in {(x["role"], x["name"]) for x in m["leaders"]}
    assert all("讲话" not in p["text"] and "工作报告" not in p["text"] for p in m["points"])


def test_big5_traditional_enlarged_standing_committee(fixture_summary) -> None:  # type: ignore[no-untyped-def]
    m = _by_district(fixture_summary, "徐汇区")
    assert m["kind"] == "常委会扩大会议"
    assert m["date"]["label"] == "3月5日（年份未写明）"
    assert [x["name"] for x in m["leaders"]] == ["曹立强"]


def test_report_without_district_kept_with_warning(fixture_summary) -> None:  # type: ignore[no-untyped-def]
    m = _by_district(fixture_summary, "未识别")
    assert m["district_recognised"] is False
    assert m["date"]["label"] == "日期不详"  # "近日" with no page date is not guessed
    assert "no_district.txt: no district recognised" in fixture_summary["stderr"]


def test_same_meeting_from_two_sources_is_merged(fixture_summary) -> None:  # type: ignore[no-untyped-def]
    jiading = [m for m in fixture_summary["meetings"] if m["district"] == "嘉定区"]
    assert len(jiading) == 1
    assert sorted(s.rsplit("/", 1)[-1] for s in jiading[0]["sources"]) == [
        "002_c877433114cd8e59.txt", "jiading_second_source.txt"]
    assert jiading[0]["date"]["label"] == "2024年末（推断）"


DISTRICTS = ["浦东新区", "黄浦区", "徐汇区", "长宁区", "静安区", "普陀区", "虹口区", "杨浦区",
             "闵行区", "宝山区", "嘉定区", "金山区", "松江区", "青浦区", "奉贤区", "崇明区"]


@pytest.mark.parametrize("district", DISTRICTS)
def test_all_sixteen_districts_in_traditional_script(district: str, tmp_path) -> None:  # type: ignore[no-untyped-def]
    from briefing.cleaner import convert_script

    short = district.removesuffix("新区").removesuffix("区")
    report = convert_script(
        f"{short}召开区委全会\n近日，中国共产党上海市{district}第三届委员会第五次全体会议举行。"
        f"全会强调，要推动{short}高质量发展，加快城市更新，保障和改善民生。", "zh-Hant")
    path = tmp_path / "r.txt"
    path.write_text(report, "utf-8")
    done = run_cli("summarize", str(path), "--format", "json", "-q")
    [meeting] = json.loads(done.stdout)["meetings"]
    assert (meeting["district"], meeting["name"]) == (district, "区委三届五次全会")


def test_control_characters_removed() -> None:
    paragraphs, _, _ = clean_text("金山区委全会\x00召开\x07。\u200b全会指出，要\x1b推动转型。")
    assert paragraphs == ["金山区委全会召开。全会指出，要推动转型。"]
