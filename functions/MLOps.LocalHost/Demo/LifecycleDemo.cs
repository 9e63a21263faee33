using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace MLOps.LocalHost.Demo;

/// <summary>
/// The end-to-end demo the README's run command starts: drives the running host over real HTTP the way a user
/// would, printing progress, and fails loudly if any step does not do what it should.
/// </summary>
public sealed class LifecycleDemo(Uri baseUrl, string repositoryRoot, TextWriter output)
{
    private const string AdminKey = "dev-admin-key";
    private const string OperationsKey = "dev-operations-key";
    private const string ModelRiskKey = "dev-model-risk-key";
    private const string DataScientistKey = "dev-data-scientist-key";
    private const string DataEngineerKey = "dev-data-engineer-key";
    private const string ApplicationKey = "dev-application-key";

    private const string Project = "credit-scoring";

    private static readonly TimeSpan StepTimeout = TimeSpan.FromMinutes(5);

    private string DataFile => Path.Combine(repositoryRoot, "shared", "data", "credit_data.csv");

    public async Task<int> RunAsync()
    {
        using var http = new HttpClient { BaseAddress = baseUrl, Timeout = TimeSpan.FromSeconds(60) };
        var total = Stopwatch.StartNew();
        try
        {
            await this.CheckHealthAsync(http);
            await this.RunDiagnosticsAsync(http);
            string? landedRun = await this.UploadCreditDataAsync(http);
            await this.RegisterCreditProjectAsync(http);
            await this.IngestCreditDataAsync(http, landedRun);
            (string model, int version) = await this.RunExperimentAsync(http);
            string digest = await this.FollowIntegrationAsync(http, model, version);
            await this.ServeAsync(http, digest);
            await this.VerifyAuditAsync(http);
            output.WriteLine($"Demo finished in {total.Elapsed.TotalSeconds:F1} s.");
            return 0;
        }
        catch (Exception ex) when (ex is DemoFailedException or HttpRequestException or TimeoutException)
        {
            output.WriteLine($"DEMO FAILED: {ex.Message}");
            return 1;
        }
    }

    private async Task CheckHealthAsync(HttpClient http)
    {
        HttpResponseMessage health = await http.GetAsync(new Uri("api/health", UriKind.Relative));
        Expect(health.StatusCode == HttpStatusCode.OK, $"health check answered {health.StatusCode}");
        output.WriteLine($"[1/9] Host is up at {baseUrl} (Azurite storage, Durable Task Framework engine).");
    }

    private async Task RunDiagnosticsAsync(HttpClient http)
    {
        output.WriteLine("[2/9] Diagnostics pipeline: 3 steps, fan-out of 200 activities, then a human approval.");
        JsonElement started = await SendAsync(http, HttpMethod.Post, "api/pipelines/diagnostics", AdminKey,
            new { steps = 3, stepDelayMilliseconds = 200, fanOut = 200, awaitApproval = true }, HttpStatusCode.Accepted);
        string id = started.GetProperty("id").GetString()!;
        output.WriteLine($"      started {id}; status at {started.GetProperty("statusQueryGetUri").GetString()}");

        await this.WaitAsync(http, id, s => s.TryGetProperty("customStatus", out JsonElement c)
            && c.ValueKind == JsonValueKind.Object && c.GetProperty("stage").GetString() == "awaiting-approval");
        output.WriteLine("      approving as dev-operations ...");
        await SendAsync(http, HttpMethod.Post, $"api/instances/{id}/raiseEvent/Approval", OperationsKey,
            new { approvedBy = "dev-operations", approved = true, comment = "demo" }, HttpStatusCode.Accepted);

        JsonElement done = await this.WaitAsync(http, id, s => s.GetProperty("runtimeStatus").GetString() != "Running"
            && s.GetProperty("runtimeStatus").GetString() != "Pending");
        Expect(done.GetProperty("runtimeStatus").GetString() == "Completed", $"diagnostics ended {done.GetProperty("runtimeStatus")}");
        JsonElement report = done.GetProperty("output");
        output.WriteLine($"      completed: {report.GetProperty("stepsCompleted").GetInt32()} steps, " +
            $"{report.GetProperty("fanOutCompleted").GetInt32()} fanned-in results, approved by " +
            $"{report.GetProperty("approval").GetProperty("approvedBy").GetString()}.");
    }

