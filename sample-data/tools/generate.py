#!/usr/bin/env python3
"""Generate the 示例区 demo data set (sample-data/*.csv and sample-data/encodings/).

Deterministic: seeded random.Random(2024), no timestamps, same bytes on every run.
Python 3.11 standard library only.

    python3 sample-data/tools/generate.py

The data imitates what a district's disclosure offices export from their case systems: each unit's
export has its own habits (Chinese labels or English keys, date style, how it fills optional columns),
and the merged files contain a few deliberately bad rows (see BAD_ROWS below and sample-data/README.md).
The export is taken as of 2025-01-15, so some applications and appeal cases show January 2025 closings.
"""

import csv
import datetime as dt
import io
import os
import random

HERE = os.path.dirname(os.path.abspath(__file__))
DATA = os.path.dirname(HERE)
EXPORT_DATE = dt.date(2025, 1, 15)   # the day the offices exported their records

rng = random.Random(2024)

# ---------------------------------------------------------------------------------------------
# Vocabulary (key, exact Chinese label) -- see src/main/resources/format/gov-2021-30.yaml
# ---------------------------------------------------------------------------------------------
APPLICANT_TYPES = [
    ("natural_person", "自然人"), ("commercial", "商业企业"), ("research", "科研机构"),
    ("social_welfare", "社会公益组织"), ("legal_service", "法律服务机构"), ("other", "其他"),
]
OUTCOMES = [
    ("granted", "（一）予以公开"),
    ("partially_granted", "（二）部分公开（区分处理的，只计这一情形，不计其他情形）"),
    ("denied_state_secret", "1.属于国家秘密"),
    ("denied_law_forbidden", "2.其他法律行政法规禁止公开"),
    ("denied_three_safety", "3.危及“三安全一稳定”"),
    ("denied_third_party", "4.保护第三方合法权益"),
    ("denied_internal_affairs", "5.属于三类内部事务信息"),
    ("denied_process_info", "6.属于四类过程性信息"),
    ("denied_enforcement_file", "7.属于行政执法案卷"),
    ("denied_admin_query", "8.属于行政查询事项"),
    ("unable_not_held", "1.本机关不掌握相关政府信息"),
    ("unable_need_creation", "2.没有现成信息需要另行制作"),
    ("unable_still_unclear", "3.补正后申请内容仍不明确"),
    ("rejected_petition", "1.信访举报投诉类申请"),
    ("rejected_repeat", "2.重复申请"),
    ("rejected_publication", "3.要求提供公开出版物"),
    ("rejected_massive", "4.无正当理由大量反复申请"),
    ("rejected_confirm", "5.要求行政机关确认或重新出具已获取信息"),
    ("other_no_correction", "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请"),
    ("other_no_fee", "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请"),
    ("other_other", "3.其他"),
]
CATEGORIES = {"regulation": "规章", "normative": "行政规范性文件", "other": "其他"}
DISCLOSURES = {"proactive": "主动公开", "on_request": "依申请公开", "not_public": "不予公开"}
ENFORCEMENT_ITEMS = {"licensing": "行政许可", "punishment": "行政处罚", "coercion": "行政强制", "fees": "行政事业性收费"}
APPEAL_KINDS = {"review": "行政复议", "litigation_direct": "未经复议直接起诉", "litigation_after_review": "复议后起诉"}
APPEAL_RESULTS = {"upheld": "结果维持", "corrected": "结果纠正", "other": "其他结果"}
LABEL = dict(APPLICANT_TYPES) | dict(OUTCOMES)

# ---------------------------------------------------------------------------------------------
# The district
# ---------------------------------------------------------------------------------------------
URL = "https://www.shiliqu.gov.cn"
# code, name, parent, level, report_url, contact_office, contact_address, contact_phone
AGENCIES = [
    ("SL", "示例区人民政府", "", "区政府", URL + "/xxgk/ndbg/",
     "示例区人民政府办公室（区政务公开办公室）", "示例区人民路1号", "021-57500001"),
    ("SL-GOV", "示例区人民政府办公室", "SL", "部门", URL + "/qzfb/xxgk/ndbg/",
     "示例区人民政府办公室秘书科", "示例区人民路1号", "021-57500012"),
    ("SL-DRC", "示例区发展和改革委员会", "SL", "部门", URL + "/fgw/xxgk/ndbg/",
     "示例区发展和改革委员会办公室", "示例区人民路1号3号楼", "021-57500230"),
    ("SL-EDU", "示例区教育局", "SL", "部门", URL + "/jyj/xxgk/ndbg/",
     "示例区教育局办公室", "示例区学府路88号", "021-57812345"),
    ("SL-PNR", "示例区规划和自然资源局", "SL", "部门", URL + "/ghzy/xxgk/ndbg/",
     "示例区规划和自然资源局办公室", "示例区建设路200号,规划资源大楼3楼", "021-57660088"),
    ("SL-HUD", "示例区住房和城乡建设管理委员会", "SL", "部门", URL + "/jsgl/xxgk/ndbg/",
     "示例区住房和城乡建设管理委员会办公室", "示例区建设路218号", "021-57661200"),
    ("SL-SAMR", "示例区市场监督管理局", "SL", "部门", URL + "/scjg/xxgk/ndbg/",
     "示例区市场监督管理局办公室", "示例区通商路56号", "021-57930315"),
    ("SL-JD1", "示例区城东街道办事处", "SL", "街道", URL + "/cdjd/xxgk/ndbg/",
     "城东街道党政办公室", "示例区东明路120号", "021-57421007"),
    ("SL-JD2", "示例区城西街道办事处", "SL", "街道", "",
     "", "示例区西林路45号", ""),
    ("SL-XHZ", "示例区新河镇人民政府", "SL", "镇", URL + "/xhz/xxgk/ndbg/",
     "新河镇党政办公室", "示例区新河镇新河大街1号", "021-57288100"),
]

# Each unit's export habits for applications.csv:
#   labels: Chinese labels (True) or English keys (False) in enumerated columns
#   dates:  "iso" / "slash" / "cn" / "mixed" (mostly iso, some slash)
#   ids:    application_id pattern
#   ext:    how `extended` is filled: "YN" (Y or N) / "Y" (Y or blank)
#   fee0:   fee_yuan filled with 0.00 when no fee was charged
APP_STYLE = {
    "SL":      dict(labels=False, dates="iso",   ids="YSQ{y}{n:04d}",    ext="YN", fee0=False),
    "SL-GOV":  dict(labels=False, dates="iso",   ids="YSQ{y}{n:04d}",    ext="YN", fee0=False),
    "SL-DRC":  dict(labels=False, dates="iso",   ids="FGW-{y}-{n:03d}",  ext="YN", fee0=True),
    "SL-EDU":  dict(labels=True,  dates="mixed", ids="JY{y}{n:03d}",     ext="Y",  fee0=False),
    "SL-PNR":  dict(labels=True,  dates="iso",   ids="GHZY{y}{n:04d}",   ext="YN", fee0=False),
    "SL-HUD":  dict(labels=False, dates="slash", ids="JSGL-{y}-{n:04d}", ext="Y",  fee0=False),
    "SL-SAMR": dict(labels=True,  dates="iso",   ids="SJ{y}{n:04d}",     ext="YN", fee0=False),
    "SL-JD1":  dict(labels=True,  dates="cn",    ids="CD{y}-{n:02d}",    ext="Y",  fee0=False),
    "SL-JD2":  dict(labels=True,  dates="cn",    ids="CX{y}-{n:02d}",    ext="Y",  fee0=False),
    "SL-XHZ":  dict(labels=True,  dates="mixed", ids="XH{y}{n:03d}",     ext="YN", fee0=False),
}

