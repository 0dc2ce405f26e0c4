#!/usr/bin/env bash
# Installs what the tests need beyond the .NET SDK: Debian's Chromium (browser tests),
# aiosmtpd (a real SMTP server on loopback for the mail tests) and poppler-utils (pdftotext reads the
# PDF summaries back as a person's "copy text" would) and PostgreSQL (the server database the multi-node and
# PostgreSQL tests run on; test-postgres.sh starts a throwaway cluster of it, never the package's own). As root it installs them with apt;
# otherwise it says exactly what to install and fails.
set -euo pipefail
missing=()
[ -x /usr/bin/chromium ] || missing+=(chromium)
# A font for Chromium to draw text with (its recommends are not installed).
[ -n "$(ls /usr/share/fonts/truetype/liberation* 2>/dev/null)" ] || missing+=(fonts-liberation)
/usr/bin/python3 -c 'import aiosmtpd' 2>/dev/null || missing+=(python3-aiosmtpd)
command -v pdftotext >/dev/null || missing+=(poppler-utils)
ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || missing+=(postgresql)
[ ${#missing[@]} -eq 0 ] && exit 0
if [ "$(id -u)" -eq 0 ]; then
  echo "Installing ${missing[*]} with apt-get..."
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
else
  echo "The tests need these Debian packages: ${missing[*]}" >&2
  echo "Install them with:  sudo apt-get install -y ${missing[*]}" >&2
  exit 1
fi
