"""Which district or county a report is about, anywhere in China."""

from __future__ import annotations

import pytest

from briefing.places import PlaceSettings, display_name, gazetteer, locate, short_name


def _where(text: str, url: str | None = None, home: str = "上海市") -> str | None:
    found = locate([(text, 1.0)], url, home)
    return display_name(found, home) if found else None


def test_the_gazetteer_holds_every_county_level_division_with_city_and_province() -> None:
    gaz = gazetteer()
    assert len(gaz.divisions) > 2800
    levels = {d.name[-1] for d in gaz.divisions}
    assert levels == {"区", "县", "市", "旗"}
    [huancui] = gaz.by_name["环翠区"]
    assert (huancui.city, huancui.province) == ("威海市", "山东省")
    assert {d.city for d in gaz.by_name["鼓楼区"]} >= {"南京市", "福州市", "徐州市", "开封市"}
    [songjiang] = gaz.by_name["松江区"]
    assert (songjiang.city, songjiang.province) == ("", "上海市")


@pytest.mark.parametrize(("name", "short"), [
    ("环翠区", "环翠"), ("浦东新区", "浦东"), ("乐东黎族自治县", "乐东"), ("内蒙古自治区", "内蒙古"),
    ("广西壮族自治区", "广西"), ("黔南布依族苗族自治州", "黔南"), ("额尔古纳市", "额尔古纳"),
])
def test_short_names(name: str, short: str) -> None:
    nations = ["黎族", "布依族", "苗族", "壮族"]
    assert short_name(name, nations) == short


@pytest.mark.parametrize(("text", "where"), [
    ("10月23日，区委常委会召开会议。会议强调，努力在全省乃至全国打响环翠品牌。", "环翠区"),
    ("县委副书记、县长王华主持会议。会议指出，决定黑山未来发展空间。县委要求，全县上下…", "黑山县"),
    ("会议审议通过了朝阳区2025年重点工作。北京市朝阳区委书记主持。", "北京市·朝阳区"),
    ("会议要求，推动临沂高质量发展，把讲话精神贯穿品质河东建设全过程。区委书记讲话。", "临沂市·河东区"),
    ("普陀区委召开常委会。", "普陀区"),  # the home region wins a tie
    ("坚持绿水青山就是金山银山理念，青浦区委召开常委会扩大会议。", "青浦区"),
    ("会议强调，要推动中俄友好、和平与发展。", None),  # 和平 the word, not 和平区
])
def test_place_from_full_and_short_names(text: str, where: str | None) -> None:
    assert _where(text) == where


def test_a_shared_name_is_settled_by_its_city_and_titled_with_it() -> None:
    assert _where("舟山市普陀区委召开常委会，推进海洋经济。") == "舟山市·普陀区"
    assert _where("会议要求，推动舟山海洋经济发展。普陀区委书记主持。") == "舟山市·普陀区"


def test_place_from_the_web_address_alone() -> None:
    lead = "1月8日下午，区委召开理论学习中心组学习研讨会议。"
    assert _where(lead, "https://www.lieshan.gov.cn/xwzx/1.html") == "烈山区"
    assert _where("区委召开常委会。", "http://www.tangshan.gov.cn/zhuzhan/zw_sdzdxq_kaiping/1.html") == "开平区"
    assert _where("区委召开常委会。", "https://example.com/news/1.html") is None


def test_a_paths_column_code_is_no_sites_initials() -> None:
    lead = "8月23日上午，中国共产党沁县第十三次代表大会在沁州宾馆隆重召开。全县各级党组织。"
    # "qzxw" (a column of the e-paper) reads as the initials of 焦作's 修武 where the host's do.
    assert _where(lead, "http://e.sxxycmw.com/qzxw/2016-1041/news-1-2.html") == "沁县"


def test_a_citys_short_name_on_a_page_about_the_city_is_the_citys() -> None:
    text = "政协长沙市第十三届委员会常务委员会会议召开。掌上长沙讯。会议协商长沙市人民政府工作报告。"
    # 长沙 is also 长沙县's short name; the page names the city and never the county.
    assert _where(text, "https://www.hunantoday.cn/news/xhn/202601/31304089.html") is None
    assert _where("长沙县委召开常委会。掌上长沙讯。长沙市委部署。") == "长沙县"


