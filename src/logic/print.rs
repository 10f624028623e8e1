//! 印刷: what each printable screen prints, as a [`kanri_print::model::Document`] body.
//!
//! A screen builds a [`Printout`] from the same data it shows (the result it holds in
//! memory, or for 操作履歴照会 the whole search fetched on 「印刷」);
//! [`crate::components::print::PrintButton`] adds the bank, 操作者 and 印刷日時 and hands it
//! to the PDF worker. Plain functions, unit-tested; no view code here.

use crate::logic::diff::{self, Body, Grid, Section};
use crate::logic::fee_form::{self, FeeStep};
use crate::logic::help::{self, Screen};
use crate::logic::{cert_revoke, company_form, user_detail, user_summary};
use kanri_contract::company::{CompanyChanged, CompanyContext};
use kanri_contract::datetime::format_datetime;
use kanri_contract::fees::FeesChanged;
use kanri_contract::history::{
    truncated_message, HistoryAll, HistoryContext, HistoryQuery, UserFilter,
};
use kanri_contract::money::format_yen;
use kanri_contract::users::{
    CertificateRevoked, UserChanged, UserDeleted, UserFormContext, UserRegistered,
};
use kanri_print::model::{Align, Block, Cell, Column, Document, Field, Mark, Orientation, Table};

/// A screen's printout before the page heading is added.
#[derive(Debug, Clone, PartialEq)]
pub struct Printout {
    /// The screen printed: its title and screen ID head every page.
    pub screen: Screen,
    pub orientation: Orientation,
    pub blocks: Vec<Block>,
}

impl Printout {
    /// The document to print, with the bank, who prints it and when (Unix seconds, shown
    /// in JST).
    pub fn document(
        self,
        operator_login_id: &str,
        operator_name: &str,
        printed_at: i64,
    ) -> Document {
        Document {
            bank: crate::components::frame::BANK_NAME.to_string(),
            title: self.screen.title.to_string(),
            screen_id: self.screen.id.to_string(),
            operator: operator_line(operator_login_id, operator_name),
            printed_at: kanri_contract::datetime::format_datetime(printed_at),
            orientation: self.orientation,
            blocks: self.blocks,
        }
    }
}

/// 操作者 as printed: 「山田　太郎（master01）」.
pub fn operator_line(login_id: &str, name: &str) -> String {
    format!("{name}（{login_id}）")
}

/// A diff mark as printed: 「［変更］」 with 「変更前：…」, 「［追加］」, 「［解除］」 (a whole
/// table row: 「［削除］」), as [`crate::components::change_summary::ChangeSummary`] words
/// them.
fn print_mark(mark: &diff::Mark, table_row: bool) -> Option<Mark> {
    match mark {
        diff::Mark::Unchanged => None,
        diff::Mark::Changed { before } => Some(Mark::Changed {
            before: before.clone(),
        }),
        diff::Mark::Added => Some(Mark::Added),
        diff::Mark::Removed => Some(Mark::Removed {
            word: if table_row { "削除" } else { "解除" }.to_owned(),
        }),
    }
}

/// Labelled values without marks (status rows, 結果 rows, 検索条件).
fn plain_fields<L: Into<String>>(rows: impl IntoIterator<Item = (L, String)>) -> Block {
    Block::Fields(
        rows.into_iter()
            .map(|(label, value)| Field::new(label, Cell::plain(value)))
            .collect(),
    )
}

/// The date-time field of a result (登録日時, 変更日時 …).
fn when(label: &str, at: i64) -> Block {
    plain_fields([(label, format_datetime(at))])
}

/// Roughly how wide `text` prints, in full-width characters (half-width ones count
/// about half): a column's share of a table.
fn width_units(text: &str) -> f32 {
    text.chars()
        .map(|c| if c.is_ascii() { 0.55 } else { 1.0 })
        .sum()
}

/// An amount as shown: digits with separators, maybe followed by 円.
fn is_amount(text: &str) -> bool {
    let t = text.trim();
    let t = t.strip_suffix('円').unwrap_or(t);
    t.chars().any(|c| c.is_ascii_digit()) && t.chars().all(|c| c.is_ascii_digit() || c == ',')
}

/// A value that says nothing about the kind of a column (「未設定」 in an amount column).
fn is_neutral(text: &str) -> bool {
    matches!(text.trim(), "" | "-" | "未設定" | "なし")
}

/// Right for a column of amounts (its title says 円, or every value is one), else left.
fn column_align(title: &str, values: &[&str]) -> Align {
    let amounts =
        values.iter().any(|v| is_amount(v)) && values.iter().all(|v| is_amount(v) || is_neutral(v));
    if amounts || title.contains("（円）") {
        Align::Right
    } else {
        Align::Left
    }
}

