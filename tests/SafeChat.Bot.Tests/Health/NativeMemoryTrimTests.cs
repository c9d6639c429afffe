using System.Runtime.InteropServices;
using SafeChat.Bot.Health;

namespace SafeChat.Bot.Tests.Health;

/// <summary>Native memory freed inside glibc's arenas goes back to the system when SafeChat trims (Linux, where it runs).</summary>
public class NativeMemoryTrimTests
{
    [Fact]
    public void Memory_freed_between_live_blocks_leaves_the_process_when_trimmed()
    {
        Assert.True(OperatingSystem.IsLinux(), "SafeChat's deployment and CI are Linux");
        // 64 MB in small blocks (below glibc's mmap threshold, so from an arena), each written so it is resident, then all
        // freed but the last: the free space lies below a live block, where glibc does not give it back by itself.
        var ones = Enumerable.Repeat((byte)1, 4096).ToArray();
        var blocks = new List<nint>();
        for (var i = 0; i < 16_384; i++)
        {
            var block = Marshal.AllocHGlobal(ones.Length); // malloc
            Marshal.Copy(ones, 0, block, ones.Length);
            blocks.Add(block);
        }
        foreach (var block in blocks[..^1]) Marshal.FreeHGlobal(block);
        var before = ResidentAnonymousMb();

        Assert.True(NativeMemoryTrim.TryTrim());
        var after = ResidentAnonymousMb();
        Marshal.FreeHGlobal(blocks[^1]);

        Assert.True(before - after >= 32, $"resident anonymous memory {before} MB before the trim, {after} MB after");
    }

    private static long ResidentAnonymousMb() =>
        long.Parse(File.ReadLines("/proc/self/status").Single(l => l.StartsWith("RssAnon:", StringComparison.Ordinal))
            .Split(' ', StringSplitOptions.RemoveEmptyEntries)[1]) / 1024;
}
