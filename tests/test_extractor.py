"""Meeting facts from the seeds, as `briefing summarize --format json` reports them."""

from __future__ import annotations

import json

import pytest

from briefing.dates import context_year
from briefing.leaders import find_leaders
from briefing.meetings import find_meetings, reported_meeting


def _meeting(summary: dict, name: str) -> dict:  # type: ignore[type-arg]
    return next(m for m in summary["meetings"] if m["name"] == name)


def _run(folder, name: str, text: str):  # type: ignore[no-untyped-def]
    """`briefing summarize` run on one page written to ``folder``: what it printed and said."""
    from .conftest import run_cli

    page = folder / name
    page.write_text(text, "utf-8")
    return run_cli("summarize", str(page), "--format", "json", "--no-cache")


def _summarized(folder, name: str, text: str) -> list[dict]:  # type: ignore[no-untyped-def,type-arg]
    """The meetings `briefing summarize` reports for one page written to ``folder``."""
    import json

    done = _run(folder, name, text)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)["meetings"]  # type: ignore[no-any-return]


def test_seed_001_yields_three_meetings(seeds_summary) -> None:  # type: ignore[no-untyped-def]
    from_001 = [m for m in seeds_summary["meetings"] if any("001_" in s for s in m["sources"])]
    assert sorted(m["name"] for m in from_001) == [
        "区委五届十三次全会", "第118次区政府常务会议", "第163次区委常委会会议"]


def test_meeting_kinds_dates_and_districts(seeds_summary) -> None:  # type: ignore[no-untyped-def]
    cases = {
        "区委六届六次全会": ("金山区", "全会", "2023年7月10日"),
        "区委五届十三次全会": ("金山区", "全会", "2021年7月8日（推断）"),
        "第163次区委常委会会议": ("金山区", "常委会会议", "2021年7月7日（推断）"),
        "第118次区政府常务会议": ("金山区", "政府常务会议", "2021年7月7日（推断）"),
        "区委七届九次全会": ("嘉定区", "全会", "2024年末（推断）"),
        "区委常委会扩大会议暨区委中心组学习会": ("杨浦区", "常委会扩大会议", "2025年3月17日（推断）"),
    }
    for name, (district, kind, date) in cases.items():
        m = _meeting(seeds_summary, name)
        assert (m["district"], m["kind"], m["date"]["label"]) == (district, kind, date), name
    songjiang = [m for m in seeds_summary["meetings"] if m["district"] == "松江区"]
    assert len(songjiang) == 1 and songjiang[0]["kind"] == "文章"


def test_leaders_with_roles(seeds_summary) -> None:  # type: ignore[no-untyped-def]
    roles = {(x["role"], x["name"]) for x in _meeting(seeds_summary, "区委常委会扩大会议暨区委中心组学习会")["leaders"]}
    assert {("区委书记", "薛侃"), ("区委副书记、区长", "周海鹰"), ("区人大常委会主任", "程绣明"),
            ("区政协主席", "邰荀")} <= roles
    names = [x["name"] for x in _meeting(seeds_summary, "区委七届九次全会")["leaders"]]
    assert names[:3] == ["陆方舟", "高香", "吴杰"]


def test_documents_adopted(seeds_summary) -> None:  # type: ignore[no-untyped-def]
    docs = _meeting(seeds_summary, "区委六届六次全会")["documents"]
    assert any(d["adopted"] and d["title"].startswith("金山区加快重点区域转型升级") for d in docs)


def test_key_figures_with_measures(seeds_summary) -> None:  # type: ignore[no-untyped-def]
    figures = {(f["value"], f["measure"]) for m in seeds_summary["meetings"] for f in m["figures"]}
    assert ("3726.3亿元", "属地规上工业产值") in figures
    assert ("290项", "改革任务") in figures
    assert ("1736家", "规上工业企业") in figures


def test_meeting_names_normalised() -> None:
    [m] = find_meetings("中国共产党上海市金山区第六届委员会第六次全体会议在区会议中心举行")
    assert m.name == "区委六届六次全会"
    [m] = find_meetings("记者从7月8日召开的五届区委十三次全会上获悉")
    assert m.name == "区委五届十三次全会"
    # Meetings only conveyed or named as the chair are found, but are not the one reported.
    assert reported_meeting(find_meetings("贯彻十一届市委十一次全会精神")) is None
    assert reported_meeting(find_meetings("全会由区委常委会主持")) is None


def test_context_year_rules() -> None:
    assert context_year("程绣明传达十四届全国人大三次会议精神") == 2025
    assert context_year("“十四五”规划收官之年") == 2025
    assert context_year("2021年金山区产业项目") == 2021
    assert context_year("近日召开") is None
    assert context_year("2013年以来，县委班子团结带领全县人民") is None  # since then: a later year


def test_a_regions_and_a_prefectures_bodies_hold_no_districts_meeting() -> None:
    from briefing.meetings import other_meeting

    assert find_meetings("1月19日上午，自治区政协十一届五次会议隆重开幕。") == []
    assert find_meetings("中国人民政治协商会议第十一届宁夏回族自治区委员会第五次会议在这里开幕。") == []
    assert find_meetings("3月28日下午，自治区十四届人大常委会第八次会议在广西人民会堂闭幕。") == []
    assert other_meeting("3月28日下午，自治区十四届人大常委会第八次会议在广西人民会堂闭幕。") is None
    assert other_meeting("12月24日，阿克苏地委召开第四十三次委员(扩大)会议，地委书记主持。") is None
    assert other_meeting("1月16日上午，十二届省政协召开第九次常委会议。") is None
    assert find_meetings("7日，政协长沙市第十三届委员会常务委员会第二十五次(扩大)会议召开。") == []
    assert [m.name for m in find_meetings("昨日，义乌市委常委会召开会议，传达学习精神。")] == ["市委常委会会议"]
    # An autonomous county's bodies are a county's.
    assert [m.kind.value for m in find_meetings("自治县十届人大常委会第7次主任会议召开。")] == ["人大常委会会议"]


def test_leader_names_trimmed_before_verbs() -> None:
    leaders = find_leaders("区委书记刘健就深化落实作了讲话。区委副书记、区长高香传达精神。区委副书记吴杰出席会议。")
    assert [(x.role, x.name) for x in leaders] == [
        ("区委书记", "刘健"), ("区委副书记、区长", "高香"), ("区委副书记", "吴杰")]


def test_templates_and_a_citys_meeting_are_no_district_meetings(tmp_path) -> None:  # type: ignore[no-untyped-def]
    import json

    from .conftest import run_cli

    (tmp_path / "template.txt").write_text(
        "同志们：今天我们在这里召开全区工作专题会。等下，区委XX书记还要作重要讲话。\nXX日，市委召开会议，部署XX年工作。\n",
        "utf-8")
    (tmp_path / "city.txt").write_text(
        "1月14日，中国共产党深圳市第六届委员会第九次全体会议召开。在市委六届九次全会分组讨论中，"
        "龙岗区委书记张勇在发言中谈到交通问题，龙岗区要加快建设东部中心。\n", "utf-8")
    done = run_cli("summarize", str(tmp_path), "--format", "json")
    assert done.returncode == 0, done.stderr
    assert "template.txt: a template with blanks to fill, not a report; left out" in done.stderr
    meetings = json.loads(done.stdout)["meetings"]
    assert [(m["district"], m["kind"]) for m in meetings] == [("龙岗区", "文章")]


def test_who_reports_for_the_committee_leads_a_party_congress() -> None:
    from briefing.model import MeetingKind

    text = ("10月28日，中国共产党成都市成华区第七次代表大会隆重开幕。刘光强、蒲发友、刘鸿在主席台前排就座。"
            "在热烈的掌声中，刘光强代表中共成都市成华区第六届委员会向大会作题为《开启新航程》的报告。")
    leaders = find_leaders(text, MeetingKind.PARTY_CONGRESS)
    assert leaders and leaders[0].name == "刘光强"
    # Not for other kinds: a government meeting is led by its head, not by who reports.
    assert not find_leaders(text, MeetingKind.GOVERNMENT)


def test_a_session_named_across_when_it_was_held() -> None:
    names = [m.name for m in find_meetings("中国共产党上海市浦东新区第五次代表大会主席团于昨日下午举行第一次会议。")]
    assert names == ["中国共产党上海市浦东新区第五次代表大会主席团第一次会议"]
    names = [m.name for m in find_meetings("中国共产党上海市浦东新区第五次代表大会昨日下午举行预备会议。")]
    assert names == ["中国共产党上海市浦东新区第五次代表大会预备会议"]


def test_names_without_a_han_surname_and_roles_from_elsewhere_on_the_page() -> None:
    from briefing.model import Leader, MeetingKind

    text = "旗委书记王雪峰，旗委副书记、政府旗长希尼，旗人大常委会主任宝音满都呼，旗政协主席郝伟参加会议。"
    leaders = find_leaders(text, MeetingKind.PEOPLES_CONGRESS, "旗")
    assert leaders[0] == Leader("宝音满都呼", "旗人大常委会主任")
    assert "希尼" in [x.name for x in leaders]
    # Listed among the executive chairs first, then named the one who leads ("常务主席"),
    # right before what he does: a name of no Han surname that is not written whole.
    text = ("大会执行主席张胜利、才仁、王玉珠在主席台前排就座。大会主席团常务主席、执行主席才仁主持会议。"
            "桑周代表县人民政府向大会作工作报告。")
    assert find_leaders(text, MeetingKind.PEOPLES_CONGRESS, "县")[0] == Leader("才仁", "大会主席团常务主席、执行主席")
    assert [x.name for x in find_leaders("县长主持会议并讲话。", MeetingKind.GOVERNMENT_PLENARY, "县")] == []
    # A body's name is no person's: "区委常委会主持" names no one called 会主持.
    assert [x.name for x in find_leaders("会议由区委常委会主持。")] == []
    # "受县委书记许红兵委托": the name stops before 委托.
    assert find_leaders("受县委书记许红兵委托，县长王代强主持会议。")[0].name in ("许红兵", "王代强")
    # A report that names its presider without a role takes the role the page gave him.
    known = [Leader("朱芝松", "市委常委、区委书记")]
    text = "会议首先由大会秘书长单少军主持。主席团常务委员会产生后，会议由朱芝松主持。"
    assert find_leaders(text, MeetingKind.PARTY_CONGRESS, "区", known)[0].name == "朱芝松"


def test_the_highest_office_present_leads_a_meeting_of_no_listed_kind() -> None:
    from briefing.model import MeetingKind

    text = "8月29日下午，报告起草工作领导小组全体会议召开。县委书记胡泽出席会议并讲话，县委常委费国华主持会议。"
    assert find_leaders(text, MeetingKind.OTHER, "县")[0].name == "胡泽"


def test_who_gives_the_speech_leads_where_no_title_says_who_does() -> None:
    from briefing.model import MeetingKind

    text = ("9月18日，县委常委、县政府副县长李启龙在县政府十八届五次全体(扩大)会议上强调指出：强化责任担当。"
            "县委常委、县政府副县长付永亮主持会议。")
    assert find_leaders(text, MeetingKind.GOVERNMENT_PLENARY, "县")[0].name == "李启龙"


