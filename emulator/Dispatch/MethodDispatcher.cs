using System;
using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json.Nodes;
using Bitrix24.Emulator.Limits;
using Bitrix24.Emulator.Requests;
using Bitrix24.Emulator.Rest3;
using Bitrix24.Emulator.Specs;
using Bitrix24.Generated.Specs.Model;

namespace Bitrix24.Emulator.Dispatch;

/// <summary>
/// Runs method calls as a portal does: the limits first, then the spec's check of the parameters, then the
/// method's handler or, without one, its documented example, timed into the call's <c>time</c> block.
/// </summary>
internal sealed class MethodDispatcher
{
    private readonly MethodRegistry _methods;
    private readonly SpecCatalog _specs;
    private readonly ParameterValidator _validator;
    private readonly ParameterReader _reader;
    private readonly TimeProvider _time;
    private readonly ConcurrentDictionary<string, TimeSpan> _operatingCosts = new(StringComparer.OrdinalIgnoreCase);
    private readonly LeakyBucket? _bucket;
    private readonly OperatingBudget? _budget;
    private int _refused;

    public MethodDispatcher(MethodRegistry methods, SpecCatalog specs, Bitrix24EmulatorOptions options)
    {
        _methods = methods;
        _specs = specs;
        _validator = new ParameterValidator(specs, options.DateFormat);
        _reader = new ParameterReader(specs);
        _time = options.TimeProvider;
        _bucket = options.RateLimit is { } limit ? new LeakyBucket(limit, options.TimeProvider) : null;
        _budget = options.OperatingLimit is { } operating ? new OperatingBudget(operating, options.TimeProvider) : null;
    }

    /// <summary>
    /// Called after each call a handler answered without an error (not after documented examples, which change
    /// nothing): the portal raises the events its writes cause here, for calls, batch commands and REST 3.0 alike.
    /// </summary>
    public Action<MethodCall, JsonNode?>? Handled { get; set; }

    /// <summary>Charges every call of <paramref name="method"/> <paramref name="cost"/> of working time.</summary>
    public void SetOperatingCost(string method, TimeSpan cost) => _operatingCosts[method] = cost;

    /// <summary>Takes one request from the portal's request-rate limit; false when the limit refuses it.</summary>
    public bool TryTakeRequest()
    {
        if (_bucket is null || _bucket.TryTake())
        {
            return true;
        }

        System.Threading.Interlocked.Increment(ref _refused);
        return false;
    }

    /// <summary>How many requests the request-rate limit refused.</summary>
    public int RefusedRequestCount => System.Threading.Volatile.Read(ref _refused);

    /// <summary>The spec of <paramref name="method"/> (the classic one when both versions have it), or null when none is loaded.</summary>
    public MethodModel? Spec(string method) => _specs.Find(method);

    /// <summary>The spec of <paramref name="method"/> at the REST 3.0 address when <paramref name="rest3"/>, else at the classic one; null when none is loaded.</summary>
    public MethodModel? Spec(string method, bool rest3) => _specs.Find(method, Rest3Methods.Api(rest3));

    /// <summary>Runs one method call, as a request of its own or as a command of a batch.</summary>
    /// <param name="method">The method name.</param>
    /// <param name="caller">Who calls: the user, and whether through an application.</param>
    /// <param name="parameters">The call's parameters.</param>
    /// <param name="rest3">Whether it came to the REST 3.0 address, which serves only REST 3.0 methods, as the classic one serves only the others.</param>
    public CallOutcome Execute(string method, Caller caller, JsonObject parameters, bool rest3 = false)
    {
        var started = _time.GetUtcNow();
        var clock = Stopwatch.StartNew();
        if (_budget is not null && _budget.IsExhausted(method))
        {
            return CallOutcome.Failure(429, "OPERATION_TIME_LIMIT", "Method is blocked due to operation time limit.");
        }

        if (method == "batch")
        {
            return CallOutcome.Failure(405, "ERROR_BATCH_METHOD_NOT_ALLOWED", "Method is not allowed for batch usage");
        }

        // Each address knows the methods of its own version only, as a portal's: a method only REST 3.0 has is not
        // found at the classic address. A method both have (tasks.task.get) is a method of each, with its own spec and
        // handler. A handler without a spec is classic.
        var api = Rest3Methods.Api(rest3);
        var spec = _specs.Find(method, api);
        var hasHandler = _methods.TryGet(api, method, out var handler);
        if (spec is null && (!hasHandler || rest3 || _specs.Find(method, MethodApi.V3) is not null))
        {
            return CallOutcome.Failure(404, "ERROR_METHOD_NOT_FOUND", "Method not found!");
        }

        try
        {
            if (spec is not null)
            {
                if (_validator.Validate(spec, parameters) is { } invalid)
                {
                    throw invalid;
                }

                parameters = _reader.Read(spec, parameters);
            }

            // Without a handler, a method answers with its spec's documented example, or the plainest value of its type.
            MethodResult answer;
            if (hasHandler)
            {
                var call = new MethodCall(method, caller.UserId, parameters) { ByApplication = caller.Token is not null };
                answer = handler(call);
                Handled?.Invoke(call, answer.Result);
            }
            else
            {
                answer = SpecCatalog.ExampleAnswer(spec!) ?? new MethodResult(PlainAnswer.Of(spec!.Result.Type, _specs, started));
            }

            var processing = clock.Elapsed;
            var cost = _operatingCosts.TryGetValue(method, out var charged) ? charged : processing;
            var (operating, resetAt) = _budget?.Record(method, cost) ?? (0, started);
            return CallOutcome.Success(answer.Result, EnvelopeWriter.Time(started, started + processing, processing.TotalSeconds, operating, resetAt), answer.Total, answer.Next);
        }
        catch (Bitrix24EmulatorError error)
        {
            return CallOutcome.Failure(error.Status, error.Code, error.Message, error.Problem);
        }
    }
}
