using System.Net;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace Bitrix24.Generated.Scale.Worker;

/// <summary>What went over the wire: the connection retries a refused call itself, so the caller would not see it.</summary>
internal sealed class WireCounts
{
    private int _rest;
    private int _token;
    private int _queryLimitExceeded;
    private int _expiredToken;

    public int Rest => Volatile.Read(ref _rest);

    public int Token => Volatile.Read(ref _token);

    public int QueryLimitExceeded => Volatile.Read(ref _queryLimitExceeded);

    public int ExpiredToken => Volatile.Read(ref _expiredToken);

    public void Sent(bool token) => Interlocked.Increment(ref token ? ref _token : ref _rest);

    public void Refused() => Interlocked.Increment(ref _queryLimitExceeded);

    public void Expired() => Interlocked.Increment(ref _expiredToken);
}

/// <summary>Counts the requests to the portal and the token endpoint, and the answers that refuse them.</summary>
internal sealed class WireCounter(WireCounts counts) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        counts.Sent(request.RequestUri?.AbsolutePath.Contains("/oauth/token", System.StringComparison.Ordinal) == true);
        var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        if (response.StatusCode is HttpStatusCode.ServiceUnavailable or HttpStatusCode.Unauthorized)
        {
            // Small error envelopes: read here, and still there for the connection (the content is buffered).
            await response.Content.LoadIntoBufferAsync(cancellationToken).ConfigureAwait(false);
            var body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
            if (body.Contains("QUERY_LIMIT_EXCEEDED", System.StringComparison.Ordinal))
            {
                counts.Refused();
            }
            else if (body.Contains("expired_token", System.StringComparison.Ordinal))
            {
                counts.Expired();
            }
        }

        return response;
    }
}
