#!/usr/bin/env bash
# The tests as a new user or a fresh CI machine runs them: a clone of the committed HEAD of this checkout in a new temp
# folder, an empty NuGet package folder, an empty temp folder and no global git configuration; then the README's test
# command. Exits with its status. Two runs at the same time share nothing.
#   bash tests/fresh-clone.sh            # keep the work folder only on failure
#   KEEP=1 bash tests/fresh-clone.sh     # keep it always
set -uo pipefail

source_repo=$(cd "$(dirname "$0")/.." && pwd)
commit=$(git -C "$source_repo" rev-parse HEAD) || { echo "fresh-clone: $source_repo is not a git checkout" >&2; exit 2; }

work=$(mktemp -d "${TMPDIR:-/tmp}/certkit-fresh-clone.XXXXXX")
mkdir -p "$work/nuget-packages" "$work/tmp"
: > "$work/empty.gitconfig"

echo "fresh-clone: $commit into $work"
git clone --quiet --no-checkout "$source_repo" "$work/certkit" && git -C "$work/certkit" checkout --quiet --detach "$commit" \
  || { echo "fresh-clone: could not clone $source_repo at $commit" >&2; exit 2; }

cd "$work/certkit" || exit 2
# A fresh machine: nothing restored, nothing in temp, no git identity or safe.directory from the user's configuration.
export NUGET_PACKAGES="$work/nuget-packages"
export TMPDIR="$work/tmp"
export GIT_CONFIG_GLOBAL="$work/empty.gitconfig"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
# No MSBuild nodes left running after the run.
export MSBUILDDISABLENODEREUSE=1

# The README's test command.
dotnet test Toolkit.sln 2>&1 | tee "$work/test.log"
status=${PIPESTATUS[0]}

echo "fresh-clone: dotnet test exited $status (log: $work/test.log)"
if [ "$status" -eq 0 ] && [ "${KEEP:-0}" != 1 ]; then
  rm -rf "$work"
fi
exit "$status"
