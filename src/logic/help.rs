//! The screens: ID, title and the help text behind each 「ヘルプ」 link.
//!
//! IDs from the manuals are kept (BLGI001, BSSK001, BRSK001 …); ours follow their pattern.

/// One screen of the product.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Screen {
    pub id: &'static str,
    pub title: &'static str,
    pub help: &'static str,
}

const fn screen(id: &'static str, title: &'static str, help: &'static str) -> Screen {
    Screen { id, title, help }
}

pub const LOGIN: Screen = screen(
    "BLGI001",
    "ログイン",
    "電子証明書でログインされる方は、ログインIDの入力は不要です。ログインパスワードを入力の上、「ログイン」ボタンを押してください。ID・パスワード方式の方は、ログインIDとログインパスワードを入力してください。ログインパスワードを規定回数以上誤るとログインIDがロックされます。",
);
pub const LOGGED_OUT: Screen = screen(
    "BLGI002",
    "ログアウト",
    "ログアウトが完了しました。電子証明書をご利用の場合は、安全のためすべてのブラウザを閉じてください。",
);
pub const HOME: Screen = screen(
    "BTOP001",
    "トップページ",
    "ログイン後に表示される画面です。前回のログイン日時をご確認いただけます。身に覚えのないログインがある場合は、お取引店にご連絡ください。",
);
pub const BUSINESS_SELECT: Screen = screen(
    "BSSK001",
    "業務選択",
    "管理メニューで利用する業務を選択してください。表示される業務は、ご利用の権限によって異なります。",
);
pub const USER_TASKS: Screen = screen(
    "BRSK001",
    "作業内容選択",
    "利用者管理で行う作業を選択してください。一般ユーザは自身のパスワード変更を行うことができます。",
);
pub const PASSWORD_CHANGE: Screen = screen(
    "BRSK002",
    "パスワード変更",
    "変更するパスワードの「変更する」を選択し、現在のパスワードと新しいパスワード（確認のため2回）を入力して「変更」ボタンを押してください。パスワードは半角英数字6〜12文字で、英字と数字をそれぞれ1文字以上含めてください。英字の大文字と小文字は区別されます。",
);
pub const PASSWORD_CHANGED: Screen = screen(
    "BRSK003",
    "パスワード変更結果",
    "パスワードの変更が完了しました。次回のログインから新しいパスワードをご利用ください。",
);
pub const NOT_PERMITTED: Screen = screen(
    "BERR002",
    "ご利用いただけません",
    "この画面を利用する権限がありません。管理者権限が必要な画面です。マスターユーザまたは管理者ユーザにお問い合わせください。",
);
pub const USER_LIST: Screen = screen(
    "BRSK005",
    "利用者一覧",
    "利用者を新たに登録する場合は「新規登録」ボタンを押してください。利用者情報を照会・変更・削除する場合は、一覧から対象の利用者を選択し、「照会」「変更」「削除」ボタンを押してください。並び順を変える場合は、並び順と昇順・降順を選択して「再表示」ボタンを押してください。",
);
pub const USER_NEW_BASICS: Screen = screen(
    "BRSK006",
    "利用者登録[基本情報]",
    "利用者基本情報（ログインID、ログインパスワード、確認用パスワード、利用者名、メールアドレス、管理者権限）を入力し、「次へ」ボタンを押してください。ログインIDとパスワードは半角英数字6〜12文字で、英字と数字をそれぞれ1文字以上含めてください。",
);
pub const USER_NEW_RIGHTS: Screen = screen(
    "BRSK007",
    "利用者登録[権限]",
    "サービス利用権限を設定し、「次へ」ボタンを押してください。「全選択」「全解除」で、すべての権限またはグループごとの権限をまとめて設定できます。ご契約のないサービスの権限は表示されません。",
);
pub const USER_NEW_ACCOUNTS: Screen = screen(
    "BRSK008",
    "利用者登録[口座]",
    "利用可能口座を1つ以上選択し、利用者一回当たり限度額を業務ごとに入力して「次へ」ボタンを押してください。限度額は企業の限度額以下の金額を半角数字で入力してください。",
);
pub const USER_NEW_CONFIRM: Screen = screen(
    "BRSK009",
    "利用者登録確認",
    "登録内容をご確認のうえ、「確認用パスワード」を入力し、「実行」ボタンを押してください。内容を修正する場合は、各項目の「変更」を押してください。ワンタイムパスワードご利用企業さまはワンタイムパスワードを入力してください。",
);
pub const USER_NEW_DONE: Screen = screen(
    "BRSK010",
    "利用者登録結果",
    "利用者登録が完了しました。登録結果をご確認ください。",
);
pub const USER_VIEW: Screen = screen(
    "BRSK011",
    "利用者照会",
    "選択した利用者の登録内容を表示します。",
);
pub const USER_EDIT_BASICS: Screen = screen(
    "BRSK012",
    "利用者変更[基本情報]",
    "利用者基本情報を変更し、「次へ」ボタンを押してください。パスワードを変更する場合は「変更する」をチェックしてください。",
);
pub const USER_EDIT_RIGHTS: Screen = screen(
    "BRSK013",
    "利用者変更[権限]",
    "サービス利用権限を設定し、「次へ」ボタンを押してください。",
);
pub const USER_EDIT_ACCOUNTS: Screen = screen(
    "BRSK014",
    "利用者変更[口座]",
    "利用可能口座・限度額を変更し、「次へ」ボタンを押してください。",
);
pub const USER_EDIT_CONFIRM: Screen = screen(
    "BRSK015",
    "利用者変更確認",
    "変更内容をご確認のうえ、「確認用パスワード」を入力し、「実行」ボタンを押してください。変更した項目には「変更」の印が付いています。",
);
pub const USER_EDIT_DONE: Screen = screen(
    "BRSK021",
    "利用者変更結果",
    "利用者情報の変更が完了しました。変更した項目には「変更」の印が付いています。",
);
pub const USER_DELETE_CONFIRM: Screen = screen(
    "BRSK022",
    "利用者削除確認",
    "削除内容をご確認のうえ、「確認用パスワード」を入力し、「実行」ボタンを押してください。削除した利用者の電子証明書は失効します。",
);
pub const USER_DELETE_DONE: Screen = screen(
    "BRSK023",
    "利用者削除結果",
    "利用者の削除が完了しました。削除結果をご確認ください。",
);
pub const CERTIFICATE_RENEWAL: Screen = screen(
    "BLGI005",
    "証明書更新選択",
    "電子証明書の有効期限が近づいています。証明書発行アプリをダウンロードしていない場合は「証明書発行アプリのダウンロード」、インストール済みの場合は「証明書発行アプリの起動」を押し、アプリより電子証明書を更新してください。更新せずに操作を続ける場合は「確認」を押してください。",
);
pub const CERTIFICATE_REFUSED: Screen = screen(
    "BLGI006",
    "電子証明書を確認できません",
    "ご利用の電子証明書ではログインできません。画面の案内に従って、電子証明書の再取得または管理者への再発行の依頼を行ってください。",
);
pub const CERT_REVOKE_LIST: Screen = screen(
    "BRSK018",
    "証明書失効 利用者一覧",
    "電子証明書を失効する利用者を選択し、「失効」ボタンを押してください。失効できる電子証明書がない利用者は選択できません。",
);
pub const CERT_REVOKE_CONFIRM: Screen = screen(
    "BRSK019",
    "証明書失効確認",
    "失効内容をご確認のうえ、「確認用パスワード」を入力し、「実行」ボタンを押してください。英数字は大文字と小文字で区別しますのでご注意ください。",
);
pub const CERT_REVOKE_DONE: Screen = screen(
    "BRSK020",
    "証明書失効結果",
    "証明書の失効結果をご確認ください。ご自身の電子証明書を失効した場合は、すべてのブラウザを閉じてください。",
);
pub const NOT_FOUND: Screen = screen(
    "BERR001",
    "ページが見つかりません",
    "お探しのページは見つかりませんでした。URLをご確認いただくか、メニューからお進みください。",
);
pub const HELP: Screen = screen("BHLP001", "ヘルプ", "各画面の操作方法をご案内します。");

