using MLOps.Core.Experiments;

namespace MLOps.UnitTests.Core.Experiments;

public class ClassWeightsTests
{
    [Fact]
    public void Balanced_weights_are_n_over_k_times_the_class_count()
    {
        // 8 rows, 2 classes: six of class 0 weigh 8 / (2·6), two of class 1 weigh 8 / (2·2); each class totals 4.
        float[] weights = ClassWeights.Balanced([0, 0, 1, 0, 0, 1, 0, 0]);

        Assert.Equal([8 / 12f, 8 / 12f, 2f, 8 / 12f, 8 / 12f, 2f, 8 / 12f, 8 / 12f], weights);
    }

    [Fact]
    public void The_weighting_travels_as_a_trial_parameter_and_none_leaves_the_parameters_untouched()
    {
        var trial = new Dictionary<string, string> { ["NumberOfLeaves"] = "8" };

        IReadOnlyDictionary<string, string> balanced = ClassWeights.With(trial, ClassWeighting.Balanced);

        Assert.Same(trial, ClassWeights.With(trial, ClassWeighting.None));
        Assert.Equal("Balanced", balanced[ClassWeights.ParameterName]);
        Assert.Equal(ClassWeighting.Balanced, ClassWeights.Of(balanced));
        Assert.Equal(ClassWeighting.None, ClassWeights.Of(trial));
        Assert.Equal(ClassWeighting.Balanced, ClassWeights.Of(new Dictionary<string, string> { [ClassWeights.ParameterName] = "balanced" }));
        Assert.Throws<FormatException>(() => ClassWeights.Of(new Dictionary<string, string> { [ClassWeights.ParameterName] = "1" }));
    }
}
