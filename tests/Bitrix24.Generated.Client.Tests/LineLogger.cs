using System;
using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Bitrix24.Generated.Client.Tests;

/// <summary>Keeps every line logged, with the text of any exception logged with it.</summary>
internal sealed class LineLogger : ILogger
{
    public ConcurrentQueue<string> Lines { get; } = new();

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
        Lines.Enqueue(formatter(state, exception) + (exception is null ? string.Empty : " " + exception));
}
