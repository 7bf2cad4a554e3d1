using System;
using System.Net.Http;
using Bitrix24.Emulator;

namespace Bitrix24.Generated.Client.Tests;

/// <summary>Generated clients for the emulator, with the retry behaviour a test needs.</summary>
internal sealed class TestClient : IDisposable
{
    private readonly HttpClient _http = new();
    private readonly Bitrix24Connection _connection;

    public TestClient(Bitrix24Emulator portal, Bitrix24RetryOptions? retry, TimeSpan? timeout = null)
        : this(portal, Unpaced(retry, timeout))
    {
    }

    public TestClient(Bitrix24Emulator portal, Bitrix24ConnectionOptions options)
    {
        _connection = new Bitrix24Connection(_http, Bitrix24Webhook.Parse(portal.WebhookUrl.ToString()), options);
        Client = new Bitrix24Client(_connection);
    }

    public Bitrix24Client Client { get; }

    /// <summary>Every failure surfaces at once.</summary>
    public static TestClient WithoutRetries(Bitrix24Emulator portal, TimeSpan? timeout = null) => new(portal, null, timeout);

    /// <summary>Retries as in production, with waits short enough for a test.</summary>
    public static TestClient WithFastRetries(Bitrix24Emulator portal, int attempts = 4, TimeSpan? timeout = null) =>
        new(portal, new Bitrix24RetryOptions { MaxAttempts = attempts, BaseDelay = TimeSpan.FromMilliseconds(5), MaxDelay = TimeSpan.FromMilliseconds(50) }, timeout);

    // No client-side pacing: these tests look at what the portal answers and how retries take it.
    private static Bitrix24ConnectionOptions Unpaced(Bitrix24RetryOptions? retry, TimeSpan? timeout)
    {
        var options = new Bitrix24ConnectionOptions { Retry = retry, RateLimiter = null };
        if (timeout is { } limit)
        {
            options.Timeout = limit;
        }

        return options;
    }

    public void Dispose()
    {
        _connection.Dispose();
        _http.Dispose();
    }
}
