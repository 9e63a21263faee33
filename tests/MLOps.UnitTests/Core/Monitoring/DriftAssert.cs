using Xunit.Sdk;

namespace MLOps.UnitTests.Core.Monitoring;

/// <summary>Relative comparison with the reference values: the issue asks for 1e-9 relative agreement.</summary>
internal static class DriftAssert
{
    public const double Relative = 1e-9;

    public static void Close(double expected, double actual, double relative = Relative, string? what = null)
    {
        if (expected == actual || (double.IsNaN(expected) && double.IsNaN(actual)))
        {
            return;
        }

        double error = Math.Abs(actual - expected);
        if (!(error <= relative * Math.Abs(expected)))
        {
            throw new XunitException(
                $"{what ?? "value"}: expected {expected:R}, got {actual:R} (relative error {error / Math.Abs(expected):E2}, allowed {relative:E0}).");
        }
    }
}
