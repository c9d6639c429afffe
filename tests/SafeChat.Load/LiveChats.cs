using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using SafeChat.Bot;
using SafeChat.Bot.Staff.Accounts;
using SafeChat.Bot.Storage;

namespace SafeChat.Load;

/// <summary>
/// The live-chat run (load --live N): one SafeChat process on SQLite with the team always on duty; N people on Web Chat
/// ask for a person at the same moment, N team members (accounts made beforehand, as `staff add` makes them) each take
/// one, and every pair writes 10 messages each way, one after the other. Measured: a team member's post until it is on
/// the person's stream, and the person's post until it is on the team member's live stream (the messages API's push,
/// which the conversation page shows); at the end every chat's messages API must list all the person wrote.
/// </summary>
public static class LiveChats
{
    public const int MessagesEachWay = 10;
    private const string ToPerson = "staff → person", ToStaff = "person → staff";

    /// <param name="postgres">A database of its own on this PostgreSQL instead of SQLite (load --live N --postgres), to
    /// tell the database's share from SafeChat's.</param>
    /// <param name="think">Typing time before each message (±50 %, at random); none by default: a closed loop at capacity.</param>
    public static async Task<int> RunAsync(int size, List<string> settings, string? postgres = null, TimeSpan think = default)
    {
        var folder = Directory.CreateTempSubdirectory("safechat-live-").FullName;
        if (postgres is not null)
            settings.AddRange(["--Storage:Provider=Postgres", $"--Storage:ConnectionString={postgres}", $"--DataProtection:KeysDirectory={Path.Combine(folder, "keys")}"]);
        var setup = postgres is null ? "SQLite" : "PostgreSQL";
        settings.AddRange([$"--Storage:DataDirectory={folder}", "--Handover:Hours=always", "--RateLimits:KnownProxies:0=127.0.0.1",
            "--RateLimits:PostsPerMinutePerConversation=1000000", "--RateLimits:StreamsPerConversation=1000", "--RateLimits:SignInsPerMinutePerAddress=1000000"]);
        Console.WriteLine($"SafeChat live-chat benchmark, {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC, {Environment.ProcessorCount} cores, {size} live chats, {setup}, 1 instance, typing time {think.TotalSeconds:F0} s");
        var accounts = await AccountsAsync(settings, size);
        await using var process = await SafeChatProcess.StartAsync(settings, folder);
        using var client = Program.Client(process.BaseUrl);
        var latencies = new Latencies();
        var team = accounts.Select(a => new LiveStaff(process.BaseUrl, a.Email)).ToList();
        try
        {
            foreach (var (member, account) in team.Zip(accounts)) await member.SignInAsync(account.OneTimePassword, account.TotpSecret);
            var people = await Task.WhenAll(Enumerable.Range(0, size).Select(i => WaitingAsync(client, process.BaseUrl, $"10.9.{i / 250}.{i % 250 + 1}")));
            var waiting = await team[0].WaitingAsync();
            if (waiting.Count != size) throw new InvalidOperationException($"{waiting.Count} of {size} people are waiting");

            await Task.WhenAll(team.Select((member, i) => member.ClaimAsync(waiting[i])));
            var joined = await JoinedAsync(people);

            var clock = Stopwatch.StartNew();
            await Task.WhenAll(team.Select((member, i) => Task.Run(() => ChatAsync(member, waiting[i], joined, latencies, think))));
            Print(size, latencies, clock.Elapsed);
            if (latencies.Errors > 0) Console.Error.WriteLine(string.Join("\n", process.Output.TakeLast(40)));
            foreach (var person in people) person.Dispose();
            return 0;
        }
        finally
        {
            foreach (var member in team) member.Dispose();
        }
    }

    /// <summary>As the `staff add` command does (here in this process, before SafeChat starts, instead of N processes).</summary>
    private static async Task<List<StaffCommand.Account>> AccountsAsync(List<string> settings, int size)
    {
        await using var app = SafeChatApp.Build([.. settings]);
        await DatabaseMigrator.MigrateAsync(app.Services.GetRequiredService<SafeChatDbFactory>());
        var accounts = app.Services.GetRequiredService<StaffAccounts>();
        var made = new List<StaffCommand.Account>();
        // "team3@load.test" joins a chat as "Team3": the person's side knows from the greeting who took it.
        for (var i = 0; i < size; i++)
        {
            var account = await accounts.AddAsync($"team{i}@load.test", StaffRoles.Responder);
            made.Add(new StaffCommand.Account(account.Email, account.OneTimePassword, account.TotpSecret));
        }
        return made;
    }

