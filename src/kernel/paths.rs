//! The URL of each screen. Links use these, never string literals.

pub const LOGIN: &str = "/login";
pub const LOGGED_OUT: &str = "/logged-out";
/// セッションタイムアウト [BLGI003] (`?next=` the screen the session ended on).
pub const TIMED_OUT: &str = "/timed-out";
pub const HOME: &str = "/home";
/// 管理 › 業務選択 [BSSK001]
pub const ADMIN: &str = "/admin";
/// 利用者管理 › 作業内容選択 [BRSK001]
pub const USER_TASKS: &str = "/admin/users";
/// パスワード変更 [BRSK002]
pub const PASSWORD_CHANGE: &str = "/admin/users/password";
/// パスワード変更結果 [BRSK003]
pub const PASSWORD_CHANGED: &str = "/admin/users/password/done";

/// 利用者一覧 [BRSK005]
pub const USER_LIST: &str = "/admin/users/list";
/// 利用者登録 [BRSK006–BRSK010]: `/admin/users/new/{step}`.
pub const USER_NEW: &str = "/admin/users/new";

/// A step of the registration wizard (`basic`, `rights`, `accounts`, `confirm`, `done`).
pub fn user_new(step: &str) -> String {
    format!("{USER_NEW}/{step}")
}

/// 利用者照会 [BRSK011].
pub fn user_view(login_id: &str) -> String {
    format!("/admin/users/u/{}", encode(login_id))
}

/// A step of 利用者変更 [BRSK012–BRSK015, BRSK021].
pub fn user_edit(login_id: &str, step: &str) -> String {
    format!("/admin/users/u/{}/edit/{step}", encode(login_id))
}

/// 利用者削除確認 [BRSK022].
pub fn user_delete(login_id: &str) -> String {
    format!("/admin/users/u/{}/delete", encode(login_id))
}

/// 利用者削除結果 [BRSK023].
pub fn user_deleted(login_id: &str) -> String {
    format!("/admin/users/u/{}/delete/done", encode(login_id))
}

/// Login IDs are 半角英数字; anything else is escaped so a path stays a path.
fn encode(s: &str) -> String {
    s.chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() {
                c.to_string()
            } else {
                let mut b = [0; 4];
                c.encode_utf8(&mut b)
                    .bytes()
                    .map(|x| format!("%{x:02X}"))
                    .collect()
            }
        })
        .collect()
}

/// 証明書更新選択 [BLGI005].
pub const CERTIFICATE_RENEWAL: &str = "/certificate/renewal";
/// 電子証明書を確認できません [BLGI006] (`?status=revoked|expired|unknown|valid`).
pub const CERTIFICATE_REFUSED: &str = "/certificate/refused";
/// 証明書失効 利用者一覧 [BRSK018].
pub const CERT_REVOKE_LIST: &str = "/admin/users/certificates";

/// 証明書失効確認 [BRSK019].
pub fn cert_revoke(login_id: &str) -> String {
    format!("/admin/users/certificates/{}", encode(login_id))
}

/// 証明書失効結果 [BRSK020].
pub fn cert_revoked(login_id: &str) -> String {
    format!("/admin/users/certificates/{}/done", encode(login_id))
}

/// 企業管理 › 作業内容選択 [BKGK004].
pub const COMPANY_TASKS: &str = "/admin/company";
/// 企業情報照会 [BKGK005].
pub const COMPANY_VIEW: &str = "/admin/company/info";
/// 企業情報変更 [BKGK001].
pub const COMPANY_EDIT: &str = "/admin/company/info/edit";
/// 企業情報変更確認 [BKGK002].
pub const COMPANY_CONFIRM: &str = "/admin/company/info/edit/confirm";
/// 企業情報変更結果 [BKGK003].
pub const COMPANY_DONE: &str = "/admin/company/info/edit/done";

/// 手数料照会 / 変更 of each table (menu entries need constants; they equal
/// [`fees_view`] and [`fees_step`]`(…, "edit")`).
pub const FEES_PAYEE_TRANSFER: &str = "/admin/company/fees/payee-transfer";
pub const FEES_PAYEE_TRANSFER_EDIT: &str = "/admin/company/fees/payee-transfer/edit";
pub const FEES_PAYEE_BULK: &str = "/admin/company/fees/payee-bulk";
pub const FEES_PAYEE_BULK_EDIT: &str = "/admin/company/fees/payee-bulk/edit";
pub const FEES_PAYER_BULK: &str = "/admin/company/fees/payer-bulk";
pub const FEES_PAYER_BULK_EDIT: &str = "/admin/company/fees/payer-bulk/edit";

/// 手数料照会 of one table: `/admin/company/fees/{slug}`.
pub fn fees_view(table: kanri_contract::fees::FeeTable) -> String {
    format!("/admin/company/fees/{}", table.slug())
}

/// A step of 手数料の変更 (`edit`, `confirm`, `done`).
pub fn fees_step(table: kanri_contract::fees::FeeTable, step: &str) -> String {
    format!("/admin/company/fees/{}/{step}", table.slug())
}

