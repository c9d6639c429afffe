using System.Text.Json;
using Microsoft.Playwright;
using SafeChat.Bot.Tests.Support;

namespace SafeChat.Bot.Tests.Browser;

/// <summary>
/// The official botframework-directlinejs client from npm, in its natural habitat (a browser page on
/// SafeChat's origin), through the greeting and the danger question: once over WebSocket, once polling.
/// </summary>
[Collection(BrowserCollection.Name)]
public class DirectLineJsConformanceTests(BrowserFixture browser) : IAsyncLifetime
{
    private SafeChatHost _host = null!;

    public async Task InitializeAsync() => _host = await SafeChatHost.StartAsync(HostSettings.Sqlite());
    public async Task DisposeAsync() => await _host.DisposeAsync();

    private const string Journey = """
        async ({ webSocket }) => {
          const { token } = await (await fetch('/webchat/token', { method: 'POST' })).json();
          const dl = new DirectLine.DirectLine({ token, domain: location.origin + '/v3/directline', webSocket, pollingInterval: 300 });
          const seen = [], statuses = [], waiting = [];
          dl.connectionStatus$.subscribe(s => statuses.push(s));
          // One subscription from the start: the echo of a post can arrive on the stream before the post's own answer.
          dl.activity$.subscribe(a => {
            if (!seen.some(s => s.id === a.id)) seen.push(a);
            for (const waiter of waiting.filter(w => w.predicate(a))) waiter.found(a);
          });
          const waitFor = (what, predicate) => new Promise((resolve, reject) => {
            const earlier = seen.find(predicate);
            if (earlier) return resolve(earlier);
            const timer = setTimeout(() => reject(new Error('no ' + what + ' in ' + JSON.stringify(seen.map(a => a.text)))), 15000);
            const waiter = { predicate, found: a => { clearTimeout(timer); waiting.splice(waiting.indexOf(waiter), 1); resolve(a); } };
            waiting.push(waiter);
          });
          const question = await waitFor('question', a => a.from.role === 'bot' && a.suggestedActions);
          const id = await new Promise((resolve, reject) => dl.postActivity({
            type: 'message', from: { id: 'somebody' }, text: question.suggestedActions.actions[0].value,
            channelData: { clientActivityID: 'conformance-1' } }).subscribe(resolve, reject));
          const reply = await waitFor('reply', a => a.replyToId === id);
          const echo = seen.find(a => a.channelData && a.channelData.clientActivityID === 'conformance-1');
          dl.end();
          return {
            greeting: seen.filter(a => a.from.role === 'bot').map(a => a.text).join(' '),
            choices: question.suggestedActions.actions.map(a => a.title),
            id, echoId: echo ? echo.id : null, echoFrom: echo ? echo.from.id : null,
            reply: reply.text, calls: (reply.attachments || []).flatMap(a => a.content.buttons || []).map(b => b.value),
            statuses
          };
        }
        """;

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task DirectLineJs_goes_through_the_greeting_and_the_danger_question(bool webSocket)
    {
        var context = await browser.Browser.NewContextAsync();
        var page = await context.NewPageAsync();
        var watch = PageWatch.On(page);
        await page.GotoAsync(new Uri(_host.BaseUrl, "/health/live").ToString());
        await page.AddScriptTagAsync(new PageAddScriptTagOptions { Path = RepositoryPaths.NodeModule("botframework-directlinejs/dist/directline.js") });

        var result = await page.EvaluateAsync<JsonElement>(Journey, new { webSocket });

        Assert.Contains("automatische assistent", result.GetProperty("greeting").GetString());
        Assert.Equal(["Ja", "Nee"], result.GetProperty("choices").EnumerateArray().Select(c => c.GetString()));
        Assert.Equal(result.GetProperty("id").GetString(), result.GetProperty("echoId").GetString());
        Assert.StartsWith("dl_", result.GetProperty("echoFrom").GetString()); // the token's user, not the body's
        Assert.Contains("112", result.GetProperty("reply").GetString());
        Assert.Contains(HelpLines.Tel("emergency"), result.GetProperty("calls").EnumerateArray().Select(c => c.GetString()));
        Assert.Contains(2, result.GetProperty("statuses").EnumerateArray().Select(s => s.GetInt32())); // Online
        Assert.DoesNotContain(4, result.GetProperty("statuses").EnumerateArray().Select(s => s.GetInt32())); // never FailedToConnect
        Assert.Equal(webSocket, watch.Requests.Any(url => url.StartsWith("ws://")));
        await context.CloseAsync();
    }
}
