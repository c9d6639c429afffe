using System.Net;
using Microsoft.Extensions.DependencyInjection;
using SafeChat.Bot.Tests.Support;

namespace SafeChat.Bot.Tests.Staff;

/// <summary>A TOTP code works once: read over a shoulder or replayed, it is refused within its own window too.</summary>
public class TotpReplayTests(SqliteHostFixture fixture) : IClassFixture<SqliteHostFixture>
{
    [Fact]
    public async Task The_same_code_signs_in_once()
    {
        var account = await fixture.Host.Services.GetRequiredService<SafeChat.Bot.Staff.Accounts.StaffAccounts>()
            .AddAsync($"replay-{Guid.NewGuid():N}@gemeente.test", "responder");
        var code = StaffClient.Code(account.TotpSecret);

        var first = await StaffClient.Anonymous(fixture.Host).SignInAsync(account.Email, account.OneTimePassword, code);
        var replayed = await StaffClient.Anonymous(fixture.Host).SignInAsync(account.Email, account.OneTimePassword, code);

        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, replayed.StatusCode); // the sign-in form again, not the app
    }
}
