# syntax=docker/dockerfile:1
# DxCollab web host (pages, API, health). Build from the repository root:
#   docker build -f infra/docker/web.Dockerfile -t dxcollab-web:VERSION .
# No HEALTHCHECK on purpose: orchestrators probe /health/live and /health/ready (docs/operations.md).

ARG DOTNET_SDK=mcr.microsoft.com/dotnet/sdk:10.0
ARG DOTNET_RUNTIME=mcr.microsoft.com/dotnet/aspnet:10.0

# Only the project files, in their folders, so that `dotnet restore` is cached until a project file changes.
# (Globbing them here keeps the Dockerfile right when a module adds a project.)
FROM ${DOTNET_SDK} AS projects
WORKDIR /src
COPY src/ src/
RUN find src -type f ! -name '*.csproj' -delete && find src -type d -empty -delete

FROM ${DOTNET_SDK} AS build
WORKDIR /src
ENV DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
# Central package versions and the shared build settings (warnings are errors) take part in restore and build.
COPY global.json Directory.Build.props Directory.Packages.props .editorconfig ./
COPY --from=projects /src/src/ src/
RUN dotnet restore src/DxCollab.Web/DxCollab.Web.csproj
COPY src/ src/
RUN dotnet publish src/DxCollab.Web/DxCollab.Web.csproj --no-restore -c Release -o /app /p:UseAppHost=false

FROM ${DOTNET_RUNTIME} AS final
WORKDIR /app
# App_Data is where e-mails are written while no SMTP sender exists (Email:PickupDirectory); the app user owns it.
RUN mkdir -p /app/App_Data && chown "$APP_UID:$APP_UID" /app/App_Data
COPY --from=build /app ./
# The image's non-root user (UID 1654); the image already sets ASPNETCORE_HTTP_PORTS=8080.
USER $APP_UID
ENV ASPNETCORE_HTTP_PORTS=8080
EXPOSE 8080
ENTRYPOINT ["dotnet", "DxCollab.Web.dll"]