    /// <summary>Lands the data over HTTP; before any spec is registered it waits, on a later demo run it has its run already.</summary>
    private async Task<string?> UploadCreditDataAsync(HttpClient http)
    {
        output.WriteLine("[3/9] Landing: PUT /api/projects/credit-scoring/landing/credit_data.csv (the file's bytes, streamed; no storage SDK).");
        using var upload = new ByteArrayContent(await File.ReadAllBytesAsync(this.DataFile));
        upload.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("text/csv");
        (HttpStatusCode landed, JsonElement answer) = await SendAsync(http, HttpMethod.Put, $"api/projects/{Project}/landing/credit_data.csv", DataEngineerKey, upload);
        if (landed is HttpStatusCode.Created or HttpStatusCode.Accepted)
        {
            output.WriteLine($"      landed {answer.GetProperty("blob").GetString()} ({answer.GetProperty("bytes").GetInt64():N0} bytes, sha256 {answer.GetProperty("sha256").GetString()![..16]}...): " +
                $"{answer.GetProperty("state").GetString()}{(answer.GetProperty("reason").GetString() is { } why ? $" ({why})" : string.Empty)}");
            return answer.GetProperty("pipeline") is { ValueKind: JsonValueKind.Object } pipeline ? pipeline.GetProperty("id").GetString() : null;
        }

        // Landed files are never overwritten: on a second demo run, follow the run the first upload started.
        Expect(landed == HttpStatusCode.Conflict, $"upload answered {(int)landed}: {answer}");
        output.WriteLine("      credit_data.csv landed on an earlier run (409: landed files are never overwritten).");
        return await LandedRunAsync(http);
    }

    private async Task RegisterCreditProjectAsync(HttpClient http)
    {
        output.WriteLine($"[4/9] Requirements: submitting shared/specs/credit-scoring.json with the landed credit_data.csv as its feasibility sample.");
        string spec = await File.ReadAllTextAsync(Path.Combine(repositoryRoot, "shared", "specs", "credit-scoring.json"));
        using var content = new StringContent(spec, System.Text.Encoding.UTF8, "application/json");
        (HttpStatusCode status, JsonElement started) = await SendAsync(
            http, HttpMethod.Post, $"api/projects/{Project}/spec?sample=landing/{Project}/credit_data.csv", AdminKey, content);
        if (status == HttpStatusCode.Accepted)
        {
            JsonElement done = await this.WaitAsync(http, started.GetProperty("id").GetString()!, s => s.GetProperty("runtimeStatus").GetString() is "Completed" or "Failed");
            Expect(done.GetProperty("runtimeStatus").GetString() == "Completed", "requirements failed: " + done);
        }
        else
        {
            Expect(status == HttpStatusCode.Conflict, $"spec submission answered {(int)status}: {started}");
            output.WriteLine("      this spec was submitted before (409); reading the registered version.");
        }

        JsonElement project = await SendAsync(http, HttpMethod.Get, $"api/projects/{Project}", OperationsKey, null, HttpStatusCode.OK);
        JsonElement gates = project.GetProperty("gates");
        output.WriteLine($"      registered {Project} v{project.GetProperty("version").GetInt32()}: gate {gates.GetProperty("acceptance").GetProperty("metric").GetString()} " +
            $"{gates.GetProperty("acceptance").GetProperty("direction").GetString()} {gates.GetProperty("acceptance").GetProperty("threshold").GetDouble()}, " +
            $"{gates.GetProperty("dataRules").GetProperty("columns").GetArrayLength()} column rules, risk tier {gates.GetProperty("approval").GetProperty("tier").GetString()} " +
            $"(production approvers: {string.Join(", ", gates.GetProperty("approval").GetProperty("productionApprovers").EnumerateArray().Select(r => r.GetString()))}); " +
            $"design document at GET /api/projects/{Project}/design");
    }

