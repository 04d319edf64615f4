#!/usr/bin/env bash
# A second Neovim for the tests: Debian 13 (trixie)'s `neovim` 0.10.x, unpacked beside the system
# without touching it. Prints the path of a launcher that tests take through LLMFIT_NVIM.
#
#   LLMFIT_NVIM="$(scripts/nvim-debian13.sh)" npx vitest run test/editor
#
# How: a private apt configuration (its own sources, lists, cache and status file under the cache
# dir; APT_CONFIG points at it) with a trixie source, `apt-get download` of neovim, neovim-runtime
# and everything they depend on, `dpkg -x` of each .deb into one prefix. Trixie's nvim needs
# trixie's glibc, so the launcher starts it through the prefix's own ld-linux-x86-64.so.2 with
# --library-path; VIMRUNTIME points at the prefix's runtime. Only nvim runs under that loader:
# the processes it starts (the Node host) use the system's libraries as usual.
#
# Cached: a second run with the launcher in place prints its path and does nothing else.
# LLMFIT_NVIM_CACHE overrides the cache dir (default ~/.cache/llmfit-ci).
set -euo pipefail

cache="${LLMFIT_NVIM_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/llmfit-ci}"
root="$cache/debian13-neovim"
prefix="$root/prefix"
launcher="$root/nvim"

if [[ -x "$launcher" ]] && "$launcher" --version >/dev/null 2>&1; then
  echo "$launcher"
  exit 0
fi

case "$(uname -m)" in
  x86_64) arch=amd64 loader=lib64/ld-linux-x86-64.so.2 triplet=x86_64-linux-gnu ;;
  aarch64) arch=arm64 loader=lib/ld-linux-aarch64.so.1 triplet=aarch64-linux-gnu ;;
  *) echo "nvim-debian13.sh: no Debian 13 build for $(uname -m)" >&2; exit 1 ;;
esac

rm -rf "$root"
apt_dir="$root/apt"
mkdir -p "$apt_dir/etc/sources.list.d" "$apt_dir/etc/preferences.d" "$apt_dir/etc/apt.conf.d" \
  "$apt_dir/lists/partial" "$apt_dir/cache/archives/partial" "$root/debs" "$prefix"
touch "$apt_dir/status"
keyring=/usr/share/keyrings/debian-archive-keyring.gpg
[[ -f "$keyring" ]] || { echo "nvim-debian13.sh: $keyring is missing (apt-get install debian-archive-keyring)" >&2; exit 1; }
cat >"$apt_dir/etc/sources.list.d/trixie.sources" <<EOF
Types: deb
URIs: http://deb.debian.org/debian
Suites: trixie
Components: main
Architectures: $arch
Signed-By: $keyring
EOF
cat >"$apt_dir/apt.conf" <<EOF
Dir::Etc "$apt_dir/etc";
Dir::Etc::SourceList "$apt_dir/etc/sources.list.d/trixie.sources";
Dir::Etc::SourceParts "$apt_dir/etc/sources.list.d";
Dir::State "$apt_dir";
Dir::State::Lists "$apt_dir/lists";
Dir::State::status "$apt_dir/status";
Dir::Cache "$apt_dir/cache";
APT::Architecture "$arch";
APT::Architectures { "$arch"; };
Debug::NoLocking "true";
APT::Sandbox::User "root";
EOF
export APT_CONFIG="$apt_dir/apt.conf"

echo "nvim-debian13.sh: fetching trixie package lists" >&2
apt-get update -qq >&2

# neovim and its whole Depends/PreDepends closure (no Recommends); virtual names have no .deb.
mapfile -t pkgs < <(apt-cache depends --recurse --no-recommends --no-suggests --no-conflicts \
  --no-breaks --no-replaces --no-enhances neovim neovim-runtime |
  grep -v '^ ' | grep -v '^<' | sort -u)
echo "nvim-debian13.sh: downloading ${#pkgs[@]} packages" >&2
(cd "$root/debs" && apt-get download -qq "${pkgs[@]}" >&2)
for deb in "$root"/debs/*.deb; do dpkg -x "$deb" "$prefix"; done

[[ -x "$prefix/usr/bin/nvim" ]] || { echo "nvim-debian13.sh: no usr/bin/nvim in the unpacked packages" >&2; exit 1; }
[[ -e "$prefix/$loader" || -e "$prefix/usr/$loader" ]] || { echo "nvim-debian13.sh: no $loader in the unpacked libc6" >&2; exit 1; }
ld="$prefix/$loader"; [[ -e "$ld" ]] || ld="$prefix/usr/$loader"
libs="$prefix/usr/lib/$triplet:$prefix/lib/$triplet:$prefix/usr/lib"

cat >"$launcher" <<EOF
#!/bin/sh
# Debian 13's Neovim through its own loader and libraries (written by scripts/nvim-debian13.sh).
VIMRUNTIME="$prefix/usr/share/nvim/runtime"
export VIMRUNTIME
exec "$ld" --library-path "$libs" "$prefix/usr/bin/nvim" "\$@"
EOF
chmod +x "$launcher"
"$launcher" --version | head -1 >&2
echo "$launcher"
