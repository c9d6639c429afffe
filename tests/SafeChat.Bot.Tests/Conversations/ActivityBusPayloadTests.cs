using SafeChat.Bot.Conversations.Cluster;

namespace SafeChat.Bot.Tests.Conversations;

/// <summary>
/// The activity bus sends one notification for a burst of changed conversations, not one each. PostgreSQL refuses a payload
/// of 8,000 bytes or more, and a listener must find every id again, and none of its own instance's.
/// </summary>
public sealed class ActivityBusPayloadTests
{
    private const string Sender = "0123456789abcdef0123456789abcdef", Listener = "fedcba9876543210fedcba9876543210";

    [Fact]
    public void A_burst_goes_in_as_few_payloads_as_fit_and_comes_out_whole_in_order()
    {
        // The longest ids SafeChat makes: a channel's prefix and a keyed hash.
        var ids = Enumerable.Range(0, 1_000).Select(i => $"whatsapp-{i:D32}").ToList();

        var payloads = PostgresActivityBus.Payloads(Sender, ids).ToList();

        Assert.All(payloads, p => Assert.True(System.Text.Encoding.UTF8.GetByteCount(p) < 8_000, $"{p.Length} characters"));
        Assert.InRange(payloads.Count, 2, 1_000 * 42 / 6_000 + 1); // several, and each nearly full
        Assert.Equal(ids, payloads.SelectMany(p => PostgresActivityBus.ConversationsFrom(p, Listener)));
        Assert.All(payloads, p => Assert.Empty(PostgresActivityBus.ConversationsFrom(p, Sender)));
    }

    [Fact]
    public void One_change_is_one_payload_in_the_format_of_earlier_versions()
    {
        var payload = Assert.Single(PostgresActivityBus.Payloads(Sender, ["abc_DEF-123"]));

        Assert.Equal($"{Sender}|abc_DEF-123", payload);
        Assert.Equal(["abc_DEF-123"], PostgresActivityBus.ConversationsFrom(payload, Listener));
        Assert.Equal(["abc_DEF-123"], PostgresActivityBus.ConversationsFrom("abc_DEF-123", Listener)); // sent without an instance
        Assert.Empty(PostgresActivityBus.Payloads(Sender, []));
    }
}
