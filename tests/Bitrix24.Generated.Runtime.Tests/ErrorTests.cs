using System;
using System.Linq;

namespace Bitrix24.Generated.Runtime.Tests;

public class ErrorTests
{
    private static readonly Bitrix24ErrorMap<SampleError> Map = new(
        new Bitrix24ErrorMapping<SampleError>(SampleError.SettingsNotSet, "", "The required parameter \"settings\" for the method \"calendar.user.settings.set\" is not set"),
        new Bitrix24ErrorMapping<SampleError>(SampleError.AccessDenied, "ACCESS_DENIED", null));

    [Theory]
    [InlineData("", "The required parameter \"settings\" for the method \"calendar.user.settings.set\" is not set")]
    [InlineData("", "the required parameter \"settings\" for the method \"calendar.user.settings.set\" is not set.")]
    [InlineData("", "  The required parameter \"settings\" for the method \"calendar.user.settings.set\" is not set ")]
    public void Empty_code_errors_match_by_message(string code, string description) =>
        Assert.Equal(SampleError.SettingsNotSet, Map.Match(code, description));

    [Fact]
    public void A_coded_error_matches_by_code_alone_ignoring_case() =>
        Assert.Equal(SampleError.AccessDenied, Map.Match("access_denied", "anything"));

    [Theory]
    [InlineData("", "Access denied")]
    [InlineData("OTHER", "The required parameter \"settings\" for the method \"calendar.user.settings.set\" is not set")]
    [InlineData("", "")]
    public void Anything_else_matches_nothing(string code, string description) =>
        Assert.Null(Map.Match(code, description));

    [Fact]
    public void Every_system_code_round_trips_with_its_documented_status()
    {
        var expected = new (string Wire, int Status)[]
        {
            ("INTERNAL_SERVER_ERROR", 500), ("ERROR_UNEXPECTED_ANSWER", 500), ("QUERY_LIMIT_EXCEEDED", 503),
            ("ERROR_BATCH_METHOD_NOT_ALLOWED", 405), ("ERROR_BATCH_LENGTH_EXCEEDED", 400), ("NO_AUTH_FOUND", 401),
            ("INVALID_REQUEST", 400), ("OVERLOAD_LIMIT", 503), ("ACCESS_DENIED", 403), ("INVALID_CREDENTIALS", 403),
            ("ERROR_MANIFEST_IS_NOT_AVAILABLE", 404), ("insufficient_scope", 403), ("expired_token", 401),
            ("user_access_error", 403), ("PORTAL_DELETED", 500), ("OPERATION_TIME_LIMIT", 429), ("ERROR_METHOD_NOT_FOUND", 404),
            ("BITRIX_REST_V3_EXCEPTION_VALIDATION_REQUESTVALIDATIONEXCEPTION", 400),
            ("BITRIX_REST_V3_EXCEPTION_IDEMPOTENCYKEYREUSEDEXCEPTION", 422),
            ("BITRIX_REST_V3_EXCEPTION_INVALIDIDEMPOTENCYKEYEXCEPTION", 400),
        };

        foreach (var (wire, status) in expected)
        {
            var code = Bitrix24ErrorCodes.Parse(wire);
            Assert.NotEqual(Bitrix24ErrorCode.Unknown, code);
            Assert.Equal(wire, Bitrix24ErrorCodes.ToWireCode(code));
            Assert.Equal(status, Bitrix24ErrorCodes.DefaultHttpStatus(code));
        }

        var covered = expected.Select(e => Bitrix24ErrorCodes.Parse(e.Wire)).Append(Bitrix24ErrorCode.Unknown).Append(Bitrix24ErrorCode.MethodSpecific);
        Assert.Equal(Enum.GetValues<Bitrix24ErrorCode>().OrderBy(c => c), covered.OrderBy(c => c));
    }

    [Fact]
    public void Parsing_is_case_insensitive_and_knows_the_empty_code()
    {
        Assert.Equal(Bitrix24ErrorCode.QueryLimitExceeded, Bitrix24ErrorCodes.Parse("query_limit_exceeded"));
        Assert.Equal(Bitrix24ErrorCode.ExpiredToken, Bitrix24ErrorCodes.Parse("EXPIRED_TOKEN"));
        Assert.Equal(Bitrix24ErrorCode.MethodSpecific, Bitrix24ErrorCodes.Parse(""));
        Assert.Equal(Bitrix24ErrorCode.Unknown, Bitrix24ErrorCodes.Parse("NOT_A_CODE"));
        Assert.Null(Bitrix24ErrorCodes.DefaultHttpStatus(Bitrix24ErrorCode.Unknown));
    }
}