    private async Task IngestCreditDataAsync(HttpClient http, string? landedRun)
    {
        output.WriteLine("[5/9] Data engineering: the registered spec released the waiting file into the data pipeline.");
        string id = landedRun ?? await LandedRunAsync(http);
        output.WriteLine($"      pipeline {id} (GET /api/projects/{Project}/landing lists it)");

        JsonElement done = await this.WaitAsync(http, id, s => s.GetProperty("runtimeStatus").GetString() is "Completed" or "Failed");
        Expect(done.GetProperty("runtimeStatus").GetString() == "Completed", "data engineering failed: " + done);
        JsonElement ingested = done.GetProperty("output").GetProperty("ingested");
        output.WriteLine($"      ingested {ingested.GetProperty("rows").GetInt64():N0} rows x {ingested.GetProperty("columns").GetArrayLength()} columns, " +
            $"sha256 {ingested.GetProperty("sha256").GetString()![..16]}..., snapshot {ingested.GetProperty("snapshotBlob").GetString()}");
        IEnumerable<string> gaps = done.GetProperty("output").GetProperty("profile").GetProperty("columns").EnumerateArray()
            .Where(c => c.GetProperty("missing").GetInt64() > 0)
            .Select(c => $"{c.GetProperty("name").GetString()} {c.GetProperty("missing").GetInt64()}");
        output.WriteLine($"      profiled: missing values {string.Join(", ", gaps)}");
        JsonElement result = done.GetProperty("output");
        JsonElement quality = result.GetProperty("quality");
        output.WriteLine($"      validated: {quality.GetProperty("status").GetString()}, {quality.GetProperty("warnings").GetArrayLength()} warning(s); report snapshots/{quality.GetProperty("htmlBlob").GetString()}");
        JsonElement published = result.GetProperty("featureSet");
        JsonElement version = published.GetProperty("version");
        output.WriteLine($"      cleaned: {published.GetProperty("rowsRead").GetInt64():N0} rows read, {published.GetProperty("duplicateRowsFound").GetInt64()} exact duplicates found " +
            $"({published.GetProperty("duplicateRowsDropped").GetInt64()} dropped), {published.GetProperty("invalidRowsDropped").GetInt64()} invalid rows dropped, missing values imputed by rule, " +
            $"{published.GetProperty("warnings").GetArrayLength()} change-guard warning(s); report snapshots/{published.GetProperty("cleaningReportHtmlBlob").GetString()}");
        output.WriteLine($"      feature set v{version.GetProperty("version").GetInt32()} ({(published.GetProperty("created").GetBoolean() ? "new" : "same content as before, no new version")}): " +
            $"{version.GetProperty("rows").GetInt64():N0} rows x {version.GetProperty("features").GetArrayLength()} features, sha256 {version.GetProperty("sha256").GetString()![..16]}...");
        JsonElement split = version.GetProperty("split");
        output.WriteLine($"      holdout split recorded in the feature set: {split.GetProperty("strategy").GetString()} {split.GetProperty("fraction").GetDouble():P0} (seed {split.GetProperty("seed").GetInt32()}), " +
            $"{split.GetProperty("holdoutRows").GetInt64():N0} of {split.GetProperty("labelledRows").GetInt64():N0} rows held out; fills, means and categories fitted on the training rows only");
        JsonElement consistency = result.GetProperty("consistency");
        output.WriteLine($"      online store: {result.GetProperty("online").GetProperty("written").GetInt64():N0} rows written; consistency check {consistency.GetProperty("matched").GetInt32()}/{consistency.GetProperty("sampled").GetInt32()} sampled keys equal offline");
        output.WriteLine($"      strongest features: {string.Join(", ", result.GetProperty("statistics").GetProperty("topFeatures").EnumerateArray().Select(f => f.GetString()))}");

        int v = version.GetProperty("version").GetInt32();
        JsonElement online = await SendAsync(http, HttpMethod.Get, $"api/projects/{Project}/online-features?key=1&key=2", OperationsKey, null, HttpStatusCode.OK);
        JsonElement first = online.GetProperty("vectors")[0].GetProperty("values");
        output.WriteLine($"      GET /api/projects/{Project}/online-features?key=1: log_income {first.GetProperty("log_income").GetDouble():F4}, loan_to_price {first.GetProperty("loan_to_price").GetDouble():F4}, ...");
        JsonElement lineage = await SendAsync(http, HttpMethod.Get, $"api/lineage?kind=FeatureSetVersion&id={Project}/v{v}&direction=upstream", OperationsKey, null, HttpStatusCode.OK);
        output.WriteLine($"      lineage of v{v} (GET /api/lineage): " + string.Join("; ", lineage.GetProperty("edges").EnumerateArray()
            .Select(e => $"{e.GetProperty("from").GetProperty("kind").GetString()} -{e.GetProperty("relation").GetString()}-> {e.GetProperty("to").GetProperty("kind").GetString()}")));
    }

