using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Runtime.InteropServices;
using System.Text.RegularExpressions;

namespace SafeChat.Testing;

/// <summary>
/// A SafeChat instance as its own operating-system process, started the way an operator starts it: its CPU time and
/// peak memory are its own, and it can be stopped with SIGTERM or killed with SIGKILL. Shared by the fault tests and
/// the load benchmark.
/// </summary>
public sealed partial class SafeChatProcess : IAsyncDisposable
{
    private readonly Process _process;
    private TimeSpan _cpuAtStart;

    private SafeChatProcess(Process process, Uri baseUrl, ConcurrentQueue<string> output)
    {
        _process = process;
        BaseUrl = baseUrl;
        Output = output;
        _cpuAtStart = process.TotalProcessorTime;
    }

    public Uri BaseUrl { get; }

    /// <summary>Everything the process wrote to stdout and stderr, line by line.</summary>
    public ConcurrentQueue<string> Output { get; }

    public bool HasExited => _process.HasExited;
    public int Id => _process.Id;
    public int ExitCode => _process.ExitCode;

    /// <summary>Starts SafeChat.Bot.dll from this program's folder (or SAFECHAT_BOT_DLL) with the given settings and waits until it is ready.</summary>
    /// <param name="port">A fixed port; by default the process takes a free one itself and says which. (A port picked here and
    /// handed over could be taken in between, by another test's host or an outgoing connection: then this process would
    /// not start, and another host's answer on that port would look like its own.)</param>
    public static async Task<SafeChatProcess> StartAsync(IEnumerable<string> settings, string workingDirectory,
        string logLevel = "Warning", Action<string>? echo = null, int? port = null)
    {
        // The load benchmark runs what a deployment runs (published ahead of time compiled, tests/load.sh); tests run the build.
        var dll = Environment.GetEnvironmentVariable("SAFECHAT_BOT_DLL") ?? Path.Combine(AppContext.BaseDirectory, "SafeChat.Bot.dll");
        string[] command = ["dotnet", dll, "--urls", $"http://127.0.0.1:{port ?? 0}", $"--Logging:LogLevel:Default={logLevel}",
            $"--Logging:LogLevel:{ListeningCategory}=Information", .. settings];
        // The load benchmark's pinned run gives SafeChat more cores than its load generator (taskset execs: same process).
        if (Environment.GetEnvironmentVariable("SAFECHAT_BOT_CPUS") is { Length: > 0 } cpus) command = ["taskset", "-c", cpus, .. command];
        var start = new ProcessStartInfo(command[0], command[1..])
        {
            WorkingDirectory = workingDirectory, RedirectStandardOutput = true, RedirectStandardError = true,
        };
        var output = new ConcurrentQueue<string>();
        var listening = new TaskCompletionSource<Uri>(TaskCreationOptions.RunContinuationsAsynchronously);
        var process = Process.Start(start)!;
        DataReceivedEventHandler collect = (_, e) =>
        {
            if (e.Data is not { Length: > 0 } line) return;
            output.Enqueue(line);
            echo?.Invoke(line);
            if (ListeningOn().Match(line) is { Success: true } address) listening.TrySetResult(new Uri(address.Value));
        };
        process.OutputDataReceived += collect;
        process.ErrorDataReceived += collect;
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var deadline = DateTime.UtcNow.AddSeconds(120);
        var baseUrl = await ListeningAsync(process, listening.Task, output, deadline);
        using var http = new HttpClient { BaseAddress = baseUrl };
        while (DateTime.UtcNow < deadline)
        {
            try
            {
                if ((await http.GetAsync("/health/ready")).StatusCode == HttpStatusCode.OK) return new SafeChatProcess(process, baseUrl, output);
            }
            catch (HttpRequestException) { }
            if (process.HasExited) throw Exited(process, output);
            await Task.Delay(100);
        }
        throw new TimeoutException("SafeChat did not become ready in 120 s:\n" + string.Join("\n", output));
    }

