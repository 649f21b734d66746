#!/usr/bin/env bash
# Regenerate the Chromium reference screenshots for the render fidelity fixtures.
#
# Needs Debian's `chromium` package and `fonts-dejavu-core` (apt-get install chromium
# fonts-dejavu-core). The PNGs under tests/render/chromium/ are committed, so the Rust
# tests never need Chromium: run this only after adding or changing a fixture, then
# look at the new PNGs before committing them.
#
# Each fixture is rendered at a 400x300 viewport, device scale factor 1, scrollbars
# hidden. Fixtures name "DejaVu Sans" explicitly: with Debian's chromium installed,
# Chromium's generic `sans-serif` resolves to Liberation Sans (its Arial alias) and the
# default font to Liberation Serif, not to DejaVu.
#
# Besides the PNG, each fixture gets layout/NAME.json: Chromium's border box of every
# element and the text and rect of every line of every text node, measured in the same
# 400x300 viewport by layout-probe.html (an iframe; needs --allow-file-access-from-files).
# Those are for debugging a failing comparison by numbers rather than by pixels.
#
# Text fixtures (KIND text in floors.txt) also get chromium/NAME.notext.png: the same
# page with every glyph made transparent (`* { color: transparent !important }`), so
# that pixels differing between the two mark where Chromium drew text ("ink"). See
# README.md for why the whole-page similarity alone cannot tell a page with no text.
#
# Usage: tests/render/make-references.sh [NAME...]   (default: every fixture)
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
fixtures="$here/fixtures"
out="$here/chromium"
layout="$here/layout"
mkdir -p "$out" "$layout"

if ! command -v chromium >/dev/null 2>&1; then
  echo "make-references.sh: chromium not found (apt-get install chromium fonts-dejavu-core)" >&2
  exit 1
fi
if ! fc-list "DejaVu Sans" | grep -q DejaVuSans.ttf; then
  echo "make-references.sh: DejaVu Sans not installed (apt-get install fonts-dejavu-core)" >&2
  exit 1
fi

if [ "$#" -gt 0 ]; then
  names=("$@")
else
  names=()
  for f in "$fixtures"/*.html; do names+=("$(basename "$f" .html)"); done
fi

# A throwaway profile per run keeps settings and caches out of the picture.
profile="$(mktemp -d)"
trap 'rm -rf "$profile"' EXIT

status=0
for name in "${names[@]}"; do
  page="$fixtures/$name.html"
  png="$out/$name.png"
  if [ ! -f "$page" ]; then
    echo "no such fixture: $page" >&2; status=1; continue
  fi
  rm -f "$png"
  chromium --headless=new --no-sandbox --disable-gpu --hide-scrollbars \
    --force-device-scale-factor=1 --window-size=400,300 \
    --user-data-dir="$profile" --no-first-run --no-default-browser-check \
    --screenshot="$png" "file://$page" >/dev/null 2>&1 || true
  if [ ! -s "$png" ]; then
    echo "FAILED  $name (no screenshot)" >&2; status=1; continue
  fi
  # Check the size from the PNG header (bytes 16..23: width, height, big-endian).
  size="$(od -An -tu1 -j16 -N8 "$png" | awk '{print $3*256+$4 "x" $7*256+$8}')"
  if [ "$size" != "400x300" ]; then
    echo "FAILED  $name: screenshot is $size, not 400x300" >&2; status=1; continue
  fi
  json="$layout/$name.json"
  chromium --headless=new --no-sandbox --disable-gpu --hide-scrollbars \
    --allow-file-access-from-files --window-size=400,300 \
    --user-data-dir="$profile" --no-first-run --no-default-browser-check \
    --dump-dom "file://$here/layout-probe.html?$page" 2>/dev/null \
    | sed -n '/<pre id="out">/,/<\/pre>/p' | sed -e 's/^.*<pre id="out">//' -e 's/<\/pre>.*$//' >"$json" || true
  if ! head -c 12 "$json" | grep -q '^{"fixture"'; then
    echo "FAILED  $name: layout probe gave: $(head -c 200 "$json")" >&2; status=1; continue
  fi
  if grep -q "^$name text " "$here/floors.txt"; then
    notext_html="$profile/$name.notext.html"
    sed 's|</style>|  * { color: transparent !important; }\n</style>|' "$page" >"$notext_html"
    rm -f "$out/$name.notext.png"
    chromium --headless=new --no-sandbox --disable-gpu --hide-scrollbars \
      --force-device-scale-factor=1 --window-size=400,300 \
      --user-data-dir="$profile" --no-first-run --no-default-browser-check \
      --screenshot="$out/$name.notext.png" "file://$notext_html" >/dev/null 2>&1 || true
    if [ ! -s "$out/$name.notext.png" ]; then
      echo "FAILED  $name (no text-hidden screenshot)" >&2; status=1; continue
    fi
  fi
  echo "ok      $name"
done
exit "$status"
