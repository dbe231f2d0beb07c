#!/usr/bin/env bash
# Installs the Debian packages the portal needs when they are absent (as root), or says exactly
# what to install. Usage: scripts/ensure_system.sh run|test
set -euo pipefail
mode=${1:-test}
missing=()
need_cmd() { command -v "$1" >/dev/null 2>&1 || missing+=("${@:2}"); }
need_lib() { ldconfig -p 2>/dev/null | grep -q "$1" || missing+=("${@:2}"); }
need_pkg() { dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q "install ok installed" || missing+=("$1"); }

need_cmd msgfmt gettext
need_cmd npm npm
need_lib libpango-1.0.so.0 libpango-1.0-0
need_lib libpangoft2-1.0.so.0 libpangoft2-1.0-0
if [ "$mode" = test ]; then
  need_cmd chromium chromium
  need_cmd pdftotext poppler-utils
  need_cmd pdffonts poppler-utils
  # The report test opens the DOCX as a reader would, in LibreOffice Writer; Liberation 2 is the
  # metric twin of the Times New Roman the DOCX names (the older fonts-liberation lacks Vietnamese glyphs).
  need_cmd soffice libreoffice-writer-nogui
  need_pkg fonts-liberation2
  # The Nu Html Checker (npm vnu-jar, tests/test_html_validity.py) runs on Debian's Java.
  need_cmd java default-jre-headless
fi
[ ${#missing[@]} -eq 0 ] && exit 0
mapfile -t missing < <(printf '%s\n' "${missing[@]}" | sort -u)
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
  echo "Installing Debian packages: ${missing[*]}"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
else
  echo "Missing system packages. Install them with:" >&2
  echo "  sudo apt-get install ${missing[*]}" >&2
  exit 1
fi
