#!/usr/bin/env bash
# The main job on real examples: builds three sample integrations' git histories in a temp folder
# (from samples/*/history, one commit per step, release tags) and asks `certkit decide` whether each
# release needs re-certification under its program. Needs only the .NET SDK and git.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
work="$(mktemp -d "${TMPDIR:-/tmp}/certkit-demo.XXXXXX")"
trap 'rm -rf "$work"' EXIT
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

# git with an identity of its own, so the demo needs no global git configuration.
git_in() {
  local repo=$1
  shift
  git -C "$repo" -c user.name="CertKit Demo" -c user.email=demo@certkit.invalid \
    -c commit.gpgsign=false -c tag.gpgsign=false "$@"
}

# build_history NAME TAG_LAST: one commit per samples/NAME/history/NN-vX.Y.Z step (its files copied over the
# previous step's), each tagged vX.Y.Z; the last step is tagged only when TAG_LAST is "yes" (otherwise its
# version is read from the project file, as for a release that is being prepared).
build_history() {
  local name=$1 tag_last=$2 repo="$work/$1" step label version index=0
  local steps=("$root/samples/$name/history"/*/)
  mkdir -p "$repo"
  git -c init.defaultBranch=main init -q "$repo"
  for step in "${steps[@]}"; do
    index=$((index + 1))
    label=$(basename "$step")
    version=${label#*-}
    cp -R "$step". "$repo/"
    git_in "$repo" add -A
    git_in "$repo" commit -q -m "Release ${version#v}"
    if [ "$index" -lt "${#steps[@]}" ] || [ "$tag_last" = yes ]; then
      git_in "$repo" tag -a "$version" -m "Release ${version#v}"
    fi
  done
}

show() {
  echo
  echo "\$ certkit $*" | sed "s|$work/||g"
  dotnet run --no-build --project "$root/action/CertKit.Action" -- "$@"
}

echo "Building certkit (action/CertKit.Action)..."
if ! build_log=$(dotnet build "$root/action/CertKit.Action" -nologo 2>&1); then
  echo "$build_log"
  exit 1
fi

build_history venafi-connector no        # v1.4.2, v1.4.3, then 2.0.0 in the csproj
build_history adobe-sign-connector no    # v1.0.0, then 1.0.1 in the csproj with a new OAuth scope
build_history commercetools-connector yes # v1.2.0, v1.2.1 (a bug fix, tagged for Connect)

echo
echo "== Venafi TLS Protect Cloud: a patch (1.4.2 -> 1.4.3) does not need re-certification, a major release (2.0.0) does"
show decide --program venafi --repo "$work/venafi-connector" --head v1.4.3
show decide --program venafi --repo "$work/venafi-connector"
show decide --program venafi --repo "$work/venafi-connector" --json

echo
echo "== Adobe Sign: the 1.0.1 patch adds an OAuth scope, and a permission change needs re-certification"
show decide --program adobe-sign --repo "$work/adobe-sign-connector"
show decide --program adobe-sign --repo "$work/adobe-sign-connector" --json

echo
echo "== commercetools Connect: every change, a bug fix included, is re-certified with a new Git tag"
show decide --program commercetools --repo "$work/commercetools-connector"
show decide --program commercetools --repo "$work/commercetools-connector" --json

echo
echo "== A pull request: compare the same source (the csproj) at --base and --head"
show decide --program venafi --repo "$work/venafi-connector" --base v1.4.3 --head HEAD --json

# A Connect repository laid out for certification (samples/connect-repository), committed and tagged, and a broken copy.
connect="$work/connect-repository"
cp -R "$root/samples/connect-repository" "$connect"
git -c init.defaultBranch=main init -q "$connect"
git_in "$connect" add -A
git_in "$connect" commit -q -m "Connector 1.0.0"
git_in "$connect" tag -a v1.0.0 -m "Release 1.0.0"
broken="$work/connect-repository-broken"
cp -R "$connect" "$broken"
rm "$broken/LICENSE"
sed -i.orig 's/applicationType: event/applicationType: events/' "$broken/connect.yaml" && rm "$broken/connect.yaml.orig"
git_in "$broken" commit -q -a -m "Drop the license, mistype an application type"

echo
echo "== Readiness: would this Connect repository pass commercetools' review today? (certkit check)"
show check "$connect" --program commercetools
echo
echo "== The same repository without its LICENSE, with a mistyped applicationType and an untagged head: exit code 1"
show check "$broken" --program commercetools || echo "(exit code $?: the failed checks above say what to fix)"

echo
echo "Done: every decision above was made on real git history (exit code 0)."
