namespace EcosystemSim.Model.Parameters;

/// <summary>
/// Documents a scenario parameter: its unit, meaning, admissible range and source. The
/// scenario loader validates against it, and the parameter reference is generated from it,
/// so a parameter without this attribute cannot be set from a scenario.
/// </summary>
[AttributeUsage(AttributeTargets.Property, Inherited = false)]
public sealed class ParamAttribute(string unit, string description) : Attribute
{
    public string Unit { get; } = unit;

    public string Description { get; } = description;

    /// <summary>Smallest admissible value (for numbers, each element of a list or map).</summary>
    public double Min { get; set; } = double.NegativeInfinity;

    /// <summary>Largest admissible value.</summary>
    public double Max { get; set; } = double.PositiveInfinity;

    /// <summary>Whether a mapping that holds this field must give it (it has no meaningful default).</summary>
    public bool Required { get; set; }

    /// <summary>Where the default comes from, or why it was chosen.</summary>
    public string Source { get; set; } = "";

    /// <summary>
    /// Low end of the uncertainty range `ecosim sensitivity` varies the parameter over (NaN: none
    /// declared). Distinct from <see cref="Min"/> and <see cref="Max"/>, which say what the model
    /// accepts: this says what is plausible for a value that is assumed or calibrated rather than
    /// known. For a value by region it is a factor applied to every region's value alike.
    /// </summary>
    public double UncertainLow { get; set; } = double.NaN;

    /// <summary>High end of the uncertainty range (a factor for a value by region).</summary>
    public double UncertainHigh { get; set; } = double.NaN;

    /// <summary>Why the uncertainty range is what it is.</summary>
    public string UncertainWhy { get; set; } = "";

    /// <summary>Whether an uncertainty range is declared.</summary>
    public bool HasUncertainty => !double.IsNaN(UncertainLow) && !double.IsNaN(UncertainHigh);
}

/// <summary>Marks a property whose value is a group of parameters (a YAML mapping).</summary>
[AttributeUsage(AttributeTargets.Property, Inherited = false)]
public sealed class SectionAttribute(string description) : Attribute
{
    public string Description { get; } = description;
}

/// <summary>A section whose fields are written at the level of its parent (no nesting in YAML).</summary>
[AttributeUsage(AttributeTargets.Property, Inherited = false)]
public sealed class FlattenAttribute : Attribute;

/// <summary>Where metrics.csv breaks person-based metrics down by age band and household type (a run setting, `breakdowns`).</summary>
public enum BreakdownScope
{
    /// <summary>Each breakdown nationally (age:60+, household:dibao, ...).</summary>
    National = 0,

    /// <summary>Also each breakdown within each region, as REGION/BREAKDOWN (west/age:60+, ...).</summary>
    Regions = 1,
}
