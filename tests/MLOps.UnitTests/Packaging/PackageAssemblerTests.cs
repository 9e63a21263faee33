using System.Text.Json;
using Microsoft.ML.OnnxRuntime;
using MLOps.Core.Packaging;
using MLOps.Core.Registry.Mlflow;
using MLOps.Core.Requirements;

namespace MLOps.UnitTests.Packaging;

public class PackageAssemblerTests
{
    [Fact]
    public async Task The_same_sources_give_the_same_bytes_and_digest()
    {
        PackageSources sources = await PackageFixtures.SourcesAsync();

        PackageContent first = PackageAssembler.Assemble(sources);

        // Rebuilt from sources read again (fresh copies, the metrics in another order): nothing may depend on instances or order.
        PackageContent second = PackageAssembler.Assemble(sources with
        {
            Version = sources.Version with { Metrics = sources.Version.Metrics.Reverse().ToDictionary() },
            MlflowFiles = sources.MlflowFiles.Reverse().ToDictionary(f => f.Key, f => BinaryData.FromBytes(f.Value.ToArray())),
        });

        Assert.Equal(first.ManifestBytes.ToArray(), second.ManifestBytes.ToArray());
        Assert.Equal(first.Digest, second.Digest);
        Assert.Equal(first.Files.Select(f => f.Path), second.Files.Select(f => f.Path));
        Assert.All(first.Files.Zip(second.Files), p => Assert.Equal(p.First.Content.ToArray(), p.Second.Content.ToArray()));
        Assert.Equal(64, first.Digest.Length);
        Assert.DoesNotContain("\r", first.ManifestBytes.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_package_has_the_layout_of_PACKAGE_md_and_its_manifest_lists_every_file_with_its_digest()
    {
        PackageContent content = PackageAssembler.Assemble(await PackageFixtures.SourcesAsync());

        Assert.Equal(
            [
                "feature-contract.json", "model/MLmodel", "model/conda.yaml", "model/input_example.json", "model/model.onnx",
                "model/python_env.yaml", "model/requirements.txt", "package.json", "triton/credit/3/model.onnx", "triton/credit/config.pbtxt",
            ],
            content.Manifest.Files.Select(f => f.Path));
        Assert.All(content.Files.Zip(content.Manifest.Files), p =>
        {
            Assert.Equal(p.First.Path, p.Second.Path);
            Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(p.First.Content.ToArray())), p.Second.Sha256);
            Assert.Equal(p.First.Content.ToArray().LongLength, p.Second.Bytes);
        });
        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(content.ManifestBytes.ToArray())), content.Digest);

        // Triton's copy of the model is the registered model.onnx, byte for byte.
        Assert.Equal(File("model/model.onnx").Sha256, File("triton/credit/3/model.onnx").Sha256);
        PackageFile File(string path) => content.Manifest.Files.Single(f => f.Path == path);
    }

    [Fact]
    public async Task Package_json_says_how_to_use_the_model()
    {
        PackageSources sources = await PackageFixtures.SourcesAsync();
        PackageContent content = PackageAssembler.Assemble(sources);
        PackageDescriptor descriptor = PackageDescriptor.Parse(content.Files.Single(f => f.Path == "package.json").Content.ToArray());
        using var session = new InferenceSession(sources.MlflowFiles[MlflowModelDirectory.ModelFile].ToArray());

        Assert.Equal(("credit-scoring", "credit", 3, ModelTask.BinaryClassification), (descriptor.Project, descriptor.Model, descriptor.Version, descriptor.Task));
        // credit-scoring.json: 9 scalar features and one-hot Home (6 allowed values), Records (2) and Job (4): 21 columns.
        Assert.Equal(("Features", "float32", 21), (descriptor.Input.Name, descriptor.Input.Dtype, descriptor.Input.Width));
        Assert.Equal(sources.FeatureSet.Features, descriptor.Input.FeatureNames);
        Assert.Equal(session.OutputMetadata.Keys, descriptor.Outputs.Select(o => o.Name));
        Assert.Equal("Probability.output", Assert.Single(descriptor.Outputs, o => o.Score == true).Name);
        Assert.Equal(PackageFixtures.Threshold, descriptor.DecisionThreshold);
        Assert.Equal(["good", "bad"], descriptor.Labels);
        Assert.Equal(["Accuracy", "Auc", "F1"], descriptor.Metrics.Keys);
        Assert.Equal(new PackageLineage("exp-random-t007", 2, new string('a', 64), new string('b', 64), 1, new string('c', 64)), descriptor.Lineage);
        Assert.Equal(sources.FeatureSet.Split, descriptor.Holdout);
        Assert.Equal(new PackageColumn("Seniority", ColumnType.Integer), descriptor.RawColumns[0]);
        Assert.DoesNotContain(descriptor.RawColumns, c => c.Name is "Status" or "Age" or "Marital");
        Assert.Equal(("application_id", "Status", "model/model.onnx", "credit"), (descriptor.EntityKey, descriptor.Target, descriptor.ModelFile, descriptor.TritonModel));
        Assert.Equal(sources.Version.CreatedAt, descriptor.RegisteredAt);

        // The contract file is the fitted set of the feature-set version, in the model's order.
        FeatureContract contract = FeatureContract.Parse(content.Files.Single(f => f.Path == "feature-contract.json").Content.ToArray());
        Assert.Equal(descriptor.Input.FeatureNames, contract.FeatureNames);
        Assert.Equal(
            JsonSerializer.Serialize(sources.FeatureSet.Fitted, PackageJson.Options),
            JsonSerializer.Serialize(contract.Fitted, PackageJson.Options));
    }

    [Fact]
    public async Task Sources_that_disagree_are_refused_naming_what_disagrees()
    {
        PackageSources sources = await PackageFixtures.SourcesAsync();
        string[] dropped = [.. sources.FeatureSet.Features.Skip(1)];
        Dictionary<string, BinaryData> files = sources.MlflowFiles.ToDictionary();
        files.Remove(MlflowModelDirectory.ModelFile);

        string Refusal(PackageSources edited) => Assert.Throws<InvalidDataException>(() => PackageAssembler.Assemble(edited)).Message;

        Assert.Contains("is not the version's (v2", Refusal(sources with { FeatureSet = sources.FeatureSet with { Sha256 = new string('d', 64) } }), StringComparison.Ordinal);
        Assert.Contains("built from snapshot", Refusal(sources with { FeatureSet = sources.FeatureSet with { RawSnapshotSha256 = new string('e', 64) } }), StringComparison.Ordinal);
        Assert.Contains("decision threshold 0.37 is not the run's 0.5", Refusal(sources with { Run = sources.Run with { Metrics = new Dictionary<string, double> { ["decision_threshold"] = 0.5 } } }), StringComparison.Ordinal);
        Assert.Contains("definitions", Refusal(sources with { FeatureSpec = sources.FeatureSpec with { Features = [.. sources.FeatureSpec.Features.Skip(1)] } }), StringComparison.Ordinal);
        Assert.Contains("lacks MLmodel or model.onnx", Refusal(sources with { MlflowFiles = files }), StringComparison.Ordinal);
        Assert.Contains("20 feature names disagree", Refusal(sources with
        {
            MlflowFiles = sources.MlflowFiles.ToDictionary(
                f => f.Key,
                f => f.Key == MlflowModelDirectory.MLmodelFile
                    ? BinaryData.FromString(f.Value.ToString().Replace(JsonSerializer.Serialize(sources.FeatureSet.Features), JsonSerializer.Serialize(dropped), StringComparison.Ordinal))
                    : f.Value),
        }), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_signed_package_verifies_and_a_changed_byte_is_named()
    {
        PackageContent content = PackageAssembler.Assemble(await PackageFixtures.SourcesAsync());
        using var key = System.Security.Cryptography.ECDsa.Create(System.Security.Cryptography.ECCurve.NamedCurves.nistP256);
        using var signer = new PackageSigner(System.Security.Cryptography.ECDsa.Create(key.ExportParameters(true)));
        byte[] signature = PackageJson.ToBytes(signer.Sign(content.ManifestBytes.ToArray()));
        var verifier = new PackageVerifier([signer.PublicKeyPem]);
        Dictionary<string, byte[]> stored = content.Files.ToDictionary(f => f.Path, f => f.Content.ToArray());

        PackageVerification good = await verifier.VerifyAsync(content.ManifestBytes.ToArray(), signature, Open);
        stored["triton/credit/config.pbtxt"][10] ^= 1;
        PackageVerification bad = await verifier.VerifyAsync(content.ManifestBytes.ToArray(), signature, Open);

        Assert.True(good.Valid, good.Problem);
        Assert.Equal(content.Digest, good.Digest);
        Assert.False(bad.Valid);
        Assert.Contains("'triton/credit/config.pbtxt' does not match its manifest entry", bad.Problem, StringComparison.Ordinal);

        Task<Stream?> Open(string path, CancellationToken _) =>
            Task.FromResult<Stream?>(stored.TryGetValue(path, out byte[]? bytes) ? new MemoryStream(bytes) : null);
    }
}
