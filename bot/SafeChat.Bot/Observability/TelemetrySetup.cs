using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace SafeChat.Bot.Observability;

public static class TelemetrySetup
{
    /// <summary>
    /// Metrics and traces through OpenTelemetry. The OTLP exporter is on when OTEL_EXPORTER_OTLP_ENDPOINT is set
    /// (the standard OTEL_* variables configure it further); without it nothing leaves the process.
    /// </summary>
    public static IServiceCollection AddSafeChatTelemetry(this IServiceCollection services, IConfiguration config)
    {
        services.AddSingleton<QueueDepth>();
        services.AddSingleton<SafeChatTelemetry>();
        var export = !string.IsNullOrEmpty(config["OTEL_EXPORTER_OTLP_ENDPOINT"]);
        var telemetry = services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService("safechat"))
            .WithMetrics(metrics =>
            {
                metrics.AddMeter(SafeChatTelemetry.Name).AddAspNetCoreInstrumentation().AddHttpClientInstrumentation();
                if (export) metrics.AddOtlpExporter();
            });
        // Spans only when something receives them: recording a span for every poll that nobody exports cost CPU on
        // every request (issue 17).
        if (export)
            telemetry.WithTracing(tracing => tracing.AddSource(SafeChatTelemetry.Name)
                .AddAspNetCoreInstrumentation(o => o.EnrichWithHttpResponse = (span, _) => ForgetAddresses(span))
                .AddHttpClientInstrumentation()
                .AddOtlpExporter());
        return services;
    }

    /// <summary>Request spans would carry the person's IP address; SafeChat keeps none.</summary>
    private static void ForgetAddresses(System.Diagnostics.Activity span)
    {
        span.SetTag("client.address", null);
        span.SetTag("client.port", null);
        span.SetTag("network.peer.address", null);
        span.SetTag("network.peer.port", null);
    }
}
