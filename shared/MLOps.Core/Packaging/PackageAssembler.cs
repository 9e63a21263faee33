using System.Globalization;
using MLOps.Core.FeatureStore;
using MLOps.Core.FeatureStore.Engineering;
using MLOps.Core.Packaging.Onnx;
using MLOps.Core.Registry;
using MLOps.Core.Registry.Mlflow;
using MLOps.Core.Requirements;

namespace MLOps.Core.Packaging;

/// <summary>
/// Turns <see cref="PackageSources"/> into a package's files and manifest (PACKAGE.md's layout), after checking that
/// the sources agree with each other: the version's feature-set hash, snapshot and run against the records read, the
/// definitions the set was fitted under, the decision threshold as tracked, and the model's input width, name and
/// column order against the MLflow signature and the ONNX graph. Pure and deterministic: the same sources give the
/// same bytes, so a rebuild gives the same digest (times come from the registration, maps are ordered).
/// </summary>
public static class PackageAssembler
{
    public static PackageContent Assemble(PackageSources sources)
    {
        ArgumentNullException.ThrowIfNull(sources);
        ModelVersion version = sources.Version;
        FeatureSetVersion features = sources.FeatureSet;
        ProjectSpec spec = sources.FeatureSpec;
        var problems = new List<string>(Lineage(sources));
        if (!sources.MlflowFiles.TryGetValue(MlflowModelDirectory.MLmodelFile, out BinaryData? mlmodelBytes)
            || !sources.MlflowFiles.TryGetValue(MlflowModelDirectory.ModelFile, out BinaryData? onnx))
        {
            problems.Add($"the MLflow directory lacks {MlflowModelDirectory.MLmodelFile} or {MlflowModelDirectory.ModelFile}");
            throw Refused(version, problems);
        }

        if (problems.Count > 0)
        {
            throw Refused(version, problems);
        }

        FittedFeatureSet fitted = features.Fitted!;
        MlflowModelInfo mlmodel = MlflowModelReader.Read(mlmodelBytes.ToString());
        OnnxModelInfo graph = OnnxModelInfo.Read(onnx.ToMemory().Span);
        IReadOnlyList<string> featureNames = mlmodel.FeatureNames ?? features.Features;
        OnnxTensorInfo input = Interface(version, mlmodel, graph, featureNames, problems);
        if (!features.Features.SequenceEqual(fitted.Columns, StringComparer.Ordinal))
        {
            problems.Add($"feature set v{features.Version}'s columns are not its fitted set's output columns");
        }

        string? score = ScoreOutput.Find(spec.Task, graph.Outputs.Select(o => o.Name));
        if (score is null)
        {
            problems.Add($"the ONNX model has no '{ScoreOutput.Column(spec.Task)}' output (it has {string.Join(", ", graph.Outputs.Select(o => o.Name))})");
        }

        if (problems.Count > 0)
        {
            throw Refused(version, problems);
        }

        FeatureContract contract = FeatureContract.Create(spec, fitted, featureNames);
        PackageDescriptor descriptor = Describe(sources, contract, input, graph, score!);
        var files = new List<PackageEntry>
        {
            new(PackageLayout.Descriptor, BinaryData.FromBytes(descriptor.ToBytes())),
            new(PackageLayout.Contract, BinaryData.FromBytes(contract.ToBytes())),
            new(PackageLayout.TritonConfig(version.Name), BinaryData.FromString(TritonConfig.Render(version.Name, graph))),
            new(PackageLayout.TritonModel(version.Name, version.Version), onnx),
        };
        files.AddRange(sources.MlflowFiles.Select(f => new PackageEntry(PackageLayout.ModelFolder + f.Key, f.Value)));
        files.Sort((a, b) => string.CompareOrdinal(a.Path, b.Path));

        var manifest = new PackageManifest
        {
            Project = version.Project,
            Model = version.Name,
            Version = version.Version,
            CreatedAt = version.CreatedAt,
            Files = [.. files.Select(f => new PackageFile(f.Path, ContentHash.Sha256(f.Content.ToMemory().Span), f.Content.ToMemory().Length))],
        };
        byte[] manifestBytes = manifest.ToBytes();
        return new PackageContent(files, manifest, BinaryData.FromBytes(manifestBytes), PackageManifest.DigestOf(manifestBytes), descriptor, contract);
    }

