using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Bitrix24.Generated.AspNetCore;

/// <summary>
/// The install URL: stores a portal's tokens when the application is installed, binds the declared events and
/// <c>ONAPPUNINSTALL</c> (to this same URL), and removes the portal when it uninstalls the application.
/// </summary>
internal sealed class InstallEndpoint
{
    public const string InstallEvent = "ONAPPINSTALL";
    public const string UninstallEvent = "ONAPPUNINSTALL";

    private readonly IBitrix24PortalStore _store;
    private readonly IBitrix24ClientFactory _factory;
    private readonly Bitrix24InstallOptions _options;
    private readonly PostedTokensCheck _tokensCheck;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;

    public InstallEndpoint(IBitrix24PortalStore store, IBitrix24ClientFactory factory, PostedTokensCheck tokensCheck, IOptions<Bitrix24InstallOptions> options, ILogger<InstallEndpoint> logger, TimeProvider? time = null)
    {
        _store = store;
        _factory = factory;
        _tokensCheck = tokensCheck;
        _options = options.Value;
        _logger = logger;
        _time = time ?? TimeProvider.System;
    }

    public async Task HandleAsync(HttpContext context)
    {
        var (payload, problem) = await PayloadReader.ReadAsync(context.Request, context.RequestAborted).ConfigureAwait(false);
        var (request, invalid) = payload is null ? (null, problem) : InstallRequestReader.Read(payload, context.Request.Query, _time.GetUtcNow());
        if (request is null)
        {
            InstallLog.Refused(_logger, invalid!);
            await PlainAnswer.WriteAsync(context, StatusCodes.Status400BadRequest, invalid!).ConfigureAwait(false);
            return;
        }

        await (request.Kind switch
        {
            InstallKind.Interactive => InstallInteractiveAsync(context, request),
            InstallKind.AppInstall => InstallFromEventAsync(context, request),
            _ => UninstallAsync(context, request),
        }).ConfigureAwait(false);
    }

    // An application with a UI: its tokens replace whatever was stored; the application token arrives later, with ONAPPINSTALL.
    private async Task InstallInteractiveAsync(HttpContext context, InstallRequest request)
    {
        var cancellationToken = context.RequestAborted;
        var existing = await _store.GetAsync(request.MemberId, cancellationToken).ConfigureAwait(false);
        if (existing is not null && !await ProvenAsync(context, request, existing).ConfigureAwait(false))
        {
            return;
        }

        var portal = new Bitrix24Portal(request.MemberId, request.Domain, existing?.ApplicationToken, request.Tokens!);
        if (!await StoreAndBindAsync(context, portal).ConfigureAwait(false))
        {
            return;
        }

        context.Response.StatusCode = StatusCodes.Status200OK;
        context.Response.ContentType = "text/html; charset=utf-8";
        await context.Response.WriteAsync(InstallPage.Html, cancellationToken).ConfigureAwait(false);
    }

    // ONAPPINSTALL: the application token the portal will sign its events with, and for an application without a
    // UI the only post with its tokens.
    private async Task InstallFromEventAsync(HttpContext context, InstallRequest request)
    {
        var cancellationToken = context.RequestAborted;
        var existing = await _store.GetAsync(request.MemberId, cancellationToken).ConfigureAwait(false);
        if (existing is null)
        {
            if (await StoreAndBindAsync(context, new Bitrix24Portal(request.MemberId, request.Domain, request.ApplicationToken, request.Tokens!)).ConfigureAwait(false))
            {
                await PlainAnswer.WriteAsync(context, StatusCodes.Status200OK, "Installed.").ConfigureAwait(false);
            }

            return;
        }

        // Anyone may post this event, so a token the portal already gave is never replaced by another: that would
        // let the poster sign events and uninstalls of the portal. An uninstall removes it, so a real reinstall gets through.
        if (existing.ApplicationToken is { } stored && !ApplicationTokenCheck.Matches(stored, request.ApplicationToken!))
        {
            InstallLog.Unauthorized(_logger, InstallEvent, Untrusted.Printable(request.MemberId));
            await PlainAnswer.WriteAsync(context, StatusCodes.Status401Unauthorized, "The portal already has another application token.").ConfigureAwait(false);
            return;
        }

        // The first application token of a portal installed through its page: the post proves itself with its tokens.
        if (existing.ApplicationToken is null && !await ProvenAsync(context, request, existing).ConfigureAwait(false))
        {
            return;
        }

        await _store.AddOrUpdateAsync(existing with { ApplicationToken = request.ApplicationToken }, cancellationToken).ConfigureAwait(false);
        InstallLog.ApplicationTokenStored(_logger, Untrusted.Printable(request.MemberId));
        await PlainAnswer.WriteAsync(context, StatusCodes.Status200OK, "Installed.").ConfigureAwait(false);
    }

