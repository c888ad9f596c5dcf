using EcosystemSim.Model.Welfare;

namespace EcosystemSim.Tests.Model;

/// <summary>Equivalent sizes under each scale, against the published definitions.</summary>
public class EquivalenceScaleTests
{
    [Theory]
    [InlineData(EquivalenceScale.PerCapita, 4, 2, 4)]
    [InlineData(EquivalenceScale.OecdModified, 4, 2, 2.1)] // Eurostat: two adults and two children under 14 = 1 + 0.5 + 2 x 0.3
    [InlineData(EquivalenceScale.OecdModified, 1, 0, 1)]
    [InlineData(EquivalenceScale.OecdModified, 3, 0, 2)]
    [InlineData(EquivalenceScale.OecdModified, 2, 2, 1.3)] // two children alone: the first counts as the adult
    [InlineData(EquivalenceScale.SquareRoot, 4, 2, 2)]
    [InlineData(EquivalenceScale.SquareRoot, 2, 0, 1.4142135623730951)]
    public void Sizes_follow_the_published_scales(EquivalenceScale scale, int members, int children, double expected) =>
        Assert.Equal(expected, EquivalenceScales.Size(scale, members, children), 12);

    [Fact]
    public void An_empty_household_has_no_size() =>
        Assert.All(Enum.GetValues<EquivalenceScale>(), s => Assert.Equal(0, EquivalenceScales.Size(s, 0, 0)));
}