def test_template_names_beyond_the_gazetteer() -> None:
    places = PlaceSettings.from_names("上海市", ["临港新片区"])
    found = locate([("临港新片区党工委召开会议。", 1.0)], None, places.home, places.extra)
    assert found is not None and found.name == "临港新片区"


def test_short_initials_in_the_address_count_only_with_the_city_named() -> None:
    lead = "本报讯 昨日下午，全市党委（党组）理论学习中心组工作会议召开。"
    url = "http://www.rarb.cn/html/2018-10/19/content_222107.htm"
    assert _where(lead, url) is None  # "ra" + 日报 fits 瑞安 and others alike
    assert _where(lead + "中央、省委、温州市委相继出台实施细则。", url) == "瑞安市"


def test_short_initials_settled_by_the_page_level_and_the_province_domain() -> None:
    # "df" + 人大 fits nine divisions; of the 区 among them, one is in Jiangsu (.js.cn).
    district_lead = "1月14日上午，区十六届人大一次会议主席团举行第四次会议。区委书记、代区长出席。全区各级要抓落实。"
    assert _where(district_lead, "http://www.dfrd.js.cn/rddt/ShowArticle.asp?ArticleID=1") == "大丰区"
    assert _where(district_lead, "http://www.dfrd.cn/rddt/1.html") is None  # three 区 fit, none named
    # "bf" + 快报: 平房区 and 宝丰县; a page that speaks only of 县 is about the county.
    county_lead = "县委书记委托县长主持召开县委常委会会议。县人大、县政府、县政协各党组要带头。全县上下。"
    assert _where(county_lead, "http://bfkb.v0375.cn/Html/2022-01-13/1.html") == "宝丰县"
    # "ct" + 新闻网: of the 区 among six divisions, one is in the province the page names.
    standing = ("12月5日，区委常委会（扩大）会议召开，传达学习习近平总书记在福建考察时的重要讲话精神。"
                "区长主持。全区要落实。")
    assert _where(standing, "https://www.ctxww.com/folder22/2024-12-07/1.html") == "长泰区"


def test_initials_of_province_city_and_county_in_the_host() -> None:
    # yncxym.gov.cn: 云南 楚雄 元谋; the page itself never names the county.
    text = "2月6日，十八届县人民政府召开第四次全体会议。县委副书记、县长王开国主持会议并讲话。"
    assert _where(text, "http://yncxym.gov.cn/info/2528/62307.htm") == "元谋县"
    # Every division found lies in the province the first two letters name.
    from briefing.places.address import divisions_by_initials

    assert all(d.province == "云南省" for d in divisions_by_initials("http://yncxym.gov.cn/"))


def test_a_spelling_names_the_place_it_reads_most_plainly() -> None:
    # yandu is 盐都 (yán + dū) before 殷都 (殷 reads yīn first).
    assert _where("区人大常委会第44次会议召开。", "http://ydrd.yandu.gov.cn/infodetail/1.html") == "盐都区"


def test_a_former_name_is_found_as_todays_division() -> None:
    # 户县 became 鄠邑区 (西安市) in 2016: a report from before names the old county.
    found = locate([("县委书记主持召开县委常委会议，审议评选户县劳动模范的请示。", 1.0)])
    assert found is not None and (found.now, found.city, found.province) == ("鄠邑区", "西安市", "陕西省")
    assert display_name(found) == "鄠邑区（原户县）"
    # Two-character former names are words of their own: 召开县委 is no mention of 开县.
    assert _where("3月1日，中共某县召开县委常委会。") != "开州区（原开县）"
    # A forum's address spells the old name (huxianbbs): 户县, not 和县 (hé, read hú).
    forum = "http://www.huxianbbs.com/thread-52796-1-1.html"
    assert _where("我县召开2011年三秋暨秸秆综合利用和禁烧工作动员会。", forum) == "鄠邑区（原户县）"
    # Renames after 2016 as jionlp's table records them: a county become a city (旬阳县 in
    # 2021) or a district (海门市 in 2020), and a row that table has wrong (玉环县 became 玉环市).
    for text, shown in (("中共旬阳县委召开常委会。", "旬阳市（原旬阳县）"),
                        ("海门市委召开常委会。", "海门区（原海门市）"),
                        ("玉环县委召开常委会。", "玉环市（原玉环县）")):
        assert _where(text) == shown
    for former in gazetteer().former:  # every line of the data file names a division of today
        assert any(d.name == former.now and d.adcode == former.adcode for d in gazetteer().divisions)


