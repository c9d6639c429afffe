using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace SafeChat.Load;

/// <summary>A SafeChat instance as its own process, so its CPU time and peak memory are its own.</summary>
public sealed class SafeChatProcess : IAsyncDisposable
{
    private readonly Process _process;
    private TimeSpan _cpuAtStart;

    private SafeChatProcess(Process process, Uri baseUrl)
    {
        _process = process;
        BaseUrl = baseUrl;
        _cpuAtStart = process.TotalProcessorTime;
    }

    public Uri BaseUrl { get; }

    public static async Task<SafeChatProcess> StartAsync(IEnumerable<string> settings, string workingDirectory)
    {
        var port = FreePort();
        var dll = Path.Combine(AppContext.BaseDirectory, "SafeChat.Bot.dll");
        var start = new ProcessStartInfo("dotnet", [dll, "--urls", $"http://127.0.0.1:{port}", "--Logging:LogLevel:Default=Warning", .. settings])
        {
            WorkingDirectory = workingDirectory, RedirectStandardOutput = true, RedirectStandardError = true,
        };
        var process = Process.Start(start)!;
        process.ErrorDataReceived += (_, e) => { if (e.Data is { Length: > 0 }) Console.Error.WriteLine($"  [safechat] {e.Data}"); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var baseUrl = new Uri($"http://127.0.0.1:{port}");
        using var http = new HttpClient { BaseAddress = baseUrl };
        for (var waited = 0; waited < 600; waited++)
        {
            try
            {
                if ((await http.GetAsync("/health/ready")).StatusCode == HttpStatusCode.OK) return new SafeChatProcess(process, baseUrl);
            }
            catch (HttpRequestException) { }
            if (process.HasExited) throw new InvalidOperationException($"SafeChat exited with {process.ExitCode}");
            await Task.Delay(100);
        }
        throw new TimeoutException("SafeChat did not become ready in 60 s");
    }

    /// <summary>Counts CPU from now on (after the warm-up).</summary>
    public void ResetCpu() { _process.Refresh(); _cpuAtStart = _process.TotalProcessorTime; }

    /// <summary>CPU seconds used since start-up finished, or since ResetCpu.</summary>
    public TimeSpan CpuSinceStart { get { _process.Refresh(); return _process.TotalProcessorTime - _cpuAtStart; } }

    /// <summary>Peak resident memory (VmHWM) in MB.</summary>
    public double PeakMemoryMb =>
        File.ReadLines($"/proc/{_process.Id}/status").Where(l => l.StartsWith("VmHWM:"))
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
}