/// A diff table as printed: the heading cell first (carrying a whole row's 「追加」 /
/// 「削除」), columns as wide as their longest text, amounts right-aligned.
fn grid_table(g: &Grid) -> Table {
    let rows: Vec<Vec<Cell>> = g
        .rows
        .iter()
        .map(|r| {
            let heading_mark = if r.mark.is_change() {
                &r.mark
            } else {
                &r.heading.mark
            };
            std::iter::once(Cell::marked(
                r.heading.value.clone(),
                print_mark(heading_mark, true),
            ))
            .chain(
                r.cells
                    .iter()
                    .map(|c| Cell::marked(c.value.clone(), print_mark(&c.mark, false))),
            )
            .collect()
        })
        .collect();
    let columns = g
        .columns
        .iter()
        .enumerate()
        .map(|(i, title)| {
            let cells: Vec<&Cell> = rows.iter().filter_map(|r| r.get(i)).collect();
            let widest = cells
                .iter()
                .flat_map(|c| c.lines())
                .map(|l| width_units(&l))
                .fold(width_units(title), f32::max);
            let values: Vec<&str> = cells.iter().map(|c| c.text.as_str()).collect();
            let align = if i == 0 {
                Align::Left
            } else {
                column_align(title, &values)
            };
            Column::new(title.clone(), widest.clamp(4.0, 30.0), align)
        })
        .collect();
    Table { columns, rows }
}

/// The diff model of a 確認 / 結果 screen as printed: per section its heading, then its
/// labelled rows (marks with their words and 「変更前：…」) or its table.
pub fn section_blocks(sections: &[Section]) -> Vec<Block> {
    let mut out = Vec::new();
    for s in sections {
        out.push(Block::Heading(s.title.clone()));
        out.push(match &s.body {
            Body::Rows(rows) => Block::Fields(
                rows.iter()
                    .map(|r| {
                        Field::new(
                            r.label.clone(),
                            Cell::marked(r.value.clone(), print_mark(&r.mark, false)),
                        )
                    })
                    .collect(),
            ),
            Body::Grid(g) => Block::Table(grid_table(g)),
        });
    }
    out
}

/// A result screen's printout: its message, the date-time field, then `rest`.
fn result_printout(
    screen: Screen,
    message: impl Into<String>,
    when_block: Option<Block>,
    rest: Vec<Block>,
) -> Printout {
    let mut blocks = vec![Block::Paragraph(message.into())];
    blocks.extend(when_block);
    blocks.extend(rest);
    Printout {
        screen,
        orientation: Orientation::Portrait,
        blocks,
    }
}

/// 利用者登録結果 [BRSK010]: the message, 登録日時 and the user as registered (passwords
/// masked).
pub fn user_registered_printout(done: &UserRegistered, ctx: &UserFormContext) -> Printout {
    result_printout(
        help::USER_NEW_DONE,
        user_summary::REGISTERED_MESSAGE,
        Some(when("登録日時", done.registered_at)),
        section_blocks(&user_summary::registered_sections(done, ctx)),
    )
}

/// 利用者変更結果 [BRSK021]: the message, 変更日時 and the user after the change with what
/// changed marked (passwords never shown).
pub fn user_changed_printout(done: &UserChanged, ctx: &UserFormContext) -> Printout {
    result_printout(
        help::USER_EDIT_DONE,
        user_summary::CHANGED_MESSAGE,
        Some(when("変更日時", done.changed_at)),
        section_blocks(&user_summary::changed_sections(done, ctx)),
    )
}

/// 利用者削除結果 [BRSK023]: the message, 削除結果 (削除日時 and the status rows) and the
/// user's data, as [`crate::pages::users::detail::UserDetailView`] shows them.
pub fn user_deleted_printout(done: &UserDeleted, ctx: &UserFormContext) -> Printout {
    let mut rest = vec![
        Block::Heading(user_detail::DELETED_HEADING.to_owned()),
        plain_fields(
            user_detail::deleted_rows(done)
                .into_iter()
                .chain(user_detail::status_rows(&done.user)),
        ),
    ];
    rest.extend(section_blocks(&user_detail::detail_sections(
        &done.user, ctx,
    )));
    result_printout(
        help::USER_DELETE_DONE,
        user_detail::DELETED_MESSAGE,
        None,
        rest,
    )
}

/// 企業情報変更結果 [BKGK003]: the message, 変更日時 and the company with what changed
/// marked.
pub fn company_changed_printout(done: &CompanyChanged, ctx: &CompanyContext) -> Printout {
    result_printout(
        help::COMPANY_DONE,
        format!("{}{}", company_form::DONE_MESSAGE, company_form::DONE_NOTE),
        Some(when("変更日時", done.changed_at)),
        section_blocks(&company_form::done_sections(done, ctx)),
    )
}

