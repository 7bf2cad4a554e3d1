using System;
using System.Linq;
using System.Net;
using System.Threading.Tasks;
using Bitrix24.Emulator;
using Bitrix24.Generated.Note;

namespace Bitrix24.Generated.Client.Tests;

/// <summary>
/// REST 3.0's JSON batch through the generated client: calls collected into one request to <c>/rest/api/…/batch</c>,
/// references from a later call to an earlier result, one error for all, and a write batch safe to retry.
/// </summary>
public sealed class Rest3BatchTests
{
    [Fact]
    public async Task Calls_go_out_in_one_request_and_a_reference_is_resolved_by_the_portal()
    {
        await using var portal = await Bitrix24Emulator.StartAsync();
        using var test = TestClient.WithoutRetries(portal);

        var batch = test.Client.Rest3Batch();
        var doc = batch.Add(c => c.Note.Document.AddAsync(new NoteDocumentAddFields { CollectionId = 3, Title = "Plan" }), "doc");
        var read = batch.Add(c => c.Note.Document.GetAsync(0), references: q => q.Set("id", doc.Ref("item.id")));
        var child = batch.Add(
            c => c.Note.Document.AddAsync(new NoteDocumentAddFields { CollectionId = 3, Title = "Step 1" }),
            references: q => q.Set("fields.parentId", doc.Ref("item.id")));
        Assert.False(read.Task.IsCompleted);
        await batch.ExecuteAsync();

        var id = (int)(await doc).Value.Item!.Id!;
        Assert.Equal(id, (int)(await read).Value.Item!.Id!);
        Assert.Equal("Plan", (string)(await read).Value.Item!.Title!);
        Assert.Equal(id, (int)(await child).Value.Item!.ParentId!);
        Assert.NotNull((await read).Time);
        var request = Assert.Single(portal.Requests);
        Assert.Equal("batch", request.Method);
        Assert.Contains("""{"id":{"$ref":"doc.item.id"}}""", request.Body, StringComparison.Ordinal);
        Assert.Equal(3, batch.Count);
    }

    [Fact]
    public async Task The_readme_example_runs()
    {
        await using var portal = await Bitrix24Emulator.StartAsync();
        using var test = TestClient.WithoutRetries(portal);
        var client = test.Client;

        // As in the README's REST 3.0 section.
        var batch = client.Rest3Batch();
        var doc = batch.Add(c => c.Note.Document.AddAsync(new NoteDocumentAddFields { CollectionId = 3, Title = "Plan" }), "doc");
        var read = batch.Add(c => c.Note.Document.GetAsync(0), references: q => q.Set("id", doc.Ref("item.id")));
        await batch.ExecuteAsync();
        string title = (string)(await read).Value.Item!.Title!;

        Assert.Equal("Plan", title);
    }

