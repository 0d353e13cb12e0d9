"""The data contract: canonical tables every loader targets and every analysis reads.

Pure declarations, no I/O. The DDL, the loader's validation and `kpiflow check` are all
derived from these objects, so the contract is written down exactly once.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from kpiflow.errors import UnknownNameError

ColumnType = Literal["text", "integer", "number", "money", "timestamp", "date", "boolean"]

# How each contract type is stored in the engine (DuckDB spelling; SQLGlot transpiles).
SQL_TYPES: dict[str, str] = {
    "text": "VARCHAR",
    "integer": "BIGINT",
    "number": "DOUBLE",
    "money": "DECIMAL(18,2)",
    "timestamp": "TIMESTAMP",
    "date": "DATE",
    "boolean": "BOOLEAN",
}


@dataclass(frozen=True)
class Column:
    name: str
    type: ColumnType
    doc_en: str
    doc_ja: str
    required: bool = False
    # Closed vocabularies reject unknown values; open ones keep them and warn.
    allowed: tuple[str, ...] = ()
    closed: bool = True
    non_negative: bool = False

    @property
    def sql_type(self) -> str:
        return SQL_TYPES[self.type]


@dataclass(frozen=True)
class Reference:
    """A column that should point at a row of another table (checked, not enforced)."""

    column: str
    table: str
    target_column: str
    # Only rows matching this (column, value) refer to the target (stage_history.entity).
    when: tuple[str, str] | None = None


@dataclass(frozen=True)
class Table:
    name: str
    grain_en: str
    grain_ja: str
    columns: tuple[Column, ...]
    key: tuple[str, ...] = ()
    references: tuple[Reference, ...] = ()
    # At least one of these columns must be set on every row.
    one_of: tuple[str, ...] = ()
    time_column: str | None = None

    def column(self, name: str) -> Column:
        for c in self.columns:
            if c.name == name:
                return c
        raise KeyError(name)

    @property
    def column_names(self) -> tuple[str, ...]:
        return tuple(c.name for c in self.columns)

    @property
    def required(self) -> tuple[str, ...]:
        return tuple(c.name for c in self.columns if c.required)


TOUCHPOINT_TYPES: dict[str, tuple[str, str]] = {
    "page_view": ("a web page was viewed", "Webページの閲覧"),
    "download": ("a document (catalogue, white paper, CAD data) was downloaded", "資料・カタログ・CADデータのダウンロード"),
    "form_submit": ("a web form other than an inquiry was submitted", "問い合わせ以外のフォーム送信"),
    "inquiry": ("an inquiry or quote request", "問い合わせ・見積依頼"),
    "email_open": ("a marketing e-mail was opened", "メールの開封"),
    "email_click": ("a link in a marketing e-mail was clicked", "メール内リンクのクリック"),
    "seminar_attend": ("attended a seminar or webinar", "セミナー・ウェビナーへの参加"),
    "booth_visit": ("stopped at an exhibition booth", "展示会ブースへの立ち寄り"),
    "demo": ("experienced a hands-on demo or trial", "実機デモ・トライアルの体験"),
    "badge_scan": ("badge or business card scanned at an exhibition", "展示会でのバッジ・名刺スキャン"),
    "meeting": ("a meeting with sales", "営業との面談"),
    "call": ("a phone call", "電話"),
    "chat": ("a chat conversation", "チャット"),
    "other": ("anything else", "その他"),
}

COST_CATEGORIES = ("media", "event", "content", "system", "sales", "other")


def _c(name: str, type: ColumnType, en: str, ja: str, **kw) -> Column:
    return Column(name, type, en, ja, **kw)


TABLES: dict[str, Table] = {
    t.name: t
    for t in (
        Table(
            "accounts",
            "one row per company",
            "企業1社につき1行",
            (
                _c("account_id", "text", "account identifier", "企業ID", required=True),
                _c("name", "text", "company name", "企業名", required=True),
                _c("industry", "text", "industry", "業種"),
                _c("employees", "integer", "number of employees", "従業員数", non_negative=True),
                _c("size_band", "text", "company size band", "企業規模区分"),
                _c("region", "text", "region", "地域"),
                _c("is_target", "boolean", "in the target account list", "ターゲット企業か"),
                _c("created_at", "timestamp", "when the account was created in the CRM", "CRM登録日時"),
            ),
            key=("account_id",),
            time_column="created_at",
        ),
        Table(
            "contacts",
            "one row per person / lead",
            "人物（リード）1人につき1行",
            (
                _c("contact_id", "text", "contact identifier", "コンタクトID", required=True),
                _c("account_id", "text", "the contact's company", "所属企業ID"),
                _c("created_at", "timestamp", "when the lead was created", "リード獲得日時", required=True),
                _c("channel", "text", "acquisition channel (exhibition, web_form, seminar, ...)", "獲得チャネル"),
                _c("campaign", "text", "acquisition campaign", "キャンペーン"),
                _c("job_title", "text", "job title", "役職"),
                _c("authority", "text", "decision authority", "決裁権限"),
                _c("budget", "text", "budget status", "予算状況"),
                _c("timeframe", "text", "purchase timeframe", "導入時期"),
                _c("owner", "text", "owner (sales or marketing person)", "担当者"),
                _c("email", "text", "e-mail address", "メールアドレス"),
            ),
            key=("contact_id",),
            references=(Reference("account_id", "accounts", "account_id"),),
            time_column="created_at",
        ),
        Table(
            "stage_history",
            "one row per entry into a stage",
            "ステージへの移行1回につき1行",
            (
                _c("entity", "text", "contact or deal", "対象（contact / deal）", required=True, allowed=("contact", "deal")),
                _c("entity_id", "text", "contact_id or deal_id", "コンタクトIDまたは商談ID", required=True),
                _c("stage", "text", "stage name from the model", "ステージ名（モデルで定義）", required=True),
                _c("entered_at", "timestamp", "when the stage was entered", "ステージ移行日時", required=True),
            ),
            key=("entity", "entity_id", "stage", "entered_at"),
            references=(
                Reference("entity_id", "contacts", "contact_id", when=("entity", "contact")),
                Reference("entity_id", "deals", "deal_id", when=("entity", "deal")),
            ),
            time_column="entered_at",
        ),
        Table(
            "deals",
            "one row per opportunity",
            "商談1件につき1行",
            (
                _c("deal_id", "text", "deal identifier", "商談ID", required=True),
                _c("account_id", "text", "the buying company", "企業ID"),
                _c("contact_id", "text", "the main contact", "主担当コンタクトID"),
                _c("created_at", "timestamp", "when the opportunity was created", "商談化日時", required=True),
                _c("channel", "text", "channel the opportunity came from", "流入チャネル"),
                _c("product", "text", "product", "製品"),
                _c("amount", "money", "deal amount", "金額", non_negative=True),
                _c(
                    "outcome",
                    "text",
                    "open, won or lost",
                    "結果（open / won / lost）",
                    required=True,
                    allowed=("open", "won", "lost"),
                ),
                _c("closed_at", "timestamp", "when the deal was won or lost", "クローズ日時"),
                _c("loss_reason", "text", "reason for a loss", "失注理由"),
                _c("owner", "text", "sales owner", "営業担当"),
                _c("stage", "text", "current deal stage", "現在の商談ステージ"),
            ),
            key=("deal_id",),
            references=(
                Reference("account_id", "accounts", "account_id"),
                Reference("contact_id", "contacts", "contact_id"),
            ),
            time_column="created_at",
        ),
        Table(
            "touchpoints",
            "one row per behaviour event",
            "行動イベント1件につき1行",
            (
                _c("occurred_at", "timestamp", "when it happened", "発生日時", required=True),
                _c("contact_id", "text", "known person", "コンタクトID"),
                _c("anonymous_id", "text", "anonymous visitor id (cookie, GA4 user_pseudo_id)", "匿名ID"),
                _c("account_id", "text", "company", "企業ID"),
                _c(
                    "type",
                    "text",
                    "touchpoint type (see the vocabulary)",
                    "接点の種類",
                    required=True,
                    allowed=tuple(TOUCHPOINT_TYPES),
                    closed=False,
                ),
                _c("channel", "text", "channel (exhibition, web_form, seminar, referral, ads, email, ...)", "チャネル"),
                _c("campaign", "text", "campaign", "キャンペーン"),
                _c("content_id", "text", "content item (page, document, video)", "コンテンツID"),
                _c("content_type", "text", "content type (case_study, pricing, spec_sheet, ...)", "コンテンツ種別"),
                _c("exhibition_id", "text", "exhibition", "展示会ID"),
                _c("exhibit_id", "text", "exhibit within the booth (zone, demo station)", "展示物・デモ台ID"),
                _c("session_id", "text", "web session", "セッションID"),
                _c("dwell_seconds", "number", "time spent, in seconds", "滞在秒数", non_negative=True),
                _c("scroll_pct", "number", "scroll depth, 0 to 100", "スクロール率（0〜100）", non_negative=True),
                _c("owner", "text", "who made the touch, for sales touches (meeting, call, e-mail)", "接点の担当者（営業接点）"),
            ),
            references=(
                Reference("contact_id", "contacts", "contact_id"),
                Reference("account_id", "accounts", "account_id"),
            ),
            one_of=("contact_id", "anonymous_id"),
            time_column="occurred_at",
        ),
        Table(
            "booth_traffic",
            "one counter reading per exhibit and hour",
            "展示物ごと・1時間ごとの通行量計測",
            (
                _c("exhibition_id", "text", "exhibition", "展示会ID", required=True),
                _c("exhibit_id", "text", "exhibit within the booth", "展示物ID", required=True),
                _c("hour", "timestamp", "start of the hour", "計測時間帯（開始時刻）", required=True),
                _c("passersby", "integer", "people passing the exhibit", "通行人数", required=True, non_negative=True),
            ),
            key=("exhibition_id", "exhibit_id", "hour"),
            time_column="hour",
        ),
        Table(
            "costs",
            "one row per spend",
            "費用1件につき1行",
            (
                _c("date", "date", "date of the spend", "計上日", required=True),
                _c("channel", "text", "channel", "チャネル"),
                _c("campaign", "text", "campaign", "キャンペーン"),
                _c("exhibition_id", "text", "exhibition", "展示会ID"),
                _c(
                    "category",
                    "text",
                    "media, event, content, system, sales, other",
                    "費目",
                    required=True,
                    allowed=COST_CATEGORIES,
                    closed=False,
                ),
                _c("amount", "money", "amount spent", "金額", required=True, non_negative=True),
            ),
            time_column="date",
        ),
        Table(
            "orders",
            "one row per order after the first deal",
            "受注後の注文1件につき1行",
            (
                _c("order_id", "text", "order identifier", "注文ID", required=True),
                _c("account_id", "text", "buying company", "企業ID", required=True),
                _c("ordered_at", "timestamp", "order date", "注文日時", required=True),
                _c("amount", "money", "order amount", "金額", required=True, non_negative=True),
                _c("gross_margin", "money", "gross margin of the order", "粗利"),
                _c("product", "text", "product", "製品"),
                _c(
                    "kind",
                    "text",
                    "new, repeat, upsell, cross_sell, renewal",
                    "種別",
                    allowed=("new", "repeat", "upsell", "cross_sell", "renewal"),
                ),
            ),
            key=("order_id",),
            references=(Reference("account_id", "accounts", "account_id"),),
            time_column="ordered_at",
        ),
        Table(
            "surveys",
            "one row per answer",
            "回答1件につき1行",
            (
                _c("response_id", "text", "answer identifier", "回答ID", required=True),
                _c("contact_id", "text", "respondent", "コンタクトID"),
                _c("account_id", "text", "respondent's company", "企業ID"),
                _c("answered_at", "timestamp", "when answered", "回答日時", required=True),
                _c(
                    "kind",
                    "text",
                    "nps, csat or awareness",
                    "種別（nps / csat / awareness）",
                    required=True,
                    allowed=("nps", "csat", "awareness"),
                ),
                _c("score", "number", "score", "スコア"),
                _c("comment", "text", "free comment", "自由記述"),
            ),
            key=("response_id",),
            references=(
                Reference("contact_id", "contacts", "contact_id"),
                Reference("account_id", "accounts", "account_id"),
            ),
            time_column="answered_at",
        ),
        Table(
            "brand_signals",
            "one row per observation",
            "観測1件につき1行",
            (
                _c("date", "date", "date (or week start) observed", "観測日", required=True),
                _c(
                    "kind",
                    "text",
                    "branded_search, mention, review, media",
                    "種別",
                    required=True,
                    allowed=("branded_search", "mention", "review", "media"),
                ),
                _c("source", "text", "where it was observed", "観測元"),
                _c("value", "number", "observed value (volume, count, rating)", "値", required=True),
                _c("sentiment", "number", "sentiment, -1 to 1", "感情スコア（-1〜1）"),
            ),
            time_column="date",
        ),
    )
}


def table(name: str) -> Table:
    """The canonical table called `name`; unknown names raise with a suggestion."""
    try:
        return TABLES[name]
    except KeyError:
        raise UnknownNameError.for_name("table", name, TABLES) from None
