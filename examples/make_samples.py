"""Write the small, anonymised sample exports in examples/<preset>/ that the presets are tested on.

    .venv/bin/python examples/make_samples.py          # rewrites the files in place

Every company, person, ID and address here is fictional (e-mail addresses are under example.jp).
The files imitate what each tool really exports, including the mess found in real files:
full-width digits, amounts like ¥1,200,000 / 120万円, dates like 2025/4/1, 2025年4月1日,
令和7年4月4日 or an Excel serial number, half-width katakana, CP932-only characters (㈱, 髙)
and blank cells. tests/test_presets.py regenerates them and checks the committed copies match.

Needs the dev extras (pyarrow, xlsxwriter).
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from pathlib import Path

HERE = Path(__file__).resolve().parent

# fmt: off
# --- HubSpot (UTF-8 with BOM, every field quoted, as HubSpot exports) ------------------------

HUBSPOT_COMPANIES_JA = [
    ["レコードID", "会社名", "会社のドメイン名", "業種", "従業員数", "都道府県/地域", "ターゲットアカウント", "会社の担当者", "作成日", "年間売上高"],
    ["9001001", "東和精機株式会社", "towa-seiki.example.jp", "産業機械", "1,200", "愛知県", "はい", "佐藤 健", "2024/04/01 09:00", "¥18,000,000,000"],
    ["9001002", "北斗化成工業株式会社", "hokuto-kasei.example.jp", "化学", "３５０", "大阪府", "いいえ", "鈴木 由美", "2024年5月14日", "52億円"],
    ["9001003", "株式会社みなと電子", "minato-denshi.example.jp", "電子部品", "85", "神奈川県", "", "佐藤 健", "2024-06-03 10:15", ""],
    ["9001004", "信州オプト株式会社", "shinshu-opt.example.jp", "光学機器", "", "長野県", "true", "田中 誠", "2024/7/22", ""],
    ["9001005", "有限会社大川金型製作所", "okawa-kanagata.example.jp", "金属加工", "42", "新潟県", "false", "鈴木 由美", "45500", "3億"],
    ["9001006", "瀬戸内フーズ株式会社", "setouchi-foods.example.jp", "食品", "2,300", "岡山県", "はい", "田中 誠", "2024/08/05 14:30", ""],
    ["9001007", "株式会社ミライ物流", "mirai-logi.example.jp", "物流", "1.2万", "東京都", "", "佐藤 健", "2024/09/10", ""],
    ["9001008", "北陸ケミカル株式会社", "hokuriku-chem.example.jp", "化学", "610", "富山県", "いいえ", "鈴木 由美", "2024/10/01 08:45", ""],
]

HUBSPOT_CONTACTS_JA = [
    ["レコードID", "名", "姓", "Eメール", "電話番号", "会社名", "役職", "ライフサイクルステージ", "リードステータス", "コンタクト担当者", "オリジナルソース", "オリジナルソースの詳細1", "オリジナルソースの詳細2", "作成日", "プライマリーの関連会社ID"],
    ["1001", "健一", "山本", "k.yamamoto@towa-seiki.example.jp", "052-000-0001", "東和精機株式会社", "生産技術部 課長", "マーケティングクオリファイドリード", "対応中", "佐藤 健", "オフラインソース", "IMPORT", "FOOMA JAPAN 2024 名刺", "2025/4/1 9:30", "9001001"],
    ["1002", "美咲", "中村", "misaki.nakamura@hokuto-kasei.example.jp", "", "北斗化成工業株式会社", "購買部", "リード", "新規", "鈴木 由美", "オーガニック検索", "サーボプレス 比較", "google", "2025年4月3日", "9001002"],
    ["1003", "大輔", "小林", "d.kobayashi@minato-denshi.example.jp", "045-000-0003", "株式会社みなと電子", "開発部長", "セールスクオリファイドリード", "商談予定", "佐藤 健", "検索連動型広告", "プレス機_指名", "サーボプレス", "２０２５/０４/０５\u3000１０:００", "9001003"],
    ["1004", "由紀", "加藤", "yuki.kato@shinshu-opt.example.jp", "", "信州オプト株式会社", "品質保証部", "リード", "", "田中 誠", "Eメールマーケティング", "2025年4月号", "メルマガ 2025年4月号", "2025-04-07 14:05", "9001004"],
    ["1005", "翔", "吉田", "", "0256-00-0005", "有限会社大川金型製作所", "代表取締役", "商談", "", "田中 誠", "リファーラル", "partner.example.jp", "https://partner.example.jp/news/2025", "45757.375", "9001005"],
    ["1006", "直樹", "山田", "naoki.yamada@setouchi-foods.example.jp", "", "瀬戸内フーズ株式会社", "工場長", "顧客", "", "鈴木 由美", "直接トラフィック", "", "", "2025/04/12", "9001006"],
    ["1007", "彩", "佐々木", "aya.sasaki@mirai-logi.example.jp", "", "株式会社ミライ物流", "物流企画部", "リード", "新規", "佐藤 健", "オーガニックソーシャル", "", "", "2025/4/15 17:45", "9001007"],
    ["1008", "拓也", "松本", "t.matsumoto@hokuriku-chem.example.jp", "", "北陸ケミカル株式会社", "設備保全課", "リード", "", "", "他のキャンペーン", "セミナー_202504", "", "2025年4月18日 13時00分", "9001008"],
    ["1009", "恵", "井上", "megumi.inoue@example.jp", "", "", "", "サブスクライバー", "", "", "ｵｰｶﾞﾆｯｸ検索", "", "yahoo", "2025/04/20", ""],
    ["1010", "隆", "髙橋", "takashi.takahashi@towa-seiki.example.jp", "", "東和精機株式会社", "購買課 係長", "マーケティングクオリファイドリード", "", "佐藤 健", "オフラインソース", "IMPORT", "FOOMA JAPAN 2024 名刺", "2025/04/22 8:05", "9001001"],
]

HUBSPOT_CONTACTS_EN = [
    ["Record ID", "First Name", "Last Name", "Email", "Phone Number", "Company Name", "Job Title", "Lifecycle Stage", "Lead Status", "Contact owner", "Original Source", "Original Source Drill-Down 1", "Original Source Drill-Down 2", "Create Date", "Primary Associated Company ID", "Became a Marketing Qualified Lead Date", "Became a Sales Qualified Lead Date"],
    ["2001", "Hiroshi", "Ito", "hiroshi.ito@towa-seiki.example.jp", "", "Towa Seiki Co., Ltd.", "Plant Manager", "Marketing Qualified Lead", "Open", "Ken Sato", "Organic Search", "servo press price", "google", "2025-05-01 10:12", "9001001", "2025-05-03 09:00", ""],
    ["2002", "Keiko", "Watanabe", "keiko.watanabe@hokuto-kasei.example.jp", "+81 6-0000-0002", "Hokuto Kasei Kogyo Co., Ltd.", "Purchasing", "Lead", "New", "Yumi Suzuki", "Paid Search", "cpc_brand_2025", "servo press", "2025-05-02 16:40", "9001002", "", ""],
    ["2003", "Satoshi", "Kimura", "", "", "Minato Denshi Inc.", "R&D", "Lead", "", "Ken Sato", "Email Marketing", "2025-05 newsletter", "May newsletter (EN)", "2025-05-08 09:00", "9001003", "", ""],
    ["2004", "Mai", "Hayashi", "mai.hayashi@setouchi-foods.example.jp", "", "Setouchi Foods Co., Ltd.", "Production", "Sales Qualified Lead", "In Progress", "Makoto Tanaka", "Referrals", "partner.example.jp", "https://partner.example.jp/news", "2025-05-12 11:30", "9001006", "2025-05-12 11:30", "2025-05-20 15:00"],
    ["2005", "Ryo", "Shimizu", "ryo.shimizu@setouchi-foods.example.jp", "", "Setouchi Foods Co., Ltd.", "Maintenance", "Lead", "", "Makoto Tanaka", "Offline Sources", "IMPORT", "FOOMA JAPAN 2025", "2025-06-10 13:20", "9001006", "", ""],
    ["2006", "Emi", "Mori", "emi.mori@example.jp", "", "", "", "Subscriber", "", "", "Direct Traffic", "", "", "2025-06-11 08:00", "", "", ""],
]

HUBSPOT_DEALS_JA = [
    ["レコードID", "取引名", "パイプライン", "取引ステージ", "金額", "クローズ日", "作成日", "取引担当者", "プライマリーの関連会社ID", "失注理由"],
    ["5001", "東和精機 プレス機X200 更新", "営業パイプライン", "成約", "¥12,000,000", "2025/06/30", "2025/04/10", "佐藤 健", "9001001", ""],
    ["5002", "北斗化成 搬送ライン改修", "営業パイプライン", "失注", "850万円", "2025/7/15", "2025年4月20日", "鈴木 由美", "9001002", "価格"],
    ["5003", "みなと電子 検査装置", "営業パイプライン", "プレゼン予定済み", "３，５００，０００", "2025/09/30", "2025/05/01", "佐藤 健", "9001003", ""],
    ["5004", "信州オプト 治具一式", "営業パイプライン", "アポ設定済み", "", "2025/10/31", "2025/05/12", "田中 誠", "9001004", ""],
    ["5005", "大川金型 金型保守契約", "営業パイプライン", "受注", "1,800,000", "2025年7月1日", "2025/05/20", "田中 誠", "9001005", ""],
    ["5006", "瀬戸内フーズ 充填機", "営業パイプライン", "契約書送付済み", "2400万", "2025/08/29", "2025/06/02", "鈴木 由美", "9001006", ""],
    ["5007", "ミライ物流 自動倉庫 PoC", "営業パイプライン", "失注", "¥4,500,000", "2025/08/08", "2025/06/05", "佐藤 健", "9001007", "競合（他社製品を採用）"],
    ["5008", "北陸ケミカル 防爆モーター", "営業パイプライン", "購入見込みあり", "1,250,000", "", "2025/06/18", "鈴木 由美", "9001008", ""],
    ["5009", "東和精機 保守部品", "サービス", "成約", "¥380,000", "2025/06/20", "2025/06/25", "佐藤 健", "9001001", ""],
    ["5010", "北斗化成 試作評価", "営業パイプライン", "意思決定者の賛同", "1億2000万円", "2025/12/15", "2025/06/28", "鈴木 由美", "9001002", ""],
]

HUBSPOT_DEALS_EN = [
    ["Record ID", "Deal Name", "Pipeline", "Deal Stage", "Amount", "Close Date", "Create Date", "Deal owner", "Associated Company IDs (Primary)", "Closed Lost Reason"],
    ["6001", "Towa Seiki - Servo press", "Sales Pipeline", "Closed Won", "5600000", "2025-07-31 00:00", "2025-05-02 10:12", "Ken Sato", "9001001", ""],
    ["6002", "Hokuto Kasei - Mixer retrofit", "Sales Pipeline", "Closed Lost", "2300000", "2025-08-05", "2025-05-06 09:00", "Yumi Suzuki", "9001002", "Budget"],
    ["6003", "Minato Denshi - AOI line", "Sales Pipeline", "Contract Sent", "7,800,000", "2025-09-15", "2025-05-20 15:45", "Ken Sato", "9001003", ""],
    ["6004", "Setouchi Foods - Filler spare parts", "Sales Pipeline", "Appointment Scheduled", "", "2025-10-01", "2025-06-03 11:00", "Makoto Tanaka", "9001006", ""],
    ["6005", "Hokuriku Chemical - Explosion-proof pumps", "Sales Pipeline", "Qualified To Buy", "980000", "2025-11-30", "2025-06-12 14:20", "Yumi Suzuki", "9001008", ""],
    ["6006", "Mirai Logistics - AGV", "Sales Pipeline", "Closed Won", "¥15,400,000", "2025-08-20", "2025-06-15 10:00", "Ken Sato", "9001007", ""],
]

# --- Salesforce (Japanese report exports re-saved from Excel: CP932, CRLF, minimal quoting) ---
# CP932 has no U+00A5: a yen sign typed on a Japanese keyboard is the full-width ￥ (U+FFE5).


def _sf_id(prefix: str, n: int) -> str:
    """A fictional 18-character Salesforce ID."""
    return f"{prefix}Q5000{n:04d}AbCQAU"


ACC = {n: _sf_id("001", n) for n in range(1, 7)}
OPP = {n: _sf_id("006", n) for n in range(1, 14)}
LEAD = {n: _sf_id("00Q", n) for n in range(1, 9)}

SALESFORCE_ACCOUNTS_JA = [
    ["取引先 ID", "取引先名", "業種", "従業員数", "都道府県(請求先)", "年間売上", "取引先 所有者", "作成日"],
    [ACC[1], "株式会社やまびこ精工", "機械", "1,050", "静岡県", "￥21,000,000,000", "高橋 一郎", "2023/04/03"],
    [ACC[2], "東邦樹脂工業株式会社", "化学", "４８０", "埼玉県", "", "伊藤 花子", "2023年6月1日"],
    [ACC[3], "㈱さくらエレクトロニクス", "電子部品", "230", "京都府", "45億", "高橋 一郎", "2023/7/10 9:00"],
    [ACC[4], "九州ファインセラミックス株式会社", "窯業", "１，５００", "福岡県", "", "伊藤 花子", "2023/09/01"],
    [ACC[5], "株式会社髙島製作所", "金属加工", "75", "大阪府", "", "高橋 一郎", "2024/01/15"],
    [ACC[6], "北海ミルク工業株式会社", "食品", "", "北海道", "", "伊藤 花子", "2024/02/20"],
]

SALESFORCE_OPPORTUNITIES_JA = [
    ["商談 ID", "商談名", "取引先 ID", "取引先名", "フェーズ", "金額", "確度(%)", "完了予定日", "作成日", "商談 所有者", "リードソース", "種別", "失注理由"],
    [OPP[1], "やまびこ精工 射出成形機 更新", ACC[1], "株式会社やまびこ精工", "成立", "￥12,000,000", "100", "2025/06/30", "2025/04/02", "高橋 一郎", "展示会", "新規", ""],
    [OPP[2], "東邦樹脂 押出ライン", ACC[2], "東邦樹脂工業株式会社", "不成立", "850万円", "0", "2025/7/15", "2025/04/10", "伊藤 花子", "Web", "新規", "価格"],
    [OPP[3], "さくらエレ 検査装置", ACC[3], "㈱さくらエレクトロニクス", "提案/見積", "3,200,000", "60", "2025/09/30", "2025年4月21日", "高橋 一郎", "セミナー", "新規", ""],
    [OPP[4], "九州ファイン 焼成炉", ACC[4], "九州ファインセラミックス株式会社", "ニーズ分析", "", "20", "2025/10/31", "2025/05/07", "伊藤 花子", "電話問い合わせ", "新規", ""],
    [OPP[5], "髙島製作所 プレス保守", ACC[5], "株式会社髙島製作所", "受注", "1,980,000", "100", "2025年7月1日", "2025/05/15", "高橋 一郎", "パートナー紹介", "既存顧客への追加販売", ""],
    [OPP[6], "北海ミルク 充填機", ACC[6], "北海ミルク工業株式会社", "交渉/レビュー", "２４００万", "80", "2025/08/29", "2025/05/28", "伊藤 花子", "展示会", "新規", ""],
    [OPP[7], "やまびこ精工 保守契約", ACC[1], "株式会社やまびこ精工", "失注", "￥450,000", "0", "2025/08/08", "2025/06/02", "高橋 一郎", "その他", "既存顧客への追加販売", "競合"],
    [OPP[8], "東邦樹脂 金型", ACC[2], "東邦樹脂工業株式会社", "見込み客", "1,250,000", "10", "", "2025/06/16", "伊藤 花子", "広告", "新規", ""],
]

SALESFORCE_LEADS_JA = [
    ["リード ID", "姓", "名", "会社名", "役職", "メール", "電話", "リードソース", "リード状況", "評価", "都道府県", "リード所有者", "作成日"],
    [LEAD[1], "望月", "亮介", "株式会社やまびこ精工", "生産技術課 課長", "r.mochizuki@yamabiko-seiko.example.jp", "054-000-0101", "展示会", "Open - Not Contacted", "Hot", "静岡県", "高橋 一郎", "2025/04/01 10:15"],
    [LEAD[2], "新井", "沙織", "東邦樹脂工業株式会社", "購買部", "s.arai@toho-jushi.example.jp", "", "Web", "Working - Contacted", "Warm", "埼玉県", "伊藤 花子", "2025/4/2"],
    [LEAD[3], "西村", "大樹", "㈱さくらエレクトロニクス", "開発部", "d.nishimura@sakura-elec.example.jp", "", "セミナー", "Closed - Converted", "Hot", "京都府", "高橋 一郎", "2025年4月3日"],
    [LEAD[4], "古川", "聡", "九州ファインセラミックス株式会社", "技術部長", "", "092-000-0104", "電話問い合わせ", "Working - Contacted", "", "福岡県", "伊藤 花子", "令和7年4月4日"],
    [LEAD[5], "髙島", "誠司", "株式会社髙島製作所", "代表取締役", "s.takashima@takashima-ss.example.jp", "", "パートナー紹介", "Closed - Converted", "Hot", "大阪府", "高橋 一郎", "2025/04/08 16:20"],
    [LEAD[6], "小野", "真理", "北海ミルク工業株式会社", "工務課", "m.ono@hokkai-milk.example.jp", "", "広告", "Open - Not Contacted", "Cold", "北海道", "伊藤 花子", "２０２５/０４/１０"],
    [LEAD[7], "原田", "健太", "株式会社アオバ技研", "", "k.harada@aoba-giken.example.jp", "", "その他", "Closed - Not Converted", "", "宮城県", "", "2025/04/11"],
    [LEAD[8], "石田", "恵子", "", "", "keiko.ishida@example.jp", "", "", "Open - Not Contacted", "", "", "伊藤 花子", "2025/4/14 9:05"],
]

# The English workbook (Details Only export, en_US locale): real date and number cells, plus the
# text a user typed over some of them.
SALESFORCE_OPPORTUNITIES_EN_HEADER = [
    "Opportunity ID", "Opportunity Name", "Account ID", "Account Name", "Stage", "Amount", "Probability (%)",
    "Close Date", "Created Date", "Opportunity Owner", "Lead Source", "Type", "Won", "Closed",
]
SALESFORCE_OPPORTUNITIES_EN = [
    [OPP[9], "Yamabiko Seiko - Robot cell", ACC[1], "Yamabiko Seiko Co., Ltd.", "Closed Won", 8_600_000, 100,
     dt.date(2025, 7, 18), dt.date(2025, 5, 9), "Ichiro Takahashi", "Trade Show", "New Business", True, True],
    [OPP[10], "Toho Jushi - Dryer", ACC[2], "Toho Jushi Kogyo Co., Ltd.", "Closed Lost", 0, 0,
     dt.date(2025, 8, 1), dt.date(2025, 5, 12), "Hanako Ito", "Web", "New Business", False, True],
    [OPP[11], "Sakura Electronics - Reflow oven", ACC[3], "Sakura Electronics Co., Ltd.", "Proposal/Price Quote", "¥2,400,000", 60,
     dt.date(2025, 10, 15), "5/20/2025", "Ichiro Takahashi", "Seminar - Partner", "New Business", False, False],
    [OPP[12], "Kyushu Fine Ceramics - Kiln upgrade", ACC[4], "Kyushu Fine Ceramics Co., Ltd.", "Negotiation/Review", 31_500_000, 90,
     dt.date(2025, 9, 30), dt.datetime(2025, 6, 3, 14, 30), "Hanako Ito", "Phone Inquiry", "Existing Business", False, False],
    [OPP[13], "Hokkai Milk - Sterilizer", ACC[6], "Hokkai Milk Kogyo Co., Ltd.", "Prospecting", None, 10,
     None, dt.date(2025, 6, 20), "Hanako Ito", "Advertisement", "New Business", False, False],
]

# --- Eight (business cards; CP932) ----------------------------------------------------------

EIGHT_CARDS = [
    ["会社名", "部署名", "役職", "姓", "名", "e-mail", "郵便番号", "住所", "TEL会社", "TEL部門", "TEL直通", "Fax", "携帯電話", "URL", "名刺交換日", "FOOMA2025", "ものづくりワールド名古屋2025"],
    ["株式会社やまびこ精工", "生産技術部", "課長", "山口", "誠", "m.yamaguchi@yamabiko-seiko.example.jp", "422-0000", "静岡県静岡市駿河区架空町1-2-3", "054-000-0000", "", "054-000-0011", "054-000-0099", "090-0000-0001", "https://yamabiko-seiko.example.jp", "2025/06/10", "1", ""],
    ["㈱さくらエレクトロニクス", "開発本部 第二開発部", "部長", "森田", "優子", "Y.Morita@sakura-elec.example.jp", "600-0000", "京都府京都市下京区架空町4-5", "075-000-0000", "", "", "", "", "https://sakura-elec.example.jp", "2025/06/11", "1", ""],
    ["東邦樹脂工業株式会社", "購買部", "主任", "石井", "亮", "", "330-0000", "埼玉県さいたま市大宮区架空町6-7", "048-000-0000", "048-000-0012", "", "", "", "", "2025/06/11", "1", ""],
    ["株式会社髙島製作所", "品質保証課", "", "髙橋", "和也", "k.takahashi@takashima-ss.example.jp", "530-0000", "大阪府大阪市北区架空町8-9", "06-0000-0000", "", "", "", "080-0000-0002", "", "２０２５/０６/１２", "1", ""],
    ["北海ミルク工業株式会社", "工務部", "係長", "小野", "真理", "m.ono@hokkai-milk.example.jp", "060-0000", "北海道札幌市中央区架空町10", "011-000-0000", "", "", "", "", "https://hokkai-milk.example.jp", "2025年6月12日", "1", ""],
    ["九州ファインセラミックス株式会社", "技術部", "部長代理", "古川", "聡", "s.furukawa@kyushu-fc.example.jp", "812-0000", "福岡県福岡市博多区架空町11-12", "092-000-0000", "", "092-000-0104", "", "", "", "2025/04/16", "", "1"],
    ["ＡＢＣテクノ株式会社", "ｿﾘｭｰｼｮﾝ営業部", "マネージャー", "青木", "翼", "t.aoki@abc-techno.example.jp", "450-0000", "愛知県名古屋市中村区架空町13", "052-000-0000", "", "", "", "070-0000-0003", "https://abc-techno.example.jp", "2025/04/17", "", "1"],
    ["株式会社アオバ技研", "", "", "原田", "健太", "k.harada@aoba-giken.example.jp", "", "", "", "", "", "", "", "", "2025/05/08", "", ""],
    ["東邦樹脂工業株式会社", "製造部", "部長", "新井", "浩", "", "330-0000", "埼玉県さいたま市大宮区架空町6-7", "048-000-0000", "", "", "", "", "", "2025/06/11", "1", ""],
]


# fmt: on

# --- GA4 BigQuery export (events_20250401, one day, property in Asia/Tokyo) ---------------------


def _utc(y, mo, d, h, mi, s=0, us=0) -> int:
    """Microseconds since the epoch for a UTC wall-clock time (GA4's event_timestamp)."""
    moment = dt.datetime(y, mo, d, h, mi, s, us, tzinfo=dt.UTC)
    return int(moment.timestamp()) * 1_000_000 + us


def _p(key, value):
    """One event_params entry; the value goes to the typed slot GA4 uses for it."""
    slot = {"string_value": None, "int_value": None, "float_value": None, "double_value": None}
    if isinstance(value, str):
        slot["string_value"] = value
    elif isinstance(value, int):
        slot["int_value"] = value
    else:
        slot["double_value"] = value
    return {"key": key, "value": slot}


USER_A = ("1234567890.1743460000", "1003", 1743521000, {"name": "FY25Q1_ServoPress", "medium": "cpc", "source": "google"})
USER_B = ("987654321.1743470000", None, 1743550000, {"name": "(organic)", "medium": "organic", "source": "google"})
USER_C = ("555000111.1743500000", "", 1743605000, {"name": "(direct)", "medium": "(none)", "source": "(direct)"})
SERVO = "https://www.example.jp/products/servo-press?utm_source=google&utm_medium=cpc&utm_campaign=FY25Q1_ServoPress"
T0 = _utc(2025, 3, 31, 15, 30, 0, 123456)  # 2025-04-01 00:30:00.123456 in Tokyo

GA4_EVENTS = [
    # (user, event_name, event_timestamp, params)
    (USER_A, "first_visit", T0, [_p("page_location", SERVO), _p("page_title", "サーボプレス | Example")]),
    (USER_A, "session_start", T0, [_p("page_location", SERVO), _p("session_engaged", "0")]),
    (
        USER_A,
        "page_view",
        T0,
        [
            _p("page_location", SERVO),
            _p("page_title", "サーボプレス | Example"),
            _p("source", "google"),
            _p("medium", "cpc"),
            _p("campaign", "FY25Q1_ServoPress"),
            _p("entrances", 1),
        ],
    ),
    (
        USER_A,
        "scroll",
        T0 + 45_000_000,
        [_p("page_location", SERVO), _p("percent_scrolled", 90), _p("engagement_time_msec", 42000)],
    ),
    (
        USER_A,
        "file_download",
        T0 + 60_000_000,
        [
            _p("page_location", SERVO),
            _p("link_url", "https://www.example.jp/files/servo-press-catalog.pdf"),
            _p("file_name", "/files/servo-press-catalog.pdf"),
            _p("file_extension", "pdf"),
            _p("engagement_time_msec", 1200),
        ],
    ),
    (USER_A, "user_engagement", T0 + 75_000_000, [_p("page_location", SERVO), _p("engagement_time_msec", 15300)]),
    (
        USER_A,
        "page_view",
        T0 + 120_000_000,
        [_p("page_location", "https://www.example.jp/contact/#form"), _p("page_referrer", SERVO)],
    ),
    (
        USER_A,
        "form_submit",
        T0 + 200_000_000,
        [_p("page_location", "https://www.example.jp/contact/"), _p("form_id", "inquiry"), _p("engagement_time_msec", 68000)],
    ),
    (USER_A, "generate_lead", T0 + 201_000_000, [_p("page_location", "https://www.example.jp/contact/thanks"), _p("value", 0.0)]),
    (
        USER_B,
        "session_start",
        _utc(2025, 4, 1, 1, 5),
        [_p("page_location", "https://www.example.jp/case-studies/food-plant#results")],
    ),
    (
        USER_B,
        "page_view",
        _utc(2025, 4, 1, 1, 5),
        [
            _p("page_location", "https://www.example.jp/case-studies/food-plant#results"),
            _p("page_referrer", "https://www.google.com/"),
        ],
    ),
    (
        USER_B,
        "scroll",
        _utc(2025, 4, 1, 1, 7, 30),
        [
            _p("page_location", "https://www.example.jp/case-studies/food-plant"),
            _p("percent_scrolled", 90),
            _p("engagement_time_msec", 150250),
        ],
    ),
    (
        USER_B,
        "page_view",
        _utc(2025, 4, 1, 1, 8),
        [_p("page_location", "https://www.example.jp/products/%E5%85%85%E5%A1%AB%E6%A9%9F")],
    ),
    (
        USER_B,
        "click",
        _utc(2025, 4, 1, 1, 9),
        [
            _p("page_location", "https://www.example.jp/products/%E5%85%85%E5%A1%AB%E6%A9%9F"),
            _p("link_url", "https://partner.example.jp/"),
            _p("outbound", "true"),
        ],
    ),
    (USER_C, "page_view", _utc(2025, 4, 1, 14, 59, 59, 999999), [_p("page_location", "https://www.example.jp/")]),
    (USER_C, "user_engagement", _utc(2025, 4, 1, 14, 59, 59, 999999), [_p("page_location", "https://www.example.jp/")]),
]


def ga4_table():
    """The events as a pyarrow table with the BigQuery export's nested schema."""
    import pyarrow as pa  # noqa: PLC0415  (dev dependency, needed only to write the sample)

    value = pa.struct(
        [("string_value", pa.string()), ("int_value", pa.int64()), ("float_value", pa.float64()), ("double_value", pa.float64())]
    )
    params = pa.list_(pa.struct([("key", pa.string()), ("value", value)]))
    user_value = pa.struct(
        [
            ("string_value", pa.string()),
            ("int_value", pa.int64()),
            ("float_value", pa.float64()),
            ("double_value", pa.float64()),
            ("set_timestamp_micros", pa.int64()),
        ]
    )
    schema = pa.schema(
        [
            ("event_date", pa.string()),
            ("event_timestamp", pa.int64()),
            ("event_name", pa.string()),
            ("event_params", params),
            ("event_previous_timestamp", pa.int64()),
            ("event_value_in_usd", pa.float64()),
            ("event_bundle_sequence_id", pa.int64()),
            ("event_server_timestamp_offset", pa.int64()),
            ("user_id", pa.string()),
            ("user_pseudo_id", pa.string()),
            (
                "privacy_info",
                pa.struct(
                    [("analytics_storage", pa.string()), ("ads_storage", pa.string()), ("uses_transient_token", pa.string())]
                ),
            ),
            ("user_properties", pa.list_(pa.struct([("key", pa.string()), ("value", user_value)]))),
            ("user_first_touch_timestamp", pa.int64()),
            ("user_ltv", pa.struct([("revenue", pa.float64()), ("currency", pa.string())])),
            (
                "device",
                pa.struct(
                    [
                        ("category", pa.string()),
                        ("mobile_brand_name", pa.string()),
                        ("mobile_model_name", pa.string()),
                        ("mobile_marketing_name", pa.string()),
                        ("mobile_os_hardware_model", pa.string()),
                        ("operating_system", pa.string()),
                        ("operating_system_version", pa.string()),
                        ("vendor_id", pa.string()),
                        ("advertising_id", pa.string()),
                        ("language", pa.string()),
                        ("is_limited_ad_tracking", pa.string()),
                        ("time_zone_offset_seconds", pa.int64()),
                        ("browser", pa.string()),
                        ("browser_version", pa.string()),
                        (
                            "web_info",
                            pa.struct([("browser", pa.string()), ("browser_version", pa.string()), ("hostname", pa.string())]),
                        ),
                    ]
                ),
            ),
            (
                "geo",
                pa.struct(
                    [
                        ("city", pa.string()),
                        ("country", pa.string()),
                        ("continent", pa.string()),
                        ("region", pa.string()),
                        ("sub_continent", pa.string()),
                        ("metro", pa.string()),
                    ]
                ),
            ),
            (
                "app_info",
                pa.struct(
                    [
                        ("id", pa.string()),
                        ("version", pa.string()),
                        ("install_store", pa.string()),
                        ("firebase_app_id", pa.string()),
                        ("install_source", pa.string()),
                    ]
                ),
            ),
            ("traffic_source", pa.struct([("name", pa.string()), ("medium", pa.string()), ("source", pa.string())])),
            ("stream_id", pa.string()),
            ("platform", pa.string()),
            ("event_dimensions", pa.struct([("hostname", pa.string())])),
            (
                "ecommerce",
                pa.struct(
                    [
                        ("total_item_quantity", pa.int64()),
                        ("purchase_revenue_in_usd", pa.float64()),
                        ("purchase_revenue", pa.float64()),
                        ("unique_items", pa.int64()),
                        ("transaction_id", pa.string()),
                    ]
                ),
            ),
            (
                "items",
                pa.list_(
                    pa.struct(
                        [("item_id", pa.string()), ("item_name", pa.string()), ("price", pa.float64()), ("quantity", pa.int64())]
                    )
                ),
            ),
            (
                "collected_traffic_source",
                pa.struct(
                    [
                        ("manual_campaign_id", pa.string()),
                        ("manual_campaign_name", pa.string()),
                        ("manual_source", pa.string()),
                        ("manual_medium", pa.string()),
                        ("manual_term", pa.string()),
                        ("manual_content", pa.string()),
                        ("gclid", pa.string()),
                        ("dclid", pa.string()),
                        ("srsltid", pa.string()),
                    ]
                ),
            ),
            ("is_active_user", pa.bool_()),
        ]
    )
    rows = []
    previous: dict[str, int] = {}
    for i, ((pseudo, user_id, session, source), name, ts, event_params) in enumerate(GA4_EVENTS):
        rows.append(
            {
                "event_date": "20250401",
                "event_timestamp": ts,
                "event_name": name,
                "event_params": [*event_params, _p("ga_session_id", session), _p("ga_session_number", 1)],
                "event_previous_timestamp": previous.get(pseudo),
                "event_value_in_usd": None,
                "event_bundle_sequence_id": 1000 + i,
                "event_server_timestamp_offset": 512 + i,
                "user_id": user_id,
                "user_pseudo_id": pseudo,
                "privacy_info": {"analytics_storage": "Yes", "ads_storage": "No", "uses_transient_token": "No"},
                "user_properties": [],
                "user_first_touch_timestamp": T0 if pseudo == USER_A[0] else ts,
                "user_ltv": None,
                "device": {
                    "category": "desktop",
                    "mobile_brand_name": "Google",
                    "mobile_model_name": "Chrome",
                    "mobile_marketing_name": "<Other>",
                    "mobile_os_hardware_model": None,
                    "operating_system": "Windows",
                    "operating_system_version": "Windows 10",
                    "vendor_id": None,
                    "advertising_id": None,
                    "language": "ja-jp",
                    "is_limited_ad_tracking": "No",
                    "time_zone_offset_seconds": 32400,
                    "browser": None,
                    "browser_version": None,
                    "web_info": {"browser": "Chrome", "browser_version": "134.0.0.0", "hostname": "www.example.jp"},
                },
                "geo": {
                    "city": "Nagoya",
                    "country": "Japan",
                    "continent": "Asia",
                    "region": "Aichi",
                    "sub_continent": "Eastern Asia",
                    "metro": "(not set)",
                },
                "app_info": None,
                "traffic_source": source,
                "stream_id": "1234567890",
                "platform": "WEB",
                "event_dimensions": None,
                "ecommerce": None,
                "items": [],
                "collected_traffic_source": None,
                "is_active_user": True,
            }
        )
        previous[pseudo] = ts
    return pa.Table.from_pylist(rows, schema=schema)


# --- writers ----------------------------------------------------------------------------------


def csv_bytes(rows: list[list[str]], *, encoding: str, quoting: int) -> bytes:
    text = io.StringIO(newline="")
    csv.writer(text, quoting=quoting, lineterminator="\r\n").writerows(rows)
    prefix = "\ufeff" if encoding == "utf-8-sig" else ""
    return (prefix + text.getvalue()).encode("utf-8" if encoding == "utf-8-sig" else encoding)


TEXT_FILES: dict[str, tuple[list[list[str]], str, int]] = {
    "hubspot/companies_ja.csv": (HUBSPOT_COMPANIES_JA, "utf-8-sig", csv.QUOTE_ALL),
    "hubspot/contacts_ja.csv": (HUBSPOT_CONTACTS_JA, "utf-8-sig", csv.QUOTE_ALL),
    "hubspot/contacts_en.csv": (HUBSPOT_CONTACTS_EN, "utf-8-sig", csv.QUOTE_ALL),
    "hubspot/deals_ja.csv": (HUBSPOT_DEALS_JA, "utf-8-sig", csv.QUOTE_ALL),
    "hubspot/deals_en.csv": (HUBSPOT_DEALS_EN, "utf-8-sig", csv.QUOTE_ALL),
    "salesforce/accounts_ja.csv": (SALESFORCE_ACCOUNTS_JA, "cp932", csv.QUOTE_MINIMAL),
    "salesforce/opportunities_ja.csv": (SALESFORCE_OPPORTUNITIES_JA, "cp932", csv.QUOTE_MINIMAL),
    "salesforce/leads_ja.csv": (SALESFORCE_LEADS_JA, "cp932", csv.QUOTE_MINIMAL),
    "eight/eight_cards.csv": (EIGHT_CARDS, "cp932", csv.QUOTE_MINIMAL),
}


def write_xlsx(path: Path) -> None:
    import xlsxwriter  # noqa: PLC0415  (dev dependency)

    workbook = xlsxwriter.Workbook(str(path))
    workbook.set_properties({"author": "kpiflow examples", "created": dt.datetime(2025, 7, 1)})
    sheet = workbook.add_worksheet("Opportunities")
    date = workbook.add_format({"num_format": "m/d/yyyy"})
    stamp = workbook.add_format({"num_format": "m/d/yyyy h:mm AM/PM"})
    money = workbook.add_format({"num_format": "[$¥-ja-JP]#,##0"})
    sheet.write_row(0, 0, SALESFORCE_OPPORTUNITIES_EN_HEADER)
    for r, row in enumerate(SALESFORCE_OPPORTUNITIES_EN, start=1):
        for c, value in enumerate(row):
            if value is None:
                continue
            if isinstance(value, dt.datetime):
                sheet.write_datetime(r, c, value, stamp)
            elif isinstance(value, dt.date):
                sheet.write_datetime(r, c, dt.datetime.combine(value, dt.time()), date)
            elif isinstance(value, bool):
                sheet.write_boolean(r, c, value)
            elif isinstance(value, int) and c == 5:
                sheet.write_number(r, c, value, money)
            else:
                sheet.write(r, c, value)
    workbook.close()


def write_all(root: Path = HERE) -> list[Path]:
    """Write every sample under `root`; returns the paths written."""
    import pyarrow.parquet as pq  # noqa: PLC0415  (dev dependency)

    written = []
    for name, (rows, encoding, quoting) in TEXT_FILES.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(csv_bytes(rows, encoding=encoding, quoting=quoting))
        written.append(path)
    xlsx = root / "salesforce" / "opportunities_en.xlsx"
    xlsx.parent.mkdir(parents=True, exist_ok=True)
    write_xlsx(xlsx)
    written.append(xlsx)
    parquet = root / "ga4" / "events_20250401.parquet"
    parquet.parent.mkdir(parents=True, exist_ok=True)
    pq.write_table(ga4_table(), parquet, compression="zstd")
    written.append(parquet)
    return written


if __name__ == "__main__":
    for p in write_all():
        print(p.relative_to(HERE.parent))
