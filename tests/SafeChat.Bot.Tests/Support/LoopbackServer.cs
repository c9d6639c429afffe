using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace SafeChat.Bot.Tests.Support;

/// <summary>A small web server on a free loopback port, for the stand-ins at the edge of the world.</summary>
public static class LoopbackServer
{
    public static async Task<(WebApplication App, string BaseUrl)> StartAsync(Action<WebApplication> map)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        map(app);
        await app.StartAsync();
        return (app, app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
    }
}

/// <summary>A SafeChat host wired to a local stand-in for Twilio, one per test class.</summary>
public abstract class TwilioHostTests : IAsyncLifetime
{
    protected FakeTwilioApi Twilio { get; private set; } = null!;
    protected SafeChatHost Host { get; private set; } = null!;

    protected virtual void Configure(IServiceCollection services) { }

    /// <summary>Settings beyond Twilio's, as an operator would give them on the command line.</summary>
    protected virtual IEnumerable<string> Settings => [];

    public async Task InitializeAsync()
    {
        Twilio = await FakeTwilioApi.StartAsync();
        Host = await SafeChatHost.StartAsync(HostSettings.Sqlite() with { Extra = [.. TwilioPhone.HostArguments(Twilio), .. Settings] }, Configure);
    }

    public async Task DisposeAsync()
    {
        await Host.DisposeAsync();
        await Twilio.DisposeAsync();
    }
}