# Applications received per year. SL-JD2 received none in 2023 (and had nothing open).
VOLUMES = {
    "SL":      {2022: 4, 2023: 47, 2024: 53},
    "SL-GOV":  {2022: 1, 2023: 6,  2024: 4},
    "SL-DRC":  {2022: 1, 2023: 8,  2024: 11},
    "SL-EDU":  {2022: 1, 2023: 14, 2024: 18},
    "SL-PNR":  {2022: 12, 2023: 128, 2024: 146},
    "SL-HUD":  {2022: 9, 2023: 96, 2024: 112},
    "SL-SAMR": {2022: 2, 2023: 22, 2024: 27},
    "SL-JD1":  {2022: 0, 2023: 4,  2024: 6},
    "SL-JD2":  {2022: 0, 2023: 0,  2024: 3},
    "SL-XHZ":  {2022: 1, 2023: 9,  2024: 7},
}
# 2022 figures are only the December 2022 receipts (the ones that may be carried into 2023).

BASE_APPLICANTS = {"natural_person": 85, "commercial": 8.5, "research": 0.7, "social_welfare": 0.8,
                   "legal_service": 3.5, "other": 1.5}
APPLICANT_TILT = {
    "SL-SAMR": {"natural_person": 68, "commercial": 25},
    "SL-PNR": {"commercial": 11, "legal_service": 4.5},
    "SL-DRC": {"natural_person": 70, "commercial": 18, "research": 4},
    "SL-EDU": {"social_welfare": 3, "research": 2},
}
BASE_OUTCOMES = {
    "granted": 33, "partially_granted": 14,
    "denied_state_secret": 0.3, "denied_law_forbidden": 0.6, "denied_three_safety": 0.4,
    "denied_third_party": 2.5, "denied_internal_affairs": 1.5, "denied_process_info": 2.5,
    "denied_enforcement_file": 0.8, "denied_admin_query": 0.8,
    "unable_not_held": 21, "unable_need_creation": 3, "unable_still_unclear": 2.5,
    "rejected_petition": 3.5, "rejected_repeat": 4, "rejected_publication": 1.2,
    "rejected_massive": 0.4, "rejected_confirm": 1.5,
    "other_no_correction": 2, "other_no_fee": 0.3, "other_other": 2.5,
}
OUTCOME_TILT = {
    "SL-SAMR": {"denied_enforcement_file": 6, "denied_admin_query": 8, "denied_third_party": 6},
    "SL-PNR": {"unable_not_held": 26, "partially_granted": 17, "denied_process_info": 3.5},
    "SL-HUD": {"rejected_petition": 6, "unable_not_held": 24},
    "SL": {"rejected_repeat": 7, "rejected_massive": 1.5, "denied_process_info": 4},
    "SL-JD1": {"rejected_petition": 10},
    "SL-XHZ": {"unable_not_held": 30},
}


def weighted(table, tilt=None):
    weights = dict(table)
    weights.update(tilt or {})
    keys = list(weights)
    return rng.choices(keys, weights=[weights[k] for k in keys])[0]


def add_working_days(d, n):
    while n > 0:
        d += dt.timedelta(days=1)
        if d.weekday() < 5:
            n -= 1
    return d


def random_weekday(start, end):
    while True:
        d = start + dt.timedelta(days=rng.randrange((end - start).days + 1))
        if d.weekday() < 5:
            return d


def row_style(style):
    """A unit with "mixed" dates typed some rows as YYYY/MM/DD: resolve the style once per row."""
    if style == "mixed":
        return "slash" if rng.random() < 0.2 else "iso"
    return style


def fmt_date(d, style):
    if d is None:
        return ""
    if style == "slash":
        return d.strftime("%Y/%m/%d")
    if style == "cn":
        return f"{d.year}年{d.month}月{d.day}日"
    return d.isoformat()


def enum(key, chinese, labels):
    return labels[key] if chinese else key


# ---------------------------------------------------------------------------------------------
# applications.csv
# ---------------------------------------------------------------------------------------------
def make_applications():
    rows = []       # (agency, received, dict)
    for code, *_ in AGENCIES:
        style = APP_STYLE[code]
        tilt_a = APPLICANT_TILT.get(code)
        tilt_o = OUTCOME_TILT.get(code)
        for year in (2022, 2023, 2024):
            n = VOLUMES[code][year]
            if year == 2022:
                received = sorted(random_weekday(dt.date(2022, 12, 1), dt.date(2022, 12, 30)) for _ in range(n))
            else:
                received = sorted(random_weekday(dt.date(year, 1, 3), dt.date(year, 12, 31)) for _ in range(n))
            for seq, rec in enumerate(received, start=1):
                applicant = weighted(BASE_APPLICANTS, tilt_a)
                r = rng.random()
                extended = False
                if r < 0.07:
                    closed = rec                                  # answered on the spot
                elif r < 0.14:
                    extended = True
                    closed = add_working_days(rec, rng.randint(22, 38))
                elif r < 0.16:
                    closed = add_working_days(rec, rng.randint(21, 24))   # late, no extension
                else:
                    closed = add_working_days(rec, rng.randint(3, 20))
                if closed > EXPORT_DATE:
                    closed = None                                 # still open at export
                outcome = weighted(BASE_OUTCOMES, tilt_o) if closed else None
                if outcome == "other_no_correction" and closed:
                    extended = False
                rows.append([code, rec, {
                    "application_id": style["ids"].format(y=year, n=seq),
                    "applicant_type": applicant,
                    "closed": closed,
                    "outcome": outcome,
                    "extended": extended,
                    "fee": None,
                }])
    # A long-running 2024 case: 补正 requested, applicant silent -> still open at year end.
    for code, rec, a in rows:
        if code == "SL-PNR" and rec.year == 2024 and rec.month == 11 and a["closed"] is not None:
            a["closed"], a["outcome"], a["extended"] = None, None, False
            break
    # Rare outcomes that a district of this size does see now and then: make sure they appear.
    forced = [("SL", 2023, "denied_state_secret"), ("SL-PNR", 2024, "denied_three_safety"),
              ("SL-HUD", 2023, "other_no_fee"), ("SL", 2024, "rejected_massive"),
              ("SL-DRC", 2024, "denied_law_forbidden")]
    for code, year, outcome in forced:
        if not any(c == code and r.year == year and a["outcome"] == outcome for c, r, a in rows):
            candidates = [a for c, r, a in rows if c == code and r.year == year and a["closed"]
                          and a["closed"].year == year and a["outcome"] in ("granted", "unable_not_held")]
            rng.choice(candidates)["outcome"] = outcome
    # 信息处理费: charged on a few granted / partially granted applications.
    fees = [("SL-PNR", 2023, "20"), ("SL-PNR", 2024, "35.50"), ("SL-HUD", 2023, "100"),
            ("SL", 2024, "40"), ("SL-DRC", 2024, "20.00"), ("SL-PNR", 2024, "120")]
    for code, year, fee in fees:
        candidates = [a for c, r, a in rows if c == code and a["closed"] and a["closed"].year == year
                      and a["outcome"] in ("granted", "partially_granted") and a["fee"] is None]
        rng.choice(candidates)["fee"] = fee
    # One fee on an application received in late 2023 and closed in January 2024 (carried over).
    for code, rec, a in rows:
        if code == "SL-HUD" and rec.year == 2023 and a["closed"] and a["closed"].year == 2024:
            a["outcome"], a["fee"] = "granted", "60"
            break

    out = []
    for code, rec, a in rows:
        style = APP_STYLE[code]
        lab = style["labels"]
        d = row_style(style["dates"])
        fee = a["fee"] if a["fee"] is not None else ("0.00" if style["fee0"] else "")
        if style["ext"] == "YN":
            ext = "Y" if a["extended"] else "N"
        else:
            ext = "Y" if a["extended"] else ""
        out.append({
            "application_id": a["application_id"],
            "agency_code": code,
            "received_date": fmt_date(rec, d),
            "applicant_type": enum(a["applicant_type"], lab, LABEL),
            "closed_date": fmt_date(a["closed"], d),
            "outcome": enum(a["outcome"], lab, LABEL) if a["outcome"] else "",
            "extended": ext,
            "fee_yuan": fee,
        })
    return out


