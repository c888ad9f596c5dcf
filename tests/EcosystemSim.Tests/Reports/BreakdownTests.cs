using System.Globalization;
using EcosystemSim.Model;
using EcosystemSim.Model.Government;
using EcosystemSim.Model.Households;
using EcosystemSim.Reports.Metrics;
using EcosystemSim.Tests.Support;

namespace EcosystemSim.Tests.Reports;

/// <summary>
/// The breakdowns of metrics.csv (age:0-15, age:16-59, age:60+, household:...) and the relative
/// poverty lines: hand-computed on three households, additive over the age bands on a real run, and
/// recomputed from that run's household dump.
/// </summary>
public class BreakdownTests
{
    /// <summary>
    /// Per-capita incomes 4,000 (3 members: one child, one of 16-59, one of 60+), 10,000 (2 members, both 60+)
    /// and 20,000 (1 member, 30): over persons, the median is 4,000 (the lower weighted median of 4,000 x3,
    /// 10,000 x2, 20,000 x1), so the 40% line is 1,600, the 50% line 2,000 and the 60% line 2,400.
    /// </summary>
    private static YearRecords ThreeHouseholds() => new(2030,
        [
            new HouseholdYearRecord { HouseholdId = 0, Region = Region.West, Members = 3, AgedUnder16 = 1, Aged60Plus = 1, DisposableIncomeFen = 3 * 4_000_00, DibaoReceiving = true },
            new HouseholdYearRecord { HouseholdId = 1, Region = Region.East, Members = 2, Aged60Plus = 2, DisposableIncomeFen = 2 * 10_000_00 },
            new HouseholdYearRecord { HouseholdId = 2, Region = Region.East, Members = 1, DisposableIncomeFen = 20_000_00 },
        ],
        [new CountyLedger { CountyId = 0, Region = Region.East, PaymentRatio = 1 }],
        new NationalAccounts { Year = 2030, PovertyLineFen = 5_000_00 },
        Weight: 10);

    private static double Value(string metric, string scope) =>
        MetricRegistry.Compute(ThreeHouseholds(), 0).Single(r => r.Metric == metric && r.Region == scope).Value;

    [Theory]
    [InlineData("population", "age:0-15", 10)]
    [InlineData("population", "age:16-59", 20)]
    [InlineData("population", "age:60+", 30)]
    [InlineData("population", "household:elderly_only", 20)]
    [InlineData("population", "household:with_children", 30)]
    [InlineData("population", "household:dibao", 30)]
    [InlineData("poverty_headcount", "age:60+", 1.0 / 3)] // the 60+ of household 0 is below the 5,000 line; the two of household 1 are not
    [InlineData("poverty_headcount", "age:16-59", 0.5)] // one of household 0, one of household 2
    [InlineData("mean_income_per_capita_yuan", "age:60+", (4_000 + 2 * 10_000) / 3.0)]
    [InlineData("median_income_per_capita_yuan", "age:60+", 10_000)]
    [InlineData("dibao_recipient_rate", "age:0-15", 1)]
    [InlineData("dibao_recipient_rate", "age:60+", 1.0 / 3)]
    [InlineData("relative_poverty_rate_60", "national", 0)] // nobody below 2,400
    [InlineData("relative_poverty_rate_60", "age:60+", 0)]
    public void Breakdowns_have_their_hand_computed_values(string metric, string scope, double expected) =>
        Assert.Equal(expected, Value(metric, scope), 9);

    [Fact]
    public void Relative_lines_are_shares_of_the_national_median_in_every_scope()
    {
        // Household 0 at 1,000 a head: below 40% (1,600), 50% (2,000) and 60% (2,400) of the median,
        // still 4,000 with a fourth household of two at 4,000 (persons: 1,000 x3, 4,000 x2, 10,000 x2, 20,000 x1).
        var year = ThreeHouseholds();
        var poorer = year with { Households = [year.Households[0] with { DisposableIncomeFen = 3 * 1_000_00 }, year.Households[1], year.Households[2], Extra(3, 4_000)] };
        var rows = MetricRegistry.Compute(poorer, 0).ToList();
        double Rate(int share, string scope) => rows.Single(r => r.Metric == $"relative_poverty_rate_{share}" && r.Region == scope).Value;
        Assert.Equal(3.0 / 8, Rate(40, "national"), 12);
        Assert.Equal(3.0 / 8, Rate(60, "national"), 12);
        Assert.Equal(1.0 / 3, Rate(40, "age:60+"), 12);
        Assert.Equal(3.0 / 5, Rate(50, "west"), 12); // the region is measured against the national line, not its own median

        static HouseholdYearRecord Extra(int id, int perCapita) =>
            new() { HouseholdId = id, Region = Region.West, Members = 2, DisposableIncomeFen = 2L * perCapita * 100 };
    }

