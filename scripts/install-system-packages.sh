#!/bin/sh
# Debian packages the rendering tests and `briefing preview` use: LibreOffice to open
# and render the deck, CJK fonts to draw it, fonts with the metrics of Arial, Times New
# Roman, Calibri and Cambria (Liberation, Carlito, Caladea) so decks look as they will in
# PowerPoint, and poppler's pdftoppm for PNG pages.
# Best effort: without them the tests that need LibreOffice are skipped, not failed.
set -u
PKGS="libreoffice-impress fonts-noto-cjk fonts-liberation2 fonts-crosextra-carlito fonts-crosextra-caladea poppler-utils"
if command -v soffice >/dev/null 2>&1 && command -v pdftoppm >/dev/null 2>&1 \
   && fc-list 2>/dev/null | grep -qi "Noto Sans CJK" && fc-list 2>/dev/null | grep -qi "Liberation Sans" \
   && fc-list 2>/dev/null | grep -qi "Carlito" && fc-list 2>/dev/null | grep -qi "Caladea"; then
  exit 0
fi
if ! command -v apt-get >/dev/null 2>&1; then
  echo "install-system-packages: no apt-get; install $PKGS by hand for the rendering tests" >&2
  exit 0
fi
SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO="sudo"
export DEBIAN_FRONTEND=noninteractive
if ! { $SUDO apt-get install -y -q --no-install-recommends $PKGS >/dev/null 2>&1 \
       || { $SUDO apt-get update -q >/dev/null 2>&1 \
            && $SUDO apt-get install -y -q --no-install-recommends $PKGS >/dev/null; }; }; then
  echo "install-system-packages: could not install $PKGS; rendering tests will be skipped" >&2
fi
exit 0
