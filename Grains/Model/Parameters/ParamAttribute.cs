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
