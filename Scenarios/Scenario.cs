using EcosystemSim.Model.Parameters;
using EcosystemSim.Model.World;

namespace EcosystemSim.Scenarios;

/// <summary>A scenario: what to run (size, time, seed) and every model parameter. Defaults are the baseline.</summary>
public sealed record Scenario : IValidatable
{
    [Param("text", "Short name of the scenario, used in reports and output names.", Source = "Defaults to the file name")]
    public string Name { get; init; } = "";

    [Param("text", "One or two sentences on what the scenario represents.")]
    public string Description { get; init; } = "";

    [Param("text", "The question the scenario answers, shown at the top of its report.")]
    public string Question { get; init; } = "";

    [Param("choice", "The lesson of a teaching scenario: none, or premium_spiral, trust_recovery or regional_divergence. The report then opens with the chart that carries the lesson and a reading of it written from the run's numbers (docs/outputs.md). Not inherited from a base.",
        Source = "Default none: the report opens with its headline table")]
    public Lesson Lesson { get; init; }

    [Param("text", "A scenario this one starts from: a built-in name or a path relative to this file. Its settings are the defaults here; its interventions come before this file's.")]
    public string Base { get; init; } = "";

    [Param("integer", "Seed of every random draw; the same seed gives the same results.", Min = 0)]
    public ulong Seed { get; init; } = 20210701;

    [Param("year", "First simulated year.", Min = 1990, Max = 2100, Source = "The paper's reference year and the calibration year, 2021")]
    public int StartYear { get; init; } = 2021;

    [Param("years", "Number of simulated years.", Min = 1, Max = 200, Source = "Default horizon 2021-2050 (MODEL.md)")]
    public int Years { get; init; } = 30;

    [Param("households", "Number of simulated households; each stands for rural_population / simulated persons real persons.",
        Min = 1, Max = 50_000_000, Source = "Rationale: 20,000 runs in seconds and keeps regional rates within about a point")]
    public int Households { get; init; } = 20_000;

    [Param("runs", "Replications: runs with seeds derived from the seed (replication 0 uses the seed itself); metrics.csv holds each, summary.csv their mean and 95% interval.",
        Min = 1, Max = 10_000, Source = "Rationale: one run is an illustration; use 10 or more for intervals")]
    public int Replications { get; init; } = 1;

    [Param("year", "Writes money at constant prices of this year (deflated with the model's price index, central.price_inflation year by year) in metrics.csv, summaries, comparisons, reports and household dumps; 0 writes nominal yuan. Must be a year of the run.",
        Min = 0, Max = 2100, Source = "Default 0 (nominal): the calibration targets are nominal; constant prices compare years and policies in real terms")]
    public int PricesYear { get; init; }

    [Param("scopes", "Where metrics.csv breaks person-based metrics down by age band and household type: national (each breakdown nationally) or regions (also within each region, as REGION/BREAKDOWN such as west/age:60+).",
        Source = "Default national: the breakdowns nationally; crossing them with the four regions multiplies their rows by five")]
    public BreakdownScope Breakdowns { get; init; }

    [Flatten]
    public ModelParameters Model { get; init; } = new();

    [Param("list", "The policy timeline: changes by year, applied in year order (and file order within a year).")]
    public Intervention[] Interventions { get; init; } = [];

    /// <summary>The last simulated year.</summary>
    public int EndYear => StartYear + Years - 1;

    public IEnumerable<(string Field, string Message)> Validate()
    {
        int counties = WorldLayout.CountyCount(Model.Population);
        if (Households < counties)
        {
            yield return ("households", $"{Households} is fewer than the {counties} counties (population.counties); every county needs a household");
        }
        if (PricesYear != 0 && (PricesYear < StartYear || PricesYear > EndYear))
        {
            yield return ("prices_year", $"{PricesYear} is outside the run ({StartYear}-{EndYear}); 0 writes nominal yuan");
        }
        var products = Model.Market.Products.Select(p => p.Id).ToList();
        string known = products.Count == 0 ? "no products are defined" : "known: " + string.Join(", ", products);
        for (int i = 0; i < Interventions.Length; i++)
        {
            var change = Interventions[i];
            if (change.Year < StartYear || change.Year > EndYear)
            {
                yield return ($"interventions[{i}].year", $"{change.Year} is outside the run ({StartYear}-{EndYear})");
            }
            foreach (string id in change.Launch.Where(id => !products.Contains(id)))
                yield return ($"interventions[{i}].launch", $"unknown product '{id}' ({known})");
            foreach (string id in change.Withdraw.Where(id => !products.Contains(id)))
                yield return ($"interventions[{i}].withdraw", $"unknown product '{id}' ({known})");
            foreach (var set in change.Set)
            {
                var path = Loading.ParameterPath.Parse(set.Path, typeof(ModelParameters), out _);
                if (path is null) continue;
                if (path.Get(Model) is null)
                {
                    foreach (var (list, id) in path.Entries)
                    {
                        var ids = list == "products" ? products : Model.Market.Insurers.Select(x => x.Id).ToList();
                        if (!ids.Contains(id))
                            yield return ($"interventions[{i}].set.{set.Path}", $"no entry '{id}' in market.{list} (known: {string.Join(", ", ids)})");
                    }
                }
            }
        }
    }
}
