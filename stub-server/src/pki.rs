//! The demo PKI: a test CA, the server certificate, one client certificate per demo
//! certificate user, and a stranger CA with one "unknown" client certificate for tests.
//!
//! Everything is generated on this machine (rcgen) into the data folder, which git
//! ignores: none of these keys protect anything real.

use rcgen::{
    BasicConstraints, CertificateParams, DnType, ExtendedKeyUsagePurpose, IsCa, Issuer, KeyPair,
    KeyUsagePurpose, SerialNumber,
};
use rustls::pki_types::{CertificateDer, PrivateKeyDer, UnixTime};
use rustls::server::danger::ClientCertVerifier;
use rustls::server::WebPkiClientVerifier;
use rustls::{CertificateError, RootCertStore};
use sha2::{Digest, Sha256};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use time::OffsetDateTime;

/// Errors of the PKI.
#[derive(Debug, thiserror::Error)]
pub enum PkiError {
    #[error("certificate generation: {0}")]
    Rcgen(#[from] rcgen::Error),
    #[error("file {path}: {source}")]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("no PEM item in {0}")]
    Pem(PathBuf),
    #[error("TLS: {0}")]
    Rustls(#[from] rustls::Error),
    #[error("verifier: {0}")]
    Verifier(#[from] rustls::server::VerifierBuilderError),
}

fn write(path: &Path, data: &str) -> Result<(), PkiError> {
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir).map_err(|source| PkiError::Io {
            path: dir.into(),
            source,
        })?;
    }
    std::fs::write(path, data).map_err(|source| PkiError::Io {
        path: path.into(),
        source,
    })
}

fn read(path: &Path) -> Result<String, PkiError> {
    std::fs::read_to_string(path).map_err(|source| PkiError::Io {
        path: path.into(),
        source,
    })
}

/// SHA-256 of a certificate's DER, lower-case hex: how the backend recognises it.
pub fn fingerprint(der: &[u8]) -> String {
    hex::encode(Sha256::digest(der))
}

fn random_serial() -> SerialNumber {
    let mut b = [0u8; 16];
    let _ = getrandom::fill(&mut b);
    b[0] &= 0x7f; // positive
    SerialNumber::from_slice(&b)
}

fn ts(unix: i64) -> OffsetDateTime {
    OffsetDateTime::from_unix_timestamp(unix).unwrap_or(OffsetDateTime::UNIX_EPOCH)
}

fn ca_params(common_name: &str) -> Result<CertificateParams, PkiError> {
    let mut p = CertificateParams::new(Vec::<String>::new())?;
    p.distinguished_name.push(DnType::CountryName, "JP");
    p.distinguished_name
        .push(DnType::OrganizationName, "Kanri Demo");
    p.distinguished_name.push(DnType::CommonName, common_name);
    p.is_ca = IsCa::Ca(BasicConstraints::Unconstrained);
    p.key_usages = vec![
        KeyUsagePurpose::KeyCertSign,
        KeyUsagePurpose::CrlSign,
        KeyUsagePurpose::DigitalSignature,
    ];
    let now = crate::db::now();
    p.not_before = ts(now - 86_400);
    p.not_after = ts(now + 10 * 365 * 86_400);
    p.serial_number = Some(random_serial());
    Ok(p)
}

/// A client certificate just issued.
#[derive(Debug, Clone)]
pub struct IssuedCertificate {
    pub serial: String,
    pub fingerprint: String,
    pub not_before: i64,
    pub not_after: i64,
    pub cert_path: PathBuf,
    pub key_path: PathBuf,
}

/// What the backend makes of the certificate chain a client presented.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ChainVerdict {
    /// Signed by the bank's CA and within validity.
    Trusted { fingerprint: String },
    /// Signed by the bank's CA but past (or before) its validity.
    Expired { fingerprint: String },
    /// Not signed by the bank's CA, or malformed.
    Untrusted,
}

/// The demo CA and the files under `<data>/certs`.
pub struct Pki {
    dir: PathBuf,
    ca: Issuer<'static, KeyPair>,
    verifier: Arc<dyn ClientCertVerifier>,
}

impl Pki {
    pub fn ca_cert_path(dir: &Path) -> PathBuf {
        dir.join("ca.pem")
    }

