using EcosystemSim.Reports.Metrics;
using EcosystemSim.Scenarios.Loading;
using EcosystemSim.Tests.Scenarios;

namespace EcosystemSim.Tests;

/// <summary>
/// The reference pages are generated from the code; these tests fail when a page is stale.
/// Run with ECOSIM_UPDATE_DOCS=1 to rewrite them.
/// </summary>
public class GeneratedDocsTests
{
    [Theory]
    [InlineData("docs/parameters.md")]
    [InlineData("docs/metrics.md")]
    [InlineData("Scenarios/scenario.schema.json")]
    public void Generated_docs_are_current(string relative)
    {
        string expected = relative switch
        {
            "docs/parameters.md" => ParameterReference.Markdown(),
            "Scenarios/scenario.schema.json" => SchemaGenerator.Json(),
            _ => MetricReference.Markdown(),
        };
        string path = Path.Combine(ScenarioLoaderTests.RepositoryRoot(), relative);
        if (Environment.GetEnvironmentVariable("ECOSIM_UPDATE_DOCS") == "1") File.WriteAllText(path, expected);
        Assert.True(File.Exists(path), $"{relative} is missing; run with ECOSIM_UPDATE_DOCS=1");
        Assert.True(expected == File.ReadAllText(path), $"{relative} is stale; run with ECOSIM_UPDATE_DOCS=1");
    }

    [Fact]
    public void Every_household_column_and_plot_is_documented_in_the_outputs_page()
    {
        string page = File.ReadAllText(Path.Combine(ScenarioLoaderTests.RepositoryRoot(), "docs", "outputs.md"));
        foreach (var (name, _) in EcosystemSim.Reports.Output.HouseholdsCsv.Columns)
        {
            Assert.Contains($"| `{name}` |", page, StringComparison.Ordinal);
        }
        foreach (var plot in EcosystemSim.Reports.Plots.RunPlots.All)
        {
            Assert.Contains($"| `{plot.Name}` |", page, StringComparison.Ordinal);
        }
    }
}
