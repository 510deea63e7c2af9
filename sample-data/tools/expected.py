#!/usr/bin/env python3
"""Independent oracle: the expected statutory tables of the 示例区 demo data.

Reads the CSV files of a data directory the way docs/spec/data-contract.md section 1 says they are
read (Chinese label or English key in enumerated columns; dates as YYYY-MM-DD, YYYY/MM/DD or
YYYY年M月D日; a row that breaks a rule is rejected and everything else is loaded), applies the counting
rules of section 2 for every agency and report year, and writes section 3's `disclosure-tables/v1`
documents (scope "agency": each agency's own records only):

    <out>/<year>/<agency_code>.json      plus one extra field, processing_fees_yuan
    <out>/rejects.csv                    the rows the contract rejects: file, line, column, value, rule
    <out>/load-counts.json               per file: read, loaded, rejected

This is written from scratch, independently of the Java pipeline and of generate.py, so that the Java
functional tests can compare the pipeline's tables.json with it cell by cell. Python 3.11 stdlib only.

    python3 sample-data/tools/expected.py [--data DIR] [--out DIR] [--years 2023,2024]
"""

import argparse
import csv
import datetime as dt
import io
import json
import os
import re
import sys
from decimal import Decimal, InvalidOperation

HERE = os.path.dirname(os.path.abspath(__file__))
SAMPLE = os.path.dirname(HERE)

