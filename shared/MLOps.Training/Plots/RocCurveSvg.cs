using System.Globalization;
using System.Security;
using System.Text;

namespace MLOps.Training.Plots;

/// <summary>
/// Draws a ROC curve as a self-contained SVG (no script, no external fonts), small enough to keep with every
/// candidate's run and to open in any browser or the tracking UI.
/// </summary>
public static class RocCurveSvg
{
    private const int Size = 400;
    private const int Margin = 40;

    public static string Render(IReadOnlyList<(double FalsePositiveRate, double TruePositiveRate)> points, string title)
    {
        ArgumentNullException.ThrowIfNull(points);
        int plot = Size - (2 * Margin);
        string X(double fpr) => (Margin + (fpr * plot)).ToString("0.##", CultureInfo.InvariantCulture);
        string Y(double tpr) => (Size - Margin - (tpr * plot)).ToString("0.##", CultureInfo.InvariantCulture);
        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture, $"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{Size}\" height=\"{Size}\" viewBox=\"0 0 {Size} {Size}\" font-family=\"sans-serif\" font-size=\"12\">");
        svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"{Margin}\" y=\"{Margin}\" width=\"{plot}\" height=\"{plot}\" fill=\"none\" stroke=\"#888\"/>");
        svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{X(0)}\" y1=\"{Y(0)}\" x2=\"{X(1)}\" y2=\"{Y(1)}\" stroke=\"#bbb\" stroke-dasharray=\"4 4\"/>");
        svg.Append("<polyline fill=\"none\" stroke=\"#1f77b4\" stroke-width=\"2\" points=\"");
        svg.AppendJoin(' ', points.Select(p => $"{X(p.FalsePositiveRate)},{Y(p.TruePositiveRate)}"));
        svg.Append("\"/>");
        svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{Size / 2}\" y=\"{Margin - 14}\" text-anchor=\"middle\">{SecurityElement.Escape(title)} (AUC {RocCurve.Area(points):0.0000})</text>");
        svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{Size / 2}\" y=\"{Size - 10}\" text-anchor=\"middle\">false positive rate</text>");
        svg.Append(CultureInfo.InvariantCulture, $"<text x=\"12\" y=\"{Size / 2}\" text-anchor=\"middle\" transform=\"rotate(-90 12 {Size / 2})\">true positive rate</text>");
        svg.Append("</svg>");
        return svg.ToString();
    }
}
