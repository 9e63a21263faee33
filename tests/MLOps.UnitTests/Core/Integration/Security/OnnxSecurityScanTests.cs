using Google.Protobuf;
using MLOps.Core.Integration;
using MLOps.Core.Integration.Security;
using MLOps.Training.Onnx;
using MLOps.Training.Trainers;
using MLOps.Training.Training;
using MLOps.UnitTests.Training.Trainers;
using Xunit.Abstractions;
using static MLOps.UnitTests.Core.Integration.Security.OnnxBytes;

namespace MLOps.UnitTests.Core.Integration.Security;

public sealed class OnnxSecurityScanTests(ITestOutputHelper output)
{
    private static readonly OnnxScanOptions Options = new();

    private static readonly Lazy<byte[]> TreeModel = new(() =>
        OnnxModelExporter.Export(ModelTrainer.Train(ModelTrainerTests.Linear(200), Algorithm.FastTreeRegression, ModelTrainerTests.Small, seed: 1)));

    private static readonly Lazy<byte[]> LinearModel = new(() =>
        OnnxModelExporter.Export(ModelTrainer.Train(ModelTrainerTests.ThreeClasses(90), Algorithm.LogisticRegression, seed: 1)));

    private static byte[] Standard(params byte[][] nodes) => Model(8, [Opset("", 13)], Graph(nodes));

    [Fact]
    public void Models_the_platform_exports_with_mlnet_pass_the_scan()
    {
        foreach (byte[] model in new[] { TreeModel.Value, LinearModel.Value })
        {
            OnnxScanReport report = OnnxSecurityScan.Scan(model, Options);

            output.WriteLine($"{model.Length} bytes, IR {report.IrVersion}, opsets {string.Join(", ", report.Opsets)}; {string.Join(", ", report.Operators)}");
            Assert.True(report.Passed, string.Join("; ", report.Findings));
            Assert.True(report.IrVersion >= 3);
            Assert.Contains(report.Opsets, o => o.Domain.Length == 0 && o.Version is >= 7 and <= 21);
            Assert.Contains(report.Operators, o => o.StartsWith("ai.onnx.ml/", StringComparison.Ordinal));
            CheckResult result = report.ToCheckResult();
            Assert.Equal((CheckNames.OnnxSecurity, true, 0.0), (result.Check, result.Passed, result.Figure));
        }
    }

    /// <summary>The files of tests/reference/onnx_security_models.py (built with the onnx package) and what it says each must raise.</summary>
    [Theory]
    [InlineData("clean.onnx", null, null)]
    [InlineData("external-data.onnx", OnnxFindingKind.ExternalData, "graph.initializer[0]")]
    [InlineData("absolute-path.onnx", OnnxFindingKind.AbsoluteExternalPath, "graph.initializer[0]")]
    [InlineData("parent-path.onnx", OnnxFindingKind.EscapingExternalPath, "graph.initializer[0]")]
    [InlineData("constant-attribute-path.onnx", OnnxFindingKind.EscapingExternalPath, "graph.node[0].attribute[0].t")]
    [InlineData("custom-domain.onnx", OnnxFindingKind.CustomOperator, "graph.node[0]")]
    [InlineData("opset-too-high.onnx", OnnxFindingKind.OpsetOutOfRange, "opset_import[0]")]
    [InlineData("subgraph-custom-op.onnx", OnnxFindingKind.CustomOperator, "graph.node[0].attribute[1].g.node[0]")]
    [InlineData("local-function.onnx", OnnxFindingKind.CustomOperator, "graph.node[0]")]
    public void Hostile_models_built_with_the_onnx_package_are_caught(string file, OnnxFindingKind? kind, string? where)
    {
        byte[] model = File.ReadAllBytes(Path.Combine(TestPaths.RepositoryRoot, "tests", "reference", "onnx-security", file));

        OnnxScanReport report = OnnxSecurityScan.Scan(model, Options);

        output.WriteLine(report.ToCheckResult().Describe());
        if (kind is null)
        {
            Assert.True(report.Passed, string.Join("; ", report.Findings));
            Assert.Equal(["ai.onnx/Add"], report.Operators);
            return;
        }

        Assert.Contains(report.Findings, f => f.Kind == kind && f.Where == where);
        Assert.False(report.ToCheckResult().Passed);
    }