/// 手数料の変更結果 of the table changed [BKGK013 / BKGK023 / BKGK033]: the message,
/// 変更日時 and the settings with what changed marked.
pub fn fees_changed_printout(done: &FeesChanged) -> Printout {
    result_printout(
        help::fee_screen(done.table, FeeStep::Done),
        fee_form::done_message(done.table),
        Some(when("変更日時", done.changed_at)),
        section_blocks(&fee_form::done_sections(done)),
    )
}

/// 証明書失効結果 [BRSK020]: the message and 証明書の失効結果 (with 失効日時).
pub fn certificate_revoked_printout(done: &CertificateRevoked) -> Printout {
    result_printout(
        help::CERT_REVOKE_DONE,
        cert_revoke::REVOKED_MESSAGE,
        None,
        vec![
            Block::Heading(cert_revoke::RESULT_HEADING.to_owned()),
            plain_fields(cert_revoke::result_rows(done)),
        ],
    )
}

/// 利用者 of a search as printed: 「すべての利用者」 (as the search form says), or
/// 「山田　太郎（user01）」 (the login ID alone for someone the context does not list).
fn history_user(user: &UserFilter, ctx: &HistoryContext) -> String {
    match user {
        UserFilter::All => "すべての利用者".to_owned(),
        UserFilter::One(id) => ctx
            .users
            .iter()
            .flatten()
            .chain(std::iter::once(&ctx.own))
            .find(|u| u.login_id == *id)
            .map_or_else(|| id.clone(), |u| format!("{}（{}）", u.name, u.login_id)),
    }
}

/// The columns of the printed 操作履歴一覧 (weights in points of the ≈770 pt body of a
/// landscape A4 page, so that a typical row fits one line at 8 pt).
fn history_columns() -> Vec<Column> {
    vec![
        Column::new("No.", 34.0, Align::Right),
        Column::new("操作日時", 178.0, Align::Left),
        Column::new("ログインID", 80.0, Align::Left),
        Column::new("利用者名", 110.0, Align::Left),
        Column::new("業務", 70.0, Align::Left),
        Column::new("操作内容", 258.0, Align::Left),
        Column::new("結果", 40.0, Align::Center),
    ]
}

/// 操作履歴照会 [BSRR001], the whole search (landscape): 検索条件, 「全n件」 (and why the
/// search was cut), and every row numbered, in the search's order.
pub fn history_printout(all: &HistoryAll, query: &HistoryQuery, ctx: &HistoryContext) -> Printout {
    let conditions = [
        (
            "期間",
            format!("{}〜{}", query.from.japanese(), query.to.japanese()),
        ),
        ("利用者", history_user(&query.user, ctx)),
        (
            "業務",
            query
                .business
                .clone()
                .filter(|b| !b.is_empty())
                .unwrap_or_else(|| "すべて".to_owned()),
        ),
        ("結果", query.result.label().to_owned()),
        ("並び順", format!("操作日時の{}", query.order.label())),
    ];
    let mut blocks = vec![
        Block::Heading("検索条件".to_owned()),
        plain_fields(conditions),
        Block::Paragraph(format!("全{}件", format_yen(u64::from(all.total)))),
    ];
    if all.truncated {
        blocks.push(Block::Paragraph(truncated_message()));
    }
    let rows = all
        .rows
        .iter()
        .enumerate()
        .map(|(i, r)| {
            vec![
                Cell::plain((i + 1).to_string()),
                Cell::plain(format_datetime(r.at)),
                Cell::plain(r.login_id.clone()),
                Cell::plain(r.user_name.clone()),
                Cell::plain(r.business.clone()),
                Cell::plain(r.content()),
                Cell::plain(r.result_label()),
            ]
        })
        .collect();
    blocks.push(Block::Table(Table {
        columns: history_columns(),
        rows,
    }));
    if all.rows.is_empty() {
        blocks.push(Block::Paragraph(NO_HISTORY.to_owned()));
    }
    Printout {
        screen: help::HISTORY,
        orientation: Orientation::Landscape,
        blocks,
    }
}

/// What the history says when nothing matched.
pub const NO_HISTORY: &str = "該当する操作履歴はありません。";

#[cfg(test)]
mod tests {
    use super::*;
    use kanri_contract::api::{AuthMethod, Role};
    use kanri_contract::company::{AccountLimits, ApprovalMode, ApprovalSetting, CompanyInfo};
    use kanri_contract::datetime::Date;
    use kanri_contract::fees::{FeeBand, FeeSettings, FeeTable};
    use kanri_contract::history::{HistoryRow, HistoryUser, Order, ResultFilter, MAX_ROWS};
    use kanri_contract::users::{
        Account, CertificateState, Changed, Limit, LimitBusiness, PasswordEntry, Right,
        ServiceState, UserDetail, UserInput, UserProfile, UserSummary,
    };

