"""Key points: extractive, traceable to their sentence, free of formulae and logistics."""

from __future__ import annotations

import itertools
import json
import re

import pytest

from briefing.cleaner import clean_text
from briefing.summarizers.units import compress, strip_cues

from .conftest import SEEDS, run_cli


def _is_subsequence(short: str, long: str) -> bool:
    it = iter(long)
    return all(ch in it for ch in short)


def test_every_point_is_made_of_its_source_sentence(seeds_summary) -> None:  # type: ignore[no-untyped-def]
    cleaned = {p.name: clean_text(p.read_text("utf-8"))[0] for p in SEEDS.glob("*.txt")}
    for meeting in seeds_summary["meetings"]:
        for point in meeting["points"]:
            source = point["source"]
            paragraph = cleaned[source["file"].rsplit("/", 1)[-1]][source["paragraph"]]
            assert source["sentence"] in paragraph
            text = point["text"].split("：", 1)[-1] if "：" in point["text"][:18] else point["text"]
            core = re.sub(r"[，。；、：\s]", "", text)
            assert _is_subsequence(core, re.sub(r"[，。；、：\s]", "", paragraph)), point["text"]


def test_points_respect_the_template_length(seeds_summary) -> None:  # type: ignore[no-untyped-def]
    for meeting in seeds_summary["meetings"]:
        for point in meeting["points"]:
            assert 8 <= len(point["text"]) <= 60, point["text"]


def test_no_logistics_or_bare_formulae_as_points(seeds_summary) -> None:  # type: ignore[no-untyped-def]
    for meeting in seeds_summary["meetings"]:
        for point in meeting["points"]:
            text = point["text"]
            assert not re.search(r"出席会议|主持召开|参加会议|作了讲话|\d+月\d+日", text), text
            assert not text.startswith(("全会指出", "会议强调", "会议指出")), text


def test_figures_and_programmes_are_favoured(seeds_summary) -> None:  # type: ignore[no-untyped-def]
    texts = " ".join(p["text"] for m in seeds_summary["meetings"] for p in m["points"])
    for figure in ("3000亿元", "290项", "1736家", "3726.3亿元", "260亿元"):
        assert figure in texts, figure


def test_compression_cuts_at_clause_boundaries_only() -> None:
    sentence = ("全会指出，要加快推动旧动能实现质变，聚焦生产结构、能源结构、技术结构、服务结构升级，"
                "重点发展新材料、新能源、新赛道、新平台，努力取得新成效、展现新气象。")
    bullet = compress(sentence, 40, {"聚焦生产结构、能源结构、技术结构、服务结构升级，": 1.0,
                                     "重点发展新材料、新能源、新赛道、新平台，": 2.0})
    assert bullet is not None and len(bullet) <= 40
    assert not bullet.startswith("全会指出") and "新气象" not in bullet
    clauses = re.split("，", strip_cues(sentence).rstrip("。"))
    assert all(part in clauses for part in bullet.split("，"))


def test_figures_of_one_sentence_stay_in_one_point(seeds_summary) -> None:  # type: ignore[no-untyped-def]
    points = [p["text"] for m in seeds_summary["meetings"] for p in m["points"]]
    assert any("1736家" in p and "3726.3亿元" in p for p in points), points


def test_numbered_programmes_are_favoured(seeds_summary) -> None:  # type: ignore[no-untyped-def]
    texts = " ".join(p["text"] for m in seeds_summary["meetings"] for p in m["points"])
    for programme in ("“2+7”", "“1+X+Y”", "“1+4+4”", "“3+X”"):
        assert programme in texts, programme


def test_compression_drops_intensifiers_and_promises() -> None:
    sentence = "会议指出，要切实增强实施意见的针对性，在深化落实“南北转型”战略要求上作出新作为、取得新成效。"
    assert compress(sentence, 60, {}) == "增强实施意见的针对性，深化落实“南北转型”战略要求"
    inner = "会议强调，坚持问题导向，要切实增强针对性，要看到成效。"
    assert compress(inner, 60, {}) == "坚持问题导向，增强针对性，要看到成效"


def test_compression_keeps_a_setting_with_its_action() -> None:
    sentence = ("紧密结合“两评估、一清单、一盘活”专项工作，进一步盘活释放更多产业空间，"
                "完善产业用地全生命周期管理，提高土地利用效率。")
    bullet = compress(sentence, 60, {}, target_chars=20)
    assert bullet == "紧密结合“两评估、一清单、一盘活”专项工作，盘活释放更多产业空间"


def test_a_short_report_gets_fewer_points(seeds_summary) -> None:  # type: ignore[no-untyped-def]
    counts = {m["name"]: len(m["points"]) for m in seeds_summary["meetings"]}
    assert counts["第118次区政府常务会议"] < 6  # about 500 characters of content
    assert counts["区委七届九次全会"] == 6  # a plenary's full report


def test_adopted_documents_come_first_and_examples_do_not(seeds_summary) -> None:  # type: ignore[no-untyped-def]
    by_name = {m["name"]: [p["text"] for p in m["points"]] for m in seeds_summary["meetings"]}
    for plenary in ("区委六届六次全会", "区委五届十三次全会"):
        assert any(p.startswith(("全会审议通过《", "审议通过《")) for p in by_name[plenary]), by_name[plenary]
    points = [p for texts in by_name.values() for p in texts]
    assert not any(p.startswith(("“华平银河", "上海抚佳", "比如")) for p in points), points


