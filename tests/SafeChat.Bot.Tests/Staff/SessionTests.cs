using System.Net;
using SafeChat.Bot.Tests.Support;

namespace SafeChat.Bot.Tests.Staff;

/// <summary>Sessions can be ended: a new password ends every other session of the account, a copied cookie included.</summary>
public class SessionTests(SqliteHostFixture fixture) : IClassFixture<SqliteHostFixture>
{
    [Fact]
    public async Task A_new_password_ends_every_other_session_and_keeps_this_one()
    {
        var staff = await StaffClient.SignedInAsync(fixture.Host, "responder");
        var copied = staff.CopiedSession(); // the same cookie on another device (or stolen)
        Assert.Equal(HttpStatusCode.OK, (await copied.GetAsync("/staff/api/queue")).StatusCode);

        var changed = await staff.ChangePasswordAsync("nog een ander lang wachtwoord");

        Assert.Equal("/staff", changed.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.OK, (await staff.Http.GetAsync("/staff/api/queue")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await copied.GetAsync("/staff/api/queue")).StatusCode);
    }
}
