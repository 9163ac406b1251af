using System.Diagnostics;
using System.Net;
using DxCollab.IntegrationTests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Trace;

namespace DxCollab.IntegrationTests.Api;

/// <summary>Turning OpenTelemetry on in configuration gives HTTP traces with the same trace id the ProblemDetails
/// carry as requestId (so a staff member's "お問い合わせ番号" leads to the trace).</summary>
public sealed class ObservabilityTests : IAsyncLifetime
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "dxcollab-otel-" + Guid.NewGuid().ToString("N"));
    private readonly List<Activity> _exported = [];
    private DxCollabFactory _factory = null!;

    public Task InitializeAsync()
    {
        Directory.CreateDirectory(_folder);
        var settings = DxCollabFactory.BaseSettings(_folder);
        settings["Database:Provider"] = "Sqlite";
        settings["Database:ConnectionString"] = $"Data Source={Path.Combine(_folder, "otel.db")}";
        settings["OpenTelemetry:Enabled"] = "true";
        settings["OpenTelemetry:Exporter"] = "console";
        _factory = new DxCollabFactory(settings);
        return Task.CompletedTask;
    }

    [Fact]
    public async Task Enabled_tracing_records_the_request_under_the_problem_request_id()
    {
        var app = _factory.WithWebHostBuilder(b => b.ConfigureServices(s =>
            s.ConfigureOpenTelemetryTracerProvider(t => t.AddInMemoryExporter(_exported))));
        using var client = app.CreateClient();
        using var response = await client.GetAsync("/api/v1/atlantis/organizations");
        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.NotFound);
        var requestId = problem.GetProperty("requestId").GetString();

        // The server activity ends after the response reaches the client, so wait for it briefly.
        var tracer = app.Services.GetRequiredService<TracerProvider>();
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (!Recorded(requestId) && DateTime.UtcNow < deadline)
        {
            tracer.ForceFlush();
            await Task.Delay(50);
        }
        Recorded(requestId).ShouldBeTrue($"no server activity with trace id {requestId} was exported");
    }

    private bool Recorded(string? traceId) =>
        _exported.ToArray().Any(a => a.TraceId.ToString() == traceId && a.Kind == ActivityKind.Server);

    public async Task DisposeAsync()
    {
        await _factory.DisposeAsync();
        try { Directory.Delete(_folder, true); } catch (IOException) { }
    }
}
