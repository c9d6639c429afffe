using SafeChat.Bot.Storage;

namespace SafeChat.Bot.Tests.Support;

/// <summary>Counts what a host sends its database while something happens: the round-trip tests' measuring stick.</summary>
public sealed class CommandCount(DatabaseCommands commands)
{
    /// <summary>Waits until no command has been sent for a while: the turn and what it set off are done.</summary>
    public async Task<long> SettledAsync()
    {
        var last = commands.Count;
        var quietSince = DateTime.UtcNow;
        while (DateTime.UtcNow - quietSince < TimeSpan.FromMilliseconds(400))
        {
            await Task.Delay(25);
            if (commands.Count != last) (last, quietSince) = (commands.Count, DateTime.UtcNow);
        }
        return last;
    }

    /// <summary>Waits for the next command sent while the test does nothing: a background job's (the pending-turn sweeper
    /// asks every few seconds), after which the next one is seconds away.</summary>
    public async Task NextAsync()
    {
        var last = commands.Count;
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(15);
        while (commands.Count == last && DateTime.UtcNow < deadline) await Task.Delay(10);
    }

    /// <summary>How many commands <paramref name="action"/> set off, and which, most frequent first.</summary>
    public async Task<(long Count, string Breakdown)> OfAsync(Func<Task> action)
    {
        var (count, kinds) = await KindsOfAsync(action);
        return (count, string.Join(", ", kinds.OrderByDescending(k => k.Value).Select(k => $"{k.Value}× {k.Key}")));
    }

    /// <summary>How many commands <paramref name="action"/> set off, and how many of each kind.</summary>
    public async Task<(long Count, IReadOnlyDictionary<string, long> Kinds)> KindsOfAsync(Func<Task> action)
    {
        var before = await SettledAsync();
        var kinds = commands.ByKind();
        await action();
        var count = await SettledAsync() - before;
        return (count, commands.ByKind().Select(k => (Kind: k.Key, Sent: k.Value - kinds.GetValueOrDefault(k.Key)))
            .Where(k => k.Sent > 0).ToDictionary(k => k.Kind, k => k.Sent));
    }
}
