using MLOps.Core.Integration;
using MLOps.Core.Integration.Builds;
using MLOps.Core.Integration.Contract;
using MLOps.Core.Packaging;

namespace MLOps.Training.Integration;

public sealed partial class PackageChecks
{
    /// <summary>Input schema: the raw columns the package reads against the columns the project registered.</summary>
    public async Task<IReadOnlyList<CheckResult>> InputSchemaAsync(CheckTarget target, CancellationToken cancellationToken = default)
    {
        PackageUnderTest package = await inputs.OpenAsync(target, cancellationToken);
        SchemaColumn[] reads = [.. package.Descriptor.RawColumns.Select(c => new SchemaColumn(c.Name, c.Type))];
        return [InputSchemaCheck.Check(reads, InputSchemaCheck.ExpectedInputs(package.Spec))];
    }

    /// <summary>
    /// Feature skew: the raw snapshot's records of the holdout rows, encoded by the package's feature contract (the
    /// path serving takes), against the rows the offline feature set holds for the same keys.
    /// </summary>
    public async Task<IReadOnlyList<CheckResult>> FeatureSkewAsync(CheckTarget target, CancellationToken cancellationToken = default)
    {
        PackageUnderTest package = await inputs.OpenAsync(target, cancellationToken);
        EncodedRows offline = await inputs.OfflineHoldoutAsync(package, cancellationToken);
        RawRecords raw = await inputs.RawRecordsAsync(package, offline.Keys, cancellationToken);
        string[] keys = [.. offline.Keys.Where(raw.ByKey.ContainsKey)];
        IReadOnlyList<EncodedRecord> encoded = package.Package.Contract.CreateEncoder().Encode([.. keys.Select(k => raw.ByKey[k])]);
        var encodedKeys = new List<string>();
        var values = new List<double[]>();
        string? refused = null;
        for (int r = 0; r < keys.Length; r++)
        {
            if (encoded[r].Values is { } row)
            {
                encodedKeys.Add(keys[r]);
                values.Add([.. row.Select(v => (double)v)]);
            }
            else
            {
                refused ??= $"The contract refused the raw record '{keys[r]}': {string.Join("; ", encoded[r].Problems.Select(p => p.Detail))}.";
            }
        }

        CheckResult result = FeatureSkewCheck.Check(new EncodedRows(package.Package.Contract.FeatureNames, encodedKeys, values), offline, this.Options.SkewBound);
        int unfound = offline.Keys.Count - keys.Length;
        string notes = (unfound > 0 ? $" {unfound} holdout keys have no record in the raw snapshot." : string.Empty) + (refused is null ? string.Empty : " " + refused);
        return [notes.Length == 0 ? result : result with { Detail = result.Detail + notes }];
    }
}