    /// <summary>A person who opened Web Chat, asked for a person and chose to wait.</summary>
    private static async Task<DirectLineConversation> WaitingAsync(HttpClient client, Uri baseUrl, string address)
    {
        var chat = new DirectLineConversation(client, address);
        await chat.OpenAsync(baseUrl, default);
        await chat.ReadUntilAsync(_ => true, default);
        foreach (var text in new[] { "nee", "Met een mens praten", "Ja, ik wacht" })
        {
            var id = await chat.PostAsync(text, default) ?? throw new InvalidOperationException($"'{text}' refused");
            await chat.ReadUntilAsync(a => a.TryGetProperty("replyToId", out var to) && to.GetString() == id, default);
        }
        return chat;
    }

    private static async Task ChatAsync(LiveStaff member, long id, Dictionary<string, DirectLineConversation> joined, Latencies latencies, TimeSpan think)
    {
        try
        {
            await member.FollowAsync(id, default);
            var name = "Team" + member.Email[4..member.Email.IndexOf('@')];
            var person = joined[name];
            for (var i = 0; i < MessagesEachWay; i++)
            {
                await Task.Delay(think * (0.5 + Random.Shared.NextDouble()));
                var clock = Stopwatch.StartNew();
                var fromStaff = $"{name}: bericht {i}";
                await member.SendAsync(id, fromStaff);
                await person.ReadUntilAsync(a => DirectLineConversation.Text(a) == fromStaff, default);
                latencies.Add(ToPerson, clock.Elapsed);

                await Task.Delay(think * (0.5 + Random.Shared.NextDouble()));
                clock.Restart();
                var fromPerson = $"antwoord {i} aan {name}";
                if (await person.PostAsync(fromPerson, default) is null) throw new InvalidOperationException("the person's message was refused");
                await member.NextFromPersonAsync(fromPerson, default);
                latencies.Add(ToStaff, clock.Elapsed);
            }
            var listed = (await member.MessagesAsync(id)).Count(m => m.GetProperty("from").GetString() == "person" && m.GetProperty("text").GetString()!.StartsWith("antwoord "));
            if (listed != MessagesEachWay) throw new InvalidOperationException($"the messages API lists {listed} of the person's {MessagesEachWay} messages");
            await member.CloseAsync(id);
        }
        catch (Exception error)
        {
            latencies.Error();
            Console.Error.WriteLine($"  live chat {id}: {error.GetType().Name}: {error.Message}");
        }
    }

    /// <summary>Who took whose chat: each person is told "{name} van het meldpunt is er nu".</summary>
    private static async Task<Dictionary<string, DirectLineConversation>> JoinedAsync(DirectLineConversation[] people)
    {
        var told = await Task.WhenAll(people.Select(async person =>
        {
            using var hello = System.Text.Json.JsonDocument.Parse(
                await person.ReadUntilAsync(a => DirectLineConversation.Text(a).Contains("van het meldpunt is er nu"), default));
            return (Name: DirectLineConversation.Text(hello.RootElement).Split(' ')[0], Person: person);
        }));
        return told.ToDictionary(t => t.Name, t => t.Person);
    }

    private static void Print(int size, Latencies latencies, TimeSpan elapsed)
    {
        string Three(string kind) => $"{latencies.Percentile(kind, 50):F0} / {latencies.Percentile(kind, 95):F0} / {latencies.Percentile(kind, 99):F0}";
        Console.WriteLine();
        Console.WriteLine("| live chats | staff post → person's stream p50 / p95 / p99 ms | person post → staff's live stream p50 / p95 / p99 ms | messages | errors | seconds |");
        Console.WriteLine("|---|---|---|---|---|---|");
        Console.WriteLine($"| {size} | {Three(ToPerson)} | {Three(ToStaff)} | {latencies.Count(ToPerson)} + {latencies.Count(ToStaff)} | {latencies.Errors} | {elapsed.TotalSeconds:F0} |");
    }
}
