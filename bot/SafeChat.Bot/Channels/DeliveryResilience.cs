using Microsoft.Extensions.Http.Resilience;
using Polly;

namespace SafeChat.Bot.Channels;

/// <summary>
/// The resilience pipeline of every channel that pushes messages (Twilio, the Bot Connector): a total timeout the
/// outbox lease is sized on, retries with exponential backoff and jitter only for what the other side did not take
/// (429 and 5xx answers, connections that never got an answer), a circuit breaker, and a timeout per attempt.
/// A timeout after sending is not retried here: the message may exist; the outbox decides later.
/// </summary>
public static class DeliveryResilience
{
    /// <param name="perAuthority">One pipeline (and circuit breaker) per host called: a channel whose service is down
    /// does not open the circuit for the others (the Bot Connector has a service URL per channel).</param>
    public static IHttpClientBuilder AddDeliveryResilience(this IHttpClientBuilder client, string name, TimeSpan totalTimeout, bool perAuthority = false)
    {
        var handler = client.AddResilienceHandler(name, pipeline =>
        {
            pipeline.AddTimeout(totalTimeout);
            pipeline.AddRetry(new HttpRetryStrategyOptions
            {
                MaxRetryAttempts = 3, BackoffType = DelayBackoffType.Exponential, UseJitter = true, Delay = TimeSpan.FromMilliseconds(200),
                ShouldHandle = args => ValueTask.FromResult(
                    args.Outcome.Exception is HttpRequestException ||
                    args.Outcome.Result is { } r && ((int)r.StatusCode == 429 || (int)r.StatusCode >= 500)),
            });
            pipeline.AddCircuitBreaker(new HttpCircuitBreakerStrategyOptions
            {
                FailureRatio = 0.8, MinimumThroughput = 10, SamplingDuration = TimeSpan.FromSeconds(30), BreakDuration = TimeSpan.FromSeconds(10),
            });
            pipeline.AddTimeout(TimeSpan.FromSeconds(8)); // per attempt
        });
        if (perAuthority) handler.SelectPipelineByAuthority();
        return client;
    }
}
