//! Server-side sessions: an anonymous one before login (it carries the login's CSRF
//! token), a user's one after. The cookie holds only a random ID.

use axum::http::HeaderMap;
use kanri_contract::headers::SESSION_COOKIE;
use rusqlite::{params, Connection, OptionalExtension};

/// A row of `sessions`.
#[derive(Debug, Clone)]
pub struct SessionRow {
    pub id: String,
    pub user_id: Option<i64>,
    pub csrf_token: String,
    pub cert_fingerprint: Option<String>,
    pub created_at: i64,
}

/// The outcome of looking a cookie up.
#[derive(Debug, Clone)]
pub enum Lookup {
    /// No cookie, or no such session.
    Missing,
    /// The session existed but was idle too long; it is now deleted.
    Expired,
    Active(SessionRow),
}

/// 32 random bytes, hex.
pub fn random_token() -> String {
    let mut b = [0u8; 32];
    // getrandom only fails when the OS has no entropy source; a server cannot run then.
    getrandom::fill(&mut b).expect("operating system entropy");
    hex::encode(b)
}

/// The session ID from the request's cookies.
pub fn cookie(headers: &HeaderMap) -> Option<String> {
    headers
        .get_all(axum::http::header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .filter_map(|kv| kv.trim().split_once('='))
        .find(|(k, _)| *k == SESSION_COOKIE)
        .map(|(_, v)| v.to_owned())
        .filter(|v| v.len() == 64 && v.bytes().all(|b| b.is_ascii_hexdigit()))
}

/// The `Set-Cookie` value for a session (or for clearing it when `id` is `None`).
pub fn set_cookie(id: Option<&str>, secure: bool) -> String {
    let secure = if secure { "; Secure" } else { "" };
    match id {
        Some(id) => format!("{SESSION_COOKIE}={id}; Path=/; HttpOnly; SameSite=Strict{secure}"),
        None => format!("{SESSION_COOKIE}=; Path=/; HttpOnly; SameSite=Strict; Max-Age=0{secure}"),
    }
}

/// Find the session `id`, expiring it if idle longer than `idle_secs`.
pub fn lookup(
    c: &Connection,
    id: Option<&str>,
    now: i64,
    idle_secs: u32,
) -> rusqlite::Result<Lookup> {
    let Some(id) = id else {
        return Ok(Lookup::Missing);
    };
    let row = c
        .query_row(
            "SELECT id, user_id, csrf_token, cert_fingerprint, created_at, last_seen_at FROM sessions WHERE id = ?1",
            [id],
            |r| {
                Ok((
                    SessionRow {
                        id: r.get(0)?,
                        user_id: r.get(1)?,
                        csrf_token: r.get(2)?,
                        cert_fingerprint: r.get(3)?,
                        created_at: r.get(4)?,
                    },
                    r.get::<_, i64>(5)?,
                ))
            },
        )
        .optional()?;
    Ok(match row {
        None => Lookup::Missing,
        Some((_, last_seen)) if now - last_seen > i64::from(idle_secs) => {
            delete(c, id)?;
            Lookup::Expired
        }
        Some((row, _)) => Lookup::Active(row),
    })
}

/// Create a session; also sweeps sessions idle past the limit.
pub fn create(
    c: &Connection,
    user_id: Option<i64>,
    cert_fingerprint: Option<&str>,
    now: i64,
    idle_secs: u32,
) -> rusqlite::Result<SessionRow> {
    c.execute(
        "DELETE FROM sessions WHERE last_seen_at < ?1",
        [now - i64::from(idle_secs)],
    )?;
    let row = SessionRow {
        id: random_token(),
        user_id,
        csrf_token: random_token(),
        cert_fingerprint: cert_fingerprint.map(str::to_owned),
        created_at: now,
    };
    c.execute(
        "INSERT INTO sessions (id, user_id, csrf_token, cert_fingerprint, created_at, last_seen_at) VALUES (?1, ?2, ?3, ?4, ?5, ?5)",
        params![row.id, row.user_id, row.csrf_token, row.cert_fingerprint, now],
    )?;
    Ok(row)
}

/// Mark the session as used now.
pub fn touch(c: &Connection, id: &str, now: i64) -> rusqlite::Result<()> {
    c.execute(
        "UPDATE sessions SET last_seen_at = ?1 WHERE id = ?2",
        params![now, id],
    )?;
    Ok(())
}

pub fn delete(c: &Connection, id: &str) -> rusqlite::Result<()> {
    c.execute("DELETE FROM sessions WHERE id = ?1", [id])?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::db::Db;

    #[test]
    fn sessions_expire_after_the_idle_limit() {
        let db = Db::in_memory().unwrap();
        let c = db.lock();
        let s = create(&c, None, None, 1_000, 600).unwrap();
        assert!(matches!(
            lookup(&c, Some(&s.id), 1_600, 600).unwrap(),
            Lookup::Active(_)
        ));
        touch(&c, &s.id, 1_600).unwrap();
        assert!(matches!(
            lookup(&c, Some(&s.id), 2_200, 600).unwrap(),
            Lookup::Active(_)
        ));
        assert!(matches!(
            lookup(&c, Some(&s.id), 2_201, 600).unwrap(),
            Lookup::Expired
        ));
        assert!(matches!(
            lookup(&c, Some(&s.id), 2_201, 600).unwrap(),
            Lookup::Missing
        ));
    }

    #[test]
    fn reads_only_well_formed_session_cookies() {
        let mut h = HeaderMap::new();
        let id = "a".repeat(64);
        h.insert(
            "cookie",
            format!("x=1; {SESSION_COOKIE}={id}").parse().unwrap(),
        );
        assert_eq!(cookie(&h), Some(id));
        h.insert(
            "cookie",
            format!("{SESSION_COOKIE}=../etc").parse().unwrap(),
        );
        assert_eq!(cookie(&h), None);
    }

    #[test]
    fn cookies_are_http_only_strict_and_secure_under_tls() {
        let c = set_cookie(Some("abc"), true);
        assert!(c.contains("HttpOnly") && c.contains("SameSite=Strict") && c.contains("Secure"));
        assert!(!set_cookie(Some("abc"), false).contains("Secure"));
        assert!(set_cookie(None, false).contains("Max-Age=0"));
    }
}