    [Fact]
    public void Top_up_uptake_is_reported_per_household_beside_per_resident()
    {
        // Two of household 0's three members hold a top-up: 2 of 6 residents, 1 of 3 households.
        var year = ThreeHouseholds();
        var holding = year with { Households = [year.Households[0] with { SupplementaryMedicalHolders = 2 }, year.Households[1], year.Households[2]] };
        var rows = MetricRegistry.Compute(holding, 0).Where(r => r.Region == "national").ToDictionary(r => r.Metric, r => r.Value);
        Assert.Equal(2.0 / 6, rows["supplementary_medical_uptake"], 12);
        Assert.Equal(1.0 / 3, rows["supplementary_medical_household_uptake"], 12);
    }

    [Fact]
    public void An_empty_breakdown_is_NaN_not_an_error()
    {
        var year = ThreeHouseholds();
        var noDibao = year with { Households = [.. year.Households.Select(h => h with { DibaoReceiving = false })] };
        var rows = MetricRegistry.Compute(noDibao, 0).Where(r => r.Region == "household:dibao").ToList();
        Assert.Equal(0, rows.Single(r => r.Metric == "population").Value);
        Assert.True(double.IsNaN(rows.Single(r => r.Metric == "poverty_headcount").Value));
    }

    [Theory]
    [InlineData("per_capita")]
    [InlineData("oecd_modified")]
    [InlineData("square_root")]
    public async Task On_a_run_the_age_bands_add_up_to_the_nation_and_the_dump_gives_the_same_relative_poverty(string scale)
    {
        using var temp = new TempDirectory();
        File.WriteAllText(temp["scaled.yaml"], $"name: scaled\nbase: baseline\nwelfare:\n  equivalence_scale: {scale}\n");
        var run = await Cli.Run("run", temp["scaled.yaml"], "--engine", "inprocess", "--households", "3000", "--years", "3", "--dump-households", "2023", "--out", temp["o"], "-q");
        Assert.True(run.ExitCode == 0, run.Stderr);
        var rows = File.ReadLines(temp["o/metrics.csv"]).Skip(1).Select(l => l.Split(','))
            .Where(f => f[1] == "2023").ToDictionary(f => (f[2], f[3]), f => double.Parse(f[4], CultureInfo.InvariantCulture));
        string[] bands = ["age:0-15", "age:16-59", "age:60+"];
        double population = rows[("national", "population")];
        Assert.True(Math.Abs(bands.Sum(b => rows[(b, "population")]) / population - 1) < 1e-12, "the age bands' populations do not add up to the nation's");
        foreach (string metric in new[] { "poverty_headcount", "poverty_gap", "relative_poverty_rate_40", "relative_poverty_rate_50", "relative_poverty_rate_60", "dibao_recipient_rate" })
        {
            double weighted = bands.Sum(b => rows[(b, metric)] * rows[(b, "population")]) / population;
            Assert.True(Math.Abs(rows[("national", metric)] - weighted) < 1e-12, $"{metric}: national {rows[("national", metric)]}, bands {weighted}");
        }

        // Deciles: whole households ranked by per-capita income; their residents and income add up to the nation's, and their means rise.
        var deciles = Enumerable.Range(1, 10).Select(d => $"decile:{d}").ToArray();
        Assert.True(Math.Abs(deciles.Sum(d => rows[(d, "population")]) / population - 1) < 1e-12, "the deciles' populations do not add up to the nation's");
        Assert.All(deciles, d => Assert.InRange(rows[(d, "population")] / population, 0.09, 0.11));
        double income = deciles.Sum(d => rows[(d, "mean_income_per_capita_yuan")] * rows[(d, "population")]) / population;
        Assert.True(Math.Abs(income / rows[("national", "mean_income_per_capita_yuan")] - 1) < 1e-9, $"deciles' income {income} against the nation's");
        for (int d = 1; d < 10; d++) Assert.True(rows[(deciles[d], "mean_income_per_capita_yuan")] > rows[(deciles[d - 1], "mean_income_per_capita_yuan")], $"decile {d + 1} is not richer than decile {d}");

        // From the dump: persons carry their household's income per equivalent adult (bottom-coded at 1), written out by hand
        // for each scale from the dump's per-capita income, members and children under 14; the line is a share of the persons' median.
        var lines = File.ReadLines(temp["o/households_2023.csv"]).ToList();
        var column = lines[0].Split(',').Select((name, i) => (name, i)).ToDictionary(c => c.name, c => c.i);
        var households = lines.Skip(1).Select(l => l.Split(',')).Select(f =>
        {
            int members = int.Parse(f[column["members"]], CultureInfo.InvariantCulture), children = int.Parse(f[column["aged_under_14"]], CultureInfo.InvariantCulture);
            double size = scale switch
            {
                "per_capita" => members,
                "square_root" => Math.Sqrt(members),
                _ when children == members => 1 + 0.3 * (children - 1), // children left alone by deaths: the first counts as the adult
                _ => 1 + 0.5 * (members - children - 1) + 0.3 * children,
            };
            double total = double.Parse(f[column["post_transfer_income_per_capita"]], CultureInfo.InvariantCulture) * members;
            return (Members: members, Income: Math.Max(1, total / size), Old: int.Parse(f[column["aged_60_plus"]], CultureInfo.InvariantCulture));
        }).ToList();
        var persons = households.OrderBy(h => h.Income).ToList();
        double half = persons.Sum(h => h.Members) / 2.0, cumulative = 0, median = double.NaN;
        foreach (var h in persons)
        {
            cumulative += h.Members;
            if (cumulative >= half)
            {
                median = h.Income;
                break;
            }
        }
        foreach (int share in MetricRegistry.RelativePovertyShares)
        {
            double line = share / 100.0 * median;
            double national = households.Where(h => h.Income < line).Sum(h => h.Members) / (double)households.Sum(h => h.Members);
            double old = households.Where(h => h.Income < line).Sum(h => h.Old) / (double)households.Sum(h => h.Old);
            Assert.Equal(national, rows[("national", $"relative_poverty_rate_{share}")], 9);
            Assert.Equal(old, rows[("age:60+", $"relative_poverty_rate_{share}")], 9);
        }
    }

