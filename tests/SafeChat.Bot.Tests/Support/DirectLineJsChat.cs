using System.Text.Json;
using Microsoft.Playwright;

namespace SafeChat.Bot.Tests.Support;

/// <summary>
/// A person in a browser talking to SafeChat through the official botframework-directlinejs client from npm
/// (WebSocket, as Web Chat does), sending each message with the page's locale as Web Chat does. Each
/// <see cref="SayAsync"/> returns the bot's replies to that message, complete once the bot asks its next question.
/// </summary>
public sealed class DirectLineJsChat : IAsyncDisposable
{
    private readonly IBrowserContext _context;
    private readonly IPage _page;
    private readonly string _locale;

    private DirectLineJsChat(IBrowserContext context, IPage page, string locale)
    {
        _context = context;
        _page = page;
        _locale = locale;
    }

    private const string Setup = """
        async () => {
          const { token } = await (await fetch('/webchat/token', { method: 'POST' })).json();
          const dl = new DirectLine.DirectLine({ token, domain: location.origin + '/v3/directline', webSocket: true });
          const seen = [];
          dl.activity$.subscribe(a => { if (!seen.some(s => s.id === a.id)) seen.push(a); });
          window.safechat = { dl, seen };
          const started = Date.now();
          while (!seen.some(a => a.from.role === 'bot' && a.suggestedActions)) {
            if (Date.now() - started > 15000) throw new Error('no greeting');
            await new Promise(r => setTimeout(r, 50));
          }
          return seen.filter(a => a.from.role === 'bot').map(a => a.text);
        }
        """;

    private const string Say = """
        async ({ text, locale }) => {
          const { dl, seen } = window.safechat;
          const id = await new Promise((resolve, reject) => dl.postActivity({
            type: 'message', from: { id: 'person' }, text, locale }).subscribe(resolve, reject));
          const mine = () => seen.filter(a => a.replyToId === id);
          const started = Date.now();
          let lastCount = 0, lastChange = Date.now();
          while (true) {
            const replies = mine();
            if (replies.length !== lastCount) { lastCount = replies.length; lastChange = Date.now(); }
            const asked = replies.some(a => a.inputHint === 'expectingInput' || a.suggestedActions);
            if (asked && Date.now() - lastChange > 300) break;
            if (!asked && replies.length > 0 && Date.now() - lastChange > 2500) break;
            if (Date.now() - started > 15000) throw new Error('no reply to ' + text);
            await new Promise(r => setTimeout(r, 50));
          }
          return mine().map(a => ({
            text: a.text || '',
            locale: a.locale || '',
            choices: (a.suggestedActions ? a.suggestedActions.actions : []).map(x => x.title),
            calls: (a.attachments || []).flatMap(x => (x.content && x.content.buttons) || []).map(b => b.value).filter(v => typeof v === 'string' && v.startsWith('tel:'))
          }));
        }
        """;

    public static async Task<DirectLineJsChat> StartAsync(BrowserFixture browser, SafeChatHost host, string locale = "nl-NL")
    {
        var context = await browser.Browser.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync(new Uri(host.BaseUrl, "/health/live").ToString());
        await page.AddScriptTagAsync(new PageAddScriptTagOptions { Path = RepositoryPaths.NodeModule("botframework-directlinejs/dist/directline.js") });
        var chat = new DirectLineJsChat(context, page, locale);
        chat.Greeting = (await page.EvaluateAsync<string[]>(Setup)).ToList();
        return chat;
    }

    public IReadOnlyList<string> Greeting { get; private set; } = [];

    /// <summary>Past the greeting, asks for a person and chooses to wait (the team must be on duty).</summary>
    public async Task<BotTurn> WaitForAPersonAsync()
    {
        await SayAsync("nee");
        await SayAsync("Met een mens praten");
        return await SayAsync("Ja, ik wacht");
    }

    /// <summary>Sends a message with the chat's locale (as Web Chat does) and returns the bot's replies to it.</summary>
    public async Task<BotTurn> SayAsync(string text, string? locale = null)
    {
        var replies = await _page.EvaluateAsync<JsonElement>(Say, new { text, locale = locale ?? _locale });
        return new BotTurn(replies.EnumerateArray().Select(r => new BotReply(
            r.GetProperty("text").GetString()!,
            r.GetProperty("locale").GetString()!,
            r.GetProperty("choices").EnumerateArray().Select(c => c.GetString()!).ToList(),
            r.GetProperty("calls").EnumerateArray().Select(c => c.GetString()!).ToList())).ToList());
    }

    private const string Send = """
        async ({ text, locale }) => {
          const { dl } = window.safechat;
          return await new Promise((resolve, reject) => dl.postActivity({
            type: 'message', from: { id: 'person' }, text, locale }).subscribe(resolve, reject));
        }
        """;

    private const string WaitFor = """
        async ({ contains, after }) => {
          const { seen } = window.safechat;
          const started = Date.now();
          while (Date.now() - started < 15000) {
            const found = seen.slice(after).find(a => a.from.role === 'bot' && (a.text || '').includes(contains));
            if (found) return { text: found.text, name: found.from.name || '', index: seen.indexOf(found), count: seen.length };
            await new Promise(r => setTimeout(r, 50));
          }
          throw new Error('no bot message with ' + contains);
        }
        """;

    /// <summary>Sends "is typing", as Web Chat does while the person types.</summary>
    public async Task TypingAsync() => await _page.EvaluateAsync<string>("""
        async () => await new Promise((resolve, reject) => window.safechat.dl.postActivity({ type: 'typing', from: { id: 'person' } }).subscribe(resolve, reject))
        """);

    /// <summary>Sends a message without waiting for a reply (in a live chat the bot stays quiet; a person answers).</summary>
    public async Task SendAsync(string text) => await _page.EvaluateAsync<string>(Send, new { text, locale = _locale });

    private int _read;

    /// <summary>Waits for a message from SafeChat's side (the bot or a team member) that contains the words, after the
    /// last one this method found; returns its text and sender name.</summary>
    public async Task<(string Text, string Name)> WaitForAsync(string contains)
    {
        var found = await _page.EvaluateAsync<JsonElement>(WaitFor, new { contains, after = _read });
        _read = found.GetProperty("index").GetInt32() + 1;
        return (found.GetProperty("text").GetString()!, found.GetProperty("name").GetString()!);
    }

    public async ValueTask DisposeAsync() => await _context.CloseAsync();
}

public sealed record BotReply(string Text, string Locale, IReadOnlyList<string> Choices, IReadOnlyList<string> Calls);

/// <summary>The bot's replies to one message.</summary>
public sealed record BotTurn(IReadOnlyList<BotReply> Replies)
{
    public string Text => string.Join("\n", Replies.Select(r => r.Text));
    public IReadOnlyList<string> Choices => Replies.LastOrDefault(r => r.Choices.Count > 0)?.Choices ?? [];

    /// <summary>The directory entries whose number the replies offer to call, in order ("emergency", "csg"…).</summary>
    public IReadOnlyList<string> HelpLines => Replies.SelectMany(r => r.Calls).Select(KeyOf).Where(k => k is not null).Select(k => k!).ToList();

    public bool Offers(string key) => HelpLines.Contains(key);

    private static readonly string[] Keys = ["emergency", "113", "csg", "veilig-thuis", "slachtofferhulp", "police", "meld-misdaad-anoniem", "veilig-thuis-chat", "discriminatie", "roze-in-blauw", "fier"];

    private static string? KeyOf(string tel) => Keys.FirstOrDefault(k => Support.HelpLines.Tel(k) == tel);
}
