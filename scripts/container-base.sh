#!/usr/bin/env bash
# A base image for scripts/container-image.sh --local-base, for machines that cannot reach Microsoft's registry (an
# air-gapped site; this project's test machines): Debian 12 "minbase" with what ASP.NET Core's runtime-deps image
# carries (tzdata, ICU, CA certificates, OpenSSL, zlib) and the user "app" (uid 1654, home /home/app), served by a
# throwaway registry on loopback, where the SDK pulls its base from. Needs root and Debian's package mirror.
#   scripts/container-base.sh start   # builds the base, starts the registry, prints the base image's reference
#   scripts/container-base.sh stop    # stops the registry and removes its files
set -euo pipefail
port=${COACHING_BASE_REGISTRY_PORT:-5055}
state=/tmp/coaching-base-registry
ref="localhost:$port/coaching-base:bookworm"
case "${1:-start}" in
  stop)
    [ -f "$state/pid" ] && kill "$(cat "$state/pid")" 2>/dev/null || true
    rm -rf "$state"
    exit 0 ;;
  start) ;;
  *) echo "usage: $0 start|stop" >&2; exit 2 ;;
esac
missing=()
for tool in debootstrap:debootstrap docker-registry:docker-registry podman:podman; do
  command -v "${tool%%:*}" >/dev/null || missing+=("${tool##*:}")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "Installing ${missing[*]} (Debian packages)" >&2
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q "${missing[@]}" >&2
fi
rootfs=$(mktemp -d /tmp/coaching-base-rootfs.XXXXXX)
chmod 755 "$rootfs" # it becomes the image's /, which everyone must be able to enter
trap 'rm -rf "$rootfs"' EXIT
echo "Building the base from Debian 12 packages in $rootfs" >&2
debootstrap --variant=minbase --include=tzdata,libicu72,ca-certificates,libssl3,zlib1g bookworm "$rootfs" http://deb.debian.org/debian >&2
chroot "$rootfs" groupadd -g 1654 app
chroot "$rootfs" useradd -u 1654 -g 1654 -m -d /home/app -s /usr/sbin/nologin app
rm -rf "$rootfs"/var/cache/apt/archives/*.deb "$rootfs"/var/lib/apt/lists/* "$rootfs"/usr/share/doc/* "$rootfs"/usr/share/man/*
tar -C "$rootfs" -c . | podman import - coaching-base:bookworm >&2
mkdir -p "$state/data"
printf 'version: 0.1\nlog:\n  level: warn\nstorage:\n  filesystem:\n    rootdirectory: %s\nhttp:\n  addr: 127.0.0.1:%s\n' "$state/data" "$port" > "$state/config.yml"
docker-registry serve "$state/config.yml" >"$state/log" 2>&1 &
echo $! > "$state/pid"
for _ in $(seq 50); do curl -sf "http://127.0.0.1:$port/v2/" >/dev/null && break; sleep 0.2; done
podman push --tls-verify=false coaching-base:bookworm "$ref" >&2
echo "$ref"
