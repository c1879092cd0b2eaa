#!/bin/sh
# deps.sh PACKAGE... - install the Debian packages boardc needs that are
# missing, and the de_DE.UTF-8 locale the locale test runs under.
# Does nothing when everything is present.
set -eu
missing=""
for p in "$@"; do
	if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
		missing="$missing $p"
	fi
done
SUDO=""
if [ "$(id -u)" != 0 ]; then
	if command -v sudo >/dev/null 2>&1; then SUDO="sudo"; fi
fi
if [ -n "$missing" ]; then
	echo "installing Debian packages:$missing"
	$SUDO apt-get update -qq
	DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends $missing
fi
if command -v localedef >/dev/null 2>&1 && ! locale -a 2>/dev/null | grep -qi '^de_DE\.utf-\?8$'; then
	$SUDO localedef -i de_DE -f UTF-8 de_DE.UTF-8 2>/dev/null || true
fi
