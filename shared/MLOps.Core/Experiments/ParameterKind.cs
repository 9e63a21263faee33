namespace MLOps.Core.Experiments;

// The names are the shared schema with the trainers; they describe value kinds, so "contains type name" is moot.
#pragma warning disable CA1720
public enum ParameterKind { Integer, Float, LogFloat, Categorical }
#pragma warning restore CA1720
