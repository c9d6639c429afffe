using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using SafeChat.Bot.Tests.Support;

namespace SafeChat.Bot.Tests.Faults;

/// <summary>Someone making a report in Web Chat (Direct Line), whose messages go out through <see cref="Delivery"/>.</summary>
public sealed class WebChatReporter(DirectLineTestClient chat, Delivery delivery, IReadOnlyList<HttpClient> instances)
{
    public static readonly string[] Steps = SafeChat.Testing.Journeys.ReportOnWebChat;

    public DirectLineTestClient Chat => chat;

    public static async Task<WebChatReporter> StartAsync(Delivery delivery, IReadOnlyList<HttpClient> instances, int home)
    {
        var chat = await DirectLineTestClient.StartAsync(instances[home]);
        await chat.WaitForQuestionAsync();
        return new WebChatReporter(chat, delivery, instances);
    }

    /// <summary>Sends one step (always the same clientActivityID for it) and waits for the bot's answer to it.</summary>
    public async Task SayAsync(int step, int first, Action<int>? acknowledgedBy = null, int readFrom = -1)
    {
        var message = new JsonObject
        {
            ["type"] = "message", ["text"] = Steps[step], ["from"] = new JsonObject { ["id"] = "r_page" },
            ["channelData"] = new JsonObject { ["clientActivityID"] = $"{chat.ConversationId}-step-{step}" },
        };
        var (took, answer) = await delivery.SendAsync(first, instance => chat.Via(instance).PostAsync(message.DeepClone()), acknowledgedBy);
        var id = JsonNode.Parse(answer)!["id"]!.GetValue<string>();
        await chat.Via(instances[readFrom >= 0 ? readFrom : took]).WaitForAsync(
            set => set.FromBot.Any(a => a.TryGetProperty("replyToId", out var to) && to.GetString() == id), TimeSpan.FromSeconds(90));
    }

    /// <summary>The report code SafeChat gave, read through one instance.</summary>
    public async Task<string> CodeAsync(HttpClient via)
    {
        var set = await chat.Via(via).WaitForAsync(s => s.Describe().Contains("status "), TimeSpan.FromSeconds(90));
        return Regex.Match(set.Describe(), @"status ([A-Z0-9]{5}-[A-Z0-9]{5}-[A-Z0-9]{5})").Groups[1].Value;
    }
}
