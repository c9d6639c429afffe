using SafeChat.Dialogs.Engine;

namespace SafeChat.Bot.Conversations;

/// <summary>
/// Loads the triage models, starts the date recogniser of every language and reads each language's start-up messages in
/// the background at start-up, so the first person to write does not wait for it (the first message in danger once
/// waited two to five seconds for the patterns on its path).
/// </summary>
public sealed class EngineWarmUp(ConversationEngine engine, EngineReadiness readiness, ILogger<EngineWarmUp> logger) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) => Task.Run(() =>
    {
        var started = System.Diagnostics.Stopwatch.StartNew();
        try
        {
            if (engine.Triage is SafeChat.Dialogs.Triage.TriageRecognizer recognizer) recognizer.LoadAllModels();
            engine.WarmUp(DateTimeOffset.UtcNow);
            logger.LogInformation("Triage model and date recognisers ready in {Milliseconds} ms", started.ElapsedMilliseconds);
            // Loading leaves tens of megabytes of garbage (model files read, patterns built) between what stays; one
            // compacting collection now gives it back to the system rather than holding it as the heap's high-water mark.
            GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        }
        catch (Exception ex)
        {
            // Warming up is an optimisation: a failure here shows again, with its context, on the first message.
            logger.LogError(ex, "Warming up the triage model or the date recognisers failed");
        }
        finally
        {
            readiness.MarkWarm();
        }
    }, stoppingToken);
}