def test_a_name_written_before_the_heads_title() -> None:
    from briefing.model import MeetingKind

    lead = "2024年11月18日下午，邓晓东区长主持召开2024年区政府第18次常务会议。"
    assert [(x.name, x.role) for x in find_leaders(lead, MeetingKind.GOVERNMENT)] == [("邓晓东", "区长")]
    # A verb after a title is no name.
    assert [x.name for x in find_leaders("会上，王华区长强调，要抓好开局。")] == ["王华"]


def test_the_lead_names_in_full_what_the_heading_names_short(tmp_path) -> None:  # type: ignore[no-untyped-def]
    [meeting] = _summarized(tmp_path, "baodi.txt", "\n".join([
        "区委常委会听取有关工作汇报部署重点任务",
        "日前，区委常委会召开会议，听取区人大常委会、区政府党组工作汇报，就做好下一步重点任务进行部署。"
        "区委书记毛劲松主持会议并讲话。",
    ]))
    assert meeting["name"] == "区委常委会会议"


def test_of_two_city_secretaries_the_one_of_the_page_leads() -> None:
    from briefing.model import MeetingKind

    text = ("5月10日上午，义乌市委召开常委(扩大)会议，传达学习金华市委书记赵光君的讲话精神。"
            "义乌市委书记盛秋平主持会议。要贯彻落实全省工作部署会和金华市委常委扩大会精神。")
    leaders = find_leaders(text, MeetingKind.STANDING_ENLARGED, "市", place="义乌")
    assert leaders[0].name == "盛秋平"
    assert "扩大会精神" not in [x.name for x in leaders]  # a verb after a title is no name


def test_a_name_that_reads_either_way_is_read_as_the_page_writes_it_elsewhere() -> None:
    text = "区委副书记孙晓慧主持召开分党组书记会议，区委书记李军作讲话，李军指出：开好这次会议意义重大。"
    assert "李军" in [x.name for x in find_leaders(text)]
    assert "张军作" in [x.name for x in find_leaders("区委书记张军作讲话。")]


def test_a_meeting_titled_by_the_speech_it_studies_held_on_a_higher_bodys_plan() -> None:
    from briefing.meetings import other_meeting

    lead = ("根据省委统一部署，4月14日，深入学习贯彻习近平总书记在贵州考察时的重要讲话精神省委宣讲团报告会"
            "在钟山区举行。区委书记李仕强主持。")
    found = other_meeting(lead)
    assert found is not None and found.name.endswith("精神省委宣讲团报告会")
    assert other_meeting("4月14日，省委召开学习贯彻全会精神报告会。") is None  # the province's own
    assert other_meeting("会议传达学习了中央经济工作会议精神。") is None


def test_a_pages_title_block_before_its_news_leads_is_no_meeting(tmp_path) -> None:  # type: ignore[no-untyped-def]
    meetings = _summarized(tmp_path, "pudong.txt", "\n".join([
        "浦东新区第五次党代表大会今开幕",
        "上海财经网【上海财经号】：",
        "预备会议和主席团一次会议昨举行",
        "本报讯 中国共产党上海市浦东新区第五次代表大会昨日下午举行预备会议。市委常委、区委书记朱芝松主持会议。"
        "会议表决通过由11人组成的代表资格审查委员会成员名单，通过大会主席团成员名单，通过大会秘书处的机构设置。",
        "本报讯 中国共产党上海市浦东新区第五次代表大会主席团于昨日下午举行第一次会议。会议首先由大会秘书长单少军主持。"
        "主席团常务委员会产生后，会议由朱芝松主持。他指出，开好党代会，关键是做好两方面的工作。",
    ]))
    assert sorted(m["name"] for m in meetings) == [
        "中国共产党上海市浦东新区第五次代表大会主席团第一次会议", "中国共产党上海市浦东新区第五次代表大会预备会议"]
    assert all(m["leaders"][0]["name"] == "朱芝松" for m in meetings)


@pytest.mark.parametrize(("text", "kind", "name"), [
    ("县政协主席戴昭军主持召开县政协十一届十八次常委会会议。", "政协会议", "县政协十一届十八次常委会会议"),
    ("1月12日上午，县政协九届常委会第二十四次会议召开。", "政协会议", "县政协九届常委会第二十四次会议"),
    ("12月25日下午，县政协十届二次会议预备会议暨五次常委会议在玉立碧玉堂召开。", "政协会议",
     "县政协十届二次会议预备会议暨五次常委会议"),
    ("县人大常委会主任文牧主持召开自治县十届人大常委会第7次主任会议。", "人大常委会会议",
     "自治县十届人大常委会第7次主任会议"),
    ("1月20日，区委召开八届常务委员会第119次会议。", "常委会会议", "区委八届常务委员会第119次会议"),
    ("区长汪世平主持召开第18届人民政府第58次常务会议。", "政府常务会议", "第18届人民政府第58次常务会议"),
    ("区长徐江主持召开区政府2020年第一次全体会议。", "政府全体会议", "区政府2020年第一次全体会议"),
    ("8月16日下午，西岗区政府召开第十九届第二次全体(扩大)会议。", "政府全体会议",
     "区政府第十九届第二次全体（扩大）会议"),
    ("1月16日，铁东区十九届人民政府召开第四次全体(扩大)会议。", "政府全体会议",
     "区十九届人民政府第四次全体（扩大）会议"),
    ("副县长李启龙在县政府十八届五次全体(扩大)会议上强调指出：强化责任担当。", "政府全体会议",
     "县政府十八届五次全体（扩大）会议"),
    ("区长主持召开区政府第5次常务（扩大）会议。", "政府常务会议", "区政府第5次常务（扩大）会议"),
    ("2月26日上午，北辰区政协召开八届二十一次常委(扩大)会议。", "政协会议", "区政协八届二十一次常委（扩大）会议"),
    ("7月23日，西青区委常委会(扩大)会议暨半年经济运行分析会召开。", "常委会扩大会议",
     "区委常委会（扩大）会议暨半年经济运行分析会"),
    ("6月16日，县政协召开党组理论学习中心组学习暨十一届二十次主席(扩大)会议。", "政协会议",
     "县政协党组理论学习中心组学习暨十一届二十次主席（扩大）会议"),
])
def test_meeting_names_as_bodies_write_them(text: str, kind: str, name: str) -> None:
    found = reported_meeting(find_meetings(text))
    assert found is not None and (found.kind.value, found.name) == (kind, name)


def test_a_session_announced_for_later_is_not_held() -> None:
    text = "县政协九届三次会议将于2019年2月26日召开"
    assert [m.held for m in find_meetings(text)] == [-1]


def test_a_date_that_lost_its_year_and_month_marks() -> None:
    from briefing.dates import _compact_date

    assert str(_compact_date("2018", "813")) == "2018-08-13"
    assert str(_compact_date("2022", "1231")) == "2022-12-31"
    assert _compact_date("2022", "111") is None  # 1月11日 or 11月1日: not read


def test_the_first_date_of_the_lead_is_the_meetings(tmp_path) -> None:  # type: ignore[no-untyped-def]
    [meeting] = _summarized(tmp_path, "xishan.txt",
                            "7月26日，中共无锡市锡山区第四届委员会第十二次全体会议召开，全会决定2021年7月28日至30日召开"
                            "中国共产党无锡市锡山区第五次代表大会。区委书记周文栋代表区委常委会讲话。\n")
    assert (meeting["date"]["month"], meeting["date"]["day"]) == (7, 26)


def test_a_standing_meeting_with_its_term_before_the_body() -> None:
    text = "县长主持召开县政府党组2023年第16次会议、十八届县人民政府第28次常务会议。"
    found = [m for m in find_meetings(text) if m.kind.value == "政府常务会议"]
    assert [m.name for m in found] == ["十八届县人民政府第28次常务会议"]
    assert [m.kind.value for m in find_meetings("兴县县委召开县委常委扩大会议。")] == ["常委会扩大会议"]


def test_a_bodys_first_meeting_under_its_new_name() -> None:
    from briefing.meetings import other_meeting

    lead = "3月12日，区委书记主持召开区委全面深化改革领导小组更名为区委全面深化改革委员会后的第一次会议。"
    found = other_meeting(lead)
    assert found is not None and found.name == "区委全面深化改革委员会第一次会议"
    standing = [m for m in find_meetings("区长主持召开区政府党组（扩大）会议暨第十九次政府常务会议。")
                if m.kind.value == "政府常务会议"]
    assert [m.name for m in standing] == ["第十九次政府常务会议"]


def test_a_session_named_by_the_body_before_it_and_a_long_second_role() -> None:
    from briefing.meetings import other_meeting
    from briefing.model import MeetingKind

    found = other_meeting("5月30日，蒙阴县委全面依法治县委员会召开第一次会议，审议通过工作规则。")
    assert found is not None and found.name == "蒙阴县委全面依法治县委员会第一次会议"
    text = "县委书记、县委全面依法治县委员会主任王皓玉主持会议并讲话。"
    assert find_leaders(text, MeetingKind.OTHER, "县")[0].name == "王皓玉"
    assert [m.name for m in find_meetings("秦怀东主持召开2026年第1次旗政府常务会议。")] == ["2026年第1次旗政府常务会议"]


def test_a_cppcc_standing_session_with_its_term_first_and_a_day_that_lost_its_month(tmp_path) -> None:  # type: ignore[no-untyped-def]
    [meeting] = _summarized(tmp_path, "haidian.txt",
                            "原文链接：https://hdzx.bjhd.gov.cn/2019/zxyx/zxhy/cwhy/202412/t20241226_4750998.shtml\n"
                            "来源:区政协办公室发布日期:2024-12-26\n"
                            "1226日，十一届区政协常委会召开第16次会议，区政协主席刘勇出席。会议听取了提案办理情况的通报，"
                            "研究了区政协十一届四次会议议程、日程，并审议决定调整增补委员名单。\n")
    assert meeting["kind"] == "政协会议"
    assert (meeting["date"]["year"], meeting["date"]["month"], meeting["date"]["day"]) == (2024, 12, 26)


def test_a_heading_names_the_meeting_its_elliptic_lead_reports(tmp_path) -> None:  # type: ignore[no-untyped-def]
    [meeting] = _summarized(tmp_path, "putuo.txt",
                            "【政协年中工作会议】\n8月7日在区图书馆举行。与会委员列席区人大常委会会议，听取上海普陀区政府"
                            "上半年工作总结和下半年工作安排的报告，就区域转型发展、民生改善等方面提出意见建议。\n")
    assert (meeting["name"], meeting["kind"]) == ("政协年中工作会议", "其他")
    found = reported_meeting(find_meetings("5月30日，我区召开第三届人民代表大会常务委员会第二次会议。"))
    assert found is not None and found.kind.value == "人大常委会会议"


