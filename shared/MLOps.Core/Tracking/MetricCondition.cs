using System.Globalization;
using System.Text.RegularExpressions;

namespace MLOps.Core.Tracking;

/// <summary>
/// A comparison such as <c>auc &gt; 0.8</c> or <c>params.NumberOfLeaves &gt;= 16</c>; names are matched ignoring case
/// (<see cref="RunQuery"/>), and a run without the value, or whose value is undefined (NaN), never matches.
/// </summary>
public sealed partial record MetricCondition(string Metric, ComparisonOperator Operator, double Value)
{
    public static MetricCondition Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        Match match = Pattern().Match(text);
        if (!match.Success || !double.TryParse(match.Groups["value"].Value, NumberStyles.Float, CultureInfo.InvariantCulture, out double value))
        {
            throw new FormatException($"'{text}' is not a metric condition such as 'auc > 0.8' (operators: > >= < <= = !=).");
        }

        ComparisonOperator op = match.Groups["op"].Value switch
        {
            ">" => ComparisonOperator.GreaterThan,
            ">=" => ComparisonOperator.GreaterOrEqual,
            "<" => ComparisonOperator.LessThan,
            "<=" => ComparisonOperator.LessOrEqual,
            "!=" => ComparisonOperator.NotEqual,
            _ => ComparisonOperator.Equal,
        };
        return new MetricCondition(match.Groups["metric"].Value, op, value);
    }

    public bool Matches(IReadOnlyDictionary<string, double> metrics)
    {
        ArgumentNullException.ThrowIfNull(metrics);
        return RunQuery.Find(metrics, this.Metric) is { } actual && this.Holds(actual);
    }

    public bool Holds(double actual) =>
        this.Operator switch
        {
            ComparisonOperator.GreaterThan => actual > this.Value,
            ComparisonOperator.GreaterOrEqual => actual >= this.Value,
            ComparisonOperator.LessThan => actual < this.Value,
            ComparisonOperator.LessOrEqual => actual <= this.Value,
            ComparisonOperator.NotEqual => actual != this.Value,
            _ => actual == this.Value,
        };

    [GeneratedRegex(@"^\s*(?<metric>[^\s<>=!]+)\s*(?<op>>=|<=|!=|==|=|>|<)\s*(?<value>\S+)\s*$")]
    private static partial Regex Pattern();
}