    /// 2026-11-21 10:00:00 JST.
    const AT: i64 = 1_795_222_800;
    const AT_TEXT: &str = "2026年11月21日 10時00分00秒";

    fn accounts() -> Vec<Account> {
        vec![
            Account {
                id: 1,
                branch_name: "本店営業部".into(),
                branch_code: "001".into(),
                kind: "普通".into(),
                number: "1234567".into(),
                memo: "運転資金".into(),
            },
            Account {
                id: 2,
                branch_name: "港南支店".into(),
                branch_code: "125".into(),
                kind: "普通".into(),
                number: "0253226".into(),
                memo: String::new(),
            },
        ]
    }

    fn user_ctx() -> UserFormContext {
        UserFormContext {
            services: vec![Service::Transfer],
            accounts: accounts(),
            company_limits: vec![],
            one_time_password: false,
        }
    }

    use kanri_contract::users::Service;

    fn profile() -> UserProfile {
        UserProfile {
            login_id: "user01".into(),
            name: "佐藤　次郎".into(),
            email: "sato@example.jp".into(),
            rights: vec![Right::TransferViewAll],
            accounts: vec![1],
            limits: vec![Limit {
                business: LimitBusiness::Transfer,
                amount: 1_500_000,
            }],
            ..Default::default()
        }
    }

    fn detail(profile: UserProfile) -> UserDetail {
        UserDetail {
            profile,
            role: Role::General,
            auth_method: AuthMethod::Certificate,
            service_state: ServiceState::Available,
            certificate: CertificateState::Issued,
            certificate_expires_at: None,
            registered_at: AT,
            updated_at: AT,
        }
    }

    fn paragraphs(p: &Printout) -> Vec<&str> {
        p.blocks
            .iter()
            .filter_map(|b| match b {
                Block::Paragraph(t) => Some(t.as_str()),
                _ => None,
            })
            .collect()
    }

    fn headings(p: &Printout) -> Vec<&str> {
        p.blocks
            .iter()
            .filter_map(|b| match b {
                Block::Heading(t) => Some(t.as_str()),
                _ => None,
            })
            .collect()
    }

    fn fields(p: &Printout) -> Vec<&Field> {
        p.blocks
            .iter()
            .flat_map(|b| match b {
                Block::Fields(f) => f.iter().collect(),
                _ => Vec::new(),
            })
            .collect()
    }

