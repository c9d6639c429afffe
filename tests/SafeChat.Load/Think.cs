namespace SafeChat.Load;

/// <summary>Typing time in the paced run: 2–8 s before each message, at random but the same on every run.</summary>
public static class Think
{
    public const int MinSeconds = 2, MaxSeconds = 8;

    public static Func<TimeSpan> For(int visitor)
    {
        var random = new Random(visitor);
        return () => TimeSpan.FromSeconds(MinSeconds + random.NextDouble() * (MaxSeconds - MinSeconds));
    }
}
