//! Where to go after login.

/// The `next` target after login: only a local path of this app (no scheme, no
/// protocol-relative `//host`, no back-slash tricks), never the login or logout screens.
pub fn safe_next(next: Option<&str>) -> Option<String> {
    let n = next?;
    let ok = n.starts_with('/')
        && !n.starts_with("//")
        && !n.contains('\\')
        && !n.contains("://")
        && !n.chars().any(char::is_control)
        && !n.starts_with(crate::kernel::paths::LOGIN)
        && !n.starts_with(crate::kernel::paths::LOGGED_OUT)
        && !n.starts_with(crate::kernel::paths::TIMED_OUT);
    ok.then(|| n.to_owned())
}

/// Whether the screen at `path` is shown by the first download itself, without loading
/// the router's part: only the login screen (every other path needs the router).
pub fn shown_without_router(path: &str) -> bool {
    path == crate::kernel::paths::LOGIN
}

/// `pathname` and the router's `search` (which has no leading `?`) as one local URL.
pub fn with_query(pathname: &str, search: &str) -> String {
    let search = search.trim_start_matches('?');
    if search.is_empty() {
        pathname.to_owned()
    } else {
        format!("{pathname}?{search}")
    }
}

/// The login URL that brings the user back to `path` afterwards.
pub fn login_url_returning_to(path: &str) -> String {
    match safe_next(Some(path)) {
        Some(p) if p != "/" => format!("{}?next={}", crate::kernel::paths::LOGIN, encode(&p)),
        _ => crate::kernel::paths::LOGIN.to_owned(),
    }
}

/// 「セッションがタイムアウトしました」 for a session that ended on `path` (its
/// 「ログイン画面へ」 returns there).
pub fn timed_out_url_returning_to(path: &str) -> String {
    match safe_next(Some(path)) {
        Some(p) if p != "/" => format!("{}?next={}", crate::kernel::paths::TIMED_OUT, encode(&p)),
        _ => crate::kernel::paths::TIMED_OUT.to_owned(),
    }
}

/// Percent-encode a path for a query value (keeps `/` readable).
fn encode(s: &str) -> String {
    s.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' | b'/' => {
                (b as char).to_string()
            }
            _ => format!("%{b:02X}"),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    #[test]
    fn only_the_login_screen_is_shown_without_the_router() {
        use super::shown_without_router;
        assert!(shown_without_router("/login"));
        for path in [
            "/",
            "/home",
            "/login/x",
            "/logged-out",
            "/timed-out",
            "/admin/users",
            "",
        ] {
            assert!(!shown_without_router(path), "{path}");
        }
    }

    #[test]
    fn a_query_is_joined_with_one_question_mark() {
        assert_eq!(super::with_query("/a", ""), "/a");
        assert_eq!(super::with_query("/a", "sort=x"), "/a?sort=x");
        assert_eq!(super::with_query("/a", "?sort=x"), "/a?sort=x");
    }

    use super::*;

    #[test]
    fn only_local_paths_are_followed() {
        assert_eq!(safe_next(Some("/admin/users")), Some("/admin/users".into()));
        for bad in [
            "https://evil.example",
            "//evil.example",
            "/\\evil",
            "javascript:alert(1)",
            "/login",
            "/timed-out",
            "",
        ] {
            assert_eq!(safe_next(Some(bad)), None, "{bad}");
        }
        assert_eq!(safe_next(None), None);
    }

    #[test]
    fn login_url_carries_the_path() {
        assert_eq!(
            login_url_returning_to("/admin/users"),
            "/login?next=/admin/users"
        );
        assert_eq!(login_url_returning_to("/"), "/login");
        assert_eq!(login_url_returning_to("/a b"), "/login?next=/a%20b");
        assert_eq!(
            timed_out_url_returning_to("/admin/users/new/rights"),
            "/timed-out?next=/admin/users/new/rights"
        );
        assert_eq!(timed_out_url_returning_to("/login"), "/timed-out");
    }
}