# ---------------------------------------------------------------------------------------------
# filings.csv
# ---------------------------------------------------------------------------------------------
# code: (issuer as in titles, normative 文号 prefix, other 文号 prefixes, labels?, date style)
ISSUERS = {
    "SL":      ("示例区人民政府", "示府规", ["示府发", "示府"], True, "iso"),
    "SL-GOV":  ("示例区人民政府办公室", "示府办规", ["示府办发", "示府办"], True, "iso"),
    "SL-DRC":  ("示例区发展和改革委员会", "示发改规", ["示发改"], False, "iso"),
    "SL-EDU":  ("示例区教育局", "示教规", ["示教"], True, "slash"),
    "SL-PNR":  ("示例区规划和自然资源局", "示规划资源规", ["示规划资源"], True, "iso"),
    "SL-HUD":  ("示例区住房和城乡建设管理委员会", "示建管规", ["示建管"], False, "slash"),
    "SL-SAMR": ("示例区市场监督管理局", "示市监规", ["示市监"], False, "iso"),
    "SL-JD1":  ("示例区城东街道办事处", None, ["东街办"], True, "cn"),
    "SL-JD2":  ("示例区城西街道办事处", None, ["西街办"], True, "cn"),
    "SL-XHZ":  ("示例区新河镇人民政府", "新河府规", ["新河府"], True, "iso"),
}
NORMATIVE_SUBJECTS = {
    "SL": ["示例区国有土地上房屋征收与补偿实施办法", "示例区促进产业高质量发展若干政策", "示例区城市更新实施办法",
           "示例区集体土地征收补偿安置办法", "示例区被征地人员就业和社会保障实施细则", "示例区重大行政决策程序规定",
           "示例区政府投资项目管理办法", "示例区住房租赁市场管理暂行办法", "示例区农村村民建房管理办法",
           "示例区困难群众基本生活救助实施办法", "示例区人才安居工程实施办法", "示例区促进民营经济发展若干措施",
           "示例区生态补偿实施办法", "示例区行政规范性文件管理办法", "示例区突发事件总体应急预案",
           "示例区公共资源交易管理办法", "示例区支持科技创新若干政策", "示例区养老服务补贴实施办法"],
    "SL-GOV": ["示例区政务服务“一网通办”管理办法", "示例区政府信息公开申请办理规定", "示例区政务公开工作考核办法",
               "示例区机关事务管理办法", "示例区政府合同管理办法", "示例区政府督查工作规定",
               "示例区行政执法公示实施办法", "示例区政府法律顾问工作规则", "示例区公共数据管理办法",
               "示例区12345热线工单办理规定", "示例区政府采购内部控制办法", "示例区政务新媒体管理办法",
               "示例区行政复议案件办理规程", "示例区电子印章管理暂行办法", "示例区会议费管理办法",
               "示例区政务服务“好差评”实施办法", "示例区档案工作管理办法"],
    "SL-DRC": ["示例区政府投资项目代建制管理办法", "示例区价格监测管理办法", "示例区重点项目管理办法",
               "示例区节能审查实施细则", "示例区社会信用体系建设管理办法", "示例区粮食储备管理办法",
               "示例区企业投资项目备案管理办法"],
    "SL-EDU": ["示例区民办教育机构管理办法", "示例区校外培训机构监管办法", "示例区学生资助实施办法",
               "示例区义务教育阶段招生入学实施办法", "示例区教师招聘管理办法", "示例区普惠性幼儿园认定办法",
               "示例区学校安全管理办法"],
    "SL-PNR": ["示例区临时用地管理办法", "示例区建设用地规划许可实施细则", "示例区耕地保护补偿实施办法",
               "示例区不动产登记便民服务规定", "示例区村庄规划管理办法", "示例区低效建设用地减量化实施办法",
               "示例区国有建设用地使用权出让管理办法", "示例区历史风貌保护规划管理办法", "示例区地质灾害防治管理办法",
               "示例区设施农业用地管理办法", "示例区规划公示管理规定", "示例区测绘成果管理办法"],
    "SL-HUD": ["示例区住宅小区综合治理实施办法", "示例区物业服务企业信用管理办法", "示例区建设工程安全文明施工管理办法",
               "示例区既有多层住宅加装电梯实施办法", "示例区住宅专项维修资金管理办法", "示例区建筑垃圾管理办法",
               "示例区保障性租赁住房管理办法", "示例区老旧小区改造实施办法", "示例区燃气安全管理办法",
               "示例区城市排水管理办法"],
    "SL-SAMR": ["示例区食品小作坊管理办法", "示例区市场主体登记便利化实施办法", "示例区特种设备安全监管办法",
                "示例区农贸市场管理办法", "示例区轻微违法行为免罚清单实施办法"],
    "SL-XHZ": ["新河镇村级集体资产管理办法", "新河镇农村宅基地管理实施细则"],
}
OTHER_TOPICS = {
    "SL": ["示例区2023年国民经济和社会发展计划", "示例区2024年国民经济和社会发展计划", "示例区政府工作报告重点任务分工",
           "成立示例区防汛防台指挥部", "示例区2023年度重大行政决策事项目录", "示例区2024年度重大行政决策事项目录",
           "调整示例区食品安全委员会组成人员", "示例区安全生产责任制考核结果", "同意设立示例区新河产业园区管理委员会",
           "示例区乡村振兴示范村建设", "示例区第五次全国经济普查实施", "示例区2024年为民办实事项目",
           "示例区冬春火灾防控工作", "示例区城市运行“一网统管”建设", "表彰2023年度示例区优秀营商环境案例",
           "示例区河长制工作", "示例区文明城区创建工作", "示例区防范电信网络诈骗工作"],
    "SL-GOV": ["示例区2023年政务公开工作要点", "示例区2024年政务公开工作要点", "示例区2023年元旦春节期间值班安排",
               "示例区2024年元旦春节期间值班安排", "示例区政务服务事项目录调整", "示例区政府信息公开工作年度报告编制",
               "示例区办公用房清理整改", "示例区防汛防台应急预案修订", "示例区政务服务中心窗口考核",
               "示例区信访工作联席会议", "示例区2024年度督查计划", "示例区政府系统公文处理",
               "示例区政府网站与政务新媒体检查情况", "示例区政府网站季度抽查情况", "示例区节能降耗工作",
               "示例区政务新媒体年度检查情况"],
    "SL-DRC": ["示例区2023年重大项目建设计划", "示例区2024年重大项目建设计划", "示例区迎峰度夏电力保障",
               "示例区价格调节基金使用", "示例区重要民生商品价格监测", "示例区“十四五”规划中期评估",
               "示例区社会信用体系建设年度工作", "示例区节能目标责任评价考核"],
    "SL-EDU": ["示例区2023年义务教育阶段学校招生工作", "示例区2024年义务教育阶段学校招生工作", "示例区中小学暑期安全工作",
               "示例区教育系统2023年教师招聘", "示例区教育系统2024年教师招聘", "示例区学校食堂食品安全检查",
               "示例区校外培训机构年检结果", "示例区学生体质健康监测", "示例区民办学校年度检查结果",
               "示例区中小学课后服务工作", "示例区教育系统安全生产工作"],
    "SL-PNR": ["示例区2023年度国有建设用地供应计划", "示例区2024年度国有建设用地供应计划", "示例区耕地保护目标责任考核",
               "同意新河镇村庄规划", "示例区城东单元控制性详细规划局部调整", "示例区土地卫片执法检查",
               "示例区不动产登记“一窗受理”", "示例区地质灾害隐患排查", "示例区城西单元控制性详细规划批前公示",
               "示例区林长制工作", "示例区永久基本农田核实整改", "示例区规划资源执法专项行动"],
    "SL-HUD": ["示例区2023年老旧小区改造计划", "示例区2024年老旧小区改造计划", "示例区建筑施工安全专项整治",
               "示例区住宅小区消防安全检查", "示例区物业服务企业信用评价结果", "示例区燃气安全专项整治",
               "示例区加装电梯项目补贴资金拨付", "示例区建设工程扬尘治理", "示例区防汛防台期间在建工地安全管理",
               "示例区保障性租赁住房项目认定", "示例区房屋安全隐患排查"],
    "SL-SAMR": ["示例区2023年食品安全抽检计划", "示例区2024年食品安全抽检计划", "示例区特种设备安全隐患排查",
                "示例区2023年度“双随机、一公开”抽查计划", "示例区网络交易监管专项行动",
                "示例区产品质量监督抽查结果", "示例区消费投诉公示"],
    "SL-JD1": ["城东街道2023年度工作要点", "城东街道2024年度工作要点", "城东街道防汛防台工作",
               "城东街道社区养老服务工作", "城东街道垃圾分类实效检查", "城东街道老旧小区加装电梯意见征询"],
    "SL-JD2": ["城西街道2023年度工作要点", "城西街道2024年度工作要点", "城西街道防汛防台工作",
               "城西街道社区微更新项目", "城西街道垃圾分类实效检查"],
    "SL-XHZ": ["新河镇2023年度工作要点", "新河镇2024年度工作要点", "新河镇防汛防台工作", "新河镇村庄规划征求意见",
               "新河镇农村人居环境整治", "新河镇秸秆禁烧工作", "新河镇美丽乡村示范村建设"],
}
GENERIC_TOPICS = ["调整政务公开工作领导小组成员", "保密自查自评工作", "安全生产大检查工作", "档案移交工作",
                  "节能宣传周工作"]


