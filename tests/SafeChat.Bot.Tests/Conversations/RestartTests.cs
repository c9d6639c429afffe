using SafeChat.Bot.Conversations;
using SafeChat.Bot.Storage;
using SafeChat.Bot.Tests.Support;
using SafeChat.Dialogs.Activities;

namespace SafeChat.Bot.Tests.Conversations;

public class RestartTests
{
    [Fact]
    public async Task A_conversation_continues_after_the_host_is_stopped_mid_dialog_and_started_again()
    {
        var settings = HostSettings.Sqlite();
        DirectLineTestClient chat;
        await using (var before = await SafeChatHost.StartAsync(settings))
        {
            chat = await DirectLineTestClient.StartAsync(before.Http);
            await chat.WaitForQuestionAsync(); // waiting on "are you in danger?"
        }

        await using var after = await SafeChatHost.StartAsync(settings);
        var set = await chat.Via(after.Http).AnswerAsync("ja");

        Assert.Contains(HelpLines.Tel("emergency"), set.AllCallLinks);
    }

    [Fact]
    public async Task A_message_stored_but_never_answered_before_a_crash_is_answered_after_the_restart()
    {
        var settings = HostSettings.Sqlite();
        DirectLineTestClient chat;
        await using (var before = await SafeChatHost.StartAsync(settings))
        {
            chat = await DirectLineTestClient.StartAsync(before.Http);
            await chat.WaitForQuestionAsync();
        }

        // What a crash between "stored the message" and "ran the turn" leaves behind: a stored,
        // unprocessed message (the queue that would have run it died with the process).
        var databases = new SafeChatDbFactory(new StorageOptions { DataDirectory = settings.DataDirectory }, settings.DataDirectory);
        var orphanedQueue = new TurnQueue();
        var store = new ConversationStore(databases, TimeProvider.System, new ActivitySignals(), orphanedQueue, new SafeChat.Bot.Channels.ChannelSenders([]), new UrgentMessages());
        await store.ReceiveAsync(chat.ConversationId, new Activity { Type = "message", Text = "ja", From = new ChannelAccount { Id = "dl_x" } }, CancellationToken.None);

        await using var after = await SafeChatHost.StartAsync(settings);
        var set = await chat.Via(after.Http).WaitForQuestionAsync(2);

        Assert.Contains(HelpLines.Tel("emergency"), set.AllCallLinks);
    }
}
