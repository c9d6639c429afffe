using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using SafeChat.Bot.Staff.Accounts;
using SafeChat.Bot.Storage;
using SafeChat.Bot.Tests.Support;

namespace SafeChat.Bot.Tests.Staff;

/// <summary>A printed one-time password works for 72 hours; after that it fails exactly as a wrong password does.</summary>
public class OneTimePasswordExpiryTests
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 12, 7, 9, 0, 0, TimeSpan.Zero));

    [Fact]
    public async Task A_one_time_password_older_than_72_hours_is_refused_like_a_wrong_one_until_an_admin_resets_it()
    {
        await using var host = await SafeChatHost.StartAsync(HostSettings.Sqlite(), services => services.AddSingleton<TimeProvider>(_clock));
        var accounts = host.Services.GetRequiredService<StaffAccounts>();
        var early = await accounts.AddAsync($"early-{Guid.NewGuid():N}@gemeente.test", "responder");
        var late = await accounts.AddAsync($"late-{Guid.NewGuid():N}@gemeente.test", "responder");
        string Now(StaffAccounts.NewAccount account) => StaffClient.Code(account.TotpSecret, _clock.GetUtcNow().UtcDateTime);

        _clock.Advance(TimeSpan.FromHours(71));
        var inTime = await StaffClient.Anonymous(host).SignInAsync(early.Email, early.OneTimePassword, Now(early));
        Assert.Equal("/staff/password", inTime.Headers.Location?.OriginalString);

        _clock.Advance(TimeSpan.FromHours(1) + TimeSpan.FromMinutes(1));
        var wrong = await StaffClient.Anonymous(host).SignInAsync(late.Email, "not the password", Now(late));
        var expired = await StaffClient.Anonymous(host).SignInAsync(late.Email, late.OneTimePassword, Now(late));

        Assert.Equal(wrong.StatusCode, expired.StatusCode);
        Assert.Equal(HttpStatusCode.OK, expired.StatusCode);
        Assert.NotNull(await StaffClient.ErrorAsync(expired));
        Assert.Equal(await StaffClient.ErrorAsync(wrong), await StaffClient.ErrorAsync(expired));
        await using (var db = host.Services.GetRequiredService<SafeChatDbFactory>().Create())
            Assert.Equal(2, (await db.StaffUsers.SingleAsync(u => u.Id == late.Id)).FailedSignIns); // both count toward the lockout

        var admin = await StaffClient.SignedInAsync(host, "admin");
        var reset = await admin.PostAsync($"/staff/api/admin/accounts/{late.Id}/reset-password");
        var issued = (await System.Net.Http.Json.HttpContentJsonExtensions.ReadFromJsonAsync<System.Text.Json.JsonElement>(reset.Content))
            .GetProperty("oneTimePassword").GetString()!;
        var afterReset = await StaffClient.Anonymous(host).SignInAsync(late.Email, issued, Now(late));
        Assert.Equal("/staff/password", afterReset.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task A_session_on_an_expired_one_time_password_cannot_choose_a_new_one()
    {
        await using var host = await SafeChatHost.StartAsync(HostSettings.Sqlite(), services => services.AddSingleton<TimeProvider>(_clock));
        var account = await host.Services.GetRequiredService<StaffAccounts>().AddAsync($"slow-{Guid.NewGuid():N}@gemeente.test", "responder");
        _clock.Advance(TimeSpan.FromHours(71.9));
        var staff = StaffClient.Anonymous(host);
        await staff.SignInAsync(account.Email, account.OneTimePassword, StaffClient.Code(account.TotpSecret, _clock.GetUtcNow().UtcDateTime));

        _clock.Advance(TimeSpan.FromMinutes(10));
        var changed = await staff.ChangePasswordAsync("een lang eigen wachtwoord");

        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        Assert.Contains("verlopen", await StaffClient.ErrorAsync(changed));
    }
}
