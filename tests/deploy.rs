//! Manifests, Dockerfile and binary agree: ports, probe service name,
//! environment variable and flag names, subcommands, shutdown grace; the TLS
//! variant's exec probes use flags `textanalysis health` has and files its
//! volumes mount.

use std::process::Command;
use textanalysis::config::Config;

const DOCKERFILE: &str = include_str!("../deploy/Dockerfile");
const DEPLOYMENT: &str = include_str!("../deploy/kubernetes/deployment.yaml");
/// The Deployment with TLS on and exec probes.
pub const TLS_DEPLOYMENT: &str = include_str!("../deploy/kubernetes/tls/deployment.yaml");
const SERVICE: &str = include_str!("../deploy/kubernetes/service.yaml");
const IMAGE_SCRIPT: &str = include_str!("../deploy/build-image.sh");

fn binary_output(args: &[&str]) -> String {
    let output = Command::new(env!("CARGO_BIN_EXE_textanalysis"))
        .args(args)
        .output()
        .expect("the binary runs");
    assert!(output.status.success(), "textanalysis {args:?} failed");
    String::from_utf8(output.stdout).unwrap()
}

fn numbers_after(text: &str, key: &str) -> Vec<u64> {
    text.lines()
        .filter_map(|line| line.trim().strip_prefix(key))
        .filter_map(|rest| rest.trim().trim_matches('"').parse().ok())
        .collect()
}

#[test]
fn every_port_is_the_default_grpc_port() {
    let config = Config::default();
    let port = config.server.addr.port();
    let metrics_port = config.server.metrics_addr.unwrap().port();
    assert!(DOCKERFILE.contains(&format!("EXPOSE {port} {metrics_port}")));
    assert!(IMAGE_SCRIPT.contains(&format!("--port {metrics_port}/tcp")));
    assert!(DEPLOYMENT.contains(&format!("prometheus.io/port: \"{metrics_port}\"")));
    assert!(DOCKERFILE.contains(&format!("127.0.0.1:{port}")));
    assert!(IMAGE_SCRIPT.contains(&format!("--port {port}/tcp")));
    let container_ports = numbers_after(DEPLOYMENT, "containerPort:");
    let probe_ports = numbers_after(DEPLOYMENT, "port:");
    assert_eq!(
        container_ports,
        vec![u64::from(port), u64::from(metrics_port)]
    );
    assert!(probe_ports.len() >= 2 && probe_ports.iter().all(|&p| p == u64::from(port)));
    assert!(numbers_after(SERVICE, "port:")
        .iter()
        .all(|&p| p == u64::from(port)));
}

#[test]
fn probes_name_the_service_the_server_registers() {
    let pool =
        prost_reflect::DescriptorPool::decode(textanalysis::grpc::pb::FILE_DESCRIPTOR_SET).unwrap();
    let names: Vec<String> = DEPLOYMENT
        .lines()
        .filter_map(|l| l.trim().strip_prefix("service:"))
        .map(|s| s.trim().to_owned())
        .collect();
    assert_eq!(names.len(), 2, "readiness and liveness");
    for name in names {
        assert!(
            pool.get_service_by_name(&name).is_some(),
            "{name} is in the proto"
        );
    }
}

#[test]
fn environment_names_are_flags_the_binary_reads() {
    let help = binary_output(&["serve", "--help"]);
    let env_re = regex::Regex::new(r"TEXTANALYSIS_[A-Z_]+").unwrap();
    let mut checked = 0;
    for text in [DOCKERFILE, DEPLOYMENT, TLS_DEPLOYMENT, IMAGE_SCRIPT] {
        for name in env_re.find_iter(text) {
            assert!(
                help.contains(&format!("[env: {}=", name.as_str())),
                "{} is not read by `textanalysis serve`",
                name.as_str()
            );
            checked += 1;
        }
    }
    assert!(checked >= 6);
}