/// 手数料 (manual 001 "手数料情報の変更"): 変更 / 確認 / 結果 / 照会 of each table.
pub const FEES_PAYEE_TRANSFER_EDIT: Screen = screen(
    "BKGK011",
    "先方負担手数料[振込振替]変更",
    "「適用最低支払金額」「支払金額範囲」「振込パターンごとの手数料」を入力し、「変更」ボタンをクリックしてください。当社の基準手数料を使用する場合、「使用する(常に最新の基準手数料を使用する)」を選択してください。基準手数料が変更になった場合でも、自動で更新されます。「手数料を読み込む」ボタンをクリックすると、当社所定の振込手数料を読み込むことができます。金額は半角数字で、支払金額範囲と適用最低支払金額は12桁以内、手数料は5桁以内で入力してください。最後の行の上限を空欄にすると「上限なし」になります。",
);
pub const FEES_PAYEE_TRANSFER_CONFIRM: Screen = screen(
    "BKGK012",
    "先方負担手数料[振込振替]変更確認",
    "変更内容をご確認のうえ、「確認用パスワード」を入力し、「実行」ボタンをクリックしてください。ワンタイムパスワードご利用企業さまはワンタイムパスワードも入力してください。変更した内容は黄色で表示され、「変更」と変更前の内容が表示されています。",
);
pub const FEES_PAYEE_TRANSFER_DONE: Screen = screen(
    "BKGK013",
    "先方負担手数料[振込振替]変更結果",
    "先方負担手数料[振込振替]の変更が完了しました。変更した内容は黄色で表示されています。変更結果をご確認ください。",
);
pub const FEES_PAYEE_TRANSFER_VIEW: Screen = screen(
    "BKGK014",
    "先方負担手数料[振込振替]照会",
    "振込振替業務で使用する先方負担手数料情報を照会できます。変更する場合は「変更」ボタンをクリックしてください。",
);
pub const FEES_PAYEE_BULK_EDIT: Screen = screen(
    "BKGK021",
    "先方負担手数料[総合振込]変更",
    "「適用最低支払金額」「支払金額範囲」「振込パターンごとの手数料」を入力し、「変更」ボタンをクリックしてください。手数料計算方法を「据置型」「以上手数料加算型」「未満手数料加算型」のいずれかから選択してください。当社の基準手数料を使用する場合、「使用する(常に最新の基準手数料を使用する)」を選択してください。基準手数料が変更になった場合でも、自動で更新されます。「手数料を読み込む」ボタンをクリックすると、当社所定の振込手数料を読み込むことができます。金額は半角数字で、支払金額範囲と適用最低支払金額は12桁以内、手数料は5桁以内で入力してください。最後の行の上限を空欄にすると「上限なし」になります。",
);
pub const FEES_PAYEE_BULK_CONFIRM: Screen = screen(
    "BKGK022",
    "先方負担手数料[総合振込]変更確認",
    "変更内容をご確認のうえ、「確認用パスワード」を入力し、「実行」ボタンをクリックしてください。ワンタイムパスワードご利用企業さまはワンタイムパスワードも入力してください。変更した内容は黄色で表示され、「変更」と変更前の内容が表示されています。",
);
pub const FEES_PAYEE_BULK_DONE: Screen = screen(
    "BKGK023",
    "先方負担手数料[総合振込]変更結果",
    "先方負担手数料[総合振込]の変更が完了しました。変更した内容は黄色で表示されています。変更結果をご確認ください。",
);
pub const FEES_PAYEE_BULK_VIEW: Screen = screen(
    "BKGK024",
    "先方負担手数料[総合振込]照会",
    "総合振込業務で使用する先方負担手数料情報を照会できます。変更する場合は「変更」ボタンをクリックしてください。",
);
pub const FEES_PAYER_BULK_EDIT: Screen = screen(
    "BKGK031",
    "当方負担手数料[総合振込]変更",
    "「振込金額範囲」「振込パターンごとの手数料」を入力し、「変更」ボタンをクリックしてください。当社の基準手数料を使用する場合、「使用する(常に最新の基準手数料を使用する)」を選択してください。基準手数料が変更になった場合でも、自動で更新されます。「手数料を読み込む」ボタンをクリックすると、当社所定の振込手数料を読み込むことができます。金額は半角数字で、振込金額範囲は12桁以内、手数料は5桁以内で入力してください。最後の行の上限を空欄にすると「上限なし」になります。",
);
pub const FEES_PAYER_BULK_CONFIRM: Screen = screen(
    "BKGK032",
    "当方負担手数料[総合振込]変更確認",
    "変更内容をご確認のうえ、「確認用パスワード」を入力し、「実行」ボタンをクリックしてください。ワンタイムパスワードご利用企業さまはワンタイムパスワードも入力してください。変更した内容は黄色で表示され、「変更」と変更前の内容が表示されています。",
);
pub const FEES_PAYER_BULK_DONE: Screen = screen(
    "BKGK033",
    "当方負担手数料[総合振込]変更結果",
    "当方負担手数料[総合振込]の変更が完了しました。変更した内容は黄色で表示されています。変更結果をご確認ください。",
);
pub const FEES_PAYER_BULK_VIEW: Screen = screen(
    "BKGK034",
    "当方負担手数料[総合振込]照会",
    "総合振込業務で使用する当方負担手数料情報を照会できます。変更する場合は「変更」ボタンをクリックしてください。",
);