    [Fact]
    public void A_custom_domain_is_named_in_its_import_and_a_local_function_is_recognised()
    {
        byte[] custom = File.ReadAllBytes(Path.Combine(TestPaths.RepositoryRoot, "tests", "reference", "onnx-security", "custom-domain.onnx"));
        byte[] local = File.ReadAllBytes(Path.Combine(TestPaths.RepositoryRoot, "tests", "reference", "onnx-security", "local-function.onnx"));

        OnnxScanReport customReport = OnnxSecurityScan.Scan(custom, Options);
        OnnxScanReport localReport = OnnxSecurityScan.Scan(local, Options);

        Assert.Equal(
            [new OnnxFinding(OnnxFindingKind.DomainNotAllowed, "opset_import[1]", "imports opset 1 of domain 'com.example.evil', which is not allowed (ai.onnx, ai.onnx.ml)."),
             new OnnxFinding(OnnxFindingKind.CustomOperator, "graph.node[0]", "1 node(s) run operator 'Backdoor' of domain 'com.example.evil', which is not allowed.")],
            customReport.Findings);
        Assert.Contains("(defined by a model-local function)", localReport.Findings.Single(f => f.Kind == OnnxFindingKind.CustomOperator).Detail, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("weights.bin", OnnxFindingKind.ExternalData)]
    [InlineData("data/../weights.bin", OnnxFindingKind.ExternalData)]
    [InlineData("/etc/shadow", OnnxFindingKind.AbsoluteExternalPath)]
    [InlineData("\\\\server\\share\\w.bin", OnnxFindingKind.AbsoluteExternalPath)]
    [InlineData("C:\\Windows\\win.ini", OnnxFindingKind.AbsoluteExternalPath)]
    [InlineData("file:///etc/passwd", OnnxFindingKind.AbsoluteExternalPath)]
    [InlineData("../weights.bin", OnnxFindingKind.EscapingExternalPath)]
    [InlineData("data/../../weights.bin", OnnxFindingKind.EscapingExternalPath)]
    [InlineData("data\\..\\..\\weights.bin", OnnxFindingKind.EscapingExternalPath)]
    public void Every_external_data_location_is_a_finding_and_the_worst_paths_are_named(string location, OnnxFindingKind kind)
    {
        byte[] model = Model(8, [Opset("", 13)], Graph([Node("Add")], [Tensor("w", location)]));

        OnnxFinding finding = Assert.Single(OnnxSecurityScan.Scan(model, Options).Findings);

        Assert.Equal((kind, "graph.initializer[0]"), (finding.Kind, finding.Where));
        Assert.Contains($"'{location}'", finding.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void External_data_in_a_tensor_attribute_inside_a_subgraph_is_found()
    {
        byte[] inner = Graph([Node("Constant", "", TensorAttribute("value", Tensor("c", "/etc/passwd")))]);
        byte[] model = Standard(Node("If", "", GraphAttribute("then_branch", inner)));

        OnnxFinding finding = Assert.Single(OnnxSecurityScan.Scan(model, Options).Findings);

        Assert.Equal((OnnxFindingKind.AbsoluteExternalPath, "graph.node[0].attribute[0].g.node[0].attribute[0].t"), (finding.Kind, finding.Where));
        Assert.Equal("tensor 'c' reads its data from the absolute path '/etc/passwd'.", finding.Detail);
    }

    [Theory]
    [InlineData("", 6, OnnxFindingKind.OpsetOutOfRange)]
    [InlineData("", 22, OnnxFindingKind.OpsetOutOfRange)]
    [InlineData("ai.onnx", 30, OnnxFindingKind.OpsetOutOfRange)]
    [InlineData("ai.onnx.ml", 6, OnnxFindingKind.OpsetOutOfRange)]
    [InlineData("com.microsoft", 1, OnnxFindingKind.DomainNotAllowed)]
    public void Opsets_outside_the_vetted_range_or_domains_are_findings(string domain, long version, OnnxFindingKind kind)
    {
        byte[] model = Model(8, [Opset("", 13), Opset(domain, version)], Graph([Node("Add")]));

        OnnxFinding finding = Assert.Single(OnnxSecurityScan.Scan(model, Options).Findings);

        Assert.Equal((kind, "opset_import[1]"), (finding.Kind, finding.Where));
    }

    [Fact]
    public void The_opset_range_is_configurable_and_the_edges_are_inside()
    {
        Assert.True(OnnxSecurityScan.Scan(Model(8, [Opset("", 7)], Graph([Node("Add")])), Options).Passed);
        Assert.True(OnnxSecurityScan.Scan(Model(8, [Opset("", 21), Opset("ai.onnx.ml", 5)], Graph([Node("Add")])), Options).Passed);
        Assert.True(OnnxSecurityScan.Scan(Model(8, [Opset("", 23)], Graph([Node("Add")])), Options with { MaxOnnxOpset = 23 }).Passed);
    }

    [Fact]
    public void Custom_operators_are_counted_per_operator_and_a_used_domain_must_be_imported()
    {
        byte[] custom = Standard(Node("Backdoor", "com.evil"), Node("Add"), Node("Backdoor", "com.evil"), Node("Exfiltrate", "com.evil"));
        byte[] unbound = Model(8, [Opset("ai.onnx.ml", 3)], Graph([Node("Add"), Node("TreeEnsembleRegressor", "ai.onnx.ml")]));
        byte[] none = Model(8, [], Graph([Node("TreeEnsembleRegressor", "ai.onnx.ml")]));

        Assert.Equal(
            ["graph.node[0]: 2 node(s) run operator 'Backdoor' of domain 'com.evil', which is not allowed.", "graph.node[3]: 1 node(s) run operator 'Exfiltrate' of domain 'com.evil', which is not allowed."],
            OnnxSecurityScan.Scan(custom, Options).Findings.Select(f => $"{f.Where}: {f.Detail}"));
        OnnxFinding missing = Assert.Single(OnnxSecurityScan.Scan(unbound, Options).Findings);
        Assert.Equal((OnnxFindingKind.MissingOpset, "graph.node[0]"), (missing.Kind, missing.Where));
        Assert.Equal(OnnxFindingKind.MissingOpset, Assert.Single(OnnxSecurityScan.Scan(none, Options).Findings).Kind);
    }

    [Fact]
    public async Task A_file_over_the_size_limit_is_refused_unread()
    {
        byte[] model = Standard(Node("Add"));
        var stream = new MemoryStream(new byte[10_000_000]);

        OnnxScanReport small = OnnxSecurityScan.Scan(model, Options with { MaxBytes = model.Length - 1 });
        OnnxScanReport streamed = await OnnxSecurityScan.ScanAsync(stream, Options with { MaxBytes = 1000 });

        Assert.Equal(OnnxFindingKind.TooLarge, Assert.Single(small.Findings).Kind);
        Assert.Equal(OnnxFindingKind.TooLarge, Assert.Single(streamed.Findings).Kind);
        Assert.Equal(1001, stream.Position);
        Assert.True((await OnnxSecurityScan.ScanAsync(new MemoryStream(model), Options)).Passed);
    }

    public static TheoryData<string, byte[], string> MalformedFiles => new()
    {
        { "empty file", [], "no ir_version" },
        { "a graph but no ir_version", Write(o => Embedded(o, 7, Graph([Node("Add")]))), "no ir_version" },
        { "an ir_version but no graph", Model(8, [Opset("", 13)], null), "no graph" },
        { "eleven 0xFF bytes: a varint past 64 bits", [.. Enumerable.Repeat((byte)0xFF, 11)], "varint" },
        { "a varint cut short", [0x08, 0x80], "truncated" },
        { "a length past the end", [0x3A, 0x64, 0x0A], "claims 100 bytes but only 1 remain" },
        { "field number 0", [0x00, 0x01], "field number 0" },
        { "a group", [0x0B], "group" },
        { "wire type 7", [0x0F], "invalid wire type 7" },
        { "ir_version as a string", Write(o => Text(o, 1, "8")), "ModelProto.ir_version has wire type LengthDelimited, expected Varint" },
        { "a graph as a number", Write(o => Varint(o, 7, 1)), "ModelProto.graph has wire type Varint, expected LengthDelimited" },
        { "an op_type that is not UTF-8", Model(8, [Opset("", 13)], Write(o => Embedded(o, 1, Write(n => Embedded(n, 4, [0xC3, 0x28]))))), "not valid UTF-8" },
    };

    [Theory]
    [MemberData(nameof(MalformedFiles))]
    public void A_malformed_file_is_a_failed_finding_with_its_reason(string name, byte[] model, string reason)
    {
        OnnxScanReport report = OnnxSecurityScan.Scan(model, Options);

        OnnxFinding finding = Assert.Single(report.Findings);
        Assert.True(finding.Kind == OnnxFindingKind.Malformed, name);
        Assert.Contains(reason, finding.Detail, StringComparison.Ordinal);
        Assert.False(report.ToCheckResult().Passed);
    }

    [Fact]
    public void Nesting_past_the_limit_is_malformed_not_a_stack_overflow()
    {
        byte[] graph = Graph([Node("Add")]);
        for (int i = 0; i < 1000; i++)
        {
            graph = Graph([Node("If", "", GraphAttribute("then_branch", graph))]);
        }

        OnnxFinding finding = Assert.Single(OnnxSecurityScan.Scan(Standard(Node("If", "", GraphAttribute("then_branch", graph))), Options).Findings);

        Assert.Equal(OnnxFindingKind.Malformed, finding.Kind);
        Assert.Contains("nest deeper than 64 levels", finding.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_truncation_of_a_real_model_inside_a_field_is_malformed_and_none_throws()
    {
        byte[] model = TreeModel.Value;

        // Where the top-level fields end, by Google.Protobuf's own reader: a cut exactly there leaves whole fields.
        HashSet<int> boundaries = [0];
        var input = new CodedInputStream(model);
        while (input.ReadTag() != 0)
        {
            input.SkipLastField();
            boundaries.Add((int)input.Position);
        }

        int cuts = 0;
        for (int length = 0; length < model.Length; length++)
        {
            // A cut on a boundary is a shorter but well-formed message: whatever it lacks is judged, nothing throws.
            OnnxScanReport report = OnnxSecurityScan.Scan(model.AsSpan(0, length), Options);
            if (!boundaries.Contains(length))
            {
                cuts++;
                Assert.True(report.Findings.Single().Kind == OnnxFindingKind.Malformed, $"cut at {length}: {report.Findings[0]}");
            }
        }

        output.WriteLine($"{cuts} cuts inside a field of {model.Length} bytes, {boundaries.Count} field boundaries");
    }

    [Fact]
    public void Random_bytes_never_pass_and_never_throw()
    {
        var random = new Random(20240611);
        for (int i = 0; i < 2000; i++)
        {
            byte[] garbage = new byte[random.Next(0, 4096)];
            random.NextBytes(garbage);

            OnnxScanReport report = OnnxSecurityScan.Scan(garbage, Options);

            Assert.False(report.Passed);
        }
    }
}
