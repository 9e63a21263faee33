using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using MLOps.Core.Landing;
using MLOps.IntegrationTests.Infrastructure;
using Xunit.Abstractions;

namespace MLOps.IntegrationTests.Hostile;

/// <summary>
/// The hostile-input acceptance suite: every case of <c>hostile-corpus.json</c> against the real host on Azurite.
/// Each must end in a 4xx problem body (or, for landed data, a failed run whose reason names the problem, or no
/// run at all); no 5xx; no .NET type names in answers. Afterwards the host is alive, the waiting run still waits,
/// no feature-set or model version appeared, no blob was left behind for a refused project, no staging blob is
/// left, no host log line was split by a name, every refused score request that reached the endpoint is in its
/// request log, and the audit chain verifies.
/// </summary>
public sealed class HostileInputTests(HostileHostFixture fixture, ITestOutputHelper output) : IClassFixture<HostileHostFixture>
{
    /// <summary>A corpus name holding a newline followed by this must never start a log line of its own.</summary>
    private const string LogMarker = "INJECTED-LOG-LINE";

    private static readonly string[] EventTypes =
        ["MLOps.Diagnostics.Requested", "MLOps.Registry.ModelRegistered", "Microsoft.Storage.BlobCreated", "Microsoft.EventGrid.SubscriptionValidationEvent"];

    private static readonly string[] ReceiptLists = ["accepted", "duplicates"];

    private static readonly string[] InternalNames = ["System.", "MLOps.", "Microsoft.", "Azure.", "Exception", "(Parameter '"];

    [Fact]
    public async Task Every_hostile_case_is_refused_cleanly_and_the_platform_stays_whole()
    {
        IReadOnlyList<HostileCase> corpus = HostileCase.Load();
        Assert.All(corpus.Where(c => c.Landing is null && c.Concurrent == 1), c => Assert.All(c.Expect, s => Assert.InRange(s, 400, 499)));
        var failures = new List<string>();
        var byClass = new SortedDictionary<string, (int Cases, int Failed, TimeSpan Time)>(StringComparer.Ordinal);
        int versionsBefore = await this.FeatureSetVersionsAsync();
        DateTimeOffset started = DateTimeOffset.UtcNow.AddSeconds(-1);
        var landed = new List<(HostileCase Case, string Name, string? ETag, string Refusal)>();
        var clock = Stopwatch.StartNew();

        for (int i = 0; i < corpus.Count; i++)
        {
            HostileCase c = corpus[i];
            CorpusMacros macros = this.Macros(i);
            var timer = Stopwatch.StartNew();
            List<string> problems = [];
            if (c.Landing is not null)
            {
                landed.Add(await this.LandAsync(c, macros));
            }
            else if (c.Concurrent > 1)
            {
                problems = await this.ConcurrentAsync(c, macros);
            }
            else
            {
                problems = await this.RequestAsync(c, macros);
            }

            Tally(byClass, c.Class, problems.Count > 0, timer.Elapsed);
            failures.AddRange(problems.Select(p => $"[{c.Class}] {c.Title}: {p}"));
        }

        var landingTimer = Stopwatch.StartNew();
        TimeSpan casesTime = clock.Elapsed;
        try
        {
            failures.AddRange(await this.JudgeLandingAsync(landed));
            casesTime = clock.Elapsed;
            failures.AddRange(await this.PlatformStaysWholeAsync(versionsBefore));
            failures.AddRange(await this.RefusedScoresAreLoggedAsync(corpus, started));
        }
        catch (HttpRequestException ex)
        {
            await Task.Delay(1000);
            failures.Add($"the host stopped answering ({ex.Message}; exited: {fixture.Host.HasExited}):\n{Tail(fixture.Host.Output)}");
        }

        output.WriteLine($"Setup (Azurite, host, registration, waiting run): {fixture.SetupTime.TotalSeconds:F1} s");
        output.WriteLine($"{corpus.Count} cases in {casesTime.TotalSeconds:F1} s (landing verdicts {landingTimer.Elapsed.TotalSeconds:F1} s); whole-platform checks after.");
        foreach ((string name, (int cases, int failed, TimeSpan time)) in byClass)
        {
            output.WriteLine($"  {name,-14} {cases,4} cases  {failed,3} failed  {time.TotalSeconds,6:F2} s");
        }

        output.WriteLine($"Answers: {string.Join(", ", this.statuses.OrderBy(s => s.Key).Select(s => $"{s.Key}: {s.Value}"))}");
        foreach (string failure in failures)
        {
            output.WriteLine(failure);
        }

        foreach ((HostileCase c, string name, _, string refusal) in landed.Where(l => l.Refusal.Length > 0))
        {
            output.WriteLine($"  storage itself refused landing name {Printable(name)} ({refusal}); case {c.Title} checks nothing more");
        }

        Assert.True(failures.Count == 0, $"{failures.Count} failure(s):\n" + string.Join("\n", failures));
    }

