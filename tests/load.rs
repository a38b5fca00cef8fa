//! The server binary as a child process under signals and load: SIGTERM with
//! 50 calls in flight, overload at 10× the concurrency limit, and a soak run
//! that watches the child's memory (`/proc/PID/status`). Loopback only; every
//! loop is bounded in time and count.
//!
//! The short versions run in `cargo test`. The long ones are `#[ignore]`d:
//! `TEXTANALYSIS_BIN=target/release/textanalysis cargo test --test main load::long -- --ignored --nocapture`
//! (see docs/reliability.md for recorded output).

use crate::grpc::{text_request, SEED_000, SEED_004};
use std::io::{BufRead, BufReader};
use std::net::SocketAddr;
use std::process::{Child, Command, Stdio};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};
use textanalysis::grpc::pb::text_analysis_client::TextAnalysisClient;
use tonic::transport::Channel;
use tonic::Code;

/// The server binary: `TEXTANALYSIS_BIN` (e.g. a release build) or the test build's.
fn binary() -> String {
    std::env::var("TEXTANALYSIS_BIN").unwrap_or_else(|_| env!("CARGO_BIN_EXE_textanalysis").into())
}

/// `textanalysis serve` on 127.0.0.1:0 as a child; the address is read from its log.
pub struct ChildServer {
    child: Child,
    pub addr: SocketAddr,
    log: std::sync::mpsc::Receiver<String>,
}

impl ChildServer {
    pub fn start(args: &[&str]) -> ChildServer {
        let mut child = Command::new(binary())
            .args([
                "serve",
                "--addr",
                "127.0.0.1:0",
                "--metrics-addr",
                "off",
                "--log-format",
                "json",
            ])
            .args(args)
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .spawn()
            .expect("start the server binary");
        let stderr = child.stderr.take().expect("piped stderr");
        let (sender, log) = std::sync::mpsc::channel();
        std::thread::spawn(move || {
            for line in BufReader::new(stderr).lines().map_while(Result::ok) {
                if sender.send(line).is_err() {
                    break;
                }
            }
        });
        let deadline = Instant::now() + Duration::from_secs(60);
        let addr = loop {
            let line = log
                .recv_timeout(deadline.saturating_duration_since(Instant::now()))
                .expect("the server logs its address within 60 s");
            let entry: serde_json::Value = serde_json::from_str(&line).unwrap_or_default();
            if let Some(addr) = entry["fields"]["addr"].as_str() {
                if entry["fields"]["message"]
                    .as_str()
                    .is_some_and(|m| m.starts_with("serving textanalysis"))
                {
                    break addr.parse().expect("a socket address");
                }
            }
        };
        ChildServer { child, addr, log }
    }

    pub fn pid(&self) -> u32 {
        self.child.id()
    }

    /// VmRSS and VmHWM of the child, in KiB.
    pub fn memory_kib(&self) -> (u64, u64) {
        let status = std::fs::read_to_string(format!("/proc/{}/status", self.pid()))
            .expect("the server is alive");
        let field = |name: &str| {
            status
                .lines()
                .find_map(|l| l.strip_prefix(name))
                .and_then(|v| v.split_whitespace().next()?.parse().ok())
                .unwrap_or(0)
        };
        (field("VmRSS:"), field("VmHWM:"))
    }

    pub fn is_running(&mut self) -> bool {
        matches!(self.child.try_wait(), Ok(None))
    }

    pub fn signal(&self, name: &str) {
        let status = Command::new("kill")
            .args([&format!("-{name}"), &self.pid().to_string()])
            .status()
            .expect("run kill");
        assert!(status.success());
    }

    /// Wait for the child to exit (bounded); its exit status.
    pub fn wait(&mut self, limit: Duration) -> std::process::ExitStatus {
        let deadline = Instant::now() + limit;
        loop {
            if let Ok(Some(status)) = self.child.try_wait() {
                return status;
            }
            assert!(
                Instant::now() < deadline,
                "server did not exit in {limit:?}"
            );
            std::thread::sleep(Duration::from_millis(20));
        }
    }

