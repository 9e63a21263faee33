using System.Globalization;

namespace MLOps.Core.Delivery.Gates;

/// <summary>Numbers in gate sentences: "12.50%" (invariant culture's P format would write "12.50 %").</summary>
internal static class GateText
{
    public static string Percent(double share) => (share * 100).ToString("0.00", CultureInfo.InvariantCulture) + "%";
}
