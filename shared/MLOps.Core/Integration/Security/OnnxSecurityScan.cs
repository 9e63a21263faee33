using MLOps.Core.Packaging.Onnx;

namespace MLOps.Core.Integration.Security;

/// <summary>
/// Reads an ONNX model's protobuf without running it and reports what would let it reach beyond its package or
/// load code: external-data references (any; worse when absolute or climbing out with ".."), operators and opset
/// imports outside the allowed domains (custom operators), opset versions outside the vetted range, an oversized file.
/// A file that cannot be read (truncated, garbage, a bad varint, nesting past the limit, no ir_version or graph)
/// is a <see cref="OnnxFindingKind.Malformed"/> finding with its reason and offset: the scan never throws on content.
/// </summary>
public static class OnnxSecurityScan
{
    /// <summary>Findings kept in a report; the rest are counted in <see cref="OnnxScanReport.OmittedFindings"/>.</summary>
    public const int MaxFindings = 200;

    private const string StandardDomain = "ai.onnx";

    public static OnnxScanReport Scan(ReadOnlySpan<byte> model, OnnxScanOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (model.Length > options.MaxBytes)
        {
            return TooLarge(model.Length, options);
        }

        OnnxModelFacts facts;
        try
        {
            facts = OnnxModelReader.Read(model, options.MaxDepth);
        }
        catch (MalformedModelException e)
        {
            return Malformed(model.Length, "file", $"Not a readable ONNX model at byte {e.Offset}: {e.Reason}.");
        }

        if (facts.IrVersion is null || !facts.HasGraph)
        {
            return Malformed(model.Length, "ModelProto", $"Not an ONNX model: it has no {(facts.IrVersion is null ? "ir_version" : "graph")}.");
        }

        return Judge(model.Length, facts, options);
    }

    /// <summary>Reads at most <see cref="OnnxScanOptions.MaxBytes"/> + 1 bytes, so an oversized file is refused unread.</summary>
    public static async Task<OnnxScanReport> ScanAsync(Stream model, OnnxScanOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(options);
        using var buffer = new MemoryStream();
        byte[] chunk = new byte[81920];
        int read;
        while ((read = await model.ReadAsync(chunk.AsMemory(0, (int)Math.Min(chunk.Length, options.MaxBytes + 1 - buffer.Length)), cancellationToken)) > 0)
        {
            buffer.Write(chunk, 0, read);
            if (buffer.Length > options.MaxBytes)
            {
                return TooLarge(buffer.Length, options, atLeast: true);
            }
        }

        return Scan(buffer.GetBuffer().AsSpan(0, (int)buffer.Length), options);
    }