def test_a_date_of_what_the_meeting_conveys_is_not_its_own(tmp_path) -> None:  # type: ignore[no-untyped-def]
    [meeting] = _summarized(tmp_path, "kaili.txt",
                            "原文链接：http://example.cn/szb/pc/202205/13/c1.html\n"
                            "近日，市长杨波主持召开凯里市第十届人民政府第十五次常务会议，传达学习4月19日习近平总书记"
                            "在主持召开中央全面深化改革委员会第二十五次会议时的重要讲话精神，4月20日国务院常务会议精神。\n")
    assert meeting["date"]["day"] is None and meeting["date"]["month"] == 5 and meeting["date"]["inferred"]
    # The meeting's own date, written first, still counts.
    [meeting] = _summarized(tmp_path, "kaili.txt",
                            "5月9日，市长杨波主持召开凯里市第十届人民政府第十五次常务会议，传达学习4月19日会议精神。\n")
    assert (meeting["date"]["month"], meeting["date"]["day"]) == (5, 9)


def test_a_centre_group_of_a_party_group_and_one_held_with_another_meeting() -> None:
    found = find_meetings("10月16日，察右后旗政协党组召开理论学习中心组学习暨专题研讨会。")
    assert [(m.kind.value, m.name) for m in found] == [("中心组学习会", "旗政协党组理论学习中心组学习暨专题研讨会")]
    found = find_meetings("全旗领导干部参加旗委理论学习中心组2021年第十二次集体学习会"
                          "暨铸牢中华民族共同体意识专题研讨会。")
    assert [m.name for m in found] == ["旗委理论学习中心组2021年第十二次集体学习会暨铸牢中华民族共同体意识专题研讨会"]


def test_a_prefecture_level_citys_meeting_that_names_no_division_is_left_out(tmp_path) -> None:  # type: ignore[no-untyped-def]
    import json

    from .conftest import run_cli

    (tmp_path / "ordos.txt").write_text(
        "9月12日上午，市委理论学习中心组2024年第十三次集体学习会举行。市委书记李理出席。"
        "会议以视频形式开到各旗区。\n", "utf-8")
    (tmp_path / "anshan.txt").write_text(
        "原文链接：https://example.xyz/news/search?q=ANSHAN\n"
        "24日，市委副书记、市长吴开华主持召开市政府党组会议暨理论学习中心组学习会议和常务会议。\n", "utf-8")
    (tmp_path / "county_city.txt").write_text(
        "5月9日，市委书记主持召开市委常委会会议，研究部署全市安全生产工作。\n", "utf-8")
    done = run_cli("summarize", str(tmp_path), "--format", "json", "--no-cache")
    assert done.returncode == 0, done.stderr
    meetings = json.loads(done.stdout)["meetings"]
    # A 市 with no sign of divisions below it may be a county-level city: kept, its place unknown.
    assert [m["sources"][0].rsplit("/", 1)[-1] for m in meetings] == ["county_city.txt"]
    assert "ordos.txt: no meeting report about one district found; left out" in done.stderr


def test_a_censors_mask_is_no_blank_and_who_opens_a_session_presides() -> None:
    from briefing.meetings import is_template
    from briefing.model import MeetingKind

    report = ("3月10日上午，吉安县第十七届人民代表大会第六次会议开幕。全县深入学习贯彻党的******和二十届历次全会精神，"
              "深化落实******总书记考察江西重要讲话精神。")
    assert not is_template(report)
    assert is_template("同志们：区委XX书记还要作重要讲话。XX日，市委召开会议。")
    text = "大会执行主席傅小林、王头生、尹子安在主席台前排就座。尹子安宣布大会开幕并主持第一阶段大会。"
    assert find_leaders(text, MeetingKind.PEOPLES_CONGRESS, "县")[0].name == "尹子安"


def test_minutes_numbered_items_stay_with_their_meeting(tmp_path) -> None:  # type: ignore[no-untyped-def]
    [meeting] = _summarized(tmp_path, "doumen.txt", "\n".join([
        "2023年10月26日上午，区长韩云同志主持召开五届68次区政府常务会议。纪要如下：",
        "一、传达学习省政府主要领导同志调研精神",
        "会议强调，要坚持实体经济为本、制造业当家，加快形成新质生产力，持续增强发展新动能。",
        "三、审议《关于珠海市斗门区2023年区本级预算调整方案的报告（送审稿）》",
        "会议听取了区财政局关于预算调整方案的汇报。", ""]))
    assert (meeting["district"], meeting["name"]) == ("斗门区", "五届68次区政府常务会议")
    from briefing.pipeline import read_documents
    from briefing.segmenter import segment_document

    [doc] = read_documents([tmp_path / "doumen.txt"])
    [report] = segment_document(doc)
    assert report.paragraphs[-1].text == "会议听取了区财政局关于预算调整方案的汇报。"


@pytest.mark.parametrize(("text", "kind", "name"), [
    # The body named twice ("市人大常委会召开第十五届人大常委会…") is written once.
    ("6月23日，市人大常委会召开第十五届人大常委会第三十七次会议。", "人大常委会会议",
     "第十五届人大常委会第三十七次会议"),
    # The party members among a session's delegates meet: not the session.
    ("今天下午，市第十八届人民代表大会第五次会议代表中的中共党员会议召开。会议成立市十八届人大五次会议临时党总支。",
     "其他", "市第十八届人民代表大会第五次会议代表中的中共党员会议"),
])
def test_names_of_bodies_written_twice_and_of_a_sessions_party_members(text: str, kind: str, name: str) -> None:
    from briefing.model import Paragraph
    from briefing.segmenter import lead_meeting

    found = lead_meeting([Paragraph(t, i, False) for i, t in enumerate(text.split("\n"))])
    assert found is not None and (found.kind.value, found.name) == (kind, name)


def test_a_citys_committee_meeting_in_a_county_then_named_so(tmp_path) -> None:  # type: ignore[no-untyped-def]
    # 平果县 (a county until 2019, 平果市 today): the page writes 平果县, so its 市委 is 百色's.
    [meeting] = _summarized(tmp_path, "pingguo.txt",
                            "5月4日，市委常委会在平果县召开会议，研究平果县撤县设市有关事项。会议由市委书记彭晓春主持。"
                            "会议同意申报撤销平果县，设立县级平果市。平果县撤县设市符合百色市实际。\n")
    assert meeting["kind"] == "文章"
    # And a prefecture-level city named in the text (钦州), its 市 bodies only: no county's meeting.
    from briefing.places import prefecture_page

    assert prefecture_page("推动钦州高质量发展的强大力量。", None)


def test_two_standing_meetings_in_one_piece_and_a_heading_named_short(tmp_path) -> None:  # type: ignore[no-untyped-def]
    # The heading names the meeting short; the lead in full. "又讯" opens a second report,
    # whose standing meeting is written without its body (县政府党组会议和2025年第17次常务会议).
    meetings = _summarized(tmp_path, "twice.txt", "\n".join([
        "县政府常务会议召开",
        "本报讯 5月23日，县长施家雄主持召开县政府党组会议和县政府2025年第16次常务会议。会议研究了闽侯县防汛工作。",
        "又讯 5月29日，县长施家雄主持召开县政府党组会议和2025年第17次常务会议。会议研究了闽侯县招商引资工作。", ""]))
    assert sorted((m["name"], m["date"]["day"]) for m in meetings) == [
        ("县政府2025年第16次常务会议", 23), ("县政府2025年第17次常务会议", 29)]


@pytest.mark.parametrize(("text", "name"), [
    # The term before a body named twice ("县十五届县委常委会第24次会议").
    ("6月30日，县委书记刘中英主持召开县十五届县委常委会第24次会议。", "十五届县委常委会第24次会议"),
    # Where a session is held, between the body and its session: dropped from the name.
    ("1月11日，中国共产党新昌县第十五次代表大会在尹桂芳大剧院举行预备会议。",
     "中国共产党新昌县第十五次代表大会预备会议"),
    # A session's term without 第, and its preparatory meeting written 预备会.
    ("5月7日下午，西华县十五届人民代表大会第四次会议预备会在县委党校举行。",
     "西华县十五届人民代表大会第四次会议预备会"),
    # The year written before the place before the body.
    ("1月17日晚，区长刘基棠主持召开2024年荔城区人民政府第1次常务会议。", "2024年区人民政府第1次常务会议"),
    # A party group's meeting held with the directors' (党组暨主任会议).
    ("3月31日上午，区二届人大常委会召开第28次党组暨主任会议。", "区二届人大常委会第28次党组暨主任会议"),
])
def test_names_with_a_term_before_the_body_and_a_venue_before_the_session(text: str, name: str) -> None:
    from briefing.model import Paragraph
    from briefing.segmenter import lead_meeting

    found = lead_meeting([Paragraph(text, 0, False)])
    assert found is not None and found.name == name


def test_a_day_that_lost_its_month_when_no_day_of_a_month_is_so_large(tmp_path) -> None:  # type: ignore[no-untyped-def]
    lead = "旗政协十届九次常委会会议召开，旗政协主席高荣堂主持会议。"
    [meeting] = _summarized(tmp_path, "lost.txt", f"发布时间:2020-04-04 19:34\n43日，{lead}\n")
    assert (meeting["date"]["month"], meeting["date"]["day"]) == (4, 3)
    # "12日" is the 12th, not 1月2日.
    [meeting] = _summarized(tmp_path, "day.txt", f"发布时间:2020-04-14 19:34\n12日，{lead}\n")
    assert meeting["date"].get("day") != 2


def test_a_name_before_an_invitation_and_the_year_of_a_review_and_plan(tmp_path) -> None:  # type: ignore[no-untyped-def]
    [meeting] = _summarized(tmp_path, "gongjing.txt", "\n".join([
        "3月31日，区委副书记、区长方矛主持召开贡井区第十九届人民政府第一次全体会议，总结2021年区政府工作，"
        "安排部署2022年重点工作。区委副书记刘杰应邀出席会议。", ""]))
    assert [leader["name"] for leader in meeting["leaders"]] == ["方矛", "刘杰"]
    # Reviewing 2021 and planning 2022 in March: 2022, inferred.
    assert (meeting["date"]["year"], meeting["date"]["inferred"]) == (2022, True)


@pytest.mark.parametrize("text", [
    # A province's congress written without its body ("省第十三次党代会"), which the
    # meeting only conveys; and a city's delegation meeting at the region's congress.
    "5月5日，市政协党组书记、主席杨川庆主持召开市政协党组会议，传达学习省第十三次党代会精神。\n"
    "会议指出，省第十三次党代会，是在全省上下加快推进全面振兴的关键时期召开的一次十分重要的会议。\n",
    "1月16日上午，参加自治区十一届人大四次会议的梧州代表团全体代表，在广西人民会堂举行了第一次代表团会议。\n"
    "会议选举刘志勇为代表团团长。\n",
    # A province's standing committee holds the session's plenary; the judge named after
    # his title (院长孙洪山) is no 洪山区.
    "本报讯 于11月25日在省十三届人民代表大会常务委员会第十四次会议上召开了第一次全体会议。"
    "省高级人民法院院长孙洪山、省人民检察院检察长杨景海出席会议。\n",
])
def test_no_countys_meeting_where_a_higher_body_meets_or_is_attended(tmp_path, text: str) -> None:  # type: ignore[no-untyped-def]
    found = _summarized(tmp_path, "higher.txt", text)
    # The province's congress and the delegation's meeting are no one's here; the city's
    # own party group meeting, its city unnamed, is listed under 未识别.
    assert [(m["kind"], m["name"]) for m in found if m["kind"] != "文章"] in ([], [("其他", "市政协党组会议")])