    private const string ListeningCategory = "Microsoft.Hosting.Lifetime";

    [GeneratedRegex(@"(?<=Now listening on: )http://127\.0\.0\.1:\d+")]
    private static partial Regex ListeningOn();

    /// <summary>The address the process says it listens on, once it has bound its port.</summary>
    private static async Task<Uri> ListeningAsync(Process process, Task<Uri> listening, ConcurrentQueue<string> output, DateTime deadline)
    {
        // Ends once the process has exited and all it wrote has been read, so a line written just before is not missed.
        var exited = process.WaitForExitAsync();
        try
        {
            await Task.WhenAny(listening, exited).WaitAsync(deadline - DateTime.UtcNow);
        }
        catch (TimeoutException)
        {
            throw new TimeoutException("SafeChat did not start listening in 120 s:\n" + string.Join("\n", output));
        }
        return listening.IsCompleted ? await listening : throw Exited(process, output);
    }

    private static InvalidOperationException Exited(Process process, ConcurrentQueue<string> output) =>
        new($"SafeChat exited with {process.ExitCode}:\n{string.Join("\n", output)}");

    /// <summary>kill -9: no shutdown code runs, open connections drop, whatever was in memory is gone.</summary>
    public async Task KillAsync()
    {
        _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
    }

    /// <summary>SIGTERM, as systemd, Docker and Kubernetes stop a process; then waits for it to exit.</summary>
    public async Task TerminateAsync(TimeSpan timeout)
    {
        if (SendSignal(_process.Id, SigTerm) != 0) throw new InvalidOperationException("Could not send SIGTERM");
        using var limit = new CancellationTokenSource(timeout);
        await _process.WaitForExitAsync(limit.Token);
    }

    /// <summary>Counts CPU from now on (after the warm-up).</summary>
    public void ResetCpu() { _process.Refresh(); _cpuAtStart = _process.TotalProcessorTime; }

    /// <summary>CPU seconds used since start-up finished, or since ResetCpu.</summary>
    public TimeSpan CpuSinceStart { get { _process.Refresh(); return _process.TotalProcessorTime - _cpuAtStart; } }

    /// <summary>
    /// CPU time of the runtime's background compiler so far, by thread: the thread that compiles hot methods again at the
    /// top tier (".NET Tiered Com" as Linux shortens its name). It ends after a few idle seconds and a new one starts
    /// with more work, so compare two readings by thread id.
    /// </summary>
    public Dictionary<int, TimeSpan> CompilerCpu()
    {
        var threads = new Dictionary<int, TimeSpan>();
        foreach (var task in Directory.EnumerateDirectories($"/proc/{_process.Id}/task"))
        {
            try
            {
                if (File.ReadAllText(Path.Combine(task, "comm")).Trim() != ".NET Tiered Com") continue;
                // Fields after the name in parentheses; utime and stime are the 14th and 15th, in USER_HZ (100 on Linux).
                var stat = File.ReadAllText(Path.Combine(task, "stat"));
                var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
                threads[int.Parse(Path.GetFileName(task))] = TimeSpan.FromMilliseconds((long.Parse(fields[11]) + long.Parse(fields[12])) * 10);
            }
            catch (IOException) { } // the thread ended while it was read
        }
        return threads;
    }

    /// <summary>Peak resident memory (VmHWM) in MB.</summary>
    public double PeakMemoryMb => StatusMb("VmHWM:");

    /// <summary>Resident memory now (VmRSS) in MB.</summary>
    public double MemoryMb => StatusMb("VmRSS:");

    private double StatusMb(string field) =>
        File.ReadLines($"/proc/{_process.Id}/status").Where(l => l.StartsWith(field))
            .Select(l => double.Parse(l.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1]) / 1024).FirstOrDefault();

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private const int SigTerm = 15;

    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int SendSignal(int pid, int signal);
}