/// 操作履歴照会 [BSRR001]; the search is in the query (`logic::history::href`).
pub const HISTORY: &str = "/admin/history";

/// The lists of 利用者停止・解除 [BRSK016] and the additional authentications' tasks
/// (menu entries need constants; each equals [`status_list`] of its task).
pub const STATUS_SERVICE: &str = "/admin/users/status/service";
pub const STATUS_OTP_UNLOCK: &str = "/admin/users/status/otp-unlock";
pub const STATUS_OTP_REVOKE: &str = "/admin/users/status/otp-revoke";
pub const STATUS_TRANSACTION_UNLOCK: &str = "/admin/users/status/transaction-unlock";
pub const STATUS_TRANSACTION_REVOKE: &str = "/admin/users/status/transaction-revoke";
pub const STATUS_RISK_UNLOCK: &str = "/admin/users/status/risk-unlock";
pub const STATUS_RISK_RESET: &str = "/admin/users/status/risk-reset";

/// The list of a task: `/admin/users/status/{task}`.
pub fn status_list(task: kanri_contract::user_status::StatusTask) -> String {
    format!("/admin/users/status/{}", task.slug())
}

/// A later screen of a task (`confirm`, `done`).
pub fn status_step(task: kanri_contract::user_status::StatusTask, step: &str) -> String {
    format!("/admin/users/status/{}/{step}", task.slug())
}

/// The help of a screen.
pub fn help(screen_id: &str) -> String {
    format!("/help/{screen_id}")
}

/// The sections of the logged-in area: a path is in the area when it is one of them or
/// lies below one (whole segments: `/administrator` is not).
pub const LOGGED_IN_SECTIONS: [&str; 3] = [HOME, ADMIN, CERTIFICATE_RENEWAL];

/// Whether `path` (no query) is `section` or below it, by whole segments.
pub fn in_section(path: &str, section: &str) -> bool {
    path.strip_prefix(section)
        .is_some_and(|rest| rest.is_empty() || rest.starts_with('/'))
}

/// Whether `path` (no query) belongs to the logged-in area.
pub fn in_logged_in_area(path: &str) -> bool {
    LOGGED_IN_SECTIONS
        .iter()
        .any(|section| in_section(path, section))
}

/// The route pattern of each screen whose URL has a part that varies: literal segments,
/// and `:name` for a parameter the screen reads. The route tables are written with these
/// and the constants above (never a second spelling), and match with [`match_route`];
/// the builders above make URLs that land on them (a test walks every one through the
/// tables).
pub mod route {
    /// 利用者照会.
    pub const USER_VIEW: &str = "/admin/users/u/:login_id";
    /// 利用者削除確認.
    pub const USER_DELETE: &str = "/admin/users/u/:login_id/delete";
    /// 利用者削除結果.
    pub const USER_DELETED: &str = "/admin/users/u/:login_id/delete/done";
    /// 利用者登録's steps.
    pub const USER_NEW_BASIC: &str = "/admin/users/new/basic";
    pub const USER_NEW_RIGHTS: &str = "/admin/users/new/rights";
    pub const USER_NEW_ACCOUNTS: &str = "/admin/users/new/accounts";
    pub const USER_NEW_CONFIRM: &str = "/admin/users/new/confirm";
    pub const USER_NEW_DONE: &str = "/admin/users/new/done";
    /// 利用者変更's steps.
    pub const USER_EDIT_BASIC: &str = "/admin/users/u/:login_id/edit/basic";
    pub const USER_EDIT_RIGHTS: &str = "/admin/users/u/:login_id/edit/rights";
    pub const USER_EDIT_ACCOUNTS: &str = "/admin/users/u/:login_id/edit/accounts";
    pub const USER_EDIT_CONFIRM: &str = "/admin/users/u/:login_id/edit/confirm";
    pub const USER_EDIT_DONE: &str = "/admin/users/u/:login_id/edit/done";
    /// 証明書失効確認 and its result.
    pub const CERT_REVOKE: &str = "/admin/users/certificates/:login_id";
    pub const CERT_REVOKED: &str = "/admin/users/certificates/:login_id/done";
    /// A status task's list, confirmation and result.
    pub const STATUS_LIST: &str = "/admin/users/status/:task";
    pub const STATUS_CONFIRM: &str = "/admin/users/status/:task/confirm";
    pub const STATUS_DONE: &str = "/admin/users/status/:task/done";
    /// A fee table's 照会 and the steps of its change.
    pub const FEES_VIEW: &str = "/admin/company/fees/:table";
    pub const FEES_EDIT: &str = "/admin/company/fees/:table/edit";
    pub const FEES_CONFIRM: &str = "/admin/company/fees/:table/confirm";
    pub const FEES_DONE: &str = "/admin/company/fees/:table/done";
    /// ヘルプ of a screen.
    pub const HELP: &str = "/help/:id";
}