    private static OnnxScanReport Judge(long bytes, OnnxModelFacts facts, OnnxScanOptions options)
    {
        var allowed = options.AllowedDomains.Select(Normalise).ToHashSet(StringComparer.Ordinal);
        List<OnnxFinding> findings = [];
        foreach ((string domain, long version, string where) in facts.Opsets)
        {
            string name = Normalise(domain);
            if (!allowed.Contains(name))
            {
                findings.Add(new OnnxFinding(OnnxFindingKind.DomainNotAllowed, where, $"imports opset {version} of domain '{domain}', which is not allowed ({string.Join(", ", allowed)})."));
            }
            else if (Range(name, options) is { } range && (version < range.Min || version > range.Max))
            {
                findings.Add(new OnnxFinding(OnnxFindingKind.OpsetOutOfRange, where, $"imports {name} opset {version}, outside {range.Min}..{range.Max}."));
            }
        }

        var functions = facts.Functions.Select(f => (Normalise(f.Domain), f.Name)).ToHashSet();
        foreach (var custom in facts.Nodes.Where(n => !allowed.Contains(Normalise(n.Domain))).GroupBy(n => (Normalise(n.Domain), n.OpType)))
        {
            (string domain, string op) = custom.Key;
            string local = functions.Contains((domain, op)) ? " (defined by a model-local function)" : string.Empty;
            findings.Add(new OnnxFinding(
                OnnxFindingKind.CustomOperator,
                custom.First().Where,
                $"{custom.Count()} node(s) run operator '{op}' of domain '{domain}'{local}, which is not allowed."));
        }

        // ONNX requires an opset import for every domain a node uses; a model without any cannot bind an operator.
        var imported = facts.Opsets.Select(o => Normalise(o.Domain)).ToHashSet(StringComparer.Ordinal);
        if (imported.Count == 0)
        {
            findings.Add(new OnnxFinding(OnnxFindingKind.MissingOpset, "opset_import", "the model imports no opset, so none of its operators is defined."));
        }
        else
        {
            foreach (var unbound in facts.Nodes.Where(n => allowed.Contains(Normalise(n.Domain)) && !imported.Contains(Normalise(n.Domain))).GroupBy(n => Normalise(n.Domain)))
            {
                findings.Add(new OnnxFinding(OnnxFindingKind.MissingOpset, unbound.First().Where, $"{unbound.Count()} node(s) use domain '{unbound.Key}' but the model imports no opset of it."));
            }
        }

        foreach ((string name, string where, IReadOnlyList<string> locations, bool declared) in facts.ExternalTensors)
        {
            findings.Add(External(name, where, locations, declared));
        }

        string[] operators = [.. facts.Nodes.Select(n => $"{Normalise(n.Domain)}/{n.OpType}").Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];
        OnnxOpset[] opsets = [.. facts.Opsets.Select(o => new OnnxOpset(Normalise(o.Domain) == StandardDomain ? string.Empty : o.Domain, o.Version))];
        return new OnnxScanReport(bytes, facts.IrVersion, opsets, operators, [.. findings.Take(MaxFindings)], Math.Max(0, findings.Count - MaxFindings));
    }

    private static OnnxFinding External(string name, string where, IReadOnlyList<string> locations, bool declared)
    {
        string tensor = name.Length == 0 ? "an unnamed tensor" : $"tensor '{name}'";
        if (locations.Count == 0)
        {
            return new OnnxFinding(OnnxFindingKind.ExternalData, where, $"{tensor} {(declared ? "declares its data external" : "has external_data entries")} without a location.");
        }

        foreach (string location in locations)
        {
            if (ExternalPaths.IsAbsolute(location))
            {
                return new OnnxFinding(OnnxFindingKind.AbsoluteExternalPath, where, $"{tensor} reads its data from the absolute path '{location}'.");
            }

            if (ExternalPaths.Escapes(location))
            {
                return new OnnxFinding(OnnxFindingKind.EscapingExternalPath, where, $"{tensor} reads its data from '{location}', which climbs out of the package directory.");
            }
        }

        return new OnnxFinding(OnnxFindingKind.ExternalData, where, $"{tensor} keeps its data outside the model file, in '{string.Join("', '", locations)}'.");
    }

    private static (long Min, long Max)? Range(string domain, OnnxScanOptions options) => domain switch
    {
        StandardDomain => (options.MinOnnxOpset, options.MaxOnnxOpset),
        "ai.onnx.ml" => (options.MinOnnxMlOpset, options.MaxOnnxMlOpset),
        _ => null,
    };

    /// <summary>"" and "ai.onnx" both name the standard operator set.</summary>
    private static string Normalise(string domain) => domain.Length == 0 ? StandardDomain : domain;

    private static OnnxScanReport TooLarge(long bytes, OnnxScanOptions options, bool atLeast = false) =>
        new(bytes, null, [], [], [new OnnxFinding(OnnxFindingKind.TooLarge, "file", $"{(atLeast ? "more than " : string.Empty)}{(atLeast ? options.MaxBytes : bytes)} bytes, over the limit of {options.MaxBytes}; not read.")]);

    private static OnnxScanReport Malformed(long bytes, string where, string reason) =>
        new(bytes, null, [], [], [new OnnxFinding(OnnxFindingKind.Malformed, where, reason)]);
}
