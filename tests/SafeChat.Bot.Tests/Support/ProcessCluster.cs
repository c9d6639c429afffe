using SafeChat.Bot.Storage;

namespace SafeChat.Bot.Tests.Support;

/// <summary>
/// SafeChat instances as separate processes on one database, sharing keys as a real cluster does, with Twilio's API
/// played by a local stand-in. For the fault tests that kill or stop an instance.
/// </summary>
public sealed class ProcessCluster : IAsyncDisposable
{
    private readonly string _folder;

    private ProcessCluster(IReadOnlyList<SafeChatProcess> instances, SafeChatDbFactory database, string folder, IReadOnlyList<string> settings)
    {
        Settings = settings;
        Instances = instances;
        Clients = instances.Select(i => new HttpClient { BaseAddress = i.BaseUrl, Timeout = TimeSpan.FromSeconds(30) }).ToList();
        Database = database;
        _folder = folder;
    }

    public IReadOnlyList<SafeChatProcess> Instances { get; }
    public IReadOnlyList<HttpClient> Clients { get; }

    /// <summary>The settings every instance started with: a command such as `staff add` run with them works on the cluster.</summary>
    public IReadOnlyList<string> Settings { get; }

    /// <summary>The cluster's database, read directly by the test's assertions.</summary>
    public SafeChatDbFactory Database { get; }

    /// <summary>Starts the instances one after another (the first one migrates the schema).</summary>
    /// <param name="extra">Settings beyond the cluster's own, such as Handover:Hours.</param>
    public static async Task<ProcessCluster> StartAsync(int count, FakeTwilioApi twilio, string? postgres = null, IEnumerable<string>? extra = null)
    {
        var folder = TempFolder.Create("safechat-cluster");
        var settings = new List<string>
        {
            $"--DirectLine:TokenSigningKey={SafeChatHost.SigningKey}", $"--DirectLine:Secret={SafeChatHost.Secret}",
            $"--DataProtection:KeyEncryptionKey={SafeChatHost.KeyEncryptionKey}",
            $"--Storage:DataDirectory={folder}", $"--DataProtection:KeysDirectory={Path.Combine(folder, "keys")}",
            // Staff reach the instances through a TLS proxy on loopback (see BehindTlsProxy), as in production.
            "--RateLimits:KnownProxies:0=127.0.0.1",
        };
        settings.AddRange(SafeChatHost.NoRateLimits);
        settings.AddRange(TwilioPhone.HostArguments(twilio));
        settings.AddRange(extra ?? []);
        var storage = new StorageOptions { DataDirectory = folder };
        if (postgres is not null)
        {
            settings.AddRange(["--Storage:Provider=Postgres", $"--Storage:ConnectionString={postgres}"]);
            (storage.Provider, storage.ConnectionString) = (StorageProvider.Postgres, postgres);
        }
        var instances = new List<SafeChatProcess>();
        try
        {
            for (var i = 0; i < count; i++) instances.Add(await SafeChatProcess.StartAsync(settings, folder, logLevel: "Information"));
        }
        catch
        {
            foreach (var started in instances) await started.DisposeAsync();
            throw;
        }
        return new ProcessCluster(instances, new SafeChatDbFactory(storage, folder), folder, settings);
    }

    /// <summary>A staff account made with `staff add` against the cluster's database, signed in on one instance.</summary>
    public async Task<StaffClient> StaffAsync(int instance, string role)
    {
        var account = await StaffCommand.AddAsync(Settings, _folder, $"{role}-{Guid.NewGuid():N}@gemeente.test", role);
        return await StaffClient.SignedInAsync(Instances[instance].BaseUrl, account, role);
    }

    /// <summary>What the instances logged, for a failure message.</summary>
    public string Logs(int lastLines = 30) =>
        string.Join("\n", Instances.Select((p, i) => $"--- instance {i}\n" + string.Join("\n", p.Output.TakeLast(lastLines))));

    public async ValueTask DisposeAsync()
    {
        foreach (var client in Clients) client.Dispose();
        foreach (var instance in Instances) await instance.DisposeAsync();
        try { Directory.Delete(_folder, recursive: true); } catch (IOException) { }
    }
}
