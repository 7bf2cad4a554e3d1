using System;
using System.Threading;
using System.Threading.Tasks;
using Bitrix24.Generated.Events;

namespace Bitrix24.Generated.AspNetCore;

/// <summary>One handler of one event class, as the dispatcher runs it: kept in DI, one per registration.</summary>
/// <param name="EventType">The generated event class it handles.</param>
/// <param name="Name">What logs call the handler: its type, or "delegate".</param>
/// <param name="InvokeAsync">Runs the handler with the event and the event's DI scope.</param>
internal sealed record EventHandlerRegistration(
    Type EventType,
    string Name,
    Func<Bitrix24Event, IServiceProvider, CancellationToken, Task> InvokeAsync);
