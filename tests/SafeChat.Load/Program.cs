using System.Diagnostics;
using Npgsql;

namespace SafeChat.Load;

/// <summary>
/// The load benchmark: N simultaneous conversations (three in four on Web Chat over Direct Line, one in four by
/// SMS through Twilio's webhook), each a full visit ending in a report, against 1 or 3 SafeChat processes on
/// SQLite or PostgreSQL. Prints one table. Usage: load [--conversations 50,200] [--setups sqlite,pg1,pg3] [--paced], or
/// load [--twilio-ms N] (Twilio's API latency), [--warm-up N] (unmeasured visits per instance before each run; unless
/// given, rounds of them until the runtime's compiler is quiet, see <see cref="WarmUpAsync"/>; --warm-up 4 measures a cold start), [--generator-cores N] (the load generator on N cores, SafeChat on all), or load --flood (see <see cref="Flood"/>), or load --live N [--think seconds] [--postgres] (see <see cref="LiveChats"/>),
/// or load --idle N [--hold seconds] (see <see cref="IdleConversations"/>). --paced: people type 2–8 s before each message, the latency
/// a person feels; without it a closed loop (each visitor sends the moment the answer arrives), for throughput: for --seconds
/// (20 by default) every one of the N places starts a new visit when its last one ends, and only turns answered within that
/// time count; --once gives each place one visit and measures until the last one ends (ramp and tail included).
/// </summary>
public static class Program
{
    public const string TwilioAccount = "AC00000000000000000000000000000001";
    public const string TwilioNumber = "+3197010000001";
    private const string AuthToken = "load-test-token";
    private static readonly string SigningKey = Convert.ToBase64String(Enumerable.Range(7, 32).Select(i => (byte)i).ToArray());

    public static async Task<int> Main(string[] args)
    {
        if (args.Contains("--flood")) return await Flood.RunAsync(BaseSettings("http://127.0.0.1:9")); // no SMS in the flood run
        if (args.Contains("--live"))
            return await LiveChats.RunAsync(int.Parse(Option(args, "--live", "20")), BaseSettings("http://127.0.0.1:9"),
                args.Contains("--postgres") ? await CreateDatabaseAsync(Environment.GetEnvironmentVariable("SAFECHAT_LOAD_POSTGRES")
                    ?? throw new InvalidOperationException("--postgres needs SAFECHAT_LOAD_POSTGRES")) : null,
                TimeSpan.FromSeconds(double.Parse(Option(args, "--think", "0"), System.Globalization.CultureInfo.InvariantCulture)));
        if (args.Contains("--idle"))
            return await IdleConversations.RunAsync(int.Parse(Option(args, "--idle", "1000")), BaseSettings("http://127.0.0.1:9"),
                TimeSpan.FromSeconds(int.Parse(Option(args, "--hold", "0"))));
        var generatorCores = PinGenerator(Option(args, "--generator-cores", ""));
        var paced = args.Contains("--paced");
        // The closed loop's length; null: one visit per place (--once, and the paced run, whose visits take a minute).
        TimeSpan? window = paced || args.Contains("--once") ? null : TimeSpan.FromSeconds(int.Parse(Option(args, "--seconds", "20")));
        int? warmUp = Option(args, "--warm-up", "") is { Length: > 0 } visits ? int.Parse(visits) : null;
        var sizes = Option(args, "--conversations", "50,200").Split(',').Select(int.Parse).ToArray();
        var setups = Option(args, "--setups", "sqlite,pg1,pg3").Split(',');
        var postgres = Environment.GetEnvironmentVariable("SAFECHAT_LOAD_POSTGRES");
        if (setups.Any(s => s.StartsWith("pg")) && string.IsNullOrEmpty(postgres))
        {
            Console.Error.WriteLine("PostgreSQL setups need SAFECHAT_LOAD_POSTGRES (tests/load.sh sets it).");
            return 2;
        }

        Console.WriteLine($"SafeChat load benchmark, {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC, {Environment.ProcessorCount} cores, " +
                          (paced ? $"paced: {Think.MinSeconds}–{Think.MaxSeconds} s typing before each message"
                              : window is { } w ? $"closed loop for {w.TotalSeconds:F0} s, visits back to back" : "closed loop, one visit per place") +
                          $", Twilio's API answering in {Option(args, "--twilio-ms", "0")} ms, {(warmUp is { } n ? $"{n} visits per instance" : "visits until the runtime's compiler is quiet")} to warm up first" +
                          (generatorCores is { } cores ? $", load generator on {cores} of the cores SafeChat has" : ""));
        var bare = new Dictionary<int, double>();
        foreach (var size in sizes) bare[size] = await BareEndpoint.RequestsPerSecondAsync(size, TimeSpan.FromSeconds(5));
        var twilioLatency = TimeSpan.FromMilliseconds(int.Parse(Option(args, "--twilio-ms", "0")));
        await using var twilio = await TwilioStandIn.StartAsync(twilioLatency);

        var rows = new List<string>();
        foreach (var setup in setups)
            foreach (var size in sizes)
                rows.Add(await RunAsync(setup, size, postgres, twilio, bare[size], paced, warmUp, window));

        Console.WriteLine();
        Console.WriteLine("| setup | conversations | turns/s | Web Chat turn p50 / p95 / p99 ms | SMS webhook ack p50 / p95 / p99 ms | SMS turn p99 ms | errors | CPU % (of all cores) | peak MB per process | vs bare endpoint |");
        Console.WriteLine("|---|---|---|---|---|---|---|---|---|---|");
        foreach (var row in rows) Console.WriteLine(row);
        Console.WriteLine();
        foreach (var line in WarmUps) Console.WriteLine(line);
        Console.WriteLine("Bare ASP.NET Core endpoint (small JSON post) on this machine: " +
                          string.Join(", ", bare.Select(b => $"{b.Value:F0} requests/s at {b.Key} concurrent")));
        return 0;
    }