def topic_fits(topic, year):
    """A topic naming a year is issued in that year (or early next year for 年度/第四季度 topics)."""
    import re
    years = [int(y) for y in re.findall(r"(20\d\d)年", topic)]
    if not years:
        return True
    if topic.startswith("表彰"):
        return years[0] == year - 1
    return years[0] == year


def other_title(issuer, topic):
    if any(w in topic for w in ("计划", "要点", "目录", "分工")):
        return f"{issuer}关于印发{topic}的通知"
    if any(w in topic for w in ("结果", "情况")):
        return f"{issuer}关于{topic}的通报"
    if topic.startswith(("同意", "成立", "调整", "表彰")):
        return f"{issuer}关于{topic}的{'批复' if topic.startswith('同意') else '通知'}"
    if topic.endswith("工作"):
        return f"{issuer}关于做好{topic}的通知"
    return f"{issuer}关于{topic}的{rng.choice(['通知', '实施意见', '工作方案'])}"

# normative documents per year: backlog (issued 2019-2022), 2023, 2024
NORMATIVE_COUNTS = {
    "SL": (11, 4, 3), "SL-GOV": (9, 3, 4), "SL-DRC": (3, 1, 2), "SL-EDU": (4, 2, 1),
    "SL-PNR": (6, 2, 3), "SL-HUD": (5, 2, 2), "SL-SAMR": (2, 1, 1), "SL-JD1": (0, 0, 0),
    "SL-JD2": (0, 0, 0), "SL-XHZ": (1, 0, 1),
}
OTHER_COUNTS = {
    "SL": (9, 8), "SL-GOV": (8, 7), "SL-DRC": (4, 4), "SL-EDU": (4, 5), "SL-PNR": (6, 6),
    "SL-HUD": (5, 6), "SL-SAMR": (3, 4), "SL-JD1": (3, 3), "SL-JD2": (2, 2), "SL-XHZ": (3, 3),
}
FORMS = ["文字", "文字;图解", "文字;图解", "图解", "文字;音视频", "文字;图解;音视频", "新闻发布会;文字",
         "专家解读;文字", "文字;其他"]


def make_filings():
    docs = []
    for code, *_ in AGENCIES:
        issuer, norm_prefix, other_prefixes, chinese, dstyle = ISSUERS[code]
        numbers = {}

        def doc_no(prefix, year):
            numbers[(prefix, year)] = numbers.get((prefix, year), 0) + rng.randint(1, 3)
            return f"{prefix}〔{year}〕{numbers[(prefix, year)]}号"

        plans = []          # (category, issued)
        backlog, n23, n24 = NORMATIVE_COUNTS[code]
        for _ in range(backlog):
            plans.append(("normative", random_weekday(dt.date(2019, 1, 2), dt.date(2022, 12, 30))))
        for year, n in ((2023, n23), (2024, n24)):
            for _ in range(n):
                plans.append(("normative", random_weekday(dt.date(year, 1, 3), dt.date(year, 12, 29))))
        for year, n in zip((2023, 2024), OTHER_COUNTS[code]):
            for _ in range(n):
                plans.append(("other", random_weekday(dt.date(year, 1, 3), dt.date(year, 12, 29))))
        plans.sort(key=lambda p: p[1])
        subjects = rng.sample(NORMATIVE_SUBJECTS.get(code, []), sum(NORMATIVE_COUNTS[code]))
        topics = list(OTHER_TOPICS[code])
        generic = list(GENERIC_TOPICS)
        rng.shuffle(topics)
        seq = {}
        for category, issued in plans:
            seq[issued.year] = seq.get(issued.year, 0) + 1
            doc = {"document_id": f"{code}-{issued.year}-{seq[issued.year]:03d}", "agency_code": code,
                   "category": category, "issued": issued, "repealed": None, "chinese": chinese,
                   "dstyle": dstyle}
            if category == "normative":
                doc["doc_number"] = doc_no(norm_prefix, issued.year)
                subject = subjects.pop()
                doc["title"] = f"{issuer}关于印发《{subject}》的通知"
                doc["disclosure"] = "proactive"
                # 行政规范性文件 carry a validity period (有效期五年); some are repealed early.
                r = rng.random()
                if issued.year <= 2022:
                    if r < 0.45:
                        doc["repealed"] = issued.replace(year=issued.year + 5) - dt.timedelta(days=1)
                    elif r < 0.65:
                        doc["repealed"] = random_weekday(dt.date(2023, 1, 3), dt.date(2024, 12, 30))
                        if doc["repealed"] <= issued:
                            doc["repealed"] = None
                doc["interp"] = rng.random() < 0.85
            else:
                prefix = rng.choice(other_prefixes)
                doc["doc_number"] = doc_no(prefix, issued.year) if rng.random() < 0.9 else ""
                fitting = [t for t in topics if topic_fits(t, issued.year)]
                if fitting:
                    topic = fitting[0]
                    topics.remove(topic)
                else:
                    topic = generic.pop(0)
                doc["title"] = other_title(issuer, topic)
                r = rng.random()
                doc["disclosure"] = "proactive" if r < 0.82 else ("on_request" if r < 0.93 else "not_public")
                doc["interp"] = doc["disclosure"] == "proactive" and rng.random() < 0.2
            docs.append(doc)
    # Fixed cases that a district's records do contain:
    by_id = {d["document_id"]: d for d in docs}
    sl_2023 = [d for d in docs if d["agency_code"] == "SL" and d["category"] == "normative" and d["issued"].year == 2023]
    sl_2023[0]["repealed"] = dt.date(2024, 9, 30)       # issued 2023, replaced in 2024
    hud_old = [d for d in docs if d["agency_code"] == "SL-HUD" and d["category"] == "normative" and d["issued"].year <= 2022]
    hud_old[0]["repealed"] = dt.date(2023, 12, 31)     # expired on the last day of 2023
    # A title exported with ASCII quotes and comma (needs RFC 4180 quoting).
    samr_other = [d for d in docs if d["agency_code"] == "SL-SAMR" and d["category"] == "other" and d["issued"].year == 2024]
    samr_other[0]["title"] = '示例区市场监督管理局关于开展2024年"双随机,一公开"跨部门联合抽查的通知'
    assert len(by_id) == len(docs)

    out = []
    for d in docs:
        chinese, dstyle = d["chinese"], row_style(d["dstyle"])
        issued = d["issued"]
        published = interp_date = None
        forms = ""
        if d["disclosure"] == "proactive":
            published = issued + dt.timedelta(days=rng.choice([2, 3, 4, 5, 6, 7, 8, 10, 13, 16]))
        if d["interp"] and published:
            interp_date = published + dt.timedelta(days=rng.choice([0, 0, 0, 1, 2]))
            forms = rng.choice(FORMS)
        out.append({
            "document_id": d["document_id"],
            "agency_code": d["agency_code"],
            "doc_number": d["doc_number"],
            "title": d["title"],
            "category": CATEGORIES[d["category"]] if chinese else d["category"],
            "issued_date": fmt_date(issued, dstyle),
            "disclosure": DISCLOSURES[d["disclosure"]] if chinese else d["disclosure"],
            "published_date": fmt_date(published, dstyle),
            "repealed_date": fmt_date(d["repealed"], dstyle),
            "interpretation_date": fmt_date(interp_date, dstyle),
            "interpretation_forms": forms,
        })
    return out


