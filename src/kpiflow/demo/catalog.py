"""Fixed vocabularies of the demo company: products, teams, exhibitions, content, names.

Pure data, no randomness. Everything the generator draws from is listed here so that the
documentation (docs/demo.md) and the tests can refer to the same names.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

COMPANY_JA = "東和センシング株式会社"
COMPANY_EN = "Towa Sensing Co., Ltd."

# --- markets -------------------------------------------------------------------------------

# industry -> (share of accounts, [(company-name word, romaji for the e-mail domain), ...])
INDUSTRIES: dict[str, tuple[float, list[tuple[str, str]]]] = {
    "machinery": (0.22, [("精機", "seiki"), ("製作所", "ss"), ("機械", "kikai"), ("工業", "kogyo"), ("機工", "kiko")]),
    "automotive": (0.20, [("自動車部品", "jidosha"), ("オートパーツ", "autoparts"), ("車輌", "sharyo"), ("精工", "seiko")]),
    "electronics": (0.15, [("電子", "denshi"), ("電機", "denki"), ("エレクトロニクス", "elec"), ("電子工業", "denshikogyo")]),
    "metals": (0.12, [("金属", "kinzoku"), ("鋼材", "kozai"), ("メタル", "metal"), ("鍛造", "tanzo")]),
    "chemicals": (0.10, [("化学", "kagaku"), ("化成", "kasei"), ("ケミカル", "chemical"), ("樹脂", "jushi")]),
    "food": (0.10, [("食品", "shokuhin"), ("フーズ", "foods"), ("製菓", "seika"), ("乳業", "nyugyo")]),
    "logistics": (0.06, [("物流", "butsuryu"), ("運輸", "unyu"), ("ロジスティクス", "logi"), ("倉庫", "soko")]),
    "pharma": (0.05, [("製薬", "seiyaku"), ("薬品", "yakuhin"), ("ファーマ", "pharma")]),
}
# Industries whose plants run the rotating machines our sensors watch: the target market.
CORE_INDUSTRIES = ("machinery", "automotive", "electronics", "metals")

NAME_FIRST = [
    ("東", "to"),
    ("大", "dai"),
    ("日", "nichi"),
    ("三", "san"),
    ("新", "shin"),
    ("中", "naka"),
    ("北", "hoku"),
    ("南", "nan"),
    ("西", "sei"),
    ("光", "ko"),
    ("富", "fu"),
    ("豊", "ho"),
    ("昭", "sho"),
    ("明", "mei"),
    ("太", "ta"),
    ("協", "kyo"),
    ("丸", "maru"),
    ("旭", "asahi"),
    ("高", "taka"),
    ("千", "chi"),
    ("八", "hachi"),
    ("双", "so"),
    ("朝", "asa"),
    ("瑞", "mizu"),
    ("若", "waka"),
    ("岡", "oka"),
    ("久", "kyu"),
    ("宮", "miya"),
    ("松", "matsu"),
    ("竹", "take"),
    ("桜", "sakura"),
    ("白", "haku"),
    ("金", "kin"),
    ("銀", "gin"),
    ("菊", "kiku"),
    ("山", "yama"),
]
NAME_SECOND = [
    ("和", "wa"),
    ("洋", "yo"),
    ("栄", "ei"),
    ("進", "shin"),
    ("興", "ko"),
    ("成", "sei"),
    ("友", "yu"),
    ("電", "den"),
    ("邦", "ho"),
    ("正", "sho"),
    ("立", "ritsu"),
    ("伸", "nobu"),
    ("星", "hoshi"),
    ("宝", "takara"),
    ("徳", "toku"),
    ("昌", "masa"),
    ("央", "o"),
    ("葉", "ba"),
    ("京", "kyo"),
    ("田", "da"),
    ("野", "no"),
    ("本", "moto"),
    ("原", "hara"),
    ("津", "tsu"),
    ("川", "kawa"),
    ("峰", "mine"),
    ("泉", "izumi"),
    ("輪", "rin"),
    ("精", "sei"),
    ("陽", "hi"),
    ("信", "shin"),
    ("晃", "aki"),
    ("光", "mitsu"),
    ("共", "kyo"),
    ("豊", "yutaka"),
    ("沢", "sawa"),
]
NAME_KATAKANA = [
    ("アルファ", "alpha"),
    ("テクノ", "techno"),
    ("コスモ", "cosmo"),
    ("ミライ", "mirai"),
    ("ユニオン", "union"),
    ("ネクスト", "next"),
    ("サンライズ", "sunrise"),
    ("グローバル", "global"),
    ("ダイヤ", "daiya"),
    ("アサヒ", "asahi"),
    ("ミツワ", "mitsuwa"),
    ("シンワ", "shinwa"),
    ("トーヨー", "toyo"),
    ("ニッコー", "nikko"),
    ("ヤマト", "yamato"),
    ("フジ", "fuji"),
    ("セントラル", "central"),
    ("パシフィック", "pacific"),
    ("オリオン", "orion"),
    ("エース", "ace"),
    ("ベスト", "best"),
    ("ハート", "heart"),
    ("ライズ", "rise"),
    ("クレスト", "crest"),
]

# region code -> (share of accounts, Japanese name, sales team that covers it)
REGIONS: dict[str, tuple[float, str, str]] = {
    "kanto": (0.34, "関東", "east"),
    "chubu": (0.20, "中部", "chubu"),
    "kansai": (0.18, "関西", "west"),
    "kyushu": (0.08, "九州", "west"),
    "tohoku": (0.06, "東北", "east"),
    "chugoku": (0.06, "中国", "west"),
    "shikoku": (0.04, "四国", "west"),
    "hokkaido": (0.04, "北海道", "east"),
}

SIZE_BANDS = ("1-99", "100-999", "1000+")

# --- sales force ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Team:
    code: str
    name_ja: str
    reps: tuple[str, ...]


TEAMS: dict[str, Team] = {
    t.code: t
    for t in (
        Team("east", "東日本営業部", ("佐藤 健一", "鈴木 美咲", "高橋 大輔", "渡辺 直樹", "小林 彩", "加藤 翔太")),
        Team("chubu", "中部営業部", ("伊藤 誠", "山本 裕子", "中村 浩二", "松井 拓也")),
        Team("west", "西日本営業部", ("田中 亮", "吉田 真由美", "山口 剛", "井上 陽介", "木村 恵")),
    )
}
# Planted effect 4: this team enters its deal stage changes in bulk at month end.
BULK_UPDATE_TEAM = "chubu"
REPS: tuple[str, ...] = tuple(r for t in TEAMS.values() for r in t.reps)
REP_TEAM: tuple[str, ...] = tuple(t.code for t in TEAMS.values() for _ in t.reps)

JOB_TITLES = ("役員", "部長", "工場長", "課長", "係長", "主任", "担当")
JOB_TITLE_SHARE = (0.03, 0.10, 0.05, 0.20, 0.15, 0.15, 0.32)
# Probability of being the decision maker, by job title (the rest: influencer or none).
JOB_TITLE_AUTHORITY = (0.85, 0.65, 0.6, 0.25, 0.08, 0.04, 0.02)
AUTHORITIES = ("decision_maker", "influencer", "none")
BUDGETS = ("approved", "planned", "none")
TIMEFRAMES = ("within_3m", "within_6m", "within_1y", "undecided")

SURNAMES = [
    ("佐藤", "sato"),
    ("鈴木", "suzuki"),
    ("高橋", "takahashi"),
    ("田中", "tanaka"),
    ("伊藤", "ito"),
    ("渡辺", "watanabe"),
    ("山本", "yamamoto"),
    ("中村", "nakamura"),
    ("小林", "kobayashi"),
    ("加藤", "kato"),
    ("吉田", "yoshida"),
    ("山田", "yamada"),
    ("佐々木", "sasaki"),
    ("山口", "yamaguchi"),
    ("松本", "matsumoto"),
    ("井上", "inoue"),
    ("木村", "kimura"),
    ("林", "hayashi"),
    ("斎藤", "saito"),
    ("清水", "shimizu"),
    ("山崎", "yamazaki"),
    ("森", "mori"),
    ("池田", "ikeda"),
    ("橋本", "hashimoto"),
    ("阿部", "abe"),
    ("石川", "ishikawa"),
    ("山下", "yamashita"),
    ("中島", "nakajima"),
    ("石井", "ishii"),
    ("小川", "ogawa"),
    ("前田", "maeda"),
    ("岡田", "okada"),
    ("長谷川", "hasegawa"),
    ("藤田", "fujita"),
    ("後藤", "goto"),
    ("近藤", "kondo"),
    ("村上", "murakami"),
    ("遠藤", "endo"),
    ("青木", "aoki"),
    ("坂本", "sakamoto"),
]
GIVEN_INITIALS = "akhmnstyrdj"

# --- go to market --------------------------------------------------------------------------

CHANNELS = ("exhibition", "web_form", "seminar", "referral", "ads", "email")
# Touchpoints also use "sales" (calls and meetings by the field sales force).
TOUCH_CHANNELS = (*CHANNELS, "sales")


@dataclass(frozen=True)
class ChannelProfile:
    share: float  # share of new contacts
    p_mql: float  # lead -> mql
    p_sql: float  # mql -> sql (planted effect 2: ads)
    p_opp: float  # sql -> opportunity
    win: float  # relative win propensity of its deals


CHANNEL_PROFILES: dict[str, ChannelProfile] = {
    "exhibition": ChannelProfile(0.30, 0.43, 0.33, 0.65, 1.0),
    "web_form": ChannelProfile(0.22, 0.54, 0.35, 0.67, 1.0),
    "seminar": ChannelProfile(0.12, 0.51, 0.32, 0.63, 1.0),
    "referral": ChannelProfile(0.05, 0.68, 0.45, 0.73, 1.3),
    "ads": ChannelProfile(0.20, 0.39, 0.07, 0.61, 0.85),
    "email": ChannelProfile(0.11, 0.28, 0.29, 0.63, 0.95),
}


@dataclass(frozen=True)
class Product:
    code: str
    name_ja: str
    share: float  # share of deals
    median: float  # median deal amount, yen
    sigma: float  # log-normal spread
    margin: float  # gross margin rate


PRODUCTS: tuple[Product, ...] = (
    Product("vibration_sensor", "ワイヤレス振動センサ VS-300", 0.38, 1_900_000, 0.70, 0.45),
    Product("iot_gateway", "産業用IoTゲートウェイ GW-700", 0.20, 2_900_000, 0.60, 0.35),
    Product("predictive_saas", "予知保全クラウド Predict Cloud", 0.27, 3_600_000, 0.70, 0.75),
    Product("installation", "設置・立上げサービス", 0.15, 1_400_000, 0.50, 0.25),
)
SIZE_AMOUNT_FACTOR = (0.7, 1.0, 1.7)  # by size band

LOSS_REASONS = ("価格", "競合", "時期尚早", "予算不足", "機能不足", "社内検討の結果見送り", "連絡途絶")
LOSS_REASON_SHARE = (0.22, 0.20, 0.18, 0.15, 0.10, 0.08, 0.07)

# --- exhibitions ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Exhibit:
    suffix: str  # exhibit_id = f"{exhibition_id}-{suffix}"
    kind: str  # zone | demo
    name_ja: str
    traffic: float  # relative passers-by


@dataclass(frozen=True)
class Exhibition:
    exhibition_id: str
    name_ja: str
    venue: str
    start: dt.date  # three days from here, 10:00-17:00
    size: float  # relative number of badge scans
    exhibits: tuple[Exhibit, ...]
    p_demo: float  # share of scanned visitors who tried a hands-on demo
    cost: int  # booth, construction, staff, promotion (yen, at default size)

    @property
    def fiscal_year(self) -> int:
        return self.start.year if self.start.month >= 4 else self.start.year - 1


_Z_SENSOR = Exhibit("Z1", "zone", "振動センサ展示ゾーン", 1.2)
_Z_GATEWAY = Exhibit("Z2", "zone", "ゲートウェイ・ネットワークゾーン", 0.9)
_Z_CLOUD = Exhibit("Z3", "zone", "予知保全クラウド ダッシュボード", 1.0)
_D_MOTOR = Exhibit("D1", "demo", "実機デモ台（モーター振動診断）", 0.8)
_D_KIT = Exhibit("D2", "demo", "ハンズオン体験キット（後付けセンサ）", 0.7)

EXHIBITIONS: tuple[Exhibition, ...] = (
    Exhibition(
        "EX2023-IOT",
        "ファクトリーIoTフェア東京 2023",
        "東京ビッグサイト",
        dt.date(2023, 6, 14),
        1.3,
        (_Z_SENSOR, _Z_GATEWAY, _D_MOTOR),
        0.30,
        14_000_000,
    ),
    Exhibition(
        "EX2023-MNT",
        "設備保全テクノショー 2023",
        "東京ビッグサイト",
        dt.date(2023, 10, 18),
        1.0,
        (_Z_SENSOR, _Z_CLOUD, _D_MOTOR),
        0.30,
        11_000_000,
    ),
    Exhibition(
        "EX2024-NGY",
        "中部ものづくりIoT展 2024",
        "ポートメッセなごや",
        dt.date(2024, 1, 24),
        0.7,
        (_Z_SENSOR, _Z_GATEWAY, _D_MOTOR),
        0.28,
        8_000_000,
    ),
    Exhibition(
        "EX2024-IOT",
        "ファクトリーIoTフェア東京 2024",
        "東京ビッグサイト",
        dt.date(2024, 6, 12),
        1.4,
        (_Z_SENSOR, _Z_GATEWAY, _Z_CLOUD, _D_MOTOR),
        0.30,
        15_000_000,
    ),
    Exhibition(
        "EX2024-OSK",
        "関西ものづくりセンサー展 2024",
        "インテックス大阪",
        dt.date(2024, 10, 9),
        0.9,
        (_Z_SENSOR, _Z_CLOUD, _D_MOTOR),
        0.30,
        10_000_000,
    ),
    Exhibition(
        "EX2025-NGY",
        "中部ものづくりIoT展 2025",
        "ポートメッセなごや",
        dt.date(2025, 1, 22),
        0.8,
        (_Z_SENSOR, _Z_GATEWAY, _D_MOTOR),
        0.30,
        8_500_000,
    ),
    Exhibition(
        "EX2025-IOT",
        "ファクトリーIoTフェア東京 2025",
        "東京ビッグサイト",
        dt.date(2025, 6, 11),
        1.7,
        (_Z_SENSOR, _Z_GATEWAY, _Z_CLOUD, _D_MOTOR, _D_KIT),
        0.55,
        18_000_000,
    ),
    Exhibition(
        "EX2025-MNT",
        "設備保全テクノショー 2025",
        "東京ビッグサイト",
        dt.date(2025, 9, 24),
        1.2,
        (_Z_SENSOR, _Z_CLOUD, _D_MOTOR, _D_KIT),
        0.55,
        13_000_000,
    ),
)
EXHIBITION_HOURS = tuple(range(10, 17))  # counter readings start 10:00 ... 16:00 (open 10:00-17:00)
EXHIBITION_REGION = {"EX2024-NGY": "chubu", "EX2025-NGY": "chubu", "EX2024-OSK": "kansai"}

# --- web content ---------------------------------------------------------------------------


def _content() -> list[tuple[str, str, float]]:
    items: list[tuple[str, str, float]] = [("/", "top", 30.0), ("/company", "company", 3.0), ("/contact", "form", 4.0)]
    items += [
        (p, "product", w)
        for p, w in (
            ("/products/vs-300", 10.0),
            ("/products/vs-300w", 5.0),
            ("/products/gw-700", 6.0),
            ("/products/gw-500", 3.0),
            ("/products/predict-cloud", 8.0),
            ("/services/installation", 3.0),
            ("/solutions/predictive-maintenance", 6.0),
            ("/solutions/energy-monitoring", 3.0),
        )
    ]
    items += [(p, "pricing", w) for p, w in (("/pricing", 3.0), ("/pricing/predict-cloud", 1.5), ("/pricing/sensor-kit", 1.0))]
    cases = (
        "automotive-press",
        "automotive-painting",
        "electronics-smt",
        "metals-rolling",
        "food-packaging",
        "chemicals-pump",
        "machinery-spindle",
        "logistics-conveyor",
        "pharma-hvac",
        "machinery-compressor",
        "metals-forging",
        "electronics-cleanroom",
    )
    items += [(f"/cases/{c}", "case_study", 1.2) for c in cases]
    items += [
        (f"/docs/{d}.pdf", "spec_sheet", 1.0)
        for d in ("vs-300-spec", "vs-300w-spec", "gw-700-spec", "gw-500-spec", "predict-cloud-overview", "installation-guide")
    ]
    items += [
        (f"/cad/{d}", "cad_download", 0.8) for d in ("vs-300-3d.step", "vs-300w-3d.step", "gw-700-3d.step", "gw-700-2d.dxf")
    ]
    items += [
        (f"/whitepapers/{d}.pdf", "whitepaper", 1.0)
        for d in ("pdm-first-steps", "vibration-basics", "iot-retrofit-checklist", "roi-of-maintenance")
    ]
    items += [(f"/webinars/on-demand-{i:02d}", "webinar", 0.6) for i in range(1, 7)]
    items += [(f"/blog/{i:03d}", "blog", 2.5 / (1 + i / 8)) for i in range(1, 41)]
    items += [(f"/news/{i:02d}", "news", 0.5) for i in range(1, 11)]
    return items


CONTENT: tuple[tuple[str, str], ...] = tuple((c, t) for c, t, _ in _content())
CONTENT_WEIGHT: tuple[float, ...] = tuple(w for _, _, w in _content())
CONTENT_TYPES: tuple[str, ...] = tuple(dict.fromkeys(t for _, t in CONTENT))
# Typical seconds on a page by content type (log-normal median).
DWELL_MEDIAN = {
    "top": 25,
    "company": 40,
    "form": 60,
    "product": 80,
    "pricing": 110,
    "case_study": 140,
    "spec_sheet": 45,
    "cad_download": 30,
    "whitepaper": 50,
    "webinar": 600,
    "blog": 70,
    "news": 35,
    "newsletter": 20,
}
GATED_TYPES = ("spec_sheet", "cad_download", "whitepaper")  # a known visitor "downloads" these

# --- after the sale ------------------------------------------------------------------------

NPS_COMMENTS = {
    "promoter": ("設備停止が減り効果を実感しています", "導入がスムーズでした", "サポートの対応が早い", "他工場にも展開予定です"),
    "passive": ("概ね満足", "ダッシュボードの使い勝手に改善余地あり", "価格がもう少し下がれば"),
    "detractor": ("センサの電池持ちが想定より短い", "アラートの誤検知が多い", "問い合わせの回答が遅い"),
}
MEDIA_SOURCES = ("日刊ものづくり新聞", "月刊設備保全", "IoTテックレビュー")
