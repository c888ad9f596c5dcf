namespace EcosystemSim.Model.Parameters;

/// <summary>
/// A value that changes in given years and holds until the next change (a step function).
/// In a scenario: a mapping from year to value, for example <c>{2020: 93, 2022: 98}</c>.
/// Before the first listed year the first value applies.
/// </summary>
[GenerateSerializer(GenerateFieldIds = GenerateFieldIds.PublicProperties), Immutable]
public sealed record YearSchedule
{
    public YearSchedule(IReadOnlyList<int> years, IReadOnlyList<double> values)
    {
        if (years.Count == 0 || years.Count != values.Count)
        {
            throw new ArgumentException("a schedule needs at least one year and one value per year");
        }
        for (int i = 1; i < years.Count; i++)
        {
            if (years[i] <= years[i - 1]) throw new ArgumentException("schedule years must increase");
        }
        Years = [.. years];
        Values = [.. values];
    }

    public int[] Years { get; init; }

    public double[] Values { get; init; }

    /// <summary>The value in force in the given year.</summary>
    public double ValueAt(int year)
    {
        int i = Array.BinarySearch(Years, year);
        if (i >= 0) return Values[i];
        int before = ~i - 1;
        return before < 0 ? Values[0] : Values[before];
    }

    /// <summary>
    /// The value in force in a year, extended beyond the listed years at a growth rate: after the
    /// last year the last value grows, before the first year the first value is discounted.
    /// </summary>
    public double ValueAt(int year, double growthOutside)
    {
        if (year > Years[^1]) return Values[^1] * Math.Pow(1 + growthOutside, year - Years[^1]);
        if (year < Years[0]) return Values[0] / Math.Pow(1 + growthOutside, Years[0] - year);
        return ValueAt(year);
    }

    /// <summary>The last year in which the schedule changes.</summary>
    public int LastYear => Years[^1];

    public static YearSchedule Of(params (int Year, double Value)[] points) =>
        new(points.Select(p => p.Year).ToArray(), points.Select(p => p.Value).ToArray());

    public bool Equals(YearSchedule? other) =>
        other is not null && Years.AsSpan().SequenceEqual(other.Years) && Values.AsSpan().SequenceEqual(other.Values);

    public override int GetHashCode() => HashCode.Combine(Years.Length, Years[0], Values[0]);
}