#[test]
fn container_commands_exist() {
    binary_output(&["serve", "--help"]);
    let health_help = binary_output(&["health", "--help"]);
    assert!(health_help.contains("--addr"));
    assert!(DOCKERFILE.contains(r#"CMD ["serve"]"#));
    assert!(DEPLOYMENT.contains(r#"args: ["serve"]"#));
}

#[test]
fn pods_wait_longer_than_the_server_drains() {
    let grace = numbers_after(DEPLOYMENT, "terminationGracePeriodSeconds:")[0];
    let drain: u64 = DEPLOYMENT
        .split("TEXTANALYSIS_SHUTDOWN_GRACE_SECS")
        .nth(1)
        .and_then(|rest| numbers_after(rest, "value:").first().copied())
        .unwrap();
    assert!(
        drain < grace,
        "drain {drain}s must end before the pod is killed at {grace}s"
    );
    assert!(Config::default().server.shutdown_grace_secs < grace);
}

/// The `command:` lists of the exec probes in `manifest`, one per probe.
pub fn exec_probe_commands(manifest: &str) -> Vec<Vec<String>> {
    let mut commands = Vec::new();
    let mut current: Option<Vec<String>> = None;
    for line in manifest.lines() {
        let trimmed = line.trim();
        if trimmed == "command:" {
            current = Some(Vec::new());
        } else if let Some(command) = current.as_mut() {
            match trimmed.strip_prefix("- ") {
                Some(item) => command.push(item.trim_matches('"').to_owned()),
                None => commands.extend(current.take()),
            }
        }
    }
    commands.extend(current);
    commands
}

#[test]
fn tls_variant_matches_the_plain_deployment_where_it_should() {
    // Everything but the probes, TLS settings and volumes is the same.
    for key in [
        "containerPort:",
        "terminationGracePeriodSeconds:",
        "prometheus.io/port:",
    ] {
        assert_eq!(
            numbers_after(TLS_DEPLOYMENT, key),
            numbers_after(DEPLOYMENT, key),
            "{key}"
        );
    }
    assert!(TLS_DEPLOYMENT.contains(r#"args: ["serve"]"#));
    assert!(
        !TLS_DEPLOYMENT.contains("grpc:\n"),
        "kubelet gRPC probes cannot speak TLS"
    );
}

#[test]
fn tls_exec_probes_use_health_flags_and_mounted_files() {
    let commands = exec_probe_commands(TLS_DEPLOYMENT);
    assert_eq!(commands.len(), 2, "readiness and liveness");
    let health_help = binary_output(&["health", "--help"]);
    let mounts: Vec<&str> = TLS_DEPLOYMENT
        .lines()
        .filter_map(|l| l.trim().strip_prefix("mountPath:"))
        .map(str::trim)
        .collect();
    let pool =
        prost_reflect::DescriptorPool::decode(textanalysis::grpc::pb::FILE_DESCRIPTOR_SET).unwrap();
    assert!(DOCKERFILE.contains("/usr/local/bin/textanalysis\n"));
    for command in &commands {
        assert_eq!(command[0], "/usr/local/bin/textanalysis");
        assert_eq!(command[1], "health");
        for arg in &command[2..] {
            let (flag, value) = arg.split_once('=').expect("--flag=value");
            assert!(
                health_help.contains(flag),
                "`textanalysis health` has no {flag}"
            );
            if value.starts_with('/') {
                assert!(
                    mounts.iter().any(|m| value.starts_with(&format!("{m}/"))),
                    "{value} is under no volume mount"
                );
            }
            if flag == "--service" {
                assert!(pool.get_service_by_name(value).is_some(), "{value}");
            }
        }
        for needed in [
            "--tls-ca-cert",
            "--tls-server-name",
            "--tls-cert",
            "--tls-key",
        ] {
            assert!(
                command.iter().any(|a| a.starts_with(&format!("{needed}="))),
                "{needed}"
            );
        }
    }
    // The server's own files are mounted too.
    for name in [
        "TEXTANALYSIS_TLS_CERT",
        "TEXTANALYSIS_TLS_KEY",
        "TEXTANALYSIS_TLS_CLIENT_CA",
    ] {
        let value = TLS_DEPLOYMENT
            .split(&format!("name: {name}\n"))
            .nth(1)
            .and_then(|rest| rest.lines().next())
            .and_then(|l| l.trim().strip_prefix("value:"))
            .map(str::trim)
            .unwrap_or_else(|| panic!("{name} has a value"));
        assert!(
            mounts.iter().any(|m| value.starts_with(&format!("{m}/"))),
            "{value}"
        );
    }
}
