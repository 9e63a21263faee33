using System.Globalization;
using MLOps.Core.Serving.RequestLog;
using MLOps.Core.Serving.Scoring;

namespace MLOps.Core.Labels;

/// <summary>
/// One deployment's labelled outcomes: the <see cref="Kind"/> its scored rows show (a predicted class: correctness;
/// a score alone: absolute error; null without any scored row), one value per labelled row, and how many labelled
/// rows could not be scored (a regression label that is not a finite number).
/// </summary>
public sealed record LabelledOutcomes(OutcomeKind? Kind, IReadOnlyList<double> Values, int Unusable)
{
    public static LabelledOutcomes Of(IReadOnlyCollection<RequestLogEntry> entries, IEnumerable<GroundTruthLabel> labels)
    {
        OutcomeKind? kind = entries
            .SelectMany(e => e.Outputs ?? [])
            .Where(r => r.Status == RowResult.Scored)
            .Select(KindOf)
            .FirstOrDefault(k => k is not null);
        if (kind is not { } known)
        {
            return new LabelledOutcomes(null, [], 0);
        }

        var values = new List<double>();
        int unusable = 0;
        foreach (LabelledPrediction prediction in LabelJoin.Join(entries, labels))
        {
            if (Value(known, prediction.Result, prediction.Truth) is { } value)
            {
                values.Add(value);
            }
            else
            {
                unusable++;
            }
        }

        return new LabelledOutcomes(known, values, unusable);
    }

    public static OutcomeKind? KindOf(RowResult row) =>
        row.Label is not null ? OutcomeKind.Correctness : row.Score is not null ? OutcomeKind.AbsoluteError : null;

    /// <summary>Labels are compared as given (ordinal): they are the class names the package answers with.</summary>
    public static double? Value(OutcomeKind kind, RowResult row, string truth) => kind switch
    {
        OutcomeKind.Correctness when row.Label is { } predicted => string.Equals(predicted, truth, StringComparison.Ordinal) ? 1 : 0,
        OutcomeKind.AbsoluteError when row.Score is { } score
            && double.TryParse(truth, NumberStyles.Float, CultureInfo.InvariantCulture, out double actual)
            && double.IsFinite(actual) => Math.Abs(score - actual),
        _ => null,
    };
}
