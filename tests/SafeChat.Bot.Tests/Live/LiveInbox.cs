using System.Net;
using System.Text.Json;
using SafeChat.Bot.Tests.Support;

namespace SafeChat.Bot.Tests.Live;

/// <summary>A team member's use of /staff/api/live, as the journeys on every channel need it.</summary>
public static class LiveInbox
{
    /// <summary>The one waiting live chat on the channel.</summary>
    public static async Task<long> WaitingAsync(StaffClient staff, string channel)
    {
        var inbox = (await staff.GetJsonAsync("/staff/api/live")).EnumerateArray().ToList();
        return Assert.Single(inbox, l => l.GetProperty("status").GetString() == "waiting" && l.GetProperty("channel").GetString() == channel)
            .GetProperty("id").GetInt64();
    }

    public static async Task ClaimAsync(StaffClient staff, long id) =>
        Assert.Equal(HttpStatusCode.NoContent, (await staff.PostAsync($"/staff/api/live/{id}/claim")).StatusCode);

    public static async Task SendAsync(StaffClient staff, long id, string text) =>
        Assert.Equal(HttpStatusCode.NoContent, (await staff.PostAsync($"/staff/api/live/{id}/messages", new { text })).StatusCode);

    public static async Task CloseAsync(StaffClient staff, long id) =>
        Assert.Equal(HttpStatusCode.NoContent, (await staff.PostAsync($"/staff/api/live/{id}/close", new { outcome = "doorverwezen" })).StatusCode);

    /// <summary>Waits until a message from <paramref name="from"/> containing the text is in the chat's messages.</summary>
    public static async Task<List<JsonElement>> SeenAsync(StaffClient staff, long id, string from, string text)
    {
        List<JsonElement> messages = [];
        Assert.True(await Eventually.HoldsAsync(async () =>
        {
            messages = (await staff.GetJsonAsync($"/staff/api/live/{id}/messages")).EnumerateArray().ToList();
            return messages.Any(m => m.GetProperty("from").GetString() == from && m.GetProperty("text").GetString()!.Contains(text));
        }, TimeSpan.FromSeconds(20)), $"no {from} message with '{text}' in:\n" + string.Join("\n", messages));
        return messages;
    }

    public static async Task<bool> FlaggedAsync(StaffClient staff, long id) =>
        await Eventually.HoldsAsync(async () => (await staff.GetJsonAsync("/staff/api/live")).EnumerateArray()
            .Any(l => l.GetProperty("id").GetInt64() == id && l.GetProperty("danger").GetBoolean()), TimeSpan.FromSeconds(20));

    public static string FirstName(StaffClient staff) => SafeChat.Bot.Staff.Live.LiveService.FirstName(staff.Account.Email);
}
