using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Bitrix24.Generated.Note;

namespace Bitrix24.Generated.Client.Tests;

/// <summary>
/// A shipped spec marked <c>api: v3</c> gives a client method that calls REST 3.0: its address, a JSON body, and for
/// a write an idempotency key kept across the retry of a lost answer.
/// </summary>
public sealed class Rest3ClientTests
{
    private const string Webhook = "https://portal.bitrix24.com/rest/1/rest3secretcode/";

    [Fact]
    public async Task A_rest3_write_goes_to_rest_api_and_is_retried_under_one_key_after_a_lost_answer()
    {
        var portal = new LosingPortal(lose: 1, """{"result":{"item":{"id":7}},"time":{"start":1,"finish":1,"duration":0,"processing":0,"date_start":"2026-04-30T10:15:00+02:00","date_finish":"2026-04-30T10:15:00+02:00","operating_reset_at":1777530300,"operating":0}}""");
        using var http = new HttpClient(portal);
        var options = new Bitrix24ConnectionOptions
        {
            RateLimiter = null,
            Retry = new Bitrix24RetryOptions { MaxAttempts = 3, BaseDelay = TimeSpan.FromMilliseconds(1), MaxDelay = TimeSpan.FromMilliseconds(5) },
        };
        using var connection = new Bitrix24Connection(http, Bitrix24Webhook.Parse(Webhook), options);
        var client = new Bitrix24Client(connection);

        await client.Note.Document.AddAsync(new NoteDocumentAddFields { CollectionId = 3, Title = "Plan" });

        Assert.Equal(2, portal.Requests.Count);
        Assert.All(portal.Requests, request =>
        {
            Assert.Equal("/rest/api/1/rest3secretcode/note.document.add", request.Path);
            Assert.Equal("application/json", request.ContentType);
            Assert.Contains("\"title\":\"Plan\"", request.Body, StringComparison.Ordinal);
        });
        var keys = portal.Requests.Select(request => request.IdempotencyKey).Distinct().ToList();
        Assert.NotNull(Assert.Single(keys));
    }

    [Fact]
    public async Task A_classic_write_beside_it_keeps_the_classic_address_and_sends_no_key()
    {
        var portal = new LosingPortal(lose: 0, """{"result":5}""");
        using var http = new HttpClient(portal);
        using var connection = new Bitrix24Connection(http, Bitrix24Webhook.Parse(Webhook), new Bitrix24ConnectionOptions { RateLimiter = null });
        var client = new Bitrix24Client(connection);

        await client.Calendar.Section.AddAsync(Calendar.CalendarOwnerType.User, "Team", ownerId: 1);

        var request = Assert.Single(portal.Requests);
        Assert.Equal("/rest/1/rest3secretcode/calendar.section.add", request.Path);
        Assert.Null(request.IdempotencyKey);
    }

    private sealed record Seen(string Path, string? ContentType, string Body, string? IdempotencyKey);

    /// <summary>Answers every call with one body, after dropping the first <c>lose</c> answers as a broken connection would.</summary>
    private sealed class LosingPortal(int lose, string answer) : HttpMessageHandler
    {
        private int _lost;

        public List<Seen> Requests { get; } = [];

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var body = await request.Content!.ReadAsStringAsync(cancellationToken);
            var key = request.Headers.TryGetValues("Idempotency-Key", out var values) ? values.Single() : null;
            lock (Requests)
            {
                Requests.Add(new Seen(request.RequestUri!.AbsolutePath, request.Content.Headers.ContentType?.MediaType, body, key));
            }

            if (Interlocked.Increment(ref _lost) <= lose)
            {
                throw new HttpRequestException("The connection was closed before the answer.", new System.IO.IOException("reset"));
            }

            return new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(answer, Encoding.UTF8, "application/json") };
        }
    }
}
