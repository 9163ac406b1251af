using DxCollab.Hosting;
using DxCollab.Platform.Backbone;
using DxCollab.Platform.Data;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;

// The worker: consumers, outbox relay and jobs, scaled apart from the web. It serves only health probes.
var builder = WebApplication.CreateBuilder(args);
builder.Configuration.AddInMemoryCollection([new($"{HostingOptions.Section}:Role", builder.Configuration[$"{HostingOptions.Section}:Role"] ?? nameof(HostRole.Worker))]);
builder.AddObservability();
builder.Services.AddDxCollabCore(builder.Configuration, builder.Environment.ContentRootPath);
builder.Services.AddHealthChecks().AddDbContextCheck<DxCollabDbContext>("database", tags: ["ready"]);

var app = builder.Build();
app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false });
app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = c => c.Tags.Contains("ready") });
app.Run();
