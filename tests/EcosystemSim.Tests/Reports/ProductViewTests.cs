using EcosystemSim.Engine.Engines;
using EcosystemSim.Engine.Experiments;
using EcosystemSim.Reports.Metrics;
using EcosystemSim.Scenarios.Loading;
using EcosystemSim.Tests.Support;
using Serilog.Core;

namespace EcosystemSim.Tests.Reports;

/// <summary>
/// The insurer's view of each product: uptake per household and by income fifth, counted from the
/// households' records, agrees with the insurers' own books; uptake by health splits the policies;
/// the run report carries the product table and the premium path.
/// </summary>
public class ProductViewTests
{
    [Fact]
    public async Task Product_uptake_by_household_fifth_and_health_adds_up_to_the_insurers_books()
    {
        var s = ScenarioLoader.Load("multi-level-market").Scenario with { Households = 2500, Years = 4, Replications = 1 };
        var years = new List<YearRecords>();
        var observer = new RunObserver { YearDone = y => { lock (years) years.Add(y.Records); } };
        var result = await new Experiment(EngineHost.InProcess, Logger.None).RunAsync(s, 1, observer, CancellationToken.None);
        var metrics = result.Replications[0].Metrics.Rows.ToDictionary(r => (r.Year, r.Region, r.Metric), r => r.Value);
        int checkedProducts = 0;
        foreach (var year in years)
        {
            var households = year.Households.Where(h => h.Members > 0).ToArray();
            // Chronic policies as the products count them are the chronic holders as the households count them.
            var medical = year.Insurers.SelectMany(i => i.Products)
                .Where(p => year.Parameters!.Market.Products[p.Product].Kind == EcosystemSim.Model.Parameters.ProductKind.MedicalTopUp);
            Assert.Equal(households.Sum(h => (long)h.SupplementaryMedicalChronicHolders), medical.Sum(p => (long)p.Use.ChronicPolicies));
            Assert.True(medical.Sum(p => p.Use.ChronicPolicies) > 0, $"no chronic policies in {year.Year}");
            long persons = households.Sum(h => (long)h.Members), chronic = households.Sum(h => (long)h.Chronic);
            foreach (var product in year.Insurers.SelectMany(i => i.Products).Where(p => p.Use.Policies > 0))
            {
                checkedProducts++;
                string scope = "product:" + year.Parameters!.Market.Products[product.Product].Id;
                var uses = households.Select(h => h.Products?.Where(u => u.Product == product.Product).Sum(u => u.Policies) ?? 0).ToArray();
                Assert.Equal(product.Use.Policies, uses.Sum()); // households' records against the insurer's books
                Assert.Equal(uses.Count(u => u > 0) / (double)households.Length, metrics[(year.Year, scope, "product_household_uptake")], 12);
                // The fifths' holders add up to every holder: uptake by fifth weighted by the fifth's residents.
                double holders = Enumerable.Range(1, 5).Sum(q => metrics[(year.Year, scope, $"product_uptake_q{q}")] * year.Distributions.QuintileSum(null, q, QuintileCount.Persons));
                Assert.Equal(product.Use.Policies, holders, 6);
                if (year.Parameters.Market.Products[product.Product].Kind == EcosystemSim.Model.Parameters.ProductKind.MedicalTopUp)
                {
                    double byHealth = metrics[(year.Year, scope, "product_uptake_chronic")] * chronic + metrics[(year.Year, scope, "product_uptake_healthy")] * (persons - chronic);
                    Assert.Equal(product.Use.Policies, byHealth, 6);
                }
            }
        }
        Assert.True(checkedProducts > 4, $"only {checkedProducts} product-years sold anything");
    }

    [Fact]
    public async Task The_run_report_has_the_product_table_and_premium_path()
    {
        using var temp = new TempDirectory();
        var run = await Cli.Run("run", "multi-level-market", "--engine", "inprocess", "--households", "1500", "--years", "6", "--out", temp["m"], "-q");
        Assert.True(run.ExitCode == 0, run.Stderr);
        Assert.True(File.Exists(temp["m/plots/product_premiums.png"]));
        string report = File.ReadAllText(temp["m/report.html"]);
        Assert.Contains("<table class=\"products\">", report, StringComparison.Ordinal);
        foreach (var product in ScenarioLoader.Load("multi-level-market").Scenario.Model.Market.Products)
        {
            Assert.Contains($"<tr><td>{product.Id}</td><td>{product.Insurer}</td>", report, StringComparison.Ordinal);
        }
    }
}
