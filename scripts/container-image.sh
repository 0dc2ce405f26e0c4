#!/usr/bin/env bash
# Builds the container image with the .NET SDK's own container support (no Dockerfile, no Docker daemon needed) into a
# local tarball, ready for `docker load` / `podman load` or a registry push by your pipeline:
#   scripts/container-image.sh [tag, default: the commit's short hash] [output folder, default artifacts/container]
# ARCH=arm64 builds for 64-bit ARM hosts (default x64).
# The SDK pulls the base image (mcr.microsoft.com/dotnet/aspnet:10.0-noble) from Microsoft's registry: it needs
# network access to mcr.microsoft.com the first time. See README "Container" for volumes, settings and probes.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
tag=${1:-$(git -C "$root" rev-parse --short HEAD 2>/dev/null || echo latest)}
out=${2:-$root/artifacts/container}
mkdir -p "$out"
archive="$out/coaching-$tag.tar.gz"
log="$out/publish-$tag.log"
echo "Building the container image coaching:$tag into $archive (log: $log)"
if ! dotnet publish "$root/Coaching.Web/Coaching.Web.csproj" -c Release -r "linux-${ARCH:-x64}" -t:PublishContainer --nologo \
    -p:ContainerImageTag="$tag" -p:ContainerArchiveOutputPath="$archive" >"$log" 2>&1; then
  if grep -qiE "CONTAINER10(04|08)|mcr\.microsoft\.com|Name or service not known|Connection refused|timed out|No such host|Resource temporarily unavailable" "$log"; then
    echo "Could not fetch the base image mcr.microsoft.com/dotnet/aspnet:10.0-noble: this machine cannot reach Microsoft's" >&2
    echo "container registry. Run this script again where https://mcr.microsoft.com is reachable (or through a registry" >&2
    echo "mirror: -p:ContainerBaseImage=your-mirror/dotnet/aspnet:10.0-noble). The error:" >&2
    grep -m1 -oE "(HttpRequestException|CONTAINER[0-9]+)[^[]*" "$log" >&2
  else
    echo "dotnet publish failed; the end of $log:" >&2
    tail -20 "$log" >&2
  fi
  exit 1
fi
echo "Done: $(du -h "$archive" | cut -f1) at $archive"
echo "Load it with:  docker load -i $archive   (the image is coaching:$tag)"
