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
pub const NOT_FOUND: Screen = screen(
    "BERR001",
    "ページが見つかりません",
    "お探しのページは見つかりませんでした。URLをご確認いただくか、メニューからお進みください。",
);
pub const HELP: Screen = screen("BHLP001", "ヘルプ", "各画面の操作方法をご案内します。");

/// Every screen, for the help page.
pub const ALL: &[Screen] = &[
    LOGIN,
    LOGGED_OUT,
    HOME,
    BUSINESS_SELECT,
    USER_TASKS,
    PASSWORD_CHANGE,
    PASSWORD_CHANGED,
    NOT_FOUND,
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
}