# ---------------------------------------------------------------------------------------------
# enforcement.csv  (yearly figures as reported by the units)
# ---------------------------------------------------------------------------------------------
ENFORCEMENT = [
    # agency, year, item, value, Chinese label?
    ("SL-DRC", 2023, "licensing", "35", False), ("SL-DRC", 2024, "licensing", "28", False),
    ("SL-DRC", 2023, "punishment", "2", False), ("SL-DRC", 2024, "punishment", "0", False),
    ("SL-EDU", 2023, "licensing", "12", True), ("SL-EDU", 2024, "licensing", "9", True),
    ("SL-EDU", 2023, "punishment", "1", True),
    ("SL-PNR", 2023, "licensing", "486", True), ("SL-PNR", 2024, "licensing", "512", True),
    ("SL-PNR", 2023, "punishment", "23", True), ("SL-PNR", 2024, "punishment", "17", True),
    ("SL-PNR", 2023, "coercion", "0", True), ("SL-PNR", 2024, "coercion", "2", True),
    ("SL-PNR", 2023, "fees", "12.345678", True), ("SL-PNR", 2024, "fees", "15.0207", True),
    ("SL-HUD", 2023, "licensing", "318", False), ("SL-HUD", 2024, "licensing", "344", False),
    ("SL-HUD", 2023, "punishment", "41", False), ("SL-HUD", 2024, "punishment", "52", False),
    ("SL-HUD", 2023, "coercion", "3", False), ("SL-HUD", 2024, "coercion", "1", False),
    ("SL-HUD", 2023, "fees", "6.1", False), ("SL-HUD", 2024, "fees", "8.750000", False),
    ("SL-SAMR", 2023, "licensing", "2845", True), ("SL-SAMR", 2024, "licensing", "3102", True),
    ("SL-SAMR", 2023, "punishment", "612", True), ("SL-SAMR", 2024, "punishment", "548", True),
    ("SL-SAMR", 2023, "coercion", "87", True), ("SL-SAMR", 2024, "coercion", "64", True),
    ("SL-SAMR", 2023, "fees", "0.8562", True), ("SL-SAMR", 2024, "fees", "0", True),
    ("SL-JD1", 2023, "punishment", "156", True), ("SL-JD1", 2024, "punishment", "203", True),
    ("SL-JD1", 2023, "coercion", "12", True), ("SL-JD1", 2024, "coercion", "8", True),
    ("SL-JD2", 2023, "punishment", "98", True), ("SL-JD2", 2024, "punishment", "121", True),
    ("SL-JD2", 2024, "coercion", "4", True),
    ("SL-XHZ", 2023, "licensing", "64", False), ("SL-XHZ", 2024, "licensing", "71", False),
    ("SL-XHZ", 2023, "punishment", "187", False), ("SL-XHZ", 2024, "punishment", "166", False),
    ("SL-XHZ", 2023, "coercion", "15", False), ("SL-XHZ", 2024, "coercion", "9", False),
]


def make_enforcement():
    # Column order differs from the contract's on purpose: columns may come in any order.
    return [{"year": str(y), "agency_code": a, "item": ENFORCEMENT_ITEMS[i] if cn else i, "value": v}
            for a, y, i, v, cn in ENFORCEMENT]


# ---------------------------------------------------------------------------------------------
# appeals.csv
# ---------------------------------------------------------------------------------------------
APPEALS = [
    # case_id, agency, kind, filed, closed, result, Chinese labels?
    ("FY2022-031", "SL-PNR", "review", "2022-11-14", "2023-01-09", "upheld", True),
    ("FY2023-007", "SL", "review", "2023-03-06", "2023-05-22", "upheld", False),
    ("SS2023-002", "SL", "litigation_direct", "2023-05-10", "2023-11-28", "upheld", False),
    ("FY2023-019", "SL-PNR", "review", "2023-06-12", "2023-08-30", "corrected", True),
    ("FY2023-024", "SL-HUD", "review", "2023/07/03", "2023/09/18", "other", False),
    ("SS2023-011", "SL-HUD", "litigation_after_review", "2023/09/25", "2024/04/16", "upheld", False),
    ("FY2023-041", "SL", "review", "2023-11-20", "2024-02-05", "corrected", False),
    ("FY2024-003", "SL-PNR", "review", "2024-02-19", "2024-05-06", "upheld", True),
    ("FY2024-015", "SL-XHZ", "review", "2024-04-08", "2024-06-21", "upheld", True),
    ("SS2024-004", "SL", "litigation_after_review", "2024-04-22", "2024-12-10", "other", False),
    ("SS2024-009", "SL-PNR", "litigation_direct", "2024-06-17", "2025-01-08", "corrected", True),
    ("FY2024-033", "SL-HUD", "review", "2024/10/28", "", "", False),
    ("SS2024-016", "SL", "litigation_direct", "2024-10-14", "", "", False),
    ("FY2024-038", "SL-SAMR", "review", "2024-12-02", "2024-12-27", "other", True),
]


