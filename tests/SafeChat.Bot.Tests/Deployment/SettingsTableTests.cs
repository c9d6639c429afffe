using System.Reflection;

namespace SafeChat.Bot.Tests.Deployment;

/// <summary>The settings table in deployment/README.md names every setting the host binds, so operators miss none.</summary>
public class SettingsTableTests
{
    private static readonly (string Section, Type Options)[] Sections =
    [
        ("Storage", typeof(SafeChat.Bot.Storage.StorageOptions)),
        ("DirectLine", typeof(SafeChat.Bot.Channels.DirectLine.DirectLineOptions)),
        ("WebChat", typeof(SafeChat.Bot.Channels.WebChat.WebChatOptions)),
        ("Queue", typeof(SafeChat.Bot.Reports.QueueOptions)),
        ("Retention", typeof(SafeChat.Bot.Privacy.RetentionOptions)),
        ("Twilio", typeof(SafeChat.Bot.Channels.Twilio.TwilioOptions)),
        ("BotFramework", typeof(SafeChat.Bot.Channels.BotFramework.BotFrameworkOptions)),
        ("RateLimits", typeof(SafeChat.Bot.Security.RateLimitOptions)),
        ("Handover", typeof(SafeChat.Bot.Live.HandoverOptions)),
    ];

    [Fact]
    public void Every_bound_setting_is_documented_as_an_environment_variable()
    {
        var table = File.ReadAllText(Path.Combine(Support.RepositoryPaths.Root, "deployment", "README.md"));

        var settings = Sections.SelectMany(s => s.Options.GetProperties(BindingFlags.Public | BindingFlags.Instance)
                .Where(p => p.CanWrite)
                .Select(p => $"{s.Section}__{p.Name}"))
            .Append("DataProtection__KeysDirectory")
            .ToList();
        var missing = settings.Where(name => !table.Contains($"| `{name}` |")).ToList();

        Assert.True(settings.Count > 30, "the option types should have been found");
        Assert.Empty(missing);
    }
}
