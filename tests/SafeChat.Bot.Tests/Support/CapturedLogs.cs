using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace SafeChat.Bot.Tests.Support;

/// <summary>Keeps every log line a host writes, so tests can read (and scan) them.</summary>
public sealed class CapturedLogs : ILoggerProvider
{
    public ConcurrentQueue<string> Lines { get; } = new();

    /// <summary>Every logged exception in full (type, message, stack), kept apart from the lines the privacy scans read: for a failing test's message.</summary>
    public ConcurrentQueue<string> Exceptions { get; } = new();

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void Dispose() { }

    private sealed class Logger(CapturedLogs owner, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;
        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Information;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            owner.Lines.Enqueue($"{logLevel} {category}: {formatter(state, exception)}{(exception is null ? "" : " " + exception.GetType().Name)}");
            if (exception is not null) owner.Exceptions.Enqueue($"{category}: {exception}");
        }
    }
}
