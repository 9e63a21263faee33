using MLOps.LocalHost.Azurite;

namespace MLOps.FunctionsApp.Tests;

/// <summary>
/// The Functions app checks ONNX exports on ONNX Runtime's CPU build; GPU inference is the ONNX workers' (their own
/// containers). Its build output must not carry the CUDA provider.
/// </summary>
public sealed class OnnxRuntimeLayoutTests
{
    [Fact]
    public void TheFunctionsAppOutputHasNoCudaProvider()
    {
        string configuration = new DirectoryInfo(AppContext.BaseDirectory).Parent!.Name;
        string appOutput = Path.Combine(RepositoryRoot.Find(), "functions", "MLOps.FunctionsApp", "bin", configuration, "net10.0");

        Assert.True(File.Exists(Path.Combine(appOutput, "MLOps.FunctionsApp.dll")), appOutput);
        Assert.NotEmpty(Directory.GetFiles(appOutput, "libonnxruntime.so", SearchOption.AllDirectories));
        Assert.Empty(Directory.GetFiles(appOutput, "libonnxruntime_providers_cuda.so", SearchOption.AllDirectories));
        Assert.Empty(Directory.GetFiles(AppContext.BaseDirectory, "libonnxruntime_providers_cuda.so", SearchOption.AllDirectories));
    }
}