    private async Task<(string Model, int Version)> RunExperimentAsync(HttpClient http)
    {
        output.WriteLine("[6/9] Experiment: 24 trials over logistic regression, FastTree and LightGBM, by grid, random, Bayesian (TPE) and genetic search, 3-fold CV.");
        JsonElement started = await SendAsync(http, HttpMethod.Post, "api/pipelines/experiment", DataScientistKey, ExperimentDemo.Request(Project), HttpStatusCode.Accepted);
        JsonElement done = await this.WaitAsync(http, started.GetProperty("id").GetString()!, s => s.GetProperty("runtimeStatus").GetString() is "Completed" or "Failed");
        Expect(done.GetProperty("runtimeStatus").GetString() == "Completed", "experiment failed: " + done);
        JsonElement report = done.GetProperty("output");
        foreach (JsonElement stage in report.GetProperty("stages").EnumerateArray())
        {
            output.WriteLine($"      {stage.GetProperty("strategy").GetString(),-9} {stage.GetProperty("trials").GetInt32()} trials " +
                $"({stage.GetProperty("stopped").GetInt32()} stopped early by the median rule), best CV AUC {stage.GetProperty("bestScore").GetDouble():F4}");
        }

        JsonElement candidate = report.GetProperty("candidate");
        JsonElement registered = report.GetProperty("registered");
        output.WriteLine($"      best run {report.GetProperty("bestRunId").GetString()}: {candidate.GetProperty("algorithm").GetString()}, holdout AUC " +
            $"{candidate.GetProperty("holdoutMetrics").GetProperty("Auc").GetDouble():F4} (gate met: {candidate.GetProperty("meetsAcceptance").GetBoolean()}), " +
            $"ONNX parity max |Δ| {candidate.GetProperty("parityMaxDifference").GetDouble():E1} on {candidate.GetProperty("parityProvider").GetString()}");
        JsonElement holdout = candidate.GetProperty("holdoutMetrics");
        output.WriteLine($"      holdout PR-AUC {holdout.GetProperty("PrAuc").GetDouble():F4}; decision threshold {candidate.GetProperty("threshold").GetProperty("threshold").GetDouble():F4} " +
            $"(chosen on validation rows, never the holdout)");
        output.WriteLine($"      registered {registered.GetProperty("uri").GetString()} as '{registered.GetProperty("alias").GetString()}', " +
            $"MLflow ONNX directory + model card at {registered.GetProperty("artifactPrefix").GetString()}");
        output.WriteLine($"      reports: GET /api/projects/{Project}/reports/models/{registered.GetProperty("model").GetString()}/versions/{registered.GetProperty("version").GetInt32()}/card.html, " +
            $"…/reports/runs/{report.GetProperty("bestRunId").GetString()}/roc.svg, …/reports/feature-sets/latest/quality.html");
        return (registered.GetProperty("model").GetString()!, registered.GetProperty("version").GetInt32());
    }

