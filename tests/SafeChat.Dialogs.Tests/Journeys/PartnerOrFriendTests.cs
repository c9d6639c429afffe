using SafeChat.Dialogs.Activities;
using SafeChat.Dialogs.Tests.Engine;

namespace SafeChat.Dialogs.Tests.Journeys;

/// <summary>
/// "Mijn vriend is …" is a boyfriend or a friend. What he is like ("jaloers", "bezitterig") is about the person he is
/// with, and leads to Veilig Thuis; only what was done to a friend ("is lastiggevallen") makes the writer a bystander.
/// Blind batch 13 showed the kind ("mijn vriend is" alone counted as a bystander's words); the sentences here are this
/// test's own.
/// </summary>
public class PartnerOrFriendTests
{
    [Theory]
    [InlineData("mijn vriend is echt heel bezitterig")]
    [InlineData("mijn vriend is altijd zo jaloers als ik uitga")]
    public void Jealousy_or_control_by_mijn_vriend_leads_to_veilig_thuis(string message)
    {
        var chat = new EngineDriver();
        chat.Start();
        var replies = chat.Run(new Activity { Type = ActivityTypes.Message, Text = message, ChannelId = "sms" });

        Assert.DoesNotContain(chat.LastStartedDialogs, d => d.StartsWith("bystander", StringComparison.Ordinal));
        // Unsure, the bot may first ask whether this is about someone close; "ja" then leads there.
        if (!replies.Contacts().Contains("veilig-thuis")) replies = chat.Say("ja");
        Assert.Contains("veilig-thuis", replies.Contacts());
    }

    [Fact]
    public void A_friend_who_is_harassed_still_gets_bystander_help()
    {
        var chat = new EngineDriver();
        chat.Start();
        chat.Run(new Activity { Type = ActivityTypes.Message, Text = "mijn vriendin is vorige week op het station betast", ChannelId = "sms" });

        Assert.Contains(chat.LastStartedDialogs, d => d.StartsWith("bystander", StringComparison.Ordinal));
    }
}
