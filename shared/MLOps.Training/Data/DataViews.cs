using Microsoft.ML;
using Microsoft.ML.Data;
using MLOps.Core.Requirements;
using MLOps.Training.Trainers;

namespace MLOps.Training.Data;

/// <summary>
/// Turns a <see cref="TrainingTable"/> into ML.NET data views. The feature vector's width is only known at run time,
/// so the schema is patched with a fixed-size vector type: trainers and the ONNX exporter both need the known size.
/// </summary>
internal static class DataViews
{
    /// <summary>The labelled rows; <paramref name="weights"/> (one per row) fills the example-weight column of classification rows.</summary>
    public static IDataView Labelled(MLContext ml, TrainingTable table, IReadOnlyList<float>? weights = null) => table.Task switch
    {
        ModelTask.BinaryClassification => Load(ml, table, table.BinaryLabels!.Select((y, r) => new BinaryRow { Label = y, Features = table.Features[r], Weight = weights?[r] ?? 1 }), null),
        ModelTask.Regression => Load(ml, table, table.RegressionLabels!.Select((y, r) => new RegressionRow { Label = y, Features = table.Features[r] }), null),

        // LoadFromEnumerable takes a key column's raw value as the 0-based key index (measured: adding one shifted every
        // class); the key count fixes the number of classes for the trainer.
        _ => Load(
            ml,
            table,
            table.ClassLabels!.Select((y, r) => new ClassRow { Label = y, Features = table.Features[r], Weight = weights?[r] ?? 1 }),
            new KeyDataViewType(typeof(uint), table.ClassNames.Count)),
    };

    public static IDataView FeaturesOnly(MLContext ml, TrainingTable table) =>
        FeaturesOnly(ml, table.Features, table.Width);

    public static IDataView FeaturesOnly(MLContext ml, IEnumerable<float[]> rows, int width)
    {
        SchemaDefinition schema = SchemaDefinition.Create(typeof(FeatureRow));
        schema[TrainerFactory.Features].ColumnType = new VectorDataViewType(NumberDataViewType.Single, width);
        return ml.Data.LoadFromEnumerable(rows.Select(f => new FeatureRow { Features = f }), schema);
    }

    private static IDataView Load<T>(MLContext ml, TrainingTable table, IEnumerable<T> rows, DataViewType? labelType)
        where T : class
    {
        SchemaDefinition schema = SchemaDefinition.Create(typeof(T));
        schema[TrainerFactory.Features].ColumnType = new VectorDataViewType(NumberDataViewType.Single, table.Width);
        if (labelType is not null)
        {
            schema[TrainerFactory.Label].ColumnType = labelType;
        }

        // Materialised once: trainers make several passes and the enumerable would re-run the projection each time.
        return ml.Data.Cache(ml.Data.LoadFromEnumerable(rows.ToArray(), schema));
    }
}
