#!/usr/bin/env bash
# Installs several Go toolchains from Debian's packages into the project's
# cache folder, WITHOUT installing anything system-wide:
#
#   .cache/go/go1.19/  .cache/go/go1.21/  ...  (each one a complete GOROOT)
#
# The .deb files (golang-X.Y-go + golang-X.Y-src) are fetched with
# `apt-get download` through a private apt configuration (its own sources
# list, lists, cache and status under .cache/go/apt/), then unpacked with
# `dpkg-deb -x`. The machine's apt configuration is neither used for sources
# nor changed. Root is not needed.
#
# Usage:
#   bash scripts/install-go.sh            install (if needed) and verify
#   bash scripts/install-go.sh --print    print installed GOROOTs; install nothing
#   GO_VERSIONS="1.19 1.23 1.24" bash scripts/install-go.sh
#
# Idempotent: a toolchain that is already installed (marker file present) is
# not downloaded or rebuilt again, and no network is used.
set -euo pipefail

DEFAULT_VERSIONS="1.19 1.21 1.22 1.23 1.24 1.25 1.26 1.27"
GO_VERSIONS="${GO_VERSIONS:-$DEFAULT_VERSIONS}"

SCRIPT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO_ROOT="$(cd "$SCRIPT_DIR/.." && pwd -P)"
CACHE_REL=".cache/go"
CACHE="$REPO_ROOT/$CACHE_REL"
APT_DIR="$CACHE/apt"
DEB_DIR="$CACHE/debs"
MARKER=".gomod-doctor-installed"
KEYRING="/usr/share/keyrings/debian-archive-keyring.gpg"
MIRROR="http://deb.debian.org/debian"

log() { printf 'install-go: %s\n' "$*" >&2; }
die() {
	printf 'install-go: error: %s\n' "$*" >&2
	exit 1
}

usage() {
	cat <<EOF
usage: bash scripts/install-go.sh [--print]

Installs Go toolchains from Debian packages into $CACHE_REL/goX.Y (GOROOTs).
  --print   print the installed GOROOTs (one line per version) and exit;
            exits 1 if one of the requested versions is not installed
env:
  GO_VERSIONS   versions to install (default: "$DEFAULT_VERSIONS")
EOF
}

# Debian suite that provides golang-X.Y-go / golang-X.Y-src.
suite_for() {
	case "$1" in
	1.19) echo bookworm ;;
	1.21 | 1.22 | 1.23) echo bookworm-backports ;;
	1.24) echo trixie ;;
	1.25 | 1.26 | 1.27) echo trixie-backports ;;
	*) return 1 ;;
	esac
}

# Environment for running a toolchain in isolation: never switch or download
# toolchains, never read the user's go/env, never hit a proxy.
go_env() {
	local tmp="$1"
	shift
	env -u GOROOT -u GOPATH -u GOBIN -u GOMODCACHE -u GOEXPERIMENT \
		-u XDG_CONFIG_HOME -u XDG_CACHE_HOME \
		GOTOOLCHAIN=local GOFLAGS= GOPROXY=off GOSUMDB=off GOENV=off \
		GOWORK=off GO111MODULE=on CGO_ENABLED=0 \
		HOME="$tmp/home" GOPATH="$tmp/gopath" GOCACHE="$tmp/gocache" \
		GOMODCACHE="$tmp/gopath/pkg/mod" "$@"
}

# `go version` of an installed toolchain, run from a neutral directory so a
# go.mod in the caller's directory can't trigger a toolchain switch.
go_version_of() {
	local goroot="$1"
	(cd / && env -u GOROOT GOTOOLCHAIN=local GOENV=off GOFLAGS= GOWORK=off \
		"$goroot/bin/go" version)
}

is_installed() {
	local goroot="$CACHE/go$1"
	[[ -f "$goroot/$MARKER" && -x "$goroot/bin/go" && -d "$goroot/src/net/http" ]]
}

print_line() {
	local v="$1"
	printf 'go%s: %s (%s)\n' "$v" "$CACHE_REL/go$v" "$(go_version_of "$CACHE/go$v")"
}