def test_a_date_line_written_month_first(tmp_path) -> None:  # type: ignore[no-untyped-def]
    page = ("来源 东方网 沈丽娟 發表時間:11/20/2021 瀏覽 138 次\n"
            "11月20日，中国共产党哈尔滨市松北区第四届委员会第十一次全体会议召开。区委书记代守仑主持会议。\n")
    [meeting] = _summarized(tmp_path, "songbei.txt", page)
    assert (meeting["date"]["year"], meeting["date"]["month"], meeting["date"]["day"]) == (2021, 11, 20)


def test_a_deputy_of_the_main_office_leads_before_a_presider_of_none(tmp_path) -> None:  # type: ignore[no-untyped-def]
    text = ("1月15日下午，区政协召开六届四次会议各讨论组组长会议。区政协副主席邵惠娟，大会秘书处秘书长黄军华出席会议。"
            "邵惠娟强调，各讨论组组长要提高政治站位。黄军华主持会议。\n")
    [meeting] = _summarized(tmp_path, "groups.txt", text)
    assert meeting["name"] == "区政协六届四次会议各讨论组组长会议"
    assert meeting["leaders"][0]["name"] == "邵惠娟"


def test_an_official_document_is_no_meeting_report(tmp_path) -> None:  # type: ignore[no-untyped-def]
    text = ("各乡镇人民政府，市级各部门：\n"
            "《禄丰市人民政府常务会议议事规则》已经2024年11月13日召开的二届市人民政府第93次常务会议通过，现予印发。\n"
            "第一条 为推进市政府常务会议议事决策科学化，制定本规则。\n")
    done = _run(tmp_path, "rules.txt", text)
    assert "official document" in done.stderr
    assert done.returncode != 0 or json.loads(done.stdout)["meetings"] == []


def test_a_heading_names_the_session_a_standing_meeting_decided_on(tmp_path) -> None:  # type: ignore[no-untyped-def]
    text = ("梅江区政协八届四次会议于4月15日至17日召开\n"
            "4月9日，梅江区政协召开八届十次常委会议。区政协党组书记房科辉，区政协副主席杜延生、刘伟球参加。"
            "会议协商决定，区政协八届四次会议于2024年4月15日至17日召开。\n")
    [meeting] = _summarized(tmp_path, "decided.txt", text)
    assert meeting["name"] == "区政协八届十次常委会议"
    assert (meeting["date"]["month"], meeting["date"]["day"]) == (4, 9)
    # The body's party secretary leads where no one is titled its chair.
    assert meeting["leaders"][0]["name"] == "房科辉"


@pytest.mark.parametrize("text", [
    # A region's government, written as its body right before the session.
    "1月15日，自治区主席张雨浦主持召开自治区政府2026年第1次常务会议，讨论政府工作报告。\n",
    # An autonomous prefecture's CPPCC (州政协), above its counties; 开州 is no place here.
    "12月16日，州政协党组书记、主席李科加主持召开州政协主席会议。会议审议通过了有关事项。\n",
    "10月23日，州政协十一届二十九次常委会召开。州政协主席王正君主持会议并讲话，构建和谐临夏。\n",
])
def test_no_countys_meeting_where_a_region_or_prefecture_holds_it(tmp_path, text: str) -> None:  # type: ignore[no-untyped-def]
    found = _summarized(tmp_path, "above.txt", text)
    assert [m["kind"] for m in found if m["kind"] != "文章"] == []


def test_a_county_level_citys_body_whose_name_ends_in_zhou_is_its_own() -> None:
    from briefing.meetings import _higher_owner

    assert _higher_owner("主持召开", "州政协主席会议")
    assert not _higher_owner("1月6日，禹", "州政协主席会议")  # 禹州市, a county-level city


def test_the_term_a_name_with_the_year_of_a_session_and_the_full_cppcc_name(tmp_path) -> None:  # type: ignore[no-untyped-def]
    from briefing.meetings import find_meetings

    # The term before the body, a year written with 度, the owner of a centre group.
    assert [m.name for m in find_meetings("县委书记沈鹏里主持召开十届县委常委会第101次(扩大)会议。")] == [
        "十届县委常委会第101次（扩大）会议"]
    [standing] = find_meetings("6月27日，第十九届东丰县人民政府2025年度第八次常务会议召开。")
    assert standing.kind.value == "政府常务会议"
    [study] = find_meetings("县长王俊卿主持召开了县政府党组理论学习中心组学习会议。")
    assert study.name == "县政府党组理论学习中心组学习会议"
    # The CPPCC written out is shown as 政协, and the day's sitting is part of the name.
    [session] = find_meetings("中国人民政治协商会议第十届吉县委员会第四次会议举行议政大会。")
    assert session.name == "政协第十届吉县委员会第四次会议议政大会"


def test_a_county_of_two_characters_inside_a_cppcc_name_and_a_place_inside_a_titled_name(tmp_path) -> None:  # type: ignore[no-untyped-def]
    text = ("4月7日，中国人民政治协商会议第十届吉县委员会第四次会议举行议政大会。县委副书记、县长牛永福出席会议并讲话，"
            "大会执行主席李桂萍、张宇宏在主席台前排就座。牛永福认真听取了政协委员的议政发言。\n")
    [meeting] = _summarized(tmp_path, "jixian.txt", text)
    # 吉县 in 第十届吉县委员会; 永福 (桂林's 永福县) inside the county head's name.
    assert meeting["district"] == "吉县"
    # A session's executive chair holds no chair's office: the county head who speaks leads.
    assert meeting["leaders"][0]["name"] == "牛永福"


def test_every_form_of_a_kind_holds_one_of_its_cues() -> None:
    # A text holding none of a kind's cues is not searched for it: every form must hold one.
    from briefing.data import read_yaml

    data = read_yaml("meetings.yaml")
    samples = {"{SC}": "常委会", "{G}": "政府", "{L}": "县", "{N}": "一", "{B}": "", "{T}": "",
               "{GROUPS}": "代表团召集人会议"}
    for kind, forms in data["kinds"].items():
        for form in forms:
            for placeholder, sample in samples.items():
                form = form.replace(placeholder, sample)
            assert any(cue in form for cue in data["kind_cues"][kind]), (kind, form)


def test_a_lead_giving_the_day_alone_takes_its_month_from_the_date_line(tmp_path) -> None:  # type: ignore[no-untyped-def]
    page = "时间:2020-03-26 来源:本网\n24日上午，区委书记吴泽桐主持召开区委全面依法治区委员会第二次会议。\n"
    [meeting] = _summarized(tmp_path, "day.txt", page)
    assert (meeting["date"]["year"], meeting["date"]["month"], meeting["date"]["day"]) == (2020, 3, 24)
    # A day after the page's own is the month before.
    page = "发布时间：2014-02-03\n29日下午，市委书记陈其春主持召开市委常委（扩大）会议。\n"
    [meeting] = _summarized(tmp_path, "before.txt", page)
    assert (meeting["date"]["year"], meeting["date"]["month"], meeting["date"]["day"]) == (2014, 1, 29)


def test_the_place_that_owns_the_body_outweighs_a_place_the_meeting_conveys(tmp_path) -> None:  # type: ignore[no-untyped-def]
    text = ("2月24日上午，郁南县委书记梁世军主持召开县委常委会会议。会议传达学习习近平总书记对四川宜宾市筠连县"
            "山体滑坡作出的重要指示精神，研究部署我县防灾减灾工作。\n")
    [meeting] = _summarized(tmp_path, "owner.txt", text)
    assert meeting["district"] == "郁南县"


def test_centre_group_sessions_sittings_and_a_session_being_prepared(tmp_path) -> None:  # type: ignore[no-untyped-def]
    from briefing.meetings import find_meetings

    name = "区委理论学习中心组第十五次集中学习会暨党史学习教育专题读书班第十一次交流研讨会"
    [study] = find_meetings(f"区委书记何庆主持召开{name}。")
    assert study.name == name
    [sitting] = find_meetings("1月31日上午，政协民乐县第十届委员会第二次会议举行“学习贯彻中共二十大精神”建言献策大会。")
    assert sitting.name == "政协民乐县第十届委员会第二次会议建言献策大会"
    # A session whose preparations are spoken of is not the meeting held; a CPPCC's members
    # in the name of the meeting held are no second mention of its body.
    text = ("11月3日，县政协召开乡镇(开发区)政协委员联络组和专委会工作会议。县政协主席赵强出席，副主席李光年主持会议。"
            "县政协办公室安排了县政协十届二次会议相关筹备工作。赵强在会上强调，要全力做好县政协十届二次会议的筹备工作。\n")
    [meeting] = _summarized(tmp_path, "liaison.txt", text)
    assert meeting["name"] == "县政协乡镇（开发区）政协委员联络组和专委会工作会议"
    assert meeting["leaders"][0]["name"] == "赵强"  # who speaks at it, above who presides


def test_a_forest_districts_party_secretary_leads(tmp_path) -> None:  # type: ignore[no-untyped-def]
    text = ("4月20日，林区党委书记冯伟主持召开中共神农架林区第十二届委员会全面依法治区委员会第四次会议。"
            "林区党委副书记、政府区长刘启俊出席会议。\n")
    [meeting] = _summarized(tmp_path, "forest.txt", text)
    assert meeting["district"] == "神农架林区"
    assert meeting["leaders"][0]["name"] == "冯伟"


def test_a_standing_meeting_written_without_its_last_character_and_a_citys_session(tmp_path) -> None:  # type: ignore[no-untyped-def]
    text = ("2月28日，县长王丰鹏主持召开县政府第59次常务会。会议主要传达市委书记钟利贵在市十三届人大四次会议"
            "闭幕时的讲话精神，讨论我县《关于推进农村改革发展的实施意见》。\n")
    [meeting] = _summarized(tmp_path, "xiushui.txt", text)
    assert (meeting["kind"], meeting["name"]) == ("政府常务会议", "县政府第59次常务会")


def test_a_new_areas_bodies_and_a_standing_committees_plenary_sitting() -> None:
    from briefing.meetings import find_meetings

    [session] = find_meetings("5日，新区二届人大常委会举行第八次全体会议。区人大常委会主任赵建国主持会议。")
    assert (session.kind.value, session.name) == ("人大常委会会议", "新区二届人大常委会第八次全体会议")


def test_a_titled_person_whose_name_is_a_place_and_a_province_the_page_keeps_naming(tmp_path) -> None:  # type: ignore[no-untyped-def]
    page = ("发布时间:2024-04-03  来源:滨城时报\n"
            "3月29日，区四届人大常委会举行第二十三次会议。区人民政府副区长罗平，区人民法院院长李雪春列席。"
            "会议传达学习了习近平总书记视察天津重要讲话精神，在天津调研讲话精神。\n")
    [meeting] = _summarized(tmp_path, "zone.txt", page)
    # Not 罗平县 (a deputy head's name), nor 滨州's 滨城区 (an outlet's name on a Tianjin page).
    assert meeting["district"] == "未识别"


