using SafeChat.Bot.Storage;
using SafeChat.Dialogs.Activities;

namespace SafeChat.Bot.Channels;

/// <summary>
/// How one kind of channel's messages leave SafeChat besides the activity log, which Web Chat and Direct Line clients
/// read themselves: SMS and WhatsApp queue them for Twilio. The conversation core hands rendered messages over and
/// knows none of a channel's rules (the WhatsApp window, STOP); they live with the sender, in the channel's folder.
/// A further channel is one folder: its endpoint, inbound mapping, renderer and, if it pushes, a sender.
/// </summary>
public interface IChannelSender
{
    IReadOnlyCollection<string> Channels { get; }

    /// <summary>Queues the messages in the caller's transaction (nothing is sent before the commit).</summary>
    void Queue(SafeChatDb db, ChannelTarget target, IReadOnlyList<Activity> rendered, DateTime now, bool forgetAfterSend = false);

    /// <summary>Why a message from a person on the team cannot reach this conversation now, or null.</summary>
    string? Unreachable(ChannelTarget target);

    /// <summary>After the commit: start sending.</summary>
    void Wake();

    /// <summary>Whether messages may be held for the person's answer on <paramref name="channel"/>: then taking in what they
    /// write also looks for those (<see cref="ReleaseHeldAsync"/>).</summary>
    bool Holds(string channel);

    /// <summary>The person wrote: what was held for them (WhatsApp, outside its window) may go now, in the caller's
    /// transaction. True when something was: their message answered the channel's request to write back.</summary>
    Task<bool> ReleaseHeldAsync(SafeChatDb db, string conversationId, string channel, DateTime now, CancellationToken cancellation);
}

/// <summary>Where a message goes: the conversation, its channel, and what the channel's rules need to know.</summary>
public sealed record ChannelTarget(string ConversationId, string Channel, DateTime? LastUserMessageAt, bool OptedOut);

/// <summary>The sender for a channel; none for channels whose clients read the log (Web Chat, Direct Line).</summary>
public sealed class ChannelSenders(IEnumerable<IChannelSender> senders)
{
    private readonly Dictionary<string, IChannelSender> _byChannel =
        senders.SelectMany(s => s.Channels.Select(c => (c, s))).ToDictionary(x => x.c, x => x.s);

    public IChannelSender? For(string channel) => _byChannel.GetValueOrDefault(channel);

    public void WakeAll()
    {
        foreach (var sender in _byChannel.Values.Distinct()) sender.Wake();
    }
}