# ---------------------------------------------------------------- arguments
PRINT_ONLY=0
for arg in "$@"; do
	case "$arg" in
	--print) PRINT_ONLY=1 ;;
	-h | --help)
		usage
		exit 0
		;;
	*)
		usage >&2
		die "unknown argument: $arg"
		;;
	esac
done

read -r -a REQUESTED <<<"$GO_VERSIONS"
VERSIONS=()
for v in "${REQUESTED[@]+"${REQUESTED[@]}"}"; do
	[[ " ${VERSIONS[*]-} " == *" $v "* ]] || VERSIONS+=("$v")
done
[[ ${#VERSIONS[@]} -gt 0 ]] || die "GO_VERSIONS is empty"
for v in "${VERSIONS[@]}"; do
	suite_for "$v" >/dev/null ||
		die "unsupported Go version '$v' (supported: $DEFAULT_VERSIONS)"
done

# -------------------------------------------------------------------- print
if [[ $PRINT_ONLY -eq 1 ]]; then
	rc=0
	for v in "${VERSIONS[@]}"; do
		if is_installed "$v"; then
			print_line "$v"
		else
			log "go$v: not installed (run: bash scripts/install-go.sh)"
			rc=1
		fi
	done
	exit "$rc"
fi

# ------------------------------------------------------------ fast path
MISSING=()
for v in "${VERSIONS[@]}"; do
	is_installed "$v" || MISSING+=("$v")
done

if [[ ${#MISSING[@]} -gt 0 ]]; then
	for tool in apt-get dpkg-deb; do
		command -v "$tool" >/dev/null 2>&1 ||
			die "'$tool' not found: this script needs a Debian/Ubuntu machine (apt-get and dpkg-deb)"
	done
	[[ -r "$KEYRING" ]] ||
		die "$KEYRING not found: install Debian's archive keyring (apt-get install debian-archive-keyring)"

	if ! mkdir -p "$CACHE" 2>/dev/null || [[ ! -w "$CACHE" ]]; then
		die "cannot write to $CACHE_REL (in $REPO_ROOT): run as the owner of the clone, or fix its permissions; root is not needed"
	fi

	# One run at a time (e.g. CI and a test setup racing each other).
	if command -v flock >/dev/null 2>&1; then
		exec 9>"$CACHE/.lock"
		flock 9
	fi

	# Re-check under the lock: another run may have finished meanwhile.
	STILL=()
	for v in "${MISSING[@]}"; do
		is_installed "$v" || STILL+=("$v")
	done
	MISSING=("${STILL[@]+"${STILL[@]}"}")
fi

if [[ ${#MISSING[@]} -gt 0 ]]; then
	# ------------------------------------------------ private apt setup
	mkdir -p "$APT_DIR/lists/partial" "$APT_DIR/cache/archives/partial" \
		"$APT_DIR/sources.list.d" "$APT_DIR/preferences.d" "$DEB_DIR"
	cat >"$APT_DIR/sources.list.new" <<EOF
deb [signed-by=$KEYRING] $MIRROR bookworm main
deb [signed-by=$KEYRING] $MIRROR bookworm-backports main
deb [signed-by=$KEYRING] $MIRROR trixie main
deb [signed-by=$KEYRING] $MIRROR trixie-backports main
EOF
	if ! cmp -s "$APT_DIR/sources.list.new" "$APT_DIR/sources.list" 2>/dev/null; then
		mv "$APT_DIR/sources.list.new" "$APT_DIR/sources.list"
		# Sources changed: the old lists (if any) don't match them.
		rm -f "$APT_DIR/lists/"*_dists_* 2>/dev/null || true
	else
		rm -f "$APT_DIR/sources.list.new"
	fi
	[[ -f "$APT_DIR/status" ]] || : >"$APT_DIR/status"

	APT_OPTS=(
		-q
		-o "Dir::Etc::SourceList=$APT_DIR/sources.list"
		-o "Dir::Etc::SourceParts=$APT_DIR/sources.list.d"
		-o "Dir::Etc::Preferences=$APT_DIR/preferences"
		-o "Dir::Etc::PreferencesParts=$APT_DIR/preferences.d"
		-o "Dir::State::Lists=$APT_DIR/lists"
		-o "Dir::State::status=$APT_DIR/status"
		-o "Dir::Cache=$APT_DIR/cache"
		-o "Acquire::Languages=none"
		-o "APT::Get::List-Cleanup=true"
	)
	# As root apt drops to the _apt user to download, and _apt can't write
	# into the clone: download as the current user instead.
	if [[ $(id -u) -eq 0 ]]; then
		APT_OPTS+=(-o "APT::Sandbox::User=root")
	fi

	apt_update() {
		log "apt-get update (private sources: bookworm, bookworm-backports, trixie, trixie-backports)"
		apt-get "${APT_OPTS[@]}" update >"$CACHE/apt-update.log" 2>&1 || {
			cat "$CACHE/apt-update.log" >&2
			die "private apt-get update failed (network to deb.debian.org needed; see above)"
		}
		grep -E '^(W|E): ' "$CACHE/apt-update.log" >&2 || true
		lists_present ||
			die "private apt-get update did not fetch all of bookworm, bookworm-backports, trixie, trixie-backports (see above)"
	}

	lists_present() {
		local s
		for s in bookworm bookworm-backports trixie trixie-backports; do
			compgen -G "$APT_DIR/lists/*_dists_${s}_InRelease" >/dev/null || return 1
			compgen -G "$APT_DIR/lists/*_dists_${s}_main_binary-*_Packages*" >/dev/null || return 1
		done
	}

	UPDATED=0
	if ! lists_present; then
		apt_update
		UPDATED=1
	fi

	PKGS=()
	for v in "${MISSING[@]}"; do
		s="$(suite_for "$v")"
		PKGS+=("golang-$v-go/$s" "golang-$v-src/$s")
	done

	apt_download() {
		rm -f "$DEB_DIR"/*.deb
		(cd "$DEB_DIR" && apt-get "${APT_OPTS[@]}" download "${PKGS[@]}") \
			>"$CACHE/apt-download.log" 2>&1
	}

	log "downloading: ${PKGS[*]}"
	if ! apt_download; then
		if [[ $UPDATED -eq 0 ]]; then
			# Lists may be stale (a superseded version is gone from the pool).
			log "download failed; refreshing the private apt lists and retrying"
			rm -f "$APT_DIR/lists/"*_dists_* 2>/dev/null || true
			apt_update
			apt_download || {
				cat "$CACHE/apt-download.log" >&2
				die "apt-get download failed (see above)"
			}
		else
			cat "$CACHE/apt-download.log" >&2
			die "apt-get download failed (see above)"
		fi
	fi

	# ------------------------------------------------ unpack + verify
	VTMP=""
	cleanup() {
		local pids
		pids="$(jobs -p)"
		if [[ -n "$pids" ]]; then
			# shellcheck disable=SC2086 # word splitting wanted: one pid per word
			kill $pids 2>/dev/null || true
			wait 2>/dev/null || true
		fi
		rm -rf "$CACHE"/.stage-go*
		[[ -n "$VTMP" && -d "$VTMP" ]] && rm -rf "$VTMP"
		return 0
	}
	trap cleanup EXIT

	deb_for() { # deb_for VERSION go|src
		local f
		f="$(compgen -G "$DEB_DIR/golang-$1-$2_*.deb" | head -n 1 || true)"
		[[ -n "$f" ]] || die "golang-$1-$2: .deb not found after download (see $CACHE_REL/apt-download.log)"
		printf '%s\n' "$f"
	}

	# Unpack all .deb files first, two at a time (xz decompression is
	# single-threaded; CI has 2 cores).
	log "unpacking ${#MISSING[@]} toolchain(s) with dpkg-deb -x"
	running=0
	for v in "${MISSING[@]}"; do
		STAGE="$CACHE/.stage-go$v"
		rm -rf "$STAGE"
		mkdir -p "$STAGE/root"
		for p in go src; do
			f="$(deb_for "$v" "$p")"
			dpkg-deb -x "$f" "$STAGE/root" &
			running=$((running + 1))
			if [[ $running -ge 2 ]]; then
				wait -n || die "dpkg-deb -x failed"
				running=$((running - 1))
			fi
		done
	done
	while [[ $running -gt 0 ]]; do
		wait -n || die "dpkg-deb -x failed"
		running=$((running - 1))
	done

	for v in "${MISSING[@]}"; do
		goroot="$CACHE/go$v"
		STAGE="$CACHE/.stage-go$v"
		debs=("$(deb_for "$v" go)" "$(deb_for "$v" src)")

		lib="$STAGE/root/usr/lib/go-$v"
		share="$STAGE/root/usr/share/go-$v"
		[[ -x "$lib/bin/go" ]] || die "go$v: usr/lib/go-$v/bin/go missing in the package"

		# Debian keeps binaries in /usr/lib/go-X.Y and the sources in
		# /usr/share/go-X.Y, linked by (relative) symlinks such as
		# usr/lib/go-X.Y/src -> ../../share/go-X.Y/src. Replace each such link
		# by the real directory so the GOROOT is one self-contained folder.
		while IFS= read -r -d '' link; do
			target="$(readlink -f "$link" || true)"
			case "$target" in
			"$share"/*)
				if [[ -e "$target" ]]; then
					rm -f "$link"
					mv "$target" "$link"
				fi
				;;
			esac
		done < <(find "$lib" -maxdepth 2 -type l -print0)
		# Any link left that points outside the GOROOT would dangle later.
		while IFS= read -r -d '' link; do
			t="$(readlink -f "$link" || true)"
			case "$t" in
			"$lib"/*) ;;
			*) log "go$v: warning: link ${link#"$lib"/} -> $(readlink "$link") leaves the GOROOT" ;;
			esac
		done < <(find "$lib" -maxdepth 3 -type l -not -path '*/testdata/*' -print0)
		[[ -d "$lib/src/net/http" ]] || die "go$v: standard library sources missing after unpacking"

		# Record what was installed.
		{
			for f in "${debs[@]}"; do
				printf '%s=%s\n' "$(dpkg-deb -f "$f" Package)" "$(dpkg-deb -f "$f" Version)"
			done
		} >"$lib/$MARKER.pending"

		# Verify: go version, go env GOROOT, build + run a module using net/http.
		VTMP="$(mktemp -d "${TMPDIR:-/tmp}/install-go.XXXXXX")"
		mkdir -p "$VTMP/home" "$VTMP/mod"
		ver="$(go_version_of "$lib")" || die "go$v: 'go version' failed"
		case "$ver" in
		"go version go$v."* | "go version go$v "*) ;;
		*) die "go$v: unexpected 'go version' output: $ver" ;;
		esac
		printf 'module example.com/hello\n\ngo 1.19\n' >"$VTMP/mod/go.mod"
		cat >"$VTMP/mod/main.go" <<'EOF'
package main

import (
	"fmt"
	"net/http"
)

func main() {
	fmt.Println("hello", http.StatusOK)
}
EOF
		envroot="$(cd "$VTMP/mod" && go_env "$VTMP" "$lib/bin/go" env GOROOT)" ||
			die "go$v: 'go env GOROOT' failed"
		[[ "$(cd "$envroot" && pwd -P)" == "$(cd "$lib" && pwd -P)" ]] ||
			die "go$v: 'go env GOROOT' is $envroot, expected $lib"
		log "go$v: verifying (go build of a module importing fmt and net/http)"
		(cd "$VTMP/mod" && go_env "$VTMP" "$lib/bin/go" build -o "$VTMP/hello" .) ||
			die "go$v: test build failed"
		out="$("$VTMP/hello")" || die "go$v: test binary failed to run"
		[[ "$out" == "hello 200" ]] || die "go$v: test binary printed '$out'"
		chmod -R u+w "$VTMP" 2>/dev/null || true # module cache is read-only
		rm -rf "$VTMP"
		VTMP=""

		# Install atomically: move the finished GOROOT into place.
		mv "$lib/$MARKER.pending" "$lib/$MARKER"
		rm -rf "$goroot"
		mv "$lib" "$goroot"
		rm -rf "$STAGE"
		rm -f "${debs[@]}"
	done
fi

for v in "${VERSIONS[@]}"; do
	print_line "$v"
done