def test_a_named_prefectures_congress_and_a_term_written_after_the_body(tmp_path) -> None:  # type: ignore[no-untyped-def]
    from briefing.meetings import find_meetings

    text = "昨日下午5时，大理州十四届人大一次会议预备会议在苍山饭店苍山会堂举行。州人大常委会主任李雄主持会议。\n"
    assert [m["kind"] for m in _summarized(tmp_path, "dali.txt", text) if m["kind"] != "文章"] == []
    [standing] = find_meetings("王建祥主持召开中共青岛市黄岛区委一届第6次常委会扩大会议，研究部署重要工作。")
    assert standing.kind.value == "常委会扩大会议"


def test_a_person_titled_in_the_lead_is_a_person_in_the_heading_and_a_new_areas_district(tmp_path) -> None:  # type: ignore[no-untyped-def]
    text = ("区政协二届二十八次主席会议召开\n于东明出席\n"
            "2月12日上午，区政协二届二十八次主席会议召开。区政协主席于东明出席会议。"
            "以实实在在的工作成效助力西海岸新区经济社会持续健康发展。\n")
    [meeting] = _summarized(tmp_path, "xihaian.txt", text)
    # Not 菏泽's 东明县 (the chair's name); the new area is 黄岛区 under another name.
    assert (meeting["district"], meeting["city"]) == ("黄岛区", "青岛市")


def test_a_district_named_only_in_the_breadcrumb(tmp_path) -> None:  # type: ignore[no-untyped-def]
    page = ("您现在的位置:首页 > 开发区新闻 > 滨海新区 > 文字新闻\n区四届人大常委会举行第二十三次会议\n"
            "发布时间:2024-04-03  来源:滨城时报\n"
            "3月29日，区四届人大常委会举行第二十三次会议。区人大常委会主任王洪茹主持会议并讲话。"
            "会议传达学习了习近平总书记视察天津重要讲话精神，在天津调研讲话精神。\n")
    [meeting] = _summarized(tmp_path, "trail.txt", page)
    # The portal files the page under its district; nothing in the report names it.
    assert (meeting["district"], meeting["province"]) == ("滨海新区", "天津市")
    assert all("位置" not in p["text"] for p in meeting["points"])


def test_a_new_areas_working_committee_written_with_the_districts() -> None:
    from briefing.meetings import find_meetings

    [standing] = find_meetings("8月29日上午，中共青岛西海岸新区工委(区委)二届第65次常委会(扩大)会议召开。")
    assert standing.kind.value == "常委会扩大会议"
    assert standing.name == "工委（区委）二届第65次常委会（扩大）会议"


def test_a_study_session_joined_by_ji_to_what_it_conveys_is_held() -> None:
    from briefing.meetings import find_meetings

    text = "近日，科左中旗学习宣传贯彻党的十九届五中全会精神暨旗委理论学习中心组第17次集体学习(扩大)会召开。"
    [study] = [m for m in find_meetings(text) if m.kind.value == "中心组学习会"]
    # The plenum is what is conveyed; the session after 暨 is the one held.
    assert study.held == 1 and study.name == "旗委理论学习中心组第17次集体学习（扩大）会"


def test_a_two_character_county_before_its_congress_and_the_presidium_chair_who_presides() -> None:
    from briefing.meetings import find_meetings
    from briefing.model import MeetingKind

    text = ("5月7号上午，倍受关注的环县第十八届人民代表大会第五次会议在皮影中心隆重开幕。"
            "开幕大会由主席团执行主席杨万香主持。")
    [session] = find_meetings(text)
    assert session.name == "环县第十八届人民代表大会第五次会议"
    # 全县 is no county's name.
    assert find_meetings("全县第十八届人民代表大会第五次会议开幕。")[0].name == "第十八届人民代表大会第五次会议"
    text += "县委副书记、县长何英禅代表县政府向大会作政府工作报告。"
    assert find_leaders(text, MeetingKind.PEOPLES_CONGRESS, "县")[0].name == "杨万香"


def test_a_prefectures_congress_named_with_its_term_is_no_county_level_citys(tmp_path) -> None:  # type: ignore[no-untyped-def]
    page = ("市十六届人大常委会第二十七次会议举行第一次全体会议\n"
            "昨日，市十六届人大常委会第二十七次会议举行第一次全体会议。市人大常委会主任于伟主持会议。"
            "会议听取了主任会议关于《成都市人民代表大会常务委员会关于简阳市补选成都市第十六届人民代表大会代表名额"
            "和选举时间的决定（草案）》的说明。\n")
    meetings = _summarized(tmp_path, "chengdu.txt", page)
    # 简阳市 (below 成都) only elects deputies to 成都's sixteenth congress, whose standing
    # committee meets: no county-level meeting.
    assert [m for m in meetings if m["kind"] != "文章"] == []
    own = ("市十六届人大常委会第二十七次会议召开\n3月1日，简阳市十六届人大常委会第二十七次会议召开。"
           "会议传达了成都市第十五届人民代表大会第三次会议精神。\n")
    [meeting] = [m for m in _summarized(tmp_path, "jianyang.txt", own) if m["kind"] != "文章"]
    assert (meeting["district"], meeting["kind"]) == ("简阳市", "人大常委会会议")


def test_the_lead_names_the_headings_meeting_in_fewer_words(tmp_path) -> None:  # type: ignore[no-untyped-def]
    page = ("隆德县人民政府第65次常务会议\n"
            "索引号 640423001/2020-00098 文号 生成日期 2020-04-02\n"
            "公开方式 主动公开 发布机构 隆德县人民政府办公室 责任部门\n"
            "3月31日，县长潘建宁主持召开县政府第65次常务会议，安排部署我县当前疫情防控工作。\n")
    [meeting] = _summarized(tmp_path, "longde.txt", page)
    assert meeting["name"] == "县政府第65次常务会议"
    # The disclosure index's fields are furniture: its 生成日期 is no meeting date.
    assert (meeting["date"]["month"], meeting["date"]["day"]) == (3, 31)
    assert all("索引号" not in p["text"] for p in meeting["points"])


def test_a_long_name_whole_before_what_its_bearer_does() -> None:
    from briefing.model import MeetingKind

    text = "1月9日，旗十八届人大常委会第26次会议召开，旗人大常委会主任宝音满都呼主持会议，副主任肖治宽出席会议。"
    assert find_leaders(text, MeetingKind.CONGRESS_STANDING, "旗")[0].name == "宝音满都呼"
    assert find_leaders("区委书记欧阳明月主持会议。", MeetingKind.STANDING, "区")[0].name == "欧阳明月"
    # A title after the name, or a word after it that is no verb, is no part of it.
    assert find_leaders("县委书记张三丰书记主持会议。", MeetingKind.STANDING, "县")[0].name == "张三丰"
    assert find_leaders("县委书记、县长米德成所作的报告", MeetingKind.STANDING, "县")[0].name == "米德成"


def test_a_county_named_by_its_short_name_beside_its_city(tmp_path) -> None:  # type: ignore[no-untyped-def]
    page = ("6月28日晚，县委书记雷楚英主持开展县委理论学习中心组2021年第四次集中学习。\n"
            "打开网易新闻 查看精彩图片\n"
            "会议传达学习了习近平总书记在福建、广西、青海考察时的重要讲话精神和昭通市委、市政府盐津大关现场办公会议精神。\n"
            "打开网易新闻 查看精彩图片\n"
            "雷楚英指出，要把学习贯彻习近平总书记在福建、广西、青海考察的重要讲话精神落到实处，推进大关高质量发展。\n"
            "打开网易新闻 查看精彩图片\n")
    [meeting] = _summarized(tmp_path, "daguan.txt", page)
    # Provinces the leader toured are named twice; the county's own city settles it.
    assert (meeting["district"], meeting["city"]) == ("大关县", "昭通市")
    # An app's prompt between every paragraph is furniture.
    assert all("网易" not in p["text"] for p in meeting["points"])


def test_a_cppcc_chair_titled_without_the_level_and_a_name_ending_in_he() -> None:
    from briefing.model import MeetingKind

    text = ("旗委书记徐茂龙，旗委副书记、政府旗长闫永春，旗人大常委会主任佟格日乐、政协主席辛耀雄等出席会议。"
            "徐茂龙作了重要讲话。")
    assert find_leaders(text, MeetingKind.CPPCC, "旗")[0].name == "辛耀雄"
    # A province's chair attending is no county's.
    assert find_leaders("省政协主席张三出席。县政协主席李四主持会议。", MeetingKind.CPPCC, "县")[0].name == "李四"
    text = "旗政协主席钢布和、副主席温都苏、崔明华出席会议。政协副主席温都苏主持大会并宣布开幕。"
    assert find_leaders(text, MeetingKind.CPPCC, "旗")[0].name == "钢布和"


def test_a_forest_and_a_special_districts_bodies_and_a_presidium_that_convenes() -> None:
    from briefing.meetings import find_meetings

    [directors] = find_meetings("12月1日上午，林区人大常委会主任李波主持召开林区十二届人大常委会第八次主任会议。")
    assert directors.name == "林区十二届人大常委会第八次主任会议"
    text = "3月24日，六枝特区第十二届人民代表大会第五次会议主席团召开第一次会议，特区人大常委会主任吕荣主持会议。"
    assert find_meetings(text)[0].name == "六枝特区第十二届人民代表大会第五次会议主席团第一次会议"


def test_a_body_meeting_under_no_name_and_a_development_zones_meetings() -> None:
    from briefing.meetings import other_meeting

    found = other_meeting("915，林区人大常委会党组召开会议，集中学习习近平总书记重要讲话精神。")
    assert found is not None and found.name == "林区人大常委会党组会议"
    # A zone's management committee and working committee are no county's bodies.
    assert other_meeting("近日，经开区召开2024年第4次管委会会议，对近期工作进行研究部署。") is None
    assert other_meeting("6月27日下午，无为经济开发区召开中层以上全体干部扩大会议。") is None
    # A county's government meeting about its zone stays the county's.
    assert other_meeting("区政府召开开发区体制机制改革推进会，区长刘涛主持。") is not None


def test_roles_parted_by_a_comma_and_a_lead_whose_date_lost_its_marks(tmp_path) -> None:  # type: ignore[no-untyped-def]
    page = ("林区人大常委会党组召开会议\n发布日期:2023-09-15 21:07:50 来源: 访问量:32\n"
            "神农架新闻网（特约记者 黎辉）915，林区人大常委会党组召开会议，集中学习习近平总书记重要讲话精神。"
            "林区党委书记，人大常委会党组书记、主任冯伟主持会议并讲话。林区人大常委会党组副书记周立春出席会议。\n")
    [meeting] = _summarized(tmp_path, "snj.txt", page)
    assert (meeting["date"]["month"], meeting["date"]["day"]) == (9, 15)
    assert meeting["leaders"][0]["name"] == "冯伟"