    private static void Tally(SortedDictionary<string, (int Cases, int Failed, TimeSpan Time)> byClass, string name, bool failed, TimeSpan time)
    {
        (int cases, int failedCount, TimeSpan total) = byClass.GetValueOrDefault(name);
        byClass[name] = (cases + 1, failedCount + (failed ? 1 : 0), total + time);
    }

    private CorpusMacros Macros(int index) => new(new Dictionary<string, string>
    {
        ["project"] = fixture.Project,
        ["second"] = fixture.Second,
        ["waiting"] = fixture.WaitingInstance,
        ["endpoint"] = fixture.Endpoint,
        ["fresh"] = $"fresh-{index}-{Guid.NewGuid().ToString("N")[..6]}",
        ["guid"] = Guid.NewGuid().ToString(),
        ["marker"] = LogMarker,
    });

    private readonly Dictionary<string, int> statuses = [];

    private async Task<List<string>> RequestAsync(HostileCase c, CorpusMacros macros)
    {
        (int? status, string? mediaType, string text) = await this.SendAsync(c, macros);
        string key = status?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "none";
        this.statuses[key] = this.statuses.GetValueOrDefault(key) + 1;
        return Judge(c, status, mediaType, text);
    }

    private static List<string> Judge(HostileCase c, int? status, string? mediaType, string text)
    {
        if (status is null)
        {
            return [$"no answer: {text}"];
        }

        List<string> problems = [];
        if (!c.Expect.Contains(status.Value))
        {
            problems.Add($"answered {status} (expected {string.Join(" or ", c.Expect)}): {Trim(text)}");
        }

        if (status is >= 400 and < 500)
        {
            if (mediaType != "application/problem+json")
            {
                problems.Add($"answered {status} without a problem body ({mediaType ?? "no content type"}): {Trim(text)}");
            }

            // Event types are the senders' own public names (MLOps.Diagnostics.Requested), not .NET types.
            string withoutEventTypes = EventTypes.Aggregate(text, (t, type) => t.Replace(type, string.Empty, StringComparison.Ordinal));
            problems.AddRange(InternalNames.Where(n => withoutEventTypes.Contains(n, StringComparison.Ordinal)).Select(n => $"the answer names internals ('{n}'): {Trim(text)}"));
            problems.AddRange(c.Mentions.Where(m => !text.Contains(m, StringComparison.OrdinalIgnoreCase)).Select(m => $"the answer does not mention '{m}': {Trim(text)}"));
        }

        return problems;
    }

