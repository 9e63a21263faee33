namespace MLOps.Core.Delivery;

public enum StepMode
{
    /// <summary>Apply the table, bake, judge the gates once (a window with too few requests extends the bake).</summary>
    Bake,

    /// <summary>Apply the table and hold it, judging the gates and the A/B test every bake, until the test decides or time runs out.</summary>
    Experiment,
}
