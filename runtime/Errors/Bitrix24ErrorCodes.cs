using System;
using System.Collections.Generic;

namespace Bitrix24.Generated;

/// <summary>Converts between <see cref="Bitrix24ErrorCode"/> and the codes on the wire.</summary>
public static class Bitrix24ErrorCodes
{
    private static readonly (Bitrix24ErrorCode Code, string Wire, int Status)[] Table =
    {
        (Bitrix24ErrorCode.InternalServerError, "INTERNAL_SERVER_ERROR", 500),
        (Bitrix24ErrorCode.UnexpectedAnswer, "ERROR_UNEXPECTED_ANSWER", 500),
        (Bitrix24ErrorCode.QueryLimitExceeded, "QUERY_LIMIT_EXCEEDED", 503),
        (Bitrix24ErrorCode.BatchMethodNotAllowed, "ERROR_BATCH_METHOD_NOT_ALLOWED", 405),
        (Bitrix24ErrorCode.BatchLengthExceeded, "ERROR_BATCH_LENGTH_EXCEEDED", 400),
        (Bitrix24ErrorCode.NoAuthFound, "NO_AUTH_FOUND", 401),
        (Bitrix24ErrorCode.InvalidRequest, "INVALID_REQUEST", 400),
        (Bitrix24ErrorCode.OverloadLimit, "OVERLOAD_LIMIT", 503),
        (Bitrix24ErrorCode.AccessDenied, "ACCESS_DENIED", 403),
        (Bitrix24ErrorCode.InvalidCredentials, "INVALID_CREDENTIALS", 403),
        (Bitrix24ErrorCode.ManifestIsNotAvailable, "ERROR_MANIFEST_IS_NOT_AVAILABLE", 404),
        (Bitrix24ErrorCode.InsufficientScope, "insufficient_scope", 403),
        (Bitrix24ErrorCode.ExpiredToken, "expired_token", 401),
        (Bitrix24ErrorCode.UserAccessError, "user_access_error", 403),
        (Bitrix24ErrorCode.PortalDeleted, "PORTAL_DELETED", 500),
        (Bitrix24ErrorCode.OperationTimeLimit, "OPERATION_TIME_LIMIT", 429),
        (Bitrix24ErrorCode.MethodNotFound, "ERROR_METHOD_NOT_FOUND", 404),
        (Bitrix24ErrorCode.RequestValidation, "BITRIX_REST_V3_EXCEPTION_VALIDATION_REQUESTVALIDATIONEXCEPTION", 400),
        (Bitrix24ErrorCode.IdempotencyKeyReused, "BITRIX_REST_V3_EXCEPTION_IDEMPOTENCYKEYREUSEDEXCEPTION", 422),
        (Bitrix24ErrorCode.InvalidIdempotencyKey, "BITRIX_REST_V3_EXCEPTION_INVALIDIDEMPOTENCYKEYEXCEPTION", 400),
    };

    private static readonly Dictionary<string, Bitrix24ErrorCode> ByWire = BuildIndex();

    /// <summary>The enum member for a wire code; the empty code is <see cref="Bitrix24ErrorCode.MethodSpecific"/>.</summary>
    public static Bitrix24ErrorCode Parse(string? code)
    {
        if (string.IsNullOrEmpty(code))
        {
            return Bitrix24ErrorCode.MethodSpecific;
        }

        return ByWire.TryGetValue(code!, out var parsed) ? parsed : Bitrix24ErrorCode.Unknown;
    }

    /// <summary>The code as Bitrix24 writes it, e.g. <c>QUERY_LIMIT_EXCEEDED</c>; empty for the two catch-all members.</summary>
    public static string ToWireCode(Bitrix24ErrorCode code)
    {
        foreach (var row in Table)
        {
            if (row.Code == code)
            {
                return row.Wire;
            }
        }

        return string.Empty;
    }

    /// <summary>The HTTP status the documentation gives for the code, or null when it gives none.</summary>
    public static int? DefaultHttpStatus(Bitrix24ErrorCode code)
    {
        foreach (var row in Table)
        {
            if (row.Code == code)
            {
                return row.Status;
            }
        }

        return null;
    }

    private static Dictionary<string, Bitrix24ErrorCode> BuildIndex()
    {
        var index = new Dictionary<string, Bitrix24ErrorCode>(StringComparer.OrdinalIgnoreCase);
        foreach (var row in Table)
        {
            index[row.Wire] = row.Code;
        }

        return index;
    }
}
