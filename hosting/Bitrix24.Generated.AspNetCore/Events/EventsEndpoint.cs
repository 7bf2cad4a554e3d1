using System;
using System.Text.Json;
using System.Threading.Tasks;
using Bitrix24.Generated.Events;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Bitrix24.Generated.AspNetCore;

/// <summary>
/// Receives a portal's event post: reads it, checks its application token, queues it for the handlers and answers
/// at once. A refusal says why in plain text, naming no secret.
/// </summary>
internal sealed class EventsEndpoint
{
    private readonly Bitrix24EventCatalog _catalog;
    private readonly EventQueue _queue;
    private readonly EventHandlers _handlers;
    private readonly IBitrix24PortalStore _store;
    private readonly JsonSerializerOptions? _serializerOptions;
    private readonly ILogger _logger;

    public EventsEndpoint(Bitrix24EventCatalog catalog, EventQueue queue, EventHandlers handlers, IBitrix24PortalStore store, IOptions<Bitrix24EventsOptions> options, ILogger<EventsEndpoint> logger)
    {
        _catalog = catalog;
        _queue = queue;
        _handlers = handlers;
        _store = store;
        _serializerOptions = options.Value.SerializerOptions;
        _logger = logger;
    }

    public async Task HandleAsync(HttpContext context)
    {
        var cancellationToken = context.RequestAborted;
        var (payload, problem) = await PayloadReader.ReadAsync(context.Request, cancellationToken).ConfigureAwait(false);
        if (payload is null)
        {
            await RefuseAsync(context, problem!).ConfigureAwait(false);
            return;
        }

        var name = PayloadReader.Text(payload, "event");
        if (string.IsNullOrEmpty(name))
        {
            await RefuseAsync(context, "The post names no event (the 'event' field is missing).").ConfigureAwait(false);
            return;
        }

        if (_catalog.Find(name) is not { } info)
        {
            await RefuseAsync(context, "The event '" + Untrusted.Printable(name) + "' is not one this application knows.").ConfigureAwait(false);
            return;
        }

        var memberId = PayloadReader.Text(payload, "auth", "member_id");
        var applicationToken = PayloadReader.Text(payload, "auth", "application_token");
        if (await ApplicationTokenCheck.VerifyAsync(_store, memberId, applicationToken, cancellationToken).ConfigureAwait(false) is null)
        {
            EventsLog.Unauthorized(_logger, info.Name, memberId is null ? null : Untrusted.Printable(memberId));
            await PlainAnswer.WriteAsync(context, StatusCodes.Status401Unauthorized, "The application token does not match the portal's.").ConfigureAwait(false);
            return;
        }

        Bitrix24Event e;
        try
        {
            e = info.Deserialize(PayloadReader.ToUtf8(payload), _serializerOptions);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // Whatever the reader throws is the sender's fault, never a 500. Its message may quote a value of the payload; the answer and the log keep to the event's name.
            await RefuseAsync(context, "The payload of " + info.Name + " cannot be read as its event class.").ConfigureAwait(false);
            return;
        }

        if (_handlers.For(info.Type).Count == 0)
        {
            EventsLog.NoHandler(_logger, info.Name, memberId is null ? null : Untrusted.Printable(memberId));
            context.Response.StatusCode = StatusCodes.Status200OK;
            return;
        }

        if (!_queue.TryEnqueue(e))
        {
            EventsLog.QueueFull(_logger, info.Name, Untrusted.Printable(memberId!));
            await PlainAnswer.WriteAsync(context, StatusCodes.Status503ServiceUnavailable, "Too many events are waiting; send this one again later.").ConfigureAwait(false);
            return;
        }

        context.Response.StatusCode = StatusCodes.Status200OK;
    }

    private Task RefuseAsync(HttpContext context, string reason)
    {
        EventsLog.Refused(_logger, reason);
        return PlainAnswer.WriteAsync(context, StatusCodes.Status400BadRequest, reason);
    }
}