# --- vocabulary: (key, exact label) as fixed by annual-report-format.md ----------------------------
APPLICANT_COLUMNS = [
    ("natural_person", "自然人"), ("commercial", "商业企业"), ("research", "科研机构"),
    ("social_welfare", "社会公益组织"), ("legal_service", "法律服务机构"), ("other", "其他"),
]
RESULT_ROWS = [
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
DOC_CATEGORIES = [("regulation", "规章"), ("normative", "行政规范性文件"), ("other", "其他")]
DISCLOSURES = [("proactive", "主动公开"), ("on_request", "依申请公开"), ("not_public", "不予公开")]
INTERPRETATION_FORMS = {"文字", "图解", "音视频", "新闻发布会", "专家解读", "其他"}
ENFORCEMENT_ITEMS = [("licensing", "行政许可"), ("punishment", "行政处罚"), ("coercion", "行政强制"),
                     ("fees", "行政事业性收费")]
APPEAL_KINDS = [("review", "行政复议"), ("litigation_direct", "未经复议直接起诉"),
                ("litigation_after_review", "复议后起诉")]
APPEAL_RESULTS = [("upheld", "结果维持"), ("corrected", "结果纠正"), ("other", "其他结果")]

TABLE3_COLUMNS = [k for k, _ in APPLICANT_COLUMNS] + ["total"]
TABLE3_ROWS = (["new_received", "carried_over"] + [k for k, _ in RESULT_ROWS]
               + ["total_processed", "carried_forward"])
assert len(TABLE3_ROWS) == 25 and len(RESULT_ROWS) == 21   # 21 outcomes + （七）总计 = the 22 rows under 三


class Reject(Exception):
    def __init__(self, column, value, rule):
        super().__init__(rule)
        self.column, self.value, self.rule = column, value, rule


def vocab(pairs, column, value):
    """An enumerated value: its English key or its exact Chinese label -> the key."""
    for key, label in pairs:
        if value == key or value == label:
            return key
    raise Reject(column, value, f"unknown {column}")


DATE_FORMS = [re.compile(r"(\d{4})-(\d{2})-(\d{2})"), re.compile(r"(\d{4})/(\d{2})/(\d{2})"),
              re.compile(r"(\d{4})年(\d{1,2})月(\d{1,2})日")]


def date(column, value, required=True):
    if value == "":
        if required:
            raise Reject(column, value, f"{column} is required")
        return None
    for form in DATE_FORMS:
        m = form.fullmatch(value)
        if m:
            try:
                return dt.date(int(m[1]), int(m[2]), int(m[3]))
            except ValueError:
                raise Reject(column, value, "invalid date") from None
    raise Reject(column, value, "not a date")


def decimal(column, value, max_places=None):
    try:
        d = Decimal(value)
    except InvalidOperation:
        raise Reject(column, value, "not a decimal number") from None
    if not d.is_finite() or d < 0 or not re.fullmatch(r"\d+(\.\d+)?", value):
        raise Reject(column, value, "not a decimal number >= 0")
    if max_places is not None and "." in value and len(value.split(".")[1]) > max_places:
        raise Reject(column, value, f"more than {max_places} decimals")
    return d


def exact(d):
    """A Decimal as a plain string: no exponent, trailing zeros stripped, "0" for zero."""
    s = format(d, "f")
    if "." in s:
        s = s.rstrip("0").rstrip(".")
    return s or "0"


def required(column, value):
    if value == "":
        raise Reject(column, value, f"{column} is required")
    return value


# --- reading --------------------------------------------------------------------------------------
def read_csv(path, columns):
    """Rows of a CSV file as (line, dict). UTF-8 with or without BOM; GB18030 when not UTF-8."""
    raw = open(path, "rb").read()
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = raw.decode("gb18030")          # strict: a byte sequence that is not GB18030 fails
    reader = csv.reader(io.StringIO(text, newline=""))
    header = next(reader)
    missing = [c for c in columns if c not in header]
    if missing:
        sys.exit(f"{path}: missing required column(s) {missing}")
    rows = []
    line = 1
    for record in reader:
        line += 1                              # no field in these files spans lines
        if not any(record):
            continue
        rows.append((line, {h: (record[i] if i < len(record) else "") for i, h in enumerate(header)}))
    return rows


class Loader:
    def __init__(self, data):
        self.data = data
        self.rejects = []                      # (file, line, column, value, rule)
        self.counts = {}

    def load(self, name, columns, parse, optional=True):
        path = os.path.join(self.data, name)
        if not os.path.exists(path):
            if optional:
                return []
            sys.exit(f"{path} is required")
        good = []
        rows = read_csv(path, columns)
        for line, row in rows:
            try:
                good.append(parse(row))
            except Reject as r:
                self.rejects.append((name, line, r.column, r.value, r.rule))
        self.counts[name] = {"read": len(rows), "loaded": len(good), "rejected": len(rows) - len(good)}
        return good


def load_all(data):
    ld = Loader(data)

    # agencies: code format, unique, parent exists, no cycles
    codes = set()

    def agency(r):
        code = r["agency_code"]
        if not re.fullmatch(r"[A-Za-z0-9_-]{1,64}", code):
            raise Reject("agency_code", code, "agency_code: letters, digits, - and _ only, at most 64")
        if code in codes:
            raise Reject("agency_code", code, "duplicate agency_code")
        codes.add(code)
        return {"code": code, "name": required("name", r["name"]), "parent": r["parent_code"]}

    agencies = ld.load("agencies.csv", ["agency_code", "name", "parent_code"], agency, optional=False)
    by_code = {a["code"]: a for a in agencies}
    for a in agencies:
        if a["parent"] and a["parent"] not in by_code:
            sys.exit(f"agency {a['code']}: parent {a['parent']} does not exist")
        seen, p = {a["code"]}, a["parent"]
        while p:
            if p in seen:
                sys.exit(f"agency {a['code']}: cycle in parent_code")
            seen.add(p)
            p = by_code[p]["parent"]

    def agency_of(r):
        code = r["agency_code"]
        if code not in by_code:
            raise Reject("agency_code", code, "agency_code does not exist")
        return code

    # applications
    app_keys = set()

    def application(r):
        code = agency_of(r)
        app_id = required("application_id", r["application_id"])
        if (code, app_id) in app_keys:
            raise Reject("application_id", app_id, "duplicate application_id within the agency")
        received = date("received_date", r["received_date"])
        applicant = vocab(APPLICANT_COLUMNS, "applicant_type", r["applicant_type"])
        closed = date("closed_date", r["closed_date"], required=False)
        if closed is not None and closed < received:
            raise Reject("closed_date", r["closed_date"], "closed_date before received_date")
        outcome = None
        if closed is not None:
            if r["outcome"] == "":
                raise Reject("outcome", "", "outcome is required when closed")
            outcome = vocab(RESULT_ROWS, "outcome", r["outcome"])
        elif r["outcome"] != "":
            raise Reject("outcome", r["outcome"], "outcome must be blank while open")
        if r.get("extended", "") not in ("", "Y", "N"):
            raise Reject("extended", r["extended"], "extended must be Y or N")
        fee = decimal("fee_yuan", r["fee_yuan"]) if r.get("fee_yuan", "") != "" else None
        app_keys.add((code, app_id))
        return {"agency": code, "received": received, "applicant": applicant, "closed": closed,
                "outcome": outcome, "fee": fee, "id": app_id, "extended": r.get("extended", "") == "Y"}

    applications = ld.load("applications.csv", ["application_id", "agency_code", "received_date",
                                                "applicant_type", "closed_date", "outcome"], application)

    # filings
    doc_ids = set()

    def filing(r):
        doc_id = required("document_id", r["document_id"])
        if doc_id in doc_ids:
            raise Reject("document_id", doc_id, "duplicate document_id")
        code = agency_of(r)
        required("title", r["title"])
        category = vocab(DOC_CATEGORIES, "category", r["category"])
        issued = date("issued_date", r["issued_date"])
        vocab(DISCLOSURES, "disclosure", r["disclosure"])
        date("published_date", r.get("published_date", ""), required=False)
        repealed = date("repealed_date", r.get("repealed_date", ""), required=False)
        if repealed is not None and repealed < issued:
            raise Reject("repealed_date", r["repealed_date"], "repealed_date before issued_date")
        date("interpretation_date", r.get("interpretation_date", ""), required=False)
        forms = r.get("interpretation_forms", "")
        if forms:
            for f in forms.split(";"):
                if f.strip() not in INTERPRETATION_FORMS:
                    raise Reject("interpretation_forms", forms, "unknown interpretation form")
        doc_ids.add(doc_id)
        return {"agency": code, "category": category, "issued": issued, "repealed": repealed}

    filings = ld.load("filings.csv", ["document_id", "agency_code", "title", "category", "issued_date",
                                      "disclosure"], filing)

    # enforcement
    enf_keys = set()

    def figure(r):
        code = agency_of(r)
        if not re.fullmatch(r"\d{4}", r["year"]):
            raise Reject("year", r["year"], "year must have 4 digits")
        year = int(r["year"])
        item = vocab(ENFORCEMENT_ITEMS, "item", r["item"])
        if item == "fees":
            value = decimal("value", r["value"], max_places=6)
        else:
            if not re.fullmatch(r"\d+", r["value"]):
                raise Reject("value", r["value"], "value must be a whole number >= 0")
            value = int(r["value"])
        if (code, year, item) in enf_keys:
            raise Reject("item", r["item"], "duplicate agency_code + year + item")
        enf_keys.add((code, year, item))
        return {"agency": code, "year": year, "item": item, "value": value}

    enforcement = ld.load("enforcement.csv", ["agency_code", "year", "item", "value"], figure)

    # appeals
    case_keys = set()

    def appeal(r):
        code = agency_of(r)
        case_id = required("case_id", r["case_id"])
        if (code, case_id) in case_keys:
            raise Reject("case_id", case_id, "duplicate case_id within the agency")
        kind = vocab(APPEAL_KINDS, "kind", r["kind"])
        filed = date("filed_date", r["filed_date"])
        closed = date("closed_date", r["closed_date"], required=False)
        if closed is not None and closed < filed:
            raise Reject("closed_date", r["closed_date"], "closed_date before filed_date")
        result = None
        if closed is not None:
            if r["result"] == "":
                raise Reject("result", "", "result is required when closed")
            result = vocab(APPEAL_RESULTS, "result", r["result"])
        case_keys.add((code, case_id))
        return {"agency": code, "kind": kind, "filed": filed, "closed": closed, "result": result}

    appeals = ld.load("appeals.csv", ["case_id", "agency_code", "kind", "filed_date", "closed_date",
                                      "result"], appeal)
    load_activities(ld, agency_of)
    return ld, agencies, applications, filings, enforcement, appeals


# --- counting (data-contract.md section 2) -----------------------------------------------------
def tables(agency, year, applications, filings, enforcement, appeals):
    jan1, dec31 = dt.date(year, 1, 1), dt.date(year, 12, 31)
    mine = lambda rows: [r for r in rows if r["agency"] == agency["code"]]

    # table 三
    cells = {row: {col: 0 for col, _ in APPLICANT_COLUMNS} for row in TABLE3_ROWS}
    fees = Decimal(0)
    for a in mine(applications):
        col = a["applicant"]
        closed = a["closed"]
        if a["received"].year == year:
            cells["new_received"][col] += 1
        if a["received"] < jan1 and (closed is None or closed >= jan1):
            cells["carried_over"][col] += 1
        if closed is not None and closed.year == year:
            cells[a["outcome"]][col] += 1
            if a["fee"] is not None:
                fees += a["fee"]
        if a["received"] <= dec31 and (closed is None or closed > dec31):
            cells["carried_forward"][col] += 1
    for col, _ in APPLICANT_COLUMNS:
        cells["total_processed"][col] = sum(cells[k][col] for k, _ in RESULT_ROWS)
    rows = {}
    for row in TABLE3_ROWS:
        values = [cells[row][col] for col, _ in APPLICANT_COLUMNS]
        rows[row] = values + [sum(values)]

    # table 二
    def documents(category):
        made = repealed = valid = 0
        for d in mine(filings):
            if d["category"] != category:
                continue
            if d["issued"].year == year:
                made += 1
            if d["repealed"] is not None and d["repealed"].year == year:
                repealed += 1
            if d["issued"] <= dec31 and (d["repealed"] is None or d["repealed"] > dec31):
                valid += 1
        return {"made": made, "repealed": repealed, "valid": valid}

    figures = {f["item"]: f["value"] for f in mine(enforcement) if f["year"] == year}
    table2 = {
        "regulations": documents("regulation"),
        "normative_documents": documents("normative"),
        "licensing": {"decisions": figures.get("licensing", 0)},
        "punishment": {"decisions": figures.get("punishment", 0)},
        "coercion": {"decisions": figures.get("coercion", 0)},
        "fees": {"amount_wan_yuan": exact(figures.get("fees", Decimal(0)))},
    }

    # table 四
    table4 = {}
    for kind, _ in APPEAL_KINDS:
        c = {"upheld": 0, "corrected": 0, "other": 0, "pending": 0}
        for case in mine(appeals):
            if case["kind"] != kind or case["filed"] > dec31:
                continue
            if case["closed"] is None or case["closed"] > dec31:
                c["pending"] += 1
            elif case["closed"].year == year:
                c[case["result"]] += 1
        c["total"] = c["upheld"] + c["corrected"] + c["other"] + c["pending"]
        table4[kind] = c

    return {
        "schema": "disclosure-tables/v1",
        "agency_code": agency["code"], "agency_name": agency["name"], "year": year, "scope": "agency",
        "table2": table2,
        "table3": {"columns": TABLE3_COLUMNS, "rows": rows},
        "table4": table4,
        "processing_fees_yuan": exact(fees),
    }


def no_data(t):
    """data_source none: no return and every cell counted from records is 0."""
    cells = [v for block in t["table2"].values() for v in block.values()]
    cells += [v for row in t["table3"]["rows"].values() for v in row]
    cells += [v for kind in t["table4"].values() for v in kind.values()]
    return all(Decimal(str(v)) == 0 for v in cells)


def check_identities(t):
    rows, where = t["table3"]["rows"], f"{t['agency_code']} {t['year']}"
    for key, v in rows.items():
        assert v[6] == sum(v[:6]), f"A fails: {where} {key}"
    for c in range(7):
        assert rows["total_processed"][c] == sum(rows[k][c] for k, _ in RESULT_ROWS), f"B fails: {where} col {c}"
        assert (rows["new_received"][c] + rows["carried_over"][c]
                == rows["total_processed"][c] + rows["carried_forward"][c]), f"C fails: {where} col {c}"
        assert all(rows[k][c] >= 0 for k in rows)
    for kind, c in t["table4"].items():
        assert c["total"] == c["upheld"] + c["corrected"] + c["other"] + c["pending"], f"D fails: {where} {kind}"


def check_cross_year(prev, cur):
    where = f"{cur['agency_code']} {prev['year']}->{cur['year']}"
    assert cur["table3"]["rows"]["carried_over"] == prev["table3"]["rows"]["carried_forward"], f"E1 fails: {where}"
    for k in ("regulations", "normative_documents"):
        p, c = prev["table2"][k], cur["table2"][k]
        assert c["valid"] == p["valid"] + c["made"] - c["repealed"], f"E2 fails: {where} {k}"


# --- submitted returns and summaries ------------------------------------------------------------------
# A unit without records submits its figures: returns_table3.csv (row, applicant_type), returns_table4.csv
# (kind, result), returns_table2.csv (row, column), per agency_code and year, as key or exact label. Only
# part cells are figures; a figure for a total cell must equal the total of the parts (else the return is
# refused). 二、上年结转 left out of a return is last year's 四、结转下年度. A summary (scope "summary") of
# an agency with children is the sum of the tables of the agency and all its descendants.
TABLE3_OTHER_LABELS = {"new_received": "一、本年新收政府信息公开申请数量",
                       "carried_over": "二、上年结转政府信息公开申请数量",
                       "total_processed": "（七）总计", "carried_forward": "四、结转下年度继续办理"}
TABLE3_ROW_PAIRS = [(k, TABLE3_OTHER_LABELS.get(k) or dict(RESULT_ROWS)[k]) for k in TABLE3_ROWS]
TABLE3_COLUMN_PAIRS = APPLICANT_COLUMNS + [("total", "总计")]
TABLE4_COLUMN_PAIRS = APPEAL_RESULTS + [("pending", "尚未审结"), ("total", "总计")]
TABLE2_CELLS = {("regulations", "规章"): [("made", "本年制发件数"), ("repealed", "本年废止件数"), ("valid", "现行有效件数")],
                ("normative_documents", "行政规范性文件"): [("made", "本年制发件数"), ("repealed", "本年废止件数"),
                                                          ("valid", "现行有效件数")],
                ("licensing", "行政许可"): [("decisions", "本年处理决定数量")],
                ("punishment", "行政处罚"): [("decisions", "本年处理决定数量")],
                ("coercion", "行政强制"): [("decisions", "本年处理决定数量")],
                ("fees", "行政事业性收费"): [("amount_wan_yuan", "本年收费金额（单位：万元）")]}


def load_returns(ld, codes):
    def common(r):
        if r["agency_code"] not in codes:
            raise Reject("agency_code", r["agency_code"], "unknown agency")
        if not re.fullmatch(r"\d{4}", r["year"]):
            raise Reject("year", r["year"], "not a year")
        return r["agency_code"], int(r["year"])

    def count(value):
        if not re.fullmatch(r"\d+", value):
            raise Reject("value", value, "not a whole number >= 0")
        return int(value)

    def t3(r):
        code, year = common(r)
        return (code, year, "table3", vocab(TABLE3_ROW_PAIRS, "row", r["row"]),
                vocab(TABLE3_COLUMN_PAIRS, "applicant_type", r["applicant_type"]), count(r["value"]))

    def t4(r):
        code, year = common(r)
        return (code, year, "table4", vocab(APPEAL_KINDS, "kind", r["kind"]),
                vocab(TABLE4_COLUMN_PAIRS, "result", r["result"]), count(r["value"]))

    def t2(r):
        code, year = common(r)
        row = vocab(list(TABLE2_CELLS), "row", r["row"])
        columns = next(cols for (k, _), cols in TABLE2_CELLS.items() if k == row)
        column = vocab(columns, "column", r["column"])
        value = decimal("value", r["value"], 6) if column == "amount_wan_yuan" else count(r["value"])
        return (code, year, "table2", row, column, value)

    figures = []
    figures += ld.load("returns_table2.csv", ["agency_code", "year", "row", "column", "value"], t2)
    figures += ld.load("returns_table3.csv", ["agency_code", "year", "row", "applicant_type", "value"], t3)
    figures += ld.load("returns_table4.csv", ["agency_code", "year", "kind", "result", "value"], t4)
    return figures


def return_tables(agency, year, figures, previous):
    mine = [f for f in figures if f[0] == agency["code"] and f[1] == year]
    part_cols = [k for k, _ in APPLICANT_COLUMNS]
    cells = {row: {col: 0 for col in part_cols} for row in TABLE3_ROWS}
    kinds = {k: {"upheld": 0, "corrected": 0, "other": 0, "pending": 0} for k, _ in APPEAL_KINDS}
    table2 = {k: {c: 0 for c, _ in cols} for (k, _), cols in TABLE2_CELLS.items()}
    stated = []
    for _, _, table, row, column, value in mine:
        if table == "table2":
            table2[row][column] += value
        elif table == "table3" and row != "total_processed" and column != "total":
            cells[row][column] += value
        elif table == "table4" and column != "total":
            kinds[row][column] += value
        else:
            stated.append((table, row, column, value))
    if not any(f[2] == "table3" and f[3] == "carried_over" for f in mine) and previous is not None:
        for i, col in enumerate(part_cols):
            cells["carried_over"][col] = previous["table3"]["rows"]["carried_forward"][i]
    for col in part_cols:
        cells["total_processed"][col] = sum(cells[k][col] for k, _ in RESULT_ROWS)
    rows = {}
    for row in TABLE3_ROWS:
        values = [cells[row][col] for col in part_cols]
        rows[row] = values + [sum(values)]
    table4 = {}
    for k, c in kinds.items():
        table4[k] = dict(c, total=sum(c.values()))
    for table, row, column, value in stated:
        got = rows[row][TABLE3_COLUMNS.index(column)] if table == "table3" else table4[row][column]
        assert got == value, f"return of {agency['code']} {year}: {table}.{row}.{column} given {value}, parts add up to {got}"
    table2["fees"]["amount_wan_yuan"] = exact(Decimal(table2["fees"]["amount_wan_yuan"]))
    return {
        "schema": "disclosure-tables/v1",
        "agency_code": agency["code"], "agency_name": agency["name"], "year": year, "scope": "agency",
        "table2": table2,
        "table3": {"columns": TABLE3_COLUMNS, "rows": rows},
        "table4": table4,
        "processing_fees_yuan": None,          # a return does not state the 信息处理费
    }


def summary_tables(agency, units):
    """Sum of every cell over the units (the agency itself first); fees unknown if any unit's is."""
    t = json.loads(json.dumps(units[0]))
    t.update(agency_code=agency["code"], agency_name=agency["name"], scope="summary")
    for u in units[1:]:
        for row, cols in u["table2"].items():
            for col, v in cols.items():
                if col == "amount_wan_yuan":
                    t["table2"][row][col] = exact(Decimal(t["table2"][row][col]) + Decimal(v))
                else:
                    t["table2"][row][col] += v
        for row, values in u["table3"]["rows"].items():
            t["table3"]["rows"][row] = [a + b for a, b in zip(t["table3"]["rows"][row], values)]
        for kind, cols in u["table4"].items():
            for col, v in cols.items():
                t["table4"][kind][col] += v
        fees = t["processing_fees_yuan"]
        t["processing_fees_yuan"] = (None if fees is None or u["processing_fees_yuan"] is None
                                     else exact(Decimal(fees) + Decimal(u["processing_fees_yuan"])))
    return t


# --- output ---------------------------------------------------------------------------------------
def dump(value, indent=0):
    """JSON with two-space indentation; objects and arrays holding only scalars stay on one line."""
    pad = "  " * indent
    if isinstance(value, dict):
        if all(not isinstance(v, (dict, list)) for v in value.values()):
            return "{" + ", ".join(f"{json.dumps(k, ensure_ascii=False)}: {json.dumps(v, ensure_ascii=False)}"
                                   for k, v in value.items()) + "}"
        inner = ",\n".join(f"{pad}  {json.dumps(k, ensure_ascii=False)}: {dump(v, indent + 1)}"
                           for k, v in value.items())
        return "{\n" + inner + "\n" + pad + "}"
    if isinstance(value, list) and all(not isinstance(v, (dict, list)) for v in value):
        return "[" + ", ".join(json.dumps(v, ensure_ascii=False) for v in value) + "]"
    return json.dumps(value, ensure_ascii=False)


# ---------------------------------------------------------------------------------------------
# trainings.csv and hearings.csv (load counts and rejects only), and the reply deadlines
# of 条例 第三十三条 computed on an independent working-day calendar read from the shipped holiday file.
# ---------------------------------------------------------------------------------------------
HOLIDAY_FILE = os.path.join(os.path.dirname(SAMPLE), "src", "main", "resources", "calendar", "cn-holidays.csv")
TRAINING_KINDS = [("general", "通识培训"), ("specialist", "专业培训"), ("other", "其他")]
HEARING_KINDS = [("leadership_briefing", "听取汇报"), ("public_hearing", "听证会"), ("forum", "座谈会"),
                 ("public_attendance", "公众列席"), ("open_day", "开放活动")]


def load_activities(ld, agency_of):
    for name, id_col, kinds, count_col in (("trainings.csv", "training_id", TRAINING_KINDS, "attendees"),
                                           ("hearings.csv", "hearing_id", HEARING_KINDS, "participants")):
        keys = set()

        def parse(r, id_col=id_col, kinds=kinds, count_col=count_col, keys=keys):
            code = agency_of(r)
            rid = required(id_col, r[id_col])
            if (code, rid) in keys:
                raise Reject(id_col, rid, "duplicate id within the agency")
            date("date", r["date"])
            required("title", r["title"])
            vocab(kinds, "kind", r["kind"])
            if r.get(count_col, "") != "" and not re.fullmatch(r"\d{1,12}", r[count_col]):
                raise Reject(count_col, r[count_col], "must be a whole number")
            keys.add((code, rid))
            return rid
        ld.load(name, [id_col, "agency_code", "date", "title", "kind"], parse)


def read_holidays():
    """date -> True for a working day, False for a rest day, as declared; years with a schedule."""
    declared, years = {}, set()
    with open(HOLIDAY_FILE, encoding="utf-8") as f:
        for row in csv.DictReader(f):
            declared[dt.date.fromisoformat(row["date"])] = row["kind"] == "工作日"
            years.add(int(row["schedule_year"]))
    return declared, years


def is_working(d, declared):
    return declared[d] if d in declared else d.weekday() < 5


def deadline(received, n, declared):
    d = received
    while n > 0:
        d += dt.timedelta(days=1)
        if is_working(d, declared):
            n -= 1
    return d


def working_days(a, b, declared):
    return sum(1 for i in range(1, (b - a).days + 1) if is_working(a + dt.timedelta(days=i), declared))


def replies(agency, year, applications, declared):
    start, end = dt.date(year, 1, 1), dt.date(year, 12, 31)
    out = {"closed": 0, "on_time": 0, "late": 0, "open_overdue": 0, "open_within": 0, "late_ids": [], "open_overdue_ids": []}
    days = []
    for a in applications:
        if a["agency"] != agency["code"] or a["received"] > end or (a["closed"] is not None and a["closed"] < start):
            continue
        due = deadline(a["received"], 40 if a["extended"] else 20, declared)
        if a["closed"] is not None and a["closed"] <= end:
            out["closed"] += 1
            days.append(working_days(a["received"], a["closed"], declared))
            if a["closed"] > due:
                out["late"] += 1
                out["late_ids"].append(a["id"])
            else:
                out["on_time"] += 1
        elif due < end:
            out["open_overdue"] += 1
            out["open_overdue_ids"].append(a["id"])
        else:
            out["open_within"] += 1
    days.sort()
    if days:
        n = len(days)
        med = Decimal(days[n // 2]) if n % 2 else Decimal(days[n // 2 - 1] + days[n // 2]) / 2
        out["median_days"] = format(med.normalize(), "f")
        out["longest_days"] = days[-1]
    else:
        out["median_days"], out["longest_days"] = None, None
    out["late_ids"].sort()
    out["open_overdue_ids"].sort()
    return out


def write_replies(out_dir, years, agencies, applications):
    declared, _ = read_holidays()
    for year in years:
        result = {a["code"]: replies(a, year, applications, declared) for a in agencies}
        with open(os.path.join(out_dir, f"replies-{year}.json"), "w", encoding="utf-8", newline="\n") as f:
            f.write(dump(result) + "\n")
        late = sum(r["late"] for r in result.values())
        overdue = sum(r["open_overdue"] for r in result.values())
        print(f"{year}: {late} late replies, {overdue} open past the deadline")


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", default=SAMPLE)
    ap.add_argument("--out", default=os.path.join(SAMPLE, "expected"))
    ap.add_argument("--years", default="2023,2024")
    args = ap.parse_args()
    years = [int(y) for y in args.years.split(",")]

    ld, agencies, applications, filings, enforcement, appeals = load_all(args.data)
    returns = load_returns(ld, {a["code"] for a in agencies})
    children = {}
    for a in agencies:
        children.setdefault(a["parent"], []).append(a)

    def subtree(a):
        return [a] + [d for c in sorted(children.get(a["code"], []), key=lambda c: c["code"]) for d in subtree(c)]

    previous = {}
    for year in years:
        os.makedirs(os.path.join(args.out, str(year)), exist_ok=True)
        this_year = {}
        for agency in agencies:
            if any(f[0] == agency["code"] and f[1] == year for f in returns):
                prev = previous.get(agency["code"])
                t = return_tables(agency, year, returns, prev if prev and prev["year"] == year - 1 else None)
            else:
                t = tables(agency, year, applications, filings, enforcement, appeals)
                if no_data(t):
                    t["processing_fees_yuan"] = None   # data-contract.md section 5: nothing on record, fee unknown
            this_year[agency["code"]] = t
            check_identities(t)
            if agency["code"] in previous and previous[agency["code"]]["year"] == year - 1:
                check_cross_year(previous[agency["code"]], t)
            previous[agency["code"]] = t
            with open(os.path.join(args.out, str(year), agency["code"] + ".json"), "w",
                      encoding="utf-8", newline="\n") as f:
                f.write(dump(t) + "\n")
        for agency in agencies:
            if children.get(agency["code"]):
                s = summary_tables(agency, [this_year[u["code"]] for u in subtree(agency)])
                check_identities(s)
                os.makedirs(os.path.join(args.out, str(year), "summary"), exist_ok=True)
                with open(os.path.join(args.out, str(year), "summary", agency["code"] + ".json"), "w",
                          encoding="utf-8", newline="\n") as f:
                    f.write(dump(s) + "\n")

    write_replies(args.out, years, agencies, applications)
    with open(os.path.join(args.out, "rejects.csv"), "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["file", "line", "column", "value", "rule"])
        w.writerows(sorted(ld.rejects, key=lambda r: (r[0], r[1])))
    with open(os.path.join(args.out, "load-counts.json"), "w", encoding="utf-8", newline="\n") as f:
        f.write(dump(dict(sorted(ld.counts.items()))) + "\n")

    for name, c in sorted(ld.counts.items()):
        print(f"{name}: read {c['read']}, loaded {c['loaded']}, rejected {c['rejected']}")
    for r in sorted(ld.rejects, key=lambda r: (r[0], r[1])):
        print("rejected: %s line %d, %s=%r: %s" % r)
    print(f"wrote {len(years) * len(agencies)} table files for {len(agencies)} agencies, years {years}")


if __name__ == "__main__":
    main()
