# Makes the published-report fixtures of the audit tests (disclosure-tables/v1 as printed: totals typed in,
# text_figures quoted from the narrative). Run here: python3 make-fixtures.py
import json, collections
ROWS = ["new_received","carried_over","granted","partially_granted","denied_state_secret","denied_law_forbidden","denied_three_safety","denied_third_party","denied_internal_affairs","denied_process_info","denied_enforcement_file","denied_admin_query","unable_not_held","unable_need_creation","unable_still_unclear","rejected_petition","rejected_repeat","rejected_publication","rejected_massive","rejected_confirm","other_no_correction","other_no_fee","other_other","total_processed","carried_forward"]
OUT = ROWS[2:23]
COLS = ["natural_person","commercial","research","social_welfare","legal_service","other","total"]
def table3(new, carried, outcomes):
    # new, carried: lists of 6; outcomes: dict row -> list of 6
    rows = collections.OrderedDict()
    for r in ROWS: rows[r] = [0]*6
    rows["new_received"] = new; rows["carried_over"] = carried
    for r,v in outcomes.items(): rows[r] = v
    rows["total_processed"] = [sum(rows[r][c] for r in OUT) for c in range(6)]
    rows["carried_forward"] = [new[c]+carried[c]-rows["total_processed"][c] for c in range(6)]
    assert all(x >= 0 for x in rows["carried_forward"])
    return {"columns": COLS, "rows": {r: v + [sum(v)] for r, v in rows.items()}}
def t4(kinds):
    return {k: {"upheld": v[0], "corrected": v[1], "other": v[2], "pending": v[3], "total": v[4] if len(v) > 4 else sum(v)} for k, v in kinds.items()}
def t2(rm, rr, rv, nm, nr, nv, lic, pun, coe, fee):
    return {"regulations": {"made": rm, "repealed": rr, "valid": rv}, "normative_documents": {"made": nm, "repealed": nr, "valid": nv},
            "licensing": {"decisions": lic}, "punishment": {"decisions": pun}, "coercion": {"decisions": coe}, "fees": {"amount_wan_yuan": fee}}
def doc(code, name, year, table2, table3_, table4_, extra=None):
    d = collections.OrderedDict(schema="disclosure-tables/v1", agency_code=code, agency_name=name, year=year, scope="summary")
    d["table2"] = table2; d["table3"] = table3_; d["table4"] = table4_
    if extra: d.update(extra)
    return d
def dump(path, d):
    with open(path, "w", encoding="utf-8") as f:
        json.dump(d, f, ensure_ascii=False, indent=2); f.write("\n")

# 1. 行政复议 10+1+0+0 总计 0; 复议后起诉 维持 5 总计 0 (a 2023 district summary report)
t3 = table3([212, 9, 0, 2, 6, 3], [14, 1, 0, 0, 1, 0], {
    "granted": [98, 4, 0, 1, 2, 1], "partially_granted": [21, 1, 0, 0, 1, 0],
    "denied_third_party": [3, 0, 0, 0, 0, 0], "denied_process_info": [5, 0, 0, 0, 0, 0],
    "unable_not_held": [54, 2, 0, 1, 2, 1], "unable_still_unclear": [4, 0, 0, 0, 0, 0],
    "rejected_petition": [9, 0, 0, 0, 0, 0], "rejected_repeat": [6, 1, 0, 0, 0, 0],
    "other_no_correction": [7, 0, 0, 0, 1, 0], "other_other": [3, 1, 0, 0, 0, 0]})
dump("published-2023-review-totals.json", doc("DISTRICT-A", "某区人民政府", 2023,
    t2(0, 0, 3, 42, 17, 318, 10384, 2117, 35, "5949.088667"), t3,
    t4({"review": [10, 1, 0, 0, 0], "litigation_direct": [3, 0, 1, 1], "litigation_after_review": [5, 0, 0, 0, 0]})))

# 2. 393 in the text, 470 in the table; last year 698 valid; 77 made, 132 repealed this year.
t3prev = table3([150, 4, 0, 1, 3, 2], [9, 0, 0, 0, 0, 0], {
    "granted": [70, 2, 0, 1, 1, 1], "partially_granted": [15, 1, 0, 0, 1, 0],
    "unable_not_held": [41, 1, 0, 0, 1, 1], "rejected_petition": [8, 0, 0, 0, 0, 0],
    "denied_process_info": [3, 0, 0, 0, 0, 0], "other_other": [4, 0, 0, 0, 0, 0]})
dump("published-2022-normative.json", doc("DISTRICT-B", "某区人民政府", 2022,
    t2(0, 0, 2, 85, 40, 698, 8120, 1904, 41, "4210.5"), t3prev,
    t4({"review": [6, 1, 1, 0], "litigation_direct": [2, 1, 0, 0], "litigation_after_review": [1, 0, 0, 1]})))
carried = [v for v in t3prev["rows"]["carried_forward"][:6]]
t3now = table3([168, 6, 0, 0, 2, 1], carried, {
    "granted": [80, 3, 0, 0, 1, 0], "partially_granted": [19, 1, 0, 0, 0, 0],
    "unable_not_held": [45, 1, 0, 0, 1, 1], "rejected_petition": [7, 0, 0, 0, 0, 0],
    "rejected_repeat": [4, 0, 0, 0, 0, 0], "other_no_correction": [5, 0, 0, 0, 0, 0]})
dump("published-2023-normative.json", doc("DISTRICT-B", "某区人民政府", 2023,
    t2(0, 0, 2, 77, 132, 470, 8544, 2036, 38, "4388.27"), t3now,
    t4({"review": [5, 2, 0, 1], "litigation_direct": [2, 0, 1, 0], "litigation_after_review": [1, 1, 0, 0]}),
    {"text_figures": [
        {"cell": "table2.normative_documents.valid", "value": 393, "quote": "截至2023年底，现行有效行政规范性文件393件。"},
        {"cell": "table2.normative_documents.made", "value": 77, "quote": "全年制发行政规范性文件77件。"},
        {"cell": "table3.new_received.total", "value": 177, "quote": "全年共收到政府信息公开申请177件。"}]}))

# 3. A clean published report, its previous year included (so that --previous passes too).
dump("published-2023-clean.json", doc("DISTRICT-B", "某区人民政府", 2023,
    t2(0, 0, 2, 77, 132, 643, 8544, 2036, 38, "4388.27"), t3now,
    t4({"review": [5, 2, 0, 1], "litigation_direct": [2, 0, 1, 0], "litigation_after_review": [1, 1, 0, 0]}),
    {"text_figures": [
        {"cell": "table2.normative_documents.valid", "value": 643, "quote": "截至2023年底，现行有效行政规范性文件643件。"},
        {"cells": ["table3.granted.total", "table3.partially_granted.total"], "value": 104, "quote": "予以公开和部分公开共104件。"}]}))
print(t3now["rows"]["new_received"], t3now["rows"]["granted"], t3now["rows"]["partially_granted"])