    /// <summary>Where the records read disagree with the version they are supposed to describe.</summary>
    private static IEnumerable<string> Lineage(PackageSources sources)
    {
        ModelVersion version = sources.Version;
        FeatureSetVersion features = sources.FeatureSet;
        if (features.Version != version.FeatureSetVersion || !string.Equals(features.Sha256, version.FeatureSetSha256, StringComparison.Ordinal))
        {
            yield return $"the feature set read (v{features.Version}, {Short(features.Sha256)}) is not the version's (v{version.FeatureSetVersion}, {Short(version.FeatureSetSha256)})";
        }

        if (!string.Equals(features.RawSnapshotSha256, version.DataSha256, StringComparison.Ordinal))
        {
            yield return $"feature set v{features.Version} was built from snapshot {Short(features.RawSnapshotSha256)}, the version records {Short(version.DataSha256)}";
        }

        if (features.Fitted is null)
        {
            yield return $"feature set v{features.Version} was built before fitted sets were recorded; rebuild it to package models trained on it";
        }
        else if (FeatureDefinitionsHash.Of(sources.FeatureSpec.Features) != features.Fitted.DefinitionsSha256)
        {
            yield return $"the spec read for feature set v{features.Version} does not hold the definitions its set was fitted under";
        }

        if (!string.Equals(sources.Run.RunId, version.RunId, StringComparison.Ordinal)
            || (sources.Run.FeatureSetSha256 is { } tracked && !string.Equals(tracked, version.FeatureSetSha256, StringComparison.Ordinal)))
        {
            yield return $"run '{sources.Run.RunId}' is not the version's run '{version.RunId}' on feature set {Short(version.FeatureSetSha256)}";
        }

        if (version.DecisionThreshold is { } threshold
            && sources.Run.Metrics.TryGetValue("decision_threshold", out double trackedThreshold) && trackedThreshold != threshold)
        {
            yield return string.Create(CultureInfo.InvariantCulture, $"the version's decision threshold {threshold:R} is not the run's {trackedThreshold:R}");
        }
    }

    /// <summary>The model's one input, checked against the MLflow signature and the column names.</summary>
    private static OnnxTensorInfo Interface(
        ModelVersion version, MlflowModelInfo mlmodel, OnnxModelInfo graph, IReadOnlyList<string> featureNames, List<string> problems)
    {
        if (mlmodel.RunId is { } runId && !string.Equals(runId, version.RunId, StringComparison.Ordinal))
        {
            problems.Add($"MLmodel names run '{runId}', the version '{version.RunId}'");
        }

        if (graph.Inputs.Count != 1 || mlmodel.Inputs.Count != 1)
        {
            problems.Add($"the model must have one input tensor; the ONNX graph has {graph.Inputs.Count}, the MLflow signature {mlmodel.Inputs.Count}");
            return graph.Inputs.Count > 0 ? graph.Inputs[0] : new OnnxTensorInfo(string.Empty, 1, []);
        }

        OnnxTensorInfo input = graph.Inputs[0];
        MlflowTensor signature = mlmodel.Inputs[0];
        long width = input.Shape.Count == 2 ? input.Shape[1] : -1;
        if (input.Shape.Count != 2 || input.Dtype != "float32" || input.Name != signature.Name
            || signature.Shape.Count != 2 || signature.Shape[1] != width || featureNames.Count != width)
        {
            problems.Add(string.Create(
                CultureInfo.InvariantCulture,
                $"the ONNX input '{input.Name}' [{string.Join(", ", input.Shape)}] {input.Dtype}, the MLflow signature's '{signature.Name}' [{string.Join(", ", signature.Shape)}] and the {featureNames.Count} feature names disagree"));
        }

        return input;
    }

    private static PackageDescriptor Describe(PackageSources sources, FeatureContract contract, OnnxTensorInfo input, OnnxModelInfo graph, string score)
    {
        ModelVersion version = sources.Version;
        ProjectSpec spec = sources.FeatureSpec;
        return new PackageDescriptor
        {
            Project = version.Project,
            Model = version.Name,
            Version = version.Version,
            Task = spec.Task,
            Input = new PackageInput(input.Name, input.Dtype, contract.FeatureNames.Count, contract.FeatureNames),
            Outputs = [.. graph.Outputs.Select(o => new PackageTensor(o.Name, o.Dtype, o.Shape, o.Name == score ? true : null))],
            DecisionThreshold = version.DecisionThreshold,
            Labels = sources.Labels,
            Metrics = new SortedDictionary<string, double>(version.Metrics.ToDictionary(), StringComparer.Ordinal),
            Lineage = new PackageLineage(
                version.RunId, version.FeatureSetVersion, version.FeatureSetSha256, version.DataSha256, sources.SpecVersion, version.SpecSha256),
            Holdout = sources.FeatureSet.Split,
            RawColumns = [.. contract.Columns.Select(c => new PackageColumn(c.Name, c.Type))],
            EntityKey = spec.EntityKey.Column,
            Target = spec.Target.Column,
            RegisteredAt = version.CreatedAt,
            TritonModel = version.Name,
        };
    }

    private static InvalidDataException Refused(ModelVersion version, IReadOnlyList<string> problems) =>
        new($"{version.Uri} ({version.Project}) cannot be packaged: {string.Join("; ", problems)}.");

    private static string Short(string sha256) => sha256.Length > 12 ? sha256[..12] : sha256;
}
