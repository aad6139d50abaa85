# The CertKit GitHub Action: `certkit action` in a container. The source of the Action's image: the release workflow
# builds it once, pushes it to ghcr.io and pins action.yml to its digest in the release's commit; on main, action.yml
# builds it from here (`uses: ./` in CI tests the source). Base images are pinned by digest (a tag moves; an image whose
# base moved is not the image that was tested): .github/dependabot.yml proposes new digests.

# Build: publish the certkit app (framework-dependent; the runtime image below provides .NET).
FROM mcr.microsoft.com/dotnet/sdk:10.0@sha256:e1ffd2a92ae84c1291bc1b6887501f8af98e6331e7af6d4c8d37168c5e87a64c AS build
WORKDIR /src
COPY Directory.Build.props Directory.Packages.props ./
COPY action/CertKit.Action/CertKit.Action.csproj action/CertKit.Action/
COPY analyzers/CertKit.Analyzers/CertKit.Analyzers.csproj analyzers/CertKit.Analyzers/
RUN dotnet restore action/CertKit.Action/CertKit.Action.csproj
COPY action/CertKit.Action/ action/CertKit.Action/
COPY analyzers/CertKit.Analyzers/ analyzers/CertKit.Analyzers/
RUN dotnet publish action/CertKit.Action/CertKit.Action.csproj -c Release -o /app --no-restore

# Run: the .NET SDK, not just the runtime: `scan: true` opens the repository's projects with MSBuild
# (MSBuildWorkspace needs an SDK), and git (the decision reads tags and history through the git command line).
# Node.js with npm and corepack: the dependencies check runs `npm audit` / `npm outdated` on a Connect application's
# package-lock.json (yarn and pnpm lockfiles are read by certkit itself), and corepack runs the package manager a
# repository pins. tests/…/ActionCommand/ActionImageToolsTests.cs runs `certkit check` with exactly these tools.
FROM mcr.microsoft.com/dotnet/sdk:10.0@sha256:e1ffd2a92ae84c1291bc1b6887501f8af98e6331e7af6d4c8d37168c5e87a64c
RUN apt-get update \
    && apt-get install -y --no-install-recommends git nodejs npm \
    && npm install --global corepack@0.34.6 \
    && rm -rf /var/lib/apt/lists/* /root/.npm
# The runner mounts the checkout at /github/workspace, owned by another uid: let git read it, and nothing else.
RUN git config --system --add safe.directory /github/workspace
COPY --from=build /app /app
ENV DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
# GitHub runs container actions as root (the default user here) so they can write to the mounted workspace and files.
USER root
# Exec form, no shell: sh would drop the INPUT_ variables whose names contain hyphens (INPUT_GITHUB-TOKEN, ...).
ENTRYPOINT ["dotnet", "/app/certkit.dll", "action"]