    /// Log lines so far.
    pub fn drain_log(&self) -> Vec<String> {
        self.log.try_iter().collect()
    }
}

impl Drop for ChildServer {
    fn drop(&mut self) {
        if self.is_running() {
            let _ = self.child.kill();
            let _ = self.child.wait();
        }
    }
}

async fn client(addr: SocketAddr) -> TextAnalysisClient<Channel> {
    let channel = Channel::from_shared(format!("http://{addr}"))
        .expect("an address")
        .connect()
        .await
        .expect("connect");
    TextAnalysisClient::new(channel).max_decoding_message_size(64 * 1024 * 1024)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn sigterm_with_50_calls_in_flight_completes_or_refuses_each() {
    let mut server = ChildServer::start(&["--shutdown-grace-secs", "120"]);
    let article = SEED_004.repeat(3);
    let mut clients = Vec::new();
    for _ in 0..5 {
        clients.push(client(server.addr).await);
    }
    let (first_done, mut first) = tokio::sync::mpsc::channel::<()>(50);
    let calls: Vec<_> = (0..50)
        .map(|i| {
            let mut client = clients[i % clients.len()].clone();
            let request = text_request(&format!("call-{i}"), &article);
            let first_done = first_done.clone();
            tokio::spawn(async move {
                let result = client.analyze(request).await;
                let _ = first_done.try_send(());
                result
            })
        })
        .collect();
    // Signal once the server has answered one call: the rest are in flight.
    first.recv().await.expect("one call finishes");
    server.signal("TERM");
    // Calls that arrive while the server drains are refused, never cut.
    let late: Vec<_> = (0..5)
        .map(|i| {
            let mut client = clients[i].clone();
            tokio::spawn(async move { client.analyze(text_request("late", SEED_000)).await })
        })
        .collect();
    let (mut ok, mut unavailable) = (0, 0);
    for (i, call) in calls.into_iter().enumerate() {
        match call.await.expect("call task") {
            Ok(response) => {
                let response = response.into_inner();
                assert_eq!(response.id, format!("call-{i}"));
                let body = response.document.expect("a whole document").body;
                assert!(body.len() > article.len() / 2, "call-{i}: body cut short");
                assert!(!response.entities.is_empty(), "call-{i}: entities");
                ok += 1;
            }
            Err(status) if status.code() == Code::Unavailable => unavailable += 1,
            Err(status) => panic!("call-{i} was cut: {status:?}"),
        }
    }
    eprintln!("SIGTERM with 50 in flight: {ok} OK, {unavailable} UNAVAILABLE");
    assert_eq!(ok + unavailable, 50);
    let mut late_codes = Vec::new();
    for call in late {
        let (code, message) = match call.await.expect("late task") {
            Ok(response) => {
                assert!(response.into_inner().document.is_some());
                (Code::Ok, String::new())
            }
            Err(status) => (status.code(), status.message().to_owned()),
        };
        // A call racing the server's GOAWAY is refused at the HTTP/2 level: tonic
        // reports that as UNAVAILABLE or CANCELLED, or as INTERNAL "h2 protocol
        // error: ..." when the stream is reset with a reason it maps to INTERNAL
        // (NO_ERROR among them). Seen in about 1 run in 10 on the 2-core machine,
        // on the commit before these changes too. Either way the caller gets no
        // answer and may retry elsewhere; nothing may come back half done
        // (checked above).
        let refused_by_goaway = code == Code::Internal && message.starts_with("h2 protocol error");
        assert!(
            matches!(code, Code::Ok | Code::Unavailable | Code::Cancelled) || refused_by_goaway,
            "{code:?}: {message}"
        );
        late_codes.push(code);
    }
    eprintln!("calls sent after SIGTERM: {late_codes:?}");
    let status = server.wait(Duration::from_secs(120));
    assert!(status.success(), "server exit status {status:?}");
    let log = server.drain_log().join("\n");
    assert!(log.contains("SIGTERM received"), "{log}");
}

/// Outcome counts of a load run.
#[derive(Debug, Default)]
struct Counts {
    ok: u64,
    exhausted: u64,
    other: Vec<String>,
    latencies_ms: Vec<f64>,
}

impl Counts {
    fn percentile(&self, p: f64) -> f64 {
        let mut sorted = self.latencies_ms.clone();
        sorted.sort_by(f64::total_cmp);
        if sorted.is_empty() {
            return 0.0;
        }
        sorted[((sorted.len() - 1) as f64 * p).round() as usize]
    }
}

/// `workers` clients calling Analyze back to back for `duration` (each call
/// bounded by a 30 s deadline); RESOURCE_EXHAUSTED answers wait the pushback hint.
async fn hammer(addr: SocketAddr, workers: usize, duration: Duration, article: &str) -> Counts {
    let stop = Arc::new(AtomicBool::new(false));
    let mut connections = Vec::new();
    for _ in 0..workers.div_ceil(10) {
        connections.push(client(addr).await);
    }
    let tasks: Vec<_> = (0..workers)
        .map(|i| {
            let mut client = connections[i % connections.len()].clone();
            let stop = Arc::clone(&stop);
            let article = article.to_owned();
            tokio::spawn(async move {
                let mut counts = Counts::default();
                while !stop.load(Ordering::Relaxed) {
                    let mut request = tonic::Request::new(text_request("load", &article));
                    request.set_timeout(Duration::from_secs(30));
                    let started = Instant::now();
                    match client.analyze(request).await {
                        Ok(_) => {
                            counts.ok += 1;
                            counts
                                .latencies_ms
                                .push(started.elapsed().as_secs_f64() * 1e3);
                        }
                        Err(status) if status.code() == Code::ResourceExhausted => {
                            counts.exhausted += 1;
                            assert!(status.metadata().get("grpc-retry-pushback-ms").is_some());
                            tokio::time::sleep(Duration::from_millis(10)).await;
                        }
                        Err(status) => counts.other.push(format!("{status:?}")),
                    }
                }
                counts
            })
        })
        .collect();
    tokio::time::sleep(duration).await;
    stop.store(true, Ordering::Relaxed);
    let mut total = Counts::default();
    for task in tasks {
        let counts = task.await.expect("load task");
        total.ok += counts.ok;
        total.exhausted += counts.exhausted;
        total.other.extend(counts.other);
        total.latencies_ms.extend(counts.latencies_ms);
    }
    total
}

/// Latency of single calls on an idle server, `n` of them; the largest.
async fn probe(addr: SocketAddr, n: usize) -> Duration {
    let mut client = client(addr).await;
    let mut worst = Duration::ZERO;
    for _ in 0..n {
        let started = Instant::now();
        client
            .analyze(text_request("probe", SEED_000))
            .await
            .expect("a normal call succeeds");
        worst = worst.max(started.elapsed());
    }
    worst
}

/// Overload at 10× `limit` for `secs`, then recovery; prints a report.
async fn overload(limit: usize, secs: u64, article: &str) {
    let mut server = ChildServer::start(&["--max-concurrent-analyses", &limit.to_string()]);
    let before = probe(server.addr, 5).await;
    let (rss_idle, _) = server.memory_kib();
    let started = Instant::now();
    let counts = hammer(server.addr, limit * 10, Duration::from_secs(secs), article).await;
    let (rss_after, hwm) = server.memory_kib();
    let recovery_started = Instant::now();
    let after = probe(server.addr, 5).await;
    println!(
        "overload: limit {limit}, {} clients for {secs} s ({:.1} s measured): {} OK, {} RESOURCE_EXHAUSTED, {} other; \
         OK latency p50 {:.0} ms p99 {:.0} ms; RSS idle {rss_idle} KiB, after {rss_after} KiB, peak (VmHWM) {hwm} KiB; \
         idle call before {:.0} ms, after {:.0} ms (5 calls, worst; recovered in {:.2} s)",
        limit * 10,
        started.elapsed().as_secs_f64(),
        counts.ok,
        counts.exhausted,
        counts.other.len(),
        counts.percentile(0.5),
        counts.percentile(0.99),
        before.as_secs_f64() * 1e3,
        after.as_secs_f64() * 1e3,
        recovery_started.elapsed().as_secs_f64(),
    );
    assert!(
        counts.other.is_empty(),
        "{:?}",
        &counts.other[..counts.other.len().min(5)]
    );
    assert!(counts.ok > 0, "some calls are served under overload");
    assert!(counts.exhausted > 0, "the excess is refused");
    assert!(server.is_running(), "no crash");
    // Memory stays bounded: the limiter admits `limit` analyses, the rest are
    // refused before any work, so the peak does not grow with the clients.
    assert!(hwm < 1024 * 1024, "peak RSS {hwm} KiB");
    server.signal("TERM");
    assert!(server.wait(Duration::from_secs(60)).success());
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn overload_at_ten_times_the_limit_sheds_and_recovers() {
    // Debug builds are slow: a short article keeps the run to seconds.
    let short: String = SEED_004.chars().take(1500).collect();
    overload(2, 3, &short).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "30 s; run with --ignored (see docs/reliability.md)"]
async fn long_overload_30s() {
    overload(8, 30, SEED_004).await;
}

/// Steady load for `minutes`, sampling RSS every 10 s, then a burst at 10×
/// the limit and recovery.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "minutes; run with --ignored (see docs/reliability.md)"]
async fn long_soak() {
    let minutes: u64 = std::env::var("SOAK_MINUTES")
        .ok()
        .and_then(|m| m.parse().ok())
        .unwrap_or(3);
    let limit = 8;
    let mut server = ChildServer::start(&["--max-concurrent-analyses", &limit.to_string()]);
    probe(server.addr, 3).await;
    let article = SEED_004.to_owned();
    let mut samples = Vec::new();
    let mut totals = (0, 0);
    let rounds = minutes * 6;
    for round in 0..rounds {
        let counts = hammer(server.addr, limit / 2, Duration::from_secs(10), &article).await;
        assert!(counts.other.is_empty(), "{:?}", counts.other);
        totals.0 += counts.ok;
        totals.1 += counts.exhausted;
        let (rss, hwm) = server.memory_kib();
        println!(
            "soak t={:>4}s rss={rss} KiB hwm={hwm} KiB ok={} p50={:.0}ms p99={:.0}ms",
            (round + 1) * 10,
            counts.ok,
            counts.percentile(0.5),
            counts.percentile(0.99)
        );
        samples.push(rss);
    }
    let burst = hammer(server.addr, limit * 10, Duration::from_secs(20), &article).await;
    let (rss_burst, hwm) = server.memory_kib();
    let recovery = Instant::now();
    let after = probe(server.addr, 5).await;
    let recovered = recovery.elapsed();
    let steady = hammer(server.addr, limit / 2, Duration::from_secs(10), &article).await;
    let (rss_end, _) = server.memory_kib();
    println!(
        "soak: {} OK, {} refused during steady load; burst: {} OK, {} RESOURCE_EXHAUSTED, {} other; \
         rss after burst {rss_burst} KiB, peak {hwm} KiB; idle call after burst {:.0} ms (recovered in {:.2} s); \
         steady again: p50 {:.0} ms; rss at end {rss_end} KiB",
        totals.0,
        totals.1,
        burst.ok,
        burst.exhausted,
        burst.other.len(),
        after.as_secs_f64() * 1e3,
        recovered.as_secs_f64(),
        steady.percentile(0.5),
    );
    // Flat: the second half's RSS stays within 20% of the first sample after warm-up.
    let warm = samples[samples.len().min(2) - 1];
    let last = *samples.last().expect("samples");
    assert!(
        (last as f64) < warm as f64 * 1.2,
        "RSS grew from {warm} to {last} KiB"
    );
    assert!(server.is_running());
    server.signal("TERM");
    assert!(server.wait(Duration::from_secs(60)).success());
}