def test_a_plenum_led_by_who_reports_for_the_standing_committee_and_names_of_one_sitting() -> None:
    from briefing.meetings import find_meetings
    from briefing.model import MeetingKind

    text = ("8月22日上午，中国共产党衡南县第十三届委员会第七次全体（扩大）会议召开。？？h委书记许达受县委常委会委托，"
            "向全会作工作报告并讲话。县委副书记雷俊就《决定（草案）》作起草说明。县人大常委会主任黄日荣出席。")
    assert find_leaders(text, MeetingKind.PLENARY, "县")[0].name == "许达"
    assert find_meetings("县委常委会召开2023年第20次会议")[0].name == "县委常委会2023年第20次会议"
    # 暨 joins one sitting's names; 和 lists two meetings, the standing one reported.
    found = find_meetings("县长贺永亮主持召开县政府党组暨2023年第4次常务会议。")
    assert found[0].name == "县政府党组暨2023年第4次常务会议"


def test_a_roundup_of_counties_meetings_one_paragraph_each(tmp_path) -> None:  # type: ignore[no-untyped-def]
    page = ("5县同一天召开领导干部会议 学习贯彻党的十九届六中全会精神\n"
            "11月15日，江西多个县区召开了领导干部会议，传达学习党的十九届六中全会精神。\n"
            "11月15日上午，定南县委召开全县领导干部会议，传达学习党的十九届六中全会精神。县委书记龙小东主持会议并讲话。\n"
            "同一天，宁都全县领导干部会议在县行政中心会堂召开，传达学习全会精神。县委书记肖斐杰主持会议并讲话。\n"
            "与此同时，黎川县委召开县委常委会(扩大)会议和全县领导干部会议。县委书记郑锦锋主持会议并讲话。\n")
    (tmp_path / "page.txt").write_text("原文链接：http://nanchang.baogaosu.com/xinwen/1/\n" + page, "utf-8")
    from .conftest import run_cli

    done = run_cli("summarize", str(tmp_path / "page.txt"), "--format", "json", "--no-cache")
    import json

    meetings = json.loads(done.stdout)["meetings"]
    # One article per county; "多个县区" holds no one county's meeting, nor does 南昌's
    # subdomain make the page 南昌县's; "同一天" and "与此同时" are the day before them.
    assert [(m["district"], m["name"]) for m in meetings] == [
        ("定南县", "全县领导干部会议"), ("宁都县", "宁都全县领导干部会议"), ("黎川县", "县委常委会（扩大）会议")]
    assert {(m["date"]["month"], m["date"]["day"]) for m in meetings} == {(11, 15)}
    assert [m["leaders"][0]["name"] for m in meetings] == ["龙小东", "肖斐杰", "郑锦锋"]


def test_who_leads_when_no_one_holds_the_kinds_title() -> None:
    from briefing.model import MeetingKind

    congress = MeetingKind.PEOPLES_CONGRESS
    text = ("大会执行主席黎勇、李景耀、傅云在主席台前排就坐。执行主席李景耀主持会议。"
            "新当选的区人民政府区长与代表见面。新当选的区人民政府区长面向国徽，庄严宣誓。")
    # The presider after his title; words after a title ("与代表见面", "面向国徽") are no names.
    assert [x.name for x in find_leaders(text, congress, "区")][:1] == ["李景耀"]
    assert not {"与代表见面", "面向国徽"} & {x.name for x in find_leaders(text, congress, "区")}
    text = "上午8时30分，大会主持人杨启斌宣布：张湾区第八届人民代表大会第七次会议开幕！大会执行主席刘宇飞出席。"
    assert find_leaders(text, congress, "区")[0].name == "杨启斌"
    # A senior who gives the important speech leads before the deputy who presides.
    text = "县委常委、副县长邵宏伟，副县长霍珍珍出席会议。副县长霍珍珍主持会议，邵宏伟作了重要讲话。"
    assert find_leaders(text, MeetingKind.OTHER, "县")[0].name == "邵宏伟"


def test_a_speech_as_delivered_is_no_meeting_report(tmp_path) -> None:  # type: ignore[no-untyped-def]
    text = ("在区人大五届二次会议闭幕式上的讲话\n各位代表、同志们:\n"
            "区第五届人民代表大会第二次会议，在全体代表和与会同志的共同努力下，圆满完成各项议程，即将胜利闭幕。\n")
    assert [m for m in _summarized(tmp_path, "speech.txt", text) if m["kind"] != "文章"] == []


def test_an_organisations_party_committee_and_a_sessions_conveners() -> None:
    from briefing.meetings import find_meetings, other_meeting

    # A college's or a school's party committee holds no county's meeting.
    assert other_meeting("7月4日下午，党委书记曾武祈主持召开党委理论学习中心组(扩大)会议。") is None
    assert other_meeting("7月28日，我院党委书记蔡建荣主持召开党委中心组理论学习(扩大)会。") is None
    text = "12月15日，松桃苗族自治县第十七届人民代表大会第一次会议召集人会议在县行政中心第一会议室召开。"
    assert find_meetings(text)[0].name == "松桃苗族自治县第十七届人民代表大会第一次会议召集人会议"


def test_a_chronicle_of_starred_entries_and_a_leader_named_like_a_place(tmp_path) -> None:  # type: ignore[no-untyped-def]
    page = ("★8月3日 旗委书记兴安主持召开中共东乌旗委外事工作委员会第三次会议。旗委副书记、政府代旗长周玉龙参加会议。\n"
            "★8月4日 旗委书记兴安主持召开全旗处级以上领导干部会议，宣布干部任免职决定。\n"
            "同日 旗委副书记、政府代旗长周玉龙主持召开全旗新冠肺炎疫情防控工作调度会，对全旗疫情防控工作进行再部署。\n")
    meetings = _summarized(tmp_path, "dwq.txt", page)
    # 兴安 is the secretary, not 兴安县; 东乌旗 is 东乌珠穆沁旗; 同日 is the day before it.
    assert {m["district"] for m in meetings} == {"东乌珠穆沁旗"}
    assert sorted((m["date"]["day"], m["leaders"][0]["name"]) for m in meetings) == [
        (3, "兴安"), (4, "兴安"), (4, "周玉龙")]


def test_the_national_cppcc_is_no_banners_and_a_committee_meets_in_its_members_home() -> None:
    from briefing.meetings import find_meetings, other_meeting

    text = "会议学习了王沪宁主席在政协第十四届全国委员会第二次会议上作的常务委员会工作报告。"
    assert find_meetings(text) == []
    found = other_meeting("3月28日，旗政协提案委员会在“政协委员之家”召开2024年第一次成员会议。")
    assert found is not None and found.name == "旗政协提案委员会2024年第一次成员会议"


def test_a_municipalitys_mayor_and_a_speaker_whose_words_are_conveyed(tmp_path) -> None:  # type: ignore[no-untyped-def]
    from briefing.model import MeetingKind

    # 天津市市长 holds 津市市 (a county-level city of Hunan) in its letters: the municipality's.
    page = ("天津市政府第15次常务会议\n"
            "21日下午，天津市市长张国清主持召开市政府第15次常务会议，落实市委常委会工作要求。\n")
    assert [m for m in _summarized(tmp_path, "tj.txt", page) if m["kind"] != "文章"] == []
    text = ("昨日，天津滨海新区政协召开机关全体会议，传达学习区委理论学习中心组读书会精神。"
            "区政协副主席吴庆云出席会议并讲话。会议传达学习了市委常委、区委书记宗国英和区长张勇在读书会上的重要讲话。")
    assert find_leaders(text, MeetingKind.OTHER, "区")[0].name == "吴庆云"
    text = "1226日，区领导刘惠、于瑞均、李雯分别主持召开《政府工作报告》征求意见建议座谈会。"
    assert find_leaders(text, MeetingKind.OTHER, "区")[0].name == "刘惠"


def test_a_cppcc_session_named_with_its_city_and_an_opening_speech_as_delivered(tmp_path) -> None:  # type: ignore[no-untyped-def]
    from briefing.meetings import find_meetings

    [session] = find_meetings("1月25日上午，政协珠海市香洲区八届七次会议在香洲区大会堂隆重开幕。")
    assert (session.kind.value, session.name) == ("政协会议", "政协珠海市香洲区八届七次会议")
    speech = ("马俊副主席在区八届政协三次会议上的开幕词\n中国人民政治协商会议\n南通市港闸区第八届委员会第三次会议\n"
              "开  幕  词\n马  俊\n(2014年1月5日)\n各位委员、各位同志:\n"
              "中国人民政治协商会议南通市港闸区第八届委员会第三次会议今天隆重开幕了！\n")
    assert [m for m in _summarized(tmp_path, "speech.txt", speech) if m["kind"] != "文章"] == []


def test_a_headline_with_a_subject_before_its_colon_and_a_study_session_named_as_a_meeting(tmp_path) -> None:  # type: ignore[no-untyped-def]
    page = ("银川市兴庆区：推动学习宣传贯彻党的二十大精神走深走实、见行见效\n发布时间: 2022-11-17\n"
            "连日来，宁夏银川市兴庆区围绕学习宣传贯彻党的二十大精神，结合实际开展多种形式活动。\n"
            "11月4日下午，宁夏银川市兴庆区委召开理论学习中心组（扩大）会议，专题传达学习党的二十大精神。\n"
            "各中心组成员围绕深入学习贯彻党的二十大精神，结合自身工作实际，开展交流研讨。\n")
    [meeting] = _summarized(tmp_path, "xingqing.txt", page)
    assert (meeting["district"], meeting["kind"], meeting["name"]) == (
        "兴庆区", "中心组学习会", "区委理论学习中心组（扩大）会议")
    assert meeting["date"]["label"] == "2022年11月4日"


def test_a_heading_without_the_term_and_a_lead_that_names_it() -> None:
    from briefing.model import Paragraph
    from briefing.segmenter import lead_meeting

    section = [Paragraph("县政府召开第六十九次常务会议", 0, True),
               Paragraph("2021年10月7日，县人民政府县长张秋红主持召开石屏县第十六届人民政府第69次常务会议。", 1)]
    assert lead_meeting(section).name.endswith("县第十六届人民政府第69次常务会议")
    # A lead that names another session is not the heading's.
    section[1] = Paragraph("会议传达了县第十六届人民政府第68次常务会议精神。", 1)
    assert lead_meeting(section).name == "县政府第六十九次常务会议"


def test_a_work_meeting_named_for_follow_up_a_towns_meeting_and_members_bound_for_a_prefectures_session() -> None:
    from briefing.meetings import other_meeting

    held = other_meeting("2月28日下午，县委副书记、县长李永军主持召开2026年2月县人民政府抓落实专题会议。")
    assert held is not None and held.name == "2026年2月县人民政府抓落实专题会议"
    assert other_meeting("5月16日上午，桥头镇在镇一楼会议室召开传达学习省委七届四次全会精神专题会，"
                         "会议由镇长主持。") is None
    assert other_meeting("5月16日上午，镇党委召开乡村振兴推进会。") is None
    # A county's leader who holds a meeting in a town holds the county's.
    assert other_meeting("5月16日上午，县委书记在桥头镇召开乡村振兴现场推进会。") is not None
    assert other_meeting("12月5日，参加政协甘南藏族自治州第十五届委员会第一次会议的22名委员抵达州府合作，"
                         "准时报到并参加了下午召开的预备会议。") is None
    # The nation's congress, which a county's leaders watch open.
    assert other_meeting("10月16日，全国人民热切期盼的中国共产党第二十次全国代表大会在北京人民大会堂隆重开幕。") is None


