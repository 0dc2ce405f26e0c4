#!/usr/bin/env bash
# Builds the container image with the .NET SDK's own container support (no Dockerfile, no Docker daemon needed) into a
# local OCI tarball, ready for `docker load` / `podman load` or a registry push by your pipeline:
#   scripts/container-image.sh [--local-base] [--check] [tag, default: the commit's short hash] [output folder, default artifacts/container]
# The base is mcr.microsoft.com/dotnet/aspnet:10.0-noble, pulled from Microsoft's registry the first time.
# --local-base: where that registry cannot be reached, builds a Debian 12 base from Debian's packages instead
#   (scripts/container-base.sh: tzdata, ICU, the user "app") and publishes the app self-contained on it. Needs root.
# --check: then runs the image as it would run (its user, working directory, entry point and environment, port 8080)
#   in a chroot of its unpacked layers, waits for /health to answer Healthy and stops it. Needs root and Node.
# ARCH=arm64 builds for 64-bit ARM hosts (default x64). See README "Container" for volumes, settings and probes.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
local_base=false check=false
while [[ ${1:-} == --* ]]; do
  case "$1" in
    --local-base) local_base=true ;;
    --check) check=true ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
  shift
done
tag=${1:-$(git -C "$root" rev-parse --short HEAD 2>/dev/null || echo latest)}
out=${2:-$root/artifacts/container}
mkdir -p "$out"
archive="$out/coaching-$tag.tar"
log="$out/publish-$tag.log"
extra=()
if $local_base; then
  base=$("$root/scripts/container-base.sh" start)
  trap '"$root/scripts/container-base.sh" stop' EXIT
  extra=(-p:ContainerBaseImage="$base" -p:SelfContained=true)
fi
echo "Building the container image coaching:$tag into $archive (log: $log)"
if ! dotnet publish "$root/Coaching.Web/Coaching.Web.csproj" -c Release -r "linux-${ARCH:-x64}" -t:PublishContainer --nologo \
    -p:ContainerImageTag="$tag" -p:ContainerArchiveOutputPath="$archive" "${extra[@]}" >"$log" 2>&1; then
  if grep -qiE "CONTAINER10(04|08)|mcr\.microsoft\.com|Name or service not known|Connection refused|timed out|No such host|Resource temporarily unavailable" "$log"; then
    echo "Could not fetch the base image: this machine cannot reach its registry. Run this script again where" >&2
    echo "https://mcr.microsoft.com is reachable, through a registry mirror (-p:ContainerBaseImage=your-mirror/dotnet/aspnet:10.0-noble)," >&2
    echo "or with --local-base (a Debian base built from Debian's packages). The error:" >&2
    grep -m1 -oE "(HttpRequestException|CONTAINER[0-9]+)[^[]*" "$log" >&2
  else
    echo "dotnet publish failed; the end of $log:" >&2
    tail -20 "$log" >&2
  fi
  exit 1
fi
echo "Done: $(du -h "$archive" | cut -f1) at $archive"
echo "Load it with:  docker load -i $archive   (the image is coaching:$tag)"
$check || exit 0

# Run the image's own files as the image says, without a container runtime (none works in this project's test VMs).
work=$(mktemp -d /tmp/coaching-image-check.XXXXXX)
eval "$(node "$root/scripts/container-check.mjs" "$archive" "$work")"
chroot_root="$work/root"
mount --bind /proc "$chroot_root/proc"
mount --bind /dev "$chroot_root/dev"
cleanup() {
  [ -n "${app:-}" ] && kill "$app" 2>/dev/null && wait "$app" 2>/dev/null
  umount -l "$chroot_root/proc" "$chroot_root/dev" 2>/dev/null || true
  rm -rf "$work"
  $local_base && "$root/scripts/container-base.sh" stop
}
trap cleanup EXIT
port=${ports[0]:-8080}
echo "Checking: ${entrypoint[*]} as user ${user} in ${workdir}, port $port"
chroot --userspec="$user:$user" "$chroot_root" /usr/bin/env -i HOME=/home/app PATH=/usr/bin:/bin "${environment[@]}" \
  Summaries__PortalUrl="http://localhost:$port" /bin/sh -c "cd '$workdir' && exec \"\$@\"" sh "${entrypoint[@]}" >"$out/check-$tag.log" 2>&1 &
app=$!
for _ in $(seq 120); do
  answer=$(curl -sf "http://127.0.0.1:$port/health" 2>/dev/null || true)
  [ "$answer" = Healthy ] && break
  sleep 0.5
done
if [ "$answer" != Healthy ]; then
  echo "The image did not answer Healthy on /health; its log ($out/check-$tag.log):" >&2
  tail -20 "$out/check-$tag.log" >&2
  exit 1
fi
login=$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port/Account/Login")
data=$(ls "$chroot_root/home/app/data" | tr '\n' ' ')
echo "Checked: /health Healthy, /Account/Login $login, running as uid $(stat -c %u "$chroot_root/home/app/data/coaching.db"), data in /home/app/data: $data"