def make_appeals():
    out = []
    for cid, a, kind, filed, closed, result, cn in APPEALS:
        out.append({"case_id": cid, "agency_code": a,
                    "kind": APPEAL_KINDS[kind] if cn else kind,
                    "filed_date": filed, "closed_date": closed,
                    "result": (APPEAL_RESULTS[result] if cn else result) if result else ""})
    return out


# ---------------------------------------------------------------------------------------------
# Deliberately bad rows: each breaks exactly one rule of data-contract.md section 1.
# (file, insert after the data row whose key matches, row)
# ---------------------------------------------------------------------------------------------
def insert_bad_rows(apps, filings, appeals):
    bad = []

    def after(rows, pred, row, note):
        idx = next(i for i, r in enumerate(rows) if pred(r)) + 1
        rows.insert(idx, row)
        bad.append((row, note))

    # 1. closed_date before received_date (month typed wrong in the HUD system)
    after(apps, lambda r: r["agency_code"] == "SL-HUD" and r["application_id"] == "JSGL-2024-0031",
          {"application_id": "JSGL-2024-0031A", "agency_code": "SL-HUD", "received_date": "2024/03/18",
           "applicant_type": "natural_person", "closed_date": "2024/03/08", "outcome": "granted",
           "extended": "", "fee_yuan": ""}, "closed_date before received_date")
    # 2. applicant_type not in the vocabulary (个体工商户 is not a table 三 column)
    after(apps, lambda r: r["agency_code"] == "SL-SAMR" and r["application_id"] == "SJ20230011",
          {"application_id": "SJ20230011A", "agency_code": "SL-SAMR", "received_date": "2023-06-19",
           "applicant_type": "个体工商户", "closed_date": "2023-07-10", "outcome": "（一）予以公开",
           "extended": "N", "fee_yuan": ""}, "unknown applicant_type")
    # 3. agency_code not in agencies.csv (区城管执法局 is not registered in the data set)
    after(apps, lambda r: r["agency_code"] == "SL-HUD" and r["application_id"] == "JSGL-2024-0112",
          {"application_id": "CG2024-0007", "agency_code": "SL-CGJ", "received_date": "2024-05-13",
           "applicant_type": "natural_person", "closed_date": "2024-05-30", "outcome": "unable_not_held",
           "extended": "N", "fee_yuan": ""}, "agency_code does not exist")
    # 4. an impossible date (2024-02-30) in filings.csv
    after(filings, lambda r: r["document_id"] == "SL-EDU-2024-002",
          {"document_id": "SL-EDU-2024-007", "agency_code": "SL-EDU", "doc_number": "示教〔2024〕9号",
           "title": "示例区教育局关于做好2024年春季学期开学工作的通知", "category": "其他",
           "issued_date": "2024/02/30", "disclosure": "主动公开", "published_date": "2024/03/04",
           "repealed_date": "", "interpretation_date": "", "interpretation_forms": ""},
          "invalid date")
    # 5. a closed appeal case without a result
    after(appeals, lambda r: r["case_id"] == "FY2024-015",
          {"case_id": "FY2024-021", "agency_code": "SL-XHZ", "kind": "行政复议", "filed_date": "2024-05-20",
           "closed_date": "2024-08-02", "result": ""}, "closed case without result")
    return bad


# ---------------------------------------------------------------------------------------------
# Writing
# ---------------------------------------------------------------------------------------------
def write_csv(path, header, rows, encoding="utf-8", bom=False):
    buf = io.StringIO(newline="")
    w = csv.writer(buf, lineterminator="\r\n")      # RFC 4180: CRLF, quote only where needed
    w.writerow(header)
    for r in rows:
        w.writerow([r.get(h, "") for h in header])
    data = buf.getvalue().encode(encoding)
    if bom:
        data = b"\xef\xbb\xbf" + data
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "wb") as f:
        f.write(data)
    return len(rows)


AGENCY_HEADER = ["agency_code", "name", "parent_code", "level",
                 "report_url", "contact_office", "contact_address", "contact_phone"]
APP_HEADER = ["application_id", "agency_code", "received_date", "applicant_type", "closed_date",
              "outcome", "extended", "fee_yuan"]
FILING_HEADER = ["document_id", "agency_code", "doc_number", "title", "category", "issued_date",
                 "disclosure", "published_date", "repealed_date", "interpretation_date", "interpretation_forms"]
ENF_HEADER = ["year", "agency_code", "item", "value"]
APPEAL_HEADER = ["case_id", "agency_code", "kind", "filed_date", "closed_date", "result"]


# ---------------------------------------------------------------------------------------------
# Work plans, deadlines and narrative: trainings.csv, hearings.csv, the 2024 work plan
# of 示例区 (fictional, modelled on the published ones) and office-written narrative files.
# A separate seeded generator, so the records above keep their bytes.
# ---------------------------------------------------------------------------------------------
TRAINING_HEADER = ["training_id", "agency_code", "date", "title", "kind", "attendees"]
HEARING_HEADER = ["hearing_id", "agency_code", "date", "title", "kind", "participants"]

# code: (general trainings, specialist trainings, leadership briefings, public attendance, open days, forums) for 2023, 2024
ACTIVITY_PLAN = {
    "SL":      [(1, 1, 1, 4, 1, 1), (1, 2, 2, 4, 1, 1)],
    "SL-GOV":  [(1, 0, 1, 1, 0, 0), (1, 1, 1, 1, 0, 0)],
    "SL-DRC":  [(1, 0, 1, 1, 0, 1), (0, 1, 1, 1, 0, 1)],   # 2024: no 通识培训
    "SL-EDU":  [(1, 1, 1, 1, 1, 0), (2, 0, 1, 1, 1, 0)],
    "SL-PNR":  [(1, 1, 1, 2, 1, 1), (1, 1, 2, 2, 1, 1)],
    "SL-HUD":  [(1, 0, 1, 1, 0, 1), (1, 0, 0, 1, 1, 1)],   # 2024: head heard no report
    "SL-SAMR": [(1, 1, 1, 1, 0, 0), (1, 1, 1, 0, 0, 0)],   # 2024: nobody sat in
    "SL-JD1":  [(1, 0, 1, 1, 1, 0), (1, 0, 1, 1, 1, 0)],
    "SL-JD2":  [(0, 0, 1, 0, 0, 0), (1, 0, 1, 1, 0, 0)],
    "SL-XHZ":  [(1, 0, 1, 1, 1, 0), (1, 0, 1, 1, 1, 1)],
}
TRAINING_TITLES = {"通识培训": ["政务公开通识培训", "新进公务员政务公开通识培训", "领导干部政务公开专题讲座"],
                   "专业培训": ["依申请公开办理实务培训", "政策解读专项业务培训", "政府信息公开平台运维培训"]}
HEARING_TITLES = {"听取汇报": "主要领导听取政务公开工作汇报", "公众列席": "邀请公众代表列席决策会议",
                  "开放活动": "政府开放月活动", "座谈会": "政务公开意见征集座谈会"}


