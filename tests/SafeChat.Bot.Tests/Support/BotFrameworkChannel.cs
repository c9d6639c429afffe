using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json;

namespace SafeChat.Bot.Tests.Support;

/// <summary>
/// A Bot Framework channel played by Microsoft's botbuilder npm package (tests/botframework-channel/channel.mjs): it posts
/// people's messages to SafeChat's /api/messages and receives SafeChat's replies at its service URL.
/// </summary>
public sealed class BotFrameworkChannel : IAsyncDisposable
{
    private readonly Process _node;
    private readonly ConcurrentQueue<JsonElement> _replies = new();
    private readonly ConcurrentDictionary<string, int> _posted = new();
    private readonly TaskCompletionSource<string> _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly ConcurrentQueue<string> _errors = new();
    private int _sent;

    public string ServiceUrl { get; private set; } = "";

    private BotFrameworkChannel(Process node) => _node = node;

    public static async Task<BotFrameworkChannel> StartAsync(SafeChatHost host, FakeBotFrameworkIssuer issuer, string appId)
    {
        var start = new ProcessStartInfo("node", [Path.Combine(RepositoryPaths.Root, "tests", "botframework-channel", "channel.mjs"),
            new Uri(host.BaseUrl, "/api/messages").ToString(), issuer.BaseUrl, appId])
        {
            RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true,
            WorkingDirectory = Path.Combine(RepositoryPaths.Root, "tests"),
        };
        var channel = new BotFrameworkChannel(Process.Start(start)!);
        channel._node.OutputDataReceived += (_, line) => channel.Read(line.Data);
        channel._node.BeginOutputReadLine();
        channel._node.ErrorDataReceived += (_, line) => { if (line.Data is { Length: > 0 } e) channel._errors.Enqueue(e); };
        channel._node.BeginErrorReadLine();
        channel._node.EnableRaisingEvents = true;
        channel._node.Exited += (_, _) => channel._ready.TrySetException(new TimeoutException("exited"));
        try { channel.ServiceUrl = await channel._ready.Task.WaitAsync(TimeSpan.FromSeconds(30)); }
        catch (TimeoutException)
        {
            await Task.Delay(200); // the last lines of its error output
            throw new TimeoutException("The botbuilder channel did not start:\n" + string.Join("\n", channel._errors));
        }
        return channel;
    }

    private void Read(string? line)
    {
        if (string.IsNullOrWhiteSpace(line)) return;
        var message = JsonDocument.Parse(line).RootElement.Clone();
        if (message.TryGetProperty("ready", out var ready)) _ready.TrySetResult(ready.GetString()!);
        else if (message.TryGetProperty("posted", out var posted)) _posted[posted.GetString()!] = message.GetProperty("status").GetInt32();
        else if (message.TryGetProperty("reply", out var reply)) _replies.Enqueue(reply);
    }

    /// <summary>Posts a message as the person in <paramref name="conversation"/>; returns SafeChat's HTTP status.</summary>
    public async Task<int> SayAsync(string conversation, string text, string channelId = "msteams", string? locale = null, string? id = null,
        string conversationType = "personal", string? from = null)
    {
        id ??= $"act-{Interlocked.Increment(ref _sent)}";
        await _node.StandardInput.WriteLineAsync(JsonSerializer.Serialize(new { id, conversation, channelId, text, locale, conversationType, from }));
        await _node.StandardInput.FlushAsync();
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (!_posted.ContainsKey(id))
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"the channel did not post {id}:\n" + string.Join("\n", _errors));
            await Task.Delay(20);
        }
        return _posted[id];
    }

    /// <summary>Every reply SafeChat sent to the conversation so far.</summary>
    public IReadOnlyList<JsonElement> Replies(string conversation) =>
        _replies.Where(r => r.GetProperty("conversationId").GetString() == conversation).ToList();

    /// <summary>Waits until a reply to the conversation (text or card, as JSON) contains the words.</summary>
    public async Task<string> WaitForAsync(string conversation, string words, int after = 0, TimeSpan? within = null)
    {
        var deadline = DateTime.UtcNow + (within ?? TimeSpan.FromSeconds(20));
        while (true)
        {
            var shown = string.Join("\n", Replies(conversation).Skip(after).Select(r => r.GetProperty("activity").GetRawText()));
            if (shown.Contains(words, StringComparison.Ordinal)) return shown;
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"no reply with '{words}' in:\n{shown}");
            await Task.Delay(50);
        }
    }

    public async ValueTask DisposeAsync()
    {
        try { _node.StandardInput.Close(); await _node.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(5)); }
        catch (TimeoutException) { _node.Kill(entireProcessTree: true); }
        _node.Dispose();
    }
}
