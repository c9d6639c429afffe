using System.Collections.Concurrent;
using System.Net;

namespace SafeChat.Bot.Tests.Faults;

/// <summary>
/// How a client gets one message through when an instance dies or the database is away: it sends the very same
/// message (same clientActivityID or MessageSid) again, to the next instance, until one acknowledges it — what Web
/// Chat's "retry", a load balancer and Twilio's fallback URL do together. Every answer is recorded.
/// </summary>
public sealed class Delivery(IReadOnlyList<HttpClient> instances)
{
    private static readonly TimeSpan GiveUpAfter = TimeSpan.FromSeconds(90);

    public int Acknowledged => _acknowledged;
    public int Unavailable => _unavailable;
    public int ConnectionFailures => _connectionFailures;

    /// <summary>Answers that are neither an acknowledgement nor a clean 503 with Retry-After: each one is a defect.</summary>
    public ConcurrentQueue<string> Unexpected { get; } = new();

    private int _acknowledged, _unavailable, _connectionFailures;

    /// <summary>Sends until acknowledged, starting at instance <paramref name="first"/>; returns the instance that took it and its answer.</summary>
    public async Task<(int Instance, string Answer)> SendAsync(int first, Func<HttpClient, Task<HttpResponseMessage>> send, Action<int>? acknowledgedBy = null)
    {
        var deadline = DateTime.UtcNow + GiveUpAfter;
        for (var attempt = 0; ; attempt++)
        {
            var index = (first + attempt) % instances.Count;
            try
            {
                using var response = await send(instances[index]);
                if (response.IsSuccessStatusCode)
                {
                    Interlocked.Increment(ref _acknowledged);
                    acknowledgedBy?.Invoke(index);
                    return (index, await response.Content.ReadAsStringAsync());
                }
                if (response.StatusCode == HttpStatusCode.ServiceUnavailable && response.Headers.RetryAfter is not null)
                    Interlocked.Increment(ref _unavailable);
                else
                    Unexpected.Enqueue($"{(int)response.StatusCode} from instance {index}: {await response.Content.ReadAsStringAsync()}");
            }
            catch (HttpRequestException)
            {
                Interlocked.Increment(ref _connectionFailures); // the instance is gone: the next one gets it
            }
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"no instance acknowledged after {attempt + 1} attempts");
            await Task.Delay(200);
        }
    }
}
