//! 証明書失効 (manual 001, 「電子証明書失効・再発行」): 利用者一覧 [BRSK018], 証明書失効確認
//! [BRSK019] and 証明書失効結果 [BRSK020]. The rules live in [`crate::features::users::certificates::logic`].

pub mod confirm;
pub mod done;
pub mod list;
pub mod logic;

pub use confirm::CertRevokeConfirmPage;
pub use done::CertRevokedPage;
pub use list::CertRevokeListPage;