    private async Task UninstallAsync(HttpContext context, InstallRequest request)
    {
        var cancellationToken = context.RequestAborted;
        var portal = await ApplicationTokenCheck.VerifyAsync(_store, request.MemberId, request.ApplicationToken, cancellationToken).ConfigureAwait(false);
        if (portal is null)
        {
            InstallLog.Unauthorized(_logger, UninstallEvent, Untrusted.Printable(request.MemberId));
            await PlainAnswer.WriteAsync(context, StatusCodes.Status401Unauthorized, "The application token does not match the portal's.").ConfigureAwait(false);
            return;
        }

        await _store.RemoveAsync(portal.MemberId, cancellationToken).ConfigureAwait(false);
        _factory.Forget(portal.MemberId);
        InstallLog.Uninstalled(_logger, Untrusted.Printable(portal.MemberId));
        if (_options.OnUninstalled is { } onUninstalled)
        {
            await onUninstalled(portal, context.RequestServices, cancellationToken).ConfigureAwait(false);
        }

        await PlainAnswer.WriteAsync(context, StatusCodes.Status200OK, "Uninstalled.").ConfigureAwait(false);
    }

    /// <summary>
    /// Whether a post for a portal already stored carries tokens that portal issued; answers 401 when not, so that no
    /// one but the portal replaces the tokens the application calls it with or gives it its first application token.
    /// </summary>
    private async Task<bool> ProvenAsync(HttpContext context, InstallRequest request, Bitrix24Portal existing)
    {
        if (await _tokensCheck.IssuedByAsync(existing, request.Tokens!, context.RequestAborted).ConfigureAwait(false))
        {
            return true;
        }

        var kind = request.Kind == InstallKind.AppInstall ? InstallEvent : "install";
        InstallLog.Unauthorized(_logger, kind, Untrusted.Printable(request.MemberId));
        await PlainAnswer.WriteAsync(context, StatusCodes.Status401Unauthorized, "The posted tokens do not work on the portal installed with this member_id.").ConfigureAwait(false);
        return false;
    }

    /// <summary>Stores the portal, binds the events through it and runs OnInstalled; false (answered 502) when a bind failed.</summary>
    private async Task<bool> StoreAndBindAsync(HttpContext context, Bitrix24Portal portal)
    {
        var cancellationToken = context.RequestAborted;

        // A kept connection would go on with the tokens of the previous install.
        _factory.Forget(portal.MemberId);
        await _store.AddOrUpdateAsync(portal, cancellationToken).ConfigureAwait(false);

        if (Bindings(context.Request) is not { } bindings)
        {
            InstallLog.Refused(_logger, "the request's host makes no handler URL");
            await PlainAnswer.WriteAsync(context, StatusCodes.Status400BadRequest, "The request's host makes no handler URL; set Bitrix24InstallOptions.EventHandlerUrl.").ConfigureAwait(false);
            return false;
        }

        var connection = await _factory.ForPortalAsync(portal.MemberId, cancellationToken).ConfigureAwait(false);
        if (await EventBinder.BindAsync(connection, bindings, cancellationToken).ConfigureAwait(false) is { } failure)
        {
            InstallLog.BindFailed(_logger, failure.Exception, failure.Event, Untrusted.Printable(portal.MemberId), Untrusted.Printable(failure.Code));
            await PlainAnswer.WriteAsync(
                context,
                StatusCodes.Status502BadGateway,
                "The portal refused to bind " + failure.Event + " (" + Untrusted.Printable(failure.Code) + "); the install is not finished.").ConfigureAwait(false);
            return false;
        }

        InstallLog.Installed(_logger, Untrusted.Printable(portal.MemberId), Untrusted.Printable(portal.Domain));
        if (_options.OnInstalled is { } onInstalled)
        {
            await onInstalled(portal, context.RequestServices, cancellationToken).ConfigureAwait(false);
        }

        return true;
    }

    /// <summary>The declared events to the events URL, and ONAPPUNINSTALL to this one; null when the Host header makes no URL.</summary>
    private List<(string Event, Uri Handler)>? Bindings(HttpRequest request)
    {
        var origin = request.Scheme + "://" + request.Host.ToUriComponent() + request.PathBase.ToUriComponent();
        Uri? events = _options.EventHandlerUrl;
        if ((events is null && !Uri.TryCreate(origin + "/" + _options.EventHandlerPath.TrimStart('/'), UriKind.Absolute, out events)) ||
            !Uri.TryCreate(UriHelper.BuildAbsolute(request.Scheme, request.Host, request.PathBase, request.Path), UriKind.Absolute, out var self))
        {
            return null;
        }

        return _options.Events.Select(name => (name, events)).Append((UninstallEvent, self)).ToList();
    }
}