def make_activities():
    arng = random.Random(6)
    trainings, hearings = [], []
    for code, _name, *_ in AGENCIES:
        for year, plan in zip((2023, 2024), ACTIVITY_PLAN[code]):
            general, specialist, briefings, attendance, open_days, forums = plan
            n = 0
            for kind, count in (("通识培训", general), ("专业培训", specialist)):
                for _ in range(count):
                    n += 1
                    d = random_weekday(dt.date(year, 3, 1), dt.date(year, 11, 30))
                    trainings.append({"training_id": f"PX{year}-{n:02d}", "agency_code": code, "date": d.isoformat(),
                                      "title": arng.choice(TRAINING_TITLES[kind]),
                                      "kind": kind if code != "SL-HUD" else {"通识培训": "general", "专业培训": "specialist"}[kind],
                                      "attendees": str(arng.randint(12, 80)) if code != "SL-JD2" else ""})
            m = 0
            for kind, count in (("听取汇报", briefings), ("公众列席", attendance), ("开放活动", open_days), ("座谈会", forums)):
                for _ in range(count):
                    m += 1
                    d = random_weekday(dt.date(year, 2, 1), dt.date(year, 12, 20))
                    hearings.append({"hearing_id": f"HY{year}-{m:02d}", "agency_code": code, "date": d.isoformat(),
                                     "title": HEARING_TITLES[kind], "kind": kind,
                                     "participants": str(arng.randint(5, 40)) if kind != "听取汇报" else ""})
    trainings.sort(key=lambda r: (r["agency_code"], r["date"], r["training_id"]))
    hearings.sort(key=lambda r: (r["agency_code"], r["date"], r["hearing_id"]))
    # Two deliberately bad rows: an unknown kind and an attendance that is not a number.
    trainings.append({"training_id": "PX2024-99", "agency_code": "SL-XHZ", "date": "2024-05-20",
                      "title": "政务公开培训", "kind": "大会", "attendees": "30"})
    hearings.append({"hearing_id": "HY2024-99", "agency_code": "SL-JD1", "date": "2024-06-12",
                     "title": "邀请公众代表列席决策会议", "kind": "公众列席", "participants": "约20"})
    return trainings, hearings


SHILI_PLAN_2024 = """\
# 2024年示例区政务公开工作要点 (fictional, modelled on the published plans in the reference folder):
# its measurable targets, wording quoted from the (fictional) plan. The district government (SL) is bound
# by the 常务会议 target; the other targets bind the units under it (部门, 街道, 镇).
plan: 2024年示例区政务公开工作要点
issuer: 示例区人民政府办公室
year: 2024
applies_to: {levels: [部门, 街道, 镇], under: SL}
targets:
  - id: general-training
    wording: 各单位年内组织政务公开通识培训不少于1次
    measure: trainings.general.count
    comparison: at_least
    threshold: 1
  - id: leadership-briefing
    wording: 各单位主要负责同志年内至少听取1次政务公开工作汇报
    measure: hearings.leadership_briefing.count
    comparison: at_least
    threshold: 1
    applies_to: {agencies: [SL], levels: [部门, 街道, 镇], under: SL}
  - id: public-attendance
    wording: 区政府各部门、各街道、镇邀请公众代表列席本单位决策会议不少于1次
    measure: hearings.public_attendance.count
    comparison: at_least
    threshold: 1
  - id: executive-meeting-attendance
    wording: 年内邀请公众代表列席区政府常务会议不少于4次
    measure: hearings.public_attendance.count
    comparison: at_least
    threshold: 4
    applies_to: {agencies: [SL]}
  - id: multiform-interpretation
    wording: 全年多元化解读率不得低于70%
    measure: filings.interpretation.multiform_rate
    comparison: at_least
    threshold: 70
    applies_to: {agencies: [SL], levels: [部门, 街道, 镇], under: SL}
  - id: proactive-rate
    wording: 确保公文类信息主动公开率不低于90%
    measure: filings.proactive_rate
    comparison: at_least
    threshold: 90
    applies_to: {agencies: [SL], levels: [部门, 街道, 镇], under: SL}
  - id: published-within-10-days
    wording: 主动公开类公文在印发之日起10个工作日内上网发布
    measure: filings.published_within_working_days
    days: 10
    comparison: at_least
    threshold: 100
    applies_to: {agencies: [SL], levels: [部门, 街道, 镇], under: SL}
  - id: no-overdue-replies
    wording: 严格遵守依申请公开法定答复期限，杜绝逾期答复
    measure: applications.overdue.count
    comparison: at_most
    threshold: 0
    applies_to: {agencies: [SL], levels: [部门, 街道, 镇], under: SL}
"""

PROBLEMS_EDU = ("一是政策解读形式仍较单一，图解、音视频等多元化解读占比不高。二是依申请公开答复文书规范性有待提升。"
                "下一步，我局将加强政策解读工作统筹，丰富解读形式；组织依申请公开办理业务培训，规范答复文书。")
NARRATIVE = {
    # SL-EDU wrote section 五 in 2023 and copied it into 2024 with the year changed: flagged as 年年雷同.
    ("SL-EDU", 2023, "problems.md"): PROBLEMS_EDU,
    ("SL-EDU", 2024, "problems.md"): "# 2024年度\n" + PROBLEMS_EDU,
    # SL-PNR wrote every passage for 2024: its report is complete (not a draft).
    ("SL-PNR", 2024, "overview.md"): "2024年，区规划资源局坚持以公开为常态、不公开为例外，围绕规划编制、土地供应和不动产登记等重点领域，持续深化政务公开工作。",
    ("SL-PNR", 2024, "information-management.md"): "严格落实公文公开属性源头认定制度，拟制公文时同步明确公开属性；定期对依申请公开和不予公开的公文进行审查。\n\n及时更新政府信息公开目录和行政规范性文件库，对已废止、失效的文件作出标注。",
    ("SL-PNR", 2024, "platforms.md"): "依托区政府门户网站规划资源栏目和“示例规划资源”政务新媒体发布信息，做到数据同源、内容一致。",
    ("SL-PNR", 2024, "supervision.md"): "将政务公开工作纳入局年度绩效考核，本年度未发生因政务公开工作不到位被追责的情形。",
    ("SL-PNR", 2024, "problems.md"): "一是规划类政策解读的可读性还不够强。二是依申请公开办理量大，个别案件答复临近期限。改进措施：建立规划政策图解库；对临近答复期限的申请实行提前提醒。",
    ("SL-PNR", 2024, "other.md"): "本年度无其他需要报告的事项。",
    # SL-HUD restates a count that matches no table cell: flagged for checking.
    ("SL-HUD", 2024, "problems.md"): "本年度依申请公开办理量大，全年共收到申请999件，答复压力较大。下一步将优化办理流程，加强人员力量。",
    # SL-DRC's 总体情况 opening is far too long (the notice asks for a concise overview).
    ("SL-DRC", 2024, "overview.md"): "2024年，区发展改革委认真贯彻落实《中华人民共和国政府信息公开条例》和国家、市、区关于政务公开工作的部署要求，"
                                     + "围绕经济社会发展中心工作，持续推进决策、执行、管理、服务、结果公开。" * 14,
}


def write_issue6_data():
    trainings, hearings = make_activities()
    counts = {
        "trainings.csv": write_csv(os.path.join(DATA, "trainings.csv"), TRAINING_HEADER, trainings),
        "hearings.csv": write_csv(os.path.join(DATA, "hearings.csv"), HEARING_HEADER, hearings),
    }
    os.makedirs(os.path.join(DATA, "workplans"), exist_ok=True)
    with open(os.path.join(DATA, "workplans", "2024-shili-district.yaml"), "w", encoding="utf-8", newline="\n") as f:
        f.write(SHILI_PLAN_2024)
    for (code, year, name), text in sorted(NARRATIVE.items()):
        d = os.path.join(DATA, "narrative", code, str(year))
        os.makedirs(d, exist_ok=True)
        with open(os.path.join(d, name), "w", encoding="utf-8", newline="\n") as f:
            f.write(text + "\n")
    return counts


