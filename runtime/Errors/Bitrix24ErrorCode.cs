namespace Bitrix24.Generated;

/// <summary>
/// The error codes any Bitrix24 method may answer with, as listed in the REST documentation's
/// system error table, plus the two limits documented elsewhere.
/// </summary>
public enum Bitrix24ErrorCode
{
    /// <summary>A code not in the system table; see <see cref="Bitrix24ApiException.RawCode"/>.</summary>
    Unknown = 0,

    /// <summary>The empty code: a method-specific error told apart only by its description.</summary>
    MethodSpecific,

    /// <summary><c>INTERNAL_SERVER_ERROR</c> (HTTP 500): internal server error.</summary>
    InternalServerError,

    /// <summary><c>ERROR_UNEXPECTED_ANSWER</c> (HTTP 500): the server returned an unexpected response.</summary>
    UnexpectedAnswer,

    /// <summary><c>QUERY_LIMIT_EXCEEDED</c> (HTTP 503): the request rate limit was exceeded.</summary>
    QueryLimitExceeded,

    /// <summary><c>ERROR_BATCH_METHOD_NOT_ALLOWED</c> (HTTP 405): the method may not be called inside a batch.</summary>
    BatchMethodNotAllowed,

    /// <summary><c>ERROR_BATCH_LENGTH_EXCEEDED</c> (HTTP 400): a batch carried too many commands.</summary>
    BatchLengthExceeded,

    /// <summary><c>NO_AUTH_FOUND</c> (HTTP 401): wrong access token or webhook code.</summary>
    NoAuthFound,

    /// <summary><c>INVALID_REQUEST</c> (HTTP 400): HTTPS is required.</summary>
    InvalidRequest,

    /// <summary><c>OVERLOAD_LIMIT</c> (HTTP 503): the REST API is blocked for overload by support.</summary>
    OverloadLimit,

    /// <summary><c>ACCESS_DENIED</c> (HTTP 403): the REST API needs a commercial plan.</summary>
    AccessDenied,

    /// <summary><c>INVALID_CREDENTIALS</c> (HTTP 403): the calling user lacks permission.</summary>
    InvalidCredentials,

    /// <summary><c>ERROR_MANIFEST_IS_NOT_AVAILABLE</c> (HTTP 404): the manifest is not available.</summary>
    ManifestIsNotAvailable,

    /// <summary><c>insufficient_scope</c> (HTTP 403): the webhook or token lacks the method's scope.</summary>
    InsufficientScope,

    /// <summary><c>expired_token</c> (HTTP 401): the OAuth access token has expired.</summary>
    ExpiredToken,

    /// <summary><c>user_access_error</c> (HTTP 403): the user has no access to the application.</summary>
    UserAccessError,

    /// <summary><c>PORTAL_DELETED</c> (HTTP 500): the portal was deleted or its public part is closed.</summary>
    PortalDeleted,

    /// <summary><c>OPERATION_TIME_LIMIT</c> (HTTP 429): the method used up its operating-time budget.</summary>
    OperationTimeLimit,

    /// <summary><c>ERROR_METHOD_NOT_FOUND</c> (HTTP 404): the portal does not know the method.</summary>
    MethodNotFound,

    /// <summary>
    /// <c>BITRIX_REST_V3_EXCEPTION_VALIDATION_REQUESTVALIDATIONEXCEPTION</c> (HTTP 400, REST 3.0): a required field is
    /// missing or a value does not fit its type; <see cref="Bitrix24ApiException.Validation"/> names the fields.
    /// </summary>
    RequestValidation,

    /// <summary>
    /// <c>BITRIX_REST_V3_EXCEPTION_IDEMPOTENCYKEYREUSEDEXCEPTION</c> (HTTP 422, REST 3.0): the Idempotency-Key was used
    /// before with another body.
    /// </summary>
    IdempotencyKeyReused,

    /// <summary>
    /// <c>BITRIX_REST_V3_EXCEPTION_INVALIDIDEMPOTENCYKEYEXCEPTION</c> (HTTP 400, REST 3.0): the Idempotency-Key is not
    /// 1 to 255 printable ASCII characters.
    /// </summary>
    InvalidIdempotencyKey,
}
