using System;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Bitrix24.Generated.Serialization;

namespace Bitrix24.Generated.Runtime.Tests;

public class Rest3ConnectionTests
{
    [Fact]
    public async Task A_webhook_calls_rest3_methods_under_rest_api_with_the_same_user_and_code()
    {
        var handler = new RecordingHandler(HttpStatusCode.OK, Rest3.AddAnswer);
        using var connection = Connect(handler);

        await connection.CallAsync(Rest3.Add, Rest3.NewTask());

        var request = Assert.Single(handler.Requests).Request;
        Assert.Equal(HttpMethod.Post, request.Method);
        Assert.Equal("https://portal.example/rest/api/1/" + Rest3.Secret + "/tasks.task.add", request.RequestUri!.ToString());
    }

    [Fact]
    public async Task The_same_connection_keeps_classic_methods_at_rest()
    {
        var handler = new RecordingHandler(HttpStatusCode.OK, """{"result":true}""");
        using var connection = Connect(handler);

        await connection.CallAsync(new Bitrix24Method<bool>("tasks.task.add", Bitrix24Converters.Boolean), Rest3.NewTask());

        Assert.Equal("https://portal.example/rest/1/" + Rest3.Secret + "/tasks.task.add", Assert.Single(handler.Requests).Request.RequestUri!.ToString());
    }

    [Fact]
    public async Task Parameters_go_as_a_json_body()
    {
        var handler = new RecordingHandler(HttpStatusCode.OK, Rest3.AddAnswer);
        using var connection = Connect(handler);

        await connection.CallAsync(Rest3.Add, Rest3.NewTask());

        var (request, body) = Assert.Single(handler.Requests);
        Assert.Equal("application/json", request.Content!.Headers.ContentType!.MediaType);
        Assert.Equal("application/json", Assert.Single(request.Headers.Accept).MediaType);
        Assert.Equal("""{"fields":{"title":"Task Title","responsibleId":1}}""", body);
        Assert.Empty(request.RequestUri!.Query);
    }

