#!/usr/bin/env bash
# The Debian packages the tests need, and nothing else: `sudo npm run setup:system` (CI runs it too).
# Idempotent: installs only what is missing. ffmpeg is not among them: npm brings a static one.
set -euo pipefail

need=()
command -v chromium >/dev/null 2>&1 || need+=(chromium)
# Fonts for Chromium's own UI text; the app ships its own fonts.
[ -d /usr/share/fonts/truetype/dejavu ] || need+=(fonts-dejavu-core)
# The camera wall's RTSP repackaging test runs against a real RTSP server on loopback.
command -v rtsp-server-perl >/dev/null 2>&1 || need+=(rtsp-server-perl)
# The HTTP/2 stream server and the TLS tests make their certificates with openssl.
command -v openssl >/dev/null 2>&1 || need+=(openssl)
# The durability tests read the order of disk syncs and answers with strace.
command -v strace >/dev/null 2>&1 || need+=(strace)
# The street map build (npm run basemap) and its tests: osmium cuts and converts OSM extracts, tilemaker makes the tiles.
command -v osmium >/dev/null 2>&1 || need+=(osmium-tool)
command -v tilemaker >/dev/null 2>&1 || need+=(tilemaker)
# The PostgreSQL store's tests and benches start a throwaway server (initdb, pg_ctl; pg_dump for backups).
compgen -G "/usr/lib/postgresql/*/bin/initdb" >/dev/null || command -v initdb >/dev/null 2>&1 || need+=(postgresql)
# A test lists the backend's child processes with ps.
command -v ps >/dev/null 2>&1 || need+=(procps)

if [ ${#need[@]} -eq 0 ]; then
  echo "System packages for the tests: all present."
  exit 0
fi
if ! command -v apt-get >/dev/null 2>&1; then
  echo "These tests need Debian packages (${need[*]}) and this machine has no apt-get: install their equivalents by hand." >&2
  exit 1
fi
if [ "$(id -u)" -ne 0 ]; then
  echo "Installing ${need[*]} needs root: run it as 'sudo npm run setup:system'." >&2
  exit 1
fi
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq "${need[@]}" >/dev/null
echo "Installed: ${need[*]}."
