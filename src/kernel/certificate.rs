//! What the user is told about their client certificate: why it is refused and what to
//! do next (login screen and [BLGI006]), and the renewal notice [BLGI005].

use kanri_contract::api::PresentedCertificateStatus;

/// The explanation of a refused certificate.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Refusal {
    /// 「この電子証明書は失効しています」 …
    pub heading: &'static str,
    /// What happened.
    pub reason: &'static str,
    /// What to do next, in order.
    pub next_steps: &'static [&'static str],
}

const CLOSE_BROWSERS: &str = "開いているすべてのブラウザを閉じてください。";

/// The refusal of a certificate in `status`.
pub fn refusal(status: PresentedCertificateStatus) -> Refusal {
    match status {
        PresentedCertificateStatus::Revoked => Refusal {
            heading: "この電子証明書は失効しています",
            reason: "ご利用の電子証明書は、管理者の操作により失効しています。失効した電子証明書ではログインできません。",
            next_steps: &[
                CLOSE_BROWSERS,
                "マスターユーザまたは管理者ユーザに、電子証明書の再発行を依頼してください。",
                "再発行後、証明書発行アプリで新しい電子証明書を取得してからログインしてください。",
            ],
        },
        PresentedCertificateStatus::Expired => Refusal {
            heading: "この電子証明書は有効期限が切れています",
            reason: "ご利用の電子証明書は有効期限が切れているため、ログインできません。",
            next_steps: &[
                CLOSE_BROWSERS,
                "証明書発行アプリで電子証明書を再取得してください。",
                "再取得した電子証明書を選択して、ログインしてください。",
            ],
        },
        PresentedCertificateStatus::Unknown => Refusal {
            heading: "この電子証明書は当行で確認できません",
            reason: "ご利用の電子証明書は当行が発行したものではないか、登録されていません。",
            next_steps: &[
                CLOSE_BROWSERS,
                "ブラウザを起動し直し、当行が発行した電子証明書を選択してログインしてください。",
                "ID・パスワード方式でご利用の方は、電子証明書を選択せずにログインしてください。",
            ],
        },
        PresentedCertificateStatus::Valid => Refusal {
            heading: "ログイン時と異なる電子証明書が使用されました",
            reason: "お客様の安全のため、ログイン時とは異なる電子証明書での操作はお受けできません。",
            next_steps: &[
                CLOSE_BROWSERS,
                "ブラウザを起動し直し、ご自身の電子証明書を選択してログインしてください。",
            ],
        },
    }
}

/// The query value of a status (`/certificate/refused?status=revoked`).
pub fn status_key(status: PresentedCertificateStatus) -> &'static str {
    match status {
        PresentedCertificateStatus::Valid => "valid",
        PresentedCertificateStatus::Expired => "expired",
        PresentedCertificateStatus::Revoked => "revoked",
        PresentedCertificateStatus::Unknown => "unknown",
    }
}

/// The status of a query value; anything else reads as `unknown`.
pub fn parse_status(s: Option<&str>) -> PresentedCertificateStatus {
    [
        PresentedCertificateStatus::Valid,
        PresentedCertificateStatus::Expired,
        PresentedCertificateStatus::Revoked,
    ]
    .into_iter()
    .find(|st| Some(status_key(*st)) == s)
    .unwrap_or(PresentedCertificateStatus::Unknown)
}

/// 「お客様がご利用中の証明書は、有効期限が残り20日です。」.
pub fn days_left_text(days_left: i64) -> String {
    format!(
        "お客様がご利用中の証明書は、有効期限が残り{}日です。",
        days_left.max(0)
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_status_has_its_own_heading_and_says_to_close_the_browsers() {
        let all = [
            PresentedCertificateStatus::Valid,
            PresentedCertificateStatus::Expired,
            PresentedCertificateStatus::Revoked,
            PresentedCertificateStatus::Unknown,
        ];
        let mut headings: Vec<_> = all.iter().map(|s| refusal(*s).heading).collect();
        headings.sort();
        headings.dedup();
        assert_eq!(headings.len(), 4);
        for s in all {
            assert_eq!(refusal(s).next_steps[0], CLOSE_BROWSERS);
            assert_eq!(parse_status(Some(status_key(s))), s);
        }
        assert_eq!(
            refusal(PresentedCertificateStatus::Revoked).heading,
            "この電子証明書は失効しています"
        );
        assert_eq!(
            parse_status(Some("<script>")),
            PresentedCertificateStatus::Unknown
        );
    }

    #[test]
    fn days_left_are_counted_in_words() {
        assert_eq!(
            days_left_text(20),
            "お客様がご利用中の証明書は、有効期限が残り20日です。"
        );
        assert_eq!(
            days_left_text(-1),
            "お客様がご利用中の証明書は、有効期限が残り0日です。"
        );
    }
}