/// Whether `path` (no query) is the screen of `pattern`, and if so the parameters it
/// carries, by name. Whole segments only; one trailing `/` is allowed; a parameter is
/// never empty. Values are as they appear in the URL.
pub fn match_route(pattern: &'static str, path: &str) -> Option<Vec<(&'static str, String)>> {
    fn trimmed(s: &str) -> &str {
        match s.strip_suffix('/') {
            Some(rest) if !rest.is_empty() => rest,
            _ => s,
        }
    }
    let (pattern, path) = (trimmed(pattern), trimmed(path));
    if !path.starts_with('/') {
        return None;
    }
    let mut wanted = pattern.split('/');
    let mut given = path.split('/');
    let mut params = Vec::new();
    loop {
        match (wanted.next(), given.next()) {
            (None, None) => return Some(params),
            (Some(w), Some(g)) => match w.strip_prefix(':') {
                Some(name) if !g.is_empty() => params.push((name, g.to_owned())),
                Some(_) => return None,
                None if w == g => {}
                None => return None,
            },
            _ => return None,
        }
    }
}

/// Every URL the builders above make (each parameterised screen with a sample login ID,
/// every task, table and step), for the test that walks them through the route tables.
#[cfg(test)]
pub fn every_screen_url() -> Vec<String> {
    use kanri_contract::fees::FeeTable;
    use kanri_contract::user_status::StatusTask;
    let mut urls: Vec<String> = [
        LOGIN,
        LOGGED_OUT,
        TIMED_OUT,
        HOME,
        ADMIN,
        USER_TASKS,
        PASSWORD_CHANGE,
        PASSWORD_CHANGED,
        USER_LIST,
        USER_NEW,
        CERTIFICATE_RENEWAL,
        CERTIFICATE_REFUSED,
        CERT_REVOKE_LIST,
        COMPANY_TASKS,
        COMPANY_VIEW,
        COMPANY_EDIT,
        COMPANY_CONFIRM,
        COMPANY_DONE,
        FEES_PAYEE_TRANSFER,
        FEES_PAYEE_TRANSFER_EDIT,
        FEES_PAYEE_BULK,
        FEES_PAYEE_BULK_EDIT,
        FEES_PAYER_BULK,
        FEES_PAYER_BULK_EDIT,
        HISTORY,
        STATUS_SERVICE,
        STATUS_OTP_UNLOCK,
        STATUS_OTP_REVOKE,
        STATUS_TRANSACTION_UNLOCK,
        STATUS_TRANSACTION_REVOKE,
        STATUS_RISK_UNLOCK,
        STATUS_RISK_RESET,
    ]
    .map(str::to_owned)
    .to_vec();
    let id = "user01";
    urls.extend([
        user_view(id),
        user_delete(id),
        user_deleted(id),
        cert_revoke(id),
        cert_revoked(id),
        help("BRSK005"),
    ]);
    for step in ["basic", "rights", "accounts", "confirm", "done"] {
        urls.push(user_new(step));
        urls.push(user_edit(id, step));
    }
    for task in StatusTask::ALL {
        urls.push(status_list(task));
        urls.extend(["confirm", "done"].map(|s| status_step(task, s)));
    }
    for table in FeeTable::ALL {
        urls.push(fees_view(table));
        urls.extend(["edit", "confirm", "done"].map(|s| fees_step(table, s)));
    }
    urls
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_route_matches_whole_segments_and_names_its_parameters() {
        assert_eq!(match_route(HOME, "/home"), Some(vec![]));
        assert_eq!(match_route(HOME, "/home/"), Some(vec![]));
        assert_eq!(match_route(HOME, "/homes"), None);
        assert_eq!(match_route(HOME, "/home/x"), None);
        assert_eq!(match_route(HOME, "home"), None);
        assert_eq!(match_route("/", "/"), Some(vec![]));
        assert_eq!(
            match_route(route::USER_EDIT_RIGHTS, &user_edit("a.b", "rights")),
            Some(vec![("login_id", "a%2Eb".to_owned())])
        );
        assert_eq!(match_route(route::USER_VIEW, "/admin/users/u/"), None);
        assert_eq!(match_route(route::USER_VIEW, "/admin/users/u//"), None);
        assert_eq!(
            match_route(route::USER_VIEW, "/admin/users/u/x/delete"),
            None
        );
    }

    #[test]
    fn the_menus_constants_equal_what_the_builders_make() {
        use kanri_contract::fees::FeeTable;
        use kanri_contract::user_status::StatusTask;
        assert_eq!(fees_view(FeeTable::PayeeTransfer), FEES_PAYEE_TRANSFER);
        assert_eq!(fees_step(FeeTable::PayerBulk, "edit"), FEES_PAYER_BULK_EDIT);
        assert_eq!(status_list(StatusTask::StopResume), STATUS_SERVICE);
        assert_eq!(user_new("basic"), route::USER_NEW_BASIC);
    }
}
