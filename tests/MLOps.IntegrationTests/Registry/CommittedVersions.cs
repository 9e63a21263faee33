using MLOps.Core.Registry;
using MLOps.Core.Registry.Cards;
using MLOps.Core.Registry.Mlflow;
using MLOps.Core.Requirements;

namespace MLOps.IntegrationTests.Registry;

/// <summary>Registers versions the way the experiment pipeline does: staged, package written, then committed.</summary>
internal static class CommittedVersions
{
    public static MlflowModelPackage Package(IReadOnlyList<IReadOnlyList<float>>? inputExample = null) => new()
    {
        OnnxModel = BinaryData.FromBytes([8, 1, 2]),
        Signature = new MlflowSignature("Features", ["a", "b"], [new MlflowTensor("Score", [-1])]),
        InputExample = inputExample ?? [[1f, 2f]],
        RunId = "ignored",
        ModelUuid = "ignored",
        CreatedAt = DateTimeOffset.UnixEpoch,
    };

    public static ModelCard Card(ModelVersion version, string goal = "Keep customers.") => new()
    {
        Project = version.Project, Name = version.Name, Version = version.Version, BusinessGoal = goal, Task = ModelTask.BinaryClassification,
        Target = "churned", FeatureSetVersion = version.FeatureSetVersion, FeatureSetSha256 = version.FeatureSetSha256, DataSha256 = version.DataSha256,
        CreatedAt = version.CreatedAt, CreatedBy = version.CreatedBy,
    };

    public static async Task<ModelVersion> RegisterAsync(this IModelRegistry registry, ModelVersionRequest request, string goal = "Keep customers.")
    {
        ModelVersion staged = await registry.RegisterVersionAsync(request);
        await registry.WriteArtifactsAsync(staged.Project, staged.Name, staged.Version, Package());
        await registry.WriteModelCardAsync(Card(staged, goal));
        return await registry.CommitVersionAsync(staged.Project, staged.Name, staged.Version);
    }
}
