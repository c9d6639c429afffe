using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace SafeChat.Bot.Tests.Support;

/// <summary>A plain HTTP Direct Line client for protocol tests: what a page or DirectLineJS would send.</summary>
public sealed class DirectLineTestClient
{
    private readonly HttpClient _http;

    private DirectLineTestClient(HttpClient http, string conversationId, string token, string? streamUrl)
    {
        _http = http;
        ConversationId = conversationId;
        Token = token;
        StreamUrl = streamUrl;
    }

    /// <summary>The same conversation and token through another host (another instance of the cluster).</summary>
    public DirectLineTestClient Via(HttpClient http) => new(http, ConversationId, Token, StreamUrl);

    public string ConversationId { get; }
    public string Token { get; set; }
    public string? StreamUrl { get; }

    /// <summary>Gets a token from the page's endpoint and starts the conversation with it, as Web Chat does.</summary>
    public static async Task<DirectLineTestClient> StartAsync(HttpClient http, string locale = "nl-NL")
    {
        var issued = await ReadJson(await http.PostAsync("/webchat/token", null));
        return await StartWithTokenAsync(http, issued["token"]!.GetValue<string>(), locale);
    }

    /// <summary>Starts the conversation a token was issued for.</summary>
    public static async Task<DirectLineTestClient> StartWithTokenAsync(HttpClient http, string token, string locale = "nl-NL")
    {
        using var start = Request(HttpMethod.Post, "/v3/directline/conversations", token,
            new JsonObject { ["user"] = new JsonObject { ["id"] = "r_page" }, ["locale"] = locale });
        var started = await ReadJson(await http.SendAsync(start));
        return new DirectLineTestClient(http, started["conversationId"]!.GetValue<string>(), started["token"]!.GetValue<string>(),
            started["streamUrl"]?.GetValue<string>());
    }

    public async Task<string> SayAsync(string text, string? clientActivityId = null)
    {
        var response = await PostAsync(new JsonObject
        {
            ["type"] = "message",
            ["text"] = text,
            ["from"] = new JsonObject { ["id"] = "r_page" },
            ["channelData"] = new JsonObject { ["clientActivityID"] = clientActivityId ?? Guid.NewGuid().ToString("N") },
        });
        return (await ReadJson(response))["id"]!.GetValue<string>();
    }

    public Task<HttpResponseMessage> PostAsync(JsonNode activity, string? token = null, string? conversationId = null) =>
        _http.SendAsync(Request(HttpMethod.Post, $"/v3/directline/conversations/{conversationId ?? ConversationId}/activities", token ?? Token, activity));

    public Task<HttpResponseMessage> PostRawAsync(string body) =>
        _http.SendAsync(Request(HttpMethod.Post, $"/v3/directline/conversations/{ConversationId}/activities", Token,
            new StringContent(body, Encoding.UTF8, "application/json")));

    public async Task<ActivitySet> GetAsync(string? watermark = null)
    {
        using var request = Request(HttpMethod.Get, $"/v3/directline/conversations/{ConversationId}/activities?watermark={watermark}", Token);
        var response = await _http.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return ActivitySet.Parse(await ReadJson(response));
    }

