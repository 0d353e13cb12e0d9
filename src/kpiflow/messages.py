"""User-facing message templates in Japanese and English.

One key per message; `say(key, lang, **values)` formats it. Keys are stable so that tests and
translations can refer to them; a test checks both languages have every key.
"""

from __future__ import annotations

MESSAGES: dict[str, dict[str, str]] = {
    # loading: where and what
    "load.refused": {
        "en": "{file}: not loaded ({count} problem(s)); the database was not changed.",
        "ja": "{file}: 読み込みを中止しました（問題 {count} 件）。データベースは変更されていません。",
    },
    "load.more": {
        "en": "... and {count} more problem(s) of the same kinds.",
        "ja": "…ほか同種の問題が {count} 件あります。",
    },
    "load.done": {
        "en": "{file}: {rows:,} rows loaded into {table} ({mode}, {encoding}).",
        "ja": "{file}: {rows:,} 行を {table} に読み込みました（{mode}、{encoding}）。",
    },
    "where.line_column": {"en": "line {line}, column '{column}'", "ja": "{line} 行目、列「{column}」"},
    "where.line": {"en": "line {line}", "ja": "{line} 行目"},
    "where.column": {"en": "column '{column}'", "ja": "列「{column}」"},
    "where.file": {"en": "the file", "ja": "ファイル全体"},
    # problems
    "problem.empty": {
        "en": "the file has no data rows.",
        "ja": "データ行がありません（空のファイルです）。",
    },
    "problem.not_format": {
        "en": "the file is not a {expected} file (its content looks like {found}).",
        "ja": "{expected} ファイルではありません（中身は {found} のようです）。",
    },
    "problem.encoding": {
        "en": "bytes that are not valid {encoding} (wrong encoding? try --encoding {hint}).",
        "ja": "{encoding} として読めないバイトがあります（文字コードが違う可能性があります。--encoding {hint} を試してください）。",
    },
    "problem.encoding_unknown": {
        "en": "could not tell the text encoding; give it with --encoding (utf-8, cp932, utf-16).",
        "ja": "文字コードを判定できませんでした。--encoding（utf-8、cp932、utf-16）で指定してください。",
    },
    "problem.ragged": {
        "en": "{found} field(s) where the header has {expected} (a stray delimiter or quote?).",
        "ja": "項目数が {found} 個ですが、見出しは {expected} 個です（区切り文字や引用符の誤り？）。",
    },
    "problem.csv": {"en": "could not read this row: {detail}", "ja": "この行を読めません: {detail}"},
    "problem.missing_column": {
        "en": "required column '{column}' is missing{hint}. Columns found: {found}.",
        "ja": "必須の列「{column}」がありません{hint}。見つかった列: {found}。",
    },
    "problem.mapping_source": {
        "en": "the mapping refers to column '{column}', which the file does not have{hint}. Columns found: {found}.",
        "ja": "マッピングが参照する列「{column}」がファイルにありません{hint}。見つかった列: {found}。",
    },
    "problem.required": {
        "en": "'{column}' is empty but required.",
        "ja": "「{column}」が空ですが必須です。",
    },
    "problem.one_of": {
        "en": "one of {columns} must be set.",
        "ja": "{columns} のいずれかが必要です。",
    },
    "problem.invalid": {
        "en": "'{value}' is not {expected}.",
        "ja": "「{value}」は{expected}として読めません。",
    },
    "problem.negative": {
        "en": "'{value}' is negative; expected an amount of 0 or more.",
        "ja": "「{value}」は負の値です。0 以上の値が必要です。",
    },
    "problem.not_allowed": {
        "en": "'{value}' is not allowed; expected one of: {allowed}.",
        "ja": "「{value}」は使えません。次のいずれかが必要です: {allowed}。",
    },
    "problem.duplicate_key": {
        "en": "key {key} appears more than once (also on line {other}).",
        "ja": "キー {key} が重複しています（{other} 行目にもあります）。",
    },
    "problem.key_exists": {
        "en": "key {key} is already in {table}; use --mode upsert to update it or --mode replace.",
        "ja": "キー {key} は既に {table} にあります。更新するには --mode upsert、置き換えるには --mode replace を使ってください。",
    },
    "problem.no_key": {
        "en": "table {table} has no key, so --mode upsert is not possible; use append or replace.",
        "ja": "{table} テーブルにはキーがないため --mode upsert は使えません。append か replace を使ってください。",
    },
    "problem.merged_header": {
        "en": "the header row has merged cells ({cells}); unmerge them so that every column has its own name.",
        "ja": "見出し行に結合セルがあります（{cells}）。各列に見出しが付くよう結合を解除してください。",
    },
    "problem.duplicate_header": {
        "en": "the header names column '{column}' twice.",
        "ja": "見出しに列「{column}」が 2 回あります。",
    },
    "problem.sheet": {
        "en": "sheet '{sheet}' not found{hint}; sheets: {sheets}.",
        "ja": "シート「{sheet}」が見つかりません{hint}。シート: {sheets}。",
    },
    "problem.binary": {
        "en": "the file is not a text (CSV) file (its content looks like binary data): it has NUL bytes. "
        "If it is text saved as UTF-16, give --encoding utf-16-le (or utf-16-be).",
        "ja": "テキスト（CSV）ファイルではありません（NUL バイトを含むバイナリデータのようです）。"
        "UTF-16 で保存したテキストなら --encoding utf-16-le（または utf-16-be）を指定してください。",
    },
    "problem.nul": {
        "en": "a NUL byte (character code 0): text files do not contain them; is the file damaged, or partly binary?",
        "ja": "NUL バイト（文字コード 0）があります。テキストファイルには含まれないものです。ファイルが壊れているか、一部がバイナリではありませんか？",
    },
    "problem.bom_inside": {
        "en": "a byte-order mark (U+FEFF, invisible in most editors) in the middle of the file, where it would become part "
        "of a value; were two files joined together? Delete it and load again.",
        "ja": "ファイルの途中に BOM（U+FEFF、多くのエディタでは見えません）があり、値の一部になってしまいます。"
        "2 つのファイルを連結しませんでしたか？削除してから読み込み直してください。",
    },
    "problem.encoding_name": {
        "en": "'{encoding}' is not a text encoding{hint}; give --encoding utf-8, cp932 (Shift_JIS), euc-jp, utf-16, "
        "utf-16-le, utf-16-be or latin-1.",
        "ja": "「{encoding}」は文字コードではありません{hint}。--encoding には utf-8、cp932（Shift_JIS）、euc-jp、utf-16、"
        "utf-16-le、utf-16-be、latin-1 のいずれかを指定してください。",
    },
    "problem.long_line": {
        "en": "the line is longer than {limit:,} bytes, the most kpiflow reads as one line (a quote that is never closed, "
        "or not a CSV file?).",
        "ja": "1 行が {limit:,} バイトを超えています（kpiflow が 1 行として読める上限です）。閉じていない引用符があるか、"
        "CSV ファイルではない可能性があります。",
    },
    "problem.long_field": {
        "en": "a value longer than {limit:,} characters starts on this line (a quote that is never closed?).",
        "ja": "この行から {limit:,} 文字を超える値が始まっています（閉じていない引用符？）。",
    },
    "problem.open_quote": {
        "en": 'a quoted value starts on this line and its quote is never closed; close it, or double a quote that belongs '
        'to the value ("").',
        "ja": 'この行で始まる引用符（"）が閉じられていません。閉じるか、値の一部である引用符は 2 つ重ねて（""）ください。',
    },
    "problem.after_quote": {
        "en": "text follows a closing quote before the next '{delimiter}'; a quote inside a quoted value must be "
        'doubled ("").',
        "ja": "閉じ引用符の後、次の区切り文字「{delimiter}」の前に文字があります。引用符で囲んだ値の中の引用符は"
        ' 2 つ重ねて（""）ください。',
    },
    "problem.line_endings": {
        "en": "this line ends with {found} but line {first} ends with {expected}: the file mixes line endings; save it "
        "again with one kind (CRLF or LF).",
        "ja": "この行の改行は {found} ですが、{first} 行目は {expected} です。改行コードが混在しています。"
        "どちらか一方（CRLF または LF）で保存し直してください。",
    },
    "problem.sniff": {
        "en": "the file could not be read as CSV: no delimiter, quoting and line ending fit all of it (a line break "
        "inside a quoted header cell? the wrong encoding, given with --encoding?).",
        "ja": "CSV として読めませんでした。ファイル全体に合う区切り文字・引用符・改行が見つかりません（見出しのセル内の改行？"
        "--encoding で指定した文字コードの誤り？）。",
    },
    "problem.damaged": {
        "en": "the {format} file is damaged or incomplete (cut short while copying?): {detail}",
        "ja": "{format} ファイルが壊れているか不完全です（コピーの途中で切れた？）: {detail}",
    },
    "found.text": {"en": "text", "ja": "テキスト"},
    "found.zip": {"en": "an Excel/zip file", "ja": "Excel（zip）ファイル"},
    "found.parquet": {"en": "Parquet", "ja": "Parquet"},
    "found.xls": {"en": "an old .xls workbook (save it as .xlsx)", "ja": "古い .xls 形式のブック（.xlsx で保存し直してください）"},
    "load.not_found": {"en": "{path}: file not found", "ja": "{path}: ファイルが見つかりません"},
    "load.mode": {
        "en": "unknown mode '{mode}'; expected one of: {modes}",
        "ja": "モード「{mode}」はありません。次のいずれかを指定してください: {modes}",
    },
    "load.unreadable": {
        "en": "{file}: cannot be read ({reason}); the database was not changed.",
        "ja": "{file}: 読み込めません（{reason}）。データベースは変更されていません。",
    },
    # mapping files' derive and where
    "mapping.invalid": {
        "en": "{where}: not a valid SQL expression: {text} ({detail})",
        "ja": "{where}: SQL の式として読めません: {text}（{detail}）",
    },
    "mapping.unclosed": {
        "en": "{where}: not a valid SQL expression: {text} (a quote that is never closed)",
        "ja": "{where}: SQL の式として読めません: {text}（閉じていない引用符があります）",
    },
    "mapping.outside": {
        "en": "{where}: {what} is not allowed in a mapping: an expression may use the file's columns, values and "
        "functions, never another table, file or setting.",
        "ja": "{where}: マッピングの式に{what}は使えません。使えるのはファイルの列・値・関数だけで、他の表・ファイル・設定は読めません。",
    },
    "mapping.what.subquery": {"en": "a subquery", "ja": "サブクエリ"},
    "mapping.what.statement": {"en": "a statement or a table", "ja": "文や表"},
    "mapping.what.function": {"en": "the function {name}()", "ja": "関数 {name}()"},
    # the YAML reader (model and mapping files)
    "yaml.invalid": {"en": "{where}: not valid YAML: {problem}", "ja": "{where}: YAML として正しくありません: {problem}"},
    "yaml.duplicate_key": {"en": "{where}: key '{key}' appears twice", "ja": "{where}: キー「{key}」が 2 回あります"},
    "yaml.character": {
        "en": "{where}: the character {code} is not allowed in a YAML file (a NUL or control character: is the file damaged?)",
        "ja": "{where}: 文字 {code} は YAML ファイルに使えません（NUL や制御文字です。ファイルが壊れていませんか？）",
    },
    "yaml.not_utf8": {
        "en": "{where}: not UTF-8 text; save the YAML file as UTF-8",
        "ja": "{where}: UTF-8 のテキストではありません。YAML ファイルを UTF-8 で保存してください",
    },
    "yaml.not_found": {"en": "{file}: file not found", "ja": "{file}: ファイルが見つかりません"},
    "yaml.unreadable": {"en": "{file}: cannot be read ({reason})", "ja": "{file}: 読み込めません（{reason}）"},
    "yaml.too_large": {
        "en": "{where}: the YAML expands to more than {limit:,} values (anchors and aliases that repeat each other?)",
        "ja": "{where}: YAML を展開すると {limit:,} 個を超える値になります（アンカーとエイリアスの繰り返し？）",
    },
    "yaml.too_deep": {"en": "{where}: the YAML is nested too deeply", "ja": "{where}: YAML の入れ子が深すぎます"},
    # expectations
    "expect.timestamp": {
        "en": "a date/time such as 2025-04-01 09:00 or 2025/4/1",
        "ja": "日時（例: 2025-04-01 09:00、2025/4/1）",
    },
    "expect.date": {"en": "a date such as 2025-04-01", "ja": "日付（例: 2025-04-01、2025/4/1）"},
    "expect.money": {"en": "an amount such as 1200000, ¥1,200,000 or 120万円", "ja": "金額（例: 1200000、¥1,200,000、120万円）"},
    "expect.number": {"en": "a number", "ja": "数値"},
    "expect.integer": {"en": "a whole number", "ja": "整数"},
    "expect.boolean": {"en": "true/false (or yes/no, 1/0)", "ja": "真偽値（true/false、はい/いいえ、1/0）"},
    # warnings
    "warn.unknown_values": {
        "en": "{table}.{column}: {count:,} row(s) with values outside the vocabulary, kept: {values}.",
        "ja": "{table}.{column}: 語彙にない値が {count:,} 行あります（そのまま読み込みました）: {values}。",
    },
    "warn.closed_before_created": {
        "en": "{count:,} deal(s) closed before they were created (e.g. {example}).",
        "ja": "作成日より前にクローズした商談が {count:,} 件あります（例: {example}）。",
    },
    "warn.future": {
        "en": "{table}.{column}: {count:,} row(s) dated in the future (e.g. {example}).",
        "ja": "{table}.{column}: 未来の日付の行が {count:,} 件あります（例: {example}）。",
    },
    "warn.filtered": {
        "en": "{count:,} row(s) skipped by the mapping's where condition.",
        "ja": "マッピングの where 条件で {count:,} 行を除外しました。",
    },
    "hint.did_you_mean": {"en": " (did you mean '{name}'?)", "ja": "（「{name}」の誤りでは？）"},
    "hint.expected_one_of": {"en": "; expected one of: {names}", "ja": "。次のいずれかを指定してください: {names}"},
    # a name the user typed that is none of the known ones (kpiflow.errors.UnknownNameError)
    "unknown.name": {"en": "unknown {kind} '{name}'{hint}", "ja": "{kind}「{name}」はありません{hint}"},
    "unknown.option": {"en": "unknown {kind} '{name}'{hint}", "ja": "{kind} に「{name}」は指定できません{hint}"},
    "kind.of": {"en": "{thing} of {owner}", "ja": "{owner} の{thing}"},
    "kind.metric": {"en": "metric", "ja": "指標"},
    "kind.dimension": {"en": "dimension", "ja": "分析軸"},
    "kind.stage": {"en": "stage", "ja": "ステージ"},
    "kind.table": {"en": "table", "ja": "テーブル"},
    "kind.column": {"en": "column", "ja": "列"},
    "kind.period kind": {"en": "period kind", "ja": "期間の種類"},
    "kind.engine": {"en": "engine", "ja": "エンジン"},
    "kind.format": {"en": "format", "ja": "出力形式"},
    "kind.language": {"en": "language", "ja": "言語"},
    "kind.list": {"en": "list", "ja": "リスト"},
    "kind.demo size": {"en": "demo size", "ja": "デモの規模"},
    "kind.preset": {"en": "preset", "ja": "プリセット"},
    "kind.funnel unit": {"en": "funnel unit", "ja": "ファネルの単位"},
    "kind.funnel mode": {"en": "funnel mode", "ja": "ファネルのモード"},
    "kind.patterns unit": {"en": "patterns unit", "ja": "パターンの単位"},
    "kind.behaviour breakdown": {"en": "behaviour breakdown", "ja": "行動の内訳"},
    "kind.column kind": {"en": "column kind", "ja": "列の種類"},
    "kind.tree node": {"en": "tree node", "ja": "ツリーの項目"},
    "kind.analysis": {"en": "analysis", "ja": "分析"},
    "kind.blueprint": {"en": "blueprint", "ja": "ブループリント"},
    "kind.parameter": {"en": "parameter", "ja": "パラメータ"},
    "kind.hypothesis": {"en": "hypothesis", "ja": "仮説"},
    # the command line's own usage errors (kpiflow.cli): said in Japanese under --lang ja or a
    # Japanese workspace; English keeps click's wording
    "usage.no_such_option": {"en": "No such option: {option}{hint}", "ja": "オプション {option} はありません{hint}"},
    "usage.possible_options": {"en": " (Possible options: {options})", "ja": "（使えるオプション: {options}）"},
    "usage.no_such_command": {"en": "No such command '{name}'.{hint}", "ja": "コマンド「{name}」はありません。{hint}"},
    "usage.did_you_mean_command": {"en": " Did you mean {names}?", "ja": "{names} の誤りではありませんか？"},
    "usage.missing_command": {"en": "Missing command.", "ja": "コマンドを指定してください。"},
    "usage.missing_argument": {"en": "Missing argument {name}.", "ja": "引数 {name} を指定してください。"},
    "usage.missing_option": {"en": "Missing option {name}.", "ja": "オプション {name} を指定してください。"},
    "usage.choose_from": {"en": " Choose from: {choices}", "ja": "選べる値: {choices}"},
    "usage.requires_value": {"en": "Option '{option}' requires an argument.", "ja": "オプション {option} には値が必要です。"},
    "usage.takes_no_value": {"en": "Option '{option}' does not take a value.", "ja": "オプション {option} に値は指定できません。"},
    "usage.not_int": {
        "en": "Invalid value for {param}: '{value}' is not a valid integer.",
        "ja": "{param} の値「{value}」は整数ではありません。",
    },
    "usage.not_float": {
        "en": "Invalid value for {param}: '{value}' is not a valid number.",
        "ja": "{param} の値「{value}」は数値ではありません。",
    },
    "usage.bad_choice": {
        "en": "Invalid value for {param}: '{value}' is not one of {choices}.",
        "ja": "{param} に「{value}」は指定できません。次のいずれかを指定してください: {choices}",
    },
    "usage.bad_value": {"en": "Invalid value for {param}: {detail}", "ja": "{param} の値が正しくありません: {detail}"},
    "usage.extra_arguments": {"en": "Got unexpected extra argument(s) ({args})", "ja": "余分な引数があります: {args}"},
    # periods as typed (kpiflow.model.periods)
    "period.examples": {
        "en": "a fiscal year (FY2025, 2025年度), a quarter (FY2025Q3, 2025年度第3四半期), a half (FY2025H1, 2025年度上期), "
        "a month (2025-10, 2025年10月), a range of periods of one kind with both ends included "
        "(FY2024..FY2025, 2025-04..2025-09) or a date range with both ends included (2025-04-01..2025-06-30)",
        "ja": "年度（FY2025、2025年度）、四半期（FY2025Q3、2025年度第3四半期）、半期（FY2025H1、2025年度上期）、"
        "月（2025-10、2025年10月）、同じ種類の期間の範囲（両端を含む。FY2024..FY2025、2025-04..2025-09）、"
        "日付の範囲（両端を含む。2025-04-01..2025-06-30）",
    },
    "period.unreadable": {
        "en": "cannot read '{text}' as a period{hint}; expected {examples}",
        "ja": "「{text}」を期間として読めません{hint}。次のように指定してください: {examples}",
    },
    "period.unreadable_because": {
        "en": "cannot read '{text}' as a period: {reason}",
        "ja": "「{text}」を期間として読めません: {reason}",
    },
    "period.hint.calendar_quarter": {
        "en": " (did you mean FY{year}Q{number}? quarters are fiscal, counted from month {start}; "
        "for calendar quarter {number} write the range {calendar})",
        "ja": "（FY{year}Q{number} の誤りでは？ 四半期は {start} 月始まりの年度で数えます。"
        "暦年の第{number}四半期なら範囲 {calendar} と書いてください）",
    },
    "period.hint.bare_year": {
        "en": " (a bare year is ambiguous: write FY{year} for the fiscal year or {year}-01-01..{year}-12-31 for the calendar year)",
        "ja": "（年だけでは曖昧です。年度なら FY{year}、暦年なら {year}-01-01..{year}-12-31 と書いてください）",
    },
    "period.hint.single_day": {"en": " (for a single day write {day}..{day})", "ja": "（1 日だけなら {day}..{day} と書いてください）"},
    "period.hint.short_year": {"en": " (write the year in full: FY20{yy})", "ja": "（年は 4 桁で書いてください: FY20{yy}）"},
    "period.hint.all": {
        "en": " ('all' is everything the data covers: only a workspace can resolve it)",
        "ja": "（「all」はデータのある全期間で、ワークスペースがないと決まりません）",
    },
    "period.year_range": {
        "en": "year {year} is outside the supported years (1 to 9999)",
        "ja": "{year} 年は扱える年（1〜9999）の範囲外です",
    },
    "period.quarter_number": {
        "en": "a quarter is Q1, Q2, Q3 or Q4 (got Q{value}); for example FY2025Q3 or 2025年度第3四半期",
        "ja": "四半期は Q1〜Q4 です（Q{value} が指定されました）。例: FY2025Q3、2025年度第3四半期",
    },
    "period.half_number": {
        "en": "a half is H1 (上期) or H2 (下期) (got H{value}); for example FY2025H1 or 2025年度上期",
        "ja": "半期は H1（上期）か H2（下期）です（H{value} が指定されました）。例: FY2025H1、2025年度上期",
    },
    "period.month_number": {
        "en": "a month is a number from 1 to 12 (got {value}); for example 2025-10 or 2025年10月",
        "ja": "月は 1〜12 の数です（{value} が指定されました）。例: 2025-10、2025年10月",
    },
    "period.no_such_day": {
        "en": "'{text}' is not a date (year {year}, month {month}, day {day})",
        "ja": "「{text}」という日付はありません（{year} 年 {month} 月 {day} 日）",
    },
    "period.not_a_day": {
        "en": "'{text}' is not a day; expected 2025-04-01, 2025/4/1 or 2025年4月1日",
        "ja": "「{text}」を日付として読めません。2025-04-01、2025/4/1、2025年4月1日 のように書いてください",
    },
    "setting.threads": {
        "en": "KPIFLOW_THREADS is '{value}'; expected a whole number of threads from 1 to 256 (e.g. KPIFLOW_THREADS=2)",
        "ja": "KPIFLOW_THREADS が「{value}」です。1 から 256 までの整数のスレッド数を指定してください（例: KPIFLOW_THREADS=2）",
    },
    "setting.memory_limit": {
        "en": "KPIFLOW_MEMORY_LIMIT is '{value}'; expected an amount of memory of 100MB or more, such as 4GB, 512MB or 8GiB",
        "ja": "KPIFLOW_MEMORY_LIMIT が「{value}」です。4GB、512MB、8GiB のような 100MB 以上のメモリ量を指定してください",
    },
    "period.to_before_from": {
        "en": "--to {end} ends before --from {start} starts",
        "ja": "--to {end} が --from {start} の始まりより前に終わっています。--to には --from 以降の期間を指定してください",
    },
    "period.range_end": {
        "en": "'{text}' is not a day; expected 2025-04-01, 2025/4/1 or 2025年4月1日, "
        "or a period such as FY2025, FY2025Q3, FY2025H1 or 2025-10 (both ends of the same kind)",
        "ja": "「{text}」を日付としても期間としても読めません。2025-04-01、2025/4/1、2025年4月1日 のような日付か、"
        "FY2025、FY2025Q3、FY2025H1、2025-10 のような期間を書いてください（両端は同じ種類）",
    },
    "period.range_kinds": {
        "en": "both ends of a range are of the same kind: {first} is {first_kind}, {last} is {last_kind} "
        "(write FY2024..FY2025, 2025-04..2025-09 or 2025-04-01..2025-09-30)",
        "ja": "範囲の両端は同じ種類にしてください。{first} は{first_kind}、{last} は{last_kind}です"
        "（FY2024..FY2025、2025-04..2025-09、2025-04-01..2025-09-30 のように書きます）",
    },
    "period.span_kinds": {
        "en": "both ends of a range are of the same kind: {first} is {first_kind}, {last} is {last_kind} "
        "(write FY2024..FY2025 or FY2025Q1..FY2025Q3)",
        "ja": "範囲の両端は同じ種類にしてください。{first} は{first_kind}、{last} は{last_kind}です"
        "（FY2024..FY2025、FY2025Q1..FY2025Q3 のように書きます）",
    },
    "period.a.month": {"en": "a month", "ja": "月"},
    "period.a.quarter": {"en": "a quarter", "ja": "四半期"},
    "period.a.half": {"en": "a half", "ja": "半期"},
    "period.a.fy": {"en": "a fiscal year", "ja": "年度"},
    "period.a.custom": {"en": "a range", "ja": "範囲"},
    "period.a.day": {"en": "a day", "ja": "日付"},
    "period.range_backwards": {
        "en": "the range ends ({last}) before it starts ({first})",
        "ja": "範囲の終わり（{last}）が始まり（{first}）より前です",
    },
    "period.unknown_kind": {"en": "unknown period kind '{kind}'{extra}{hint}", "ja": "期間の種類「{kind}」はありません{extra}{hint}"},
    "period.custom_has_no_calendar": {
        "en": " (a custom range has no calendar of its own)",
        "ja": "（custom の範囲には固有の暦がありません）",
    },
    "window.expected": {
        "en": "expected a count and a unit, like 12m (months), 4q (quarters), 2h (halves) or 3y (fiscal years)",
        "ja": "数と単位で指定してください（12m＝12 か月、4q＝4 四半期、2h＝2 半期、3y＝3 年度）",
    },
    "window.unreadable": {
        "en": "cannot read '{spec}' as a trailing window{hint}; {expected}",
        "ja": "「{spec}」を直近の期間として読めません{hint}。{expected}",
    },
    "window.unknown_unit": {
        "en": "unknown unit '{unit}' in trailing window '{spec}'{hint}; {expected}",
        "ja": "直近の期間「{spec}」の単位「{unit}」はありません{hint}。{expected}",
    },
    "window.no_period": {
        "en": "a trailing window needs at least one period (got '{spec}'){hint}; {expected}",
        "ja": "直近の期間は 1 以上にしてください（「{spec}」が指定されました）{hint}。{expected}",
    },
    # the model file and the names it uses (kpiflow.model.semantic, config, yamlfile, targets)
    "column.unknown": {"en": "unknown column '{name}' for {base}{hint}", "ja": "{base} には列「{name}」がありません{hint}"},
    "column.unreachable": {
        "en": "table '{table}' cannot be reached from {base}{hint}",
        "ja": "テーブル「{table}」は {base} からたどれません{hint}",
    },
    "hint.reachable": {"en": "; reachable: {tables}", "ja": "。たどれるテーブル: {tables}"},
    "hint.not_a_table": {
        "en": "; '{table}' is not a table, expected one of: {tables}",
        "ja": "。「{table}」はテーブルではありません。次のいずれかを指定してください: {tables}",
    },
    "model.metric_column": {
        "en": "{kind} needs table.column; '{column}' is not a column of {table}{hint}",
        "ja": "{kind} には テーブル.列 が必要です。「{column}」は {table} の列ではありません{hint}",
    },
    "model.metric_time": {
        "en": "'{time}' is not a date/time column of {table}{hint}",
        "ja": "「{time}」は {table} の日付・時刻の列ではありません{hint}",
    },
    "model.where_on_base_only": {
        "en": "only count, count_distinct and sum metrics take a where condition",
        "ja": "where の条件を付けられるのは count、count_distinct、sum の指標だけです",
    },
    "model.formula_unknown_metric": {
        "en": "formula refers to unknown metric '{name}'{hint}",
        "ja": "式が存在しない指標「{name}」を参照しています{hint}",
    },
    "model.metric_cycle": {
        "en": "metrics depend on each other in a cycle: {path}",
        "ja": "指標が互いに依存して循環しています: {path}",
    },
    "yaml.top_level": {"en": "(top level)", "ja": "（最上位）"},
    "yaml.unknown_key": {"en": "unknown key '{key}'{hint}", "ja": "キー「{key}」はありません{hint}"},
    "yaml.allowed_keys": {"en": "; allowed: {keys}", "ja": "。使えるキー: {keys}"},
    "model.unknown_zone": {
        "en": "unknown time zone '{zone}' (expected a name like Asia/Tokyo)",
        "ja": "タイムゾーン「{zone}」はありません（Asia/Tokyo のような名前を指定してください）",
    },
    "model.one_kind": {
        "en": "a metric needs exactly one of {kinds}{found}",
        "ja": "指標には {kinds} のどれか 1 つだけが必要です{found}",
    },
    "model.found": {"en": "; found {kinds}", "ja": "（指定されているのは {kinds}）"},
    "model.ratio_options": {
        "en": "ratio_kind and window apply to ratio metrics only",
        "ja": "ratio_kind と window は ratio の指標にだけ指定できます",
    },
    "model.window": {
        "en": "window must be a number of days such as 90d (got {window})",
        "ja": "window は 90d のような日数にしてください（{window} が指定されました）",
    },
    "model.stage_twice": {"en": "stage listed twice: {stages}", "ja": "ステージが 2 回挙げられています: {stages}"},
    "model.scoring_rules": {
        "en": "scoring needs at least one fit or engagement rule",
        "ja": "scoring には fit か engagement のルールが 1 つ以上必要です",
    },
    "model.rule_name": {
        "en": "rule name '{name}': use letters, digits and _ (starting with a letter)",
        "ja": "ルール名「{name}」: 英字・数字・_ で書き、英字で始めてください",
    },
    "model.rule_twice": {
        "en": "rule '{name}' is both a fit and an engagement rule: give each rule its own name",
        "ja": "ルール「{name}」が fit と engagement の両方にあります。ルールごとに別の名前を付けてください",
    },
    "model.grade_thresholds": {
        "en": "two grades have the same lowest score: each grade needs its own threshold",
        "ja": "2 つのグレードの下限点が同じです。グレードごとに別の下限点が必要です",
    },
    "model.spark_tables": {
        "en": "engine kind spark needs tables: each canonical table's Parquet path or catalog table",
        "ja": "engine の kind が spark のときは tables が必要です（各テーブルの Parquet のパスかカタログのテーブル）",
    },
    "target.profile_kind": {
        "en": "a phasing profile is even, last_year or 12 weights (got {profile})",
        "ja": "按分の方法は even、last_year、12 個の重みのいずれかです（{profile} が指定されました）",
    },
    "target.bad_key": {
        "en": "target key '{text}': write a period (FY2026, FY2026H1, FY2026Q1, 2026-04), "
        "optionally followed by a segment (FY2026 channel=exhibition)",
        "ja": "目標のキー「{text}」: 期間（FY2026、FY2026H1、FY2026Q1、2026-04）を書き、"
        "必要ならセグメントを続けてください（FY2026 channel=exhibition）",
    },
    "target.key_reason": {"en": "target key '{text}': {reason}", "ja": "目標のキー「{text}」: {reason}"},
    "target.key_kind": {
        "en": "target key '{text}': a target is set for a fiscal year, half, quarter or month (not {period})",
        "ja": "目標のキー「{text}」: 目標は年度・半期・四半期・月に設定します（{period} には設定できません）",
    },
    "target.unknown_profile": {"en": "unknown phasing profile '{profile}'{hint}", "ja": "按分の方法「{profile}」はありません{hint}"},
    "target.profiles": {"en": "; expected {profiles} or 12 weights", "ja": "。{profiles} か 12 個の重みを指定してください"},
    "target.bad_weights": {
        "en": "phasing weights are 12 non-negative numbers, one per month from the fiscal year's first, not all zero (got {weights})",
        "ja": "按分の重みは、年度の最初の月から 1 か月ずつ 0 以上の数を 12 個です（すべて 0 は不可。{weights} が指定されました）",
    },
    # mapping files (kpiflow.io.mapping)
    "mapping.not_a_column": {
        "en": "{where}: '{name}' is not a column of {table}{hint}",
        "ja": "{where}: 「{name}」は {table} の列ではありません{hint}",
    },
    "mapping.columns": {"en": "; columns: {columns}", "ja": "。列: {columns}"},
    "mapping.other_table": {
        "en": "{where}: this mapping is for table '{mapped}', not '{table}'",
        "ja": "{where}: このマッピングはテーブル「{mapped}」用で、「{table}」用ではありません",
    },
    "mapping.not_in_file": {
        "en": "{where}: column '{name}' is not in the file{hint}",
        "ja": "{where}: 列「{name}」がファイルにありません{hint}",
    },
    "mapping.preset_table": {
        "en": "preset '{preset}' has no mapping for table '{table}'; it loads: {tables}",
        "ja": "プリセット「{preset}」にはテーブル「{table}」のマッピングがありません。読み込めるテーブル: {tables}",
    },
    # patterns' outcome and where conditions (kpiflow.analysis.patterns)
    "patterns.outcome_help": {
        "en": "an outcome is a condition on touchpoints such as \"type = 'inquiry'\", stage:<stage> (stage:opportunity) or won",
        "ja": "成果には接点（touchpoints）の条件（\"type = 'inquiry'\" など）、stage:<ステージ>（stage:opportunity）、won のいずれかを指定します",
    },
    "patterns.condition_help": {
        "en": "expected a condition on touchpoints such as \"channel <> 'sales'\"",
        "ja": "\"channel <> 'sales'\" のような接点（touchpoints）の条件を指定してください",
    },
    "patterns.unreadable": {"en": "{what}: {detail}; {help}", "ja": "{what}: {detail}。{help}"},
    "patterns.incomplete": {
        "en": "not a valid SQL condition: {text} (it is incomplete)",
        "ja": "SQL の条件として読めません: {text}（途中で終わっています）",
    },
    "patterns.forbidden": {
        "en": "{what} {text}: {name} is not allowed; use a plain condition on columns of touchpoints",
        "ja": "{what} {text}: {name}は使えません。touchpoints の列についての単純な条件にしてください",
    },
    "patterns.forbidden.subquery": {"en": "a subquery", "ja": "サブクエリ"},
    "patterns.forbidden.statement": {"en": "a statement (one condition only, without ';')", "ja": "文（条件は 1 つだけで、; は付けません）"},
    "patterns.forbidden.aggregate": {"en": "an aggregate or window function", "ja": "集計関数やウィンドウ関数"},
    "patterns.forbidden.other": {"en": "a parameter or *", "ja": "パラメータや *"},
    "patterns.other_table": {
        "en": "{what} {text}: only columns of touchpoints can be used (not {column})",
        "ja": "{what} {text}: 使えるのは touchpoints の列だけです（{column} は使えません）",
    },
    "patterns.unknown_column": {
        "en": "{what} {text}: unknown column '{name}' of touchpoints{hint}",
        "ja": "{what} {text}: touchpoints に列「{name}」はありません{hint}",
    },
    "patterns.quoted_column": {
        "en": "; text takes single quotes ('{name}'): double quotes name a column",
        "ja": "。文字列は一重引用符で囲みます（'{name}'）。二重引用符で囲むと列名になります",
    },
    "patterns.did_you_mean_type": {
        "en": "; did you mean \"type = '{name}'\"?",
        "ja": "。\"type = '{name}'\" の誤りではありませんか？",
    },
    "patterns.no_outcome": {"en": "no outcome given; {help}", "ja": "成果が指定されていません。{help}"},
    # handoff and lmdi
    "handoff.needs_stage": {
        "en": "the handoff analysis needs a contact stage named '{stage}'; stages.contact is {stages}",
        "ja": "引き渡し分析にはコンタクトのステージ「{stage}」が必要です。stages.contact は {stages} です",
    },
    "handoff.recycle_stage": {
        "en": "handoff.recycle_stage '{stage}' is not a contact stage{hint}",
        "ja": "handoff.recycle_stage の「{stage}」はコンタクトのステージではありません{hint}",
    },
    "lmdi.no_value": {"en": "no {period} value for '{metric}'{hint}", "ja": "{period}の期間に「{metric}」の値がありません{hint}"},
    "lmdi.start": {"en": "start", "ja": "開始"},
    "lmdi.end": {"en": "end", "ja": "終了"},
    # check findings
    "finding.required_null": {"en": "empty in a required column", "ja": "必須列が空です"},
    "finding.duplicate_key": {"en": "key repeated", "ja": "キーが重複しています"},
    "finding.orphan": {"en": "refers to a row that does not exist: {detail}", "ja": "参照先の行がありません: {detail}"},
    "finding.not_allowed": {"en": "values outside the allowed list: {detail}", "ja": "許可されていない値: {detail}"},
    "finding.unknown_value": {"en": "values outside the vocabulary, kept: {detail}", "ja": "語彙にない値（保持）: {detail}"},
    "finding.closed_before_created": {"en": "deals closed before they were created", "ja": "作成日より前にクローズした商談"},
    "finding.stage_order": {
        "en": "{detail}s with a stage entered before an earlier stage of the path",
        "ja": "前のステージより先に記録されたステージがある {detail}",
    },
    "finding.future": {"en": "dated in the future", "ja": "未来の日付"},
    "finding.month_end_burst": {
        "en": "deal stage updates crowded on the last 2 days of the month (owner: share) {detail}",
        "ja": "商談ステージ更新が月末2日間に集中（担当: 割合） {detail}",
    },
    # CLI labels
    "label.table": {"en": "table", "ja": "テーブル"},
    "label.rows": {"en": "rows", "ja": "行数"},
    "label.from": {"en": "from", "ja": "開始"},
    "label.to": {"en": "to", "ja": "終了"},
    "label.key": {"en": "key", "ja": "キー"},
    "label.kind": {"en": "kind", "ja": "種類"},
    "label.column": {"en": "column", "ja": "列"},
    "label.count": {"en": "count", "ja": "件数"},
    "label.detail": {"en": "detail", "ja": "詳細"},
    "label.type": {"en": "type", "ja": "型"},
    "label.required": {"en": "required", "ja": "必須"},
    "label.meaning": {"en": "meaning", "ja": "意味"},
    "label.metric": {"en": "metric", "ja": "指標"},
    "label.period": {"en": "period", "ja": "期間"},
    "label.value": {"en": "value", "ja": "値"},
    "label.counts": {"en": "counts", "ja": "件数"},
    "label.interval": {"en": "95% interval", "ja": "95%区間"},
    "label.label": {"en": "label", "ja": "名称"},
    "label.definition": {"en": "definition", "ja": "定義"},
    "label.source": {"en": "source", "ja": "対象"},
    "label.condition": {"en": "extraction condition", "ja": "抽出条件"},
    "label.time": {"en": "time", "ja": "期間の基準"},
    "label.target": {"en": "target", "ja": "目標"},
    "label.status": {"en": "status", "ja": "達成"},
    "label.last_year": {"en": "last year", "ja": "前年同期"},
    "label.change": {"en": "vs last year", "ja": "前年比"},
    "label.product": {"en": "= product", "ja": "積の一致"},
    "tree.title": {"en": "KPI tree", "ja": "KPIツリー（キーポイントマップ）"},
    "tree.legend": {
        "en": "vs last year: bold = larger than noise (the root on its own p <= 0.05, the other nodes Benjamini-Hochberg "
        "q <= 0.05); dim with ~ in front = within noise; plain = not tested (formulas, costs per lead).",
        "ja": "前年比: 太字＝誤差を超える変化（最上位は p <= 0.05、他のノードは Benjamini-Hochberg q <= 0.05）、"
        "薄字で先頭に ~＝誤差の範囲、通常＝未検定（計算式、リード単価など）。",
    },
    "label.required_volume": {"en": "required", "ja": "必要数"},
    "label.run_rate": {"en": "run rate", "ja": "現状ペース"},
    "label.gap": {"en": "gap", "ja": "不足"},
    "plan.title": {"en": "Plan", "ja": "逆算計画"},
    "plan.bad_assignment": {
        "en": "{option} expects NAME=NUMBER (e.g. win_rate=0.3), not '{item}'",
        "ja": "{option} は 名前=数値 の形で指定してください（例: win_rate=0.3）。「{item}」は読めません",
    },
    "plan.bad_scenario": {
        "en": "--scenario expects NAME:METRIC=VALUE[,METRIC=VALUE], not '{item}'",
        "ja": "--scenario は 名前:指標=値[,指標=値] の形で指定してください。「{item}」は読めません",
    },
    "plan.no_target": {
        "en": "no target for {name} in {period} in kpiflow.yaml: give one, e.g. --target revenue=600000000",
        "ja": "kpiflow.yaml に {period} の {name} の目標がありません。--target revenue=600000000 のように指定してください",
    },
    "plan.history": {"en": "rates from", "ja": "実績期間"},
    "plan.source.target": {"en": "target", "ja": "目標"},
    "plan.source.derived": {"en": "derived", "ja": "逆算"},
    "plan.source.history": {"en": "history", "ja": "実績"},
    "plan.source.override": {"en": "override", "ja": "指定"},
    "plan.budget_leads": {"en": "Budget at current cost per lead", "ja": "現状のリード獲得単価での予算"},
    "plan.budget_opportunities": {"en": "at current cost per opportunity", "ja": "商談獲得単価での予算"},
    "plan.budget_note": {
        "en": "Costs with a channel grow with the leads (or opportunities) needed, at the history's cost per lead; "
        "costs without a channel are kept at the history's level.",
        "ja": "チャネルのある費用は必要なリード数（商談数）に比例して実績の獲得単価で増やし、チャネルのない費用は実績の水準で据え置いています。",
    },
    "plan.scenario_budget": {
        "en": "Scenario {name}: budget {leads} at the cost per lead, {opportunities} at the cost per opportunity",
        "ja": "シナリオ {name}: リード獲得単価での予算 {leads}、商談獲得単価での予算 {opportunities}",
    },
    "plan.whole": {
        "en": "Volumes are whole numbers rounded up (a tenth of a deal cannot be planned); --json keeps the exact values.",
        "ja": "件数は端数を切り上げた整数です（0.1件は計画できないため）。--json は端数を含む正確な値を出力します。",
    },
    "plan.share": {"en": "share of leads", "ja": "リード構成比"},
    "plan.cpl": {"en": "cost per lead", "ja": "リード獲得単価"},
    "plan.budget": {"en": "budget", "ja": "予算"},
    "plan.channel": {"en": "channel", "ja": "チャネル"},
    "plan.no_channel": {"en": "(no channel)", "ja": "（チャネルなし）"},
    "plan.no_channel.unknown": {"en": "no category recorded", "ja": "費目の記録なし"},
    "plan.no_channel.note": {
        "en": "costs without a channel ({categories}): not bought per lead, so kept at the history's level "
        "({cost} in {window}, scaled to the plan period's length) instead of growing with the leads",
        "ja": "チャネルのない費用（{categories}）: リード単位で買う費用ではないため、リード数に比例させず実績の水準"
        "（{window} に {cost}、計画期間の長さに換算）で据え置いています",
    },
    "plan.throughput": {"en": "throughput ratio", "ja": "期間比"},
    "plan.throughput_legend": {
        "en": "throughput ratio (a ratio of period counts, not a rate to improve: the sensitivity reads its cohort conversion rate)",
        "ja": "期間比（期間の件数同士の比で、改善の対象となる率ではありません。感度はそのコホート転換率で計算します）",
    },
    "plan.throughput_over": {
        "en": "throughput ratio: above 100% because some {numerator} in the period came from {denominator} of earlier periods",
        "ja": "期間比: 期間内の{numerator}に前の期間の{denominator}からの分を含むため100%超",
    },
    "plan.sensitivity": {
        "en": "Sensitivity: what one more point of a conversion rate saves",
        "ja": "感度: 転換率を1ポイント改善すると削減できる量と費用",
    },
    "plan.sensitivity_legend": {
        "en": "A throughput ratio is improved through its cohort conversion rate c (those who entered in the history "
        "window and reached the next stage or a later one within the window): one point of c scales the ratio by (c + 1 pt) / c.",
        "ja": "期間比は、そのコホート転換率 c（実績期間に入った人・商談のうち期限内に次以降のステージへ進んだ割合）を1ポイント"
        "上げたものとして計算します（期間比は (c + 1ポイント) / c 倍）。",
    },
    "plan.cohort": {"en": "cohort", "ja": "コホート"},
    "plan.point": {"en": "+1 pt", "ja": "+1ポイント"},
    "plan.rate": {"en": "rate", "ja": "率"},
    "plan.step": {"en": "improvement", "ja": "改善幅"},
    "plan.saved": {"en": "volume saved", "ja": "削減できる件数"},
    "plan.money_saved": {"en": "money saved", "ja": "削減できる費用"},
    "plan.excluded": {"en": "No sensitivity for {rate}: {reason}", "ja": "{rate}の感度はありません: {reason}"},
    "plan.excluded.no_cohort": {
        "en": "a throughput ratio whose two sides no contact or deal links: it has no conversion rate to improve",
        "ja": "期間比で、分子と分母を同じコンタクト・商談で結べないため、改善の対象となる転換率がありません",
    },
    "plan.excluded.immature": {
        "en": "no one who entered in {window} has had the full {days}-day window yet: its cohort conversion rate is unknown",
        "ja": "{window} に入った対象のうち{days}日の期限を過ぎたものがなく、コホート転換率がまだわかりません",
    },
    "plan.excluded.zero": {
        "en": "its cohort conversion rate is 0 in {window}: a one-point gain cannot be scaled from 0",
        "ja": "{window} のコホート転換率が0のため、1ポイントの改善を換算できません",
    },
    "plan.excluded.at_top": {
        "en": "its conversion rate is {value} already: one point more would pass 100%",
        "ja": "転換率がすでに{value}で、1ポイント上げると100%を超えます",
    },
    "plan.excluded.above_100": {
        "en": "{value} is above 100%: not a rate to improve",
        "ja": "{value}は100%を超えており、改善の対象となる率ではありません",
    },
    "funnel.step": {"en": "stage", "ja": "ステージ"},
    "funnel.entered": {"en": "entered", "ja": "流入"},
    "funnel.converted": {"en": "converted", "ja": "到達"},
    "funnel.skipped": {"en": "skipped in", "ja": "飛び越し"},
    "funnel.out_of_order": {"en": "out of order", "ja": "順序不整合"},
    "funnel.lost": {"en": "lost", "ja": "失注"},
    "funnel.open": {"en": "still open", "ja": "滞留中"},
    "funnel.immature": {"en": "too young", "ja": "判定前"},
    "funnel.median_days": {"en": "median days", "ja": "中央値（日）"},
    "funnel.within": {"en": "within {days:g} days", "ja": "{days:g}日以内"},
    "funnel.title_cohort": {
        "en": "Funnel, cohort basis: who entered each stage in {period}, and reached the next or a later one",
        "ja": "ファネル（コホート基準）: {period} に各ステージへ入った対象が次以降へ進んだか",
    },
    "funnel.title_period": {
        "en": "Funnel, period basis: entries into each stage in {period}",
        "ja": "ファネル（期間基準）: {period} の各ステージへの流入数",
    },
    "explain.overlap": {
        "en": "the periods {start} and {end} overlap; explain compares two separate periods (e.g. FY2025Q2 and FY2025Q3)",
        "ja": "期間 {start} と {end} が重なっています。explain は重ならない2つの期間を比べます（例: FY2025Q2 と FY2025Q3）",
    },
    "explain.not_exact": {
        "en": "'{metric}' is not the product of {factors} in both periods, so it is not split further (`kpiflow tree` shows why)",
        "ja": "「{metric}」は両期間で {factors} の積になっていないため、これ以上分解していません（理由は `kpiflow tree` で確認できます）",
    },
    "explain.formula": {
        "en": "'{metric}' is a formula: it is not split by segment",
        "ja": "「{metric}」は計算式の指標のため、セグメント別には分解していません",
    },
    "explain.unreachable": {
        "en": "'{metric}' cannot be broken down by {dimension} (its table does not reach that column)",
        "ja": "「{metric}」は {dimension} 別に分解できません（元のテーブルからその列に届きません）",
    },
    "explain.points": {"en": "{points} pts", "ja": "{points}ポイント"},
    "explain.significant": {"en": "significant", "ja": "有意"},
    "explain.noise": {"en": "within noise", "ja": "誤差の範囲"},
    "explain.untested": {"en": "not tested", "ja": "未検定"},
    "explain.summary.total": {
        "en": "{metric} went from {value_from} in {start} to {value_to} in {end}: {change} ({relative}, {noise}).",
        "ja": "{metric}は{start}の{value_from}から{end}の{value_to}へ {change}（{relative}、{noise}）。",
    },
    "explain.summary.factor_up": {
        "en": "{contribution} of it came from {move} in {factor} ({value_from} -> {value_to}, {noise}),",
        "ja": "うち {contribution} は{factor}の{move}（{value_from} → {value_to}、{noise}）によるもので、",
    },
    "explain.summary.factor_down": {
        "en": "{contribution} of it came from {move} in {factor} ({value_from} -> {value_to}, {noise}),",
        "ja": "うち {contribution} は{factor}の{move}（{value_from} → {value_to}、{noise}）によるもので、",
    },
    "explain.summary.factor_end": {
        "en": "{contribution} of it came from {move} in {factor} ({value_from} -> {value_to}, {noise}).",
        "ja": "うち {contribution} は{factor}の{move}（{value_from} → {value_to}、{noise}）によるものです。",
    },
    "explain.summary.throughput": {
        "en": "{contribution} of it came with a change in {factor} ({value_from} -> {value_to}{over}, {noise}),",
        "ja": "うち {contribution} は{factor}の変化（{value_from} → {value_to}{over}、{noise}）によるもので、",
    },
    "explain.summary.throughput_end": {
        "en": "{contribution} of it came with a change in {factor} ({value_from} -> {value_to}{over}, {noise}).",
        "ja": "うち {contribution} は{factor}の変化（{value_from} → {value_to}{over}、{noise}）によるものです。",
    },
    "explain.throughput_over": {
        "en": "; above 100% because some {numerator} in a period came from {denominator} of earlier periods",
        "ja": "。100%超は、期間内の{numerator}に前の期間の{denominator}からの分を含むため",
    },
    "explain.throughput_mark": {"en": " (throughput ratio)", "ja": "（期間比）"},
    "explain.throughput_legend": {
        "en": "† throughput ratio: period counts divided (it passes 100% when earlier entries move on in the period); "
        "not a rate to improve: kpiflow bottleneck reads its cohort conversion rate.",
        "ja": "† 期間比: 期間の件数同士の比（前の期間に入った分がこの期間に進むと100%を超えます）。改善の対象となる率ではありません"
        "（kpiflow bottleneck はそのコホート転換率で評価します）。",
    },
    "explain.move.up.rate": {"en": "a rise", "ja": "上昇"},
    "explain.move.down.rate": {"en": "a fall", "ja": "低下"},
    "explain.move.up.volume": {"en": "an increase", "ja": "増加"},
    "explain.move.down.volume": {"en": "a decrease", "ja": "減少"},
    "explain.summary.segment": {
        "en": "{share} of that from {dimension} = {values} ({factor} {value_from} -> {value_to}, {noise}).",
        "ja": "その {share} は {dimension}＝{values}（{factor} {value_from} → {value_to}、{noise}）。",
    },
    "explain.summary.segment_over": {
        "en": "{dimension} = {values} account for more than all of that ({share}; other segments moved the other way) ({factor} {value_from} -> {value_to}, {noise}).",
        "ja": "{dimension}＝{values} だけでその全体を上回ります（{share}、他のセグメントは逆方向）（{factor} {value_from} → {value_to}、{noise}）。",
    },
    "explain.summary.rest": {
        "en": "The other factors together: {rest}.",
        "ja": "その他の要因の合計は {rest}。",
    },
    "explain.title": {"en": "Why {metric} changed: {start} -> {end}", "ja": "{metric}の変化要因: {start} → {end}"},
    "explain.factor": {"en": "factor", "ja": "要因"},
    "explain.contribution": {"en": "contribution", "ja": "寄与"},
    "explain.share": {"en": "share", "ja": "寄与率"},
    "explain.segments_title": {"en": "Where it came from (top segments)", "ja": "どこから来たか（上位セグメント）"},
    "explain.segment": {"en": "segment", "ja": "セグメント"},
    "explain.mix": {"en": "mix", "ja": "構成比要因"},
    "explain.rate": {"en": "rate", "ja": "率要因"},
    "explain.noise_column": {"en": "vs noise", "ja": "有意性"},
    "explain.more": {
        "en": "{count} more segments (--json lists all of them).",
        "ja": "ほか {count} セグメント（--json ですべて表示）。",
    },
    "exhibitions.title": {"en": "Exhibitions{period}", "ja": "展示会{period}"},
    "behaviour.title": {"en": "Web behaviour by {by}{period}", "ja": "Web行動（{by}別）{period}"},
    "patterns.title": {
        "en": "What precedes {outcome} ({unit}s, base rate {base})",
        "ja": "{outcome} の前に起きていること（単位: {unit}、ベースレート {base}）",
    },
    "patterns.pattern": {"en": "pattern", "ja": "パターン"},
    "patterns.support": {"en": "support", "ja": "該当数"},
    "patterns.confidence": {"en": "confidence", "ja": "到達率"},
    "patterns.lift": {"en": "lift (95%)", "ja": "リフト（95%）"},
    "patterns.q_value": {"en": "q", "ja": "q値"},
    "patterns.paths": {"en": "Top paths into {outcome}", "ja": "{outcome} への主な経路"},
    "patterns.none": {
        "en": "No pattern reaches the minimum support of {min_support} units.",
        "ja": "最小該当数 {min_support} を満たすパターンはありません。",
    },
    "blueprint.saved": {
        "en": "Saved {path}: {patterns} significant pattern(s) and {kpis} KPI(s).",
        "ja": "{path} に保存しました（有意なパターン {patterns} 件、KPI {kpis} 件）。",
    },
    "blueprint.follows": {
        "en": "{now} follows blueprint '{name}' ({then}): no significant departure.",
        "ja": "{now} はブループリント「{name}」（{then}）に沿っています（有意な乖離はありません）。",
    },
    "blueprint.departs": {
        "en": "{now} departs from blueprint '{name}' ({then}) in {count} place(s):",
        "ja": "{now} はブループリント「{name}」（{then}）から {count} 箇所で有意に乖離しています:",
    },
    "blueprint.item": {"en": "pattern / KPI", "ja": "パターン / KPI"},
    "blueprint.departs_mark": {"en": "departs", "ja": "乖離"},
    "blueprint.kind.pattern_frequency": {"en": "frequency", "ja": "出現率"},
    "blueprint.kind.pattern_confidence": {"en": "confidence", "ja": "到達率"},
    "blueprint.kind.kpi": {"en": "KPI", "ja": "KPI"},
    "export.written": {
        "en": "Workbook written: {path} ({sheets} sheets)",
        "ja": "ブックを書き出しました: {path}（{sheets} シート）",
    },
    "report.written": {"en": "Report written: {path}", "ja": "レポートを書き出しました: {path}"},
    "export.parquet_written": {
        "en": "Parquet written: {path} ({tables} tables, {rows:,} rows; touchpoints by month)",
        "ja": "Parquet を書き出しました: {path}（{tables} テーブル、{rows:,} 行。touchpoints は月ごと）",
    },
    "export.out_not_empty": {
        "en": "--out {path}: the folder exists and is not empty; give a new or empty folder",
        "ja": "--out {path}: フォルダーが既にあり空ではありません。新しいフォルダーか空のフォルダーを指定してください",
    },
    "export.failed": {
        "en": "could not write the export to {path}: {detail} (nothing was written)",
        "ja": "{path} に書き出せませんでした: {detail}（何も書き出していません）",
    },
    "bottleneck.title": {
        "en": "Bottlenecks in {period}: revenue gained if each rate reached its reference",
        "ja": "{period} のボトルネック: 各率が基準に達した場合の売上増",
    },
    "bottleneck.actual": {"en": "actual", "ja": "実績"},
    "bottleneck.reference": {"en": "reference", "ja": "基準"},
    "bottleneck.gain": {"en": "revenue gain", "ja": "売上増"},
    "bottleneck.range": {"en": "95% range", "ja": "95%範囲"},
    "bottleneck.source.target": {"en": "(target)", "ja": "（目標）"},
    "bottleneck.source.best-period": {"en": "(best quarter)", "ja": "（最良四半期）"},
    "bottleneck.source.best-segment": {"en": "(best segment)", "ja": "（最良セグメント）"},
    "analyses.name": {"en": "command", "ja": "コマンド"},
    "analyses.what": {"en": "what it answers", "ja": "内容"},
    "analyses.params": {"en": "parameters (default)", "ja": "パラメータ（既定値）"},
    "analyses.faces": {"en": "faces", "ja": "表示先"},
    "workspace.busy": {
        "en": "{path}: another process is writing to the workspace (a `kpiflow load` is running?) and still held it "
        "after {seconds} s. Wait for it to finish and run the command again.",
        "ja": "{path}: 別のプロセスがワークスペースに書き込み中です（kpiflow load の実行中？）。{seconds} 秒待っても"
        "終わりませんでした。終わるのを待ってから、もう一度実行してください。",
    },
    "workspace.read_only": {
        "en": "{path}: the workspace was opened read-only; open it without read_only to load data.",
        "ja": "{path}: ワークスペースを読み取り専用で開いています。データを読み込むには read_only を付けずに開いてください。",
    },
    "workspace.no_database": {
        "en": "{path}: the database file is missing; run `kpiflow init --force` in the folder, then load the data again.",
        "ja": "{path}: データベースファイルがありません。フォルダで `kpiflow init --force` を実行し、データを読み込み直してください。",
    },
    "ratio.throughput": {"en": "throughput ratio", "ja": "期間比"},
    "ratio.above_100": {"en": "above 100%: earlier entries moved on", "ja": "100%超: 前期以前の分が今期に進んだため"},
    "ratio.throughput_footnote": {
        "en": "A throughput ratio divides two counts of the same period (e.g. SQLs entered / MQLs entered): the SQLs need "
        "not come from those MQLs, so it has no binomial interval and can pass 100%. The rate to improve is its cohort "
        "conversion rate: see kpiflow bottleneck and kpiflow funnel.",
        "ja": "期間比は同じ期間の件数同士の比です（例: 期間内のSQL数 ÷ 期間内のMQL数）。分子が分母の内数とは限らないため"
        "二項の信頼区間はなく、100%を超えることもあります。改善の対象はコホートの転換率です（kpiflow bottleneck、"
        "kpiflow funnel を参照）。",
    },
    "bottleneck.cohort": {"en": "cohort, {days}d", "ja": "コホート {days}日以内"},
    "bottleneck.footnote": {
        "en": "Conversion rates only: a throughput ratio (period counts, may pass 100%) is read as its cohort "
        "(those who entered in the period and reached the next stage or a later one within the window; immature "
        "members left out). The best quarter or segment is shrunk toward the overall rate; [ ] is its 95% interval.",
        "ja": "転換率だけを比べます。期間比（期間の件数同士の比。100%を超えうる）は、期間内に入った人・商談が期限内に"
        "次以降のステージへ進んだ割合（コホート）で読み替えます（期限が未到来のものは除外）。最良の四半期・セグメントは"
        "全体の率へ縮小推定した値で、[ ] はその95%区間です。",
    },
    "bottleneck.excluded": {"en": "Not ranked: {rate}: {reason}", "ja": "順位付けの対象外: {rate}: {reason}"},
    "handoff.title": {
        "en": "Handoff of MQLs to sales ({period}; follow-up SLA {hours:g} h)",
        "ja": "マーケティングから営業への引き渡し（{period}、フォローSLA {hours:g} 時間）",
    },
    "handoff.all": {"en": "all periods", "ja": "全期間"},
    "handoff.total": {"en": "total", "ja": "全体"},
    "handoff.speed": {
        "en": "SQL rate when the SLA was met: {met:.1%}; when missed: {missed:.1%} (p = {p:.3f}).",
        "ja": "SLAを守ったMQLのSQL化率 {met:.1%}、守れなかったMQL {missed:.1%}（p = {p:.3f}）。",
    },
    "velocity.title": {"en": "Nurturing period: days between stages", "ja": "育成期間: ステージ間の日数"},
    "velocity.median": {"en": "median days", "ja": "中央値（日）"},
    "velocity.skip": {"en": "{step} (skipping stages)", "ja": "{step}（飛び越し）"},
    "velocity.journey": {
        "en": "Standard journey (cumulative median days): {steps}; lead to won, median {total} days.",
        "ja": "標準ジャーニー（中央値の累計日数）: {steps}。リードから受注まで中央値 {total} 日。",
    },
    "lists.days": {"en": "days", "ja": "日数"},
    "lists.standard": {"en": "standard", "ja": "標準"},
    "lists.title_nurture": {
        "en": "To nurture: {count:,} open leads slower than the standard",
        "ja": "育成対象: 標準より滞留している未完了リード {count:,} 件",
    },
    "lists.title_fast": {
        "en": "To hand to sales now: {count:,} leads faster than the standard",
        "ja": "今すぐ営業へ: 標準より速く進んでいるリード {count:,} 件",
    },
    "lists.written": {"en": "{count:,} rows written to {path}", "ja": "{count:,} 行を {path} に書き出しました"},
    "touch.title": {"en": "Touchpoint funnel ({mode}, per {unit})", "ja": "接点ファネル（{mode}、{unit}単位）"},
    "touch.condition": {"en": "step", "ja": "ステップ"},
    "touch.from_start": {"en": "from step 1", "ja": "開始から"},
    "touch.median_hours": {"en": "median hours", "ja": "所要時間の中央値（時間）"},
    # periods the data covers, and conditions that match nothing
    "period.outside": {
        "en": "{period} is outside the {data}: it covers {covered} ({first_day} to {last_day}); "
        "choose a period within it, or all",
        "ja": "{period} は{data}の範囲外です。{data}があるのは {covered}（{first_day}〜{last_day}）です。"
        "範囲内の期間か all を指定してください。",
    },
    "period.covered": {"en": "{first} to {last}", "ja": "{first}〜{last}"},
    "period.data": {"en": "data", "ja": "データ"},
    "period.data_of": {"en": "{tables} data", "ja": "{tables} のデータ"},
    "period.no_data": {
        "en": "'{text}' means everything the data covers, and there is no data yet: load some first (kpiflow load)",
        "ja": "「{text}」はデータのある全期間を指しますが、まだデータがありません。先に kpiflow load で読み込んでください。",
    },
    "match.step": {"en": "step {number}", "ja": "ステップ{number}"},
    "match.outcome": {"en": "outcome", "ja": "成果（--outcome）"},
    "match.none": {
        "en": "{what} `{condition}` matches no touchpoint in the data{hints}",
        "ja": "{what}「{condition}」に当てはまる接点がデータにありません{hints}",
    },
    "match.did_you_mean": {"en": "; did you mean {values}?", "ja": "。{values} の誤りではありませんか？"},
    "match.values": {"en": " (values of {column}: {values})", "ja": "（{column} の値: {values}）"},
    "match.none_in_period": {
        "en": "{what} `{condition}` matches no touchpoint in {period} (it does in other periods)",
        "ja": "{what}「{condition}」は {period} に当てはまる接点がありません（他の期間にはあります）",
    },
    "check.title": {"en": "Workspace {path}", "ja": "ワークスペース {path}"},
    "check.ok": {"en": "The data keeps the contract.", "ja": "データは契約（データ定義）を満たしています。"},
    "check.violations": {"en": "Contract violations: {count}", "ja": "契約違反: {count} 件"},
    "check.warnings": {"en": "Warnings (loaded, but worth a look): {count}", "ja": "注意（読み込み済み・要確認）: {count} 件"},
    "init.done": {
        "en": "Created workspace {path} (model {model}, database {database}).",
        "ja": "ワークスペース {path} を作成しました（モデル {model}、データベース {database}）。",
    },
    "init.spark_tables": {
        "en": "--engine spark and --tables go together: give --tables FOLDER (written by `kpiflow export --format parquet`) with --engine spark",
        "ja": "--engine spark と --tables は一緒に指定します: --engine spark には --tables フォルダー（`kpiflow export --format parquet` の出力）を指定してください",
    },
    "init.no_tables": {
        "en": "--tables {path}: no exported table here (expected folders such as deals/ and touchpoints/ holding Parquet files)",
        "ja": "--tables {path}: 書き出されたテーブルがありません（deals/ や touchpoints/ など Parquet を含むフォルダーが必要です）",
    },
    "init.exists": {
        "en": "{path} already exists; use --force to overwrite it",
        "ja": "{path} は既にあります。上書きするには --force を指定してください",
    },
    "init.spark_done": {
        "en": "Created workspace {path}: analyses run on Spark over {tables} tables in {folder} (see the engine section of kpiflow.yaml).",
        "ja": "ワークスペース {path} を作成しました: 分析は {folder} の {tables} テーブルを Spark で実行します（kpiflow.yaml の engine 欄）。",
    },
    "spark.no_pyspark": {
        "en": "kpiflow.yaml says engine: spark, but PySpark is not installed: pip install 'kpiflow[spark]' (or pyspark), or set engine kind: duckdb",
        "ja": "kpiflow.yaml は engine: spark ですが PySpark がありません: pip install 'kpiflow[spark]'（または pyspark）を実行するか engine の kind を duckdb にしてください",
    },
    "spark.no_java": {
        "en": "kpiflow.yaml says engine: spark, but Java is not found: install Java 17 (or set JAVA_HOME)",
        "ja": "kpiflow.yaml は engine: spark ですが Java が見つかりません: Java 17 を入れるか JAVA_HOME を設定してください",
    },
    "spark.table_failed": {
        "en": "engine.tables.{table}: Spark cannot read {source}: {detail}",
        "ja": "engine.tables.{table}: Spark が {source} を読めません: {detail}",
    },
    "demo.done": {
        "en": "Demo workspace {path} ({size}) built in {seconds:.1f} s:",
        "ja": "デモ用ワークスペース {path}（{size}）を {seconds:.1f} 秒で作成しました:",
    },
    "demo.headline": {
        "en": "Headline KPIs by fiscal year (rates with 95% intervals)",
        "ja": "年度別の主要KPI（率は95%区間つき）",
    },
    "demo.next": {"en": "Next: kpiflow tree --period FY2025 -w {path}", "ja": "次に: kpiflow tree --period FY2025 -w {path}"},
    "serve.running": {
        "en": "kpiflow dashboard on {url} (Ctrl+C to stop)",
        "ja": "kpiflow ダッシュボード: {url}（Ctrl+C で停止）",
    },
    "serve.running_token": {
        "en": "kpiflow dashboard on {url} (Ctrl+C to stop): open it once as {url}?token=<your token>; a cookie keeps it afterwards",
        "ja": "kpiflow ダッシュボード: {url}（Ctrl+C で停止）。一度だけ {url}?token=<トークン> で開くと、以後は Cookie が保持します",
    },
    "serve.port_in_use": {
        "en": "port {port} is in use: is kpiflow serve already running? try --port {free}",
        "ja": "ポート {port} は使用中です。kpiflow serve がすでに起動していませんか？ --port {free} を試してください。",
    },
    "serve.cannot_listen": {
        "en": "cannot listen on {address} ({reason}); check --host (an address of this machine) and --port",
        "ja": "{address} で待ち受けできません（{reason}）。--host（このマシンのアドレス）と --port を確認してください。",
    },
    "serve.needs_token": {
        "en": "refusing to serve on {host}: other machines could read the workspace; give a token "
        "(--token or KPIFLOW_TOKEN, e.g. python -c 'import secrets; print(secrets.token_urlsafe())') or use --host 127.0.0.1",
        "ja": "{host} では公開しません: 他のマシンからワークスペースを読めてしまいます。トークンを指定するか（--token または "
        "KPIFLOW_TOKEN。例: python -c 'import secrets; print(secrets.token_urlsafe())'）、--host 127.0.0.1 を使ってください。",
    },
    "serve.bad_host_name": {
        "en": "{option} '{name}' is not a host name; expected a name such as dashboard.example or an address "
        "such as 192.168.1.10, optionally with :port",
        "ja": "{option}「{name}」はホスト名ではありません。dashboard.example のような名前か 192.168.1.10 のようなアドレス"
        "（:ポート 付きも可）を指定してください。",
    },
    "dashboard.host_refused": {
        "en": "This dashboard answers only at the names it is bound to (127.0.0.1, localhost, [::1] and its --host). "
        "To open it under another name, start it with --allow-host NAME.",
        "ja": "このダッシュボードは起動時のアドレス（127.0.0.1、localhost、[::1] と --host）でのみ応答します。"
        "別の名前で開くには --allow-host 名前 を付けて起動してください。",
    },
    "dashboard.host_refused_title": {"en": "Unknown address", "ja": "不明なアドレス"},
    "dashboard.token_required": {
        "en": "This dashboard needs its token: open its address once with ?token=... (a cookie keeps it afterwards), "
        "or send the header 'Authorization: Bearer ...'.",
        "ja": "このダッシュボードにはトークンが必要です。一度だけアドレスに ?token=... を付けて開いてください"
        "（以後は Cookie が保持します）。スクリプトからは 'Authorization: Bearer ...' ヘッダーを送ってください。",
    },
    "dashboard.token_required_title": {"en": "Token required", "ja": "トークンが必要です"},
    "dashboard.busy": {
        "en": "A load is running (kpiflow load is writing the data): try again in a few seconds.",
        "ja": "データの読み込み（kpiflow load）が実行中です。数秒後にもう一度お試しください。",
    },
    "dashboard.busy_reload": {
        "en": "This page reloads itself.",
        "ja": "このページは自動で再読み込みします。",
    },
    "dashboard.busy_title": {"en": "Updating the data", "ja": "データを更新中"},
    # the condition language (kpiflow.model.conditions) and the model's checks
    "condition.empty": {
        "en": "a condition is needed, such as outcome = 'won'",
        "ja": "条件が必要です（例: outcome = 'won'）",
    },
    "condition.nul": {
        "en": "the condition holds a NUL character (\\0); remove it",
        "ja": "条件に NUL 文字（\\0）が含まれています。削除してください",
    },
    "condition.too_long": {
        "en": "the condition is longer than {limit:,} characters",
        "ja": "条件が長すぎます（{limit:,} 文字まで）",
    },
    "condition.too_deep": {
        "en": "the condition is nested more than {limit} levels deep",
        "ja": "条件の入れ子が深すぎます（{limit} 段まで）",
    },
    "condition.unclosed": {
        "en": "a quote or comment is not closed in {text!r}: text takes single quotes on both sides ('won')",
        "ja": "{text!r} の引用符かコメントが閉じていません。文字列は両側を一重引用符で囲みます（'won'）",
    },
    "condition.invalid": {
        "en": "not a valid SQL condition: {text!r} ({detail})",
        "ja": "SQL の条件として読めません: {text!r}（{detail}）",
    },
    "condition.incomplete": {"en": "it is incomplete", "ja": "途中で終わっています"},
    "condition.at_column": {"en": ", column {column}", "ja": "、{column} 文字目"},
    "condition.refused": {"en": "{what} is not allowed in a condition. {allowed}", "ja": "条件には{what}を使えません。{allowed}"},
    "condition.allowed": {
        "en": "A condition may use columns, values, comparisons (= <> < <= > >=), AND/OR/NOT, IN (a list of values), "
        "BETWEEN, LIKE/ILIKE, IS [NOT] NULL, CASE, arithmetic (+ - * / %), CAST and the functions listed in docs/security.md",
        "ja": "条件に使えるのは列、値、比較（= <> < <= > >=）、AND/OR/NOT、IN（値の一覧）、BETWEEN、LIKE/ILIKE、"
        "IS [NOT] NULL、CASE、四則演算（+ - * / %）、CAST と docs/security.md に挙げた関数です",
    },
    "condition.functions": {
        "en": "Allowed functions: text {text}; dates {date}; numbers {number}",
        "ja": "使える関数: 文字列 {text}、日付 {date}、数値 {number}",
    },
    "condition.what.statement": {
        "en": "a statement (one condition only, without ';' or SELECT)",
        "ja": "文（SELECT や ';' を含まない条件を 1 つだけ書いてください）",
    },
    "condition.what.subquery": {"en": "a subquery", "ja": "サブクエリ（SELECT …）"},
    "condition.what.window": {"en": "a window function (OVER ...)", "ja": "ウィンドウ関数（OVER …）"},
    "condition.what.aggregate": {
        "en": "the aggregate {name}() (a condition looks at one row at a time)",
        "ja": "集計関数 {name}()（条件は 1 行ずつ判定します）",
    },
    "condition.what.parameter": {"en": "the parameter {name}", "ja": "パラメータ {name}"},
    "condition.what.star": {"en": "*", "ja": "*"},
    "condition.what.function": {"en": "the function {name}()", "ja": "関数 {name}()"},
    "condition.what.syntax": {"en": "`{sql}`", "ja": "`{sql}`"},
    "condition.what.name": {
        "en": "the name {name} (a column is written column or table.column)",
        "ja": "名前 {name}（列は「列名」または「テーブル名.列名」で書きます）",
    },
    "condition.what.type": {
        "en": "a cast to {name} (CAST takes {types})",
        "ja": "{name} への CAST（CAST できる型: {types}）",
    },
    "condition.in_list": {
        "en": "IN takes a list of values, such as channel IN ('web', 'seminar')",
        "ja": "IN には値の一覧を書きます（例: channel IN ('web', 'seminar')）",
    },
    "condition.value": {
        "en": "{value} cannot be compared with {column}, which holds {kind}",
        "ja": "{value} は {column}（{kind}）と比較できません",
    },
    "condition.kind.integer": {"en": "whole numbers (write 5, not '5x')", "ja": "整数です。5 のように書いてください"},
    "condition.kind.number": {"en": "numbers (write 1.5, not 'abc')", "ja": "数値です。1.5 のように書いてください"},
    "condition.kind.money": {"en": "amounts (write 1000000, not 'abc')", "ja": "金額です。1000000 のように書いてください"},
    "condition.kind.timestamp": {
        "en": "date-times (write '2025-04-01' or '2025-04-01 09:00')",
        "ja": "日時です。'2025-04-01' や '2025-04-01 09:00' のように書いてください",
    },
    "condition.kind.date": {"en": "dates (write '2025-04-01')", "ja": "日付です。'2025-04-01' のように書いてください"},
    "condition.kind.boolean": {"en": "true/false (write true or false)", "ja": "真偽値です。true か false と書いてください"},
    "condition.kind.text": {
        "en": "text (quote the value: channel = 'web')",
        "ja": "文字列です。値を引用符で囲んでください（channel = 'web'）",
    },
    "formula.empty": {
        "en": "a formula is needed, such as (revenue - cost) / cost",
        "ja": "式が必要です（例: (revenue - cost) / cost）",
    },
    "formula.refused": {
        "en": "a formula may use metric names, numbers, + - * / and parentheses, not `{what}`",
        "ja": "式に使えるのは指標名、数値、+ - * / と括弧だけです（`{what}` は使えません）",
    },
    "tree.self": {
        "en": "'{name}' is listed as a factor of itself",
        "ja": "「{name}」が自分自身の要素として挙げられています",
    },
    "tree.cycle": {
        "en": "the tree goes round in a cycle: {path}; a factor cannot contain the node it explains",
        "ja": "ツリーが循環しています: {path}。要素の下に、それが説明する指標を置くことはできません",
    },
    "table.more": {
        "en": "{count:,} more rows ({option} shows more; --json has them all).",
        "ja": "ほか {count:,} 行（{option} で表示数を変更、--json ですべて表示）。",
    },
    "table.left_out": {
        "en": "Left out to fit {width} columns: {columns} (--wide shows every column).",
        "ja": "端末の幅（{width} 桁）に収めるため省略した列: {columns}（--wide ですべて表示）",
    },
    "labels.unknown": {
        "en": "labels: '{name}' is not a dimension of the model{hint}; label the values of a dimension ({known}) or of stage",
        "ja": "labels: 「{name}」はモデルの分析軸ではありません{hint}。ラベルを付けられるのは分析軸（{known}）と stage の値です",
    },
    "labels.unknown_stage": {
        "en": "labels: '{name}' is not a stage of the model{hint}; the stages are {known}",
        "ja": "labels: 「{name}」はモデルのステージではありません{hint}。ステージは {known} です",
    },
    "labels.hint": {"en": " (did you mean '{name}'?)", "ja": "（もしかして「{name}」？）"},
    "engine.failed": {
        "en": "the database could not run this: {detail}",
        "ja": "データベースが処理を実行できませんでした: {detail}",
    },
    "engine.condition_hint": {
        "en": "A condition (a `where` in kpiflow.yaml, or --where, --step, --exclude, --outcome) may compare a column "
        "with a value of another type, such as amount > 'abc'.",
        "ja": "条件（kpiflow.yaml の where や --where、--step、--exclude、--outcome）で、列と型の違う値を比べている"
        "可能性があります（例: amount > 'abc'）。",
    },
    "debug.hint": {"en": "(run with --debug for the technical details)", "ja": "（技術的な詳細は --debug を付けて実行）"},
    # the lead quality score (kpiflow score)
    "score.no_rules": {
        "en": "kpiflow.yaml has no scoring: section: add fit and engagement rules (see docs/scoring.md)",
        "ja": "kpiflow.yaml に scoring: がありません。属性（fit）と行動（engagement）のルールを書いてください（docs/scoring.md）",
    },
    "score.bad_rule": {
        "en": "{place}: scoring.{group}.{rule}.where: rule '{rule}' cannot be used: {problem}",
        "ja": "{place}: scoring.{group}.{rule}.where: ルール「{rule}」は使えません: {problem}",
    },
    "score.bad_date": {
        "en": "{option}: '{value}' is not a date; expected YYYY-MM-DD or 'YYYY-MM-DD HH:MM'",
        "ja": "{option}: 「{value}」は日付ではありません。YYYY-MM-DD または 'YYYY-MM-DD HH:MM' の形で指定してください",
    },
    "score.bad_days": {
        "en": "{option}: '{value}' is not a number of days; expected e.g. 90d",
        "ja": "{option}: 「{value}」は日数ではありません。90d のように指定してください",
    },
    "score.no_data": {
        "en": "no contacts yet: load contacts (and touchpoints) before scoring",
        "ja": "コンタクトがまだありません。スコアの前にコンタクト（と接点）を読み込んでください",
    },
    "score.unknown_contact": {
        "en": "unknown contact '{contact}'{hint}",
        "ja": "コンタクト「{contact}」は見つかりません{hint}",
    },
    "score.not_yet": {
        "en": "contact '{contact}' was created at {created}, not before {as_of}: it has no score as of then",
        "ja": "コンタクト「{contact}」の登録は {created} で、{as_of} より前ではありません。その時点のスコアはありません",
    },
    "score.unknown_grade": {
        "en": "--grade: unknown grade '{grade}'{hint}; the grades in kpiflow.yaml are {known}",
        "ja": "--grade: 「{grade}」というグレードはありません{hint}。kpiflow.yaml のグレードは {known} です",
    },
    "score.no_grades": {
        "en": "--grade: kpiflow.yaml's scoring: has no grades: add e.g. grades: {{A: 60, B: 30, C: 0}}",
        "ja": "--grade: kpiflow.yaml の scoring: に grades がありません。例: grades: {{A: 60, B: 30, C: 0}}",
    },
    "score.unknown_target": {
        "en": "--target: unknown target '{target}'{hint}; expected one of: sql, opportunity, won",
        "ja": "--target: 「{target}」は使えません{hint}。sql、opportunity、won のいずれかです",
    },
    "score.target_stage": {
        "en": "--target {target}: the model's contact stages ({stages}) have no stage '{target}'",
        "ja": "--target {target}: モデルのコンタクトステージ（{stages}）に「{target}」がありません",
    },
    "score.bad_dimension": {
        "en": "--by: {problem}",
        "ja": "--by: {problem}",
    },
    "score.too_few": {
        "en": "score fit: too few outcomes to fit: {positives} of {leads} training leads ({start} .. {end}) reached {target} "
        "within {within}, and {test_positives} of {test_leads} test leads; a fit needs at least {need} in training and "
        "some of both kinds in the test",
        "ja": "score fit: 学習に足りる成果がありません。学習用リード {leads} 件（{start} 〜 {end}）のうち {within} 以内に {target} "
        "に達したのは {positives} 件、検証用 {test_leads} 件では {test_positives} 件です。学習には {need} 件以上、検証には成果の"
        "有無の両方が必要です",
    },
    "score.written": {
        "en": "{count:,} leads written to {path} (UTF-8 with BOM, for Excel).",
        "ja": "{count:,} 件のリードを {path} に書き出しました（Excel 用 BOM 付き UTF-8）。",
    },
    "score.as_of": {"en": "Scores as of {as_of} (facts strictly before it)", "ja": "{as_of} 時点のスコア（それより前の事実のみ）"},
    "score.explain_total": {
        "en": "{contact}: score {score} = fit {fit} + engagement {engagement}{grade}, as of {as_of}",
        "ja": "{contact}: スコア {score} = 属性 {fit} + 行動 {engagement}{grade}（{as_of} 時点）",
    },
    "score.quality_note": {
        "en": "Each lead is scored {after} after its creation (its decision time) and followed for {within}: converted = reached "
        "{target} in that window. Leads whose window ends after the data ({end}) or that reached {target} before their "
        "decision time are left out. Grade * counts every grade.",
        "ja": "各リードを登録の {after} 後（判断時点）のスコアで評価し、その後 {within} 以内に {target} に達したかを数えています。"
        "期間がデータの終わり（{end}）を越えるリードと、判断時点より前に {target} に達したリードは除いています。グレード * は全体です。",
    },
    "score.deciles": {
        "en": "Test leads by decile of the fitted score ({target} within {within})",
        "ja": "検証用リードの予測スコア十分位（{within} 以内の {target}）",
    },
    "score.fit_summary": {
        "en": "Out-of-time AUC {auc} (95% CI {low} - {high}) on {test_leads:,} test leads ({test_from} .. {test_to}); "
        "random-split AUC {random} (for comparison only: it mixes past and future); Brier {brier}",
        "ja": "時系列で分けた検証の AUC {auc}（95%区間 {low} 〜 {high}、検証用リード {test_leads:,} 件、{test_from} 〜 {test_to}）。"
        "ランダム分割の AUC {random}（参考: 過去と未来が混ざります）。Brier {brier}",
    },
    # customer value (issue 19)
    "clv.no_purchases": {
        "en": "no purchases to model: load won deals or orders first (kpiflow load orders.csv orders).",
        "ja": "モデル化する購買がありません。先に受注した商談か注文を読み込んでください（kpiflow load orders.csv orders）。",
    },
    "clv.too_few": {
        "en": "too few customers to fit the model in {period}: {customers:,} customer(s), {repeat:,} of them bought again "
        "(choose a longer --period).",
        "ja": "{period} ではモデルを当てはめるには顧客が少なすぎます: 顧客 {customers:,} 社、うち再購買 {repeat:,} 社"
        "（--period を長くしてください）。",
    },
    "clv.holdout_overlaps": {
        "en": "--holdout {holdout} must start after the calibration period ends ({end}).",
        "ja": "--holdout {holdout} は当てはめ期間の終わり（{end}）より後に始まる期間にしてください。",
    },
    "clv.fitted": {
        "en": "{model} fitted on {customers:,} customers whose first purchase falls in {period} (time in {unit}s)",
        "ja": "{period} に初回購買した顧客 {customers:,} 社に {model} を当てはめました（時間の単位: {unit}）",
    },
    "clv.holdout": {
        "en": "Holdout {period}: mean repeat purchases per customer, by purchases in the calibration (x); * is the total",
        "ja": "検証期間 {period}: 当てはめ期間の再購買回数（x）別の、顧客1社あたりの再購買回数の実績と予測（* は合計）",
    },
    "economics.bad_horizon": {
        "en": "--horizon {value}: expected a number of months or years, e.g. 36m or 3y.",
        "ja": "--horizon {value}: 月数か年数を指定してください（例: 36m、3y）。",
    },
    "economics.no_categories": {
        "en": "--costs names no category: give marketing, all, or categories such as media,event.",
        "ja": "--costs に費目がありません。marketing、all、または media,event のように指定してください。",
    },
    "economics.note": {
        "en": "New customers: accounts whose first won deal closed in {period}. CAC counts costs of {categories} "
        "(cac_all: every category). LTV: won deals and orders in the {months} months from acquisition, each month's mean "
        "over the customers observed in it. Gross margin: orders' own; won deals at {margin}. Intervals: bootstrap over "
        "new customers. Row overhead: costs that name no segment; row *: every new customer.",
        "ja": "新規顧客: 初回受注が {period} の企業。CAC は {categories} の費用（cac_all は全費目）。LTV: 獲得から {months} か月の"
        "受注と注文の累計（各月はその月を観測できた顧客の平均）。粗利: 注文は各自の粗利、商談は {margin}。区間: 新規顧客の"
        "ブートストラップ。overhead 行: どのセグメントにも属さない費用。* 行: 新規顧客全体。",
    },
    "economics.revenue": {"en": "revenue (no order has a gross margin)", "ja": "売上（粗利のある注文がないため）"},
    "clv.no_dropout": {
        "en": "The fitted chance of dropping out after a purchase is about {share}: in these data customers appear never to "
        "stop buying (BG/NBD at its limit, a negative binomial); a and b then only fix that ratio.",
        "ja": "購買後に離脱する確率の推定は約 {share} です。このデータでは顧客が離脱しないように見えます（BG/NBD の極限: "
        "負の二項分布）。a と b はその比だけが意味を持ちます。",
    },
    "clv.no_value": {
        "en": "No predicted value: {repeat} customer(s) bought again with a positive amount, the Gamma-Gamma model needs 2 or more.",
        "ja": "予測価値は出せません: 正の金額で再購買した顧客が {repeat} 社です（Gamma-Gamma モデルには2社以上が必要）。",
    },
    "clv.bad_discount": {
        "en": "--discount {value}: expected a yearly rate such as 0.1 or 10%.",
        "ja": "--discount {value}: 年率で指定してください（例: 0.1、10%）。",
    },
    "clv.holdout_renewals": {
        "en": "Holdout {period}: mean renewals per customer, by renewals in the calibration (x); * is the total",
        "ja": "検証期間 {period}: 当てはめ期間の更新回数（x）別の、顧客1社あたりの更新回数の実績と予測（* は合計）",
    },
    "clv.non_positive": {
        "en": "{count:,} repeat buyer(s) have a mean purchase value of zero or less: the Gamma-Gamma model needs positive amounts.",
        "ja": "再購買の平均金額が 0 以下の顧客が {count:,} 社あります。Gamma-Gamma モデルには正の金額が必要です。",
    },
    # -- attribution (issue 20) --
    "attribution.bad_duration": {
        "en": "{option} {value}: expected a number of days, weeks or hours such as 90d, 12w or 36h.",
        "ja": "{option} {value}: 90d、12w、36h のように日数・週数・時間数で指定してください。",
    },
    "attribution.bad_order": {
        "en": "--order {value}: the Markov chain's order is 1, 2 or 3.",
        "ja": "--order {value}: マルコフ連鎖の次数は 1、2、3 のいずれかです。",
    },
    "attribution.no_file": {
        "en": "--paths {file}: no such file.",
        "ja": "--paths {file}: ファイルが見つかりません。",
    },
    "attribution.unreadable": {
        "en": "{file}: not a text file in UTF-8 or CP932 (a path-count file is text: path;total_conversions;total_conversion_value;total_null).",
        "ja": "{file}: UTF-8 または CP932 のテキストとして読めません（経路ファイルは path;total_conversions;total_conversion_value;total_null のテキストです）。",
    },
    "attribution.empty_paths": {
        "en": "{file}: no paths (expected a header and one row per path).",
        "ja": "{file}: 経路の行がありません（見出し行と経路ごとの行が必要です）。",
    },
    "attribution.bad_header": {
        "en": "{file}, row 1: the header is '{found}'; expected '{expected}' separated by ';' (path and total_conversions first).",
        "ja": "{file} 1 行目: 見出しが「{found}」です。「{expected}」を ; 区切りで指定してください（path と total_conversions が先頭）。",
    },
    "attribution.bad_width": {
        "en": "{file}, row {row}: {found} column(s) where the header has {expected} (columns are separated by ';').",
        "ja": "{file} {row} 行目: 列が {found} 個あります（見出しは {expected} 列、区切りは ;）。",
    },
    "attribution.bad_cell": {
        "en": "{file}, row {row}, column '{column}': '{value}' is not {expected}.",
        "ja": "{file} {row} 行目、列「{column}」: 「{value}」は{expected}ではありません。",
    },
    "attribution.whole": {"en": "a whole number of journeys (0 or more)", "ja": "0 以上の整数（道のりの数）"},
    "attribution.amount": {"en": "an amount of 0 or more", "ja": "0 以上の金額"},
    "attribution.a_path": {"en": "a path of channels joined by ' > ' (a > b > c)", "ja": "チャネルを ' > ' でつないだ経路（a > b > c）"},
    "attribution.needs_milestones": {
        "en": "{model} needs each journey's lead and opportunity creation touches, which a path-count file does not carry: use touchpoints.",
        "ja": "{model}は道のりごとのリード獲得・商談化の接点が必要ですが、経路ファイルにはありません。接点データから計算してください。",
    },
    "attribution.needs_ages": {
        "en": "Time decay needs each touch's time before the conversion, which a path-count file does not carry: use touchpoints.",
        "ja": "時間減衰モデルは各接点から成果までの時間が必要ですが、経路ファイルにはありません。接点データから計算してください。",
    },
    "attribution.too_many_channels": {
        "en": "Shapley values are computed exactly for at most {most} channels; the journeys have {count}: group channels or choose another model.",
        "ja": "シャープレイ値の厳密計算はチャネル {most} 個までです（道のりには {count} 個あります）。チャネルをまとめるか別のモデルを選んでください。",
    },
    "attribution.from_touches": {
        "en": "touchpoints (outcome {outcome}, per {unit}, {lookback} lookback)",
        "ja": "接点データ（成果 {outcome}、単位 {unit}、遡る期間 {lookback}）",
    },
    "attribution.note": {
        "en": "Journeys from {source}. Intervals: a bootstrap of {draws} resamples of the journeys (seeded); a channel in fewer than {small} converting journeys is marked small. ROAS is attributed value / cost, a ratio.",
        "ja": "道のり: {source}。区間は道のりの再標本化（{draws} 回、乱数固定）による95%区間。成果に至った道のりが {small} 未満のチャネルは少数として印を付けています。ROAS は貢献金額 / 費用の倍率です。",
    },
    # -- content, brand (issue 21) --
    "content.bad_dwell": {
        "en": "--dwell {value}: expected seconds (30) or a multiple of the item's median dwell (0.5x).",
        "ja": "--dwell {value}: 秒数（30）か、コンテンツの滞在時間の中央値に対する倍数（0.5x）を指定してください。",
    },
    "content.bad_number": {
        "en": "{name} {value}: expected a number from {low:g} to {high:g}.",
        "ja": "{name} {value}: {low:g} から {high:g} までの数を指定してください。",
    },
    "content.bad_within": {
        "en": "--within {value}: expected a window such as 30d, 2w or 12h.",
        "ja": "--within {value}: 30d、2w、12h のような期間を指定してください。",
    },
    "content.note": {
        "en": "Next action: {outcome}; readers have an engaged view in the {within} before it (converters) or before their "
        "last page view (everyone else). Engaged: dwell >= {dwell} and scroll >= {scroll}% where known. Lift: Mantel-Haenszel risk ratio "
        "within {strata} bands of overall page views, 95% Greenland-Robins interval, BH q-values. Intent score: log-lift "
        "shrunk toward 0 (spread of true log-lifts tau = {tau}). Bots and zero-dwell single-page sessions are left out.",
        "ja": "次の行動: {outcome}。読者: その {within} 前まで（到達しなかった人は最後の閲覧までの {within}）にエンゲージ閲覧した人。エンゲージ: "
        "滞在 {dwell} 以上かつスクロール {scroll}% 以上（不明なら滞在のみ）。リフト: 全体の閲覧数で {strata} 層に分けた"
        "Mantel-Haenszel リスク比（95%区間は Greenland-Robins、q値は BH）。インテントスコア: 0 に向けて縮小した対数リフト"
        "（真の対数リフトのばらつき tau = {tau}）。ボットと滞在0秒の1ページセッションは除外。",
    },
    "brand.bad_period": {
        "en": "--period {value}: expected month, quarter, half, fy or a period such as FY2025 or FY2024..FY2025.",
        "ja": "--period {value}: month、quarter、half、fy、または FY2025、FY2024..FY2025 のような期間を指定してください。",
    },
    "brand.bad_lags": {
        "en": "--lags {value}: expected a whole number of months from 1 to 12.",
        "ja": "--lags {value}: 1 から 12 までの月数を指定してください。",
    },
    "brand.no_surveys": {
        "en": "No survey answers in the data: load surveys (kind nps, csat or awareness) to see NPS and CSAT.",
        "ja": "アンケートの回答がありません。surveys（kind が nps、csat、awareness）を読み込むと NPS と CSAT が出ます。",
    },
    "brand.note": {
        "en": "NPS = promoters (9-10) - detractors (0-6), in points; its 95% interval from the variance (p + d - (p - d)^2) / n. "
        "Japanese respondents avoid the extremes: read the company's own trend and distribution, not the sign. Changes "
        "against the previous period: z-test of two NPS, two-proportion tests of CSAT and awareness, Welch tests of signals; "
        "q-values by BH.",
        "ja": "NPS = 推奨者（9〜10）の割合 − 批判者（0〜6）の割合（ポイント）。95%区間は分散 (p + d − (p − d)^2) / n から。"
        "日本の回答者は両端を避けるため NPS は負になりやすく、正負ではなく自社の推移と分布で読んでください。前期との変化は"
        "NPS の z 検定、CSAT と認知率は2群の比率の検定、シグナルは Welch 検定（q値は BH）。",
    },
    "brand.lags_note": {
        "en": "Lagged relation (a hypothesis to test, not a cause): {series} leading {pipeline} by k months, after prewhitening "
        "with an AR({order}) fit to {series}; |r| above {bound:.3f} (1.96/sqrt(n)) stands out from noise.",
        "ja": "時間差の関係（因果ではなく検証すべき仮説）: {series} が {pipeline} に k か月先行するか。{series} に当てはめた "
        "AR({order}) でプレホワイトニングした相互相関。|r| が {bound:.3f}（1.96/√n）を超えると偶然では説明しにくい。",
    },
    # -- trust, hypotheses (issue 22) --
    "hypotheses.missing": {"en": "{where}: a hypothesis needs {fields}.", "ja": "{where}: 仮説には {fields} が必要です。"},
    "hypotheses.bad_id": {
        "en": "{where}: id '{value}': expected lower-case letters, digits, - and _ (e.g. exhibition-win-rate).",
        "ja": "{where}: id '{value}': 小文字の英数字と - _ で書いてください（例: exhibition-win-rate）。",
    },
    "hypotheses.bad_expect": {"en": "{where}: expect '{value}': expected up or down.", "ja": "{where}: expect '{value}': up か down を指定してください。"},
    "hypotheses.bad_min_change": {
        "en": "{where}: min_change '{value}': expected a number (0.05) or a percentage of the baseline (10%).",
        "ja": "{where}: min_change '{value}': 数（0.05）か基準値に対する割合（10%）を指定してください。",
    },
    "hypotheses.bad_alpha": {
        "en": "{where}: alpha {value}: expected a number between 0 and 1 (default 0.05).",
        "ja": "{where}: alpha {value}: 0 と 1 の間の数を指定してください（既定 0.05）。",
    },
    "hypotheses.bad_yaml": {"en": "{path} cannot be read: {detail}", "ja": "{path} を読めません: {detail}"},
    "hypotheses.duplicate": {
        "en": "Hypothesis id '{id}' is used twice: each hypothesis needs its own id.",
        "ja": "仮説の id '{id}' が重複しています。仮説ごとに別の id にしてください。",
    },
    "hypotheses.untestable": {
        "en": "Hypothesis {id}: {metric} is a formula; a hypothesis tests a count, a sum, a rate or an average.",
        "ja": "仮説 {id}: {metric} は計算式の指標です。仮説で検証できるのは件数・合計・率・平均です。",
    },
    "hypotheses.none": {
        "en": "No hypotheses yet: add one with kpiflow hypotheses add (or write hypotheses.yaml beside kpiflow.yaml).",
        "ja": "仮説はまだありません。kpiflow hypotheses add で追加するか、kpiflow.yaml の隣に hypotheses.yaml を書いてください。",
    },
    "hypotheses.added": {"en": "Added hypothesis {id} to {path}", "ja": "仮説 {id} を {path} に追加しました"},
    "hypotheses.recorded": {"en": "{count} result(s) recorded in {path}", "ja": "{count} 件の結果を {path} に記録しました"},
    "trust.bad_days": {
        "en": "--days {value}: expected a whole number of business days from 1 to 10 (the last days of each month, quarter or year).",
        "ja": "--days {value}: 1 から 10 までの営業日数を指定してください（各月・四半期・年度の最後の営業日数）。",
    },
    "trust.written": {"en": "{count:,} rows behind the findings written to {path}", "ja": "指摘の根拠の {count:,} 行を {path} に書き出しました"},
    "trust.no_close_history": {
        "en": "Stalled deals whose close date keeps moving are not checked: the data contract keeps no history of close dates.",
        "ja": "クローズ予定日が繰り返し延びる停滞商談は検査していません（データ契約にクローズ予定日の履歴がないため）。",
    },
    # -- trend, forecast (issue 23) --
    "trend.no_data": {
        "en": "No data yet: load deals and stage history first (the trend runs up to the data's last day).",
        "ja": "データがまだありません。先に商談とステージ履歴を読み込んでください（推移はデータの最終日までを示します）。",
    },
    "trend.bad_period": {
        "en": "--period {period}: expected a fiscal year, half or quarter made of whole {grain}s (e.g. FY2025, FY2025H2, FY2025Q3 with --grain month).",
        "ja": "--period {period}: {grain} 単位に分けられる年度・半期・四半期を指定してください（例: FY2025、FY2025H2、--grain month なら FY2025Q3）。",
    },
    "trend.note": {
        "en": "As of {as_of} (the data's last day), {period}. Status: on track when the phased target to date lies within the 95% interval of the value to date (counts: Poisson; sums: compound Poisson; conversion rates: Wilson); ahead or behind outside it (docs/pacing.md).",
        "ja": "{as_of}（データの最終日）時点、{period}。状況: 累計の実績の95%区間（件数はポアソン、金額は複合ポアソン、転換率はWilson）に累計目標が入れば達成見込み、外れれば先行または未達（docs/pacing.md）。",
    },
    "plan.phase_period": {
        "en": "--phase monthly: the plan period {period} is not a fiscal year, half or quarter to split into months.",
        "ja": "--phase monthly: 計画期間 {period} は月に分けられる年度・半期・四半期ではありません。",
    },
    "plan.phase_title": {
        "en": "Monthly targets — {period} (whole numbers adding up to the plan; largest remainder)",
        "ja": "月次目標 — {period}（計画の合計に一致する整数。最大剰余法）",
    },
    "plan.targets_saved": {
        "en": "Wrote the targets of {count} months into {file} (its comments kept).",
        "ja": "{count} か月分の目標を {file} に書き込みました（コメントはそのまま）。",
    },
    "plan.save_needs_phase": {
        "en": "--save-targets writes the monthly targets: add --phase monthly.",
        "ja": "--save-targets は月次目標を書き込みます。--phase monthly を付けてください。",
    },
    "forecast.no_metric": {
        "en": "No metric counts or sums won deals by their close date (count: deals or sum: deals.amount, where: outcome = 'won', time: closed_at): add one to kpiflow.yaml to forecast it.",
        "ja": "受注した商談をクローズ日で数える・合計する指標がありません（count: deals または sum: deals.amount、where: outcome = 'won'、time: closed_at）。予測するには kpiflow.yaml に追加してください。",
    },
    "forecast.bad_period": {
        "en": "--period {period}: expected a month, quarter, half or fiscal year (e.g. FY2026Q1).",
        "ja": "--period {period}: 月・四半期・半期・年度を指定してください（例: FY2026Q1）。",
    },
    "forecast.note": {
        "en": "As of {as_of} (the data's last day), {period}: actual to date + open deals weighted by their stage's cohort chance of a win within the period + leads to come at the planned volume; 95% interval analytic (docs/pacing.md).",
        "ja": "{as_of}（データの最終日）時点、{period}: 実績＋未クローズ商談（ステージ別コホートで期間内に受注する確率で重み付け）＋計画どおりの今後のリードの期待値。95%区間は解析的に算出（docs/pacing.md）。",
    },
    "forecast.backtest": {
        "en": "Back-test of {metric} over {quarters} past quarters, each forecast at its start: MAPE {mape:.1%}, bias {bias:+.1%}, actual within the 95% interval {hits} of {n} times.",
        "ja": "{metric} の過去 {quarters} 四半期での検証（各期初時点の予測）: MAPE {mape:.1%}、バイアス {bias:+.1%}、実績が95%区間に入ったのは {n} 回中 {hits} 回。",
    },
}


def say(key: str, lang: str = "en", /, **values: object) -> str:
    templates = MESSAGES[key]
    return templates.get(lang, templates["en"]).format(**values)