def test_an_articles_name_is_its_leads_first_clauses_never_cut_mid_word() -> None:
    from briefing.extractor import ARTICLE_NAME_CHARS, _lead_phrase

    assert _lead_phrase("连日来，宁夏银川市兴庆区围绕学习宣传贯彻党的二十大精神，结合实际开展多种形式活动。") == (
        "宁夏银川市兴庆区围绕学习宣传贯彻党的二十大精神")
    long = _lead_phrase("2月28日下午，县委副书记、县长李永军主持召开2026年2月县人民政府抓落实专题工作推进会议。")
    assert long.endswith("…") and len(long) <= ARTICLE_NAME_CHARS and long.startswith("县委副书记、县长李永军")
    assert "2026年2月县人民政府" in long  # cut between words, after a whole word


def test_a_congress_session_after_its_level_alone_and_its_preparatory_meeting_called_the_sessions() -> None:
    from briefing.meetings import find_meetings

    [presidium] = find_meetings("2月5日17:00,县第十八届人民代表大会第三次会议主席团第一次会议在县花园宾馆召开。")
    assert presidium.name == "县第十八届人民代表大会第三次会议主席团第一次会议"
    [preparatory] = find_meetings("2月4日下午4点,县第十八届人民代表大会第三次会议在县电影院召开大会预备会议。")
    assert preparatory.name == "县第十八届人民代表大会第三次会议预备会议"
    # A place written in full before the term stays whole.
    [named] = find_meetings("中共旺苍县第十八届人民代表大会第三次会议临时委员会")
    assert "旺苍县第十八届人民代表大会" in named.name


def test_figures_a_site_masks_are_no_blanks_and_a_novels_chapter_is_no_report(tmp_path) -> None:  # type: ignore[no-untyped-def]
    from briefing.meetings import is_book_chapter, is_template

    masked = ("图片附件*月**日下午,政协鄂托克前旗第十一届委员会第三次会议圆满完成各项议程后胜利闭幕。"
              "旗政协党组书记、主席陶迪主持会议并讲话。政协鄂托克前旗第十一届委员会共有委员***人,出席大会的委员***人。\n")
    assert not is_template(masked)
    assert is_template("在***的领导下，***区委书记***同志主持会议。")  # blanks for names remain a template
    [meeting] = _summarized(tmp_path, "masked.txt", masked)
    assert (meeting["district"], meeting["name"]) == ("鄂托克前旗", "政协鄂托克前旗第十一届委员会第三次会议")
    assert meeting["date"]["label"] == "日期不详" and not meeting["name"].startswith("图片")
    assert is_book_chapter(["首页 > 都市言情 > 官家", "第1287章 市政府常务会议(2/5)", "目录"])
    assert not is_book_chapter(["第118次区政府常务会议召开", "会议指出，要……"])


def test_a_meeting_listed_before_others_whose_spirit_is_conveyed_is_conveyed_too() -> None:
    from briefing.meetings import find_meetings
    from briefing.model import Paragraph
    from briefing.segmenter import lead_meeting

    text = "会议传达了省委书记的讲话精神及泉州市委常委（扩大）会议、晋江市委常委（扩大）会议精神。"
    assert [m.held for m in find_meetings(text)] == [-1, -1]
    # The lead's meeting of another kind is the one reported, not a conveyed one.
    section = [Paragraph("昨日，晋江市政府党组书记、代市长王明元主持召开市政府党组（扩大）会议。", 0),
               Paragraph(text, 1)]
    assert lead_meeting(section).name == "市政府党组（扩大）会议"
    # A list whose end is held is not conveyed ("区委常委会、区政府常务会议先后召开").
    assert [m.held for m in find_meetings("区委常委会会议、区政府常务会议先后召开。")][-1] >= 0


def test_a_sessions_branch_secretaries_and_group_conveners_meet_as_the_session() -> None:
    from briefing.meetings import find_meetings

    name = "区政协十一届七次会议临时党支部书记和政协委员小组召集人会议"
    [conveners] = find_meetings(f"1月19日，区政协主席黄红主持召开{name}。")
    assert (conveners.kind.value, conveners.name) == ("政协会议", name)
    assert conveners.held == 1


def test_a_transliterated_name_joined_by_a_middle_dot_is_one_leader() -> None:
    from briefing.leaders import find_leaders

    [mayor] = find_leaders("2月18日，县委副书记、县长阿不都克力木·艾力同志主持召开县政府第47次常务会议。")
    assert (mayor.name, mayor.role) == ("阿不都克力木·艾力", "县委副书记、县长")
    assert find_leaders("县委副书记、县长木合塔尔·丝迪克主持会议。")[0].name == "木合塔尔·丝迪克"


def test_a_standing_committee_that_met_recently_and_a_year_never_after_the_page(tmp_path) -> None:  # type: ignore[no-untyped-def]
    page = ("原文链接：http://yptimes.shyp.gov.cn/html/2021-12/28/content_9399_14317701.htm\n"
            "本报讯 区委常委会近日举行会议，传达学习全市领导干部会议精神，区委书记谢坚钢主持会议并讲话。\n"
            "会议指出，要把明年全区经济社会发展工作谋划好、推进好。会议审议并同意2021年区政府实事项目完成情况"
            "与2022年实事项目征集、立项工作情况的汇报，2022年区政府实事项目要抓紧与市有关部门的对接。\n")
    [meeting] = _summarized(tmp_path, "yangpu.txt", page)
    assert (meeting["district"], meeting["name"]) == ("杨浦区", "区委常委会会议")
    # No day; the page's month, never "2023年初" that the plans for next year would suggest.
    assert (meeting["date"]["year"], meeting["date"]["month"], meeting["date"]["day"]) == (2021, 12, None)


@pytest.mark.parametrize("text", [
    # A region's CPPCC named with the region's full name before its term.
    "原文链接：http://huazhang999.com/html/informationjiuyuan29msg1.html\n欢迎进入包头市九原区人民政府网!\n"
    "发布时间:2018-01-20 00:00\n"
    "1月19日,政协内蒙古自治区第十二届一次会议新闻发布会召开。会议宣布政协内蒙古自治区第十二届一次会议"
    "将于2018年1月23日至29日在呼和浩特召开。\n九原区人民政府主办\n",
    # A year before the region's body; a meeting held by the sentence's subject ("并召开").
    "1日 2017年自治区深化医药卫生体制改革领导小组第一次(扩大)会议在鄂尔多斯市召开。自治区主席布小林主持会议。\n"
    "6—9日 全国政协副主席齐续春在呼和浩特、鄂尔多斯市调研,并召开“一带一路”西北发展战略座谈会。"
    "二连浩特市负责人介绍了有关情况。\n",
])
def test_a_regions_bodies_named_in_full_or_after_a_year_hold_no_countys_meeting(tmp_path, text: str) -> None:  # type: ignore[no-untyped-def]
    found = _summarized(tmp_path, "region.txt", text)
    assert [m for m in found if m["kind"] != "文章"] == []


def test_a_date_announced_for_later_is_not_the_day_of_the_report(tmp_path) -> None:  # type: ignore[no-untyped-def]
    page = ("政协内蒙古自治区第十二届一次会议将于1月23日开幕\n发布时间:2018-01-20 00:00\n"
            "1月19日,政协内蒙古自治区第十二届一次会议新闻发布会召开。\n主办:包头市九原区人民政府\n")
    [article] = _summarized(tmp_path, "announced.txt", page)
    assert (article["date"]["year"], article["date"]["month"], article["date"]["day"]) == (2018, 1, 19)
    from briefing.dates import _announced_date

    lead = "县政协九届三次会议将于2019年2月26日召开"
    assert _announced_date(lead, lead.index("2019"))


def test_an_articles_name_from_a_chronicle_entry_opens_on_its_words_and_closes_its_brackets() -> None:
    from briefing.extractor import ARTICLE_NAME_CHARS, _lead_phrase

    name = _lead_phrase("1日 2017年自治区深化医药卫生体制改革领导小组第一次（扩大）会议在鄂尔多斯市召开。")
    assert name.startswith("2017年自治区") and name.endswith("…") and len(name) <= ARTICLE_NAME_CHARS
    assert name.count("（") == name.count("）")
    cut = _lead_phrase("区领导赴“绿水青山就是金山银山理念实践创新基地建设推进会暨现场观摩”调研。")
    assert cut.count("“") == cut.count("”")


def test_a_sitting_of_a_provinces_session_and_a_body_under_a_provinces_short_name() -> None:
    from briefing.meetings import find_meetings, other_meeting

    # The headline writes the session and its sitting apart.
    assert find_meetings("省第十四次党代会 各代表团召集人会议召开") == []
    assert other_meeting("省第十四次党代会 各代表团召集人会议召开") is None
    [county] = find_meetings("县第十五次党代会 各代表团召集人会议召开")
    assert (county.kind.value, county.name) == ("党代表大会", "县第十五次党代会各代表团召集人会议")
    assert other_meeting("西藏政协召开第四次主席会议") is None
    assert other_meeting("区政协召开第四次主席会议") is not None


def test_a_widgets_label_before_the_headline_and_a_day_said_with_hao(tmp_path) -> None:  # type: ignore[no-untyped-def]
    page = ("原文链接：https://www.ynmh.gov.cn/6.news.detail.dhtml?news_id=1\n今天是:\n"
            "县政府召开《2017年政府工作报告(征求意见稿)》 征求意见会\n  • 发布时间 :2017-01-13 03:09\n"
            "【导语】19号上午,勐海县政府召开征求意见会,就《2017年政府工作报告(征求意见稿)》征求人大代表、政协委员的意见和建议。\n"
            "【图文】县委常委、常务副县长杨佛海表示,县政府将高度重视与会人员提出的意见和建议。\n")
    [meeting] = _summarized(tmp_path, "menghai.txt", page)
    assert (meeting["district"], meeting["kind"], meeting["name"]) == ("勐海县", "其他", "县政府征求意见会")
    # The 19th, after the page's 13 January: December, the year before.
    assert (meeting["date"]["year"], meeting["date"]["month"], meeting["date"]["day"]) == (2016, 12, 19)
    assert not any("【" in point["text"] for point in meeting["points"])


