using MLOps.Core.Serving.RequestLog;
using MLOps.Core.Serving.Scoring;

namespace MLOps.Core.Labels;

/// <summary>One scored row of a logged request (<paramref name="Row"/> is its index) joined to its ground truth.</summary>
public sealed record LabelledPrediction(RequestLogEntry Entry, int Row, RowResult Result, string Truth);
