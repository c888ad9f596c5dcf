using EcosystemSim.Model.Parameters;

namespace EcosystemSim.Scenarios;

/// <summary>
/// A change of policy in a year: parameters set to new values, products launched or withdrawn. With
/// a duration it is temporary (a campaign): the values it set return to what they were after it.
/// </summary>
public sealed record Intervention
{
    [Param("year", "Year the change takes effect (within the run).", Min = 1990, Max = 2200, Required = true)]
    public int Year { get; init; }

    [Param("years", "How many years the change lasts; after them the values it set return to what they were (a campaign). 0: for good.",
        Min = 0, Max = 200)]
    public int Years { get; init; }

    [Param("text", "What the change is, in words.")]
    public string Note { get; init; } = "";

    [Param("path: value", "Parameters to change: a mapping from a parameter path to its new value. A path is the dotted field names of this reference (pension.minimum_monthly_yuan), a region after a value by region (local_government.publicity_per_capita_yuan.west) and [id] to pick an insurer or product (market.products[huimin_a].endorsed). A mapping given for a group or a value by region changes only the fields it names.")]
    public ParameterChange[] Set { get; init; } = [];

    [Param("product ids", "Products that go on sale this year (they must be defined in market.products).")]
    public string[] Launch { get; init; } = [];

    [Param("product ids", "Products withdrawn from sale this year.")]
    public string[] Withdraw { get; init; } = [];

    /// <summary>Whether the change is in force in a year.</summary>
    public bool ActiveIn(int year) => year >= Year && (Years == 0 || year < Year + Years);
}

/// <summary>One parameter set by an intervention: a path to a single value and the value.</summary>
/// <param name="Path">The path, resolved against the model's parameters.</param>
/// <param name="Value">The new value, of the type the path leads to.</param>
public sealed record ParameterChange(string Path, object? Value);
