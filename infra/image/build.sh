#!/usr/bin/env bash
# Builds bonfire's container image as a tarball, app/target/jib-image.tar (docker-load format),
# with Jib: no Docker daemon, no Dockerfile.
#
#   infra/image/build.sh                               # on a JRE base made here from Debian packages
#   BONFIRE_IMAGE_BASE=public infra/image/build.sh     # on eclipse-temurin:17-jre (needs Docker Hub)
#   BONFIRE_IMAGE_BASE=tar:///path/base.tar infra/image/build.sh   # or any image reference
#   RDS_CA_BUNDLE=/path/global-bundle.pem infra/image/build.sh     # bake in the RDS CA bundle
#   BONFIRE_IMAGE=bonfire:0.1.0 infra/image/build.sh   # the name:tag recorded in the tarball
#
# Then check it: mvn -pl infra/cdk -Pimage test (image configuration, plus a chroot run as root).
set -euo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$repo"
log() { echo "build-image: $*" >&2; }

case "${BONFIRE_IMAGE_BASE:-local}" in
  local) from="tar://$(infra/image/build-local-base.sh)" ;;
  public) from="eclipse-temurin:17-jre" ;;
  *) from="$BONFIRE_IMAGE_BASE" ;;
esac

bundle_in_image="infra/image/rootfs/opt/bonfire/certs/rds-global-bundle.pem"
if [[ -n "${RDS_CA_BUNDLE:-}" ]]; then
  grep -q "BEGIN CERTIFICATE" "$RDS_CA_BUNDLE" || { log "$RDS_CA_BUNDLE is not a PEM bundle"; exit 1; }
  cp "$RDS_CA_BUNDLE" "$bundle_in_image"
fi
if [[ ! -s "$bundle_in_image" ]]; then
  log "note: no RDS CA bundle at $bundle_in_image; the AWS stack's JDBC URL (sslmode=verify-full)"
  log "      needs it. Fine for local use; see docs/deploy.md before building for AWS."
fi

log "building app/target/jib-image.tar from $from"
args=(-B -q -pl app -am -Pimage -DskipTests -Djib.disableUpdateChecks=true "-Djib.from.image=$from")
[[ -n "${BONFIRE_IMAGE:-}" ]] && args+=("-Dbonfire.image=$BONFIRE_IMAGE")
mvn "${args[@]}" package
log "done: $(du -h app/target/jib-image.tar | cut -f1)"
echo "$repo/app/target/jib-image.tar"
