using MLOps.LocalHost.Azurite;
using MLOps.LocalHost.Workers;

namespace MLOps.IntegrationTests.Workers;

/// <summary>
/// ONNX Runtime's CUDA build is in the worker's output only: the embedded host references the worker for build order
/// and starts it as a process, so neither the host's output nor anything that references the host (this test
/// project) carries the CUDA provider, whose presence beside the CPU package's native library would be ambiguous.
/// </summary>
public sealed class BuildLayoutTests
{
    private const string CudaProvider = "libonnxruntime_providers_cuda.so";

    [Fact]
    public void The_cuda_provider_is_in_the_worker_output_and_nowhere_else()
    {
        string workerOutput = Path.GetDirectoryName(LocalWorkerOptions.BuiltWorkerPath)!;
        string configuration = new DirectoryInfo(workerOutput).Parent!.Name;
        string hostOutput = Path.Combine(RepositoryRoot.Find(), "functions", "MLOps.LocalHost", "bin", configuration, "net10.0");

        Assert.Single(Directory.GetFiles(workerOutput, CudaProvider, SearchOption.AllDirectories));
        Assert.True(Directory.Exists(hostOutput), hostOutput);
        Assert.Empty(Directory.GetFiles(hostOutput, CudaProvider, SearchOption.AllDirectories));
        Assert.Empty(Directory.GetFiles(hostOutput, "MLOps.OnnxWorker*", SearchOption.AllDirectories));
        Assert.Empty(Directory.GetFiles(AppContext.BaseDirectory, CudaProvider, SearchOption.AllDirectories));
    }
}