    /// Generate a new CA, server certificate and stranger certificate into `dir`.
    pub fn create(dir: &Path) -> Result<Self, PkiError> {
        let ca_key = KeyPair::generate()?;
        let ca_cert = ca_params("Kanri Demo Client CA")?.self_signed(&ca_key)?;
        write(&Self::ca_cert_path(dir), &ca_cert.pem())?;
        write(&dir.join("ca.key"), &ca_key.serialize_pem())?;
        let ca = Issuer::from_ca_cert_pem(&ca_cert.pem(), ca_key)?;

        // Server certificate for localhost.
        let key = KeyPair::generate()?;
        let mut p = CertificateParams::new(vec!["localhost".to_string(), "127.0.0.1".to_string()])?;
        p.distinguished_name.push(DnType::CommonName, "localhost");
        p.extended_key_usages = vec![ExtendedKeyUsagePurpose::ServerAuth];
        let now = crate::db::now();
        p.not_before = ts(now - 86_400);
        p.not_after = ts(now + 825 * 86_400);
        p.serial_number = Some(random_serial());
        let cert = p.signed_by(&key, &ca)?;
        write(
            &dir.join("server.pem"),
            &format!("{}{}", cert.pem(), ca_cert.pem()),
        )?;
        write(&dir.join("server.key"), &key.serialize_pem())?;

        // A stranger CA and its client certificate: what an unknown certificate looks like.
        let stranger_key = KeyPair::generate()?;
        let stranger_cert = ca_params("Unknown Issuer CA")?.self_signed(&stranger_key)?;
        let stranger = Issuer::from_ca_cert_pem(&stranger_cert.pem(), stranger_key)?;
        let key = KeyPair::generate()?;
        let p = client_params(
            "stranger01",
            "見知らぬ 証明書",
            now - 86_400,
            now + 365 * 86_400,
        )?;
        let cert = p.signed_by(&key, &stranger)?;
        write(&dir.join("unknown/client.pem"), &cert.pem())?;
        write(&dir.join("unknown/client.key"), &key.serialize_pem())?;

        Self::load(dir)
    }

    /// Load the CA from `dir`.
    pub fn load(dir: &Path) -> Result<Self, PkiError> {
        let ca_pem = read(&Self::ca_cert_path(dir))?;
        let ca_key = KeyPair::from_pem(&read(&dir.join("ca.key"))?)?;
        let ca_der = first_cert(&ca_pem, &Self::ca_cert_path(dir))?;
        let ca = Issuer::from_ca_cert_pem(&ca_pem, ca_key)?;
        let mut roots = RootCertStore::empty();
        roots.add(ca_der)?;
        let provider = Arc::new(rustls::crypto::ring::default_provider());
        let verifier = WebPkiClientVerifier::builder_with_provider(Arc::new(roots), provider)
            .allow_unauthenticated()
            .build()?;
        Ok(Self {
            dir: dir.to_path_buf(),
            ca,
            verifier,
        })
    }

    /// The webpki verifier for the bank's CA (its root hints are sent in the handshake).
    pub fn verifier(&self) -> Arc<dyn ClientCertVerifier> {
        self.verifier.clone()
    }

    /// The server's certificate chain and key, for rustls.
    pub fn server_identity(
        &self,
    ) -> Result<(Vec<CertificateDer<'static>>, PrivateKeyDer<'static>), PkiError> {
        let cert_path = self.dir.join("server.pem");
        let key_path = self.dir.join("server.key");
        let chain = rustls_pemfile::certs(&mut read(&cert_path)?.as_bytes())
            .collect::<Result<Vec<_>, _>>()
            .map_err(|source| PkiError::Io {
                path: cert_path.clone(),
                source,
            })?;
        let key = rustls_pemfile::private_key(&mut read(&key_path)?.as_bytes())
            .map_err(|source| PkiError::Io {
                path: key_path.clone(),
                source,
            })?
            .ok_or(PkiError::Pem(key_path))?;
        Ok((chain, key))
    }

    /// Where a user's current client certificate and key are written.
    pub fn client_paths(&self, login_id: &str) -> (PathBuf, PathBuf) {
        let d = self.dir.join("users");
        (
            d.join(format!("{login_id}.pem")),
            d.join(format!("{login_id}.key")),
        )
    }

