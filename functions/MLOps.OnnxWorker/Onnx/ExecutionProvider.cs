using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.ML.OnnxRuntime;
using MLOps.Core.Serving.Workers;
using MLOps.OnnxWorker.Hosting;
using SessionOptions = Microsoft.ML.OnnxRuntime.SessionOptions;

namespace MLOps.OnnxWorker.Onnx;

/// <summary>
/// Opens sessions on ONNX Runtime's CUDA execution provider when the Linux CUDA build finds CUDA 13 and a device,
/// and on its CPU provider otherwise. The GPU package's native library loads without CUDA present; only appending
/// the CUDA provider (or creating a session with it) fails, and that is caught: the runtime's error for missing
/// CUDA libraries, a missing library, or a missing entry point.
/// </summary>
public sealed class ExecutionProvider(IOptions<WorkerOptions> options, ILogger<ExecutionProvider> logger)
{
    // Once CUDA has failed it will not start working within the process, and each attempt makes the native library
    // log an error, so the first failure is remembered.
    private volatile string? cudaUnavailable;

    /// <summary>Why the CUDA provider is not used; null while it is (or before anything was tried).</summary>
    public string? CudaUnavailableReason => this.cudaUnavailable;

    /// <summary>The provider new sessions get: "CUDA" until CUDA has failed, then "CPU".</summary>
    public string Current => options.Value.PreferCuda && this.cudaUnavailable is null ? WorkerProtocol.CudaProvider : WorkerProtocol.CpuProvider;

    /// <summary>Checks at start-up, without a model, whether the CUDA provider can be appended, and logs the outcome.</summary>
    public string Probe()
    {
        if (!options.Value.PreferCuda)
        {
            this.cudaUnavailable = "Worker:PreferCuda is off";
        }
        else if (CudaLibrariesMissing() is { } missing)
        {
            this.cudaUnavailable = missing;
        }
        else
        {
            SessionOptions? probe = null;
            try
            {
                probe = SessionOptions.MakeSessionOptionWithCudaProvider(options.Value.CudaDeviceId);
            }
            catch (Exception e) when (IsCudaFailure(e))
            {
                this.cudaUnavailable = e.Message;
            }
            finally
            {
                probe?.Dispose();
            }
        }

        if (this.cudaUnavailable is null)
        {
            logger.LogInformation("ONNX Runtime {Version}: provider CUDA (device {Device}).", OrtEnv.Instance().GetVersionString(), options.Value.CudaDeviceId);
        }
        else
        {
            logger.LogWarning("ONNX Runtime {Version}: provider CPU; CUDA is not used: {Reason}", OrtEnv.Instance().GetVersionString(), this.cudaUnavailable);
        }

        return this.Current;
    }

    /// <summary>A session for <paramref name="model"/> and the provider it runs on.</summary>
    public (InferenceSession Session, string Provider) CreateSession(byte[] model)
    {
        if (options.Value.PreferCuda && this.cudaUnavailable is null && this.TryCuda(model) is { } gpu)
        {
            return (gpu, WorkerProtocol.CudaProvider);
        }

        using var cpu = new SessionOptions();
        this.Configure(cpu);
        return (new InferenceSession(model, cpu), WorkerProtocol.CpuProvider);
    }

    private InferenceSession? TryCuda(byte[] model)
    {
        if (CudaLibrariesMissing() is { } missing)
        {
            this.cudaUnavailable = missing;
            return null;
        }

        SessionOptions? cuda = null;
        try
        {
            cuda = SessionOptions.MakeSessionOptionWithCudaProvider(options.Value.CudaDeviceId);
            this.Configure(cuda);
            return new InferenceSession(model, cuda);
        }
        catch (Exception e) when (IsCudaFailure(e))
        {
            this.cudaUnavailable = e.Message;
            logger.LogWarning("The CUDA provider failed; this and later sessions run on the CPU provider: {Reason}", e.Message);
            return null;
        }
        finally
        {
            cuda?.Dispose();
        }
    }

    // ONNX Runtime 1.31's CUDA provider links against the CUDA 13 libraries; probing for one first spares a machine
    // without them the native library's load-error log.
    private static string? CudaLibrariesMissing() =>
        OperatingSystem.IsLinux() && !System.Runtime.InteropServices.NativeLibrary.TryLoad("libcublasLt.so.13", out _)
            ? "the CUDA 13 runtime (libcublasLt.so.13) is not installed"
            : null;

    private static bool IsCudaFailure(Exception e) => e is OnnxRuntimeException or DllNotFoundException or EntryPointNotFoundException;

    private void Configure(SessionOptions session)
    {
        session.IntraOpNumThreads = options.Value.ResolvedIntraOpThreads;
        session.InterOpNumThreads = 1;
        session.ExecutionMode = ExecutionMode.ORT_SEQUENTIAL;
        session.GraphOptimizationLevel = GraphOptimizationLevel.ORT_ENABLE_ALL;

        // Idle intra-op threads sleep instead of spinning: the same cores serve HTTP and JSON between runs.
        session.AddSessionConfigEntry("session.intra_op.allow_spinning", "0");
    }
}
