using System.Text.RegularExpressions;

namespace DxCollab.DeploymentTests;

/// <summary>The Dockerfiles, the compose services and the Kubernetes manifests fit the two hosts.</summary>
public sealed class ContainerAndClusterTests
{
    public static TheoryData<string, string> Hosts() => new() { { "web", "DxCollab.Web" }, { "worker", "DxCollab.Worker" } };

    [Theory, MemberData(nameof(Hosts))]
    public void Dockerfile_builds_on_the_sdk_runs_on_aspnet_as_non_root_without_healthcheck(string host, string project)
    {
        var dockerfile = RepoFiles.Read($"infra/docker/{host}.Dockerfile");
        dockerfile.ShouldContain("mcr.microsoft.com/dotnet/sdk:10.0");
        dockerfile.ShouldContain("mcr.microsoft.com/dotnet/aspnet:10.0");
        dockerfile.ShouldContain($"dotnet restore src/{project}/{project}.csproj");
        dockerfile.ShouldContain($"dotnet publish src/{project}/{project}.csproj --no-restore -c Release");
        dockerfile.ShouldContain($"ENTRYPOINT [\"dotnet\", \"{project}.dll\"]");
        File.Exists(RepoFiles.PathOf($"src/{project}/{project}.csproj")).ShouldBeTrue();
        Regex.IsMatch(dockerfile, @"^USER \$APP_UID\s*$", RegexOptions.Multiline).ShouldBeTrue("runs as the image's non-root user");
        Regex.IsMatch(dockerfile, @"^EXPOSE 8080\s*$", RegexOptions.Multiline).ShouldBeTrue();
        Regex.IsMatch(dockerfile, @"^\s*HEALTHCHECK", RegexOptions.Multiline | RegexOptions.IgnoreCase).ShouldBeFalse("orchestrators probe /health/*");
        // The central package and build files take part in restore.
        foreach (var file in new[] { "global.json", "Directory.Build.props", "Directory.Packages.props" })
        {
            dockerfile.ShouldContain(file);
            File.Exists(RepoFiles.PathOf(file)).ShouldBeTrue();
        }
        // USER comes after the last root step of the final stage.
        dockerfile.LastIndexOf("USER $APP_UID", StringComparison.Ordinal).ShouldBeGreaterThan(dockerfile.LastIndexOf("RUN ", StringComparison.Ordinal));
    }

    [Fact]
    public void Dockerignore_keeps_build_output_and_secrets_out_of_the_context()
    {
        var lines = RepoFiles.Read(".dockerignore").Split('\n').Select(l => l.Trim()).ToList();
        lines.ShouldContain(".git");
        lines.ShouldContain("**/bin/");
        lines.ShouldContain("**/obj/");
        lines.ShouldContain("**/App_Data/");
        lines.ShouldContain("**/.env");
        lines.ShouldNotContain("src/");
        lines.ShouldNotContain("*.props");
    }

    [Fact]
    public void Local_secret_files_are_git_ignored()
    {
        var ignored = RepoFiles.Read(".gitignore").Split('\n').Select(l => l.Trim()).ToList();
        ignored.ShouldContain("infra/compose/.env");
        ignored.ShouldContain("infra/k8s/secret.yaml");
    }

    [Fact]
    public void Compose_runs_a_migrator_two_web_replicas_and_a_worker_from_the_right_images()
    {
        var services = DeploymentFiles.DxCollabServices();
        services.Keys.Order().ShouldBe(["migrate", "web", "worker"]);
        Yaml.Scalar(Yaml.Get(services["web"], "deploy", "replicas")).ShouldBe("2");
        Yaml.Scalar(Yaml.Get(services["migrate"], "build", "dockerfile")).ShouldBe("infra/docker/web.Dockerfile");
        Yaml.Scalar(Yaml.Get(services["web"], "build", "dockerfile")).ShouldBe("infra/docker/web.Dockerfile");
        Yaml.Scalar(Yaml.Get(services["worker"], "build", "dockerfile")).ShouldBe("infra/docker/worker.Dockerfile");
        // The web replicas and the worker start once the migrator is healthy (migrations applied).
        foreach (var name in new[] { "web", "worker" })
            Yaml.Scalar(Yaml.Get(services[name], "depends_on", "migrate", "condition")).ShouldBe("service_healthy");
        foreach (var (name, service) in services)
            Yaml.Get(service, "healthcheck", "test").ShouldNotBeNull($"{name} has a healthcheck");
        File.Exists(RepoFiles.PathOf("infra/compose/postgres-init/10-dxcollab.sh")).ShouldBeTrue();
    }

    [Fact]
    public void Postgres_init_creates_the_owner_an_app_role_that_owns_nothing_and_the_read_only_backup_role()
    {
        var script = RepoFiles.Read("infra/compose/postgres-init/10-dxcollab.sh");
        script.ShouldContain("CREATE ROLE dxcollab_owner LOGIN CREATEROLE");
        Regex.IsMatch(script, @"CREATE ROLE dxcollab_app LOGIN[^;]*NOBYPASSRLS").ShouldBeTrue();
        script.ShouldContain("CREATE DATABASE dxcollab OWNER dxcollab_owner");
        Regex.IsMatch(script, @"OWNER\s+dxcollab_app|OWNER TO dxcollab_app", RegexOptions.IgnoreCase).ShouldBeFalse("dxcollab_app owns nothing");
        // The backup role of docs/operations.md: reads past row-level security, changes nothing.
        Regex.IsMatch(script, @"CREATE ROLE dxcollab_backup LOGIN BYPASSRLS NOSUPERUSER[^;]*NOCREATEROLE").ShouldBeTrue();
        script.ShouldContain("GRANT pg_read_all_data TO dxcollab_backup;");
        Regex.IsMatch(script, @"OWNER\s+dxcollab_backup|OWNER TO dxcollab_backup", RegexOptions.IgnoreCase).ShouldBeFalse("dxcollab_backup owns nothing");
    }

