//! TLS, mutual TLS and bearer tokens, with a real tonic client against a live
//! server. Certificates are made at test time with rcgen (no committed keys).

use crate::grpc::{text_request, TestServer, SEED_000};
use rcgen::{BasicConstraints, CertificateParams, CertifiedIssuer, IsCa, KeyPair};
use std::path::{Path, PathBuf};
use textanalysis::config::Config;
use textanalysis::grpc::pb::{self, text_analysis_client::TextAnalysisClient};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tonic::transport::{Certificate, Channel, ClientTlsConfig, Identity};
use tonic::Code;

/// A CA, a server certificate for `localhost`/127.0.0.1 and two client
/// certificates signed by it (`client.test`, `other.test`), and a client
/// certificate from another CA; all written as PEM files into a fresh folder.
struct Pki {
    dir: PathBuf,
}

impl Pki {
    fn new(name: &str) -> Pki {
        let dir = std::env::temp_dir().join(format!("ta-pki-{name}-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let pki = Pki { dir };
        let ca = pki.ca("ca");
        // The Service name the TLS manifest's probes verify, as cert-manager would add it.
        pki.leaf(
            "server",
            &["localhost", "127.0.0.1", "textanalysis.default.svc"],
            &ca,
        );
        pki.leaf("client", &["client.test"], &ca);
        pki.leaf("other-client", &["other.test"], &ca);
        let rogue = pki.ca("rogue-ca");
        pki.leaf("rogue", &["client.test"], &rogue);
        pki
    }

    fn ca(&self, name: &str) -> CertifiedIssuer<'static, KeyPair> {
        let mut params = CertificateParams::new(Vec::<String>::new()).unwrap();
        params.is_ca = IsCa::Ca(BasicConstraints::Unconstrained);
        let ca = CertifiedIssuer::self_signed(params, KeyPair::generate().unwrap()).unwrap();
        std::fs::write(self.path(&format!("{name}.pem")), ca.pem()).unwrap();
        ca
    }

    fn leaf(&self, name: &str, names: &[&str], ca: &CertifiedIssuer<'static, KeyPair>) {
        let names: Vec<String> = names.iter().map(|n| (*n).to_owned()).collect();
        let key = KeyPair::generate().unwrap();
        let cert = CertificateParams::new(names)
            .unwrap()
            .signed_by(&key, ca)
            .unwrap();
        std::fs::write(self.path(&format!("{name}.pem")), cert.pem()).unwrap();
        std::fs::write(self.path(&format!("{name}.key")), key.serialize_pem()).unwrap();
    }

    fn path(&self, file: &str) -> PathBuf {
        self.dir.join(file)
    }

    fn read(&self, file: &str) -> Vec<u8> {
        std::fs::read(self.path(file)).unwrap()
    }

    /// A config serving TLS, and mutual TLS when `mutual`.
    fn config(&self, mutual: bool) -> Config {
        let mut config = Config::default();
        config.tls.cert = Some(self.path("server.pem"));
        config.tls.key = Some(self.path("server.key"));
        if mutual {
            config.tls.client_ca = Some(self.path("ca.pem"));
        }
        config
    }

    /// A TLS client trusting the CA, presenting `identity` ("client", "rogue") if any.
    async fn client(
        &self,
        addr: std::net::SocketAddr,
        identity: Option<&str>,
    ) -> Result<TextAnalysisClient<Channel>, tonic::transport::Error> {
        let mut tls = ClientTlsConfig::new()
            .ca_certificate(Certificate::from_pem(self.read("ca.pem")))
            .domain_name("localhost");
        if let Some(name) = identity {
            tls = tls.identity(Identity::from_pem(
                self.read(&format!("{name}.pem")),
                self.read(&format!("{name}.key")),
            ));
        }
        let channel = Channel::from_shared(format!("https://localhost:{}", addr.port()))
            .unwrap()
            .tls_config(tls)?
            .connect()
            .await?;
        Ok(TextAnalysisClient::new(channel))
    }
}

impl Drop for Pki {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}

/// The call's status code, or OK.
async fn analyze_code(client: &mut TextAnalysisClient<Channel>) -> Code {
    match client.analyze(text_request("t", "A short article.")).await {
        Ok(_) => Code::Ok,
        Err(status) => status.code(),
    }
}

#[tokio::test]
async fn tls_server_answers_a_tls_client_and_refuses_plaintext() {
    let pki = Pki::new("tls");
    let server = TestServer::start(pki.config(false)).await;
    let mut client = pki.client(server.addr, None).await.unwrap();
    let response = client
        .analyze(text_request("000", SEED_000))
        .await
        .unwrap()
        .into_inner();
    assert_eq!(response.id, "000");
    // A plaintext client cannot talk to the TLS port.
    let plain = Channel::from_shared(format!("http://{}", server.addr))
        .unwrap()
        .connect()
        .await;
    if let Ok(channel) = plain {
        let status = TextAnalysisClient::new(channel)
            .analyze(text_request("plain", "Hello."))
            .await
            .unwrap_err();
        assert_ne!(status.code(), Code::Ok);
    }
    server.stop().await;
}

#[tokio::test]
async fn mutual_tls_refuses_clients_without_a_trusted_certificate() {
    let pki = Pki::new("mtls");
    let server = TestServer::start(pki.config(true)).await;
    let mut trusted = pki.client(server.addr, Some("client")).await.unwrap();
    assert_eq!(analyze_code(&mut trusted).await, Code::Ok);
    // No certificate, or one from another CA: the handshake fails, so the
    // connection or the first call fails; no analysis is ever answered.
    for identity in [None, Some("rogue")] {
        match pki.client(server.addr, identity).await {
            Err(_) => {}
            Ok(mut client) => {
                let code = analyze_code(&mut client).await;
                assert_ne!(code, Code::Ok, "{identity:?}");
                assert!(
                    matches!(code, Code::Unavailable | Code::Unknown | Code::Internal),
                    "{identity:?}: {code:?}"
                );
            }
        }
    }
    // The server still serves the trusted client.
    assert_eq!(analyze_code(&mut trusted).await, Code::Ok);
    server.stop().await;
}

#[tokio::test]
async fn allow_list_admits_listed_clients_of_the_ca_only() {
    use tonic_health::pb::{health_client::HealthClient, HealthCheckRequest};
    let pki = Pki::new("allow");
    let mut config = pki.config(true);
    config.tls.allowed_client_names = Some(vec!["client.test".into()]);
    let server = TestServer::start(config).await;
    let mut listed = pki.client(server.addr, Some("client")).await.unwrap();
    assert_eq!(analyze_code(&mut listed).await, Code::Ok);
    // Same CA, so the handshake succeeds; the name is not listed.
    let mut unlisted = pki.client(server.addr, Some("other-client")).await.unwrap();
    let status = unlisted
        .analyze(text_request("t", "A short article."))
        .await
        .unwrap_err();
    assert_eq!(status.code(), Code::PermissionDenied, "{status:?}");
    assert!(status.message().contains("other.test"), "{status:?}");
    let status = unlisted
        .analyze_stream(futures::stream::iter(vec![text_request("s", "Hi.")]))
        .await
        .unwrap_err();
    assert_eq!(status.code(), Code::PermissionDenied, "{status:?}");
    // Health stays open to every client the CA signed, as with tokens.
    let channel = Channel::from_shared(format!("https://localhost:{}", server.addr.port()))
        .unwrap()
        .tls_config(
            ClientTlsConfig::new()
                .ca_certificate(Certificate::from_pem(pki.read("ca.pem")))
                .domain_name("localhost")
                .identity(Identity::from_pem(
                    pki.read("other-client.pem"),
                    pki.read("other-client.key"),
                )),
        )
        .unwrap()
        .connect()
        .await
        .unwrap();
    HealthClient::new(channel)
        .check(HealthCheckRequest {
            service: String::new(),
        })
        .await
        .unwrap();
    assert_eq!(analyze_code(&mut listed).await, Code::Ok);
    server.stop().await;
}

fn with_tokens(lines: &[&str]) -> Config {
    let mut config = Config::default();
    config.auth.tokens = lines.iter().map(|l| (*l).to_owned()).collect();
    config
}

fn bearer<T>(message: T, token: Option<&str>) -> tonic::Request<T> {
    let mut request = tonic::Request::new(message);
    if let Some(token) = token {
        request
            .metadata_mut()
            .insert("authorization", format!("Bearer {token}").parse().unwrap());
    }
    request
}

#[tokio::test]
async fn bearer_tokens_guard_the_analysis_rpcs() {
    let server = TestServer::start(with_tokens(&["full-token", "reader-token Analyze"])).await;
    let mut client = server.client().await;
    let call = |token: Option<&'static str>| bearer(text_request("t", "Hello there."), token);
    for (token, want) in [
        (None, Code::Unauthenticated),
        (Some("wrong-token"), Code::Unauthenticated),
        (Some("full-token"), Code::Ok),
        (Some("reader-token"), Code::Ok),
    ] {
        let got = match client.analyze(call(token)).await {
            Ok(_) => Code::Ok,
            Err(status) => status.code(),
        };
        assert_eq!(got, want, "{token:?}");
    }
    // A valid token restricted to Analyze may not compare coverage.
    let compare = pb::CompareCoverageRequest {
        articles: vec![pb::Article {
            id: "a".into(),
            content: Some(pb::article::Content::Text("Hello.".into())),
            ..Default::default()
        }],
        ..Default::default()
    };
    let status = client
        .compare_coverage(bearer(compare.clone(), Some("reader-token")))
        .await
        .unwrap_err();
    assert_eq!(status.code(), Code::PermissionDenied, "{status:?}");
    client
        .compare_coverage(bearer(compare, Some("full-token")))
        .await
        .unwrap();
    // Streams are guarded too.
    let status = client
        .analyze_stream(futures::stream::iter(vec![text_request("s", "Hi.")]))
        .await
        .unwrap_err();
    assert_eq!(status.code(), Code::Unauthenticated);
    server.stop().await;
}

#[tokio::test]
async fn health_stays_open_unless_configured_closed() {
    use tonic_health::pb::{health_client::HealthClient, HealthCheckRequest};
    let check = HealthCheckRequest {
        service: String::new(),
    };
    let server = TestServer::start(with_tokens(&["t0ken"])).await;
    let mut health = HealthClient::new(server.channel().await);
    health.check(check.clone()).await.unwrap();
    server.stop().await;

    let mut config = with_tokens(&["t0ken"]);
    config.auth.open_health = false;
    let server = TestServer::start(config).await;
    let mut health = HealthClient::new(server.channel().await);
    let status = health.check(check.clone()).await.unwrap_err();
    assert_eq!(status.code(), Code::Unauthenticated);
    health.check(bearer(check, Some("t0ken"))).await.unwrap();
    server.stop().await;
}

/// One HTTP/1.1 exchange with an optional bearer token; the status code and headers.
async fn post(addr: std::net::SocketAddr, path: &str, token: Option<&str>) -> (u16, String) {
    let body = br#"{"article": {"id": "h", "text": "Hello there."}}"#;
    let auth = token.map_or_else(String::new, |t| format!("Authorization: Bearer {t}\r\n"));
    let head = format!(
        "POST {path} HTTP/1.1\r\nHost: {addr}\r\nContent-Type: application/json\r\n{auth}Content-Length: {}\r\nConnection: close\r\n\r\n",
        body.len()
    );
    let mut stream = tokio::net::TcpStream::connect(addr).await.unwrap();
    stream.write_all(head.as_bytes()).await.unwrap();
    stream.write_all(body).await.unwrap();
    let mut response = Vec::new();
    stream.read_to_end(&mut response).await.unwrap();
    let text = String::from_utf8_lossy(&response).into_owned();
    (text[9..12].parse().unwrap(), text)
}

#[tokio::test]
async fn json_routes_cannot_bypass_the_tokens() {
    let server = TestServer::start(with_tokens(&["full-token", "reader-token Analyze"])).await;
    let (code, text) = post(server.addr, "/v1/analyze", None).await;
    assert_eq!(code, 401, "{text}");
    assert!(text
        .to_ascii_lowercase()
        .contains("www-authenticate: bearer"));
    assert!(text.contains("UNAUTHENTICATED"), "{text}");
    assert_eq!(post(server.addr, "/v1/analyze", Some("nope")).await.0, 401);
    assert_eq!(
        post(server.addr, "/v1/analyze", Some("full-token")).await.0,
        200
    );
    assert_eq!(
        post(server.addr, "/v1/compare", Some("reader-token"))
            .await
            .0,
        403
    );
    server.stop().await;
}

/// `textanalysis health` with the given arguments (blocking); exit status,
/// stdout and stderr.
fn health_command(args: &[&std::ffi::OsStr]) -> std::process::Output {
    std::process::Command::new(env!("CARGO_BIN_EXE_textanalysis"))
        .arg("health")
        .args(args)
        .stdin(std::process::Stdio::null())
        .output()
        .unwrap()
}

/// Arguments of a health check against `addr` trusting the test CA, naming
/// the server `localhost` (as a probe on 127.0.0.1 names the Service), with
/// the client certificate `identity` when given.
fn health_args(
    addr: std::net::SocketAddr,
    dir: &Path,
    identity: Option<&str>,
) -> Vec<std::ffi::OsString> {
    let mut args: Vec<std::ffi::OsString> = vec![
        "--addr".into(),
        addr.to_string().into(),
        "--tls-server-name".into(),
        "localhost".into(),
        "--tls-ca-cert".into(),
        dir.join("ca.pem").into(),
    ];
    if let Some(name) = identity {
        args.extend([
            "--tls-cert".into(),
            dir.join(format!("{name}.pem")).into(),
            "--tls-key".into(),
            dir.join(format!("{name}.key")).into(),
        ]);
    }
    args
}

async fn run_health(args: Vec<std::ffi::OsString>) -> std::process::Output {
    tokio::task::spawn_blocking(move || {
        let args: Vec<&std::ffi::OsStr> = args.iter().map(|a| a.as_os_str()).collect();
        health_command(&args)
    })
    .await
    .unwrap()
}

/// A failed check exits non-zero with exactly one line on stderr that says why.
fn assert_fails_with(output: &std::process::Output, reason: &str) {
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(!output.status.success(), "{stderr}");
    assert_eq!(stderr.trim_end().lines().count(), 1, "one line: {stderr}");
    assert!(stderr.contains("health check of"), "{stderr}");
    assert!(stderr.contains(reason), "{reason:?} in {stderr}");
}

/// `textanalysis health` against TLS and mutual-TLS servers, as the exec
/// probes of deploy/kubernetes/tls run it.
#[tokio::test]
async fn health_command_speaks_tls_and_mutual_tls() {
    let pki = Pki::new("health");
    let dir = pki.dir.clone();
    let server = TestServer::start(pki.config(false)).await;
    let output = run_health(health_args(server.addr, &dir, None)).await;
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    assert_eq!(String::from_utf8_lossy(&output.stdout).trim(), "SERVING");
    // A name the certificate does not carry fails the handshake.
    let mut wrong_name = health_args(server.addr, &dir, None);
    wrong_name[3] = "textanalysis.example".into();
    assert_fails_with(&run_health(wrong_name).await, "cannot connect");
    server.stop().await;

    let server = TestServer::start(pki.config(true)).await;
    let output = run_health(health_args(server.addr, &dir, Some("client"))).await;
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    // Without a client certificate the server ends the handshake.
    assert_fails_with(
        &run_health(health_args(server.addr, &dir, None)).await,
        "failed",
    );
    // A certificate from another CA is refused too.
    assert_fails_with(
        &run_health(health_args(server.addr, &dir, Some("rogue"))).await,
        "failed",
    );
    server.stop().await;
}

#[tokio::test]
async fn health_command_gives_up_after_its_timeout() {
    let pki = Pki::new("health-timeout");
    // Accepts connections (the backlog) but never answers the handshake.
    let silent = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let mut args = health_args(silent.local_addr().unwrap(), &pki.dir, None);
    args.extend(["--timeout-secs".into(), "1".into()]);
    let started = std::time::Instant::now();
    let output = run_health(args).await;
    assert_fails_with(&output, "no answer within 1 s");
    assert!(started.elapsed() < std::time::Duration::from_secs(10));
    drop(silent);
}

/// The exec probe of deploy/kubernetes/tls/deployment.yaml, run as written
/// against a mutual-TLS server: only the address and the mounted secret
/// folders are swapped for the test's.
#[tokio::test]
async fn tls_manifest_probe_command_passes_against_mutual_tls() {
    use crate::deploy::{exec_probe_commands, TLS_DEPLOYMENT};
    let pki = Pki::new("probe");
    let server = TestServer::start(pki.config(true)).await;
    let files = [
        ("/etc/textanalysis/tls/ca.crt", pki.path("ca.pem")),
        ("/etc/textanalysis/probe/tls.crt", pki.path("client.pem")),
        ("/etc/textanalysis/probe/tls.key", pki.path("client.key")),
    ];
    for command in exec_probe_commands(TLS_DEPLOYMENT) {
        let args: Vec<std::ffi::OsString> = command[2..]
            .iter()
            .map(|arg| {
                if arg.starts_with("--addr=") {
                    return format!("--addr={}", server.addr).into();
                }
                let (flag, value) = arg.split_once('=').unwrap();
                match files.iter().find(|(mounted, _)| *mounted == value) {
                    Some((_, local)) => format!("{flag}={}", local.display()).into(),
                    None => arg.into(),
                }
            })
            .collect();
        let output = run_health(args).await;
        assert!(
            output.status.success(),
            "{command:?}: {}",
            String::from_utf8_lossy(&output.stderr)
        );
        assert_eq!(String::from_utf8_lossy(&output.stdout).trim(), "SERVING");
    }
    server.stop().await;
}