def test_a_wiki_pages_title_in_its_address_names_the_county(tmp_path) -> None:  # type: ignore[no-untyped-def]
    from urllib.parse import quote

    from briefing.places.address import words_in_address

    url = "https://wiki.example.org/wiki/" + quote("鳳陽縣委常委會第3次會議")
    assert words_in_address(url) == "凤阳县委常委会第3次会议"
    assert words_in_address("https://x.example.org/a/" + quote(quote("凤翔"))) == "凤翔"  # encoded twice
    assert words_in_address("https://x.example.org/a/b.html") == ""
    page = f"原文链接：{url}\n3月2日,县委书记张三主持召开县委常委会第3次会议。会议传达学习了有关精神。\n"
    [meeting] = _summarized(tmp_path, "wiki.txt", page)
    assert meeting["district"] == "凤阳县"


def test_a_session_called_for_later_is_not_held_and_a_notice_calling_it_is_no_report(tmp_path) -> None:  # type: ignore[no-untyped-def]
    from briefing.meetings import find_meetings

    text = ("经县第十七届人大常委会第24次主任会议研究,拟定于2013年11月下旬(具体时间另行通知)"
            "召开县第十七届人大常委会第15次会议。")
    assert [m.held for m in find_meetings(text)][-1] == -1
    assert [m.held for m in find_meetings("会议决定于9月29日召开县十七届人大常委会第十四次会议。")] == [-1]
    assert [m.held for m in find_meetings("3月2日，县政府召开县政府第3次常务会议。")] == [1]
    done = _run(tmp_path, "notice.txt", text + "现将有关事宜通知如下:\n一、会议建议议程\n"
                "(一)听取和审议县人民政府关于水产业发展情况的报告;\n"
                "二、参加会议人员\n请县人大常委会全体组成人员出席会议;\n"
                "平昌县人大常委会办公室\n2013年10月24日\n")
    assert "official document" in done.stderr
    assert done.returncode != 0 or json.loads(done.stdout)["meetings"] == []


def test_a_pages_articles_left_out_are_said_once(tmp_path) -> None:  # type: ignore[no-untyped-def]
    done = _run(tmp_path, "chronicle.txt", "原文链接：http://shenyang.baogaosu.com/xinwen/x/35077678/\n"
                "2015年6月沈阳大事记\n6月1日 市长潘利国为沈阳市大数据管理局揭牌。随后,潘利国主持召开办公会议,"
                "听取全市智慧城市建设进展情况。\n"
                "同日 市长潘利国主持召开市政府第十九届二十三次常务会议,传达省政府第四十四次常务会议精神。\n"
                "6月2日 市委书记主持召开市委常委会议,研究全市重点工作。\n")
    said = [line for line in done.stderr.splitlines() if "left out" in line]
    assert len(said) == 1, done.stderr


def test_a_meeting_whose_report_names_only_bodies_above_the_county_is_none_of_its(tmp_path) -> None:  # type: ignore[no-untyped-def]
    prefecture = ("全州生态保护推进会在海晏县召开\n4月3日，全州生态保护推进会在海晏县召开。"
                  "州委书记夏吾杰出席会议并讲话。州委副书记、州长张胜源主持会议。\n会议强调，要守护好青海湖生态。\n")
    done = _run(tmp_path, "prefecture.txt", prefecture)
    # No meeting of the county's, and no article of it either: the county is only where it was held.
    assert json.loads(done.stdout)["meetings"] == []
    assert "bodies above the county only" in done.stderr
    county = prefecture.replace("全州", "全县").replace("州委书记夏吾杰", "县委书记王军").replace(
        "州委副书记、州长张胜源主持会议", "州委副书记李某到会指导")
    [own] = _summarized(tmp_path, "county.txt", county)
    assert (own["kind"], own["name"]) == ("其他", "全县生态保护推进会")
    # In no division named: the province's, not one listed under 未识别.
    province = "5月21日下午，全省脱贫攻坚推进会召开。省委副书记訚柏主持会议，省委常委于丛乐出席会议。\n"
    assert _summarized(tmp_path, "province.txt", province) == []


def test_a_democratic_partys_meeting_and_a_cppcc_study_numbered_by_year_and_a_bare_title() -> None:
    from briefing.leaders import find_leaders
    from briefing.meetings import find_meetings, other_meeting
    from briefing.model import MeetingKind

    assert other_meeting("11月5日,农工党海南省委会第八届主任委员会第五次会议在海口召开。") is None
    text = ("8月22日,党组书记、主席聂磊主持召开区政协党组理论学习中心组2025年第8次集体学习会议"
            "暨一届四十二次主席(扩大)会议。")
    [joint] = find_meetings(text)
    assert (joint.kind.value, joint.name) == (
        "政协会议", "区政协党组理论学习中心组2025年第8次集体学习会议暨一届四十二次主席（扩大）会议")
    assert find_leaders(text, MeetingKind.CPPCC)[0].name == "聂磊"


def test_a_headline_running_into_its_deck_gives_no_leader_named_by_words() -> None:
    from briefing.leaders import find_leaders

    found = find_leaders("王兴主持召开县长办公会安排部署重点工作任务。"
                         "12月5日,县委副书记、政府县长王兴主持召开县长办公会议。")
    assert [x.name for x in found] == ["王兴"]
    assert [x.name for x in find_leaders("旗委书记宝音满都呼主持会议。")] == ["宝音满都呼"]
    assert find_leaders("市委书记的工作报告和市长关于经济工作的讲话加起来。") == []  # 关于: no name


def test_sessions_listed_before_the_meeting_that_prepares_them_are_not_held() -> None:
    from briefing.meetings import find_meetings

    text = ("2月8日,夏县召开中国共产党夏县第十五次代表大会第三次会议、夏县第十七届人民代表大会第四次会议、"
            "政协第十六届夏县委员会第三次会议“三会”筹备工作安排部署会。")
    assert [m.held for m in find_meetings(text)] == [-1, -1, -1]
    assert [m.held for m in find_meetings("县政协十一届三次会议“两会”筹备工作会议召开")] == [-1]
    assert [m.held for m in find_meetings("3月1日，县政协十一届三次会议开幕")] == [1]


def test_a_session_named_only_by_the_agenda_its_opening_sitting_adopts(tmp_path) -> None:  # type: ignore[no-untyped-def]
    page = ("县政协副主席王成书、华开锋在大会主席台前排就坐。大会由县政协副主席王成书主持。\n"
            "上午9时,大会在庄严的国歌声中开幕。\n"
            "大会首先审议通过了政协旬阳县第九届委员会第三次会议议程,县政协主席田丽萍代表政协旬阳县第九届委员会"
            "常务委员会向大会作工作报告。\n"
            "报告指出,2017年,是智慧政协建设起步之年。一年来,在中共旬阳县委的坚强领导下,县政协常委会积极建言献策。\n")
    [meeting] = _summarized(tmp_path, "xunyang.txt", page)
    assert (meeting["kind"], meeting["name"]) == ("政协会议", "政协旬阳县第九届委员会第三次会议")
    # 旬阳县 became 旬阳市 in 2021: the page's name is kept, today's shown with it.
    assert meeting["district"] == "旬阳市（原旬阳县）" and meeting["city"] == "安康市"
    assert meeting["leaders"][0]["name"] == "田丽萍"
    # A standing committee preparing the session adopts its draft agenda: no session held.
    draft = ("1月6日,县政协主席戴昭军主持召开县政协十一届十八次常委会会议。"
             "会议审议通过了县政协十一届四次会议议程（草案）。大会秘书处各组负责人列席会议。\n")
    [standing] = _summarized(tmp_path, "draft.txt", "肥西县政协\n" + draft)
    assert standing["name"] == "县政协十一届十八次常委会会议"


def test_a_copys_late_date_line_places_no_year_and_a_reviewed_year_does(tmp_path) -> None:  # type: ignore[no-untyped-def]
    page = ("县政协会议简报\n时间:2021-08-31\n"
            "1月26日上午,中国人民政治协商会议第八届文成县委员会第四次会议在县府礼堂隆重开幕。县政协主席郑建华出席会议。\n"
            "会上,县政协主席郑建华向大会报告工作。报告指出,2014年是全面深化改革的开局之年,也是文成乘势而上的关键之年。"
            "一年来,县政协常委会团结和带领全体委员积极履职。\n")
    [meeting] = _summarized(tmp_path, "wencheng.txt", page)
    # Not 2021 (the copy's date line); the report on 2014 is heard early in 2015.
    assert (meeting["date"]["year"], meeting["date"]["inferred"]) == (2015, True)
    from briefing.dates import _stale_page_year

    assert _stale_page_year("2014年是开局之年。", 2021) and not _stale_page_year("2020年以来，全县…", 2021)
    assert not _stale_page_year("会议审议了2020年工作总结。", 2021)


def test_a_candidates_title_and_a_rank_are_no_part_of_a_name() -> None:
    from briefing.leaders import find_leaders

    [deputy] = find_leaders("会上,吴起县政协副主席人选雷晓虎代表常委会作提案工作报告。")
    assert (deputy.name, deputy.role) == ("雷晓虎", "县政协副主席人选")
    present = find_leaders("应邀出席的有副县长级领导,原县政协领导。县政协主席郑建华出席会议。")
    assert [x.name for x in present] == ["郑建华"]


def test_an_article_goes_on_below_its_portraits_captions(tmp_path) -> None:  # type: ignore[no-untyped-def]
    page = ("3月27日,中国人民政治协商会议第十五届松桃苗族自治县委员会第三次会议在县行政中心大礼堂开幕。\n"
            "县委书记陈琪,县委副书记、县人民政府县长吴廷友应邀出席并在主席台就座,祝贺大会召开。\n"
            "县委书记陈琪\n"
            "县政协主席丁和平,副主席黄晓勇、刘攀出席会议并在主席台前排就座。黄晓勇主持开幕会。\n"
            "县委副书记、县人民政府县长吴廷友\n"
            "会议应到政协委员227人,实到197人,符合规定人数。\n")
    done = _run(tmp_path, "songtao.txt", page)
    assert "skipped" not in done.stderr  # nothing below a caption is lost
    [meeting] = json.loads(done.stdout)["meetings"]
    assert meeting["leaders"][0]["name"] == "丁和平"  # the chair of the CPPCC's session


def test_a_meeting_named_from_a_prefectures_body_is_none_of_its_seats() -> None:
    from briefing.meetings import other_meeting

    assert other_meeting("首场中共黔东南州委新闻发布会在凯里举行") is None
    assert other_meeting("2月13日上午,政协黔南州十二届四次会议在都匀经济开发区隆重开幕。") is None
    # A county-level city whose name ends in 州 holds its own.
    assert other_meeting("禹州市委召开专题会议") is not None
    assert other_meeting("县委召开首场新闻发布会") is not None


def test_an_article_on_a_higher_body_is_kept_where_the_countys_own_act_in_it(tmp_path) -> None:  # type: ignore[no-untyped-def]
    page = ("2018年1月，全州政协主席会议在都兰县召开。州政协主席李科加主持会议，州政协副主席出席。\n"
            "会议研究了州政协全会筹备工作。\n")
    assert _summarized(tmp_path, "prefecture.txt", page) == []
    own = page.replace("州政协副主席出席", "都兰县委书记王某介绍了县里的工作")
    [article] = _summarized(tmp_path, "own.txt", own)
    assert (article["district"], article["kind"]) == ("都兰县", "文章")