    /// <summary>The registration's ModelRegistered event started CI; waits for its verdict on the registry version.</summary>
    private async Task<string> FollowIntegrationAsync(HttpClient http, string model, int version)
    {
        output.WriteLine($"[7/9] Continuous integration: the registration event started pipeline 4 (package, then checks fanned out to an ONNX worker).");
        string route = $"api/projects/{Project}/models/{model}/versions/{version}";
        JsonElement package = default;
        var waited = Stopwatch.StartNew();
        while (waited.Elapsed < StepTimeout)
        {
            JsonElement v = await SendAsync(http, HttpMethod.Get, route, OperationsKey, null, HttpStatusCode.OK);
            if (v.TryGetProperty("package", out package) && package.TryGetProperty("checks", out JsonElement c) && c.ValueKind == JsonValueKind.Object)
            {
                break;
            }

            await Task.Delay(TimeSpan.FromSeconds(1));
        }

        Expect(package.ValueKind == JsonValueKind.Object && package.TryGetProperty("checks", out JsonElement checks) && checks.ValueKind == JsonValueKind.Object,
            "no CI build was recorded for the registered version");
        string digest = package.GetProperty("digest").GetString()!;
        checks = package.GetProperty("checks");
        output.WriteLine($"      signed package {digest[..16]}... (GET /api/packages/{digest})");
        JsonElement build = await SendAsync(http, HttpMethod.Get, $"api/projects/{Project}/reports/models/{model}/versions/{version}/build.json", OperationsKey, null, HttpStatusCode.OK);
        foreach (JsonElement result in build.GetProperty("checks").EnumerateArray())
        {
            string verdict = result.TryGetProperty("judged", out JsonElement judged) && !judged.GetBoolean() ? "n/a" : result.GetProperty("passed").GetBoolean() ? "pass" : "FAIL";
            output.WriteLine($"      {verdict,-4} {result.GetProperty("check").GetString(),-34} {Number(result.GetProperty("figure"))} {result.GetProperty("unit").GetString()} " +
                $"({result.GetProperty("comparison")} {Number(result.GetProperty("bound"))})");
        }

        output.WriteLine(checks.GetProperty("passed").GetBoolean()
            ? "      verdict: PackageBuilt, every check passed."
            : $"      verdict: BuildFailed on {string.Join(", ", checks.GetProperty("failedChecks").EnumerateArray().Select(f => f.GetString()))} — the spec's bounds decide; " +
              "the package stays built and signed for inspection on a staging endpoint; gating production on the verdict is pipeline 5 (continuous deployment).");
        output.WriteLine($"      report: GET /api/projects/{Project}/reports/models/{model}/versions/{version}/build.html");
        return digest;
    }

    /// <summary>Points a staging endpoint at the package and scores raw records as they land, over HTTP.</summary>
    private async Task ServeAsync(HttpClient http, string digest)
    {
        const string Endpoint = "staging";
        output.WriteLine($"[8/9] Serving: PUT /api/projects/{Project}/endpoints/{Endpoint} with the package; raw records scored on the ONNX worker.");
        using var body = JsonContent.Create(new { package = digest });
        (HttpStatusCode status, JsonElement deployed) = await SendAsync(http, HttpMethod.Put, $"api/projects/{Project}/endpoints/{Endpoint}", OperationsKey, body);
        Expect(status is HttpStatusCode.OK or HttpStatusCode.Created, $"deployment answered {(int)status}: {deployed}");
        JsonElement saved = deployed.GetProperty("endpoint");
        output.WriteLine($"      endpoint revision {saved.GetProperty("revision").GetInt32()}, deployment {saved.GetProperty("deployments")[0].GetProperty("id").GetString()}, " +
            $"loaded on {deployed.GetProperty("loadedOn").GetArrayLength()} worker(s)");
        string[] lines = File.ReadLines(this.DataFile).Take(4).ToArray();
        // The bundled file quotes its header and has no commas inside values: a plain split is enough for three records.
        string[] header = [.. lines[0].Split(',').Select(h => h.Trim('"'))];
        var rows = lines.Skip(1).Select(l => header.Zip(l.Split(',').Select(v => v.Trim('"')), (h, v) => (h, v)).Where(p => p.h != "Status").ToDictionary(p => p.h, p => p.v)).ToArray();
        JsonElement scored = await SendAsync(http, HttpMethod.Post, $"api/projects/{Project}/endpoints/{Endpoint}/score", ApplicationKey, new { rows }, HttpStatusCode.OK);
        foreach ((JsonElement result, int i) in scored.GetProperty("results").EnumerateArray().Select((r, i) => (r, i)))
        {
            output.WriteLine($"      row {i + 1}: score {result.GetProperty("score").GetDouble():F4} → {result.GetProperty("label").GetString()}");
        }

        output.WriteLine($"      answered by {scored.GetProperty("model").GetString()} v{scored.GetProperty("modelVersion").GetInt32()}, package {scored.GetProperty("package").GetString()![..16]}..., " +
            $"request {scored.GetProperty("requestId").GetString()} (logged with inputs and outputs under the 'requests' container)");
    }