    /// Issue a client certificate for `login_id`, valid in `not_before..not_after`, and
    /// write it (with its key) to [`Pki::client_paths`].
    pub fn issue_client(
        &self,
        login_id: &str,
        name: &str,
        not_before: i64,
        not_after: i64,
    ) -> Result<IssuedCertificate, PkiError> {
        let key = KeyPair::generate()?;
        let mut p = client_params(login_id, name, not_before, not_after)?;
        let serial = random_serial();
        p.serial_number = Some(serial.clone());
        let cert = p.signed_by(&key, &self.ca)?;
        let (cert_path, key_path) = self.client_paths(login_id);
        write(&cert_path, &cert.pem())?;
        write(&key_path, &key.serialize_pem())?;
        Ok(IssuedCertificate {
            serial: hex::encode_upper(serial.as_ref()),
            fingerprint: fingerprint(cert.der()),
            not_before,
            not_after,
            cert_path,
            key_path,
        })
    }

    /// Judge a presented chain (end entity first) against the bank's CA at `now`.
    pub fn judge(&self, chain: &[CertificateDer<'_>], now: i64) -> ChainVerdict {
        let Some((end_entity, intermediates)) = chain.split_first() else {
            return ChainVerdict::Untrusted;
        };
        let fingerprint = fingerprint(end_entity);
        let when = UnixTime::since_unix_epoch(std::time::Duration::from_secs(now.max(0) as u64));
        match self
            .verifier
            .verify_client_cert(end_entity, intermediates, when)
        {
            Ok(_) => ChainVerdict::Trusted { fingerprint },
            Err(rustls::Error::InvalidCertificate(
                CertificateError::Expired
                | CertificateError::ExpiredContext { .. }
                | CertificateError::NotValidYet
                | CertificateError::NotValidYetContext { .. },
            )) => ChainVerdict::Expired { fingerprint },
            Err(_) => ChainVerdict::Untrusted,
        }
    }
}

fn client_params(
    login_id: &str,
    name: &str,
    not_before: i64,
    not_after: i64,
) -> Result<CertificateParams, PkiError> {
    let mut p = CertificateParams::new(Vec::<String>::new())?;
    p.distinguished_name.push(DnType::CountryName, "JP");
    p.distinguished_name
        .push(DnType::OrganizationName, "Kanri Demo Customer");
    p.distinguished_name
        .push(DnType::OrganizationalUnitName, name);
    p.distinguished_name.push(DnType::CommonName, login_id);
    p.extended_key_usages = vec![ExtendedKeyUsagePurpose::ClientAuth];
    p.key_usages = vec![KeyUsagePurpose::DigitalSignature];
    p.not_before = ts(not_before);
    p.not_after = ts(not_after);
    Ok(p)
}

fn first_cert(pem: &str, path: &Path) -> Result<CertificateDer<'static>, PkiError> {
    rustls_pemfile::certs(&mut pem.as_bytes())
        .next()
        .ok_or_else(|| PkiError::Pem(path.into()))?
        .map_err(|source| PkiError::Io {
            path: path.into(),
            source,
        })
}

/// Read the first certificate of a PEM file (tests and tools).
pub fn read_cert(path: &Path) -> Result<CertificateDer<'static>, PkiError> {
    first_cert(&read(path)?, path)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn judges_trusted_expired_and_stranger_certificates() {
        let dir = tempfile::tempdir().unwrap();
        let pki = Pki::create(dir.path()).unwrap();
        let now = crate::db::now();

        let ok = pki
            .issue_client("user01", "佐藤　次郎", now - 10, now + 1000)
            .unwrap();
        let der = read_cert(&ok.cert_path).unwrap();
        assert_eq!(
            pki.judge(&[der], now),
            ChainVerdict::Trusted {
                fingerprint: ok.fingerprint.clone()
            }
        );

        let old = pki
            .issue_client("user02", "鈴木　三郎", now - 1000, now - 10)
            .unwrap();
        let der = read_cert(&old.cert_path).unwrap();
        assert_eq!(
            pki.judge(&[der], now),
            ChainVerdict::Expired {
                fingerprint: old.fingerprint
            }
        );

        let stranger = read_cert(&dir.path().join("unknown/client.pem")).unwrap();
        assert_eq!(pki.judge(&[stranger], now), ChainVerdict::Untrusted);
        assert_eq!(pki.judge(&[], now), ChainVerdict::Untrusted);

        // Reloading from disk gives the same CA.
        let again = Pki::load(dir.path()).unwrap();
        let der = read_cert(&ok.cert_path).unwrap();
        assert!(matches!(
            again.judge(&[der], now),
            ChainVerdict::Trusted { .. }
        ));
    }
}