    private static async Task<string> RunAsync(string setup, int size, string? postgres, TwilioStandIn twilio, double bareRate, bool paced,
        int? warmUp, TimeSpan? window)
    {
        var instances = setup == "pg3" ? 3 : 1;
        var settings = BaseSettings(twilio.BaseUrl);
        var folder = Directory.CreateTempSubdirectory("safechat-load-").FullName;
        if (setup == "sqlite") settings.Add($"--Storage:DataDirectory={folder}");
        else settings.AddRange(["--Storage:Provider=Postgres", $"--Storage:ConnectionString={await CreateDatabaseAsync(postgres!)}",
            $"--DataProtection:KeysDirectory={Path.Combine(folder, "keys")}"]);

        Console.Error.WriteLine($"{setup}: {size} conversations on {instances} instance(s)…");
        var processes = new List<SafeChatProcess> { await SafeChatProcess.StartAsync(settings, folder, echo: Echo) };
        for (var i = 1; i < instances; i++) processes.Add(await SafeChatProcess.StartAsync(settings, folder, echo: Echo));
        try
        {
            var clients = processes.Select(p => Client(p.BaseUrl)).ToList();
            WarmUps.Add($"Warm-up, {Describe(setup)}, {size}: " + await WarmUpAsync(warmUp, instances, processes, clients, twilio));
            foreach (var process in processes) process.ResetCpu();
            var latencies = new Latencies(window);
            var clock = Stopwatch.StartNew();
            // With a window the CPU is read when it closes, not after the visits still under way have ended.
            var cpuAtClose = window is { } length
                ? Task.Run(async () => { await Task.Delay(length); return processes.Sum(p => p.CpuSinceStart.TotalSeconds); })
                : null;
            await DriveAsync(size, instances, processes, clients, twilio, latencies, paced, window);
            var seconds = window?.TotalSeconds ?? clock.Elapsed.TotalSeconds;
            var cpuSeconds = cpuAtClose is null ? processes.Sum(p => p.CpuSinceStart.TotalSeconds) : await cpuAtClose;
            var turns = latencies.Count("webchat turn") + latencies.Count("sms turn");
            var cpu = cpuSeconds / seconds / Environment.ProcessorCount * 100;
            var peak = processes.Max(p => p.PeakMemoryMb);
            if (paced)
                foreach (var line in new[] { "webchat turn", "sms webhook ack", "sms turn" }.SelectMany(kind => latencies.Timeline(kind, 10)))
                    Console.Error.WriteLine($"  {line}");
            string Three(string kind) => $"{latencies.Percentile(kind, 50):F1} / {latencies.Percentile(kind, 95):F1} / {latencies.Percentile(kind, 99):F1}";
            return $"| {Describe(setup)} | {size} | {turns / seconds:F0} | {Three("webchat turn")} | {Three("sms webhook ack")} | " +
                   $"{latencies.Percentile("sms turn", 99):F0} | {latencies.Errors} | {cpu:F0} | {peak:F0} | {turns / seconds / bareRate:P1} |";
        }
        finally
        {
            foreach (var process in processes) await process.DisposeAsync();
            try { Directory.Delete(folder, recursive: true); } catch (IOException) { } // the run's database and keys
        }
    }

