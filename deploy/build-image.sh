#!/usr/bin/env bash
# Build a minimal OCI image FROM scratch with buildah (no container engine or
# base-image pull needed): the release binary plus the shared libraries `ldd`
# lists, non-root, port 50051. Then check the image's config and that the
# binary runs from the image's root filesystem (chroot).
# Usage: deploy/build-image.sh [BINARY]   (default target/release/textanalysis)
set -euo pipefail
binary=${1:-target/release/textanalysis}
image=localhost/textanalysis:ci
export STORAGE_DRIVER=vfs BUILDAH_ISOLATION=chroot
command -v buildah >/dev/null || { echo "buildah is required" >&2; exit 1; }

ctr=$(buildah --storage-driver vfs from scratch)
trap 'buildah --storage-driver vfs rm "$ctr" >/dev/null 2>&1 || true' EXIT
root=$(buildah --storage-driver vfs mount "$ctr")
install -D -m 0755 "$binary" "$root/usr/local/bin/textanalysis"
# Shared libraries the binary links, at the same paths.
for lib in $(ldd "$binary" | grep -o '/[^ ]*'); do
    install -D -m 0755 "$lib" "$root$lib"
done
install -d -m 1777 "$root/tmp"
buildah --storage-driver vfs config \
    --user 65532:65532 \
    --port 50051/tcp \
    --port 9090/tcp \
    --env TEXTANALYSIS_ADDR=0.0.0.0:50051 \
    --env TEXTANALYSIS_LOG_FORMAT=json \
    --entrypoint '["/usr/local/bin/textanalysis"]' \
    --cmd serve \
    --healthcheck 'CMD /usr/local/bin/textanalysis health --addr 127.0.0.1:50051' \
    --healthcheck-interval 10s \
    --label org.opencontainers.image.title=textanalysis \
    "$ctr"

# The binary starts from the image root alone (no host libraries).
chroot "$root" /usr/local/bin/textanalysis --version
chroot "$root" /usr/local/bin/textanalysis serve --help >/dev/null
buildah --storage-driver vfs umount "$ctr" >/dev/null
buildah --storage-driver vfs commit --format docker "$ctr" "$image" >/dev/null

config=$(buildah --storage-driver vfs inspect --type image "$image")
echo "$config" | grep -q '"User": "65532:65532"' || { echo "image does not run as non-root" >&2; exit 1; }
echo "$config" | grep -q '"50051/tcp"' || { echo "image does not expose 50051" >&2; exit 1; }
size=$(buildah --storage-driver vfs images --format '{{.Size}}' "$image")
echo "built $image ($size)"
