using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace DxCollab.Hosting;

public sealed class ObservabilityOptions
{
    public const string Section = "OpenTelemetry";
    public bool Enabled { get; set; }
    /// <summary>"otlp" (endpoint from OTEL_EXPORTER_OTLP_ENDPOINT) or "console".</summary>
    public string Exporter { get; set; } = "otlp";
    public string ServiceName { get; set; } = "dxcollab-web";
}

public static class Observability
{
    /// <summary>Both hosts: JSON logs outside development (the request id and trace id travel in the log scope);
    /// OpenTelemetry traces and metrics for HTTP and EF Core when enabled in configuration (off by default).</summary>
    public static IHostApplicationBuilder AddObservability(this IHostApplicationBuilder builder)
    {
        builder.Logging.Configure(o => o.ActivityTrackingOptions =
            ActivityTrackingOptions.TraceId | ActivityTrackingOptions.SpanId | ActivityTrackingOptions.ParentId);
        if (!builder.Environment.IsDevelopment())
        {
            builder.Logging.ClearProviders();
            builder.Logging.AddJsonConsole(o =>
            {
                o.IncludeScopes = true;
                o.UseUtcTimestamp = true;
                o.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ ";
                o.JsonWriterOptions = new System.Text.Json.JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
            });
        }

        var options = builder.Configuration.GetSection(ObservabilityOptions.Section).Get<ObservabilityOptions>() ?? new();
        builder.Services.Configure<ObservabilityOptions>(builder.Configuration.GetSection(ObservabilityOptions.Section));
        if (!options.Enabled) return builder;

        var otel = builder.Services.AddOpenTelemetry().ConfigureResource(r => r.AddService(options.ServiceName));
        otel.WithTracing(t =>
        {
            t.AddAspNetCoreInstrumentation().AddEntityFrameworkCoreInstrumentation();
            if (options.Exporter == "console") t.AddConsoleExporter(); else t.AddOtlpExporter();
        });
        otel.WithMetrics(m =>
        {
            m.AddAspNetCoreInstrumentation().AddMeter("Microsoft.EntityFrameworkCore");
            if (options.Exporter == "console") m.AddConsoleExporter(); else m.AddOtlpExporter();
        });
        return builder;
    }
}
