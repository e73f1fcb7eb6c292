#!/bin/sh
# Installs the Debian packages backuplint needs to build and test, when missing.
set -e
need=""
for p in build-essential pkg-config libyaml-dev libcjson-dev libpcre2-dev clang valgrind pre-commit git python3 neovim; do
	dpkg -s "$p" >/dev/null 2>&1 || need="$need $p"
done
command -v npm >/dev/null 2>&1 || need="$need npm"
if [ -n "$need" ]; then
	SUDO=""; [ "$(id -u)" = 0 ] || SUDO=sudo
	$SUDO apt-get update -qq
	DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq $need
fi
