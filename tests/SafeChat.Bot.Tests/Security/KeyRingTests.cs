using System.Security.Cryptography;
using SafeChat.Bot.Tests.Support;

namespace SafeChat.Bot.Tests.Security;

/// <summary>The data-protection key ring is encrypted at rest, readable after a restart and after a key rotation.</summary>
public class KeyRingTests
{
    [Fact]
    public async Task The_key_folder_holds_no_readable_key_and_a_restart_still_opens_the_phone_number()
    {
        var settings = HostSettings.Sqlite();
        string code;
        await using (var first = await SafeChatHost.StartAsync(settings))
            (_, code) = await ReporterJourney.ReportAsync(first.Http, ReporterJourney.FollowingCallMe);

        var keyFiles = Directory.GetFiles(Path.Combine(settings.DataDirectory, "keys", "data-protection"), "*.xml").Select(File.ReadAllText).ToList();
        Assert.NotEmpty(keyFiles);
        Assert.All(keyFiles, xml =>
        {
            Assert.Contains("safechatEncryptedKey", xml);
            Assert.DoesNotContain("<masterKey", xml); // the plain key DataProtection writes without encryption
        });

        await using var restarted = await SafeChatHost.StartAsync(settings);
        Assert.Equal("+31623456789", await PhoneOfAsync(restarted, code));
    }

    [Fact]
    public async Task After_a_rotation_the_previous_key_encryption_key_still_opens_older_keys()
    {
        var settings = HostSettings.Sqlite();
        string code;
        await using (var first = await SafeChatHost.StartAsync(settings))
            (_, code) = await ReporterJourney.ReportAsync(first.Http, ReporterJourney.FollowingCallMe);
        var newKey = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

        // The current key comes after the host's own arguments, so it wins; the old one is kept as previous.
        await using var rotated = await SafeChatHost.StartAsync(settings with
        {
            Extra = [$"--DataProtection:KeyEncryptionKey={newKey}", $"--DataProtection:PreviousKeyEncryptionKeys:0={SafeChatHost.KeyEncryptionKey}"],
        });

        Assert.Equal("+31623456789", await PhoneOfAsync(rotated, code));
    }

    [Theory]
    [InlineData("", "DataProtection:KeyEncryptionKey")]
    [InlineData("dGVuIGJ5dGVz", "32 bytes")]
    [InlineData("not base64!", "base64")]
    public async Task Without_a_proper_key_encryption_key_SafeChat_refuses_to_start(string key, string named)
    {
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() =>
            SafeChatHost.StartAsync(HostSettings.Sqlite() with { Extra = [$"--DataProtection:KeyEncryptionKey={key}"] }));

        Assert.Contains(named, error.Message);
    }

    private static async Task<string?> PhoneOfAsync(SafeChatHost host, string code)
    {
        var responder = await StaffClient.SignedInAsync(host, "responder");
        var json = await responder.GetJsonAsync($"/staff/api/cases/{await responder.CaseIdAsync(code)}");
        return json.GetProperty("phone").GetString();
    }
}
