using MLOps.Core.Requirements;

namespace MLOps.Core.Integration.Security;

/// <summary>
/// The ONNX scan of one model file: its size, IR version, opset imports and operators (as "domain/op", the standard
/// domain written "ai.onnx"), and every finding. It passes only without findings. <see cref="OmittedFindings"/> counts
/// findings past the report's cap (a hostile file can hold millions of bad tensors).
/// </summary>
public sealed record OnnxScanReport(
    long Bytes,
    long? IrVersion,
    IReadOnlyList<OnnxOpset> Opsets,
    IReadOnlyList<string> Operators,
    IReadOnlyList<OnnxFinding> Findings,
    int OmittedFindings = 0)
{
    public bool Passed => this.Findings.Count == 0;

    public CheckResult ToCheckResult()
    {
        int total = this.Findings.Count + this.OmittedFindings;
        string detail = total == 0
            ? $"{this.Bytes} bytes, IR version {this.IrVersion}, opsets {string.Join(", ", this.Opsets.Select(o => $"{(o.Domain.Length == 0 ? "ai.onnx" : o.Domain)} {o.Version}"))}; {this.Operators.Count} operators, all in allowed domains; no external data."
            : string.Join(" ", this.Findings.Take(20).Select(f => $"{f.Kind} at {f.Where}: {f.Detail}"))
              + (total > 20 ? $" … and {total - 20} more." : string.Empty);
        return CheckResult.Judge(CheckNames.OnnxSecurity, total, 0, GateDirection.AtMost, "findings", detail);
    }
}
