using SafeChat.Bot.Tests.Support;

namespace SafeChat.Bot.Tests.BotFramework;

/// <summary>A SafeChat host registered as a Bot Framework bot, with local stand-ins for the token issuer and Entra ID.</summary>
public abstract class BotFrameworkHostTests : IAsyncLifetime
{
    public const string AppId = "5afec4a7-0000-4000-8000-000000000001";
    public const string AppPassword = "test-client-secret";

    protected FakeBotFrameworkIssuer Issuer { get; private set; } = null!;
    protected SafeChatHost Host { get; private set; } = null!;

    /// <summary>More settings, as an operator would give them.</summary>
    protected virtual IEnumerable<string> Settings => [];

    public virtual async Task InitializeAsync()
    {
        Issuer = await FakeBotFrameworkIssuer.StartAsync();
        Host = await SafeChatHost.StartAsync(HostSettings.Sqlite() with
        {
            Extra =
            [
                $"--BotFramework:AppId={AppId}", $"--BotFramework:AppPassword={AppPassword}",
                $"--BotFramework:OpenIdMetadataUrl={Issuer.MetadataUrl}", $"--BotFramework:TokenEndpoint={Issuer.TokenUrl}",
                "--Handover:Hours=always", .. Settings,
            ],
        });
    }

    public virtual async Task DisposeAsync()
    {
        await Host.DisposeAsync();
        await Issuer.DisposeAsync();
    }
}
