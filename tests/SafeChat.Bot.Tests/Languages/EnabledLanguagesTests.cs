using System.Net;
using SafeChat.Bot.Tests.Support;

namespace SafeChat.Bot.Tests.Languages;

/// <summary>`Languages:Enabled` lets a municipality offer only the languages a native speaker has reviewed.</summary>
public class EnabledLanguagesTests
{
    [Fact]
    public async Task Only_the_enabled_languages_are_offered_on_the_page_and_in_the_chat()
    {
        await using var host = await SafeChatHost.StartAsync(HostSettings.Sqlite() with { Extra = ["--Languages:Enabled=nl,en"] });

        var page = WebUtility.HtmlDecode(await host.Http.GetStringAsync("/"));
        Assert.Contains("\"code\":\"nl\"", page);
        Assert.Contains("\"code\":\"en\"", page);
        Assert.DoesNotContain("\"code\":\"tr\"", page);
        Assert.DoesNotContain("\"code\":\"ar\"", page);

        var chat = await DirectLineTestClient.StartAsync(host.Http, "tr-TR");
        var greeting = await chat.WaitForQuestionAsync();
        Assert.Contains("automatische assistent", greeting.Describe()); // Turkish is off: the default language greets
        Assert.DoesNotContain("Türkçe", greeting.Describe());
    }

    [Theory]
    [InlineData("nl,xx", "xx")]
    [InlineData("en,tr", "default language")]
    public async Task A_wrong_list_stops_the_start_with_its_reason(string enabled, string named)
    {
        var error = await Assert.ThrowsAnyAsync<Exception>(() =>
            SafeChatHost.StartAsync(HostSettings.Sqlite() with { Extra = [$"--Languages:Enabled={enabled}"] }));

        Assert.Contains(named, error.Message);
    }
}
