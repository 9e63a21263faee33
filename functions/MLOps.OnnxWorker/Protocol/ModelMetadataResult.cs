using MLOps.Core.Serving.Workers;
using MLOps.OnnxWorker.Models;

namespace MLOps.OnnxWorker.Protocol;

/// <summary>The V2 model metadata object of one version, with the loaded versions and the worker's parameters.</summary>
public static class ModelMetadataResult
{
    public static object Of(LoadedModel model, IReadOnlyList<LoadedModel> versions)
    {
        ArgumentNullException.ThrowIfNull(model);
        return new
        {
            name = model.Name,
            versions = versions.Select(v => v.Version).ToArray(),
            platform = WorkerProtocol.Platform,
            inputs = new[]
            {
                new { name = model.Signature.InputName, datatype = WorkerProtocol.Fp32, shape = new long[] { -1, model.Signature.Width } },
            },
            outputs = model.Signature.Outputs.Select(o => new { name = o.Name, datatype = o.Datatype, shape = o.Dimensions }).ToArray(),
            parameters = new Dictionary<string, string>
            {
                [WorkerProtocol.PackageParameter] = model.Package,
                [WorkerProtocol.ProviderParameter] = model.Provider,
                ["version"] = model.Version,
            },
        };
    }
}