/// The screen of `step` of the fee table `table`.
pub fn fee_screen(
    table: kanri_contract::fees::FeeTable,
    step: crate::logic::fee_form::FeeStep,
) -> Screen {
    use crate::logic::fee_form::FeeStep;
    use kanri_contract::fees::FeeTable;
    match (table, step) {
        (FeeTable::PayeeTransfer, FeeStep::Edit) => FEES_PAYEE_TRANSFER_EDIT,
        (FeeTable::PayeeTransfer, FeeStep::Confirm) => FEES_PAYEE_TRANSFER_CONFIRM,
        (FeeTable::PayeeTransfer, FeeStep::Done) => FEES_PAYEE_TRANSFER_DONE,
        (FeeTable::PayeeTransfer, FeeStep::View) => FEES_PAYEE_TRANSFER_VIEW,
        (FeeTable::PayeeBulk, FeeStep::Edit) => FEES_PAYEE_BULK_EDIT,
        (FeeTable::PayeeBulk, FeeStep::Confirm) => FEES_PAYEE_BULK_CONFIRM,
        (FeeTable::PayeeBulk, FeeStep::Done) => FEES_PAYEE_BULK_DONE,
        (FeeTable::PayeeBulk, FeeStep::View) => FEES_PAYEE_BULK_VIEW,
        (FeeTable::PayerBulk, FeeStep::Edit) => FEES_PAYER_BULK_EDIT,
        (FeeTable::PayerBulk, FeeStep::Confirm) => FEES_PAYER_BULK_CONFIRM,
        (FeeTable::PayerBulk, FeeStep::Done) => FEES_PAYER_BULK_DONE,
        (FeeTable::PayerBulk, FeeStep::View) => FEES_PAYER_BULK_VIEW,
    }
}

