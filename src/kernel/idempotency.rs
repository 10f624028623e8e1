//! Which Idempotency-Key a form submission carries.
//!
//! A submission of the same content as the last unfinished one (a double click, or a
//! retry after a network error) reuses its key, so the backend answers it from storage
//! instead of running it twice. Once an answer arrives the next submission gets a new key.

use std::collections::hash_map::DefaultHasher;
use std::hash::{Hash, Hasher};

/// The key memory of one form.
#[derive(Debug, Default, Clone)]
pub struct SubmitKey {
    pending: Option<(u64, String)>,
}

fn fingerprint(body: &str) -> u64 {
    let mut h = DefaultHasher::new();
    body.hash(&mut h);
    h.finish()
}

impl SubmitKey {
    /// The key for a request with this body; `fresh` makes a new one when needed.
    pub fn key_for(&mut self, body: &str, fresh: impl FnOnce() -> String) -> String {
        let fp = fingerprint(body);
        match &self.pending {
            Some((p, key)) if *p == fp => key.clone(),
            _ => {
                let key = fresh();
                self.pending = Some((fp, key.clone()));
                key
            }
        }
    }

    /// The backend answered (success or a final refusal): forget the key.
    pub fn settled(&mut self) {
        self.pending = None;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn same_content_reuses_the_key_until_settled() {
        let mut k = SubmitKey::default();
        let mut n = 0;
        let mut fresh = || {
            n += 1;
            format!("k{n}")
        };
        assert_eq!(k.key_for("a", &mut fresh), "k1");
        assert_eq!(k.key_for("a", &mut fresh), "k1");
        assert_eq!(k.key_for("b", &mut fresh), "k2");
        k.settled();
        assert_eq!(k.key_for("b", &mut fresh), "k3");
    }
}
