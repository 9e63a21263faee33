using Microsoft.ML.OnnxRuntime;

namespace MLOps.Training.Onnx;

/// <summary>
/// Opens a session on CUDA when the GPU build finds a usable device and falls back to the CPU provider otherwise. The
/// GPU package's native library loads without CUDA present; only appending the CUDA provider fails, and that is caught.
/// </summary>
public static class OnnxSessionFactory
{
    public const string Cuda = "CUDA";
    public const string Cpu = "CPU";

    // Once CUDA has failed to load it will not start working within the process, and each attempt makes the native
    // library log an error, so the first failure is remembered.
    private static volatile string? cudaUnavailable;

    /// <summary>Why the CUDA provider could not be used, once an attempt has failed; null before that or when it works.</summary>
    public static string? CudaUnavailableReason => cudaUnavailable;

    public static OnnxSession Create(byte[] model, bool preferCuda = true)
    {
        if (preferCuda && cudaUnavailable is null && TryCuda(model) is { } gpu)
        {
            return gpu;
        }

        using var options = CpuOptions();
        return new OnnxSession(new InferenceSession(model, options), Cpu);
    }

    private static OnnxSession? TryCuda(byte[] model)
    {
        // ONNX Runtime 1.31's CUDA provider links against the CUDA 13 libraries; probing for one first spares a
        // machine without them the native library's load-error log on every process start.
        if (OperatingSystem.IsLinux() && !System.Runtime.InteropServices.NativeLibrary.TryLoad("libcublasLt.so.13", out _))
        {
            cudaUnavailable = "the CUDA 13 runtime (libcublasLt.so.13) is not installed";
            return null;
        }

        SessionOptions? options = null;
        try
        {
            options = SessionOptions.MakeSessionOptionWithCudaProvider(0);
            Deterministic(options);
            return new OnnxSession(new InferenceSession(model, options), Cuda);
        }
        catch (Exception e) when (e is OnnxRuntimeException or DllNotFoundException or EntryPointNotFoundException)
        {
            cudaUnavailable = e.Message;
            return null;
        }
        finally
        {
            options?.Dispose();
        }
    }

    private static SessionOptions CpuOptions()
    {
        var options = new SessionOptions();
        Deterministic(options);
        return options;
    }

    // One intra-op thread: parity and re-runs must not depend on how the runtime splits a batch across cores.
    private static void Deterministic(SessionOptions options)
    {
        options.IntraOpNumThreads = 1;
        options.InterOpNumThreads = 1;
        options.ExecutionMode = ExecutionMode.ORT_SEQUENTIAL;
    }
}
