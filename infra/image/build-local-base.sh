#!/usr/bin/env bash
# Builds a local JRE 17 base image from Debian's packages, without a Docker daemon or a container
# registry, and prints the path of its tarball (docker-save format, which Jib reads as
# tar:///path). The release image's default base is the public eclipse-temurin:17-jre; this one
# exists so that the image pipeline can be built and checked on machines that reach no registry.
#
#   infra/image/build-local-base.sh            # prints e.g. /root/.cache/bonfire/base-image/3f1c…/base.tar
#   BONFIRE_BASE_REFRESH=1 infra/image/build-local-base.sh   # rebuild even when cached
#
# Needs root (debootstrap mounts and chroots); installs debootstrap with apt-get when missing.
# The result is cached under ~/.cache/bonfire/base-image/<hash of the inputs>/ so reruns take no
# time; the first run takes about a minute. Progress goes to stderr, the path alone to stdout.
set -euo pipefail

SUITE="${BONFIRE_BASE_SUITE:-bookworm}"
# the Debian archive the system's apt already uses (so this script names no mirror); BONFIRE_BASE_MIRROR overrides
debian_mirror() {
  # shellcheck disable=SC2016 # apt's own $(FIELD) placeholders
  apt-get indextargets --format '$(ORIGIN)|$(LABEL)|$(REPO_URI)' 2>/dev/null |
    awk -F'|' '$1 == "Debian" && $2 == "Debian" {print $3; exit}'
}
MIRROR="${BONFIRE_BASE_MIRROR:-$(debian_mirror)}"
if [ -z "$MIRROR" ]; then
  apt-get update -q >/dev/null 2>&1 || true
  MIRROR="$(debian_mirror)"
fi
[ -n "$MIRROR" ] || { echo "build-local-base: no Debian archive among the system's apt sources; set BONFIRE_BASE_MIRROR" >&2; exit 1; }
PACKAGES="openjdk-17-jre-headless,ca-certificates"
RUN_AS="65532:65532"   # numeric, so orchestrators can verify "non-root" without /etc/passwd
JAVA_HOME_IN_IMAGE="/usr/lib/jvm/java-17-openjdk-amd64"
HEALTHCHECK_CMD="/opt/bonfire/bin/healthcheck"   # shipped by the bonfire image (infra/image/rootfs)

log() { echo "build-local-base: $*" >&2; }

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
key="$(printf '%s\n' "$SUITE" "$MIRROR" "$PACKAGES" "$RUN_AS" "$(sha256sum "$here/build-local-base.sh")" \
  | sha256sum | cut -c1-16)"
cache_root="${XDG_CACHE_HOME:-$HOME/.cache}/bonfire/base-image"
out_dir="$cache_root/$key"
out="$out_dir/base.tar"

if [[ -s "$out" && "${BONFIRE_BASE_REFRESH:-0}" != "1" ]]; then
  log "cached: $out"
  echo "$out"
  exit 0
fi

if [[ "$(id -u)" != "0" ]]; then
  log "debootstrap needs root; run as root or use a public base (see docs/deploy.md)"
  exit 1
fi
if ! command -v debootstrap >/dev/null 2>&1; then
  log "installing debootstrap"
  apt-get update -qq >&2
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq debootstrap >&2
fi

work="$(mktemp -d "${TMPDIR:-/tmp}/bonfire-base.XXXXXX")"
cleanup() {
  # debootstrap can leave proc/sys mounted when it fails half-way
  for m in proc sys dev/pts dev; do umount -l "$work/rootfs/$m" 2>/dev/null || true; done
  rm -rf "$work"
}
trap cleanup EXIT
rootfs="$work/rootfs"

log "debootstrap $SUITE (minbase + $PACKAGES) from $MIRROR"
debootstrap --variant=minbase --include="$PACKAGES" "$SUITE" "$rootfs" "$MIRROR" >"$work/debootstrap.log" 2>&1 || {
  tail -30 "$work/debootstrap.log" >&2
  exit 1
}

test -x "$rootfs$JAVA_HOME_IN_IMAGE/bin/java" || { log "no JRE at $JAVA_HOME_IN_IMAGE"; exit 1; }

log "trimming package caches, documentation and locales"
rm -rf "$rootfs"/var/cache/apt/* "$rootfs"/var/lib/apt/lists/* "$rootfs"/var/log/* \
  "$rootfs"/usr/share/doc/* "$rootfs"/usr/share/man/* "$rootfs"/usr/share/info/* \
  "$rootfs"/usr/share/locale/* "$rootfs"/tmp/* "$rootfs"/root/.cache
# the runtime user; no login shell, its own home for Java's user.home
echo "nonroot:x:65532:65532:bonfire runtime user:/home/nonroot:/usr/sbin/nologin" >>"$rootfs/etc/passwd"
echo "nonroot:x:65532:" >>"$rootfs/etc/group"
echo "nonroot:!:19000::::::" >>"$rootfs/etc/shadow"
install -d -m 0750 -o 65532 -g 65532 "$rootfs/home/nonroot"
chmod 1777 "$rootfs/tmp"

log "packing the layer"
layer="$work/layer.tar"
# numeric owners as they are on disk (setuid helpers and shadow keep their groups); fixed mtimes
tar --numeric-owner --sort=name --mtime='2000-01-01 00:00:00Z' -C "$rootfs" -cf "$layer" .
diff_id="sha256:$(sha256sum "$layer" | cut -d' ' -f1)"
created="$(date -u +%Y-%m-%dT%H:%M:%SZ)"
jre_version="openjdk-17-jre-headless $(chroot "$rootfs" dpkg-query -W -f='${Version}' openjdk-17-jre-headless)"

image="$work/image"
mkdir -p "$image"
mv "$layer" "$image/layer.tar"
cat >"$image/config.json" <<EOF
{
  "architecture": "amd64",
  "os": "linux",
  "created": "$created",
  "config": {
    "Env": [
      "PATH=$JAVA_HOME_IN_IMAGE/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin",
      "JAVA_HOME=$JAVA_HOME_IN_IMAGE",
      "LANG=C.UTF-8"
    ],
    "User": "$RUN_AS",
    "WorkingDir": "/",
    "Healthcheck": {
      "Test": ["CMD", "$HEALTHCHECK_CMD"],
      "Interval": 30000000000,
      "Timeout": 5000000000,
      "StartPeriod": 90000000000,
      "Retries": 3
    },
    "Labels": {
      "org.opencontainers.image.title": "bonfire local base (Debian $SUITE, $jre_version)",
      "org.opencontainers.image.description": "Built by infra/image/build-local-base.sh for offline builds and tests"
    }
  },
  "rootfs": { "type": "layers", "diff_ids": ["$diff_id"] },
  "history": [
    { "created": "$created", "created_by": "infra/image/build-local-base.sh: debootstrap --variant=minbase $SUITE + $PACKAGES" }
  ]
}
EOF
cat >"$image/manifest.json" <<EOF
[{"Config":"config.json","RepoTags":["bonfire-base:local"],"Layers":["layer.tar"]}]
EOF

mkdir -p "$out_dir"
tar -C "$image" -cf "$out.partial" manifest.json config.json layer.tar
mv "$out.partial" "$out"
# older builds (other inputs) are dead weight of ~300 MB each
find "$cache_root" -mindepth 1 -maxdepth 1 -type d ! -name "$key" -exec rm -rf {} +
log "built $out ($(du -h "$out" | cut -f1), $jre_version)"
echo "$out"
