#!/usr/bin/env bash
# Offline checks of the deployment files: Dockerfile lint, Kubernetes schema
# validation, and an image built FROM scratch with buildah from the release binary.
# Consistency between manifests, Dockerfile and binary is tested in tests/deploy.rs.
set -euo pipefail
cd "$(dirname "$0")/.."
hadolint deploy/Dockerfile
kubernetes-validate --strict deploy/kubernetes/*.yaml deploy/kubernetes/tls/*.yaml
bash deploy/build-image.sh target/release/textanalysis
