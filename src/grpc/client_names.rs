//! Per-client allow-list under mutual TLS (`tls.allowed_client_names`).
//!
//! The handshake already proves that a client holds a certificate the
//! configured CA signed; this check narrows that to the named clients, so one
//! CA can serve several teams while only some may run analyses. A client
//! certificate is named by its subject common names and its DNS subject
//! alternative names; one match is enough.
//!
//! It follows the token check's openness rule ([`super::auth`]): health and
//! reflection stay open unless `auth.open_health` / `auth.open_reflection` are
//! false, static routes always; everything else needs a listed name, or gets
//! PERMISSION_DENIED (HTTP 403) naming the certificate's names.

use super::auth::{access, refusal, Access};
use crate::config::{AuthConfig, TlsConfig};
use axum::extract::{Request, State};
use axum::middleware::Next;
use axum::response::Response;
use std::collections::HashSet;
use std::sync::Arc;
use tonic::transport::server::{TcpConnectInfo, TlsConnectInfo};
use tonic::Status;
use x509_parser::extensions::GeneralName;

/// The names allowed to call, and which paths are open without a name.
#[derive(Clone, Debug)]
pub struct ClientAllowList {
    names: Arc<HashSet<String>>,
    open_health: bool,
    open_reflection: bool,
}

impl ClientAllowList {
    /// The allow-list of `tls`, or `None` when `tls.allowed_client_names` is unset.
    pub fn from_config(tls: &TlsConfig, auth: &AuthConfig) -> Option<ClientAllowList> {
        let names = tls.allowed_client_names.as_ref()?;
        Some(ClientAllowList {
            names: Arc::new(names.iter().map(|n| n.trim().to_owned()).collect()),
            open_health: auth.open_health,
            open_reflection: auth.open_reflection,
        })
    }

    /// Decide a request to `path` from a client that presented `leaf` (DER),
    /// the first certificate of its chain, if any.
    pub fn check(&self, path: &str, leaf: Option<&[u8]>) -> Result<(), Status> {
        if access(path, self.open_health, self.open_reflection) == Access::Open {
            return Ok(());
        }
        let Some(der) = leaf else {
            return Err(Status::permission_denied(
                "no client certificate: this server allows only listed clients",
            ));
        };
        let names = certificate_names(der).map_err(|reason| {
            Status::permission_denied(format!("client certificate unreadable: {reason}"))
        })?;
        if names.iter().any(|name| self.names.contains(name)) {
            return Ok(());
        }
        Err(Status::permission_denied(format!(
            "client certificate {names:?} is not in tls.allowed_client_names"
        )))
    }
}

/// The subject common names and DNS subject alternative names of a DER certificate.
fn certificate_names(der: &[u8]) -> Result<Vec<String>, String> {
    let (_, cert) = x509_parser::parse_x509_certificate(der).map_err(|err| err.to_string())?;
    let mut names: Vec<String> = cert
        .subject()
        .iter_common_name()
        .filter_map(|cn| cn.as_str().ok())
        .map(str::to_owned)
        .collect();
    if let Ok(Some(san)) = cert.subject_alternative_name() {
        names.extend(
            san.value
                .general_names
                .iter()
                .filter_map(|name| match name {
                    GeneralName::DNSName(dns) => Some((*dns).to_owned()),
                    _ => None,
                }),
        );
    }
    Ok(names)
}

/// axum middleware: refuse the request unless [`ClientAllowList::check`] allows
/// the client certificate of its connection.
pub async fn middleware(
    State(state): State<(ClientAllowList, super::metrics::Metrics)>,
    request: Request,
    next: Next,
) -> Response {
    let (allow_list, metrics) = state;
    let certs = request
        .extensions()
        .get::<TlsConnectInfo<TcpConnectInfo>>()
        .and_then(TlsConnectInfo::peer_certs);
    let leaf = certs.as_deref().and_then(|chain| chain.first());
    let decision = allow_list.check(request.uri().path(), leaf.map(|cert| cert.as_ref()));
    let Err(status) = decision else {
        return next.run(request).await;
    };
    metrics.reject(super::metrics::RejectReason::ClientNotAllowed);
    refusal(&request, status)
}

#[cfg(test)]
mod tests {
    use super::*;
    use tonic::Code;

    fn certificate(common_name: &str, dns_names: &[&str]) -> Vec<u8> {
        let names: Vec<String> = dns_names.iter().map(|n| (*n).to_owned()).collect();
        let mut params = rcgen::CertificateParams::new(names).unwrap();
        params
            .distinguished_name
            .push(rcgen::DnType::CommonName, common_name);
        let key = rcgen::KeyPair::generate().unwrap();
        params.self_signed(&key).unwrap().der().to_vec()
    }

    fn allow_list(names: &[&str]) -> ClientAllowList {
        let tls = TlsConfig {
            allowed_client_names: Some(names.iter().map(|n| (*n).to_owned()).collect()),
            ..TlsConfig::default()
        };
        ClientAllowList::from_config(&tls, &AuthConfig::default()).unwrap()
    }

    const ANALYZE: &str = "/textanalysis.v1.TextAnalysis/Analyze";

    #[test]
    fn names_come_from_common_name_and_dns_sans() {
        let der = certificate("billing", &["billing.internal", "b.example"]);
        let names = certificate_names(&der).unwrap();
        for name in ["billing", "billing.internal", "b.example"] {
            assert!(names.iter().any(|n| n == name), "{name} in {names:?}");
        }
    }

    #[test]
    fn listed_name_passes_and_others_are_denied() {
        let list = allow_list(&["newsroom.internal"]);
        let by_san = certificate("whoever", &["newsroom.internal"]);
        let by_cn = certificate("newsroom.internal", &[]);
        let other = certificate("ads", &["ads.internal"]);
        assert!(list.check(ANALYZE, Some(&by_san)).is_ok());
        assert!(list.check(ANALYZE, Some(&by_cn)).is_ok());
        let status = list.check(ANALYZE, Some(&other)).unwrap_err();
        assert_eq!(status.code(), Code::PermissionDenied);
        assert!(status.message().contains("ads.internal"), "{status:?}");
        let status = list.check("/v1/compare", None).unwrap_err();
        assert_eq!(status.code(), Code::PermissionDenied);
    }

    #[test]
    fn health_and_static_routes_follow_the_open_rule() {
        let list = allow_list(&["newsroom.internal"]);
        let other = certificate("ads", &["ads.internal"]);
        for path in ["/grpc.health.v1.Health/Check", "/", "/openapi.json"] {
            assert!(list.check(path, Some(&other)).is_ok(), "{path}");
        }
        let closed = ClientAllowList::from_config(
            &TlsConfig {
                allowed_client_names: Some(vec!["newsroom.internal".into()]),
                ..TlsConfig::default()
            },
            &AuthConfig {
                open_health: false,
                ..AuthConfig::default()
            },
        )
        .unwrap();
        let status = closed
            .check("/grpc.health.v1.Health/Check", Some(&other))
            .unwrap_err();
        assert_eq!(status.code(), Code::PermissionDenied);
    }

    #[test]
    fn garbage_certificate_is_denied_not_a_panic() {
        let list = allow_list(&["newsroom.internal"]);
        let status = list.check(ANALYZE, Some(b"not a certificate")).unwrap_err();
        assert_eq!(status.code(), Code::PermissionDenied);
    }
}