    [Theory]
    [InlineData("dxcollab-web", 3)]
    [InlineData("dxcollab-worker", 2)]
    public void Deployments_probe_the_health_endpoints_and_limit_resources(string name, int replicas)
    {
        var deployment = DeploymentFiles.K8sSingle("Deployment", name);
        Yaml.Scalar(Yaml.Get(deployment, "spec", "replicas")).ShouldBe(replicas.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var container = Yaml.Items(Yaml.Get(deployment, "spec", "template", "spec", "containers")).ShouldHaveSingleItem();
        Yaml.Scalar(Yaml.Get(container, "readinessProbe", "httpGet", "path")).ShouldBe("/health/ready");
        Yaml.Scalar(Yaml.Get(container, "livenessProbe", "httpGet", "path")).ShouldBe("/health/live");
        foreach (var kind in new[] { "requests", "limits" })
        foreach (var resource in new[] { "cpu", "memory" })
            Yaml.Scalar(Yaml.Get(container, "resources", kind, resource)).ShouldNotBeNullOrWhiteSpace($"{name} {kind}.{resource}");
        Yaml.Scalar(Yaml.Get(container, "securityContext", "allowPrivilegeEscalation")).ShouldBe("false");
        Yaml.Scalar(Yaml.Get(deployment, "spec", "template", "spec", "securityContext", "runAsNonRoot")).ShouldBe("true");
        var envFrom = Yaml.Items(Yaml.Get(container, "envFrom")).ToList();
        envFrom.ShouldContain(e => Yaml.Scalar(Yaml.Get(e, "configMapRef", "name")) == "dxcollab-config");
        envFrom.ShouldContain(e => Yaml.Scalar(Yaml.Get(e, "secretRef", "name")) == "dxcollab-secrets");
    }

    [Fact]
    public void Both_hosts_serve_the_probed_endpoints()
    {
        var web = RepoFiles.Read("src/DxCollab.Web/Infrastructure/PipelineSetup.cs");
        var worker = RepoFiles.Read("src/DxCollab.Worker/Program.cs");
        foreach (var source in new[] { web, worker })
        {
            source.ShouldContain("\"/health/live\"");
            source.ShouldContain("\"/health/ready\"");
        }
    }

    [Fact]
    public void Service_ingress_hpa_and_pdbs_target_the_right_pods()
    {
        Yaml.Scalar(Yaml.Get(DeploymentFiles.K8sSingle("Service", "dxcollab-web"), "spec", "selector", "app.kubernetes.io/component")).ShouldBe("web");
        var ingress = DeploymentFiles.K8sSingle("Ingress", "dxcollab-web");
        var backend = Yaml.Items(Yaml.Get(Yaml.Items(Yaml.Get(ingress, "spec", "rules")).Single(), "http", "paths")).Single();
        Yaml.Scalar(Yaml.Get(backend, "backend", "service", "name")).ShouldBe("dxcollab-web");
        var hpa = DeploymentFiles.K8sSingle("HorizontalPodAutoscaler", "dxcollab-web");
        Yaml.Scalar(Yaml.Get(hpa, "spec", "scaleTargetRef", "name")).ShouldBe("dxcollab-web");
        Yaml.Scalar(Yaml.Get(hpa, "spec", "minReplicas")).ShouldBe("3");
        Yaml.Scalar(Yaml.Get(DeploymentFiles.K8sSingle("PodDisruptionBudget", "dxcollab-web"), "spec", "selector", "matchLabels", "app.kubernetes.io/component")).ShouldBe("web");
        Yaml.Scalar(Yaml.Get(DeploymentFiles.K8sSingle("PodDisruptionBudget", "dxcollab-worker"), "spec", "selector", "matchLabels", "app.kubernetes.io/component")).ShouldBe("worker");
    }

    [Fact]
    public void Kustomization_lists_every_manifest_but_the_secret_example()
    {
        var kustomization = Yaml.LoadAll(RepoFiles.Read("infra/k8s/kustomization.yaml")).Single();
        var resources = Yaml.Items(Yaml.Get(kustomization, "resources")).Select(Yaml.Scalar).OfType<string>().ToList();
        var manifests = Directory.GetFiles(RepoFiles.PathOf("infra/k8s"), "*.yaml").Select(Path.GetFileName).OfType<string>()
            .Where(f => f is not "kustomization.yaml" and not "secret.example.yaml" and not "secret.yaml").ToList();
        resources.Order().ShouldBe(manifests.Order());
        var secret = DeploymentFiles.K8sSingle("Secret", "dxcollab-secrets");
        Yaml.Entries(Yaml.Get(secret, "stringData")).Keys.ShouldContain("Database__ConnectionString");
    }
}