    private static readonly List<string> WarmUps = [];

    /// <summary>Visits per instance in one round of the warm-up.</summary>
    private const int WarmUpRound = 100;

    /// <summary>
    /// The warm-up (JIT, connection pools, database caches), not measured: the visits asked for, or rounds of
    /// <see cref="WarmUpRound"/> per instance until the runtime's compiler, once busy (5 % of a core or more in a round),
    /// used under 5 % in two rounds in a row; at most 20 rounds. Quiet rounds before it was busy do not count: the runtime
    /// waits for new code to stop coming before it compiles, and three instances on two cores starved it for two rounds
    /// (3 and 4 %), which ended the warm-up before it had begun. Under load a new process spends its first 10–30 s largely
    /// compiling hot methods again at the top tier:
    /// after 100 visits it still did, on 20 % of the samples of a profile, and a run measured then gave 372–404 turns/s
    /// where the same build gave 611–764 after 600 visits (2026-12-04, closed loop, 200 on SQLite). That is a start, not
    /// a throughput; --warm-up 4 measures it.
    /// </summary>
    private static async Task<string> WarmUpAsync(int? visits, int instances, List<SafeChatProcess> processes, List<HttpClient> clients,
        TwilioStandIn twilio)
    {
        var clock = Stopwatch.StartNew();
        if (visits is { } asked)
        {
            await DriveAsync(asked * instances, instances, processes, clients, twilio, new Latencies());
            return $"{asked} visits per instance, {clock.Elapsed.TotalSeconds:F0} s";
        }
        var compiling = new List<double>(); // per round: the busiest instance's compiler, in cores
        do
        {
            var before = processes.Select(p => p.CompilerCpu()).ToList();
            var round = Stopwatch.StartNew();
            await DriveAsync(WarmUpRound * instances, instances, processes, clients, twilio, new Latencies());
            compiling.Add(processes.Select((p, i) => p.CompilerCpu().Sum(t => (t.Value - before[i].GetValueOrDefault(t.Key)).TotalSeconds))
                .Max() / round.Elapsed.TotalSeconds);
        } while (!(compiling.Any(c => c >= 0.05) && compiling is [.., < 0.05, < 0.05]) && compiling.Count < 20);
        return $"{compiling.Count * WarmUpRound} visits per instance, {clock.Elapsed.TotalSeconds:F0} s; the runtime's compiler on " +
               string.Join(", ", compiling.Select(c => $"{c:P0}")) + " of a core in its rounds";
    }

    private static List<string> BaseSettings(string twilio) =>
    [
        $"--DirectLine:TokenSigningKey={SigningKey}", $"--Twilio:AccountSid={TwilioAccount}", $"--Twilio:AuthToken={AuthToken}",
        $"--DataProtection:KeyEncryptionKey={Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32))}",
        $"--Twilio:SmsFrom={TwilioNumber}", $"--Twilio:ApiBaseUrl={twilio}", $"--Twilio:ContentApiBaseUrl={twilio}",
        // Every simulated visitor comes from this one machine: the per-address limits would count them as one.
        "--RateLimits:StartsPerMinutePerAddress=1000000", "--RateLimits:RequestsPerMinutePerAddress=100000000",
    ];