def test_a_topic_is_said_once_for_consecutive_points() -> None:
    done = run_cli("summarize", str(SEEDS / "004_0494a65b94bf554c.txt"), "--format", "json")
    assert done.returncode == 0, done.stderr
    points = [p["text"] for m in json.loads(done.stdout)["meetings"] for p in m["points"]]
    topics = [p.split("：", 1)[0] if "：" in p[:18] else None for p in points]
    assert any(topics), points
    assert all(not (a and a == b) for a, b in itertools.pairwise(topics)), points


@pytest.mark.parametrize(("text", "reason"), [
    ("区委副书记、区长伏玉琼，区人大常委会主任梁黎，区政协主席张晓春", "roster"),
    ("旗委书记王雪峰，旗人大常委会主任宝音满都呼", "roster"),
    ("本次大会执行主席郑志、吴曙、曹红斌在主席台前排就座", "roster"),
    ("本次大会应到代表303名，实到297名，符合规定", "headcount"),
    ("今天的县剧院庄严肃穆，气氛祥和，主席台花团锦簇", "ceremony"),
    ("【香港商报网讯】记者 常亮 通讯员李世钊报道", "credit"),
    ("（朱亚旭 李得胜）", "credit"),
    ("全县上下深入学习贯彻党的******和二十届历次全会精神", "masked"),  # a re-post site's censor mask
    ("抓实新质生产力培育，抓牢产业项目建设，抓好项目招引和服务", None),
    ("把市委的部署落实到转型发展的深入实践中，深化落实“南北转型”战略要求", None),  # 落实到 is no 实到
    ("县人大、县政府、县政协等各党组要始终同党中央保持高度一致", None),
])
def test_what_is_no_point(text: str, reason: str | None) -> None:
    from briefing.summarizers.noise import is_noise

    assert is_noise(text) == reason


def test_a_point_never_stops_on_a_clause_that_waits_for_its_main_clause() -> None:
    hanging = "县林草部门要统筹好全县林木限采工作，根据实际情况和相关要求，做好补植补造工作。"
    # The main clause is brought in where it fits; else the hanging clause goes.
    assert compress(hanging, 60, {}).endswith("做好补植补造工作")
    assert compress(hanging, 30, {}, keep=lambda c: False) in (None, "县林草部门要统筹好全县林木限采工作")
    opened = "大会同意王建民代表十五届委员会所作的《凝心聚力、创新实干，奋力开创新局面》报告。"
    bullet = compress(opened, 30, {})
    assert bullet is None or bullet.count("《") == bullet.count("》")


@pytest.mark.parametrize(("clause", "hanging"), [
    ("预备人选报宁德市委审批后", True),  # when, waiting for what happens then
    ("副县长李启龙在县政府十八届五次全体会议上强调指出", True),  # the frame of what was said
    ("确保各项工作不掉队、不落后", False),
    ("持续抓好安全生产工作，做好善后", False),
    ("会议以县政府党组理论学习中心组学习会的形式", True),  # the form of what it did, which follows
    ("受政协桃源县第十一届委员会常务委员会委托", True),  # on whose behalf, before what was done
])
def test_a_clause_that_waits_for_what_follows(clause: str, hanging: bool) -> None:
    from briefing.summarizers.noise import is_dangling

    assert is_dangling(clause) is hanging


@pytest.mark.parametrize(("text", "roster"), [
    ("旗政协资源环境和经济委员会、提案管理委员会负责人", True),
    ("区政府各部门、单位负责人", True),
    ("县法院、县检察院主要负责同志", True),
    ("明确临时党委和临时党支部的负责人", False),
    ("压实各级党组织书记和主要负责人", False),
])
def test_a_list_of_bodies_and_their_heads_is_a_roster(text: str, roster: bool) -> None:
    from briefing.summarizers.noise import is_noise

    assert (is_noise(text) == "roster") is roster


def test_who_attended_before_the_clause_that_says_so_is_no_content() -> None:
    from briefing.summarizers.units import clauses, content_clauses

    text = "县政协常委出席会议，县政协副县以上在家干部，各委办主任列席会议，要求扎实做好全会筹备工作。"
    assert content_clauses(text) == ["要求扎实做好全会筹备工作。"]
    # People who are the object of what is done stay.
    assert "关心关爱基层干部，" in clauses("关心关爱基层干部，激励担当作为。")
    assert content_clauses("关心关爱基层干部，激励担当作为。") == ["关心关爱基层干部，", "激励担当作为。"]


def test_a_list_of_who_sat_where_before_its_verb_is_no_content_and_a_headcount_without_numbers() -> None:
    from briefing.summarizers.noise import is_noise
    from briefing.summarizers.units import content_clauses

    text = "县政协主席周明河，副主席张启付、韩兵及秘书长马付涛在主席台前排就座，要求开好这次大会。"
    assert content_clauses(text) == ["要求开好这次大会。"]
    text = "区政府组成人员，区级有关部门主要负责人，乡（镇）长参加了会议，会议强调要抓好春耕。"
    assert content_clauses(text) == ["会议强调要抓好春耕。"]
    assert is_noise("本次大会应到委员人，实到委员人，符合法定人数。") == "headcount"  # the numbers lost
    assert is_noise("要落实到人，确保实到实处") is None


@pytest.mark.parametrize(("text", "point"), [
    ("同一天，传达学习党的十九届六中全会精神", "传达学习党的十九届六中全会精神"),
    ("他说，牢记嘱托，勇担使命", "牢记嘱托，勇担使命"),
    ("他强调，要抓好落实", "抓好落实"),
    ("与此同时，加快项目建设", "加快项目建设"),
])
def test_a_roundups_opening_and_a_reported_speaker_are_no_part_of_a_point(text: str, point: str) -> None:
    assert strip_cues(text) == point
