using MLOps.OnnxWorker;

// The ONNX worker: `dotnet MLOps.OnnxWorker.dll --Urls=http://0.0.0.0:8080` (see README: ONNX workers).
WebApplication app = WorkerApp.Build(args);

// Fail at start, not on the first load, when no package key is trusted.
_ = app.Services.GetRequiredService<MLOps.Core.Packaging.PackageVerifier>();
await app.RunAsync();
