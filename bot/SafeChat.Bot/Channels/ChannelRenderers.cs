using SafeChat.Dialogs.Activities;

namespace SafeChat.Bot.Channels;

/// <summary>Turns the engine's channel-neutral activities into what one channel can show.</summary>
public interface IChannelRenderer
{
    IReadOnlyCollection<string> Channels { get; }
    Activity Render(Activity neutral);
}

public sealed class ChannelRenderers(IEnumerable<IChannelRenderer> renderers)
{
    private readonly Dictionary<string, IChannelRenderer> _byChannel =
        renderers.SelectMany(r => r.Channels.Select(c => (c, r))).ToDictionary(x => x.c, x => x.r);

    public IChannelRenderer For(string channel) =>
        _byChannel.TryGetValue(channel, out var renderer)
            ? renderer
            : throw new InvalidOperationException($"No renderer for channel '{channel}'.");
}