pub const COMPANY_TASKS: Screen = screen(
    "BKGK004",
    "作業内容選択",
    "企業管理で行う作業を選択してください。企業情報の照会・変更、手数料情報の照会・変更ができます。",
);
pub const COMPANY_VIEW: Screen = screen(
    "BKGK005",
    "企業情報照会",
    "登録されている企業情報、承認機能の利用有無、口座一日当たりの限度額、企業一日当たりの限度額を表示しています。変更する場合は「変更」ボタンをクリックしてください。",
);
pub const COMPANY_EDIT: Screen = screen(
    "BKGK001",
    "企業情報変更",
    "「企業情報」「承認機能の利用有無」「口座一日当たりの限度額」「企業一日当たりの限度額」を入力し、「変更」ボタンを押してください。口座一日当たりの限度額は半角数字15桁以内、企業一日当たりの限度額は半角数字12桁以内で入力してください。ダブル承認を選択するには、その業務の承認権限を持つ利用者が2名以上必要です。",
);
pub const COMPANY_CONFIRM: Screen = screen(
    "BKGK002",
    "企業情報変更確認",
    "変更内容をご確認のうえ、「確認用パスワード」を入力し、「実行」ボタンをクリックしてください。変更した内容は黄色で表示され、「変更」と変更前の内容が表示されています。",
);
pub const COMPANY_DONE: Screen = screen(
    "BKGK003",
    "企業情報変更結果",
    "企業情報の変更が完了しました。変更結果をご確認ください。",
);

