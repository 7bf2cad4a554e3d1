namespace Bitrix24.Generated;

/// <summary>A call would have sent its credentials over plain HTTP to a portal that is not on this machine.</summary>
public sealed class Bitrix24InsecureTransportException : Bitrix24Exception
{
    /// <summary>Creates the exception.</summary>
    public Bitrix24InsecureTransportException(string method, string host)
        : base(method, $"'{method}' was not sent: Bitrix24 requires HTTPS, and plain HTTP to '{host}' would expose the webhook code or token. Use an https:// address, or set {nameof(Bitrix24ConnectionOptions)}.{nameof(Bitrix24ConnectionOptions.AllowInsecureHttp)} for a test portal.")
    {
        Host = host;
    }

    /// <summary>The host the call was meant for.</summary>
    public string Host { get; }
}
