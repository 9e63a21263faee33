using MLOps.Core.Packaging;
using MLOps.Core.Registry.Mlflow;

namespace MLOps.UnitTests.Packaging;

public class MlflowModelReaderTests
{
    [Fact]
    public async Task What_the_registry_writes_into_MLmodel_reads_back()
    {
        PackageSources sources = await PackageFixtures.SourcesAsync();

        MlflowModelInfo info = MlflowModelReader.Read(sources.MlflowFiles[MlflowModelDirectory.MLmodelFile].ToString());

        MlflowTensor input = Assert.Single(info.Inputs);
        Assert.Equal(("Features", "float32"), (input.Name, input.Dtype));
        Assert.Equal([-1L, sources.FeatureSet.Features.Count], input.Shape);
        Assert.Contains(info.Outputs, o => o.Name == "Probability.output");
        Assert.Equal("exp-random-t007", info.RunId);
        Assert.Equal(sources.FeatureSet.Features, info.FeatureNames);
        Assert.Equal("0.37", info.Metadata["decision_threshold"]);
    }

    [Fact]
    public void An_MLmodel_without_a_signature_is_refused()
    {
        Assert.Throws<InvalidDataException>(() => MlflowModelReader.Read("artifact_path: model\nflavors: {}\n"));
        Assert.Throws<InvalidDataException>(() => MlflowModelReader.Read("signature: {inputs: '[{\"name\": 1}]', outputs: '[]'}\n"));
    }
}
