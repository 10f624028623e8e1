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
        && !n.starts_with(crate::routes::paths::LOGIN)
        && !n.starts_with(crate::routes::paths::LOGGED_OUT);
    ok.then(|| n.to_owned())
}

/// The login URL that brings the user back to `path` afterwards.
pub fn login_url_returning_to(path: &str) -> String {
    match safe_next(Some(path)) {
        Some(p) if p != "/" => format!("{}?next={}", crate::routes::paths::LOGIN, encode(&p)),
        _ => crate::routes::paths::LOGIN.to_owned(),
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
    }
}