    private static void Echo(string line) => Console.Error.WriteLine($"  [safechat] {line}");

    private static int _nextNumber;

    /// <summary>Each of <paramref name="size"/> places makes one visit, or with a <paramref name="window"/> visit after visit
    /// until it has passed (the visit under way then ends, its late turns not counted).</summary>
    private static Task DriveAsync(int size, int instances, List<SafeChatProcess> processes, List<HttpClient> clients,
        TwilioStandIn twilio, Latencies latencies, bool paced = false, TimeSpan? window = null)
    {
        var clock = Stopwatch.StartNew();
        return Task.WhenAll(Enumerable.Range(0, size).Select(i => Task.Run(async () =>
        {
            var think = paced ? Think.For(i) : null;
            do
            {
                try
                {
                    // Post to one instance and stream from the next, as a load balancer without stickiness would.
                    if (i % 4 == 3)
                        await new SmsSender(clients[i % instances], processes[i % instances].BaseUrl, twilio, AuthToken,
                            $"+316{Interlocked.Increment(ref _nextNumber):D8}", latencies, think).RunAsync(default);
                    else
                        await new WebChatVisitor(clients[i % instances], processes[(i + 1) % instances].BaseUrl, latencies, think: think).RunAsync(default);
                }
                catch (Exception error)
                {
                    latencies.Error();
                    Console.Error.WriteLine($"  conversation {i}: {error.GetType().Name}: {error.Message}");
                    if (window is null) return;
                    await Task.Delay(TimeSpan.FromMilliseconds(100)); // the place goes on: fewer places would lower turns/s unseen
                }
            } while (clock.Elapsed < window);
        })));
    }

    private static string Describe(string setup) => setup switch
    {
        "sqlite" => "SQLite, 1 instance",
        "pg1" => "PostgreSQL, 1 instance",
        "pg3" => "PostgreSQL, 3 instances",
        _ => setup,
    };

    public static HttpClient Client(Uri baseUrl) =>
        new(new SocketsHttpHandler { MaxConnectionsPerServer = 1024, PooledConnectionLifetime = TimeSpan.FromMinutes(5) })
        {
            BaseAddress = baseUrl, Timeout = TimeSpan.FromSeconds(60),
        };

    private static async Task<string> CreateDatabaseAsync(string server)
    {
        var name = $"safechat_load_{Guid.NewGuid():N}";
        await using var connection = new NpgsqlConnection(server);
        await connection.OpenAsync();
        await using (var create = new NpgsqlCommand($"CREATE DATABASE {name}", connection)) await create.ExecuteNonQueryAsync();
        return new NpgsqlConnectionStringBuilder(server) { Database = name }.ConnectionString;
    }

    /// <summary>
    /// --generator-cores N: this process (and so the load it makes) on the first N cores, SafeChat on all of them, so the
    /// machine's sharing shows: the generator can no longer take cores SafeChat would use.
    /// </summary>
    private static int? PinGenerator(string cores)
    {
        if (cores.Length == 0) return null;
        var count = int.Parse(cores);
        using var pin = Process.Start(new ProcessStartInfo("taskset", ["-a", "-p", "-c", $"0-{count - 1}", Environment.ProcessId.ToString()])
        {
            RedirectStandardOutput = true,
        })!;
        pin.StandardOutput.ReadToEnd();
        pin.WaitForExit();
        if (pin.ExitCode != 0) throw new InvalidOperationException("taskset could not pin the load generator");
        Environment.SetEnvironmentVariable("SAFECHAT_BOT_CPUS", $"0-{Environment.ProcessorCount - 1}");
        return count;
    }

    private static string Option(string[] args, string name, string fallback)
    {
        var at = Array.IndexOf(args, name);
        return at >= 0 && at + 1 < args.Length ? args[at + 1] : fallback;
    }
}
