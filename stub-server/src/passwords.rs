//! Password hashing (Argon2id) for login and confirm passwords.

use argon2::password_hash::{PasswordHash, PasswordHasher, PasswordVerifier, SaltString};
use argon2::Argon2;

/// Hash a password for storage.
pub fn hash(password: &str) -> String {
    let mut raw = [0u8; 16];
    // getrandom only fails when the OS has no entropy source; a server cannot run then.
    getrandom::fill(&mut raw).expect("operating system entropy");
    let Ok(salt) = SaltString::encode_b64(&raw) else {
        return String::new();
    };
    Argon2::default()
        .hash_password(password.as_bytes(), &salt)
        .map(|h| h.to_string())
        // Argon2 with default parameters only fails for absurd inputs (over 4 GiB).
        .unwrap_or_default()
}

/// Whether `password` matches the stored `hash`. A malformed hash never matches.
pub fn verify(password: &str, hash: &str) -> bool {
    PasswordHash::new(hash)
        .map(|h| {
            Argon2::default()
                .verify_password(password.as_bytes(), &h)
                .is_ok()
        })
        .unwrap_or(false)
}

#[cfg(test)]
mod tests {
    #[test]
    fn verifies_only_the_same_password() {
        let h = super::hash("Demo1234");
        assert!(super::verify("Demo1234", &h));
        assert!(!super::verify("demo1234", &h));
        assert!(!super::verify("Demo1234", "not a hash"));
    }
}