    private static string Number(JsonElement value) =>
        value.ValueKind == JsonValueKind.Number ? value.GetDouble().ToString("G4", System.Globalization.CultureInfo.InvariantCulture) : "-";

    private async Task VerifyAuditAsync(HttpClient http)
    {
        JsonElement verification = await SendAsync(http, HttpMethod.Get, "api/audit/verify", ModelRiskKey, null, HttpStatusCode.OK);
        Expect(verification.GetProperty("intact").GetBoolean(), "audit chain is broken: " + verification);
        output.WriteLine($"[9/9] Audit trail: {verification.GetProperty("recordsChecked").GetInt64()} hash-chained records, chain intact.");
    }

    /// <summary>The data pipeline run of the landed credit_data.csv, once the landing listing names it.</summary>
    private static async Task<string> LandedRunAsync(HttpClient http)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < StepTimeout)
        {
            JsonElement files = await SendAsync(http, HttpMethod.Get, $"api/projects/{Project}/landing", OperationsKey, null, HttpStatusCode.OK);
            if (files.EnumerateArray().FirstOrDefault(f => f.GetProperty("file").GetString() == "credit_data.csv") is { ValueKind: JsonValueKind.Object } file
                && file.GetProperty("instanceId").GetString() is { } id)
            {
                return id;
            }

            await Task.Delay(250);
        }

        throw new TimeoutException("the landed credit_data.csv was not started within the step timeout");
    }

    private async Task<JsonElement> WaitAsync(HttpClient http, string id, Func<JsonElement, bool> until)
    {
        var clock = Stopwatch.StartNew();
        string? lastProgress = null;
        while (clock.Elapsed < StepTimeout)
        {
            using HttpRequestMessage request = new(HttpMethod.Get, $"api/instances/{id}");
            request.Headers.Add("x-api-key", OperationsKey);
            using HttpResponseMessage response = await http.SendAsync(request);
            if (response.StatusCode != HttpStatusCode.NotFound)
            {
                JsonElement status = await response.Content.ReadFromJsonAsync<JsonElement>();
                string progress = status.TryGetProperty("customStatus", out JsonElement c) && c.ValueKind == JsonValueKind.Object
                    ? $"{c.GetProperty("stage").GetString()} {c.GetProperty("completed").GetInt32()}/{c.GetProperty("total").GetInt32()}"
                    : status.GetProperty("runtimeStatus").GetString()!;
                if (progress != lastProgress)
                {
                    output.WriteLine($"      ... {progress} ({clock.Elapsed.TotalSeconds:F1} s)");
                    lastProgress = progress;
                }

                if (until(status))
                {
                    return status;
                }
            }

            await Task.Delay(250);
        }

        throw new TimeoutException($"instance {id} did not reach the expected state within {StepTimeout.TotalMinutes} minutes");
    }

    private static async Task<JsonElement> SendAsync(
        HttpClient http, HttpMethod method, string path, string key, object? body, HttpStatusCode expected)
    {
        using HttpContent? content = body is null ? null : JsonContent.Create(body);
        (HttpStatusCode status, JsonElement json) = await SendAsync(http, method, path, key, content);
        Expect(status == expected, $"{method} {path} answered {(int)status}: {json}");
        return json;
    }

    private static async Task<(HttpStatusCode Status, JsonElement Json)> SendAsync(
        HttpClient http, HttpMethod method, string path, string key, HttpContent? content)
    {
        using HttpRequestMessage request = new(method, path) { Content = content };
        request.Headers.Add("x-api-key", key);
        using HttpResponseMessage response = await http.SendAsync(request);
        string text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone());
    }

    private static void Expect(bool condition, string failure)
    {
        if (!condition)
        {
            throw new DemoFailedException(failure);
        }
    }
}

public sealed class DemoFailedException(string message) : Exception(message);
