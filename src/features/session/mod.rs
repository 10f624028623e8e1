//! The session's own screens: ログイン [BLGI001], ログアウト, セッションタイムアウト
//! [BLGI003], and the certificate screens (証明書更新選択 [BLGI005], 電子証明書を確認できません
//! [BLGI006]).

pub mod certificate;
pub mod logged_out;
pub mod login;
pub mod timed_out;