# ---------------------------------------------------------------------------------------------
# Units without records. Added after the random streams above, so that the records of
# the ten units stay byte for byte what they were.
#   SL-SAMR-XH: a 市场监督管理所 (派出机构) under SL-SAMR, the tree's third level. It has no case
#               system and submits its table figures as a return (returns_table*.csv) for both years.
#   SL-JD3:     a new 街道 with no records and no return at all: its report is all zeros and the
#               index marks its data as missing.
# ---------------------------------------------------------------------------------------------
LATER_AGENCIES = [
    ("SL-SAMR-XH", "示例区市场监督管理局新河市场监督管理所", "SL-SAMR", "所", "",
     "新河市场监督管理所综合办公室", "示例区新河镇新河大街18号", "021-57288315"),
    ("SL-JD3", "示例区城北街道办事处", "SL", "街道", "", "", "示例区北环路9号", ""),
]

RETURN3_HEADER = ["agency_code", "year", "row", "applicant_type", "value"]
RETURN4_HEADER = ["agency_code", "year", "kind", "result", "value"]
RETURN2_HEADER = ["agency_code", "year", "row", "column", "value"]


def make_returns():
    """The 所's returns as an office types them: labels in 2023, keys in 2024, totals as checks."""
    code = "SL-SAMR-XH"
    t3 = [
        # 2023: every part cell that is not 0, 上年结转 stated, and two totals the office added up itself.
        (2023, "一、本年新收政府信息公开申请数量", "自然人", 5),
        (2023, "一、本年新收政府信息公开申请数量", "商业企业", 1),
        (2023, "一、本年新收政府信息公开申请数量", "总计", 6),
        (2023, "二、上年结转政府信息公开申请数量", "自然人", 1),
        (2023, "（一）予以公开", "自然人", 3),
        (2023, "（一）予以公开", "商业企业", 1),
        (2023, "（二）部分公开（区分处理的，只计这一情形，不计其他情形）", "自然人", 1),
        (2023, "1.本机关不掌握相关政府信息", "自然人", 1),
        (2023, "（七）总计", "自然人", 5),
        (2023, "（七）总计", "商业企业", 1),
        (2023, "四、结转下年度继续办理", "自然人", 1),
        # 2024: keys; 上年结转 left out, so it is taken from 2023's 结转下年度 (1 自然人).
        (2024, "new_received", "natural_person", 7),
        (2024, "new_received", "legal_service", 1),
        (2024, "granted", "natural_person", 4),
        (2024, "denied_third_party", "natural_person", 1),
        (2024, "rejected_repeat", "natural_person", 1),
        (2024, "unable_not_held", "legal_service", 1),
        (2024, "total_processed", "total", 7),
        (2024, "carried_forward", "natural_person", 2),
    ]
    t4 = [
        (2023, "行政复议", "结果维持", 1),
        (2023, "行政复议", "总计", 1),
        (2024, "litigation_direct", "pending", 1),
    ]
    t2 = [
        (2023, "行政许可", "本年处理决定数量", 132),
        (2023, "行政处罚", "本年处理决定数量", 57),
        (2023, "行政强制", "本年处理决定数量", 3),
        (2024, "licensing", "decisions", 141),
        (2024, "punishment", "decisions", 63),
        (2024, "coercion", "decisions", 2),
        (2024, "fees", "amount_wan_yuan", "0.3125"),
    ]
    as_rows = lambda header, rows: [dict(zip(header, (code,) + r)) for r in rows]
    return as_rows(RETURN2_HEADER, t2), as_rows(RETURN3_HEADER, t3), as_rows(RETURN4_HEADER, t4)


def main():
    agencies = [dict(zip(AGENCY_HEADER, a)) for a in AGENCIES + LATER_AGENCIES]
    apps = make_applications()
    filings = make_filings()
    enforcement = make_enforcement()
    appeals = make_appeals()
    bad = insert_bad_rows(apps, filings, appeals)

    counts = {
        "agencies.csv": write_csv(os.path.join(DATA, "agencies.csv"), AGENCY_HEADER, agencies),
        "applications.csv": write_csv(os.path.join(DATA, "applications.csv"), APP_HEADER, apps),
        "filings.csv": write_csv(os.path.join(DATA, "filings.csv"), FILING_HEADER, filings),
        # Saved by Excel as "CSV UTF-8": starts with a byte order mark.
        "enforcement.csv": write_csv(os.path.join(DATA, "enforcement.csv"), ENF_HEADER, enforcement, bom=True),
        "appeals.csv": write_csv(os.path.join(DATA, "appeals.csv"), APPEAL_HEADER, appeals),
    }
    ret2, ret3, ret4 = make_returns()
    counts["returns_table2.csv"] = write_csv(os.path.join(DATA, "returns_table2.csv"), RETURN2_HEADER, ret2)
    counts["returns_table3.csv"] = write_csv(os.path.join(DATA, "returns_table3.csv"), RETURN3_HEADER, ret3)
    counts["returns_table4.csv"] = write_csv(os.path.join(DATA, "returns_table4.csv"), RETURN4_HEADER, ret4)
    files = {"applications.csv": apps, "filings.csv": filings, "appeals.csv": appeals}
    for row, note in bad:
        for name, rows in files.items():
            if any(r is row for r in rows):
                line = next(i for i, r in enumerate(rows) if r is row) + 2
                print(f"bad row: {name} line {line}: {note}")

    # ---- encodings/: a small GB18030 pair, as Chinese Excel saves "CSV (逗号分隔)" ----
    enc_agencies = [
        {"agency_code": "SL", "name": "示例区人民政府", "parent_code": "", "level": "区政府"},
        {"agency_code": "SL-JD1", "name": "示例区城东街道办事处", "parent_code": "SL", "level": "街道"},
    ]
    enc_apps = [
        {"application_id": "CD2024-01", "agency_code": "SL-JD1", "received_date": "2024年3月4日",
         "applicant_type": "自然人", "closed_date": "2024年3月22日", "outcome": "（一）予以公开",
         "extended": "", "fee_yuan": ""},
        {"application_id": "CD2024-02", "agency_code": "SL-JD1", "received_date": "2024年6月17日",
         "applicant_type": "自然人", "closed_date": "2024年7月26日",
         "outcome": "（二）部分公开（区分处理的，只计这一情形，不计其他情形）", "extended": "Y", "fee_yuan": ""},
        {"application_id": "CD2024-03", "agency_code": "SL-JD1", "received_date": "2024年9月9日",
         "applicant_type": "法律服务机构", "closed_date": "2024年9月27日", "outcome": "1.本机关不掌握相关政府信息",
         "extended": "", "fee_yuan": ""},
        {"application_id": "CD2024-04", "agency_code": "SL-JD1", "received_date": "2024年12月23日",
         "applicant_type": "自然人", "closed_date": "", "outcome": "", "extended": "", "fee_yuan": ""},
        {"application_id": "YSQ20240001", "agency_code": "SL", "received_date": "2024-01-08",
         "applicant_type": "商业企业", "closed_date": "2024-01-29", "outcome": "1.信访举报投诉类申请",
         "extended": "N", "fee_yuan": ""},
    ]
    counts["encodings/agencies.csv"] = write_csv(os.path.join(DATA, "encodings", "agencies.csv"),
                                                 ["agency_code", "name", "parent_code", "level"],
                                                 enc_agencies, encoding="gb18030")
    counts["encodings/applications.csv"] = write_csv(os.path.join(DATA, "encodings", "applications.csv"),
                                                     APP_HEADER, enc_apps, encoding="gb18030")
    counts.update(write_issue6_data())
    for name, n in counts.items():
        print(f"{name}: {n} data rows")


if __name__ == "__main__":
    main()
