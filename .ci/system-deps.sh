#!/usr/bin/env bash
# Debian packages the tests and gates need: Chromium (driven by Playwright and Lighthouse, never
# a downloaded browser), CJK and Arabic fonts so that pages show text, not boxes, Java for the
# Nu HTML Checker, poppler-utils to read the PDFs back, Node.js and npm for the gates' npm
# tools. Idempotent and quiet.
set -euo pipefail
need=()
command -v chromium >/dev/null 2>&1 || need+=(chromium)
dpkg -s fonts-noto-cjk >/dev/null 2>&1 || need+=(fonts-noto-cjk)
dpkg -s fonts-noto-core >/dev/null 2>&1 || need+=(fonts-noto-core)
dpkg -s fonts-dejavu-core >/dev/null 2>&1 || need+=(fonts-dejavu-core)  # the PDFs' code text
command -v java >/dev/null 2>&1 || need+=(openjdk-17-jre-headless)
command -v pdffonts >/dev/null 2>&1 || need+=(poppler-utils)  # the PDF tests: pdffonts, pdftotext, pdftoppm
command -v npm >/dev/null 2>&1 || need+=(nodejs npm)
if [ ${#need[@]} -gt 0 ]; then
  sudo=""; [ "$(id -u)" -eq 0 ] || sudo="sudo"
  echo "installing Debian packages: ${need[*]}"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
fi
