using System.Globalization;
using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using MLOps.Core.Audit;
using MLOps.Core.FeatureStore;
using MLOps.Core.FeatureStore.Offline;
using MLOps.Core.Serving.Endpoints;
using MLOps.Core.Serving.RequestLog;
using MLOps.Core.Serving.Workers;
using MLOps.IntegrationTests.Infrastructure;
using MLOps.LocalHost.Workers;
using Xunit.Abstractions;

namespace MLOps.IntegrationTests.Serving;

/// <summary>
/// Traffic splitting end to end on the embedded host, a real Azurite and a real ONNX worker: two versions of one
/// credit project, trained and packaged by the real pipelines, behind one endpoint; requests by entity key (the
/// online store's features) routed by the table, mirrored copies in the request log, and a table shifted under load.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class TrafficTests(PlatformFixture platform, ITestOutputHelper output)
{
    private static readonly Lock Gate = new();

    private static Task<TwoVersions>? versions;

    [Fact]
    public async Task A_seventy_thirty_table_answers_each_share_within_five_points_and_keys_stick_to_their_deployment()
    {
        TwoVersions model = await this.VersionsAsync();
        string traffic = $"api/projects/{model.Project}/endpoints/split/traffic";
        object Table(int first, int second, object? expectedRevision = null) => new
        {
            weights = new[] { new { package = model.V1, trafficPercent = first }, new { package = model.V2, trafficPercent = second } },
            reason = "split for the test",
            expectedRevision,
        };

        // The override is an operator's: no key, an application's or a data scientist's is refused.
        Assert.Equal(HttpStatusCode.Unauthorized, (await platform.SendAsync(HttpMethod.Put, traffic, null, Table(70, 30, 0))).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await platform.SendAsync(HttpMethod.Put, traffic, TestKeys.Application, Table(70, 30, 0))).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await platform.SendAsync(HttpMethod.Put, traffic, TestKeys.DataScientist, Table(70, 30, 0))).Status);

        // Bad tables and unconditional changes are 400s naming the field; an unknown package is a 404.
        ApiResponse sum = await platform.SendAsync(HttpMethod.Put, traffic, TestKeys.Operations, Table(70, 20, 0));
        Assert.Equal((HttpStatusCode.BadRequest, "weights: the trafficPercent shares must sum to 100, not 90"), (sum.Status, sum.Json.GetProperty("errors")[0].GetString()));
        ApiResponse blind = await platform.SendAsync(HttpMethod.Put, traffic, TestKeys.Operations, Table(70, 30));
        Assert.Equal(HttpStatusCode.BadRequest, blind.Status);
        Assert.StartsWith("expectedRevision: is required (or the If-Match header)", blind.Json.GetProperty("errors")[0].GetString(), StringComparison.Ordinal);
        ApiResponse unknown = await platform.SendAsync(HttpMethod.Put, traffic, TestKeys.Operations, new
        {
            weights = new[] { new { package = model.V1, trafficPercent = 50 }, new { package = new string('9', 64), trafficPercent = 50 } },
            reason = "typo",
            expectedRevision = 0,
        });
        Assert.Equal(HttpStatusCode.NotFound, unknown.Status);
        Assert.StartsWith("weights[1].package: no built package has digest 9999", unknown.Json.GetProperty("detail").GetString(), StringComparison.Ordinal);

        ApiResponse created = await platform.SendAsync(HttpMethod.Put, traffic, TestKeys.Operations, Table(70, 30, 0));
        Assert.True(created.Status == HttpStatusCode.Created, $"{created.Status}: {created.Json}");
        Assert.Equal("\"1\"", created.Headers.ETag?.Tag);
        Assert.NotEmpty(created.Json.GetProperty("loadedOn").EnumerateArray());

        // The same table again (conditional on the ETag read) is no new revision; a stale If-Match is a conflict.
        ApiResponse same = await SendWithIfMatchAsync(traffic, "\"1\"", Table(30 + 40, 30));
        Assert.Equal((HttpStatusCode.OK, false, 1), (same.Status, same.Json.GetProperty("changed").GetBoolean(), same.Json.GetProperty("endpoint").GetProperty("revision").GetInt32()));
        ApiResponse stale = await SendWithIfMatchAsync(traffic, "\"5\"", Table(50, 50));
        Assert.Equal(HttpStatusCode.Conflict, stale.Status);
        Assert.Contains("is at revision 1, not 5", stale.Json.GetProperty("detail").GetString(), StringComparison.Ordinal);

        ApiResponse read = await platform.SendAsync(HttpMethod.Get, $"api/projects/{model.Project}/endpoints/split", TestKeys.Business);
        Assert.Equal(1, read.Json.GetProperty("revision").GetInt32());
        Assert.Equal(
            [(model.V1, 70.0, 0.0), (model.V2, 30.0, 0.0)],
            read.Json.GetProperty("deployments").EnumerateArray()
                .Select(d => (d.GetProperty("package").GetString()!, d.GetProperty("trafficPercent").GetDouble(), d.GetProperty("mirrorPercent").GetDouble()))
                .OrderByDescending(d => d.Item2));

        // 1,200 requests of one entity key each, four at a time: the answered shares.
        var load = new LoadGenerator(platform.Http, TestKeys.Application);
        string score = $"api/projects/{model.Project}/endpoints/split/score";
        IReadOnlyList<LoadSample> first = await load.RunAsync(score, i => KeyBody(model.Keys[i]), 1200, 4, TimeSpan.FromMinutes(2));
        Assert.Equal(1200, first.Count);
        Assert.All(first, s => Assert.True(s.Status == 200, $"request {s.Index}: {s.Status} {s.Error}"));
        double v1Share = 100.0 * first.Count(s => s.Deployment == model.V1Id) / first.Count;
        output.WriteLine($"70/30: {first.Count} requests, {v1Share:F1}% answered by v1 ({model.V1Id}), {100 - v1Share:F1}% by v2 ({model.V2Id})");
        Assert.InRange(v1Share, 65, 75);
        Assert.Equal(first.Count, first.Count(s => s.Deployment == model.V1Id || s.Deployment == model.V2Id));

        // The same keys again reach the same deployments; a client's routing key keeps its requests on one.
        IReadOnlyList<LoadSample> again = await load.RunAsync(score, i => KeyBody(model.Keys[i]), 300, 4, TimeSpan.FromMinutes(1));
        Assert.Equal(first.Take(300).Select(s => s.Deployment), again.Select(s => s.Deployment));
        IReadOnlyList<LoadSample> client = await load.RunAsync(score, i => KeyBody(model.Keys[i]), 40, 4, TimeSpan.FromMinutes(1), _ => "client-7");
        Assert.Single(client.Select(s => s.Deployment).Distinct());
        Assert.True(client.Count(s => s.Status == 200) == 40, string.Join("; ", client.Select(s => s.Error)));

        // One audit record for revision 1, by the operator, with the reason.
        AuditRecord[] audited = await this.AuditAsync(model.Project, "split");
        AuditRecord revision = Assert.Single(audited);
        Assert.Equal(($"serving/{model.Project}/split/r1", "operations", EndpointTrafficService.AuditAction), (revision.EventId, revision.Actor, revision.Action));
        Assert.EndsWith("reason: split for the test", revision.Outcome, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_mirror_never_answers_and_each_mirrored_request_has_its_own_log_entry_naming_the_request_it_copies()
    {
        TwoVersions model = await this.VersionsAsync();
        DateTimeOffset from = DateTimeOffset.UtcNow.AddSeconds(-1);
        ApiResponse shadow = await platform.SendAsync(HttpMethod.Put, $"api/projects/{model.Project}/endpoints/shadow/traffic", TestKeys.Operations, new
        {
            weights = new object[] { new { package = model.V1, trafficPercent = 100 }, new { package = model.V2, trafficPercent = 0, mirrorPercent = 50 } },
            reason = "shadow v2",
            expectedRevision = 0,
        });
        Assert.True(shadow.Status == HttpStatusCode.Created, $"{shadow.Status}: {shadow.Json}");

        var load = new LoadGenerator(platform.Http, TestKeys.Application);
        IReadOnlyList<LoadSample> answered = await load.RunAsync(
            $"api/projects/{model.Project}/endpoints/shadow/score", i => KeyBody(model.Keys[i]), 300, 4, TimeSpan.FromMinutes(1));
        Assert.All(answered, s => Assert.Equal((200, model.V1Id), (s.Status, s.Deployment)));

        // The answered entries name their mirror; each mirrored one gets its copy's entry, written in the background.
        Dictionary<string, RequestLogEntry> log = await this.WaitForLogAsync(model.Project, "shadow", from, answered, entries =>
            entries.Values.Where(e => e.Mirror is not null).All(e => entries.ContainsKey(e.RequestId + ".mirror")));
        RequestLogEntry[] entries = [.. answered.Select(s => log[s.RequestId!])];
        RequestLogEntry[] mirrored = [.. entries.Where(e => e.Mirror is not null)];
        double share = 100.0 * mirrored.Length / entries.Length;
        output.WriteLine($"mirror 50%: {mirrored.Length} of {entries.Length} requests mirrored ({share:F1}%)");
        Assert.InRange(share, 40, 60);
        Assert.All(entries, e => Assert.Equal((model.V1Id, null), (e.Deployment, e.MirrorOf)));
        Assert.All(mirrored, e =>
        {
            Assert.Equal(model.V2Id, e.Mirror);
            RequestLogEntry copy = log[e.RequestId + ".mirror"];
            Assert.Equal((e.RequestId, model.V2Id, model.V2, 200, null), (copy.MirrorOf, copy.Deployment, copy.Package, copy.Status, copy.Mirror));
            Assert.Equal(e.Inputs!.ToJsonString(), copy.Inputs!.ToJsonString());
            Assert.Equal(e.Outputs![0].Key, copy.Outputs![0].Key);
            Assert.NotNull(copy.Outputs[0].Score);
        });
        Assert.DoesNotContain(entries.Where(e => e.Mirror is null), e => log.ContainsKey(e.RequestId + ".mirror"));
    }

    [Fact]
    public async Task Shifting_the_table_under_load_from_one_version_to_the_other_fails_no_request_and_unloads_the_retired_one()
    {
        TwoVersions model = await this.VersionsAsync();
        string endpoint = $"api/projects/{model.Project}/endpoints/shift";
        ApiResponse start = await platform.SendAsync(HttpMethod.Put, endpoint, TestKeys.Operations, new { package = model.V1, expectedRevision = 0 });
        Assert.True(start.Status == HttpStatusCode.Created, $"{start.Status}: {start.Json}");

        using var stop = new CancellationTokenSource();
        var load = new LoadGenerator(platform.Http, TestKeys.Application);
        Task<IReadOnlyList<LoadSample>> running = load.RunAsync(
            $"{endpoint}/score", i => KeyBody(model.Keys[i % model.Keys.Count]), LoadGenerator.MaxRequests, 4, TimeSpan.FromMinutes(2), stop: stop.Token);

        // 100/0 (v2 loaded, warm) → 50/50 → 0/100 → v2 alone (v1 retired), each after a second and a half of load.
        (int V1, int V2)[] steps = [(100, 0), (50, 50), (0, 100), (-1, 100)];
        var changed = new List<(DateTimeOffset Before, DateTimeOffset After)>();
        foreach ((int v1, int v2) in steps)
        {
            await Task.Delay(TimeSpan.FromSeconds(1.5));
            object[] weights = v1 < 0
                ? [new { package = model.V2, trafficPercent = v2 }]
                : [new { package = model.V1, trafficPercent = v1 }, new { package = model.V2, trafficPercent = v2 }];
            DateTimeOffset before = DateTimeOffset.UtcNow;
            ApiResponse put = await platform.SendAsync(HttpMethod.Put, $"{endpoint}/traffic", TestKeys.Operations, new { weights, reason = "rollout", expectedRevision = changed.Count + 1 });
            Assert.True(put.Status == HttpStatusCode.OK, $"{put.Status}: {put.Json}");
            changed.Add((before, DateTimeOffset.UtcNow));
        }

        // Past the drain (Serving:RetireDrainSeconds is 2 here): v1 leaves the worker while requests keep coming.
        InferenceWorkerPool pool = platform.Services.GetRequiredService<InferenceWorkerPool>();
        string v1Name = $"{model.Project}.shift.{model.V1Id}", v2Name = $"{model.Project}.shift.{model.V2Id}";
        bool unloaded = false;
        for (int i = 0; i < 40 && !unloaded; i++)
        {
            await Task.Delay(250);
            unloaded = (await Task.WhenAll((await pool.GetReadyAsync()).Select(w => w.IsModelReadyAsync(v1Name)))).All(ready => !ready);
        }

        await Task.Delay(TimeSpan.FromSeconds(1));
        await stop.CancelAsync();
        IReadOnlyList<LoadSample> samples = await running;

        int failed = samples.Count(s => s.Status != 200);
        output.WriteLine($"shift under load: {samples.Count} requests over {(samples[^1].Ended - samples[0].Started).TotalSeconds:F1} s, {failed} failed; " +
            string.Join(", ", Phases(samples, changed).Select((p, i) => $"phase {i}: {p.Count(s => s.Deployment == model.V1Id)} v1 / {p.Count(s => s.Deployment == model.V2Id)} v2")));
        Assert.True(failed == 0, string.Join("; ", samples.Where(s => s.Status != 200).Take(5).Select(s => $"{s.Status} {s.Error}")));
        Assert.True(unloaded, "v1 was still loaded on a worker well after its drain");
        Assert.All(await Task.WhenAll((await pool.GetReadyAsync()).Select(w => w.IsModelReadyAsync(v2Name))), Assert.True);

        // The table is read per request: a request sent after a change returned follows it, one answered before it
        // began followed the one before.
        IReadOnlyList<LoadSample>[] phases = Phases(samples, changed);
        Assert.All(samples.Where(s => s.Ended < changed[1].Before), s => Assert.Equal(model.V1Id, s.Deployment));
        Assert.All(samples.Where(s => s.Started > changed[2].After), s => Assert.Equal(model.V2Id, s.Deployment));
        Assert.Contains(phases[2], s => s.Deployment == model.V1Id);
        Assert.Contains(phases[2], s => s.Deployment == model.V2Id);
        Assert.NotEmpty(phases[4]);

        // Five revisions, each audited once: the PUT of one package, then the four tables.
        Assert.Equal(Enumerable.Range(1, 5).Select(r => $"serving/{model.Project}/shift/r{r}"), (await this.AuditAsync(model.Project, "shift")).Select(r => r.EventId));
    }

    /// <summary>Requests sent after each change returned and answered before the next began: phase 0 precedes the first change.</summary>
    private static IReadOnlyList<LoadSample>[] Phases(IReadOnlyList<LoadSample> samples, List<(DateTimeOffset Before, DateTimeOffset After)> changes) =>
    [
        .. Enumerable.Range(0, changes.Count + 1).Select(i => (IReadOnlyList<LoadSample>)[.. samples.Where(s =>
            (i == 0 || s.Started > changes[i - 1].After) && (i == changes.Count || s.Ended < changes[i].Before))]),
    ];

    private static string KeyBody(string key) => JsonSerializer.Serialize(new { keys = new[] { key } });

    private async Task<ApiResponse> SendWithIfMatchAsync(string path, string ifMatch, object body)
    {
        using var request = new HttpRequestMessage(HttpMethod.Put, path) { Content = JsonContent(body) };
        request.Headers.Add("x-api-key", TestKeys.Operations);
        request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        using HttpResponseMessage response = await platform.Http.SendAsync(request);
        string text = await response.Content.ReadAsStringAsync();
        return new ApiResponse(response.StatusCode, response.Content.Headers.ContentType?.MediaType, JsonDocument.Parse(text).RootElement.Clone(), response.Headers);
    }

    private static StringContent JsonContent(object body) =>
        new(JsonSerializer.Serialize(body, JsonSerializerOptions.Web), System.Text.Encoding.UTF8, "application/json");

    private async Task<AuditRecord[]> AuditAsync(string project, string endpoint)
    {
        var found = new List<AuditRecord>();
        await foreach (AuditRecord record in platform.Services.GetRequiredService<IAuditLog>().ReadAsync())
        {
            if (record.EventId?.StartsWith($"serving/{project}/{endpoint}/", StringComparison.Ordinal) == true)
            {
                found.Add(record);
            }
        }

        return [.. found];
    }

    /// <summary>The log's entries of the window by request id, once every answered request is there and <paramref name="complete"/> holds.</summary>
    private async Task<Dictionary<string, RequestLogEntry>> WaitForLogAsync(
        string project, string endpoint, DateTimeOffset from, IReadOnlyList<LoadSample> answered, Func<Dictionary<string, RequestLogEntry>, bool> complete)
    {
        IRequestLog log = platform.Services.GetRequiredService<IRequestLog>();
        for (int attempt = 0; ; attempt++)
        {
            var entries = new Dictionary<string, RequestLogEntry>(StringComparer.Ordinal);
            await foreach (RequestLogEntry entry in log.ReadAsync(project, endpoint, from, DateTimeOffset.UtcNow.AddSeconds(1)))
            {
                entries[entry.RequestId] = entry;
            }

            if ((answered.All(s => entries.ContainsKey(s.RequestId!)) && complete(entries)) || attempt == 40)
            {
                return entries;
            }

            await Task.Delay(250);
        }
    }

    private Task<TwoVersions> VersionsAsync()
    {
        lock (Gate)
        {
            return versions ??= this.TrainTwoVersionsAsync();
        }
    }

    /// <summary>The shared credit project's version 1 and a version 2 trained on it, with the entity keys the online store holds.</summary>
    private async Task<TwoVersions> TrainTwoVersionsAsync()
    {
        (string project, string v1) = await platform.SharedAsync();
        string v2 = (await platform.TrainNextVersionAsync(project)).Digest;
        await platform.Services.GetRequiredService<LocalWorkers>().Joined.WaitAsync(TimeSpan.FromMinutes(2));

        OfflineFeatureStore offline = platform.Services.GetRequiredService<OfflineFeatureStore>();
        var keys = new List<string>();
        await foreach (FeatureFrame frame in offline.ReadAsync((await offline.GetAsync(project, "1"))!))
        {
            keys.AddRange(frame.Keys);
        }

        Assert.NotEqual(v1, v2);
        output.WriteLine($"{project}: v1 {v1}, v2 {v2}, {keys.Count} entity keys");
        return new TwoVersions(project, v1, v2, [.. keys.Take(1200)]);
    }

    private sealed record TwoVersions(string Project, string V1, string V2, IReadOnlyList<string> Keys)
    {
        public string V1Id => Deployment.IdFor(this.V1);

        public string V2Id => Deployment.IdFor(this.V2);
    }
}
