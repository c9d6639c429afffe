using System.Diagnostics;
using System.Text;
using System.Text.Json;

namespace SafeChat.Bot.Tests.Commands;

/// <summary>`SafeChat.Bot triage` as a separate process: UTF-8 lines in, one JSON object per line out, in order.</summary>
public class TriageCommandTests
{
    [Fact]
    public async Task Writes_one_json_object_per_input_line_and_nothing_else()
    {
        string[] lines = ["er loopt een man achter me aan", "I was sexually assaulted a few years ago", "", "dank je wel 🙂", "ik ben niet in gevaar"];
        var start = new ProcessStartInfo("dotnet", [Path.Combine(AppContext.BaseDirectory, "SafeChat.Bot.dll"), "triage"])
        {
            RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true,
            StandardInputEncoding = new UTF8Encoding(false), StandardOutputEncoding = Encoding.UTF8,
        };
        using var process = Process.Start(start)!;
        foreach (var line in lines) await process.StandardInput.WriteLineAsync(line);
        process.StandardInput.Close();
        var output = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();

        Assert.Equal(0, process.ExitCode);
        var results = output.TrimEnd('\n').Split('\n').Select(l => JsonDocument.Parse(l).RootElement).ToList();
        Assert.Equal(lines, results.Select(r => r.GetProperty("text").GetString()));
        Assert.Equal(["emergency", "street_harassment"], Signals(results[0]));
        Assert.Equal(["sexual_violence"], Signals(results[1]));
        Assert.Empty(Signals(results[2]));
        Assert.Empty(Signals(results[4]));
        Assert.Equal(["nl", "en", "nl", "nl", "nl"], results.Select(r => r.GetProperty("language").GetString()));
    }

    private static string[] Signals(JsonElement result) =>
        result.GetProperty("signals").EnumerateArray().Select(s => s.GetString()!).ToArray();
}
