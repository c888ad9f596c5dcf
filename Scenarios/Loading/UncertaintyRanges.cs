using EcosystemSim.Model.Parameters;

namespace EcosystemSim.Scenarios.Loading;

/// <summary>
/// A parameter with a declared uncertainty range (<see cref="ParamAttribute.UncertainLow"/>), by its
/// path from the top of a scenario (as in an intervention's set). For a value by region the range is a
/// factor that multiplies every region's value alike (<see cref="ByRegion"/>).
/// </summary>
public sealed record UncertainParameter(string Path, ParameterField Field)
{
    public ParamAttribute Param => Field.Param!;

    public double Low => Param.UncertainLow;

    public double High => Param.UncertainHigh;

    /// <summary>The range is a factor on every region's value (the field is a value by region).</summary>
    public bool ByRegion => Field.Kind == FieldKind.ByRegion;

    /// <summary>The parameter takes whole numbers (values are rounded to the nearest).</summary>
    public bool WholeNumber => Field.Kind == FieldKind.Integer;
}

/// <summary>
/// The parameters `ecosim sensitivity` may vary: every scalar number, whole number or number by region
/// of the parameter tree (outside lists of insurers and products) with a declared uncertainty range, in
/// the order of the parameter reference; and the assumed or calibrated parameters deliberately left
/// without one, with the reason.
/// </summary>
public static class UncertaintyRanges
{
    /// <summary>Every parameter with an uncertainty range.</summary>
    public static IReadOnlyList<UncertainParameter> All { get; } = Walk(typeof(ModelParameters), "").ToArray();

    /// <summary>The parameter at a path, or null when it has no uncertainty range.</summary>
    public static UncertainParameter? Find(string path) => All.FirstOrDefault(p => p.Path == path);

    /// <summary>Why an entry of a list of records (an insurer, a product) has no range: its fields are set per entry.</summary>
    public const string ListEntryReason =
        "set per insurer or product, whose defaults differ by entry: one range cannot fit them all; vary an entry's field with --params PATH=LOW..HIGH";

    /// <summary>
    /// Assumed or calibrated parameters without a range, by path (a list of records stands for every
    /// field of its entries), with the reason.
    /// </summary>
    public static IReadOnlyDictionary<string, string> NotVaried { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["population.household_size_shares"] = "a list of shares normalised to sum 1: no one element can move alone",
        ["demography.migration_ages"] = "a list of increasing age bounds: a structural choice, not a rate",
        ["demography.urbanisation_ages"] = "a list of increasing age bounds: a structural choice, not a rate",
        ["income.earning_weights"] = "a list of weights relative to a working-age adult (fixed at 1); the chronic and remittance parameters carry the uncertainty of earnings",
        ["medical.reimbursement_ratio_range"] = "a list [lowest, highest]: the bounds of a policy corridor rather than a behaviour",
        ["medical.outpatient_ratio"] = "a list [chronic, other] of small effective shares; the outpatient spending levels carry their uncertainty",
        ["market.insurers"] = ListEntryReason,
        ["market.products"] = ListEntryReason,
    };

    private static IEnumerable<UncertainParameter> Walk(Type type, string path)
    {
        foreach (var field in ParameterTree.Fields(type))
        {
            string child = path.Length == 0 ? field.Name : $"{path}.{field.Name}";
            if (field.Kind == FieldKind.Section)
            {
                foreach (var p in Walk(field.Type, child)) yield return p;
            }
            else if (field.Param is { HasUncertainty: true } && (field.Kind is FieldKind.Number or FieldKind.Integer
                     || field.Kind == FieldKind.ByRegion && field.Type == typeof(RegionValues<double>)))
            {
                yield return new UncertainParameter(child, field);
            }
        }
    }
}