/// Every screen, for the help page.
pub const ALL: &[Screen] = &[
    LOGIN,
    LOGGED_OUT,
    HOME,
    BUSINESS_SELECT,
    USER_TASKS,
    PASSWORD_CHANGE,
    PASSWORD_CHANGED,
    USER_LIST,
    USER_NEW_BASICS,
    USER_NEW_RIGHTS,
    USER_NEW_ACCOUNTS,
    USER_NEW_CONFIRM,
    USER_NEW_DONE,
    USER_VIEW,
    USER_EDIT_BASICS,
    USER_EDIT_RIGHTS,
    USER_EDIT_ACCOUNTS,
    USER_EDIT_CONFIRM,
    USER_EDIT_DONE,
    USER_DELETE_CONFIRM,
    USER_DELETE_DONE,
    CERTIFICATE_RENEWAL,
    CERTIFICATE_REFUSED,
    CERT_REVOKE_LIST,
    CERT_REVOKE_CONFIRM,
    CERT_REVOKE_DONE,
    COMPANY_TASKS,
    COMPANY_VIEW,
    COMPANY_EDIT,
    COMPANY_CONFIRM,
    COMPANY_DONE,
    NOT_FOUND,
    NOT_PERMITTED,
    FEES_PAYEE_TRANSFER_EDIT,
    FEES_PAYEE_TRANSFER_CONFIRM,
    FEES_PAYEE_TRANSFER_DONE,
    FEES_PAYEE_TRANSFER_VIEW,
    FEES_PAYEE_BULK_EDIT,
    FEES_PAYEE_BULK_CONFIRM,
    FEES_PAYEE_BULK_DONE,
    FEES_PAYEE_BULK_VIEW,
    FEES_PAYER_BULK_EDIT,
    FEES_PAYER_BULK_CONFIRM,
    FEES_PAYER_BULK_DONE,
    FEES_PAYER_BULK_VIEW,
    HELP,
];

/// The screen with this ID.
pub fn by_id(id: &str) -> Option<Screen> {
    ALL.iter().copied().find(|s| s.id == id)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_unique_and_follow_the_pattern() {
        let mut ids: Vec<_> = ALL.iter().map(|s| s.id).collect();
        ids.sort();
        ids.dedup();
        assert_eq!(ids.len(), ALL.len());
        for s in ALL {
            assert!(
                s.id.len() == 7
                    && s.id[..4].chars().all(|c| c.is_ascii_uppercase())
                    && s.id[4..].chars().all(|c| c.is_ascii_digit()),
                "{}",
                s.id
            );
        }
        assert_eq!(by_id("BSSK001"), Some(BUSINESS_SELECT));
        assert_eq!(by_id("XXXX999"), None);
    }

    #[test]
    fn every_fee_screen_names_its_table() {
        use crate::logic::fee_form::FeeStep;
        use kanri_contract::fees::FeeTable;
        for t in FeeTable::ALL {
            for (step, suffix) in [
                (FeeStep::Edit, "変更"),
                (FeeStep::Confirm, "変更確認"),
                (FeeStep::Done, "変更結果"),
                (FeeStep::View, "照会"),
            ] {
                let s = fee_screen(t, step);
                assert_eq!(s.title, format!("{}{suffix}", t.title()));
                assert_eq!(by_id(s.id), Some(s));
            }
        }
    }
}