def test_a_short_name_that_is_also_a_word_counts_with_its_city_or_province() -> None:
    # 南岸 is a word ("south bank"); beside 重庆 it is 重庆's 南岸区.
    text = "区长王俊主持召开区长办公会，要求报告更加符合南岸实际，突出重庆东站建设。"
    assert _where(text) == "南岸区"
    assert _where("区长主持召开区长办公会，要求报告更加符合南岸实际。") is None


@pytest.mark.parametrize(("text", "where"), [
    ("兴县县委召开县委常委扩大会议，研究部署当前工作。", "兴县"),  # a county's full name of two characters
    ("沛县县委书记主持召开常委会。", "沛县"),
    # 和县委 is 和 + 县委, 代县长 is 代 + 县长: no mention of 和县 or 代县.
    ("第十六届县委委员、候补委员和县纪委委员出席会议。市委和县委召开会议，代县长主持。", None),
])
def test_two_character_county_names_stand_as_words(text: str, where: str | None) -> None:
    assert _where(text) == where


def test_a_site_named_by_the_initials_alone() -> None:
    # kq.gov.cn: 柯桥区 (葵青区 of Hong Kong holds no 区政协 meetings).
    text = "区政协召开二届三十七次主席会议，区政协主席出席并讲话，审议召开区政协二届四次会议的有关事项。"
    assert _where(text, "http://zx.kq.gov.cn/art/1.html") == "柯桥区"


def test_abbreviated_banners_and_counties() -> None:
    # The wing's first character, its side and position: 察哈尔右翼后旗 is 察右后旗.
    assert _where("察右后旗政协党组召开理论学习中心组学习会。") == "察哈尔右翼后旗"
    assert _where("喀左县委常委会召开会议。") == "喀喇沁左翼蒙古族自治县"
    # Those no rule makes come from division_aliases.tsv.
    assert _where("达茂旗委召开常委会议。") == "达尔罕茂明安联合旗"


def test_a_prefecture_level_citys_page() -> None:
    from briefing.places import prefecture_page

    assert prefecture_page("会议以视频形式开到各旗区。", None)
    assert prefecture_page("市长主持召开常务会议。", "https://example.xyz/search?q=ANSHAN")
    assert not prefecture_page("市长主持召开常务会议。", "https://example.xyz/news/1.html")


def test_a_province_s_initials_before_a_spelt_name_choose_among_places_spelt_alike() -> None:
    from briefing.places.address import names_in_address

    # xishan is 锡山 (江苏) and 西山 (云南); js is 江苏.
    assert names_in_address("http://www.jsxishan.gov.cn/doc/2026/01/29/1.shtml") == {"锡山"}
    assert names_in_address("http://www.xishan.gov.cn/1.html") >= {"锡山", "西山"}


def test_a_noun_for_a_kind_of_place_counts_only_with_its_city_or_province() -> None:
    # 故城 is an old city's ruins (楼兰故城, 明中都皇故城) before it is 衡水's 故城县.
    assert _where("县委中心组学习会听取了楼兰故城保护规划的介绍。") is None
    assert _where("会议听取了衡水市关于推动故城高质量发展的意见。") == "故城县"


def test_a_provinces_byname_is_no_countys_short_name() -> None:
    # 龙江 is 黑龙江 ("建设质量龙江、创新龙江"), not 齐齐哈尔's 龙江县, even beside the province.
    assert _where("黑龙江省第十三次党代会提出要着力建设质量龙江、创新龙江、开放龙江。") is None
    assert _where("龙江县委召开常委会议。") == "龙江县"


def test_an_everyday_word_of_policy_is_no_countys_short_name() -> None:
    # 富民 ("强村富民") and 惠民 ("惠民工程") are words before they are 昆明's and 滨州's counties.
    assert _where("会议强调，要集成推进强村富民改革创新，办好惠民工程。") is None
    assert _where("富民县委召开常委会议。") == "富民县"


