using SafeChat.Dialogs.Flows;
using SafeChat.Dialogs.Understanding;

namespace SafeChat.Dialogs.Tests.Engine;

/// <summary>
/// The host reads every language module's start-up messages in the background before the first person writes, so the
/// first message in danger does not wait for the patterns on its path (it once waited two to five seconds).
/// </summary>
public class WarmUpTests
{
    [Fact]
    public void Every_language_brings_start_up_messages_and_the_engine_reads_them_all()
    {
        var understander = Understander.LoadEmbedded();
        foreach (var language in understander.Languages)
            Assert.True(understander.WarmUpMessagesOf(language).Count >= 2, $"{language} has no start-up messages");

        SafeChatFlows.CreateEngine().WarmUp(DateTimeOffset.UtcNow);
    }
}
