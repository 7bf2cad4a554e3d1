using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using Microsoft.Extensions.Logging;

namespace Bitrix24.Generated.AspNetCore.Tests;

/// <summary>Every line logged at any level, with its exception, for tests that look for what must not be there.</summary>
internal sealed class CapturedLogs : ILoggerProvider
{
    private readonly ConcurrentQueue<string> _lines = new();

    public IReadOnlyList<string> Lines => _lines.ToArray();

    public string All => string.Join("\n", _lines);

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public bool Contains(string text) => _lines.Any(line => line.Contains(text, StringComparison.Ordinal));

    public void Dispose()
    {
    }

    private sealed class Logger(CapturedLogs owner, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var properties = state is IEnumerable<KeyValuePair<string, object?>> pairs ? string.Join(", ", pairs.Select(p => p.Key + "=" + p.Value)) : string.Empty;
            owner._lines.Enqueue(logLevel + " " + category + ": " + formatter(state, exception) + " {" + properties + "} " + exception);
        }
    }
}