    [Fact]
    public async Task A_ref_array_takes_a_field_of_every_item_an_earlier_list_answered()
    {
        await using var portal = await Bitrix24Emulator.StartAsync();
        using var test = TestClient.WithoutRetries(portal);

        var batch = test.Client.Rest3Batch();
        var letters = batch.Add(c => c.Mail.Message.ListAsync());
        var moved = batch.Add(c => c.Mail.Message.MovetofolderAsync([0], "spam"), references: q => q.Set("messageIds", letters.RefArray("id")));
        await batch.ExecuteAsync();

        Assert.NotEmpty((await letters).Value.Items!);
        // The ids went in as the array the method requires: it passed the portal's check of its parameters.
        Assert.NotNull((await moved).Value);
        Assert.Equal("call0", letters.Alias);
        Assert.Contains("""{"messageIds":{"$refArray":"call0.id"}""", portal.Requests.Single().Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_error_fails_every_call_with_one_typed_exception_naming_the_batch_and_its_methods()
    {
        await using var portal = await Bitrix24Emulator.StartAsync();
        using var test = TestClient.WithoutRetries(portal);

        var batch = test.Client.Rest3Batch();
        var doc = batch.Add(c => c.Note.Document.AddAsync(new NoteDocumentAddFields { CollectionId = 3, Title = "Plan" }));
        var missing = batch.Add(c => c.Note.Document.GetAsync(0), references: q => q.Set("id", doc.Ref("item.nothing")));
        var thrown = await Assert.ThrowsAsync<Bitrix24Rest3BatchException>(() => batch.ExecuteAsync());

        Assert.Same(thrown, await Assert.ThrowsAsync<Bitrix24Rest3BatchException>(() => doc.Task));
        Assert.Same(thrown, await Assert.ThrowsAsync<Bitrix24Rest3BatchException>(() => missing.Task));
        Assert.Equal("batch", thrown.Method);
        Assert.Equal(new[] { "note.document.add", "note.document.get" }, thrown.Methods);
        Assert.Equal(HttpStatusCode.BadRequest, thrown.StatusCode);
        Assert.Equal("BITRIX_REST_V3_EXCEPTION_INVALIDSELECTEXCEPTION", thrown.RawCode);
        Assert.Contains("note.document.add, note.document.get", thrown.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_validation_error_of_one_call_keeps_its_field()
    {
        await using var portal = await Bitrix24Emulator.StartAsync();
        using var test = TestClient.WithoutRetries(portal);

        var batch = test.Client.Rest3Batch();
        var ok = batch.Add(c => c.Note.Document.AddAsync(new NoteDocumentAddFields { CollectionId = 3, Title = "Plan" }));
        var bad = batch.Add(c => c.Mail.Message.MovetofolderAsync([1], "spam"), references: q => q.Set("messageIds", ok.Ref("item.id")));
        var thrown = await Assert.ThrowsAsync<Bitrix24Rest3BatchException>(() => batch.ExecuteAsync());

        Assert.Equal("BITRIX_REST_V3_EXCEPTION_VALIDATION_REQUESTVALIDATIONEXCEPTION", thrown.RawCode);
        Assert.NotEmpty(thrown.ValidationFor("messageIds"));
        await Assert.ThrowsAsync<Bitrix24Rest3BatchException>(() => bad.Task);
    }

    [Fact]
    public void A_classic_method_is_refused_at_add()
    {
        using var client = Bitrix24Client.FromWebhook("https://portal.bitrix24.com/rest/1/secret/");
        var batch = client.Rest3Batch();

        var refused = Assert.Throws<NotSupportedException>(() => batch.Add(c => c.Calendar.Settings.GetAsync()));

        Assert.Contains("calendar.settings.get", refused.Message, StringComparison.Ordinal);
        Assert.Contains("classic", refused.Message, StringComparison.Ordinal);
        Assert.Equal(0, batch.Count);
        // And the classic batch still refuses REST 3.0 methods.
        Assert.Throws<NotSupportedException>(() => { _ = client.Batch().Add(c => c.Note.Document.GetAsync(1)); });
    }

    [Fact]
    public void Wrong_aliases_and_references_are_refused_at_add()
    {
        using var client = Bitrix24Client.FromWebhook("https://portal.bitrix24.com/rest/1/secret/");
        var batch = client.Rest3Batch();
        var other = client.Rest3Batch();
        var first = batch.Add(c => c.Note.Document.GetAsync(1), "doc");
        var elsewhere = other.Add(c => c.Note.Document.GetAsync(2));

        Assert.Throws<ArgumentException>(() => batch.Add(c => c.Note.Document.GetAsync(3), "doc"));
        Assert.Throws<ArgumentException>(() => batch.Add(c => c.Note.Document.GetAsync(3), "a.b"));
        Assert.Throws<ArgumentException>(() => batch.Add(c => c.Note.Document.GetAsync(0), references: q => q.Set("id", elsewhere.Ref("item.id"))));
        Assert.Throws<ArgumentException>(() => batch.Add(c => c.Note.Document.GetAsync(0), references: q => q.Set("id", Bitrix24Rest3Reference.Ref("later.item.id"))));
        Assert.Throws<ArgumentException>(() => Bitrix24Rest3Reference.RefArray("doc"));
        Assert.Throws<ArgumentException>(() => first.RefArray(""));
        Assert.Throws<ArgumentException>(() => first.Ref("item..id"));
        Assert.Throws<ArgumentException>(() => batch.Add(c => c.Note.Document.GetAsync(0), references: q => q.Set("id.deeper", first.Ref("item.id"))));
        Assert.Throws<ArgumentException>(() => batch.Add(c => Task.FromResult(1)));
        Assert.Equal(1, batch.Count);

        var later = batch.Add(c => c.Note.Document.GetAsync(0), "later", q => q.Set("id", Bitrix24Rest3Reference.Ref("doc.item.id")));
        Assert.Equal("later", later.Alias);
        Assert.Equal(2, batch.Count);
    }

    [Fact]
    public async Task A_write_batch_whose_answer_was_lost_is_retried_under_one_key_and_runs_once()
    {
        await using var portal = await Bitrix24Emulator.StartAsync();
        using var test = TestClient.WithFastRetries(portal);
        portal.InjectFault(new Bitrix24Fault(Bitrix24FaultKind.DropAnswerAfterRunning, Method: "batch"));

        var batch = test.Client.Rest3Batch();
        var doc = batch.Add(c => c.Note.Document.AddAsync(new NoteDocumentAddFields { CollectionId = 1, Title = "Once" }));
        var read = batch.Add(c => c.Note.Document.GetAsync(0), references: q => q.Set("id", doc.Ref("item.id")));
        await batch.ExecuteAsync();
        var next = await test.Client.Note.Document.AddAsync(new NoteDocumentAddFields { CollectionId = 1, Title = "Next" });

        Assert.True((await doc).Replayed);
        Assert.True((await read).Replayed);
        Assert.Equal(2, portal.Requests.Count(request => request.Method == "batch"));
        // The two attempts made one document: the next one takes the following id.
        Assert.Equal((int)(await doc).Value.Item!.Id! + 1, (int)next.Value.Item!.Id!);
    }

    [Fact]
    public async Task An_application_batch_carries_its_token_in_the_body_beside_its_commands()
    {
        await using var portal = await Bitrix24Emulator.StartAsync(new Bitrix24EmulatorOptions { RateLimit = null });
        var issued = portal.IssueTokens();
        var store = new InMemoryBitrix24TokenStore(new Bitrix24OAuthTokens(issued.AccessToken, issued.RefreshToken, portal.RestUrl, issued.ExpiresAt));
        var options = new Bitrix24OAuthOptions { ClientId = portal.OAuthClientId, ClientSecret = portal.OAuthClientSecret, TokenEndpoint = portal.OAuthTokenUrl };
        using var connection = Bitrix24Connection.FromOAuth(options, store);
        var client = new Bitrix24Client(connection);

        var batch = client.Rest3Batch();
        var doc = batch.Add(c => c.Note.Document.AddAsync(new NoteDocumentAddFields { CollectionId = 1, Title = "App" }));
        await batch.ExecuteAsync();

        Assert.Equal("App", (string)(await doc).Value.Item!.Title!);
        // The portal records the body with the token masked.
        Assert.StartsWith("""{"auth":"***","0":{"method":"note.document.add",""", portal.Requests.Single().Body, StringComparison.Ordinal);
    }
}