def test_a_banner_named_after_its_people_and_letters_before_a_spelt_name() -> None:
    # 鄂温克族自治旗 is 鄂温克, in its text and in its address (ewenke.gov.cn).
    assert short_name("鄂温克族自治旗", ["鄂温克族"]) == "鄂温克"
    address = "https://www.ewenke.gov.cn/News/show/1.html"
    assert _where("旗人民政府召开常务会议，石榴花开鄂温克。", address) == "鄂温克族自治旗"
    # xihaiannews is 西海岸 (a new area's paper, 西海岸新区 being 黄岛区 under another name),
    # not 海安 with two letters before it: xi spells no province's initials, as hb (湖北) in
    # hbwuxue does.
    from briefing.places.address import names_in_address

    paper = "http://epaper.xihaiannews.com/shtml/jnsx/20180402/59287.shtml"
    assert names_in_address(paper) == {"西海岸新区"}
    assert _where("区二届人大常委会召开第28次党组暨主任会议，推动新区人大工作再创新局面。", paper) == "黄岛区"
    assert "武穴" in names_in_address("http://www.hbwuxue.gov.cn/news/1.html")


def test_a_provinces_initials_and_a_countys_own_in_the_host() -> None:
    from briefing.places.address import divisions_by_initials

    # gssn: 甘肃 (gs) and 肃南 (sn), the one county of Gansu with those initials.
    found = divisions_by_initials("http://www.gssn.gov.cn/dzdt/zwdt/202509/t20250916_1453414.html")
    assert {d.name for d in found} == {"肃南裕固族自治县"}


def test_a_provinces_initials_a_countys_own_and_a_sites_suffix_in_the_host() -> None:
    from briefing.places.address import divisions_by_initials

    # ahscxzx: 安徽 (ah), 舒城 (sc) and 县政协 (xzx).
    found = divisions_by_initials("http://www.ahscxzx.cn/DocHtml/1991/17/11/00183887.html")
    assert {d.name for d in found} == {"舒城县"}


def test_a_short_name_opening_a_towns_name_is_no_mention() -> None:
    # 巴彦 is 巴彦县's (Heilongjiang); 巴彦花镇 and 巴彦温都尔苏木 are towns of a banner in 赤峰.
    text = "巴彦花镇、绍根镇、扎嘎斯台镇、坤都镇、巴彦温都尔苏木的人大主席列席会议。旗人大常委会召开第九次会议。"
    assert _where(text) is None
    assert _where("巴彦县委召开常委会议，研究巴彦发展。") == "巴彦县"


def test_a_page_of_county_bodies_is_no_banners_that_it_names_twice() -> None:
    # A banner named in an accident the county conveys, with its province; the county's
    # own site (dongkou.gov.cn) and 县政府, 县长, 县领导 throughout. 阿拉善 inside 阿拉善左旗
    # is no mention of its league.
    text = ("3月9日，县委副书记、县长贺永亮主持召开县政府党组暨2023年第4次常务会议。县领导郭向荣出席会议。"
            "会议传达学习了习近平总书记对内蒙古阿拉善左旗一露天煤矿坍塌事故作出的重要指示、市委农村工作会议精神、"
            "《中共湖南省委办公厅关于持续深化安全生产隐患排查整治的通知》。要深刻吸取内蒙古阿拉善左旗露天煤矿坍塌事故教训，"
            "全市重点项目要推进，县政府各部门要抓好落实。")
    assert _where(text, "http://www.dongkou.gov.cn/dongkou/hyjtj/202303/1.shtml") == "洞口县"


def test_a_slogan_and_a_community_are_no_mainland_or_taiwan_division() -> None:
    assert _where("市政协社法委组织召开了以“书香政协·同心向党”为主题的线上读书学习交流会议。") is None
    assert _where("同心县委召开常委会。") == "同心县"
    # 卓达大社区 is a community: 高雄's 大社区 only where 高雄 (or Taiwan) is named.
    assert _where("卓达大社区综合服务中心党支部组织集中观看学习。") is None


def test_a_level_with_the_others_listed_after_it_is_no_division() -> None:
    # "各县（市、区）": every county, city and district; "选举和县(市、区)" is no 和县.
    assert _where("认真做好出席市党代会的代表选举和县(市、区)换届选举工作。") is None
    assert _where("和县县委召开常委会议。") == "和县"
