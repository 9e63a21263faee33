using MLOps.Core.DataEngineering.Validation;

namespace MLOps.Core.DataEngineering.Cleaning;

/// <summary>
/// What to do with values that offend a column rule of validation (range, allowed values, type, missing, unique),
/// so cleaning and validation share one definition of "invalid". Clip needs a <see cref="RangeRule"/>.
/// </summary>
public sealed record InvalidValueRule(DataRule Rule, InvalidValueAction Action);