    fn field<'a>(p: &'a Printout, label: &str) -> &'a Cell {
        match fields(p).into_iter().find(|f| f.label == label) {
            Some(f) => &f.value,
            None => panic!("no field {label} in {p:?}"),
        }
    }

    fn tables(p: &Printout) -> Vec<&Table> {
        p.blocks
            .iter()
            .filter_map(|b| match b {
                Block::Table(t) => Some(t),
                _ => None,
            })
            .collect()
    }

    #[test]
    fn the_document_carries_the_screen_the_operator_and_the_time() {
        let p = certificate_revoked_printout(&revoked());
        let d = p.document("master01", "港　太郎", AT);
        assert_eq!(d.bank, "みなと銀行");
        assert_eq!(d.title, "証明書失効結果");
        assert_eq!(d.screen_id, "BRSK020");
        assert_eq!(d.operator, "港　太郎（master01）");
        assert_eq!(d.printed_at, AT_TEXT);
        assert_eq!(d.orientation, Orientation::Portrait);
    }

    #[test]
    fn a_registration_prints_its_message_time_and_sections_with_masked_passwords() {
        // The request carried passwords; the answer and the printout never do.
        let input = UserInput {
            profile: profile(),
            login_id_again: "user01".into(),
            email_again: "sato@example.jp".into(),
            login_password: Some(PasswordEntry {
                value: "Login1234".into(),
                again: "Login1234".into(),
            }),
            confirm_password: Some(PasswordEntry {
                value: "Conf5678".into(),
                again: "Conf5678".into(),
            }),
            certificate: Default::default(),
        };
        let done = UserRegistered {
            user: detail(input.profile.clone()),
            registered_at: AT,
        };
        let p = user_registered_printout(&done, &user_ctx());
        assert_eq!(p.screen, help::USER_NEW_DONE);
        assert_eq!(p.screen.title, "利用者登録結果");
        assert_eq!(p.orientation, Orientation::Portrait);
        assert_eq!(
            p.blocks[0],
            Block::Paragraph("以下の内容で利用者登録が完了しました。".into())
        );
        assert_eq!(field(&p, "登録日時"), &Cell::plain(AT_TEXT));
        assert_eq!(
            headings(&p),
            [
                "利用者基本情報",
                "サービス利用権限",
                "利用可能口座",
                "利用者一回当たり限度額"
            ]
        );
        assert_eq!(field(&p, "ログインパスワード").text, "********");
        assert_eq!(field(&p, "確認用パスワード").text, "********");
        assert_eq!(field(&p, "利用者名").text, "佐藤　次郎");
        assert_eq!(
            field(&p, "本店営業部(001)").text,
            "普通 1234567（運転資金）"
        );
        assert!(fields(&p).iter().all(|f| f.value.mark.is_none()));
        let all = format!("{p:?}");
        for secret in &["Login1234", "Conf5678"] {
            assert!(!all.contains(secret), "{secret} printed");
        }
        // The page shows the same sections.
        assert_eq!(
            p.blocks[2..].to_vec(),
            section_blocks(&user_summary::registered_sections(&done, &user_ctx()))
        );
        assert_eq!(
            crate::pages::users::wizard::screen(
                &crate::logic::user_wizard::WizardMode::Register,
                crate::logic::user_wizard::Step::Done
            ),
            p.screen
        );
    }

    fn changed_user() -> UserChanged {
        let before = detail(profile());
        let mut after_profile = profile();
        after_profile.name = "佐藤　二郎".into();
        after_profile.rights = vec![Right::TransferRegistered];
        after_profile.accounts = vec![1, 2];
        let mut after = detail(after_profile);
        after.certificate = CertificateState::Revoked;
        UserChanged {
            before,
            after,
            changed: vec![
                Changed::LoginPassword,
                Changed::Certificate,
                Changed::Name,
                Changed::Right(Right::TransferRegistered),
                Changed::Right(Right::TransferViewAll),
                Changed::Account(2),
            ],
            changed_at: AT,
        }
    }

    #[test]
    fn a_change_prints_its_marks_with_the_old_values() {
        let done = changed_user();
        let p = user_changed_printout(&done, &user_ctx());
        assert_eq!(p.screen, help::USER_EDIT_DONE);
        assert_eq!(p.screen.id, "BRSK021");
        assert_eq!(
            paragraphs(&p)[0],
            "以下の内容で利用者情報を変更しました。変更した内容には「変更」「追加」「解除」と表示されています。"
        );
        assert_eq!(field(&p, "変更日時").text, AT_TEXT);
        let name = field(&p, "利用者名");
        assert_eq!(name.text, "佐藤　二郎");
        assert_eq!(
            name.mark,
            Some(Mark::Changed {
                before: "佐藤　次郎".into()
            })
        );
        assert_eq!(name.lines(), ["佐藤　二郎 ［変更］", "変更前：佐藤　次郎"]);
        let password = field(&p, "ログインパスワード");
        assert_eq!(password.text, "新しいパスワードに変更（********）");
        assert_eq!(field(&p, "確認用パスワード").text, "変更しない");
        assert_eq!(
            field(&p, "証明書状態").mark,
            Some(Mark::Changed {
                before: "発行済み".into()
            })
        );
        let rights: Vec<_> = fields(&p)
            .into_iter()
            .filter(|f| f.value.text == "依頼(事前登録口座)" || f.value.text == "全取引照会")
            .map(|f| f.value.mark.clone())
            .collect();
        assert_eq!(
            rights,
            [
                Some(Mark::Added),
                Some(Mark::Removed {
                    word: "解除".into()
                })
            ]
        );
        assert_eq!(field(&p, "港南支店(125)").mark, Some(Mark::Added));
        assert_eq!(
            p.blocks[2..].to_vec(),
            section_blocks(&user_summary::changed_sections(&done, &user_ctx()))
        );
    }

    #[test]
    fn a_deletion_prints_the_result_rows_and_the_users_data() {
        let done = UserDeleted {
            user: detail(profile()),
            deleted_at: AT + 60,
        };
        let p = user_deleted_printout(&done, &user_ctx());
        assert_eq!(p.screen, help::USER_DELETE_DONE);
        assert_eq!(p.screen.title, "利用者削除結果");
        assert_eq!(paragraphs(&p), ["以下の利用者を削除しました。"]);
        assert_eq!(headings(&p)[0], "削除結果");
        let Block::Fields(result) = &p.blocks[2] else {
            panic!("{:?}", p.blocks[2]);
        };
        let labels: Vec<_> = result.iter().map(|f| f.label.as_str()).collect();
        assert_eq!(
            labels,
            [
                "削除日時",
                "利用者区分",
                "認証方式",
                "サービス状態",
                "証明書状態",
                "証明書有効期限",
                "登録日時",
                "最終更新日時"
            ]
        );
        assert_eq!(result[0].value.text, "2026年11月21日 10時01分00秒");
        assert_eq!(result[5].value.text, "-");
        assert_eq!(
            &headings(&p)[1..],
            [
                "利用者基本情報",
                "サービス利用権限",
                "利用可能口座",
                "利用者一回当たり限度額"
            ]
        );
        assert!(!fields(&p).iter().any(|f| f.label.contains("パスワード")));
    }

    fn company_ctx() -> CompanyContext {
        CompanyContext {
            services: vec![Service::Transfer],
            accounts: accounts(),
            approvers: vec![],
            user_limits: vec![],
            one_time_password: false,
        }
    }

    fn company(total: u64) -> CompanyInfo {
        CompanyInfo {
            name_kana: "カブシキガイシャミナトセイキ".into(),
            name: "株式会社みなと精機".into(),
            approvals: vec![ApprovalSetting {
                service: Service::Transfer,
                mode: ApprovalMode::Single,
            }],
            account_limits: vec![
                AccountLimits {
                    account_id: 1,
                    total,
                    ad_hoc: 5_000_000,
                    registered: 10_000_000,
                },
                AccountLimits {
                    account_id: 2,
                    total: 5_000_000,
                    ad_hoc: 1_000_000,
                    registered: 5_000_000,
                },
            ],
            daily_limits: vec![],
        }
    }

    #[test]
    fn a_company_change_prints_the_account_table_with_amounts_right_aligned() {
        let done = CompanyChanged {
            before: company(10_000_000),
            after: company(12_000_000),
            changed: vec![],
            changed_at: AT,
        };
        let p = company_changed_printout(&done, &company_ctx());
        assert_eq!(p.screen, help::COMPANY_DONE);
        assert_eq!(p.screen.id, "BKGK003");
        assert_eq!(
            paragraphs(&p)[0],
            "以下の内容で企業情報を変更しました。変更した内容は黄色で表示されています。"
        );
        assert_eq!(field(&p, "変更日時").text, AT_TEXT);
        let t = tables(&p);
        assert_eq!(t.len(), 1);
        let t = t[0];
        assert_eq!(t.columns[0].title, "支払元口座");
        assert_eq!(t.columns[0].align, Align::Left);
        assert!(t.columns[1..].iter().all(|c| c.align == Align::Right));
        assert!(t.columns[0].weight > t.columns[2].weight);
        assert_eq!(t.rows.len(), 2);
        assert_eq!(t.rows[0][1].text, "12,000,000円");
        assert_eq!(
            t.rows[0][1].mark,
            Some(Mark::Changed {
                before: "10,000,000円".into()
            })
        );
        assert_eq!(t.rows[0][2].mark, None);
        assert_eq!(
            p.blocks[2..].to_vec(),
            section_blocks(&company_form::done_sections(&done, &company_ctx()))
        );
    }

    fn band(from: u64, to: Option<u64>, fees: [u64; 3]) -> FeeBand {
        FeeBand {
            from,
            to,
            same_branch: fees[0],
            other_branch: fees[1],
            other_bank: fees[2],
        }
    }

    #[test]
    fn a_fee_change_prints_added_and_removed_bands() {
        let before = FeeSettings {
            use_standard: false,
            minimum: None,
            method: None,
            bands: vec![
                band(1, Some(29_999), [0, 110, 330]),
                band(30_000, None, [0, 220, 550]),
            ],
        };
        let mut after = before.clone();
        after.bands = vec![
            band(1, Some(9_999), [0, 110, 330]),
            band(10_000, None, [0, 220, 660]),
        ];
        for table in FeeTable::ALL {
            let done = FeesChanged {
                table,
                before: before.clone(),
                after: after.clone(),
                changed_at: AT,
            };
            let p = fees_changed_printout(&done);
            assert_eq!(p.screen, help::fee_screen(table, FeeStep::Done));
            assert_eq!(p.screen.title, format!("{}変更結果", table.title()));
            assert_eq!(
                paragraphs(&p)[0],
                format!(
                    "以下の内容で{}を変更しました。変更した内容は黄色で表示されています。",
                    table.title()
                )
            );
            assert_eq!(field(&p, "変更日時").text, AT_TEXT);
            let t = tables(&p)[0];
            assert_eq!(t.columns.len(), 4);
            assert_eq!(t.columns[0].align, Align::Left);
            assert!(t.columns[1..].iter().all(|c| c.align == Align::Right));
            assert_eq!(t.rows.len(), 3);
            assert_eq!(
                t.rows[0][0].mark,
                Some(Mark::Changed {
                    before: "1円〜29,999円".into()
                })
            );
            assert_eq!(t.rows[1][0].mark, Some(Mark::Added));
            assert_eq!(t.rows[1][3].mark, None);
            assert_eq!(t.rows[2][0].text, "30,000円以上");
            assert_eq!(
                t.rows[2][0].mark,
                Some(Mark::Removed {
                    word: "削除".into()
                })
            );
            assert_eq!(t.rows[2][0].lines(), ["30,000円以上 ［削除］"]);
        }
    }

    fn revoked() -> CertificateRevoked {
        CertificateRevoked {
            user: UserSummary {
                login_id: "user01".into(),
                name: "佐藤　次郎".into(),
                role: Role::General,
                service_state: ServiceState::Available,
                certificate: CertificateState::Revoked,
                certificate_expires_at: None,
            },
            revoked_at: AT,
            own: false,
        }
    }

    #[test]
    fn a_revocation_prints_the_result_rows() {
        let done = revoked();
        let p = certificate_revoked_printout(&done);
        assert_eq!(p.screen, help::CERT_REVOKE_DONE);
        assert_eq!(paragraphs(&p), ["以下の利用者の証明書を失効しました。"]);
        assert_eq!(headings(&p), ["証明書の失効結果"]);
        let expected: Vec<Field> = cert_revoke::result_rows(&done)
            .into_iter()
            .map(|(l, v)| Field::new(l, Cell::plain(v)))
            .collect();
        assert_eq!(p.blocks[2], Block::Fields(expected));
        assert_eq!(field(&p, "失効日時").text, AT_TEXT);
        assert_eq!(field(&p, "証明書状態").text, "失効済み");
    }

    fn d(s: &str) -> Date {
        match Date::parse(s) {
            Some(d) => d,
            None => panic!("{s}"),
        }
    }

    fn history_ctx(all: bool) -> HistoryContext {
        let user = |id: &str, name: &str| HistoryUser {
            login_id: id.into(),
            name: name.into(),
        };
        HistoryContext {
            today: d("2026-11-21"),
            earliest: d("2026-05-21"),
            retention_months: 6,
            own: user("user01", "佐藤　次郎"),
            users: all.then(|| vec![user("master01", "港　太郎"), user("user01", "佐藤　次郎")]),
            businesses: vec![],
        }
    }

    fn query(user: UserFilter) -> HistoryQuery {
        HistoryQuery {
            from: d("2026-05-22"),
            to: d("2026-11-21"),
            user,
            business: None,
            result: ResultFilter::All,
            order: Order::Newest,
            page: 7,
        }
    }

    fn history_row(i: u32) -> HistoryRow {
        HistoryRow {
            at: AT - i64::from(i) * 60,
            login_id: "master01".into(),
            user_name: "港　太郎".into(),
            business: "利用者管理".into(),
            operation: "利用者停止".into(),
            detail: "ログインID：user06".into(),
            ok: i.is_multiple_of(2),
        }
    }

    fn history(n: u32, truncated: bool) -> HistoryAll {
        HistoryAll {
            rows: (0..n).map(history_row).collect(),
            total: n,
            truncated,
        }
    }

    #[test]
    fn history_prints_the_search_and_every_row_numbered_on_landscape() {
        let all = history(3, false);
        let mut q = query(UserFilter::All);
        q.business = Some("利用者管理".into());
        q.result = ResultFilter::Error;
        q.order = Order::Oldest;
        let p = history_printout(&all, &q, &history_ctx(true));
        assert_eq!(p.screen, help::HISTORY);
        assert_eq!(p.screen.title, "操作履歴照会");
        assert_eq!(p.orientation, Orientation::Landscape);
        assert_eq!(headings(&p), ["検索条件"]);
        let conditions: Vec<_> = fields(&p)
            .into_iter()
            .map(|f| (f.label.as_str(), f.value.text.as_str()))
            .collect();
        assert_eq!(
            conditions,
            [
                ("期間", "2026年05月22日〜2026年11月21日"),
                ("利用者", "すべての利用者"),
                ("業務", "利用者管理"),
                ("結果", "異常"),
                ("並び順", "操作日時の古い順"),
            ]
        );
        assert_eq!(paragraphs(&p), ["全3件"]);
        let t = tables(&p)[0];
        let titles: Vec<_> = t.columns.iter().map(|c| c.title.as_str()).collect();
        assert_eq!(
            titles,
            [
                "No.",
                "操作日時",
                "ログインID",
                "利用者名",
                "業務",
                "操作内容",
                "結果"
            ]
        );
        assert_eq!(t.columns[0].align, Align::Right);
        let width: f32 = t.columns.iter().map(|c| c.weight).sum();
        // 操作日時 (27 characters, ≈170 pt at 8 pt) gets at least that share of ≈770 pt.
        assert!(t.columns[1].weight / width * 770.0 >= 170.0);
        assert!(t.columns[0].weight < t.columns[2].weight);
        assert_eq!(t.rows.len(), 3);
        let texts = |r: &Vec<Cell>| r.iter().map(|c| c.text.clone()).collect::<Vec<_>>();
        assert_eq!(
            texts(&t.rows[0]),
            [
                "1",
                AT_TEXT,
                "master01",
                "港　太郎",
                "利用者管理",
                "利用者停止（ログインID：user06）",
                "正常"
            ]
        );
        assert_eq!(t.rows[2][0].text, "3");
        assert_eq!(t.rows[1][6].text, "異常");
        assert!(t.rows.iter().flatten().all(|c| c.mark.is_none()));
    }

    #[test]
    fn the_user_is_named_with_the_login_id() {
        let one = query(UserFilter::One("master01".into()));
        let p = history_printout(&history(1, false), &one, &history_ctx(true));
        assert_eq!(field(&p, "利用者").text, "港　太郎（master01）");
        assert_eq!(field(&p, "業務").text, "すべて");
        assert_eq!(field(&p, "結果").text, "すべて");
        assert_eq!(field(&p, "並び順").text, "操作日時の新しい順");
        // Without 全操作履歴照会 the context lists only the operator.
        let own = query(UserFilter::One("user01".into()));
        let p = history_printout(&history(1, false), &own, &history_ctx(false));
        assert_eq!(field(&p, "利用者").text, "佐藤　次郎（user01）");
        let gone = query(UserFilter::One("gone01".into()));
        let p = history_printout(&history(1, false), &gone, &history_ctx(true));
        assert_eq!(field(&p, "利用者").text, "gone01");
    }

    #[test]
    fn a_cut_search_says_so_and_prints_all_its_rows() {
        let all = history(MAX_ROWS, true);
        let p = history_printout(&all, &query(UserFilter::All), &history_ctx(true));
        assert_eq!(
            paragraphs(&p),
            ["全3,000件".to_owned(), truncated_message()]
        );
        let t = tables(&p)[0];
        assert_eq!(t.rows.len(), 3000);
        assert_eq!(t.rows[2999][0].text, "3000");
    }

    #[test]
    fn an_empty_search_prints_the_header_and_says_nothing_matched() {
        let p = history_printout(
            &history(0, false),
            &query(UserFilter::All),
            &history_ctx(true),
        );
        assert_eq!(paragraphs(&p), ["全0件", "該当する操作履歴はありません。"]);
        let t = tables(&p)[0];
        assert_eq!(t.columns.len(), 7);
        assert!(t.rows.is_empty());
        assert_eq!(p.blocks.last(), Some(&Block::Paragraph(NO_HISTORY.into())));
    }

    #[test]
    fn section_blocks_word_the_marks_as_the_screen() {
        use crate::logic::diff::{grid, row, Mark as M};
        let sections = vec![
            Section::rows(
                "r",
                "行",
                vec![
                    row("a", "1", M::Unchanged),
                    row("b", "2", M::Changed { before: "1".into() }),
                    row("c", "3", M::Added),
                    row("d", "4", M::Removed),
                ],
            ),
            Section::grid(
                "g",
                "表",
                grid(
                    vec!["範囲".into(), "手数料".into(), "備考".into()],
                    Some(&[
                        vec!["A".into(), "100円".into(), "x".into()],
                        vec!["B".into(), "未設定".into(), "y".into()],
                    ]),
                    &[vec!["A".into(), "110円".into(), "x".into()]],
                ),
            ),
        ];
        let b = section_blocks(&sections);
        assert_eq!(b.len(), 4);
        assert_eq!(b[0], Block::Heading("行".into()));
        let Block::Fields(f) = &b[1] else {
            panic!("{:?}", b[1]);
        };
        let marks: Vec<_> = f.iter().map(|f| f.value.mark.clone()).collect();
        assert_eq!(
            marks,
            [
                None,
                Some(Mark::Changed { before: "1".into() }),
                Some(Mark::Added),
                Some(Mark::Removed {
                    word: "解除".into()
                })
            ]
        );
        assert_eq!(b[2], Block::Heading("表".into()));
        let Block::Table(t) = &b[3] else {
            panic!("{:?}", b[3]);
        };
        let aligns: Vec<_> = t.columns.iter().map(|c| c.align).collect();
        assert_eq!(aligns, [Align::Left, Align::Right, Align::Left]);
        assert_eq!(
            t.rows[1][0].mark,
            Some(Mark::Removed {
                word: "削除".into()
            })
        );
        assert_eq!(t.rows[1][1].text, "未設定");
    }
}
