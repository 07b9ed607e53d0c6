using System;

namespace RuleGen.Tests.Events;

/// <summary>A fact that runs only when the shared datasets are present, and is reported as skipped, with the reason, when they are not.</summary>
public sealed class DatasetFactAttribute : FactAttribute
{
    public DatasetFactAttribute()
    {
        if (SharedDatasets.FindDirectory() is null)
        {
            Skip = SharedDatasets.MissingReason;
        }
    }
}

/// <summary>A theory that runs only when the shared datasets are present, and is reported as skipped, with the reason, when they are not.</summary>
public sealed class DatasetTheoryAttribute : TheoryAttribute
{
    public DatasetTheoryAttribute()
    {
        if (SharedDatasets.FindDirectory() is null)
        {
            Skip = SharedDatasets.MissingReason;
        }
    }
}