    [Fact]
    public async Task Breakdowns_by_region_add_up_to_the_national_breakdown_and_are_off_by_default()
    {
        using var temp = new TempDirectory();
        var crossed = await Cli.Run("run", "baseline", "--engine", "inprocess", "--households", "2000", "--years", "2", "--breakdowns", "regions", "--out", temp["r"], "-q");
        var plain = await Cli.Run("run", "baseline", "--engine", "inprocess", "--households", "2000", "--years", "2", "--out", temp["n"], "-q");
        Assert.True(crossed.ExitCode == 0 && plain.ExitCode == 0, crossed.Stderr + plain.Stderr);
        Assert.DoesNotContain(File.ReadLines(temp["n/metrics.csv"]), l => l.Contains('/', StringComparison.Ordinal));
        var rows = File.ReadLines(temp["r/metrics.csv"]).Skip(1).Select(l => l.Split(','))
            .Where(f => f[1] == "2022").ToDictionary(f => (f[2], f[3]), f => double.Parse(f[4], CultureInfo.InvariantCulture));
        string[] regions = ["east", "central", "west", "northeast"];
        foreach (var group in PersonGroups.All)
        {
            double population = rows[(group.Name, "population")];
            Assert.Equal(population, regions.Sum(r => rows[($"{r}/{group.Name}", "population")]), 6);
            foreach (string metric in new[] { "poverty_headcount", "relative_poverty_rate_50", "dibao_recipient_rate", "mean_income_per_capita_yuan" })
            {
                double weighted = regions.Sum(r => rows[($"{r}/{group.Name}", "population")] is var p && p > 0 ? rows[($"{r}/{group.Name}", metric)] * p : 0) / population;
                Assert.True(Math.Abs(weighted - rows[(group.Name, metric)]) <= 1e-9 * Math.Max(1, Math.Abs(weighted)), $"{group.Name} {metric}: regions give {weighted}, the nation {rows[(group.Name, metric)]}");
            }
        }
        // The national rows are the same with or without the regional ones.
        var nationalRows = File.ReadLines(temp["r/metrics.csv"]).Where(l => !l.Contains('/', StringComparison.Ordinal));
        Assert.Equal(File.ReadLines(temp["n/metrics.csv"]), nationalRows);
    }
}