    /// <summary>Polls until the transcript satisfies the condition (the bot answers asynchronously).</summary>
    public async Task<ActivitySet> WaitForAsync(Func<ActivitySet, bool> condition, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(15));
        while (true)
        {
            var all = await GetAsync();
            if (condition(all)) return all;
            if (DateTime.UtcNow > deadline) throw new TimeoutException("Transcript so far:\n" + all.Describe());
            await Task.Delay(50);
        }
    }

    public Task<ActivitySet> WaitForBotRepliesAsync(int count) => WaitForAsync(set => set.FromBot.Count >= count);

    /// <summary>Waits until the bot has asked its n-th question (a message with choices) and it is the last word.</summary>
    public Task<ActivitySet> WaitForQuestionAsync(int n = 1) =>
        WaitForAsync(set => set.Questions.Count >= n && ActivitySet.Choices(set.Activities[^1]).Count > 0);

    /// <summary>Taps the choice with this id on the last question (ids are stable; wording may change).</summary>
    public async Task<ActivitySet> TapAsync(string choiceId)
    {
        var last = (await GetAsync()).Questions[^1];
        var action = last.GetProperty("suggestedActions").GetProperty("actions").EnumerateArray()
            .FirstOrDefault(a => a.TryGetProperty("choiceId", out var id) && id.GetString() == choiceId);
        Assert.True(action.ValueKind == JsonValueKind.Object, $"no choice '{choiceId}' in: {ActivitySet.Text(last)}");
        return await AnswerAsync(action.GetProperty("value").GetString()!);
    }

    /// <summary>Says something and waits until the bot has answered it (whatever the answer is).</summary>
    public async Task<ActivitySet> ReplyAsync(string text)
    {
        var id = await SayAsync(text);
        return await WaitForAsync(set => set.Activities.Count > 0
            && set.Activities[^1].GetProperty("from").GetProperty("role").GetString() == "bot"
            && set.FromBot.Any(a => a.TryGetProperty("replyToId", out var to) && to.GetString() == id));
    }

    /// <summary>Says something and waits for the next question.</summary>
    public async Task<ActivitySet> AnswerAsync(string text)
    {
        var asked = (await GetAsync()).Questions.Count;
        await SayAsync(text);
        return await WaitForQuestionAsync(asked + 1);
    }

    public static HttpRequestMessage Request(HttpMethod method, string path, string? token, object? body = null)
    {
        var request = new HttpRequestMessage(method, path);
        if (token is not null) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        request.Content = body switch
        {
            null => null,
            HttpContent content => content,
            JsonNode node => new StringContent(node.ToJsonString(), Encoding.UTF8, "application/json"),
            _ => JsonContent.Create(body),
        };
        return request;
    }

    public static async Task<JsonNode> ReadJson(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {text}");
        return JsonNode.Parse(text)!;
    }
}

public sealed record ActivitySet(IReadOnlyList<JsonElement> Activities, string Watermark)
{
    public static ActivitySet Parse(JsonNode json)
    {
        var element = JsonSerializer.SerializeToElement(json);
        return new ActivitySet(element.GetProperty("activities").EnumerateArray().ToList(), element.GetProperty("watermark").GetString()!);
    }

    public IReadOnlyList<JsonElement> FromBot => Activities.Where(a => a.GetProperty("from").GetProperty("role").GetString() == "bot").ToList();
    public IReadOnlyList<JsonElement> FromUser => Activities.Where(a => a.GetProperty("from").GetProperty("role").GetString() == "user").ToList();

    public IReadOnlyList<JsonElement> Questions => FromBot.Where(a => Choices(a).Count > 0).ToList();

    /// <summary>The choice ids offered by the latest question.</summary>
    public IReadOnlyList<string> ChoiceIds => Questions.Count == 0 ? [] :
        Questions[^1].GetProperty("suggestedActions").GetProperty("actions").EnumerateArray()
            .Select(a => a.GetProperty("choiceId").GetString()!).ToList();

    /// <summary>Everything the bot said after the n-th question, as one text.</summary>
    public string TextSince(int question) =>
        string.Join("\n", Activities.SkipWhile(a => !Questions.Skip(question - 1).Take(1).Any(q => q.GetProperty("id").GetString() == a.GetProperty("id").GetString()))
            .Skip(1).Where(a => a.GetProperty("from").GetProperty("role").GetString() == "bot").Select(Text));

    /// <summary>Every tel: link any bot message offered.</summary>
    public IReadOnlyList<string> AllCallLinks => FromBot.SelectMany(CallLinks).ToList();

    public static string Text(JsonElement activity) => activity.TryGetProperty("text", out var text) ? text.GetString() ?? "" : "";

    public static IReadOnlyList<string> Choices(JsonElement activity) =>
        activity.TryGetProperty("suggestedActions", out var actions)
            ? actions.GetProperty("actions").EnumerateArray().Select(a => a.GetProperty("title").GetString()!).ToList()
            : [];

    /// <summary>tel: links offered on hero cards, e.g. HelpLines.Tel("emergency").</summary>
    public static IReadOnlyList<string> CallLinks(JsonElement activity) =>
        activity.TryGetProperty("attachments", out var attachments)
            ? attachments.EnumerateArray()
                .SelectMany(a => a.GetProperty("content").TryGetProperty("buttons", out var b) ? b.EnumerateArray() : Enumerable.Empty<JsonElement>())
                .Where(b => b.GetProperty("type").GetString() == "call").Select(b => b.GetProperty("value").GetString()!).ToList()
            : [];

    public string Describe() => string.Join("\n", Activities.Select(a => $"{a.GetProperty("from").GetProperty("role")}: {Text(a)}"));
}