    [Fact]
    public async Task Reads_the_item_of_a_created_task_and_the_time_block()
    {
        using var connection = Connect(new RecordingHandler(HttpStatusCode.OK, Rest3.AddAnswer));

        var response = await connection.CallAsync(Rest3.Add, Rest3.NewTask());

        var item = Assert.IsType<V3Task>(response.Value.Item);
        Assert.Equal(3839, item.Id);
        Assert.Equal("Task Title", item.Title);
        Assert.Equal(0.8889970779418945, response.Time!.Duration);
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1787220142), response.Time.OperatingResetAt);
        Assert.False(response.Replayed);
    }

    [Fact]
    public async Task Reads_the_items_of_a_list()
    {
        const string answer = """{"result":{"items":[{"id":3835,"title":"Collect feedback","responsibleId":93},{"id":3836,"title":"Prepare the contract","responsibleId":29}]},"time":{"start":1,"finish":2,"duration":1,"processing":0}}""";
        using var connection = Connect(new RecordingHandler(HttpStatusCode.OK, answer));

        var response = await connection.CallAsync(Rest3.List);

        Assert.Equal([3835, 3836], response.Value.Items!.Select(task => task.Id ?? 0));
        Assert.Equal([93, 29], response.Value.Items!.Select(task => task.ResponsibleId ?? 0));
    }

    [Fact]
    public async Task Reads_the_result_of_an_operation()
    {
        using var connection = Connect(new RecordingHandler(HttpStatusCode.OK, """{"result":{"result":true},"time":{"start":1,"finish":2,"duration":1,"processing":0}}"""));

        var response = await connection.CallAsync(new Bitrix24Method<V3Result>("tasks.task.delete", Bitrix24ObjectConverter<V3Result>.Instance, api: Bitrix24ApiVersion.Rest3));

        Assert.True(response.Value.Result);
    }

    [Fact]
    public async Task A_validation_error_is_an_api_exception_naming_the_method_with_each_field_reachable()
    {
        const string answer = """{"error":{"code":"BITRIX_REST_V3_EXCEPTION_VALIDATION_REQUESTVALIDATIONEXCEPTION","message":"Error during request object validation","validation":[{"message":"Field `deadline` requires data type `DateTime` for this request","field":"deadline"},{"message":"Required field `title` is missing","field":"title"}]}}""";
        using var connection = Connect(new RecordingHandler(HttpStatusCode.BadRequest, answer));

        var exception = await Assert.ThrowsAsync<Bitrix24ApiException>(() => connection.CallAsync(Rest3.Add, Rest3.NewTask()));

        Assert.Equal("tasks.task.add", exception.Method);
        Assert.Equal(HttpStatusCode.BadRequest, exception.StatusCode);
        Assert.Equal(Bitrix24ErrorCode.RequestValidation, exception.Code);
        Assert.Equal("Error during request object validation", exception.Description);
        Assert.Contains("tasks.task.add", exception.Message, StringComparison.Ordinal);
        Assert.Equal(["deadline", "title"], exception.Validation.Select(entry => entry.Field));
        Assert.Equal("Field `deadline` requires data type `DateTime` for this request", Assert.Single(exception.ValidationFor("deadline")).Message);
        Assert.Equal("Required field `title` is missing", Assert.Single(exception.ValidationFor("title")).Message);
        Assert.Empty(exception.ValidationFor("responsibleId"));
    }

    [Fact]
    public async Task A_documented_error_keeps_its_validation_entries()
    {
        const string answer = """{"error":{"code":"BITRIX_REST_V3_EXCEPTION_VALIDATION_DTOVALIDATIONEXCEPTION","message":"Object validation error","validation":[{"message":"Mandatory field \"title\" is not filled","field":"title"}]}}""";
        var errors = new Bitrix24ErrorMap<SampleError>(new Bitrix24ErrorMapping<SampleError>(SampleError.SettingsNotSet, "BITRIX_REST_V3_EXCEPTION_VALIDATION_DTOVALIDATIONEXCEPTION", null));
        var method = new Bitrix24Method<V3Result>("note.document.add", Bitrix24ObjectConverter<V3Result>.Instance, errors: errors, api: Bitrix24ApiVersion.Rest3);
        using var connection = Connect(new RecordingHandler(HttpStatusCode.BadRequest, answer));

        var exception = await Assert.ThrowsAsync<Bitrix24ApiException<SampleError>>(() => connection.CallAsync(method, Rest3.NewTask()));

        Assert.Equal(SampleError.SettingsNotSet, exception.Error);
        Assert.Equal("Mandatory field \"title\" is not filled", Assert.Single(exception.ValidationFor("title")).Message);
    }

    [Fact]
    public async Task An_error_without_validation_has_an_empty_list()
    {
        const string answer = """{"error":{"code":"BITRIX_REST_V3_EXCEPTION_ACCESSDENIEDEXCEPTION","message":"Access denied"}}""";
        using var connection = Connect(new RecordingHandler(HttpStatusCode.Forbidden, answer));

        var exception = await Assert.ThrowsAsync<Bitrix24ApiException>(() => connection.CallAsync(Rest3.Add, Rest3.NewTask()));

        Assert.Equal("BITRIX_REST_V3_EXCEPTION_ACCESSDENIEDEXCEPTION", exception.RawCode);
        Assert.Empty(exception.Validation);
    }

    [Fact]
    public async Task Validation_texts_quoting_the_webhook_code_are_redacted()
    {
        const string answer = """{"error":{"code":"BITRIX_REST_V3_EXCEPTION_VALIDATION_REQUESTVALIDATIONEXCEPTION","message":"Error","validation":[{"message":"Bad value v3hooksecret42","field":"v3hooksecret42"}]}}""";
        using var connection = Connect(new RecordingHandler(HttpStatusCode.BadRequest, answer));

        var exception = await Assert.ThrowsAsync<Bitrix24ApiException>(() => connection.CallAsync(Rest3.Add, Rest3.NewTask()));

        var entry = Assert.Single(exception.Validation);
        Assert.DoesNotContain(Rest3.Secret, entry.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(Rest3.Secret, entry.Field, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(422, "BITRIX_REST_V3_EXCEPTION_IDEMPOTENCYKEYREUSEDEXCEPTION", Bitrix24ErrorCode.IdempotencyKeyReused)]
    [InlineData(400, "BITRIX_REST_V3_EXCEPTION_INVALIDIDEMPOTENCYKEYEXCEPTION", Bitrix24ErrorCode.InvalidIdempotencyKey)]
    public async Task Idempotency_key_errors_are_typed_and_not_retried(int status, string code, Bitrix24ErrorCode expected)
    {
        var handler = new RecordingHandler((HttpStatusCode)status, "{\"error\":{\"code\":\"" + code + "\",\"message\":\"Idempotency key problem\"}}");
        using var connection = Connect(handler, retry: new Bitrix24RetryOptions { BaseDelay = TimeSpan.FromMilliseconds(1) });

        var exception = await Assert.ThrowsAsync<Bitrix24ApiException>(() => connection.CallAsync(Rest3.Add, Rest3.NewTask()));

        Assert.Equal(expected, exception.Code);
        Assert.Equal((HttpStatusCode)status, exception.StatusCode);
        Assert.False(exception.OutcomeUnknown);
        Assert.Single(handler.Requests);
    }

    [Fact]
    public async Task A_stored_answer_is_marked_replayed()
    {
        var handler = new RecordingHandler((_, _) =>
        {
            var response = Rest3.Json(HttpStatusCode.OK, Rest3.AddAnswer);
            response.Headers.TryAddWithoutValidation("Idempotency-Key", "9f1c1a7e-5f1b-4a1e-9a2c-2f5f2b6c7d80");
            response.Headers.TryAddWithoutValidation("Idempotent-Replayed", "true");
            return Task.FromResult(response);
        });
        using var connection = Connect(handler);

        var response = await connection.CallAsync(Rest3.Add, Rest3.NewTask());

        Assert.True(response.Replayed);
        Assert.Equal(3839, response.Value.Item!.Id);
    }

    [Fact]
    public void A_rest3_method_cannot_ride_in_a_classic_batch()
    {
        var handler = new RecordingHandler(HttpStatusCode.OK, """{"result":{"result":{},"result_error":[],"result_total":[],"result_next":[],"result_time":[]}}""");
        using var connection = Connect(handler);
        var batch = new Bitrix24Batch<Bitrix24Connection>(connection, c => c);

        // Add itself refuses: the call never becomes a command the batch would send.
        Action add = () => batch.Add(c => c.CallAsync(Rest3.Add, Rest3.NewTask()));

        var exception = Assert.Throws<NotSupportedException>(add);

        Assert.Contains("tasks.task.add", exception.Message, StringComparison.Ordinal);
        Assert.Equal(0, batch.Count);
    }

    internal static Bitrix24Connection Connect(HttpMessageHandler handler, Bitrix24RetryOptions? retry = null) =>
        new(new HttpClient(handler), Bitrix24Webhook.Parse(Rest3.WebhookUrl), new Bitrix24ConnectionOptions { Retry = retry, RateLimiter = null });
}