    private async Task<(int? Status, string? MediaType, string Text)> SendAsync(HostileCase c, CorpusMacros macros)
    {
        using var request = new HttpRequestMessage(new HttpMethod(c.Method), macros.Expand(c.Path!));
        if (c.Key != "none")
        {
            request.Headers.TryAddWithoutValidation("x-api-key", HostileHostFixture.KeyFor(c.Key));
        }

        foreach ((string name, string value) in c.Headers ?? [])
        {
            request.Headers.TryAddWithoutValidation(name, macros.Expand(value));
        }

        if (Body(c, macros) is { } body)
        {
            request.Content = new ByteArrayContent(Encoding.UTF8.GetBytes(body));
            request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(c.ContentType ?? "application/json");
        }

        try
        {
            using HttpResponseMessage response = await fixture.Host.Http.SendAsync(request);
            return ((int)response.StatusCode, response.Content.Headers.ContentType?.MediaType, await response.Content.ReadAsStringAsync());
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
        {
            return (null, null, $"{ex.GetType().Name}: {ex.Message} (host exited: {fixture.Host.HasExited})");
        }
    }

    private static string? Body(HostileCase c, CorpusMacros macros)
    {
        if (c.SpecOf is [string file, string project])
        {
            JsonObject spec = Projects.Spec(file, macros.Expand(project));
            foreach ((string path, JsonNode? value) in c.SpecEdits ?? [])
            {
                string[] steps = path.Split('.');
                JsonObject parent = steps[..^1].Aggregate(spec, (node, step) => node[step]!.AsObject());
                if (value is null)
                {
                    parent.Remove(steps[^1]);
                }
                else
                {
                    parent[steps[^1]] = value.DeepClone();
                }
            }

            return spec.ToJsonString();
        }

        string? text = c.Body ?? c.Json?.ToJsonString();
        return text is null ? null : macros.Expand(text);
    }

    private async Task<List<string>> ConcurrentAsync(HostileCase c, CorpusMacros macros)
    {
        (int? Status, string? MediaType, string Text)[] answers = await Task.WhenAll(Enumerable.Range(0, c.Concurrent).Select(_ => this.SendAsync(c, macros)));
        List<string> problems = [.. answers.Where(a => a.Status is null or >= 500).Select(a => $"answered {a.Status?.ToString() ?? "nothing"}: {Trim(a.Text)}")];
        JsonElement[] bodies = [.. answers.Where(a => a.Text.StartsWith('{') || a.Text.StartsWith('[')).Select(a => JsonDocument.Parse(a.Text).RootElement.Clone())];
        foreach ((string what, int expected) in c.Counts ?? [])
        {
            int actual = what.All(char.IsAsciiDigit)
                ? answers.Count(a => a.Status?.ToString(System.Globalization.CultureInfo.InvariantCulture) == what)
                : bodies.Sum(b => b.TryGetProperty(what, out JsonElement list) && list.ValueKind == JsonValueKind.Array ? list.GetArrayLength() : 0);
            if (actual != expected)
            {
                problems.Add($"{actual} answers counted as '{what}', expected {expected}: [{string.Join(", ", answers.Select(a => a.Status))}]");
            }
        }

        string[] instances = [.. bodies.SelectMany(InstanceIds).Distinct(StringComparer.Ordinal)];
        if (instances.Length != 1)
        {
            problems.Add($"the answers name {instances.Length} instances ({string.Join(", ", instances)}), expected one");
        }

        List<JsonElement> audit = await this.AuditAsync();
        foreach (string id in instances)
        {
            int starts = audit.Count(r => r.GetProperty("action").GetString() == "pipeline.start" && r.GetProperty("target").GetString()!.EndsWith("/" + id, StringComparison.Ordinal));
            if (starts != 1)
            {
                problems.Add($"{starts} 'pipeline.start' audit records for instance {id}, expected 1");
            }
        }

        return problems;
    }

    private static IEnumerable<string> InstanceIds(JsonElement body) =>
        body.ValueKind != JsonValueKind.Object ? []
        : body.TryGetProperty("id", out JsonElement id) && body.TryGetProperty("statusQueryGetUri", out _) ? [id.GetString()!]
        : ReceiptLists.SelectMany(list => body.TryGetProperty(list, out JsonElement items)
            ? items.EnumerateArray().Select(e => e.GetProperty("instanceId").GetString()!)
            : []);

    private async Task<(HostileCase, string, string?, string)> LandAsync(HostileCase c, CorpusMacros macros)
    {
        string name = macros.Expand(c.Landing!);
        byte[] content = c.ContentBase64 is { } b64 ? Convert.FromBase64String(b64) : Encoding.UTF8.GetBytes(macros.Expand(c.Content ?? string.Empty));
        BlobContainerClient landing = fixture.Blobs.GetBlobContainerClient("landing");
        await landing.CreateIfNotExistsAsync();
        try
        {
            BlobContentInfo info = (await landing.GetBlobClient(name).UploadAsync(BinaryData.FromBytes(content), overwrite: true)).Value;
            return (c, name, info.ETag.ToString(), string.Empty);
        }
        catch (Exception ex) when (ex is RequestFailedException or ArgumentException or UriFormatException)
        {
            return (c, name, null, ex is RequestFailedException r ? r.ErrorCode ?? r.Status.ToString(System.Globalization.CultureInfo.InvariantCulture) : ex.GetType().Name);
        }
    }

    private async Task<List<string>> JudgeLandingAsync(List<(HostileCase Case, string Name, string? ETag, string Refusal)> landed)
    {
        List<string> failures = [];
        if (landed.Count == 0)
        {
            return failures;
        }

        // The watcher lists the container on every poll: once a blob landed after all the others has been seen
        // (a file for an unregistered project is listed as waiting), every earlier blob has been seen too.
        string sentinelProject = $"sentinel-{Guid.NewGuid().ToString("N")[..8]}";
        await fixture.Blobs.GetBlobContainerClient("landing").GetBlobClient($"{sentinelProject}/s.csv").UploadAsync(BinaryData.FromString("a\n1\n"));
        if (await this.WaitForLandedAsync(sentinelProject, $"{sentinelProject}/s.csv") is null)
        {
            return ["the landing watcher did not pick up a blob within 60 s"];
        }

        foreach ((HostileCase c, string name, string? etag, _) in landed.Where(l => l.ETag is not null))
        {
            string id = new LandingBlob("landing", name, etag!).PipelineInstanceId();
            ApiResponse status = await PlatformFixture.Send(fixture.Host.Http, HttpMethod.Get, $"api/instances/{Uri.EscapeDataString(id)}", HostileHostFixture.AdminKey);
            string title = $"[{c.Class}] {c.Title} ({Printable(name)})";
            if (c.Outcome == "waiting")
            {
                // Data for a project without a registered spec waits for it: listed as waiting, no run started.
                string project = name[..name.IndexOf('/', StringComparison.Ordinal)];
                JsonElement? entry = await this.WaitForLandedAsync(project, name);
                if (entry is not { } waiting || waiting.GetProperty("state").GetString() != "Waiting")
                {
                    failures.Add($"{title}: not listed as waiting: {entry}");
                }

                if (status.Status != HttpStatusCode.NotFound)
                {
                    failures.Add($"{title}: a run was started ({status.Status}): {status.Json}");
                }

                continue;
            }

            if (c.Outcome == "nothing-started")
            {
                if (status.Status is not (HttpStatusCode.NotFound or HttpStatusCode.BadRequest))
                {
                    failures.Add($"{title}: a run was started ({status.Status}): {status.Json}");
                }

                continue;
            }

            if (await this.WaitAsync(id, PlatformFixture.IsFinished) is not { } done)
            {
                failures.Add($"{title}: the run did not finish within 60 s");
                continue;
            }

            string reason = done.TryGetProperty("failureDetails", out JsonElement f) && f.ValueKind == JsonValueKind.Object ? f.GetProperty("errorMessage").GetString()! : string.Empty;
            if (done.GetProperty("runtimeStatus").GetString() != "Failed")
            {
                failures.Add($"{title}: the run ended {done.GetProperty("runtimeStatus").GetString()}, expected Failed");
            }

            failures.AddRange(c.Mentions.Where(m => !reason.Contains(m, StringComparison.OrdinalIgnoreCase)).Select(m => $"{title}: the run's reason does not mention '{m}': {Trim(reason)}"));
        }

        return failures;
    }

    /// <summary>Every score request that reached the existing endpoint is in its request log, refused as it was.</summary>
    private async Task<List<string>> RefusedScoresAreLoggedAsync(IReadOnlyList<HostileCase> corpus, DateTimeOffset from)
    {
        int reached = corpus.Count(c => c.Class == "serving" && c.Path == "api/projects/{{project}}/endpoints/{{endpoint}}/score");
        await using var log = new MLOps.Core.Serving.RequestLog.BlobRequestLog(fixture.Blobs, Microsoft.Extensions.Logging.Abstractions.NullLogger<MLOps.Core.Serving.RequestLog.BlobRequestLog>.Instance);
        var statuses = new List<int>();
        await foreach (MLOps.Core.Serving.RequestLog.RequestLogEntry entry in log.ReadAsync(fixture.Project, fixture.Endpoint, from, DateTimeOffset.UtcNow.AddSeconds(1)))
        {
            statuses.Add(entry.Status);
        }

        List<string> failures = [];
        if (statuses.Count != reached || statuses.Any(s => s is < 400 or > 499))
        {
            failures.Add($"the request log of {fixture.Endpoint} holds {statuses.Count} entries ({string.Join(", ", statuses)}); {reached} refused score requests reached it");
        }

        return failures;
    }

    private async Task<List<string>> PlatformStaysWholeAsync(int versionsBefore)
    {
        List<string> failures = [];
        if (fixture.Host.HasExited)
        {
            return [$"the host died:\n{Tail(fixture.Host.Output)}"];
        }

        ApiResponse health = await PlatformFixture.Send(fixture.Host.Http, HttpMethod.Get, "api/health", null);
        if (health.Status != HttpStatusCode.OK)
        {
            failures.Add($"health answered {health.Status}");
        }

        ApiResponse waiting = await PlatformFixture.Send(fixture.Host.Http, HttpMethod.Get, $"api/instances/{fixture.WaitingInstance}", HostileHostFixture.AdminKey);
        if (!HostileHostFixture.IsAwaitingApproval(waiting.Json))
        {
            failures.Add($"the run waiting for its approval no longer waits: {waiting.Json}");
        }

        int versionsAfter = await this.FeatureSetVersionsAsync();
        if (versionsAfter != versionsBefore)
        {
            failures.Add($"feature-set versions of {fixture.Project}: {versionsBefore} before, {versionsAfter} after");
        }

        // Nothing refused can have trained and registered a model (the default model name is the project's).
        ApiResponse model = await PlatformFixture.Send(fixture.Host.Http, HttpMethod.Get, $"api/projects/{fixture.Project}/models/{fixture.Project}", HostileHostFixture.AdminKey);
        if (model.Status != HttpStatusCode.NotFound)
        {
            failures.Add($"a model was registered for {fixture.Project}: {model.Status} {model.Json}");
        }

        ApiResponse verify = await PlatformFixture.Send(fixture.Host.Http, HttpMethod.Get, "api/audit/verify", "dev-model-risk-key");
        if (!verify.Json.GetProperty("intact").GetBoolean())
        {
            failures.Add($"the audit chain does not verify: {verify.Json}");
        }

        await foreach (BlobItem blob in fixture.Blobs.GetBlobContainerClient("projects").GetBlobsAsync())
        {
            if (!blob.Name.StartsWith(fixture.Project + "/", StringComparison.Ordinal) && !blob.Name.StartsWith(fixture.Second + "/", StringComparison.Ordinal))
            {
                failures.Add($"a refused submission left projects/{Printable(blob.Name)}");
            }
        }

        await foreach (BlobItem blob in fixture.Blobs.GetBlobContainerClient("snapshots").GetBlobsAsync(new GetBlobsOptions { Prefix = "_staging/" }))
        {
            failures.Add($"a staging blob was left half-written: snapshots/{blob.Name}");
        }

        failures.AddRange(fixture.Host.Output.Split('\n')
            .Where(line => line.TrimStart().StartsWith(LogMarker, StringComparison.Ordinal))
            .Select(line => $"a name split the host log; a line starts with the injected text: {Trim(line)}"));
        return failures;
    }

    private async Task<JsonElement?> WaitAsync(string instanceId, Func<JsonElement, bool> until)
    {
        try
        {
            return await PlatformFixture.WaitFor(fixture.Host.Http, HostileHostFixture.AdminKey, instanceId, until, TimeSpan.FromSeconds(60));
        }
        catch (Exception ex) when (ex is TimeoutException or HttpRequestException)
        {
            return null;
        }
    }

    /// <summary>The landing listing's entry for <paramref name="blob"/> once the watcher has recorded it, or null after 60 s.</summary>
    private async Task<JsonElement?> WaitForLandedAsync(string project, string blob)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (clock.Elapsed < TimeSpan.FromSeconds(60))
        {
            ApiResponse list = await PlatformFixture.Send(fixture.Host.Http, HttpMethod.Get, $"api/projects/{project}/landing", HostileHostFixture.AdminKey);
            if (list.Json.ValueKind == JsonValueKind.Array
                && list.Json.EnumerateArray().FirstOrDefault(e => e.GetProperty("blob").GetString() == blob) is { ValueKind: JsonValueKind.Object } found)
            {
                return found;
            }

            await Task.Delay(250);
        }

        return null;
    }

    private async Task<int> FeatureSetVersionsAsync()
    {
        ApiResponse list = await PlatformFixture.Send(fixture.Host.Http, HttpMethod.Get, $"api/projects/{fixture.Project}/feature-sets", HostileHostFixture.AdminKey);
        return list.Json.ValueKind == JsonValueKind.Array ? list.Json.GetArrayLength() : -1;
    }

    private async Task<List<JsonElement>> AuditAsync()
    {
        var records = new List<JsonElement>();
        while (true)
        {
            ApiResponse page = await PlatformFixture.Send(fixture.Host.Http, HttpMethod.Get, $"api/audit?after={records.Count}&take=1000", "dev-model-risk-key");
            records.AddRange(page.Json.EnumerateArray());
            if (page.Json.GetArrayLength() < 1000)
            {
                return records;
            }
        }
    }

    private static string Trim(string text) => Printable(text.Length > 300 ? text[..300] + "…" : text);

    private static string Printable(string text) => string.Concat(text.Select(ch => char.IsControl(ch) ? $"\\u{(int)ch:X4}" : ch.ToString()));

    private static string Tail(string text) => text.Length > 4000 ? text[^4000..] : text;
}
